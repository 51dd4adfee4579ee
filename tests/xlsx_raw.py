"""A workbook's cells as its sheet XML holds them, not as openpyxl reads them back: a formula is an
<f> element whatever the cell's type says, text is a shared or inline string, and the quote
prefix (Excel's hidden apostrophe that keeps '=1 text when edited) is an attribute of the cell's
style. Used by the formula-injection tests of every workbook the app writes."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
M = "{" + NS["m"] + "}"
PAYLOADS = ('=HYPERLINK("http://evil","x")', "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1")
TEXT_TYPES = {"s", "inlineStr"}
RISKY = ("=", "+", "-", "@", "\t", "\r")  # as kecamatan/tables/xlsx_cell.py, written out again on purpose


@dataclass(frozen=True)
class RawCell:
    part: str  # xl/worksheets/sheet1.xml
    ref: str  # B7
    type: str  # the t attribute: "s", "inlineStr", "n" (or "" for a number), "str" (a formula's text) …
    text: str | None  # the value (shared strings resolved)
    formula: str | None  # the text of its <f> element, if any
    quote_prefix: bool

    @property
    def is_text(self) -> bool:
        return self.formula is None and self.type in TEXT_TYPES


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{M}t"))


def _xml(archive: zipfile.ZipFile, name: str):
    # openpyxl writes a carriage return raw, which an XML parser reads as a line feed: keep it
    return ElementTree.fromstring(archive.read(name).replace(b"\r", b"&#13;"))


def raw_cells(content: bytes) -> list[RawCell]:
    """Every <c> of every worksheet of the workbook."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            shared = [_text(si) for si in _xml(archive, "xl/sharedStrings.xml").findall("m:si", NS)]
        xfs = _xml(archive, "xl/styles.xml").find("m:cellXfs", NS)
        quoted = [xf.get("quotePrefix") in ("1", "true") for xf in (xfs if xfs is not None else [])]
        out = []
        for part in sorted(n for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)):
            for c in _xml(archive, part).iter(f"{M}c"):
                kind = c.get("t", "")
                f, v, inline = c.find("m:f", NS), c.find("m:v", NS), c.find("m:is", NS)
                if kind == "s" and v is not None:
                    text = shared[int(v.text)]
                elif inline is not None:
                    text = _text(inline)
                else:
                    text = v.text if v is not None else None
                if text is not None:
                    text = text.replace("_x000D_", "\r").replace("_x0009_", "\t")
                style = int(c.get("s", "0"))
                out.append(RawCell(part, c.get("r"), kind, text, None if f is None else (f.text or ""),
                                   style < len(quoted) and quoted[style]))
        return out


def _cells(workbook: bytes | list[RawCell]) -> list[RawCell]:
    return raw_cells(workbook) if isinstance(workbook, bytes) else workbook


def formulas(workbook: bytes | list[RawCell]) -> list[RawCell]:
    return [c for c in _cells(workbook) if c.formula is not None]


def payload_cells(workbook: bytes | list[RawCell], payloads=PAYLOADS) -> dict[str, list[RawCell]]:
    """The cells whose text begins with each payload (letters in any case: some tables print names
    in capitals). `workbook`: the .xlsx, or its `raw_cells`."""
    cells = _cells(workbook)
    return {p: [c for c in cells if c.text is not None and c.text.casefold().startswith(p.casefold())]
            for p in payloads}


def unsafe(workbook: bytes | list[RawCell]) -> list[RawCell]:
    """Every formula, and every cell whose value begins like a formula (=, +, -, @, tab, CR) that is
    not quote-prefixed text: what a spreadsheet could run."""
    def risky_text(c: RawCell) -> bool:
        return c.text is not None and c.type not in ("n", "") and c.text.startswith(RISKY)

    return [c for c in _cells(workbook)
            if c.formula is not None or (risky_text(c) and not (c.is_text and c.quote_prefix))]
