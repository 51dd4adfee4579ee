"""Kabupaten-level reports (no single kecamatan): the Bappeda comparison pages, their downloads
and `manage.py cetak perbandingan…`. Each entry names its selector (fixed number of queries) and
its pure builder (`perbandingan/tables/`, one module per table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from kecamatan.perbandingan.data import PerbandinganData, Pilihan
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


def _lazy(selector: str) -> Callable:
    def fetch(kabupaten, pilihan):
        from kecamatan.perbandingan import selectors as selectors_perbandingan

        return getattr(selectors_perbandingan, selector)(kabupaten, pilihan)

    return fetch


def _builder(module: str, name: str, many: bool = False) -> Callable:
    """`name` of the builder module `kecamatan.perbandingan.tables.<module>`, imported when used."""
    def build(data):
        out = getattr(import_module(f"kecamatan.perbandingan.tables.{module}"), name)(data)
        return list(out) if many else [out]

    return build


HALAMAN = [
    LaporanKabupaten("perbandingan-matriks", "matriks", "Matriks capaian", _lazy("matriks_data"),
                     _builder("matriks", "build_matriks")),
    LaporanKabupaten("perbandingan-penyerapan", "penyerapan", "Penyerapan anggaran", _lazy("penyerapan_data"),
                     _builder("penyerapan", "build_penyerapan", many=True)),
    LaporanKabupaten("perbandingan-kelengkapan", "kelengkapan", "Kelengkapan dan ketepatan waktu",
                     _lazy("kelengkapan_data"), _builder("kelengkapan", "build_kelengkapan")),
    LaporanKabupaten("perbandingan-tren", "tren", "Tren kecamatan", _lazy("tren_data"),
                     _builder("tren", "build_tren")),
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
