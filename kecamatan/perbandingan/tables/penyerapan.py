"""Budget absorption in the Bappeda comparison, two tables (pure: PerbandinganData → Report):

- per kecamatan, keys "no", "kecamatan", "pagu", "realisasi", "penyerapan", "capaian",
  "efisiensi", "status", with the median of the kecamatan and the kabupaten total;
- per program, keys "no", "kode", "program", "pagu", "realisasi", "penyerapan",
  "median:penyerapan" (of the kecamatan), "median:capaian" (of the program's indicators),
  "efisiensi", "kecamatan" (how many), with the total.

Penyerapan = Σ realisasi anggaran TW I..T ÷ Σ pagu × 100; efisiensi = capaian − penyerapan
(LKj Tabel 3.8).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.computations import efisiensi, jumlah, penyerapan
from kecamatan.core.formatting import sebutan_kabupaten
from kecamatan.core.kunci import TW_ROMAWI, kunci_dokumen
from kecamatan.perbandingan.data import IndikatorKecamatan, KecamatanInfo, PerbandinganData, Pilihan
from kecamatan.perbandingan.rules import median, rata_rata
from kecamatan.perbandingan.tables.common import (
    CATATAN_MEDIAN,
    CATATAN_PAGU,
    REALISASI,
    dokumen_map,
    filename,
    judul,
    kolom_indikator,
    kop,
    notes,
    periode_teks,
    sel_of,
    status_tw,
    urutkan,
    warna,
)
from kecamatan.perbandingan.tables.matriks import baris_matriks
from kecamatan.tables.base import ANGKA, KODE, NOMOR, PERSEN, RUPIAH, Column, Report, Row, numbered
from kecamatan.tables.grafik import Batang, GrafikBatang


@dataclass(frozen=True)
class BarisPenyerapan:
    kecamatan: KecamatanInfo
    pagu: Decimal
    realisasi: Decimal
    penyerapan: Decimal | None
    capaian: Decimal | None
    efisiensi: Decimal | None


def _iku_or_program_scope(data: PerbandinganData) -> Callable[[IndikatorKecamatan], bool]:
    """The indicators whose capaian stands beside the money: the matrix's (IKU, or the chosen
    program's), not the program-level ones fetched only for the per-program table."""
    if data.pilihan.program:
        return lambda i: True
    return lambda i: i.level in ("tujuan", "sasaran") or i.iku


def baris_penyerapan(data: PerbandinganData) -> list[BarisPenyerapan]:
    p = data.pilihan
    kolom, _ = kolom_indikator(data, _iku_or_program_scope(data))
    capaian_kec = {r.kecamatan.id: r.rata_rata for r in baris_matriks(data, kolom)}
    pagu: dict[int, Decimal] = defaultdict(Decimal)
    rp: dict[int, Decimal] = defaultdict(Decimal)
    for a in data.anggaran:
        if a.tahun == p.tahun:
            pagu[a.kecamatan_id] += a.pagu
            rp[a.kecamatan_id] += jumlah(a.per_triwulan[: p.triwulan])
    out = []
    for k in data.kecamatan:
        serap = penyerapan(pagu[k.id], rp[k.id]) if k.periode_id else None
        cap = capaian_kec.get(k.id)
        out.append(BarisPenyerapan(k, pagu[k.id], rp[k.id], serap, cap, efisiensi(cap, serap)))
    return out


def _urut_penyerapan(rows: list[BarisPenyerapan], p: Pilihan) -> list[BarisPenyerapan]:
    by_kec = {r.kecamatan.id: r for r in rows}
    field = {"penyerapan": "penyerapan", "capaian": "capaian", "efisiensi": "efisiensi"}.get(p.urut)
    if not field:
        return sorted(rows, key=lambda r: r.kecamatan.nama, reverse=p.turun)
    return [by_kec[k.id] for k in urutkan([r.kecamatan for r in rows],
                                          lambda k: getattr(by_kec[k.id], field), p.turun)]


