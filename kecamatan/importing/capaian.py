"""Riwayat capaian sebelum periode in Excel: the page's grid as a workbook to fill (one row per
indicator: hidden row id, owner, uraian and satuan read-only; per year Target, Realisasi,
Perkiraan) and that workbook read back into the values `capaian_sebelum.save_capaian` takes.
The file names its Renstra and the version it was made from; an older version is refused.
Cells are read like every other upload (cells.py): "-" and empty are absent, N/A, 62 (B-)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from kecamatan.core.formatting import Nilai, format_nilai
from kecamatan.importing.base import FileError, cell_text
from kecamatan.importing.cells import CellError, Sel, read_nilai, scalar
from kecamatan.importing.workbook import open_workbook, read_rows
from kecamatan.renstra.capaian_sebelum import PERKIRAAN_KOSONG, CapaianData, absent
from kecamatan.tables.xlsx_cell import put

SHEET = "Riwayat capaian"
META = "identitas"
FIXED = ("ID", "Pemilik", "Indikator", "Satuan")
YA = {"ya", "y", "v", "x", "✓"}
TIDAK = {"", "tidak", "-"}
INPUT = PatternFill("solid", fgColor="FFF2CC")


@dataclass
class Hasil:
    """What a file holds: values by (indikator id, tahun), and the per-cell errors."""

    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    where: dict = field(default_factory=dict)  # form field name → "Baris r, kolom X (judul)"


def columns(data: CapaianData) -> list[tuple[str, int, str]]:
    """(kind, tahun, header) of the input columns in order."""
    out = []
    for t in data.tahun:
        kinds = ("target", "realisasi", "perkiraan") if data.has_target(t) else ("realisasi", "perkiraan")
        out.extend((k, t, f"{k.capitalize()} {t}") for k in kinds)
    return out


def _nilai_text(value: Nilai | None) -> str | None:
    return None if value is None or value.is_empty else format_nilai(value)


def templat(data: CapaianData, *, periode_id: int, versi: int, judul: str, tahun_renja: int | None) -> bytes:
    """The grid as a workbook, filled with what is stored now."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    cols = columns(data)
    for i, header in enumerate([*FIXED, *(h for _, _, h in cols)], start=1):
        put(ws.cell(row=1, column=i), header)
        ws.cell(row=1, column=i).font = Font(bold=True)
    for r, ind in enumerate(data.indikator, start=2):
        for i, value in enumerate((ind.pk, ind.pemilik, ind.uraian, ind.satuan), start=1):
            put(ws.cell(row=r, column=i), value)
        for i, (kind, t, _) in enumerate(cols, start=len(FIXED) + 1):
            stored = data.cells.get((ind.pk, t))
            if kind == "perkiraan":
                value = "Ya" if stored is not None and stored.perkiraan else None
            else:
                value = _nilai_text(getattr(stored, f"{kind}_nilai")) if stored is not None else None
            cell = ws.cell(row=r, column=i)
            put(cell, value)
            cell.number_format = "@"
            cell.fill, cell.protection = INPUT, Protection(locked=False)
    ws.column_dimensions["A"].hidden = True
    ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 30, 45
    ws.freeze_panes = "E2"
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    meta = wb.create_sheet(META)
    for r, (key, value) in enumerate((("judul", judul), ("periode", periode_id), ("versi", versi),
                                      ("tahun_renja", tahun_renja or "")), start=1):
        put(meta.cell(row=r, column=1), key)
        put(meta.cell(row=r, column=2), value)
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def identitas(wb) -> dict[str, str]:
    if META not in wb.sheetnames or SHEET not in wb.sheetnames:
        raise FileError("Berkas ini bukan templat riwayat capaian. Unduh templat dari halaman Riwayat capaian "
                        "sebelum periode, isi, lalu unggah berkas itu.")
    return {cell_text(row[0]): cell_text(row[1]) for row in read_rows(wb[META], max_col=2, values_only=True)
            if row and row[0] is not None and len(row) > 1}


