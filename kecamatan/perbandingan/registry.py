"""Kabupaten-level reports (no single kecamatan): the Bappeda comparison pages, their downloads
and `manage.py cetak perbandingan…`. Each entry names its selector (fixed number of queries) and
its pure builder (`perbandingan/tables/`, one module per table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kecamatan.perbandingan.data import PerbandinganData, Pilihan
from kecamatan.perbandingan.selectors import kelengkapan_data, matriks_data, penyerapan_data, tren_data
from kecamatan.perbandingan.tables.kelengkapan import build_kelengkapan
from kecamatan.perbandingan.tables.matriks import build_matriks
from kecamatan.perbandingan.tables.penyerapan import build_penyerapan
from kecamatan.perbandingan.tables.tren import build_tren
from kecamatan.tables.base import Report
from kecamatan.tables.output import Output, render_reports


@dataclass(frozen=True)
class LaporanKabupaten:
    name: str  # "perbandingan-matriks": the name `cetak` takes
    halaman: str  # "matriks": the page's URL segment
    label: str
    fetch: Callable[[object, Pilihan], PerbandinganData]  # (Kabupaten, Pilihan) -> data
    build_from: Callable[[PerbandinganData], list[Report]]

    def build(self, kabupaten, pilihan: Pilihan) -> list[Report]:
        return self.build_from(self.fetch(kabupaten, pilihan))


def _one(builder: Callable[[PerbandinganData], Report]) -> Callable[[PerbandinganData], list[Report]]:
    def build(data: PerbandinganData) -> list[Report]:
        return [builder(data)]

    return build


def _many(builder: Callable[[PerbandinganData], list[Report]]) -> Callable[[PerbandinganData], list[Report]]:
    def build(data: PerbandinganData) -> list[Report]:
        return list(builder(data))

    return build


HALAMAN = [
    LaporanKabupaten("perbandingan-matriks", "matriks", "Matriks capaian", matriks_data, _one(build_matriks)),
    LaporanKabupaten("perbandingan-penyerapan", "penyerapan", "Penyerapan anggaran", penyerapan_data,
                     _many(build_penyerapan)),
    LaporanKabupaten("perbandingan-kelengkapan", "kelengkapan", "Kelengkapan dan ketepatan waktu",
                     kelengkapan_data, _one(build_kelengkapan)),
    LaporanKabupaten("perbandingan-tren", "tren", "Tren kecamatan", tren_data, _one(build_tren)),
]
PER_HALAMAN = {laporan.halaman: laporan for laporan in HALAMAN}


def _semua(kabupaten, pilihan) -> list[Report]:
    return [report for laporan in HALAMAN for report in laporan.build(kabupaten, pilihan)]


LAPORAN_KABUPATEN: dict[str, object] = {laporan.name: laporan for laporan in HALAMAN}
NAMES = (*LAPORAN_KABUPATEN, "perbandingan")


def produce_kabupaten(name: str, *, kabupaten, pilihan: Pilihan, fmt: str) -> Output:
    """One download of a comparison page, or of all four ("perbandingan") as one document."""
    if name == "perbandingan":
        reports = _semua(kabupaten, pilihan)
        base = reports[0].filename.replace("-matriks", "")
    else:
        reports = LAPORAN_KABUPATEN[name].build(kabupaten, pilihan)
        base = reports[0].filename
    return render_reports(reports, fmt=fmt, base=base)
