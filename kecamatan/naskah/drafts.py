"""Drafted narrative: the sentences an office writes by hand under its performance tables
(target, realisasi, capaian and its criterion, change from last year, against the end-of-Renstra
target, against another kecamatan, efisiensi, the budget), written by the app in Indonesian.

Every figure in a sentence is read from the cells of the built Report the document prints
beside it, by column key (`row.cells["capaian"]`, never by position or header text), and
formatted the way that table formats it (`base.format_cell`), so text and tables cannot
disagree: change the data and both change. Comparisons (naik/turun, melampaui target)
use the same cell values. The drafts are markup (`markup.py`) and name tables by reference
(`{tabel:lkj31}`), which the document resolves to its own numbering. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import format_number, format_rupiah, quantize
from kecamatan.lkj.data import KinerjaItem, LkjData, normalize_uraian
from kecamatan.naskah.document import Draf
from kecamatan.renja.tables import renja41, tc33
from kecamatan.renstra.data import IndikatorData
from kecamatan.tables.base import COVERED, PERSEN_SATUAN, Besaran, Report, Row, format_cell

HUNDRED = Decimal(100)


# --- reading the tables --------------------------------------------------------------------------


def node_rows(report: Report, kind: str, name_column: str) -> list[Row]:
    """The rows of one kind that start a node (not the stacked continuation rows of a node with
    several indicators, whose shared cells are COVERED)."""
    report.column(name_column)  # a key the table does not have is a KeyError, not "no rows"
    return [row for row in report.rows if row.kind == kind and row.cells.get(name_column) is not COVERED
            and str(row.cells.get(name_column) or "").strip()]


def cell_text(report: Report, row: Row, key: str) -> str:
    """A cell as its table prints it."""
    return format_cell(row.cells.get(key), report.column(key).kind)


@dataclass(frozen=True)
class Sel:
    """A cell as the table prints it and the number behind it."""

    teks: str
    angka: Decimal | None

    @property
    def ada(self) -> bool:
        return self.angka is not None


def sel(report: Report, row: Row, key: str) -> Sel:
    value = row.cells.get(key)
    if isinstance(value, Besaran):
        number = value.nilai.nilai
    elif isinstance(value, Decimal):
        number = value
    else:
        number = None
    return Sel(cell_text(report, row, key), number)


def _printed(value: Sel) -> Decimal | None:
    """A percentage as the table shows it (two decimals), for differences that check by hand."""
    return None if value.angka is None else quantize(value.angka, 2)


# --- wording -------------------------------------------------------------------------------------


def subjek(item: KinerjaItem) -> str:
    if item.level == "tujuan":
        return f"Tujuan \u201c{item.pernyataan}\u201d"
    return f"Sasaran strategis {item.nomor} \u201c{item.pernyataan}\u201d"


def negatif(ind: IndikatorData) -> bool:
    return Polaritas(ind.polaritas) is Polaritas.NEGATIF


def selisih(delta: Decimal, satuan: str) -> str:
    """A difference in the indicator's own unit: "4,15 poin persen", "2 Dokumen", "1,5 poin"."""
    amount = format_number(abs(delta))
    key = (satuan or "").strip().lower()
    if key in PERSEN_SATUAN:
        return f"{amount} poin persen"
    if key in {"", "angka", "indeks", "nilai", "skor", "rasio", "predikat"}:
        return f"{amount} poin"
    return f"{amount} {satuan.strip()}"


def _realisasi_missing(text: str) -> str:
    """How a missing realisasi is said: not reported at all, or reported as a label (N/A)."""
    return "belum dilaporkan" if text in ("", "-") else f"tercatat {text}"


# --- LKj -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LkjReports:
    """The built LKj tables the drafts read (the same objects the document prints)."""

    lkj33: Report
    lkj34: tuple[Report, ...]
    lkj35: Report
    lkj36: Report
    lkj37: Report
    lkj38: Report
    lkj39: Report


