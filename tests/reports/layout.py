"""Checks on WeasyPrint's laid-out boxes (weasyprint==70.0 box tree, pinned in requirements):
text that sticks out of its table cell or off the page, and header words split mid-word.

PDF text extraction cannot see either; the box tree can, so these are what "nothing is cut off
at the right edge" means in a test.
"""

from __future__ import annotations

from weasyprint.formatting_structure import boxes

from kecamatan.tables import lebar

EPSILON = 0.05  # CSS px


def _cells(box, cell=None, header=False):
    """(cell, in_header, line_box) for every line box inside a table cell."""
    if isinstance(box, boxes.TableRowGroupBox):
        header = box.is_header
    if isinstance(box, boxes.TableCellBox):
        cell = box
    if isinstance(box, boxes.LineBox) and cell is not None:
        yield cell, header, box
        return
    for child in getattr(box, "children", ()):
        yield from _cells(child, cell, header)


def _texts(box):
    if isinstance(box, boxes.TextBox):
        yield box
    for child in getattr(box, "children", ()):
        yield from _texts(child)


def _split_words(cell, lines: list[str]) -> list[str]:
    """Words of the cell broken across two lines without a hyphen: 'Anggara | n'."""
    element = getattr(cell, "element", None)
    if element is None:
        return []
    original = " ".join("".join(element.itertext()).split())
    out, pointer = [], 0
    for line in lines[:-1]:
        found = original.find(line, pointer)
        if found < 0 or not line:
            continue
        end = found + len(line)
        if end < len(original) and original[end - 1].isalnum() and original[end].isalnum():
            out.append(f"{line} | {original[end:].split(' ')[0]}")
        pointer = end
    return out


def layout_problems(document) -> list[str]:
    """Every text box wider than its cell or beyond the page's right margin, and every header
    word broken across lines, as readable messages (empty when the layout is clean)."""
    problems: list[str] = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        right_limit = page.width - page_box.margin_right + EPSILON
        header_lines: dict[int, tuple[object, list[str]]] = {}
        for cell, header, line in _cells(page_box):
            cell_right = cell.content_box_x() + cell.width + cell.padding_right + EPSILON
            for t in _texts(line):
                if t.position_x + t.width > cell_right:
                    problems.append(f"halaman {number}: '{t.text}' keluar dari selnya "
                                    f"({t.position_x + t.width - cell_right:.1f}px)")
                if t.position_x + t.width > right_limit:
                    problems.append(f"halaman {number}: '{t.text}' melewati tepi kanan")
            if header:
                text = " ".join("".join(t.text for t in _texts(line)).split())
                header_lines.setdefault(id(cell), (cell, []))[1].append(text)
        for cell, lines in header_lines.values():
            problems += [f"halaman {number}: judul kolom terpenggal '{w}'" for w in _split_words(cell, lines)]
    return problems


def weights_only(report) -> list[lebar.Bagian]:
    """A print as before tables.lebar, to patch over `kecamatan.tables.render_pdf.fit`: the
    builder's weights as percentages at 6 pt, whatever the content needs."""
    return [lebar.Bagian(report, lebar.Cetak(tuple(c.width for c in report.columns), 6.0))]
