"""The outline of a whole Renja (Rencana Kerja) of a year, as the 2024 Senduro Renja is laid out
(seed 001): BAB I Pendahuluan; BAB II Evaluasi Pelaksanaan Renja Tahun Lalu (T-C.29, T-C.30,
isu-isu penting, T-C.31, T-C.32, inovasi); BAB III Tujuan dan Sasaran (kebijakan nasional,
tujuan dan sasaran, program dan kegiatan with T-C.33, signed as the document signs it); BAB IV
Rencana Kerja dan Pendanaan (Tabel 4.1, the drafted total, a chart of the money per program);
BAB V Penutup, signed; the closing note on the source document as lampiran when there is one.
The tables are issue 6's Reports of one `RenjaData` snapshot. Pure.
"""

from __future__ import annotations

from dataclasses import replace

from kecamatan.naskah.document import Bab, Bagian, Draf, Gambar, Naskah, Tabel, TandaTangan, Teks
from kecamatan.naskah.document_common import Identitas, sampul
from kecamatan.naskah.drafts import draf_pendanaan_renja, node_rows
from kecamatan.renja.data import RenjaData
from kecamatan.renja.tables import renja41, tc33
from kecamatan.renja.tables.renja import BUILDERS, build_with_closing_note
from kecamatan.tables.base import Report
from kecamatan.tables.grafik import Series, bar_chart

REF = {"T-C.29": "tc29", "T-C.30": "tc30", "T-C.31": "tc31", "T-C.32": "tc32", "T-C.33": "tc33",
       "Tabel 4.1": "renja41", "Catatan": "catatan"}


def _bare(report: Report) -> Report:
    return replace(report, kop=None, penandatangan=None, counter_signatory=None)


def chart_dana(data: RenjaData, report: Report) -> str:
    """The money per program of T-C.33: the year's kebutuhan dana and, when printed, the prakiraan maju."""
    rows = node_rows(report, "program", tc33.NAMA)
    names = [str(row.cells[tc33.NAMA]) for row in rows]
    series = [Series(f"Kebutuhan dana {data.tahun}", tuple(row.cells.get(tc33.DANA) for row in rows))]
    if tc33.DANA_1 in report.keys:
        series.append(Series(f"Prakiraan maju {data.tahun + 1}", tuple(row.cells.get(tc33.DANA_1) for row in rows)))
    return bar_chart(names, series, unit="", places=0)


def build_naskah_renja(data: RenjaData, identitas: Identitas) -> Naskah:
    k, n = data.kecamatan, data.tahun
    reports = {REF[r.code]: r for r in build_with_closing_note(data, BUILDERS)}

    def tabel(ref: str, ttd=None) -> Tabel:
        return Tabel(ref, (_bare(reports[ref]),), ttd=ttd)

    reports["renja41"].column(renja41.ANGGARAN)  # fail early if Tabel 4.1 changed shape
    bab = (
        Bab("Pendahuluan", (
            Bagian("Latar Belakang", (Teks("latar-belakang"),)),
            Bagian("Landasan Hukum", (Teks("landasan-hukum"),)),
            Bagian("Maksud dan Tujuan", (Teks("maksud-tujuan"),)),
            Bagian("Sistematika Penulisan", (Teks("sistematika"),)),
        )),
        Bab("Evaluasi Pelaksanaan Renja Tahun Lalu", (
            Bagian("Evaluasi Pelaksanaan Renja Tahun Lalu dan Capaian Renstra Perangkat Daerah", (
                Teks("evaluasi"), tabel("tc29"), Teks("evaluasi-lanjutan", wajib=False))),
            Bagian("Analisis Kinerja Pelayanan Perangkat Daerah", (
                Teks("kinerja-pelayanan"), tabel("tc30"), Teks("kinerja-pelayanan-lanjutan", wajib=False))),
            Bagian("Isu-isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah", (Teks("isu-penting"),)),
            Bagian("Review terhadap Rancangan Awal RKPD", (Teks("review-ranwal"), tabel("tc31"),
                                                          Teks("review-ranwal-lanjutan", wajib=False))),
            Bagian("Penelaahan Usulan Program dan Kegiatan Masyarakat", (Teks("usulan"), tabel("tc32"))),
            Bagian("Analisis Pelaksanaan Inovasi Perangkat Daerah", (Teks("inovasi"),)),
        )),
        Bab("Tujuan dan Sasaran Perangkat Daerah", (
            Bagian("Telaahan terhadap Kebijakan Nasional", (Teks("kebijakan-nasional"),)),
            Bagian("Tujuan dan Sasaran Renja Perangkat Daerah", (Teks("tujuan-sasaran"),)),
            Bagian("Program dan Kegiatan", (Teks("program-kegiatan"), tabel("tc33", ttd=data.penandatangan))),
        )),
        Bab("Rencana Kerja dan Pendanaan Perangkat Daerah", (
            Teks("rencana-kerja"), tabel("renja41"),
            Draf("pendanaan", "Ringkasan pendanaan", draf_pendanaan_renja(k, n, reports["renja41"], reports["tc33"])),
            Gambar("dana", f"Kebutuhan Dana per Program Tahun {n} dan Prakiraan Maju {n + 1}",
                   chart_dana(data, reports["tc33"]), "Sumber: {tabel:tc33}"),
            Teks("rencana-kerja-lanjutan", wajib=False),
        )),
        Bab("Penutup", (Teks("penutup"), TandaTangan(data.penandatangan))),
    )
    lampiran = ()
    if "catatan" in reports:
        lampiran = (Bagian("Catatan terhadap Dokumen Sumber", (Tabel("catatan", (_bare(reports["catatan"]),)),)),)
    return Naskah(
        jenis="renja",
        judul=f"Rencana Kerja (Renja) Kecamatan {k} Tahun {n}",
        sampul=sampul(identitas, ("RENCANA KERJA (RENJA)", f"KECAMATAN {k.upper()}", f"TAHUN {n}")),
        kata_pengantar=(Teks("kata-pengantar", "Kata Pengantar"), TandaTangan(data.penandatangan)),
        bab=bab,
        lampiran=lampiran,
        filename=f"renja-{k.lower()}-{n}",
    )