def draf_capaian(data: LkjData, item: KinerjaItem, r33: Report, row: Row) -> str:
    ind = item.indikator
    target, realisasi = sel(r33, row, "target"), sel(r33, row, "realisasi")
    capaian, kriteria = sel(r33, row, "capaian"), sel(r33, row, "kriteria")
    n = data.tahun
    pembuka = f"{subjek(item)} diukur dengan indikator {ind.uraian}"
    if negatif(ind):
        pembuka += (", indikator berpolaritas negatif: makin rendah realisasinya, makin baik kinerjanya")
    if not target.ada:
        return (f"{pembuka}. Target tahun {n} belum ditetapkan, sehingga capaian kinerjanya belum dapat "
                f"dihitung.")
    if not realisasi.ada:
        return (f"{pembuka}, dengan target tahun {n} sebesar {target.teks}. Realisasi tahun {n} "
                f"{_realisasi_missing(realisasi.teks)}, sehingga capaian kinerja dan kriterianya belum dapat "
                f"dihitung.")
    if realisasi.angka == target.angka:
        banding = "sama dengan target"
    elif negatif(ind):
        banding = ("lebih rendah dari target, berarti lebih baik" if realisasi.angka < target.angka
                   else "lebih tinggi dari target, berarti belum mencapai target")
    else:
        banding = "melampaui target" if realisasi.angka > target.angka else "di bawah target"
    rumus = ("(2 × target − realisasi) ÷ target × 100" if negatif(ind) else "realisasi ÷ target × 100")
    if not capaian.ada:
        return (f"{pembuka}. Target tahun {n} sebesar {target.teks} dan realisasinya {realisasi.teks}, "
                f"{banding}; capaian kinerjanya tidak dapat dihitung karena targetnya nol.")
    return (f"{pembuka}. Target tahun {n} sebesar {target.teks} dan realisasinya {realisasi.teks}, {banding}, "
            f"sehingga capaian kinerjanya {capaian.teks} ({rumus}) dengan kriteria {kriteria.teks} "
            f"menurut {{tabel:lkj31}}.")


def _tahun_lalu(data: LkjData, item: KinerjaItem, index: int, reports: LkjReports) -> tuple[Sel, Sel, str] | None:
    """Realisasi and capaian of the year before, from the table that prints them: Tabel 3.5 when
    it is in this Renstra, else the Tabel 3.4 of the earlier Renstra (indicator matched by its
    wording). None when no table holds that year for this indicator."""
    lalu = data.tahun - 1
    if lalu in data.renstra.tahun:
        row = reports.lkj35.rows[index]
        return sel(reports.lkj35, row, f"realisasi:{lalu}"), sel(reports.lkj35, row, f"capaian:{lalu}"), "lkj35"
    wanted = normalize_uraian(item.indikator.uraian)
    for report in reports.lkj34:
        if f"capaian:{lalu}" not in report.keys:
            continue
        for row in report.rows:
            if row.kind == item.level and normalize_uraian(str(row.cells.get("indikator", ""))) == wanted:
                return sel(report, row, f"realisasi:{lalu}"), sel(report, row, f"capaian:{lalu}"), "lkj34"
    return None


def draf_tahun_lalu(data: LkjData, item: KinerjaItem, index: int, reports: LkjReports) -> str:
    ind = item.indikator
    r33, row = reports.lkj33, reports.lkj33.rows[index]
    realisasi, capaian = sel(r33, row, "realisasi"), sel(r33, row, "capaian")
    lalu = data.tahun - 1
    found = _tahun_lalu(data, item, index, reports)
    if found is None:
        return (f"Indikator {ind.uraian} tidak mempunyai realisasi tahun {lalu} yang sebanding (indikator ini tidak "
                f"ada pada Renstra tahun {lalu} dengan rumusan yang sama), sehingga belum dapat dibandingkan "
                f"dengan tahun sebelumnya.")
    r_lalu, c_lalu, ref = found
    sumber = f"{{tabel:{ref}}}"
    if not r_lalu.ada:
        return (f"Realisasi indikator {ind.uraian} tahun {lalu} {_realisasi_missing(r_lalu.teks)} ({sumber}), "
                f"sehingga belum dapat dibandingkan dengan tahun {data.tahun}.")
    if not realisasi.ada:
        capaian_lalu = f", capaian {c_lalu.teks}" if c_lalu.ada else ""
        return (f"Realisasi indikator {ind.uraian} tahun {data.tahun} {_realisasi_missing(realisasi.teks)}, "
                f"sehingga belum dapat dibandingkan dengan tahun {lalu} (realisasi {r_lalu.teks}{capaian_lalu}; "
                f"{sumber}).")
    delta = realisasi.angka - r_lalu.angka
    if delta == 0:
        kalimat = f"realisasi indikator {ind.uraian} tahun {data.tahun} sama dengan tahun {lalu}, yaitu {realisasi.teks}"
    else:
        arah = "naik" if delta > 0 else "turun"
        kalimat = (f"realisasi indikator {ind.uraian} {arah} {selisih(delta, ind.satuan)}, dari {r_lalu.teks} pada "
                   f"tahun {lalu} menjadi {realisasi.teks} pada tahun {data.tahun}")
    text = f"Dibandingkan tahun sebelumnya ({sumber}), {kalimat}"
    if capaian.ada and c_lalu.ada:
        dc = _printed(capaian) - _printed(c_lalu)
        if dc == 0:
            text += f"; capaian kinerjanya tetap {capaian.teks}"
        else:
            arah = "naik" if dc > 0 else "turun"
            text += (f"; capaian kinerjanya {arah} {format_number(abs(dc), 2)} poin persen, dari {c_lalu.teks} "
                     f"menjadi {capaian.teks}")
    if negatif(ind) and delta != 0:
        text += (". Karena indikator ini berpolaritas negatif, kenaikan realisasi berarti kinerja menurun"
                 if delta > 0 else ". Karena indikator ini berpolaritas negatif, penurunan realisasi berarti "
                                   "kinerja membaik")
    return text + "."


