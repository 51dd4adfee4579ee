"""LKj Tabel 3.1 Skala Nilai Kriteria Capaian Kinerja (tables.md §0.8, §4.5). Pure.

No | Interval Nilai Capaian Kinerja | Kriteria Capaian Kinerja, from the kabupaten's scale stored
as data (SkalaKriteria); the app's default is Lumajang's (computations.SKALA_LUMAJANG).
"""

from __future__ import annotations

from kecamatan.core.computations import Predikat
from kecamatan.core.formatting import PERCENT_SUFFIX, format_number
from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import filename, kop
from kecamatan.tables.base import NOMOR, Column, Report, Row

COLUMNS = (
    Column("no", "No", kind=NOMOR, width=5),
    Column("interval", "Interval Nilai Capaian Kinerja", width=25),
    Column("kriteria", "Kriteria Capaian Kinerja", width=25),
)


def intervals(skala: tuple[Predikat, ...]) -> list[tuple[str, str]]:
    """("> 90%", "Sangat Tinggi"), ("> 75% - 90%", "Tinggi"), …, ("≤ 50%", "Sangat Rendah")."""
    def pct(value) -> str:
        return format_number(value) + PERCENT_SUFFIX

    out = []
    upper = None
    for band in skala:
        if band.batas_bawah is None:
            text = f"≤ {pct(upper)}" if upper is not None else "semua nilai"
        elif upper is None:
            text = f"> {pct(band.batas_bawah)}"
        else:
            text = f"> {pct(band.batas_bawah)} - {pct(upper)}"
        out.append((text, band.label))
        upper = band.batas_bawah
    return out


def build_lkj31(data: LkjData) -> Report:
    rows = [Row("baris", {"no": f"{n}.", "interval": text, "kriteria": label})
            for n, (text, label) in enumerate(intervals(data.skala), start=1)]
    asal = data.skala_asal or "bawaan aplikasi (skala LKj Kabupaten Lumajang)"
    return Report(
        code="Tabel 3.1", title=("Tabel 3.1", "Skala Nilai Kriteria Capaian Kinerja"), columns=COLUMNS,
        rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="portrait",
        notes=(f"Skala: {asal}. Batas bawah tiap kriteria tidak termasuk (90,00% = Tinggi).",),
        filename=filename(data, "lkj31"),
    )
