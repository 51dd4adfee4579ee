"""The Renstra template: sheet "Target" (one row per indicator of every level: satuan and the target
of each year) and sheet "Pagu" (pagu per year of each sub-kegiatan, stage Renstra; programs,
kegiatan and the total are Excel sums, never typed). Pure: built from `RenstraData`."""

from __future__ import annotations

from kecamatan.importing.base import FIRST_DATA_ROW, ID, KODE, normalize
from kecamatan.importing.kinds import NILAI, RUPIAH, SATUAN, nilai_cell
from kecamatan.importing.layout import Column, Identitas, Item, Layout, Row, Rumus, Sheet
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData

FORMAT = "renstra"
TAHAP = "renstra"
TAHAP_LABEL = "Renstra (indikatif)"
TINGKAT = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "kegiatan": "Kegiatan",
           "subkegiatan": "Sub Kegiatan", "total": ""}
# Offered in the Satuan drop-down besides the units the Renstra already uses (one may type others).
SATUAN_UMUM = ("Angka", "Bulan", "Desa", "Dokumen", "Indeks", "Kegiatan", "Keluarga", "Laporan", "Lembaga",
               "Nilai", "Orang", "Orang/Bulan", "Paket", "Persen", "Rekomendasi", "Unit")


def kode_tujuan(urutan: int) -> str:
    return f"T{urutan}"


def kode_sasaran(urutan: int) -> str:
    return f"S{urutan}"


def _target_sheet(data: RenstraData) -> Sheet:
    columns = (
        Column(ID, "ID", width=10, hidden=True),
        Column("tingkat", "Tingkat", width=11),
        Column(KODE, "Kode", width=19),
        Column("uraian", "Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", width=42),
        Column("indikator", "Indikator", width=42),
        Column("satuan", "Satuan", width=14, validation="satuan"),
        Column("awal", f"Kondisi Awal {data.tahun_kondisi_awal}", width=12, kind="nilai"),
    ) + tuple(Column(f"target:{t}", f"Target {t}", width=12, kind="nilai", validation="nilai") for t in data.tahun)
    rows: list[Row] = []

    def owner(level: str, ref_id: int, kode: str, uraian: str, indikator: tuple[IndikatorData, ...]) -> None:
        base = {"tingkat": TINGKAT[level], KODE: kode, "uraian": uraian}
        if not indikator:
            rows.append(Row(f"{level}:{ref_id}", level, kode, {**base, "indikator": "(tanpa indikator)"}))
            return
        for ind in indikator:
            items = (Item(f"satuan:{ind.id}", SATUAN, ("satuan",), f"Satuan: {ind.uraian}", ind.satuan),) + tuple(
                Item(f"target:{ind.id}:{t}", NILAI, (f"target:{t}",), f"Target {t}: {ind.uraian}", ind.target_of(t),
                     rentang=ind.rentang, peran=f"Target {t}")
                for t in data.tahun
            )
            rows.append(Row(
                f"indikator:{ind.id}", level, kode,
                {**base, "indikator": ind.uraian, "awal": nilai_cell(ind.kondisi_awal)},
                items, match=(kode, normalize(ind.uraian)),
            ))

    for tujuan in data.tujuan:
        owner("tujuan", tujuan.id, kode_tujuan(tujuan.urutan), tujuan.uraian, tujuan.indikator)
        for sasaran in tujuan.sasaran:
            owner("sasaran", sasaran.id, kode_sasaran(sasaran.urutan), sasaran.uraian, sasaran.indikator)
    for node in data.nodes():
        owner(node.level, node.id, node.kode, node.nama, node.indikator)
    return Sheet(
        "Target", f"Target kinerja Renstra {data.tahun[0]}-{data.tahun[-1]} · Kecamatan {data.kecamatan}",
        columns, tuple(rows), match_columns=(KODE, "indikator"),
        notes=("Isi sel kuning saja: satuan dan target tiap tahun. Angka ditulis seperti 84,31 atau 1.500; "
               "nilai berlabel seperti 62 (B-); N/A bila indikator tidak berlaku; - bila tidak ada target.",),
    )


