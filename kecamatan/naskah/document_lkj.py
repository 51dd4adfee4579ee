"""The outline of a whole LKj (Laporan Kinerja) of a year, as the 2024 Jatiroto LKj is laid out
(seed 002): Ikhtisar Eksekutif; BAB I Pendahuluan (gambaran umum: struktur organisasi, tugas
dan fungsi, SDM, sarana prasarana; isu strategis); BAB II Perencanaan Kinerja (IKU, Perjanjian
Kinerja, program pendukung); BAB III Akuntabilitas Kinerja (pengukuran, the comparisons,
analisis, efisiensi, realisasi anggaran, inovasi); BAB IV Penutup; lampiran with the signed
Perjanjian Kinerja and the cascading matrix. Every table is the issue-9 builder's Report,
built once here from the one `LkjData` snapshot; the drafted paragraphs and the charts read
those same Reports. Pure.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from kecamatan.lkj.data import AWAL, PERUBAHAN, LkjData, normalize_uraian
from kecamatan.lkj.tables.iku import build_iku
from kecamatan.lkj.tables.lkj21 import build_lkj21
from kecamatan.lkj.tables.lkj22 import build_lkj22
from kecamatan.lkj.tables.lkj24 import build_lkj24
from kecamatan.lkj.tables.lkj31 import build_lkj31
from kecamatan.lkj.tables.lkj32 import build_lkj32
from kecamatan.lkj.tables.lkj33 import build_lkj33
from kecamatan.lkj.tables.lkj34 import build_lkj34
from kecamatan.lkj.tables.lkj35 import build_lkj35
from kecamatan.lkj.tables.lkj36 import build_lkj36
from kecamatan.lkj.tables.lkj37 import build_lkj37
from kecamatan.lkj.tables.lkj38 import build_lkj38
from kecamatan.lkj.tables.lkj39 import build_lkj39
from kecamatan.lkj.tables.pk import build_pk, build_tabel_23
from kecamatan.naskah.document import Bab, Bagian, Gambar, Lampiran, Naskah, Tabel, TandaTangan, Teks
from kecamatan.naskah.document_common import Identitas, sampul
from kecamatan.naskah.drafts import LkjReports, lkj_drafts, sel
from kecamatan.renstra.tables.cascading import build_cascading
from kecamatan.tables.base import Report
from kecamatan.tables.grafik import Series, bar_chart, line_chart


def build_reports(data: LkjData) -> LkjReports:
    return LkjReports(
        lkj33=build_lkj33(data), lkj34=tuple(build_lkj34(data)), lkj35=build_lkj35(data), lkj36=build_lkj36(data),
        lkj37=build_lkj37(data), lkj38=build_lkj38(data), lkj39=build_lkj39(data),
    )


def chart_capaian(data: LkjData, r33: Report) -> str:
    names = [str(row.cells["indikator"]) for row in r33.rows]
    values = tuple(sel(r33, row, "capaian").angka for row in r33.rows)
    return bar_chart(names, [Series(f"Capaian {data.tahun}", values)], reference=Decimal(100), reference_label="100%")


def capaian_years(report: Report) -> list[str]:
    """The years a Tabel 3.4 or 3.5 prints a capaian for ("capaian:2023" → "2023"), in order."""
    return [key.split(":", 1)[1] for key in report.keys if key.startswith("capaian:")]


def chart_tren(data: LkjData, reports: LkjReports) -> str | None:
    """Capaian of each indicator of this year over every year a table prints: the earlier
    Renstra's years from Tabel 3.4 (indicator matched by its wording), this Renstra's from 3.5."""
    years: list[str] = []
    values: dict[int, dict[str, object]] = {i: {} for i in range(len(reports.lkj35.rows))}
    items = data.items()
    for report in reports.lkj34:
        for year in capaian_years(report):
            if year not in years:
                years.append(year)
            for i, item in enumerate(items):
                wanted = normalize_uraian(item.indikator.uraian)
                for row in report.rows:
                    if row.kind == item.level and normalize_uraian(str(row.cells.get("indikator", ""))) == wanted:
                        values[i][year] = sel(report, row, f"capaian:{year}").angka
    for year in capaian_years(reports.lkj35):
        if year not in years:
            years.append(year)
        for i, row in enumerate(reports.lkj35.rows):
            values[i][year] = sel(reports.lkj35, row, f"capaian:{year}").angka
    if len(years) < 2:
        return None
    series = [Series(item.indikator.uraian, tuple(values[i].get(y) for y in years)) for i, item in enumerate(items)]
    return line_chart(years, series, reference=Decimal(100))


def chart_penyerapan(data: LkjData, r39: Report) -> str:
    rows = r39.rows[:-1]  # without the total
    names = [str(row.cells["program"]) for row in rows]
    values = tuple(sel(r39, row, "penyerapan").angka for row in rows)
    return bar_chart(names, [Series(f"Penyerapan {data.tahun}", values)],
                     reference=Decimal(100), reference_label="100%")


def _bare(report: Report) -> Report:
    return replace(report, kop=None, penandatangan=None, counter_signatory=None)


def _tabel(ref: str, *reports: Report) -> Tabel:
    return Tabel(ref, tuple(_bare(r) for r in reports))


def _pk_lampiran(data: LkjData) -> list[Bagian]:
    out = []
    for versi, judul in ((AWAL, "Perjanjian Kinerja"), (PERUBAHAN, "Perubahan Perjanjian Kinerja")):
        if versi in data.pk:
            reports = [replace(r, kop=None) for r in build_pk(data, versi=versi)]
            out.append(Bagian(f"{judul} Tahun {data.tahun}", (Lampiran(tuple(reports)),)))
    return out


def _bab_pendahuluan() -> Bab:
    return Bab("Pendahuluan", (
        Teks("pendahuluan", "Pendahuluan", "Dasar penyusunan Laporan Kinerja dan maksudnya."),
        Bagian("Gambaran Umum", (
            Teks("gambaran-umum", wajib=False, petunjuk="Kedudukan dan dasar hukum organisasi kecamatan."),
            Bagian("Struktur Organisasi Perangkat Daerah", (Teks("struktur-organisasi"),)),
            Bagian("Tugas dan Fungsi Perangkat Daerah", (Teks("tugas-fungsi"),)),
            Bagian("Sumber Daya Manusia (SDM) Perangkat Daerah", (
                Teks("sdm", petunjuk="Jumlah dan komposisi pegawai; tabel diketik dengan baris diawali '|', "
                                     "judulnya 'Tabel: Komposisi Pegawai' tepat di atasnya."),)),
            Bagian("Sumber Daya Sarana dan Prasarana", (Teks("sarana-prasarana"),)),
        )),
        Bagian("Isu Strategis", (Teks("isu-strategis"),)),
    ))


def _bab_perencanaan(data: LkjData) -> Bab:
    n = data.tahun
    return Bab("Perencanaan Kinerja", (
        Bagian("Kinerja Utama Perangkat Daerah", (
            Teks("iku"), _tabel("lkj21", build_lkj21(data)), Teks("iku-target"), _tabel("lkj22", build_lkj22(data)),
        )),
        Bagian(f"Perjanjian Kinerja Tahun {n}", (Teks("perjanjian-kinerja"), _tabel("lkj23", *build_tabel_23(data)))),
        Bagian("Program dan Kegiatan yang Mendukung IKU", (
            Teks("program-pendukung"), _tabel("lkj24", build_lkj24(data)), Teks("program-pendukung-analisis", wajib=False))),
    ))


def _bab_akuntabilitas(data: LkjData, reports: LkjReports, drafts: dict) -> Bab:
    n = data.tahun
    pembanding = f"Kecamatan {data.pembanding.kecamatan}" if data.pembanding else "Kecamatan Lain"
    label = f"{data.renstra.tahun[0]}-{data.renstra.tahun[-1]}"
    tabel_34 = [_tabel("lkj34" if i == 0 else f"lkj34-{i + 1}", r) for i, r in enumerate(reports.lkj34)]
    tren = chart_tren(data, reports)
    gambar_tren = [Gambar("tren", "Perbandingan Capaian Kinerja dari Tahun ke Tahun", tren,
                          "Sumber: {tabel:lkj34} dan {tabel:lkj35}")] if tren else []
    return Bab("Akuntabilitas Kinerja", (
        Bagian("Capaian Kinerja Organisasi", (
            Bagian("Pengukuran Kinerja", (
                Teks("pengukuran", petunjuk="Cara pengukuran kinerja (rumus capaian) dan skala kriteria."),
                _tabel("lkj31", build_lkj31(data)), _tabel("lkj32", build_lkj32(data)),
                *drafts["pengukuran"],
                Gambar("capaian", f"Capaian Kinerja Tahun {n}", chart_capaian(data, reports.lkj33),
                       "Sumber: {tabel:lkj33}"),
            )),
            Bagian("Analisis Capaian Kinerja", (
                Teks("analisis", wajib=False),
                Bagian(f"Perbandingan Target dan Realisasi Kinerja Tahun {n}", (
                    Teks("analisis-target"), _tabel("lkj33", reports.lkj33), *drafts["capaian"],
                    Teks("analisis-target-lanjutan", wajib=False))),
                Bagian(f"Perbandingan Target dan Realisasi Kinerja Tahun {n} dengan Tahun Sebelumnya", (
                    Teks("analisis-tahun-lalu"), *tabel_34, _tabel("lkj35", reports.lkj35), *gambar_tren,
                    *drafts["tahun-lalu"], Teks("analisis-tahun-lalu-lanjutan", wajib=False))),
                Bagian(f"Perbandingan Realisasi Kinerja dengan Target Akhir Renstra {label}", (
                    Teks("analisis-akhir-renstra"), _tabel("lkj36", reports.lkj36), *drafts["akhir-renstra"],
                    Teks("analisis-akhir-renstra-lanjutan", wajib=False))),
                Bagian(f"Perbandingan Realisasi Kinerja Tahun {n} dengan {pembanding}", (
                    Teks("analisis-pembanding"), _tabel("lkj37", reports.lkj37), *drafts["pembanding"],
                    Teks("analisis-pembanding-lanjutan", wajib=False))),
                Bagian("Analisis Penyebab Keberhasilan atau Kegagalan Peningkatan/Penurunan Kinerja serta "
                       "Alternatif Solusi yang Telah Dilakukan", (
                           Teks("analisis-penyebab", petunjuk="Faktor pendukung, hambatan dan upaya per tujuan/"
                                                              "sasaran: hanya kecamatan yang tahu."),)),
                Bagian("Analisis atas Efisiensi Penggunaan Sumber Daya", (
                    Teks("efisiensi"), _tabel("lkj38", reports.lkj38), *drafts["efisiensi"],
                    Teks("efisiensi-lanjutan", petunjuk="Efisiensi sumber daya manusia dan sarana prasarana."))),
                Bagian("Analisis Program/Kegiatan yang Menunjang Keberhasilan ataupun Kegagalan Pencapaian Kinerja",
                       (Teks("analisis-program"),)),
            )),
        )),
        Bagian("Realisasi Anggaran", (
            Teks("realisasi-anggaran", wajib=False), *drafts["anggaran"], _tabel("lkj39", reports.lkj39),
            Gambar("penyerapan", f"Penyerapan Anggaran per Program Tahun {n}", chart_penyerapan(data, reports.lkj39),
                   "Sumber: {tabel:lkj39}"),
            Teks("realisasi-anggaran-lanjutan", wajib=False),
            Bagian("Inovasi", (Teks("inovasi"),)),
        )),
    ))


def _lampiran(data: LkjData) -> tuple[Bagian, ...]:
    n = data.tahun
    lampiran = _pk_lampiran(data)
    if data.iku is not None and data.iku.penandatangan is not None:
        lampiran.append(Bagian(f"Indikator Kinerja Utama Tahun {n}", (Lampiran((replace(build_iku(data), kop=None),)),)))
    lampiran.append(Bagian("Matrik Tujuan, Sasaran, Program, Kegiatan dan Sub Kegiatan", (
        _tabel("cascading", build_cascading(data.renstra)),)))
    lampiran.append(Bagian("Dokumentasi dan Bukti Dukung", (Teks("lampiran-lain", "Lampiran lain"),)))
    return tuple(lampiran)


def build_naskah_lkj(data: LkjData, identitas: Identitas) -> Naskah:
    k, n = data.renstra.kecamatan, data.tahun
    reports = build_reports(data)
    drafts = lkj_drafts(data, reports)
    bab4 = Bab("Penutup", (Teks("penutup"), *drafts["penutup"], Teks("penutup-tindak-lanjut")))
    return Naskah(
        jenis="lkj",
        judul=f"Laporan Kinerja Kecamatan {k} Tahun {n}",
        sampul=sampul(identitas, ("LAPORAN KINERJA", f"CAMAT {k.upper()}", f"TAHUN {n}")),
        kata_pengantar=(Teks("kata-pengantar", "Kata Pengantar"), TandaTangan(data.penandatangan)),
        pembuka=(Bagian("Ikhtisar Eksekutif", (
            Teks("ikhtisar"), *drafts["ikhtisar"], Teks("ikhtisar-lanjutan", wajib=False),
        )),),
        bab=(_bab_pendahuluan(), _bab_perencanaan(data), _bab_akuntabilitas(data, reports, drafts), bab4),
        lampiran=_lampiran(data),
        filename=f"lkj-{k.lower()}-{n}",
    )


