"""Nomenclature codes (7.01.01.2.01.0001): one canonical form, and a parser for the forms
people actually print. Pure Python, no Django.

Canonical forms:
    program       U.BB.PP              7.01.01
    kegiatan      U.BB.PP.2.KK         7.01.01.2.01
    sub-kegiatan  U.BB.PP.2.KK.SSSS    7.01.01.2.01.0001

The seeds write the same code in many broken ways ("7.01.01.2 01.1", "7.01.01.201.1",
"7 01 03 2 01 04", "7.01.02.01", "205", "7.01.01.2.01.0 3"); `parse_kode` turns each into the
canonical form or raises `KodeError` with a message in Indonesian that says what to type instead.
"""

from __future__ import annotations

import re

PROGRAM = "program"
KEGIATAN = "kegiatan"
SUBKEGIATAN = "subkegiatan"

LEVEL_LABELS = {PROGRAM: "Program", KEGIATAN: "Kegiatan", SUBKEGIATAN: "Sub Kegiatan"}
# the owner of an indicator, as the screens name it (search results, Bappeda's notes per row)
PEMILIK_LABELS = {"tujuan": "Tujuan", "sasaran": "Sasaran", PROGRAM: "Program", KEGIATAN: "Kegiatan",
                  SUBKEGIATAN: "Sub kegiatan"}

_CANONICAL = re.compile(r"^\d\.\d{2}\.\d{2}(\.2\.\d{2}(\.\d{4})?)?$")
_CONTEXT_HINT = "Tulis kode lengkap, contoh 7.01.01.2.01.0001."


class KodeError(ValueError):
    """A code that cannot be read unambiguously; the message is for the user."""


def is_canonical(kode: str) -> bool:
    return bool(_CANONICAL.match(kode or ""))


def level_of(kode: str) -> str:
    """Level of a canonical code."""
    parts = kode.split(".")
    return {3: PROGRAM, 5: KEGIATAN, 6: SUBKEGIATAN}[len(parts)]


def parent_of(kode: str) -> str | None:
    """Canonical code of the parent: sub-kegiatan → kegiatan → program → None."""
    parts = kode.split(".")
    if len(parts) == 6:
        return ".".join(parts[:5])
    if len(parts) == 5:
        return ".".join(parts[:3])
    return None


def bidang_of(kode: str) -> str:
    return ".".join(kode.split(".")[:2])


def urusan_of(kode: str) -> str:
    return kode.split(".")[0]


def sort_key(kode: str) -> tuple[int, ...]:
    """Numeric order, so 7.01.06.2.01.0011 comes after 7.01.06.2.01.0008."""
    return tuple(int(p) for p in kode.split("."))


def _build(urusan: str, bidang: str, program: str, kegiatan: str | None, sub: str | None) -> str:
    kode = f"{int(urusan)}.{int(bidang):02d}.{int(program):02d}"
    if kegiatan is not None:
        kode += f".2.{int(kegiatan):02d}"
        if sub is not None:
            kode += f".{int(sub):04d}"
    return kode


def _split_rest(rest: list[str], raw: str) -> tuple[str | None, str | None]:
    """Interpret the digit groups after the program: (kegiatan, sub-kegiatan)."""
    if not rest or rest == ["2"]:
        # "7.01.06.2" is a program with a spurious ".2" (Renja Senduro)
        return None, None
    first, tail = rest[0], rest[1:]
    if first == "2":
        if not tail:
            return None, None
        kegiatan, tail = tail[0], tail[1:]
    elif len(first) == 3 and first.startswith("2"):
        kegiatan = first[1:]  # "201" = the "2" merged with kegiatan "01"
    elif len(first) <= 2:
        kegiatan = first  # "7.01.02.01": the "2" was dropped
    else:
        raise KodeError(f"Bagian kegiatan '{first}' pada kode '{raw}' tidak dikenali. {_CONTEXT_HINT}")
    if len(kegiatan) > 2 or int(kegiatan) == 0:
        raise KodeError(f"Nomor kegiatan '{kegiatan}' pada kode '{raw}' tidak sah (01–99).")
    if not tail:
        return kegiatan, None
    if len(tail) > 1:
        raise KodeError(f"Kode '{raw}' terlalu panjang untuk kode sub kegiatan. {_CONTEXT_HINT}")
    sub = tail[0]
    if len(sub) > 4 or int(sub) == 0:
        raise KodeError(f"Nomor sub kegiatan '{sub}' pada kode '{raw}' tidak sah (0001–9999).")
    return kegiatan, sub


