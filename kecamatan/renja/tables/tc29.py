"""T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra
Perangkat Daerah s/d Tahun n-1 (tables.md §3.1). Pure.

Layouts (`LAYOUTS`, kecamatan.tables.layout): the annex's eleven columns by default, whole
percents; column 4 either the Renstra target of year n or the target at the end of the Renstra
period; and, as an opt-in, the app's fifteen columns with the anggaran of n-2 (two decimals).

Columns 1–11 as the Renja prints them, computed from what the app holds:
  4  Target Renstra of year n (`Target`), or (layout option kolom4=akhir-periode) the target at
     the end of the Renstra period, aggregated by the indicator's aturan
  5  realisasi up to n-3: the indicator's yearly realisasi up to n-3 (reports, else the history typed
     for the years before the period), aggregated by its aturan
  6  Renja target of n-2, 7 realisasi of n-2 (its triwulan reports), 9 Renja target of n-1
  8  = 7/6, tingkat realisasi (capaian, so a negative-polarity indicator is scored as such)
  10 = 5 + 7 + 9 for indicators whose yearly values add up (satuan Dokumen, Laporan …, aturan
     JUMLAH: the realisasi so far plus the target of the running year); for levels (Persen, Angka,
     Orang/Bulan, aturan NILAI_AKHIR) the latest of 9, 7, 5 — a sum of percentages means nothing;
     RATA_RATA: their mean
  11 = 10/4 (capaian against the Renstra target of year n)
then, beyond the document's eleven (layout "rupiah" only): the anggaran of n-2 (its perubahan if any, else its Renja dana),
its realisasi, their ratio, and the perangkat daerah penanggung jawab (the node's unit kerja, else
the kecamatan). A value that cannot be computed prints "-" (missing input, target 0), or "N/A"
when an input is N/A: never a 0 that was not there.
"""

from __future__ import annotations

from decimal import Decimal

from kecamatan.core.computations import AturanAkhir, Polaritas, akhir_periode, capaian, persen, roll_up
from kecamatan.core.formatting import NA, Nilai
from kecamatan.renja.data import RenjaData
from kecamatan.renja.tables.common import blank, filename, kop_of, wilayah_line
from kecamatan.renstra.data import IndikatorData
from kecamatan.tables.base import COVERED, KODE, NILAI, PERSEN, RUPIAH, Besaran, Column, Report, Row
from kecamatan.tables.layout import DUA_DESIMAL, Layout, TableLayouts, apply

# column keys: what each column means, relative to the Renja year n (tables.md §3.1)
KODE_, NAMA, INDIKATOR = "kode", "nama", "indikator"
TARGET_N = "target:renstra"  # 4: Target Renstra of year n
REAL_N3 = "realisasi:sd-n-3"  # 5: realisasi up to n-3
TARGET_N2, REAL_N2, TINGKAT = "target:n-2", "realisasi:n-2", "tingkat-realisasi"  # 6, 7, 8 = 7/6
TARGET_N1 = "target:n-1"  # 9: Renja target of n-1
PERKIRAAN, CAPAIAN = "realisasi:sd-n-1", "capaian"  # 10 = 5+7+9, 11 = 10/4
ANGGARAN, REAL_ANGGARAN, SERAPAN = "anggaran:n-2", "realisasi-anggaran:n-2", "serapan:n-2"  # 12, 13, 14 = 13/12
PENANGGUNG_JAWAB = "penanggung-jawab"  # 15
SHARED = (KODE_, NAMA, ANGGARAN, REAL_ANGGARAN, SERAPAN, PENANGGUNG_JAWAB)
DEPTH = {"program": 0, "kegiatan": 1, "subkegiatan": 2}

ANNEX = (KODE_, NAMA, INDIKATOR, TARGET_N, REAL_N3, TARGET_N2, REAL_N2, TINGKAT, TARGET_N1, PERKIRAAN, CAPAIAN)
FORMULAS = {TINGKAT: "8=(7/6)", PERKIRAAN: "10=(5+7+9)", CAPAIAN: "11=(10/4)"}
AKHIR_PERIODE = "akhir-periode"
LAYOUTS = TableLayouts("tc29", (
    Layout("lampiran", "Lampiran: 11 kolom, kolom 4 target Renstra tahun n",
           "Lampiran Permendagri 86/2017; Renja Kecamatan Senduro 2024", columns=ANNEX, numbers=FORMULAS),
    Layout("lampiran-akhir-periode", "Lampiran: 11 kolom, kolom 4 target akhir periode Renstra",
           "Renja kecamatan lain di Kabupaten Lumajang", columns=ANNEX, numbers=FORMULAS,
           options={"kolom4": AKHIR_PERIODE},
           labels={TARGET_N: "Target Kinerja Capaian Program pada Akhir Periode Renstra Perangkat Daerah"}),
    Layout("rupiah", "15 kolom: lampiran ditambah anggaran dan realisasi tahun n-2, penanggung jawab",
           "sakip-kecamatan (kolom tambahan, tidak ada di lampiran)", persen=DUA_DESIMAL,
           numbers={**FORMULAS, SERAPAN: "14=(13/12)"}),
))


