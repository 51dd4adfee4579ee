"""T-C.32 Usulan Program/Kegiatan dari Pemangku Kepentingan (tables.md §3.4). Pure.

Layouts (`LAYOUTS`): the annex, No | Program/Kegiatan/Sub Kegiatan/Aktivitas | Lokasi | Indikator
Kinerja | Besaran/Volume | Catatan; and the Senduro Renja's No | Program | Kegiatan | Lokasi |
Indikator Kinerja | Volume. With no proposal at all the table prints one full-width NIHIL row, as
the Renja does.
"""

from __future__ import annotations

from kecamatan.core.formatting import NIHIL, Nilai
from kecamatan.renja.data import RenjaData, UsulanData
from kecamatan.renja.tables.common import filename, kop_of, wilayah_line
from kecamatan.tables.base import NILAI, NOMOR, Besaran, Column, Report, Row
from kecamatan.tables.layout import Layout, TableLayouts, apply

NO, USULAN, PROGRAM, KEGIATAN, LOKASI, INDIKATOR, VOLUME, CATATAN = (
    "no", "usulan", "program", "kegiatan", "lokasi", "indikator", "volume", "catatan")
LAYOUTS = TableLayouts("tc32", (
    Layout("lampiran", "Lampiran: 6 kolom, program sampai aktivitas dalam satu kolom, dengan catatan",
           "Lampiran Permendagri 86/2017", columns=(NO, USULAN, LOKASI, INDIKATOR, VOLUME, CATATAN)),
    Layout("senduro", "6 kolom: program dan kegiatan terpisah, tanpa catatan", "Renja Kecamatan Senduro 2024",
           columns=(NO, PROGRAM, KEGIATAN, LOKASI, INDIKATOR, VOLUME), labels={VOLUME: "Volume"}),
))


def columns_tc32() -> tuple[Column, ...]:
    """Every column any layout prints; `apply` keeps and numbers the layout's."""
    return (
        Column(NO, "No", kind=NOMOR, width=3),
        Column(USULAN, "Program/Kegiatan/Sub Kegiatan/Aktivitas", width=30),
        Column(PROGRAM, "Program", width=20),
        Column(KEGIATAN, "Kegiatan", width=20),
        Column(LOKASI, "Lokasi", width=12),
        Column(INDIKATOR, "Indikator Kinerja", width=20),
        Column(VOLUME, "Besaran/Volume", kind=NILAI, width=9),
        Column(CATATAN, "Catatan", width=14),
    )


def _usulan(u: UsulanData) -> str:
    """Program, then its kegiatan and sub kegiatan/aktivitas below it, one per line."""
    return "\n".join(part for part in (u.program, u.kegiatan, u.subkegiatan) if part.strip())


def build_tc32(data: RenjaData) -> Report:
    layout = LAYOUTS.get(data.tata_letak.get(LAYOUTS.table))
    rows: list[Row] = []
    for number, u in enumerate(data.usulan, start=1):
        volume = Besaran(Nilai(u.volume), u.satuan) if u.volume is not None else Nilai()
        kegiatan = "\n".join(part for part in (u.kegiatan, u.subkegiatan) if part.strip())
        rows.append(Row("usulan", {NO: str(number), USULAN: _usulan(u), PROGRAM: u.program, KEGIATAN: kegiatan,
                                   LOKASI: u.lokasi, INDIKATOR: u.indikator, VOLUME: volume, CATATAN: u.catatan},
                        key=str(number)))
    if not rows:
        rows.append(Row("band", text=NIHIL))
    return apply(layout, Report(
        code="T-C.32",
        title=(
            "Tabel T-C.32",
            f"Usulan Program/Kegiatan dari Pemangku Kepentingan Tahun {data.tahun}",
            wilayah_line(data),
        ),
        columns=columns_tc32(),
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="portrait",
        name_column=None,
        filename=filename("tc32", data),
    ))
