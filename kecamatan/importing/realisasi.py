"""The template of one triwulan: sheet "Realisasi Kinerja" (per indicator: the value of the
triwulan, or a label such as N/A with its reason) and sheet "Realisasi Anggaran" (Rp spent per
sub-kegiatan in the triwulan). Earlier triwulan, target and pagu are shown, locked, for context.
Pure: built from `RealisasiTriwulanData`."""

from __future__ import annotations

from kecamatan.importing.base import ID, KODE, normalize
from kecamatan.importing.kinds import REALISASI, RUPIAH, NilaiKeterangan, nilai_cell
from kecamatan.importing.layout import Column, Identitas, Item, Layout, Row, Sheet
from kecamatan.importing.renstra import TINGKAT
from kecamatan.realisasi.data import RealisasiTriwulanData

FORMAT = "realisasi"
TW_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _kinerja_sheet(data: RealisasiTriwulanData) -> Sheet:
    tw = data.triwulan
    columns = [
        Column(ID, "ID", width=10, hidden=True),
        Column("tingkat", "Tingkat", width=11),
        Column(KODE, "Kode", width=19),
        Column("uraian", "Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", width=40),
        Column("indikator", "Indikator", width=40),
        Column("satuan", "Satuan", width=12),
        Column("target", f"Target {data.tahun}", width=12, kind="nilai"),
    ]
    columns += [Column(f"tw:{t}", f"Realisasi TW {TW_ROMAWI[t]}", width=12, kind="nilai") for t in range(1, tw)]
    columns += [
        Column("realisasi", f"Realisasi TW {TW_ROMAWI[tw]}", width=13, kind="nilai", validation="nilai"),
        Column("keterangan", f"Keterangan TW {TW_ROMAWI[tw]}", width=36),
    ]
    rows: list[Row] = []
    for group in data.pemilik:
        base = {"tingkat": TINGKAT[group.level], KODE: group.kode, "uraian": group.nama}
        if not group.indikator:
            rows.append(Row(f"{group.level}:{group.kode}", group.level, group.kode,
                            {**base, "indikator": "(tanpa indikator)"}))
            continue
        for ind in group.indikator:
            cells = {**base, "indikator": ind.uraian, "satuan": ind.satuan, "target": nilai_cell(ind.target)}
            cells.update({f"tw:{t}": nilai_cell(ind.per_triwulan[t - 1]) for t in range(1, tw)})
            current = NilaiKeterangan(ind.per_triwulan[tw - 1], ind.keterangan[tw - 1])
            item = Item(f"realisasi:{ind.id}:{data.tahun}:{tw}", REALISASI, ("realisasi", "keterangan"),
                        f"Realisasi TW {TW_ROMAWI[tw]}: {ind.uraian}", current, rentang=ind.rentang,
                        peran="Realisasi")
            rows.append(Row(f"indikator:{ind.id}", group.level, group.kode, cells, (item,),
                            match=(group.kode, normalize(ind.uraian))))
    return Sheet(
        "Realisasi Kinerja",
        f"Realisasi kinerja TW {TW_ROMAWI[tw]} {data.tahun} · Kecamatan {data.kecamatan}",
        tuple(columns), tuple(rows), match_columns=(KODE, "indikator"),
        notes=(f"Isi sel kuning: realisasi TW {TW_ROMAWI[tw]} (angka seperti 84,5 atau 1.500; 62 (B-)), atau N/A "
               "dengan alasannya di kolom keterangan. Kosongkan keduanya untuk menghapus isian.",),
    )


def _anggaran_sheet(data: RealisasiTriwulanData) -> Sheet:
    tw = data.triwulan
    columns = [
        Column(ID, "ID", width=10, hidden=True),
        Column("tingkat", "Tingkat", width=11),
        Column(KODE, "Kode", width=19),
        Column("uraian", "Program / Kegiatan / Sub Kegiatan", width=50),
        Column("pagu", f"Pagu {data.tahun} (Rp)", width=17, kind="rupiah"),
        Column("tahap", "Tahap Pagu", width=16),
    ]
    columns += [Column(f"tw:{t}", f"Realisasi Rp TW {TW_ROMAWI[t]}", width=17, kind="rupiah") for t in range(1, tw)]
    columns += [Column("rp", f"Realisasi Rp TW {TW_ROMAWI[tw]}", width=18, kind="rupiah")]
    subs = {a.kode: a for a in data.anggaran}
    rows: list[Row] = []
    for group in data.pemilik:
        if group.level in ("program", "kegiatan"):
            rows.append(Row(f"{group.level}:{group.kode}", group.level, group.kode,
                            {"tingkat": TINGKAT[group.level], KODE: group.kode, "uraian": group.nama}))
        elif group.level == "subkegiatan" and group.kode in subs:
            sub = subs[group.kode]
            cells = {"tingkat": TINGKAT["subkegiatan"], KODE: sub.kode, "uraian": sub.nama, "pagu": sub.pagu,
                     "tahap": sub.tahap_pagu}
            cells.update({f"tw:{t}": sub.per_triwulan[t - 1] for t in range(1, tw)})
            item = Item(f"rp:{sub.id}:{data.tahun}:{tw}", RUPIAH, ("rp",),
                        f"Realisasi Rp TW {TW_ROMAWI[tw]}: {sub.kode} {sub.nama}", sub.per_triwulan[tw - 1])
            rows.append(Row(f"subkegiatan:{sub.id}", "subkegiatan", sub.kode, cells, (item,), match=(sub.kode,)))
    return Sheet(
        "Realisasi Anggaran",
        f"Realisasi anggaran TW {TW_ROMAWI[tw]} {data.tahun} · Kecamatan {data.kecamatan}",
        tuple(columns), tuple(rows),
        notes=(f"Isi sel kuning: Rupiah yang dibelanjakan pada TW {TW_ROMAWI[tw]} saja (bukan kumulatif), "
               "mis. 1.500.000 atau Rp 1.500.000; - berarti 0.",),
    )


def realisasi_layout(data: RealisasiTriwulanData, identitas: Identitas) -> Layout:
    return Layout(identitas, (_kinerja_sheet(data), _anggaran_sheet(data)))


__all__ = ["FORMAT", "realisasi_layout"]