def check(meta: dict[str, str], *, periode_id: int, versi: int, judul: str) -> int | None:
    """The Renja year the file was made for (?tahun=), if any; FileError for another Renstra or an
    older version."""
    if meta.get("periode") != str(periode_id):
        raise FileError(f"Templat ini untuk {meta.get('judul') or 'Renstra lain'}, bukan {judul}.")
    if meta.get("versi") != str(versi):
        raise FileError(f"Templat ini dibuat dari {judul} versi {meta.get('versi')}, padahal versi sekarang {versi}: "
                        "ada yang menyimpan sesudah templat diunduh. Tidak ada yang disimpan. Unduh templat baru, "
                        "salin isian Anda ke sana, lalu unggah lagi.")
    tahun_renja = meta.get("tahun_renja", "")
    return int(tahun_renja) if tahun_renja.isdigit() else None


def _perkiraan(sel: Sel) -> bool:
    value = scalar(sel)
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value).strip().lower()
    if text in YA:
        return True
    if text in TIDAK:
        return False
    raise CellError("isi Ya bila realisasi masih perkiraan, atau kosongkan.")


def _header_map(ws, data: CapaianData) -> dict[int, tuple[str, int, str]]:
    headers = [cell_text(v) for v in next(read_rows(ws, min_row=1, max_row=1, values_only=True), ())]
    wanted = {h: (k, t, h) for k, t, h in columns(data)}
    missing = [h for h in wanted if h not in headers]
    if headers[:len(FIXED)] != list(FIXED) or missing:
        raise FileError("Judul kolom templat berubah" + (f" (tidak ada kolom {', '.join(missing)})" if missing else "")
                        + ". Unduh templat baru, salin isian Anda ke sana, lalu unggah lagi.")
    return {i: wanted[h] for i, h in enumerate(headers) if h in wanted}


def baca(content: bytes, load, *, periode_id: int, versi: int, judul: str) -> tuple[CapaianData, Hasil]:
    """The grid (`load(tahun_renja)`) and the file's values for `save_capaian`, keyed (indikator id,
    tahun), only for the rows the file holds."""
    wb = open_workbook(content)
    data = load(check(identitas(wb), periode_id=periode_id, versi=versi, judul=judul))
    ws = wb[SHEET]
    header = _header_map(ws, data)
    known = {ind.pk: ind for ind in data.indikator}
    hasil = Hasil()
    seen: set[int] = set()
    for r, row in enumerate(read_rows(ws, min_row=2), start=2):
        cells = {i: Sel(c.value, getattr(c, "number_format", None) or "General", getattr(c, "data_type", None) or "")
                 for i, c in enumerate(row)}
        raw_id = cells.get(0, Sel()).value
        if raw_id is None and all(c.value in (None, "") for c in cells.values()):
            continue
        try:
            ind_id = int(raw_id)
        except (TypeError, ValueError):
            ind_id = None
        if ind_id not in known or ind_id in seen:
            sebab = "muncul dua kali" if ind_id in seen else "tidak dikenal"
            hasil.errors.append(f"Baris {r}: ID indikator {cell_text(raw_id) or '(kosong)'} {sebab}; jangan ubah atau "
                                "salin kolom A (tersembunyi). Unduh templat baru.")
            continue
        seen.add(ind_id)
        read: dict[int, dict[str, object]] = {}
        for i, (kind, t, judul_kolom) in header.items():
            where = f"Baris {r}, kolom {get_column_letter(i + 1)} ({judul_kolom})"
            hasil.where[f"{kind}_{ind_id}_{t}"] = where
            try:
                sel = cells.get(i, Sel())
                value = _perkiraan(sel) if kind == "perkiraan" else absent(read_nilai(sel))
                masalah = None if kind == "perkiraan" else known[ind_id].rentang.masalah(
                    value, f"{kind.capitalize()} {t}")
                if masalah:
                    raise CellError(masalah)
            except CellError as exc:
                hasil.errors.append(f"{where}: {exc.pesan}")
                continue
            read.setdefault(t, {})[kind] = value
        for t, got in read.items():
            target, realisasi = got.get("target", Nilai()), got.get("realisasi", Nilai())
            if got.get("perkiraan") and realisasi.is_empty:
                hasil.errors.append(f"{hasil.where[f'realisasi_{ind_id}_{t}']}: {PERKIRAAN_KOSONG}")
            hasil.values[(ind_id, t)] = (target, realisasi, bool(got.get("perkiraan")))
    return data, hasil