def draf_akhir_renstra(data: LkjData, item: KinerjaItem, index: int, reports: LkjReports) -> str:
    ind = item.indikator
    r36, row = reports.lkj36, reports.lkj36.rows[index]
    akhir, realisasi, capaian = (sel(r36, row, "target:akhir"), sel(r36, row, "realisasi"),
                                 sel(r36, row, "capaian"))
    r = data.renstra
    label = f"{r.tahun[0]}-{r.tahun[-1]}"
    if not akhir.ada:
        return f"Target akhir Renstra {label} untuk indikator {ind.uraian} belum ditetapkan."
    text = f"Target akhir Renstra {label} untuk indikator {ind.uraian} sebesar {akhir.teks}"
    if not realisasi.ada:
        return (f"{text}. Realisasi tahun {data.tahun} {_realisasi_missing(realisasi.teks)}, sehingga capaian "
                f"terhadap target akhir Renstra belum dapat dihitung.")
    text += f"; dengan realisasi tahun {data.tahun} sebesar {realisasi.teks}, capaiannya terhadap target akhir {capaian.teks}"
    if capaian.ada and capaian.angka >= HUNDRED:
        return text + ", sehingga target akhir Renstra sudah terpenuhi."
    gap = (realisasi.angka - akhir.angka) if negatif(ind) else (akhir.angka - realisasi.angka)
    kerja = "diturunkan" if negatif(ind) else "ditingkatkan"
    return (text + f", sehingga target akhir Renstra belum terpenuhi: realisasi masih perlu {kerja} "
                   f"{selisih(gap, ind.satuan)} sampai tahun {r.tahun[-1]}.")


def draf_pembanding(data: LkjData, item: KinerjaItem, index: int, reports: LkjReports) -> str:
    ind = item.indikator
    r37, row = reports.lkj37, reports.lkj37.rows[index]
    own = data.renstra.kecamatan
    if data.pembanding is None:
        return "Belum dipilih kecamatan pembanding untuk tabel perbandingan."
    nama = f"Kecamatan {data.pembanding.kecamatan}"
    realisasi, theirs = sel(r37, row, "realisasi"), sel(r37, row, "pembanding")
    if not theirs.ada:
        return f"{nama} belum mempunyai realisasi tahun {data.tahun} untuk indikator {ind.uraian}."
    if not realisasi.ada:
        return (f"Realisasi indikator {ind.uraian} Kecamatan {own} tahun {data.tahun} "
                f"{_realisasi_missing(realisasi.teks)}, sedangkan {nama} {theirs.teks}.")
    delta = realisasi.angka - theirs.angka
    head = f"Realisasi indikator {ind.uraian} Kecamatan {own} tahun {data.tahun} sebesar {realisasi.teks}"
    if delta == 0:
        return f"{head}, sama dengan {nama} ({theirs.teks})."
    arah = "lebih tinggi" if delta > 0 else "lebih rendah"
    text = f"{head}, {arah} {selisih(delta, ind.satuan)} daripada {nama} ({theirs.teks})"
    if negatif(ind):
        baik = delta < 0
        text += (f"; karena indikator ini berpolaritas negatif, kinerja Kecamatan {own} "
                 f"{'lebih baik' if baik else 'lebih rendah'} daripada {nama}")
    return text + "."