def columns_tc29(n: int) -> tuple[Column, ...]:
    """The 15 columns the app prints: the Renja's eleven, then the anggaran of n-2 and the
    penanggung jawab."""
    lalu = f"Target dan Realisasi Kinerja Program dan Kegiatan Tahun Lalu ({n - 2})"
    perkiraan = "Perkiraan Realisasi Capaian Target Renstra Perangkat Daerah s/d Tahun Berjalan"
    anggaran = f"Anggaran Tahun {n - 2}"
    return (
        Column(KODE_, "Kode", kind=KODE, number="1", width=11),
        Column(NAMA, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan", number="2", width=17),
        Column(INDIKATOR, "Indikator Kinerja Program/Kegiatan", number="3", width=17),
        Column(TARGET_N, f"Target Kinerja Capaian Program (Renstra Perangkat Daerah) Tahun {n}", kind=NILAI,
               number="4", width=8),
        Column(REAL_N3, f"Realisasi Target Kinerja Hasil Program dan Keluaran Kegiatan s/d Tahun {n - 3}",
               kind=NILAI, number="5", width=8),
        Column(TARGET_N2, f"Target Renja Perangkat Daerah Tahun {n - 2}", group=lalu, kind=NILAI, number="6",
               width=7.5),
        Column(REAL_N2, f"Realisasi Renja Perangkat Daerah Tahun {n - 2}", group=lalu, kind=NILAI, number="7",
               width=7.5),
        Column(TINGKAT, "Tingkat Realisasi (%)", group=lalu, kind=PERSEN, number="8=(7/6)", width=7),
        Column(TARGET_N1, f"Target Program dan Kegiatan (Renja Perangkat Daerah Tahun {n - 1})", kind=NILAI,
               number="9", width=8),
        Column(PERKIRAAN, f"Realisasi Capaian Program dan Kegiatan s/d Tahun {n - 1}", group=perkiraan,
               kind=NILAI, number="10=(5+7+9)", width=8.5),
        Column(CAPAIAN, "Tingkat Capaian Realisasi Target Renstra (%)", group=perkiraan, kind=PERSEN,
               number="11=(10/4)", width=7),
        Column(ANGGARAN, "Anggaran (Rp)", group=anggaran, kind=RUPIAH, number="12", width=9.5),
        Column(REAL_ANGGARAN, "Realisasi (Rp)", group=anggaran, kind=RUPIAH, number="13", width=9.5),
        Column(SERAPAN, "Tingkat Realisasi Anggaran (%)", group=anggaran, kind=PERSEN, number="14=(13/12)",
               width=8.5),
        Column(PENANGGUNG_JAWAB, "Perangkat Daerah Penanggung Jawab", number="15", width=9),
    )


def _na(*values: Nilai) -> bool:
    return any(v.nilai is None and v.label.upper() == NA for v in values)


def _unavailable(*inputs: Nilai) -> Nilai | None:
    """N/A when an input is N/A (printed "N/A"), else None (printed "-")."""
    return Nilai(None, NA) if _na(*inputs) else None


def tingkat_realisasi(target: Nilai, realisasi: Nilai, polaritas: Polaritas = Polaritas.POSITIF) -> Decimal | Nilai | None:
    """Column 8 = 7/6 (and 11 = 10/4): capaian in percent for either polarity."""
    value = capaian(target.nilai, realisasi.nilai, polaritas=polaritas)
    return value if value is not None else _unavailable(target, realisasi)


def perkiraan_realisasi(sd_n3: Nilai, realisasi_n2: Nilai, target_n1: Nilai, aturan: AturanAkhir) -> Nilai:
    """Column 10 = 5 + 7 + 9 for counts (JUMLAH); the latest present value for levels
    (NILAI_AKHIR); their mean for RATA_RATA. Blank or "-" inputs count as nothing; N/A when
    nothing is present and an input is N/A."""
    values = [sd_n3.nilai, realisasi_n2.nilai, target_n1.nilai]
    value = akhir_periode(values, aturan)
    if value is not None:
        return Nilai(value)
    return _unavailable(sd_n3, realisasi_n2, target_n1) or Nilai()


def realisasi_sd(data: RenjaData, ind, tahun: int) -> Nilai:
    """Column 5: the indicator's yearly realisasi up to `tahun`, aggregated by its aturan: its
    triwulan reports, and for the years before the period the history typed on the Renstra."""
    years = [y for y in data.tahun_realisasi(ind.id) if y <= tahun]
    yearly = [data.realisasi_tahunan(ind, y) for y in years]
    value = akhir_periode([v.nilai for v in yearly], ind.aturan)
    if value is not None:
        return Nilai(value)
    return _unavailable(*yearly) or Nilai()


def _cell(value: Nilai, satuan: str) -> Besaran:
    return Besaran(value, satuan)


def anggaran_n2(data: RenjaData) -> dict[object, tuple[Decimal | None, Decimal | None]]:
    """(anggaran, realisasi) of n-2 for every node of the Renstra cascade, rolled up from its
    sub-kegiatan; None where no sub-kegiatan below holds a figure (printed "-", not 0)."""
    n2 = data.tahun - 2
    parent_of: dict[object, object] = {}
    leaves: dict[object, dict[str, Decimal | None]] = {}
    for program in data.renstra.program:
        parent_of[program.key] = None
        for kegiatan in program.children:
            parent_of[kegiatan.key] = program.key
            for sub in kegiatan.children:
                parent_of[sub.key] = kegiatan.key
                anggaran = data.anggaran_final(sub, n2)
                realisasi = data.realisasi_anggaran_tahun(sub.id, n2)
                leaves[sub.key] = {
                    "anggaran": anggaran,
                    "realisasi": realisasi,
                    # counts of sub-kegiatan with a figure: a sum of nothing prints "-", not 0
                    "ada_anggaran": Decimal(anggaran is not None),
                    "ada_realisasi": Decimal(realisasi is not None),
                }
    money = roll_up(leaves, parent_of)
    out = {}
    for key, amounts in money.items():
        out[key] = (amounts["anggaran"] if amounts.get("ada_anggaran") else None,
                    amounts["realisasi"] if amounts.get("ada_realisasi") else None)
    return out


def target_kolom4(data: RenjaData, ind: IndikatorData, layout: Layout) -> Nilai:
    """Column 4: the Renstra target of year n, or the target at the end of the period."""
    if layout.option("kolom4") != AKHIR_PERIODE:
        return ind.target_of(data.tahun)
    value = ind.target_akhir(data.renstra.tahun)
    if value is not None:
        return Nilai(value)
    return _unavailable(*(ind.target_of(t) for t in data.renstra.tahun)) or Nilai()


def kinerja(data: RenjaData, ind: IndikatorData | None, layout: Layout = LAYOUTS.default) -> dict[str, object]:
    """The performance cells of one indicator (columns 3 … 11); "-" everywhere without one."""
    if ind is None:
        return {**dict.fromkeys((TARGET_N, REAL_N3, TARGET_N2, REAL_N2, TARGET_N1, PERKIRAAN), Nilai()),
                TINGKAT: None, CAPAIAN: None}
    n = data.tahun
    target_n = target_kolom4(data, ind, layout)
    sd_n3 = realisasi_sd(data, ind, n - 3)
    target_n2 = data.target_renja_of(ind.id, n - 2)
    realisasi_n2 = data.realisasi_tahunan(ind, n - 2)
    target_n1 = data.target_renja_of(ind.id, n - 1)
    perkiraan = perkiraan_realisasi(sd_n3, realisasi_n2, target_n1, ind.aturan)
    return {
        INDIKATOR: ind.uraian,
        TARGET_N: _cell(target_n, ind.satuan),
        REAL_N3: _cell(sd_n3, ind.satuan),
        TARGET_N2: _cell(target_n2, ind.satuan),
        REAL_N2: _cell(realisasi_n2, ind.satuan),
        TINGKAT: tingkat_realisasi(target_n2, realisasi_n2, ind.polaritas),
        TARGET_N1: _cell(target_n1, ind.satuan),
        PERKIRAAN: _cell(perkiraan, ind.satuan),
        CAPAIAN: tingkat_realisasi(target_n, perkiraan, ind.polaritas),
    }


def build_tc29(data: RenjaData) -> Report:
    layout = LAYOUTS.get(data.tata_letak.get(LAYOUTS.table))
    n = data.tahun
    columns = columns_tc29(n)
    money = anggaran_n2(data)
    rows: list[Row] = []
    for node in data.renstra.nodes():
        anggaran, realisasi = money.get(node.key, (None, None))
        shared = {KODE_: node.kode, NAMA: node.nama, ANGGARAN: anggaran, REAL_ANGGARAN: realisasi,
                  SERAPAN: persen(realisasi, anggaran),
                  PENANGGUNG_JAWAB: node.unit_kerja or f"Kecamatan {data.kecamatan}"}
        indikator = node.indikator or (None,)
        span = len(indikator)
        for k, ind in enumerate(indikator):
            cells = blank(columns)
            cells.update(shared if k == 0 else dict.fromkeys(SHARED, COVERED))
            cells.update(kinerja(data, ind, layout))
            rowspan = dict.fromkeys(SHARED, span) if (k == 0 and span > 1) else {}
            key = node.kode if k == 0 else f"{node.kode}#{k + 1}"
            rows.append(Row(node.level, cells, level=DEPTH[node.level], rowspan=rowspan, key=key))

    return apply(layout, Report(
        code="T-C.29",
        title=(
            "Tabel T-C.29",
            "Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah",
            f"s/d Tahun {n - 1} (Tahun Berjalan)",
            wilayah_line(data),
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column=NAMA,
        filename=filename("tc29", data),
    ))
