"""The small markup of the narrative sections people write in the browser, and its HTML.

Offices paste text from Word and type in a textarea, so the rules follow what they already do:

- every line is a paragraph (blank lines are ignored);
- `- item`, `* item` or `• item` is a bulleted list; `1. item` / `1) item` a numbered list,
  `a. item` / `a) item` a lettered one; indent by two spaces or more to nest a list in a list;
- `**bold**` and `*italic*` inside any line;
- lines starting with `|` are a table (`| No | Jabatan | L | P |`); a line of dashes
  (`|---|---|`) after the first row makes it the header; a line `Tabel: Komposisi Pegawai` right
  above a table gives it a caption, and the document numbers and lists it ("Tabel 1.1").

Nothing a person types is ever HTML: the text is escaped before any markup is applied, so
`<script>` or `<img src=http://…>` is printed as those characters, never run or fetched. Pure
Python, no Django: `parse` gives blocks (the document numbers captioned tables from them),
`render_html` prints them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

MAX_LENGTH = 100_000  # characters per section; a whole Renstra chapter fits

_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*•])\s+(?P<text>.*)$")
_NUMBER = re.compile(r"^(?P<indent>\s*)(?P<mark>\d{1,3}|[a-zA-Z])[.)]\s+(?P<text>.*)$")
_TABLE = re.compile(r"^\s*\|")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CAPTION = re.compile(r"^\s*tabel\s*:\s*(?P<text>.+)$", re.IGNORECASE)
_NUMERIC_CELL = re.compile(r"^[-+(]?(?:rp\.?\s*)?[\d.,]+\)?\s*%?$", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListItem:
    text: str
    children: tuple["ListBlock", ...] = ()


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    style: str = "1"  # "1", "a" or "A" for ordered lists
    start: int = 1
    items: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class TableBlock:
    caption: str = ""  # "" = not numbered, not listed
    header: tuple[tuple[str, ...], ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def ncols(self) -> int:
        return max((len(r) for r in (*self.header, *self.rows)), default=0)


Block = Paragraph | ListBlock | TableBlock


# --- parsing -----------------------------------------------------------------------------------


@dataclass
class _Item:
    indent: int
    text: str
    ordered: bool
    mark: str
    children: list = field(default_factory=list)


def _ordinal(mark: str) -> tuple[str, int]:
    if mark.isdigit():
        return "1", int(mark)
    return ("a" if mark.islower() else "A"), ord(mark.lower()) - ord("a") + 1


def _build_lists(items: list[_Item]) -> tuple[ListBlock, ...]:
    """Consecutive items of one level become one list; deeper-indented items nest under the item
    above them; a change between bullets and numbers starts a new list."""
    if not items:
        return ()
    base = min(i.indent for i in items)
    top: list[_Item] = []
    for item in items:
        if item.indent > base and top:
            top[-1].children.append(item)
        else:
            top.append(item)
    blocks: list[ListBlock] = []
    run: list[_Item] = []

    def flush() -> None:
        if not run:
            return
        style, start = _ordinal(run[0].mark) if run[0].ordered else ("1", 1)
        blocks.append(ListBlock(
            ordered=run[0].ordered, style=style, start=start,
            items=tuple(ListItem(i.text, _build_lists(i.children)) for i in run),
        ))
        run.clear()

    for item in top:
        if run and (item.ordered != run[0].ordered
                    or (item.ordered and _ordinal(item.mark)[0] != _ordinal(run[0].mark)[0])):
            flush()
        run.append(item)
    flush()
    return tuple(blocks)


def _split_row(line: str) -> tuple[str, ...]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return tuple(cell.strip() for cell in text.split("|"))


def _table(lines: list[str], caption: str) -> TableBlock:
    rows = [line for line in lines]
    header: list[tuple[str, ...]] = []
    if len(rows) >= 2 and _RULE.match(rows[1]):
        header = [_split_row(rows[0])]
        rows = rows[2:]
    body = [_split_row(r) for r in rows if not _RULE.match(r)]
    return TableBlock(caption=caption, header=tuple(header), rows=tuple(body))


def _list_item(line: str) -> _Item | None:
    match = _BULLET.match(line)
    if match:
        return _Item(len(match["indent"].expandtabs(4)), match["text"].strip(), False, "")
    match = _NUMBER.match(line)
    if match:
        return _Item(len(match["indent"].expandtabs(4)), match["text"].strip(), True, match["mark"])
    return None


def parse(text: str | None) -> tuple[Block, ...]:
    """The blocks of a narrative text. Never fails: anything unusual is a plain paragraph."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    items: list[_Item] = []
    i = 0

    def flush_items() -> None:
        blocks.extend(_build_lists(items))
        items.clear()

    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # a blank line inside a list does not end it; anything else after it does
            i += 1
            continue
        caption = _CAPTION.match(line)
        if caption and i + 1 < len(lines) and _TABLE.match(lines[i + 1]):
            flush_items()
            i += 1
            table_lines = []
            while i < len(lines) and _TABLE.match(lines[i]):
                table_lines.append(lines[i])
                i += 1
            blocks.append(_table(table_lines, caption["text"].strip()))
            continue
        if _TABLE.match(line):
            flush_items()
            table_lines = []
            while i < len(lines) and _TABLE.match(lines[i]):
                table_lines.append(lines[i])
                i += 1
            blocks.append(_table(table_lines, ""))
            continue
        item = _list_item(line)
        if item is not None:
            items.append(item)
        else:
            if items and line.startswith("  ") and line.strip():
                # an indented line under a list item continues that item
                last = items[-1]
                last.text = f"{last.text} {line.strip()}"
            else:
                flush_items()
                blocks.append(Paragraph(line.strip()))
        i += 1
    flush_items()
    return tuple(blocks)


