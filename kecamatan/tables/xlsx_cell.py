"""The one way any workbook of the app (report downloads, import templates, the Riwayat capaian
grid) puts a value into an openpyxl cell, so that text typed by a user never becomes a formula.

openpyxl stores every string that starts with "=" as a formula, and Excel (or LibreOffice) turns
text starting with "+", "-", "@", a tab or a carriage return into one as soon as someone edits the
cell ("formula injection": `=HYPERLINK("http://evil","x")` in an indicator's name). Such text is
written as a text cell with Excel's quote prefix (the hidden apostrophe of '=1), which keeps it text
when edited. Numbers stay numbers; a formula the app writes on purpose (the sums of an import
template) says so with `formula=True`. Characters a workbook cannot hold (control characters other
than tab, line feed and carriage return, e.g. the vertical tab Word pastes for a line break) are
dropped instead of failing the whole download."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text: str) -> bool:
    """Text a spreadsheet could take for a formula."""
    return text.startswith(RISKY_STARTS)


def put(cell, value, *, formula: bool = False):
    """Set `cell` to `value`: a string is always text (a formula only when `formula` is true and it
    starts with "="), anything else as openpyxl stores it. Returns the cell."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if formula and value.startswith("="):
            cell.value = value
            return cell
        cell.value = value
        cell.data_type = "s"  # openpyxl would have made "=…" a formula
        cell.quotePrefix = is_risky(value)
        return cell
    cell.value = value
    return cell


def write(ws, row: int, column: int, value, *, formula: bool = False):
    """`ws.cell(row, column, value)` through `put`; returns the cell."""
    return put(ws.cell(row, column), value, formula=formula)