def columns_penyerapan_kecamatan(p: Pilihan) -> tuple[Column, ...]:
    tw = TW_ROMAWI[p.triwulan]
    return numbered((
        Column("no", "No", kind=NOMOR, width=3.5), Column("kecamatan", "Kecamatan", width=16),
        Column("pagu", f"Pagu {p.tahun} (Rp)", kind=RUPIAH, width=13),
        Column("realisasi", f"Realisasi s.d. TW {tw} (Rp)", kind=RUPIAH, width=13),
        Column("penyerapan", "Penyerapan (%)", kind=PERSEN, width=8),
        Column("capaian", "Capaian kinerja (%)", kind=PERSEN, width=8),
        Column("efisiensi", "Efisiensi (%)", kind=PERSEN, width=8),
        Column("status", f"Realisasi TW {tw} {p.tahun}", width=10),
    ))


def _baris_kecamatan(data: PerbandinganData, docs, no: int, r: BarisPenyerapan) -> Row:
    p, k = data.pilihan, r.kecamatan
    links = {"kecamatan": k.url_renstra} if k.url_renstra else {}
    if k.periode_id:
        url = k.url_realisasi(p.tahun, p.triwulan) + "#anggaran"
        links.update({"pagu": url, "realisasi": url, "penyerapan": url,
                      "status": k.url_dokumen(kunci_dokumen(REALISASI, p.tahun, p.triwulan))})
    fill = {"capaian": warna(r.capaian)} if r.capaian is not None else {}
    return Row("kecamatan", {
        "no": str(no), "kecamatan": k.nama_tampil, "pagu": r.pagu if k.periode_id else None,
        "realisasi": r.realisasi if k.periode_id else None, "penyerapan": r.penyerapan, "capaian": r.capaian,
        "efisiensi": r.efisiensi, "status": status_tw(data, docs, k, p.tahun, p.triwulan),
    }, fill=fill, links=links)


def build_penyerapan_kecamatan(data: PerbandinganData) -> Report:
    p = data.pilihan
    rows_data = _urut_penyerapan(baris_penyerapan(data), p)
    docs = dokumen_map(data)
    rows = [_baris_kecamatan(data, docs, no, r) for no, r in enumerate(rows_data, start=1)]
    with_data = [r for r in rows_data if r.kecamatan.periode_id]
    med_serap = median(r.penyerapan for r in with_data)
    rows.append(Row("subtotal", {
        "no": "", "kecamatan": "Median kecamatan", "pagu": median(r.pagu for r in with_data),
        "realisasi": median(r.realisasi for r in with_data), "penyerapan": med_serap,
        "capaian": median(r.capaian for r in with_data), "efisiensi": median(r.efisiensi for r in with_data),
        "status": "",
    }))
    total_pagu, total_rp = jumlah(r.pagu for r in with_data), jumlah(r.realisasi for r in with_data)
    rows.append(Row("total", {
        "no": "", "kecamatan": sebutan_kabupaten(data.kabupaten), "pagu": total_pagu, "realisasi": total_rp,
        "penyerapan": penyerapan(total_pagu, total_rp), "capaian": None, "efisiensi": None, "status": "",
    }))
    chart = GrafikBatang(
        judul=f"Penyerapan anggaran per kecamatan, {periode_teks(p)}", id="grafik-penyerapan",
        batang=tuple(Batang(r.kecamatan.nama, r.penyerapan) for r in rows_data), acuan=med_serap,
    )
    return Report(
        code="Penyerapan Kecamatan",
        title=judul("Penyerapan Anggaran dan Efisiensi per Kecamatan", data),
        columns=columns_penyerapan_kecamatan(p), rows=tuple(rows), kop=kop(data), notes=notes(
            data, CATATAN_PAGU, "Capaian kinerja: rata-rata capaian indikator pada matriks (pilihan yang sama).",
            CATATAN_MEDIAN),
        filename=filename("penyerapan", data), charts=(chart,),
    )


