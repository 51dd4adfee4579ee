"""The one guard every workbook cell goes through (kecamatan/tables/xlsx_cell.py) and the report
renderer using it everywhere it prints text: kop, titles, intro, caption, headers, band rows, cells,
notes, signature. Pure: no database. Each payload must come out as quote-prefixed text, read from
the sheet XML itself (tests/xlsx_raw.py), never as a formula; numbers stay numbers."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from kecamatan.core.formatting import Nilai
from kecamatan.tables.base import RUPIAH, TEXT, Besaran, Column, Kop, PenandatanganData, Report, Row
from kecamatan.tables.render_xlsx import render_xlsx
from kecamatan.tables.xlsx_cell import put, write
from tests.xlsx_raw import PAYLOADS, formulas, payload_cells, raw_cells, unsafe


def _saved(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_put_writes_risky_text_as_quoted_text(payload):
    wb = Workbook()
    cell = write(wb.active, 1, 1, payload)
    assert cell.data_type == "s" and cell.quotePrefix and cell.value == payload
    [raw] = raw_cells(_saved(wb))
    assert raw.is_text and raw.quote_prefix and raw.text == payload and raw.formula is None


def test_put_keeps_numbers_plain_text_and_the_apps_own_formulas():
    wb = Workbook()
    ws = wb.active
    write(ws, 1, 1, Decimal(1916486189))
    write(ws, 2, 1, -5)
    write(ws, 3, 1, "Jalan Raya Randuagung No.82")
    write(ws, 4, 1, "=SUM(A1:A2)", formula=True)
    write(ws, 5, 1, "=A1", formula=False)
    write(ws, 6, 1, datetime.date(2024, 12, 31))
    put(ws.cell(7, 1), "=1")
    put(ws.cell(7, 1), "aman")  # written over: the quote prefix goes with the risky text
    write(ws, 8, 1, "baris\x0bbaru\x00")  # Word's line break: a workbook cannot hold it
    cells = {c.ref: c for c in raw_cells(_saved(wb))}
    assert cells["A1"].type == "n" and cells["A1"].text == "1916486189"
    assert cells["A2"].type == "n" and cells["A2"].text == "-5"
    assert cells["A3"].is_text and not cells["A3"].quote_prefix
    assert cells["A4"].formula == "SUM(A1:A2)"
    assert cells["A5"].is_text and cells["A5"].text == "=A1"
    assert cells["A6"].type in ("d", "n", "")
    assert cells["A7"].text == "aman" and not cells["A7"].quote_prefix
    assert cells["A8"].text == "barisbaru"


def _party(nama: str) -> PenandatanganData:
    return PenandatanganData(nama=nama, jabatan=PAYLOADS[3], nip="19650905 199003 1 009", pangkat=PAYLOADS[4],
                             tempat=PAYLOADS[0], tanggal=datetime.date(2024, 1, 2), sebutan=PAYLOADS[5])


def _report() -> Report:
    """Every place a report prints text, each holding payloads."""
    p = PAYLOADS
    columns = (
        Column("no", p[1], number=p[2]),
        Column("uraian", "Uraian", group=p[0], number="2"),
        Column("satuan", p[3], group=p[0], number="3"),
        Column("rp", "Pagu", kind=RUPIAH, number="4"),
        Column("nilai", "Target", kind=TEXT, number="5"),
    )
    rows = tuple(
        Row("program", {"no": payload, "uraian": f"{payload} Program", "satuan": payload, "rp": Decimal(-1500000),
                        "nilai": Besaran(Nilai(None, payload), "%")})
        for payload in p
    ) + (Row("band", text=p[4]), Row("total", {"no": "", "uraian": "Jumlah", "satuan": "", "rp": Decimal(9)}))
    return Report(
        code="T-C.99", title=(p[0], p[1]), columns=columns, rows=rows,
        kop=Kop(pemerintah=p[2], instansi=p[3], alamat=(p[4], p[5]), dokumen=p[0]),
        penandatangan=_party(p[1]), counter_signatory=_party(p[2]), name_column="uraian",
        notes=p, intro=(("", p[3]), (p[4], "x")), caption=p[5],
    )


def test_every_text_of_a_report_is_quoted_text_and_numbers_stay_numbers():
    content = render_xlsx([_report()])
    assert formulas(content) == []
    assert unsafe(content) == []
    found = payload_cells(content)
    assert all(found[p] for p in PAYLOADS), {p: len(c) for p, c in found.items()}
    numbers = [c for c in raw_cells(content) if c.type in ("n", "")]
    assert {c.text for c in numbers} >= {"-1500000", "9"}