# --- rendering ---------------------------------------------------------------------------------


def inline(text: str) -> str:
    """Escaped text with **bold** and *italic* (the only inline markup)."""
    escaped = html.escape(text, quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _ITALIC.sub(r"<em>\1</em>", escaped)


def _list_html(block: ListBlock) -> str:
    items = "".join(
        f"<li>{inline(item.text)}{''.join(_list_html(child) for child in item.children)}</li>"
        for item in block.items
    )
    if not block.ordered:
        return f"<ul>{items}</ul>"
    attrs = "" if block.style == "1" else f' type="{block.style}"'
    if block.start != 1:
        attrs += f' start="{block.start}"'
    return f"<ol{attrs}>{items}</ol>"


def _table_html(block: TableBlock, label: str, anchor: str) -> str:
    ncols = block.ncols

    def cells(row: tuple[str, ...], tag: str) -> str:
        padded = list(row) + [""] * (ncols - len(row))
        out = []
        for value in padded:
            css = ' class="angka"' if tag == "td" and _NUMERIC_CELL.match(value) else ""
            out.append(f"<{tag}{css}>{inline(value)}</{tag}>")
        return "".join(out)

    head = "".join(f"<tr>{cells(r, 'th')}</tr>" for r in block.header)
    body = "".join(f"<tr>{cells(r, 'td')}</tr>" for r in block.rows)
    caption = ""
    if block.caption:
        number = f"{html.escape(label)} " if label else ""
        ident = f' id="{html.escape(anchor)}"' if anchor else ""
        caption = f'<div class="judul-tabel-naskah"{ident}>{number}{inline(block.caption)}</div>'
    thead = f"<thead>{head}</thead>" if head else ""
    return f'{caption}<table class="tabel-narasi">{thead}<tbody>{body}</tbody></table>'


def render_html(blocks: Sequence[Block], table_label: Callable[[int], tuple[str, str]] | None = None) -> str:
    """HTML of parsed blocks. `table_label(i)` gives the number and anchor of the i-th captioned
    table of the text ("Tabel 1.1", "tabel-1-1"); without it captions print unnumbered."""
    out = []
    captioned = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{inline(block.text)}</p>")
        elif isinstance(block, ListBlock):
            out.append(_list_html(block))
        elif isinstance(block, TableBlock):
            label, anchor = ("", "")
            if block.caption:
                if table_label is not None:
                    label, anchor = table_label(captioned)
                captioned += 1
            out.append(_table_html(block, label, anchor))
    return "".join(out)


def to_html(text: str | None) -> str:
    """Parse and render in one go (tables unnumbered)."""
    return render_html(parse(text))


def captions(blocks: Sequence[Block]) -> list[str]:
    """Captions of the tables the document numbers, in order."""
    return [b.caption for b in blocks if isinstance(b, TableBlock) and b.caption]