def parse_kode(raw: str, *, context: str | None = None) -> str:
    """Canonical code for `raw`.

    `context` is the canonical code of the enclosing row (the program above a kegiatan, the
    kegiatan above a sub-kegiatan). It is needed for truncated codes ("205" under 7.01.01,
    "2" under 7.01.01.2.05) and for codes whose bidang/program digits were lost
    ("7.0.0.2.08" under 7.01.01); without it such codes are refused, never guessed.

    A space is read as a separator first ("7.01.01.2 01.1", "7 01 03 2 01 04"). When that gives
    no valid code and the code has dots, the space is read as a stray space inside a segment
    ("7.01.01.2.01.0 3" is 7.01.01.2.01.0003, as PDF extraction prints it).
    """
    text = (raw or "").strip()
    if not text:
        raise KodeError("Kode kosong. " + _CONTEXT_HINT)
    if re.search(r"[^\d.\s]", text):
        raise KodeError(f"Kode '{text}' memuat karakter selain angka, titik dan spasi. {_CONTEXT_HINT}")
    if context is not None and not is_canonical(context):
        raise KodeError(f"Kode induk '{context}' bukan kode baku.")
    try:
        return _parse(text, context)
    except KodeError as as_separator:
        joined = _without_stray_spaces(text)
        if joined == text:
            raise
        try:
            return _parse(joined, context)
        except KodeError:
            raise as_separator from None


def _without_stray_spaces(text: str) -> str:
    """A dotted code with the spaces inside its segments removed ("7.01.01.2.01.0 3" →
    "7.01.01.2.01.03"); a code without dots is returned as it is (its spaces are separators)."""
    if "." not in text:
        return text
    text = re.sub(r"\s*\.\s*", ".", text)
    return re.sub(r"(?<=\d)\s+(?=\d)", "", text)


def _parse(text: str, context: str | None) -> str:
    groups = re.findall(r"\d+", text)
    if len(groups) < 3 or len(groups[0]) != 1:
        return _parse_relative(text, groups, context)

    urusan, bidang, program, rest = groups[0], groups[1], groups[2], groups[3:]
    if int(urusan) == 0:
        raise KodeError(f"Kode '{text}' tidak diawali nomor urusan. {_CONTEXT_HINT}")
    if int(bidang) == 0 or int(program) == 0:
        return _parse_lost_digits(text, urusan, bidang, program, rest, context)
    if len(bidang) > 2 or len(program) > 2:
        raise KodeError(f"Kode '{text}' tidak dikenali: bidang dan program ditulis dua angka. {_CONTEXT_HINT}")
    kegiatan, sub = _split_rest(rest, text)
    return _build(urusan, bidang, program, kegiatan, sub)


def _parse_relative(text: str, groups: list[str], context: str | None) -> str:
    """A truncated code ("205", "2"), readable only below a known parent row."""
    if context is None:
        raise KodeError(f"Kode '{text}' tidak lengkap dan tidak ada baris induk untuk melengkapinya. {_CONTEXT_HINT}")
    level = level_of(context)
    digits = "".join(groups)
    if level == KEGIATAN:
        if len(digits) > 4 or int(digits) == 0:
            raise KodeError(f"Kode '{text}' di bawah kegiatan {context} bukan nomor sub kegiatan.")
        return f"{context}.{int(digits):04d}"
    if level == PROGRAM:
        urusan, bidang, program = context.split(".")
        kegiatan, sub = _split_rest(groups, text)
        if kegiatan is None:
            raise KodeError(f"Kode '{text}' di bawah program {context} bukan nomor kegiatan.")
        return _build(urusan, bidang, program, kegiatan, sub)
    raise KodeError(f"Kode '{text}' tidak dapat dilengkapi dari sub kegiatan {context}.")


def _parse_lost_digits(text, urusan, bidang, program, rest, context) -> str:
    """'7.0.01', '7.0.0.2.08', '7 0 0 2 0 7': bidang or program digits lost in the print."""
    if context is None:
        raise KodeError(
            f"Kode '{text}' kehilangan nomor bidang/program; tidak dapat dibaca tanpa baris induk. {_CONTEXT_HINT}"
        )
    c_urusan, c_bidang, c_program = context.split(".")[:3]
    given = [(urusan, c_urusan), (bidang, c_bidang), (program, c_program)]
    if any(int(g) != 0 and int(g) != int(c) for g, c in given):
        raise KodeError(f"Kode '{text}' bertentangan dengan kode induk {context}.")
    digits = "".join(rest)
    if not digits:
        return _build(c_urusan, c_bidang, c_program, None, None)
    if len(digits) == 4 and digits.startswith("02"):
        digits = digits[1:]  # "02.01": the kegiatan-type digit written as "02"
    if len(digits) == 3 and digits.startswith("2"):
        return _build(c_urusan, c_bidang, c_program, digits[1:], None)
    raise KodeError(f"Kode '{text}' tidak dapat dibaca dengan pasti dari kode induk {context}. {_CONTEXT_HINT}")
