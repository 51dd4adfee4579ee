"""The fourth renderer (issue 20): a Report as JSON data, pure."""

from decimal import Decimal

from kecamatan.core.formatting import Nilai
from kecamatan.tables.base import ANGKA, COVERED, NILAI, RUPIAH, Besaran, Column, Report, Row
from kecamatan.tables.render_json import render_json


def test_cells_are_keyed_numbers_are_decimal_strings_and_nilai_has_value_and_label():
    report = Report(
        code="T-X", title=("Uji",),
        columns=(Column("kode", "Kode"), Column("rp", "Rp", group="2024", kind=RUPIAH, number="8=(7/6)"),
                 Column("nilai", "Nilai", kind=NILAI), Column("angka", "Angka", kind=ANGKA)),
        rows=(Row("program", {"kode": "7.01", "rp": Decimal("1916486189.00"), "nilai": Nilai(Decimal("62.0"), "B-"),
                              "angka": Besaran(Nilai(Decimal("87.720")), "Persen")}, rowspan={"kode": 2}),
              Row("sub", {"kode": COVERED, "rp": None, "nilai": Nilai(None, "N/A"), "angka": Decimal("1E+3")}),
              Row("band", text="NIHIL")),
        name_column="kode",
    )
    data = render_json(report)
    assert data["columns"][1] == {"key": "rp", "label": "Rp", "group": "2024", "kind": "rupiah", "number": "8=(7/6)"}
    first, second, band = data["rows"]
    assert first["cells"]["rp"] == "1916486189"
    assert first["cells"]["nilai"] == {"nilai": "62", "label": "B-", "teks": "62 (B-)"}
    assert first["cells"]["angka"] == {"nilai": "87.72", "label": "", "teks": "87,72", "satuan": "Persen"}
    assert first["rowspan"] == {"kode": 2}
    assert "kode" not in second["cells"] and second["covered"] == ["kode"]
    assert second["cells"]["rp"] is None and second["cells"]["angka"] == "1000"
    assert second["cells"]["nilai"] == {"nilai": None, "label": "N/A", "teks": "N/A"}
    assert band == {"kind": "band", "key": "", "level": 0, "text": "NIHIL", "cells": {}, "covered": [], "rowspan": {}}