def draf_efisiensi(data: LkjData, item: KinerjaItem, index: int, reports: LkjReports) -> str:
    r38, row = reports.lkj38, reports.lkj38.rows[index]
    capaian = sel(r38, row, "capaian")
    serapan = sel(r38, row, "penyerapan")
    efisiensi = sel(r38, row, "efisiensi")
    anggaran = data.rolled(data.pagu_akhir)[(item.level, item.owner_id)]
    realisasi = data.rolled(data.realisasi_anggaran)[(item.level, item.owner_id)]
    uang = (f"Anggaran yang mendukung {subjek(item)} tahun {data.tahun} sebesar Rp {format_rupiah(anggaran)} "
            f"dengan realisasi Rp {format_rupiah(realisasi)}")
    if not serapan.ada:
        return f"{uang}; penyerapan anggaran dan tingkat efisiensinya belum dapat dihitung."
    uang += f", sehingga penyerapan anggarannya {serapan.teks}"
    if not capaian.ada:
        return f"{uang}. Capaian kinerjanya belum ada, sehingga tingkat efisiensi belum dapat dihitung."
    text = (f"{uang}. Dengan capaian kinerja {capaian.teks}, tingkat efisiensinya {efisiensi.teks} "
            f"(capaian kinerja − penyerapan anggaran, {{tabel:lkj38}})")
    if efisiensi.angka > 0:
        return text + ": capaian kinerja lebih tinggi daripada penyerapan anggaran, sehingga anggaran digunakan efisien."
    if efisiensi.angka == 0:
        return text + ": capaian kinerja sebanding dengan penyerapan anggaran."
    return text + ": penyerapan anggaran lebih tinggi daripada capaian kinerja, sehingga penggunaan anggaran belum efisien."


def draf_pengukuran(data: LkjData, reports: LkjReports) -> str:
    r33 = reports.lkj33
    values = [sel(r33, row, "capaian") for row in r33.rows]
    tercapai = sum(1 for v in values if v.ada and _printed(v) >= HUNDRED)
    kurang = sum(1 for v in values if v.ada and _printed(v) < HUNDRED)
    kosong = sum(1 for v in values if not v.ada)
    return (f"Dari {len(values)} indikator kinerja tujuan dan sasaran strategis tahun {data.tahun} "
            f"({{tabel:lkj33}}):\n"
            f"1. indikator dengan capaian 100% atau lebih: {tercapai};\n"
            f"2. indikator dengan capaian di bawah 100%: {kurang};\n"
            f"3. indikator yang belum dapat diukur capaiannya: {kosong}.")


def draf_anggaran(data: LkjData, reports: LkjReports) -> str:
    r39 = reports.lkj39
    total = r39.rows[-1]
    anggaran, realisasi, persen = (sel(r39, total, "anggaran"), sel(r39, total, "realisasi"),
                                   sel(r39, total, "penyerapan"))
    text = (f"Anggaran Kecamatan {data.renstra.kecamatan} tahun {data.tahun} sebesar Rp {anggaran.teks} dengan "
            f"realisasi sampai 31 Desember {data.tahun} sebesar Rp {realisasi.teks} atau {persen.teks} "
            f"({{tabel:lkj39}}).")
    programs = [(str(row.cells.get("program", "")), sel(r39, row, "penyerapan")) for row in r39.rows[:-1]]
    scored = [(name, s) for name, s in programs if s.ada]
    if len(scored) > 1:
        low_name, low = min(scored, key=lambda p: p[1].angka)
        text += f" Penyerapan terendah pada {low_name} ({low.teks})."
    return text


def _ringkas(item: KinerjaItem, r33: Report, row: Row) -> str:
    ind = item.indikator
    target, realisasi = sel(r33, row, "target"), sel(r33, row, "realisasi")
    capaian, kriteria = sel(r33, row, "capaian"), sel(r33, row, "kriteria")
    if not realisasi.ada:
        return f"{ind.uraian}: target {target.teks}, realisasi {_realisasi_missing(realisasi.teks)}"
    tail = f", capaian {capaian.teks} ({kriteria.teks})" if capaian.ada else ""
    return f"{ind.uraian}: target {target.teks}, realisasi {realisasi.teks}{tail}"


def draf_ringkasan(data: LkjData, reports: LkjReports, *, pembuka: str) -> str:
    r33 = reports.lkj33
    lines = [pembuka]
    for i, (item, row) in enumerate(zip(data.items(), r33.rows), start=1):
        lines.append(f"{i}. {_ringkas(item, r33, row)};")
    if len(lines) > 1:
        lines[-1] = lines[-1].rstrip(";") + "."
    return "\n".join(lines)