def columns_penyerapan_program(p: Pilihan) -> tuple[Column, ...]:
    return numbered((
        Column("no", "No", kind=NOMOR, width=3.5), Column("kode", "Kode", kind=KODE, width=7),
        Column("program", "Program", width=26), Column("pagu", f"Pagu {p.tahun} (Rp)", kind=RUPIAH, width=13),
        Column("realisasi", f"Realisasi s.d. TW {TW_ROMAWI[p.triwulan]} (Rp)", kind=RUPIAH, width=13),
        Column("penyerapan", "Penyerapan (%)", kind=PERSEN, width=8),
        Column("median:penyerapan", "Median penyerapan kecamatan (%)", kind=PERSEN, width=9),
        Column("median:capaian", "Median capaian indikator program (%)", kind=PERSEN, width=9),
        Column("efisiensi", "Efisiensi (%)", kind=PERSEN, width=8),
        Column("kecamatan", "Kecamatan", kind=ANGKA, width=7),
    ))


def _per_program(data: PerbandinganData, with_periode: set[int]):
    """Pagu and realisasi s.d. TW by program and kecamatan, and the capaian of each program's own
    indicators by program and kecamatan."""
    p = data.pilihan
    pagu: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    rp: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for a in data.anggaran:
        if a.tahun == p.tahun and a.kecamatan_id in with_periode:
            pagu[a.program_kode][a.kecamatan_id] += a.pagu
            rp[a.program_kode][a.kecamatan_id] += jumlah(a.per_triwulan[: p.triwulan])
    cap: dict[str, dict[int, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for ind in data.indikator:
        if ind.level == "program":
            value = sel_of(ind, p.tahun, p.triwulan).capaian
            if value is not None:
                cap[ind.program_kode][ind.kecamatan_id].append(value)
    return pagu, rp, cap


def build_penyerapan_program(data: PerbandinganData) -> Report:
    names = dict(data.program)
    with_periode = {k.id for k in data.kecamatan if k.periode_id}
    pagu, rp, cap = _per_program(data, with_periode)
    rows = []
    for no, kode in enumerate(sorted(set(pagu) | set(rp)), start=1):
        total_pagu, total_rp = jumlah(pagu[kode].values()), jumlah(rp[kode].values())
        serap = penyerapan(total_pagu, total_rp)
        kec_ids = set(pagu[kode]) | set(rp[kode])
        med_cap = median(rata_rata(v) for v in cap[kode].values())  # each kecamatan's mean, then the median
        rows.append(Row("program", {
            "no": str(no), "kode": kode, "program": names.get(kode, ""), "pagu": total_pagu, "realisasi": total_rp,
            "penyerapan": serap, "median:penyerapan": median(penyerapan(pagu[kode][k], rp[kode][k]) for k in kec_ids),
            "median:capaian": med_cap, "efisiensi": efisiensi(med_cap, serap), "kecamatan": Decimal(len(kec_ids)),
        }, fill={"median:capaian": warna(med_cap)} if med_cap is not None else {}))
    all_pagu = jumlah(v for d in pagu.values() for v in d.values())
    all_rp = jumlah(v for d in rp.values() for v in d.values())
    rows.append(Row("total", {
        "no": "", "kode": "", "program": "Jumlah", "pagu": all_pagu, "realisasi": all_rp,
        "penyerapan": penyerapan(all_pagu, all_rp), "median:penyerapan": None, "median:capaian": None,
        "efisiensi": None, "kecamatan": Decimal(len(with_periode)),
    }))
    return Report(
        code="Penyerapan Program",
        title=judul("Penyerapan Anggaran per Program", data),
        columns=columns_penyerapan_program(data.pilihan), rows=tuple(rows), kop=kop(data), notes=notes(
            data, CATATAN_PAGU, "Capaian program: rata-rata capaian indikator program tiap kecamatan, lalu median "
            "kabupaten; efisiensi program = median capaian − penyerapan program."),
        filename=filename("penyerapan-program", data), name_column="program",
    )


def build_penyerapan(data: PerbandinganData) -> list[Report]:
    return [build_penyerapan_kecamatan(data), build_penyerapan_program(data)]