def _pagu_sheet(data: RenstraData) -> Sheet:
    columns = (
        Column(ID, "ID", width=10, hidden=True),
        Column("tingkat", "Tingkat", width=11),
        Column(KODE, "Kode", width=19),
        Column("uraian", "Program / Kegiatan / Sub Kegiatan", width=55),
    ) + tuple(Column(f"pagu:{t}", f"Pagu {t} (Rp)", width=17, kind="rupiah") for t in data.tahun) + (
        Column("jumlah", f"Jumlah {data.tahun[0]}-{data.tahun[-1]} (Rp)", width=18, kind="rupiah"),
    )
    order: list[tuple[str, NodeData | None]] = [("total", None)]
    for program in data.program:
        order.append(("program", program))
        for kegiatan in program.children:
            order.append(("kegiatan", kegiatan))
            order.extend(("subkegiatan", sub) for sub in kegiatan.children)
    excel_row = {(kind, node.id if node else 0): FIRST_DATA_ROW + i for i, (kind, node) in enumerate(order)}
    sheet = Sheet("Pagu", "", columns, ())  # for column letters
    pagu_letters = [sheet.letter(f"pagu:{t}") for t in data.tahun]

    def sums(cells: list[int]) -> dict[str, str]:
        out = {}
        for t, letter in zip(data.tahun, pagu_letters):
            out[f"pagu:{t}"] = Rumus("=" + ("+".join(f"{letter}{r}" for r in cells) if cells else "0"))
        return out

    rows: list[Row] = []
    for kind, node in order:
        r = excel_row[(kind, node.id if node else 0)]
        jumlah = Rumus(f"=SUM({pagu_letters[0]}{r}:{pagu_letters[-1]}{r})")
        if kind == "total":
            cells = sums([excel_row[("program", p.id)] for p in data.program])
            rows.append(Row("total", "total", "", {**cells, "uraian": "JUMLAH", "jumlah": jumlah}))
        elif kind == "program":
            cells = sums([excel_row[("kegiatan", k.id)] for k in node.children])
            rows.append(Row(f"program:{node.id}", kind, node.kode, {
                **cells, "tingkat": TINGKAT[kind], KODE: node.kode, "uraian": node.nama, "jumlah": jumlah}))
        elif kind == "kegiatan":
            subs = [excel_row[("subkegiatan", s.id)] for s in node.children]
            cells = ({f"pagu:{t}": Rumus(f"=SUM({letter}{subs[0]}:{letter}{subs[-1]})")
                      for t, letter in zip(data.tahun, pagu_letters)} if subs else sums([]))
            rows.append(Row(f"kegiatan:{node.id}", kind, node.kode, {
                **cells, "tingkat": TINGKAT[kind], KODE: node.kode, "uraian": node.nama, "jumlah": jumlah}))
        else:
            items = tuple(
                Item(f"pagu:{node.id}:{t}:{TAHAP}", RUPIAH, (f"pagu:{t}",),
                     f"Pagu {TAHAP_LABEL} {t}: {node.kode} {node.nama}", node.pagu.get(t))
                for t in data.tahun
            )
            rows.append(Row(f"subkegiatan:{node.id}", kind, node.kode, {
                "tingkat": TINGKAT[kind], KODE: node.kode, "uraian": node.nama, "jumlah": jumlah}, items,
                match=(node.kode,)))
    return Sheet(
        "Pagu", f"Pagu indikatif Renstra {data.tahun[0]}-{data.tahun[-1]} · Kecamatan {data.kecamatan}",
        columns, tuple(rows),
        notes=("Isi pagu sub kegiatan saja (sel kuning), dalam Rupiah: 1.500.000 atau Rp 1.500.000; - berarti 0. "
               "Pagu program, kegiatan dan jumlah dihitung otomatis.",),
    )


def renstra_layout(data: RenstraData, identitas: Identitas) -> Layout:
    used = {ind.satuan for ind in _all_indikator(data) if ind.satuan}
    return Layout(identitas, (_target_sheet(data), _pagu_sheet(data)),
                  lists={"satuan": tuple(sorted(used | set(SATUAN_UMUM), key=str.casefold))})


def _all_indikator(data: RenstraData):
    for tujuan in data.tujuan:
        yield from tujuan.indikator
        for sasaran in tujuan.sasaran:
            yield from sasaran.indikator
    for node in data.nodes():
        yield from node.indikator


__all__ = ["FORMAT", "renstra_layout"]
