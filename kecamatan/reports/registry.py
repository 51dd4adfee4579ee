"""Every printable table by its short name (tc27, tc33, iku, lkj …): how to fetch its data and
build its Report(s). Used by the table pages, the downloads and `manage.py cetak`.

To add a table: write its selector (fixed number of queries) and pure builder, then add a
TableSpec to TABLES below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .base import Report


@dataclass(frozen=True)
class TableParam:
    """An extra choice a table takes (a GET parameter on screen, `--opsi name=value` in `cetak`),
    e.g. the kecamatan that LKj Tabel 3.7 compares with. Passed to `build` as a keyword."""

    name: str  # "pembanding"
    label: str  # "Kecamatan pembanding"
    choices: Callable[[int], list[tuple[str, str]]]  # periode_id -> [(value, label)]


@dataclass(frozen=True)
class TableSpec:
    name: str  # "tc27"
    label: str  # shown in menus: "T-C.27 Rencana Program, Kegiatan, dan Pendanaan"
    dokumen: str  # renstra | renja | lkj | perbandingan
    build: Callable[..., list[Report]]  # (periode_id, tahun, **options) -> reports
    needs_tahun: bool = False  # yearly tables (Renja n, LKj n) need --tahun
    params: tuple[TableParam, ...] = ()  # optional choices; tables without any get no keywords

    def param_choices(self, periode_id: int) -> dict[str, list[tuple[str, str]]]:
        return {p.name: p.choices(periode_id) for p in self.params}

    def clean_options(self, options: Mapping[str, str], choices: Mapping[str, list[tuple[str, str]]]) -> dict[str, str]:
        """Only known parameters with allowed values; ValueError (Indonesian) otherwise."""
        known = {p.name: p for p in self.params}
        clean: dict[str, str] = {}
        for name, value in options.items():
            if not value:
                continue
            if name not in known:
                allowed = ", ".join(known) or "tidak ada"
                raise ValueError(f"Opsi '{name}' tidak dikenal untuk tabel {self.name}. Pilihan: {allowed}.")
            if value not in {v for v, _ in choices.get(name, [])}:
                raise ValueError(f"{known[name].label} '{value}' tidak dikenal.")
            clean[name] = value
        return clean

    def run(self, periode_id: int, tahun: int | None, options: Mapping[str, str] | None = None) -> list[Report]:
        return self.build(periode_id, tahun, **dict(options or {}))


def _tc27(periode_id: int, tahun: int | None) -> list[Report]:
    from ..selectors import renstra_data
    from .tc27 import build_tc27

    return [build_tc27(renstra_data(periode_id))]


def _kinerja(module: str, builder: str, *, comparison: bool = False):
    """Build function of an IKU/PK/LKj table: one `lkj_data` snapshot of the year, then the
    pure builder. Only tables that compare with another kecamatan take `pembanding`."""

    def build(periode_id: int, tahun: int | None, **options) -> list[Report]:
        from importlib import import_module

        from ..selectors_kinerja import lkj_data

        data = lkj_data(periode_id, tahun, pembanding=options.get("pembanding") if comparison else None)
        result = getattr(import_module(f"{__package__}.{module}"), builder)(data)
        return result if isinstance(result, list) else [result]

    return build


def _pembanding_choices(periode_id: int) -> list[tuple[str, str]]:
    from ..selectors_kinerja import pembanding_choices

    return pembanding_choices(periode_id)


PEMBANDING = TableParam("pembanding", "Kecamatan pembanding", _pembanding_choices)


def _lkj_spec(name: str, label: str, module: str, builder: str, comparison: bool = False) -> TableSpec:
    return TableSpec(name, label, "lkj", _kinerja(module, builder, comparison=comparison), needs_tahun=True,
                     params=(PEMBANDING,) if comparison else ())


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec("tc27", "T-C.27 Rencana Program, Kegiatan, dan Pendanaan", "renstra", _tc27),
        _lkj_spec("iku", "Indikator Kinerja Utama (IKU)", "iku", "build_iku"),
        _lkj_spec("pk", "Perjanjian Kinerja", "pk", "build_pk"),
        _lkj_spec("lkj", "LKj: seluruh tabel (2.1-3.9)", "lkj", "build_lkj", comparison=True),
        _lkj_spec("lkj21", "LKj Tabel 2.1 Indikator Kinerja Utama", "lkj21", "build_lkj21"),
        _lkj_spec("lkj22", "LKj Tabel 2.2 Target IKU", "lkj22", "build_lkj22"),
        _lkj_spec("lkj23", "LKj Tabel 2.3 Perjanjian Kinerja", "pk", "build_tabel_23"),
        _lkj_spec("lkj24", "LKj Tabel 2.4 Program dan Kegiatan yang Mendukung IKU", "lkj24", "build_lkj24"),
        _lkj_spec("lkj31", "LKj Tabel 3.1 Skala Nilai Kriteria Capaian", "lkj31", "build_lkj31"),
        _lkj_spec("lkj32", "LKj Tabel 3.2 Capaian Kinerja per Triwulan", "lkj32", "build_lkj32"),
        _lkj_spec("lkj33", "LKj Tabel 3.3 Target dan Realisasi Kinerja", "lkj33", "build_lkj33"),
        _lkj_spec("lkj34", "LKj Tabel 3.4 Capaian Tahun-Tahun Sebelumnya", "lkj34", "build_lkj34"),
        _lkj_spec("lkj35", "LKj Tabel 3.5 Capaian menurut Renstra Berjalan", "lkj35", "build_lkj35"),
        _lkj_spec("lkj36", "LKj Tabel 3.6 Realisasi dan Target Akhir Renstra", "lkj36", "build_lkj36"),
        _lkj_spec("lkj37", "LKj Tabel 3.7 Perbandingan dengan Kecamatan Lain", "lkj37", "build_lkj37",
                  comparison=True),
        _lkj_spec("lkj38", "LKj Tabel 3.8 Efisiensi Penggunaan Sumber Daya", "lkj38", "build_lkj38"),
        _lkj_spec("lkj39", "LKj Tabel 3.9 Realisasi Anggaran", "lkj39", "build_lkj39"),
    ]
}


class UnknownTable(KeyError):
    pass


def get_table(name: str) -> TableSpec:
    try:
        return TABLES[name.lower()]
    except KeyError:
        known = ", ".join(sorted(TABLES))
        raise UnknownTable(f"Tabel '{name}' tidak dikenal. Pilihan: {known}.") from None


def tables_for(dokumen: str) -> list[TableSpec]:
    return [spec for spec in TABLES.values() if spec.dokumen == dokumen]
