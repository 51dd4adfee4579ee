"""The outline of a whole Renstra (Rencana Strategis) of a period, as the Randuagung Renstra
2024-2026 is laid out (seed 000): BAB I Pendahuluan; BAB II Gambaran Pelayanan (T-C.23, T-C.24);
BAB III Permasalahan dan Isu Strategis; BAB IV Tujuan dan Sasaran (T-C.25, cascading); BAB V
Strategi dan Arah Kebijakan (T-C.26); BAB VI Rencana Program, Kegiatan dan Pendanaan (T-C.27,
the drafted total, a chart of the funding per program); BAB VII Kinerja Penyelenggaraan Bidang
Urusan (T-C.28); BAB VIII Penutup, signed. The tables are issue 5's Reports of one
`RenstraLengkap` snapshot. Pure.
"""

from __future__ import annotations

from dataclasses import replace

from kecamatan.naskah.document import Bab, Bagian, Draf, Gambar, Naskah, Tabel, TandaTangan, Teks
from kecamatan.naskah.document_common import Identitas, sampul
from kecamatan.naskah.drafts import draf_pendanaan_renstra, node_rows
from kecamatan.renstra.data_tabel import RenstraLengkap
from kecamatan.renstra.tables.renstra import build_renstra
from kecamatan.tables.base import Report
from kecamatan.tables.grafik import Series, bar_chart

REF = {"T-C.23": "tc23", "T-C.24": "tc24", "T-C.25": "tc25", "Tabel 4.2": "cascading", "T-C.26": "tc26",
       "T-C.27": "tc27", "T-C.28": "tc28"}


def _bare(report: Report) -> Report:
    return replace(report, kop=None, penandatangan=None, counter_signatory=None)


def chart_pendanaan(tc27: Report, tahun) -> str:
    rows = node_rows(tc27, "program", "nama")
    series = [Series(str(t), tuple(row.cells[f"rp:{t}"] for row in rows)) for t in tahun]
    return bar_chart([str(row.cells["nama"]) for row in rows], series, unit="", places=0)


def build_naskah_renstra(data: RenstraLengkap, identitas: Identitas) -> Naskah:
    r = data.renstra
    k, label = r.kecamatan, f"{r.tahun[0]}-{r.tahun[-1]}"
    reports = {REF[rep.code]: rep for rep in build_renstra(data)}
    penandatangan = r.penandatangan

    def tabel(ref: str) -> Tabel:
        return Tabel(ref, (_bare(reports[ref]),))

    bab = (
        Bab("Pendahuluan", (
            Bagian("Latar Belakang", (Teks("latar-belakang"),)),
            Bagian("Landasan Hukum", (Teks("landasan-hukum"),)),
            Bagian("Maksud dan Tujuan", (Teks("maksud-tujuan"),)),
            Bagian("Sistematika Penulisan", (Teks("sistematika"),)),
        )),
        Bab("Gambaran Pelayanan Perangkat Daerah", (
            Bagian("Tugas, Fungsi dan Struktur Perangkat Daerah", (Teks("tugas-fungsi"),)),
            Bagian("Sumber Daya Perangkat Daerah", (Teks("sumber-daya"),)),
            Bagian("Kinerja Pelayanan Perangkat Daerah", (
                Teks("kinerja-pelayanan"), tabel("tc23"), tabel("tc24"), Teks("kinerja-pelayanan-lanjutan", wajib=False))),
            Bagian("Kelompok Sasaran Layanan", (Teks("kelompok-sasaran"),)),
            Bagian("Mitra Perangkat Daerah dalam Pemberian Layanan", (Teks("mitra"),)),
            Bagian("Dukungan BUMD dalam Pencapaian Kinerja Perangkat Daerah", (Teks("bumd"),)),
            Bagian("Kerjasama Perangkat Daerah", (Teks("kerjasama"),)),
        )),
        Bab("Permasalahan dan Isu Strategis Perangkat Daerah", (
            Bagian("Permasalahan Pelayanan Perangkat Daerah", (Teks("permasalahan"),)),
            Bagian("Isu Strategis", (Teks("isu-strategis"),)),
        )),
        Bab("Tujuan dan Sasaran", (
            Bagian("Tujuan dan Sasaran", (Teks("tujuan-sasaran"), tabel("tc25"), Teks("tujuan-sasaran-lanjutan", wajib=False))),
            Bagian("Cascading Kinerja Perangkat Daerah", (Teks("cascading"), tabel("cascading"))),
        )),
        Bab("Strategi dan Arah Kebijakan", (
            Bagian(f"Strategi Kecamatan {k}", (Teks("strategi"),)),
            Bagian(f"Arah Kebijakan Kecamatan {k}", (Teks("arah-kebijakan"), tabel("tc26"))),
        )),
        Bab("Rencana Program, Kegiatan dan Sub Kegiatan serta Pendanaan", (
            Teks("rencana-program"), tabel("tc27"),
            Draf("pendanaan", "Ringkasan pendanaan", draf_pendanaan_renstra(k, reports["tc27"], r.tahun)),
            Gambar("pendanaan", f"Pendanaan Indikatif per Program Tahun {label}", chart_pendanaan(reports["tc27"], r.tahun),
                   "Sumber: {tabel:tc27}"),
            Teks("rencana-program-lanjutan", wajib=False),
        )),
        Bab("Kinerja Penyelenggaraan Bidang Urusan", (
            Bagian(f"Penentuan Target Tujuan dan Sasaran Renstra Tahun {label}", (Teks("target-tujuan"),)),
            Bagian("Penentuan Target Kinerja Penyelenggaraan Urusan Pemerintahan Daerah", (
                Teks("target-urusan"), tabel("tc28"))),
        )),
        Bab("Penutup", (Teks("penutup"), TandaTangan(penandatangan))),
    )
    return Naskah(
        jenis="renstra",
        judul=f"Rencana Strategis (Renstra) Kecamatan {k} Tahun {label}",
        sampul=sampul(identitas, ("RENCANA STRATEGIS", "(RENSTRA)", f"KECAMATAN {k.upper()}",
                                  f"TAHUN {r.tahun[0]} – {r.tahun[-1]}")),
        kata_pengantar=(Teks("kata-pengantar", "Kata Pengantar"), TandaTangan(penandatangan)),
        bab=bab,
        filename=f"renstra-{k.lower()}-{label}",
    )
