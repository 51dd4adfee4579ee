"""T-C.32 Usulan Program/Kegiatan dari Pemangku Kepentingan (tables.md §3.4). Pure.

No | Program | Kegiatan | Lokasi | Indikator Kinerja | Volume; with no proposal at all the table
prints one full-width NIHIL row, as the Renja does.
"""

from __future__ import annotations

from kecamatan.core.formatting import NIHIL, Nilai
from kecamatan.renja.data import RenjaData
from kecamatan.renja.tables.common import filename, kop_of, wilayah_line
from kecamatan.tables.base import NILAI, NOMOR, Besaran, Column, Report, Row, numbered


def columns_tc32() -> tuple[Column, ...]:
    return numbered((
        Column("no", "No", kind=NOMOR, width=3),
        Column("program", "Program", width=20),
        Column("kegiatan", "Kegiatan", width=20),
        Column("lokasi", "Lokasi", width=12),
        Column("indikator", "Indikator Kinerja", width=20),
        Column("volume", "Volume", kind=NILAI, width=9),
    ))


def build_tc32(data: RenjaData) -> Report:
    columns = columns_tc32()
    rows: list[Row] = []
    for number, u in enumerate(data.usulan, start=1):
        volume = Besaran(Nilai(u.volume), u.satuan) if u.volume is not None else Nilai()
        rows.append(Row("usulan", {"no": str(number), "program": u.program, "kegiatan": u.kegiatan,
                                   "lokasi": u.lokasi, "indikator": u.indikator, "volume": volume}, key=str(number)))
    if not rows:
        rows.append(Row("band", text=NIHIL))
    return Report(
        code="T-C.32",
        title=(
            "Tabel T-C.32",
            f"Usulan Program/Kegiatan dari Pemangku Kepentingan Tahun {data.tahun}",
            wilayah_line(data),
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="portrait",
        name_column=None,
        filename=filename("tc32", data),
    )
