"""Hostile .xlsx files, built in memory from a real template in a fraction of a second (nothing
large on disk): a worksheet with a DOCTYPE declaring an external entity or taking entities from an
external DTD (XXE), or nesting entities (billion laughs); a zip bomb (a worksheet padded to hundreds
of MB of spaces, a few hundred KB packed: the same deflated megabyte repeated); a zip whose
directory under-declares what a part unpacks to; a part whose CRC-32 is wrong; a file cut short."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

XXE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
XXE_DTD = '<!DOCTYPE worksheet SYSTEM "file:///etc/passwd">'  # the entity comes from an external DTD
XXE_REF = "&xxe;"
LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>")
LAUGHS_REF = "&lol9;"
MB = 1024 * 1024


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def sheet_part(content: bytes, sheet: str) -> str:
    """The zip part of a sheet by its name (xl/worksheets/sheetN.xml)."""
    p = parts(content)
    rid = re.search(rf'<sheet [^>]*name="{re.escape(sheet)}"[^>]*r:id="([^"]+)"', p["xl/workbook.xml"].decode())
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid.group(1)}"',
                       p["xl/_rels/workbook.xml.rels"].decode())
    path = (target.group(1) or target.group(2)).lstrip("/")
    return path if path.startswith("xl/") else f"xl/{path}"


def rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def with_doctype(content: bytes, part: str, doctype: str, ref: str, *, deep: bool = False) -> bytes:
    """The file with `doctype` declared at the top of `part` and `ref` used in its first text, or,
    `deep`, in its last text after 20 KB of spaces: read only when the rows are, not when openpyxl
    opens the file (it parses the first 16 KB of every sheet then, for the sheet's dimensions)."""
    members = parts(content)
    xml = members[part].decode()
    end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
    xml = xml[:end] + doctype + xml[end:]
    if ref:  # else the declaration alone
        texts = list(re.finditer(r"<(?:t|v)(?: [^>]*)?>", xml))
        assert texts, f"no text in {part}"
        at = texts[-1 if deep else 0].end()
        xml = xml[:at] + ref + xml[at:]
    if deep:
        xml = xml.replace("<sheetData>", "<sheetData>" + " " * 20_000, 1)
    members[part] = xml.encode()
    return rezip(members)


def _deflate(data: bytes, *, final: bool) -> bytes:
    """Raw deflate from a fresh compressor: it refers to nothing before it, so pieces concatenate."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand from (name, raw deflate data, CRC-32, unpacked size as declared)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in entries:
        n, offset = name.encode(), len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(n), 0) + n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(n),
                               0, 0, 0, 0, 0, offset) + n
    return bytes(out + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                                             len(out), 0))


def padded(content: bytes, part: str, megabytes: int, *, declared: int | None = None) -> bytes:
    """The file with `megabytes` MB of spaces inside `part` (between its XML declaration and root),
    deflated by repeating one deflated megabyte. `declared`: the unpacked size the zip's headers
    claim for that part (a lie when smaller), else the true one."""
    entries = []
    for name, data in parts(content).items():
        if name != part:
            entries.append((name, _deflate(data, final=True), zlib.crc32(data), len(data)))
            continue
        split = data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0
        head, tail, spaces = data[:split], data[split:], b" " * MB
        crc = zlib.crc32(head)
        for _ in range(megabytes):
            crc = zlib.crc32(spaces, crc)
        crc = zlib.crc32(tail, crc)
        body = _deflate(head, final=False) + _deflate(spaces, final=False) * megabytes + _deflate(tail, final=True)
        size = len(head) + megabytes * MB + len(tail)
        entries.append((name, body, crc, size if declared is None else declared))
    return _zip(entries)


def bad_crc(content: bytes, part: str) -> bytes:
    """The file with a wrong CRC-32 for `part`: found only when the part has been read to its end."""
    return _zip([(name, _deflate(data, final=True), zlib.crc32(data) ^ (0xFFFF if name == part else 0), len(data))
                 for name, data in parts(content).items()])


def truncated(content: bytes) -> bytes:
    return content[: len(content) * 2 // 3]