def lkj_drafts(data: LkjData, reports: LkjReports) -> dict[str, list[Draf]]:
    """The drafted paragraphs of an LKj, by the section they go in."""
    items = data.items()
    per = {"capaian": [], "tahun-lalu": [], "akhir-renstra": [], "pembanding": [], "efisiensi": []}
    for i, (item, row) in enumerate(zip(items, reports.lkj33.rows)):
        ind = item.indikator
        judul = f"{subjek(item)} · {ind.uraian}"
        per["capaian"].append(Draf(f"capaian:{ind.id}", judul, draf_capaian(data, item, reports.lkj33, row)))
        per["tahun-lalu"].append(Draf(f"tahun-lalu:{ind.id}", judul, draf_tahun_lalu(data, item, i, reports)))
        per["akhir-renstra"].append(Draf(f"akhir-renstra:{ind.id}", judul, draf_akhir_renstra(data, item, i, reports)))
        if data.pembanding is not None or i == 0:
            per["pembanding"].append(Draf(f"pembanding:{ind.id}", judul, draf_pembanding(data, item, i, reports)))
        per["efisiensi"].append(Draf(f"efisiensi:{ind.id}", judul, draf_efisiensi(data, item, i, reports)))
    k = data.renstra.kecamatan
    per["pengukuran"] = [Draf("ringkasan-pengukuran", "Ringkasan pengukuran kinerja", draf_pengukuran(data, reports))]
    per["anggaran"] = [Draf("ringkasan-anggaran", "Ringkasan realisasi anggaran", draf_anggaran(data, reports))]
    per["ikhtisar"] = [
        Draf("ikhtisar-capaian", "Ringkasan capaian kinerja", draf_ringkasan(
            data, reports, pembuka=f"Capaian kinerja Kecamatan {k} tahun {data.tahun} ({{tabel:lkj33}}):")),
        Draf("ikhtisar-anggaran", "Ringkasan realisasi anggaran", draf_anggaran(data, reports)),
    ]
    per["penutup"] = [Draf("penutup-capaian", "Ringkasan capaian kinerja", draf_ringkasan(
        data, reports, pembuka=f"Berdasarkan analisis capaian kinerja Kecamatan {k} tahun {data.tahun}:"))]
    return per


# --- Renja and Renstra: the money -----------------------------------------------------------------


def draf_pendanaan_renja(kecamatan: str, tahun: int, renja41_report: Report, tc33_report: Report) -> str:
    """BAB IV: the year's total and each program's share, from Tabel 4.1; prakiraan maju from
    T-C.33. Both read from their total and program rows."""
    total = next((row for row in renja41_report.rows if row.kind in ("total", "urusan")), None)
    total_text = cell_text(renja41_report, total, renja41.ANGGARAN) if total else "-"
    lines = [f"Jumlah anggaran yang direncanakan untuk program dan kegiatan Kecamatan {kecamatan} Tahun Anggaran "
             f"{tahun} sebesar Rp {total_text} ({{tabel:renja41}}), dengan rincian per program:"]
    for row in node_rows(renja41_report, "program", renja41.PROGRAM):
        lines.append(f"- {row.cells[renja41.PROGRAM]}: Rp {cell_text(renja41_report, row, renja41.ANGGARAN)}")
    top = next((row for row in tc33_report.rows if row.kind in ("urusan", "total")), None)
    if top is not None and tc33.DANA_1 in tc33_report.keys:
        value = cell_text(tc33_report, top, tc33.DANA_1)
        lines.append(f"Prakiraan maju kebutuhan dana tahun {tahun + 1} sebesar Rp {value} ({{tabel:tc33}}).")
    return "\n".join(lines)


def draf_pendanaan_renstra(kecamatan: str, tc27: Report, tahun: Sequence[int]) -> str:
    """BAB VI: the indicative funding of each year and of the whole period, from T-C.27's total row."""
    total = next(row for row in tc27.rows if row.kind == "total")
    parts = [f"tahun {t} Rp {cell_text(tc27, total, f'rp:{t}')}" for t in tahun]
    return (f"Pendanaan indikatif Kecamatan {kecamatan} selama periode Renstra {tahun[0]}-{tahun[-1]} seluruhnya "
            f"Rp {cell_text(tc27, total, 'rp:akhir')} ({{tabel:tc27}}): "
            + ", ".join(parts) + ".")
