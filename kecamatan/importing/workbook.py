"""Opening an uploaded file and checking whose it is: refuses what is not a usable .xlsx (too
big, an old .xls, a damaged or zip-bombed archive) with what to do, reads the hidden identity
sheet with the values at download, and refuses a template made for another kecamatan, period,
document or format. Pure apart from openpyxl."""

from __future__ import annotations

import io
import json
import warnings
import zipfile

from openpyxl import load_workbook

from kecamatan.importing.base import (
    FORMAT_VERSION,
    MAX_BYTES,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    META_SHEET,
    RATIO_FROM_BYTES,
    RUSAK,
    SNAPSHOT_MARK,
    FileError,
    cell_text,
    ukuran_teks,
)
from kecamatan.importing.layout import Identitas

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003), also .doc
ZIP_MAGIC = b"PK\x03\x04"  # what an .xlsx starts with


def check_size(n_bytes: int) -> None:
    if n_bytes > MAX_BYTES:
        raise FileError(f"Berkas terlalu besar ({ukuran_teks(n_bytes)}); paling besar {ukuran_teks(MAX_BYTES)}. "
                        "Unggah templat dari aplikasi ini saja, tanpa gambar atau lembar tambahan.")


def _check_archive(content: bytes) -> None:
    """Refuse what is not an .xlsx, or a zip bomb, from the archive's directory alone (sizes as
    declared: Python's zipfile never unpacks a part beyond its declared size), before any XML is read."""
    not_xlsx = FileError("Berkas ini bukan berkas Excel .xlsx. Unggah templat .xlsx yang diunduh dari aplikasi "
                         "ini (bukan PDF, CSV atau foto).")
    buffer = io.BytesIO(content)
    if not zipfile.is_zipfile(buffer):
        raise FileError(RUSAK) if content.startswith(ZIP_MAGIC) else not_xlsx  # a cut-off download or copy
    try:
        with zipfile.ZipFile(buffer) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise FileError(RUSAK) from None
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise not_xlsx
    unpacked = sum(info.file_size for info in infos)
    bomb = any(info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1)
               for info in infos)
    if unpacked > MAX_UNPACKED_BYTES or bomb:
        raise FileError(f"Isi berkas terlalu besar ({ukuran_teks(unpacked)} setelah dibuka dari "
                        f"{ukuran_teks(len(content))}). Unggah templat dari aplikasi ini saja, tanpa gambar atau "
                        "lembar tambahan.")


def open_workbook(content: bytes):
    """The workbook, read-only; FileError with what to do when it is not a usable .xlsx. Its rows
    are read with `read_rows`, which turns a part that breaks while it is read into FileError too."""
    check_size(len(content))
    if not content:
        raise FileError("Berkas kosong. Pilih berkas templat .xlsx yang sudah diisi.")
    if content.startswith(OLE_MAGIC):
        raise FileError("Berkas berformat Excel lama (.xls). Buka di Excel, pilih Simpan Sebagai → "
                        "'Excel Workbook (.xlsx)', lalu unggah berkas .xlsx itu.")
    _check_archive(content)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation/extensions it skips
            return load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file (XML, zip, entities refused by defusedxml)
        raise FileError(RUSAK) from None


def read_rows(ws, **kwargs):
    """`ws.iter_rows(**kwargs)` of a read-only sheet, parsed as it goes: whatever breaks while a row is
    parsed (bad XML, a DOCTYPE with entities that defusedxml refuses, a damaged zip part, a value that
    is not what its type says) is the file's fault and becomes FileError(RUSAK); errors of the
    caller's own code, between rows, are not caught here."""
    found = ws.iter_rows(**kwargs)
    while True:
        try:
            row = next(found)
        except StopIteration:
            return
        except Exception:
            raise FileError(RUSAK) from None
        yield row


def read_identitas(wb) -> tuple[Identitas, dict[str, tuple[str, ...]]]:
    """The file's identity and the input values at download, keyed by item."""
    if META_SHEET not in wb.sheetnames:
        raise FileError("Berkas ini bukan templat SAKIP Kecamatan (lembar identitas tidak ada). Unduh templat dari "
                        "halaman impor, isi sel kuningnya, lalu unggah berkas itu.")
    pairs: dict[str, object] = {}
    chunks: list[str] = []
    in_snapshot = False
    for values in read_rows(wb[META_SHEET], min_row=2, max_col=2, values_only=True):
        if not values or values[0] is None:
            continue
        if in_snapshot:
            chunks.append(str(values[0]))
        elif cell_text(values[0]) == SNAPSHOT_MARK:
            in_snapshot = True
        else:
            pairs[cell_text(values[0])] = values[1] if len(values) > 1 else None
    identitas = Identitas.from_rows(pairs)
    try:
        loaded = json.loads("".join(chunks)) if chunks else {}
        snapshot = {str(k): tuple(str(p) for p in v) for k, v in loaded.items()}
    except (ValueError, TypeError, AttributeError):
        snapshot = {}  # a damaged memory of the download: every cell is compared with now only
    return identitas, snapshot


def check_identitas(found: Identitas, expected: Identitas) -> None:
    """Refuse a file made for another kecamatan, period, document or template format."""
    if found.kecamatan_id != expected.kecamatan_id:
        raise FileError(f"Templat ini milik Kecamatan {found.kecamatan}, bukan Kecamatan {expected.kecamatan}. "
                        f"Unduh templat Kecamatan {expected.kecamatan} dari halaman ini.")
    if found.periode_id != expected.periode_id:
        raise FileError(f"Templat ini untuk Renstra {found.periode}, bukan Renstra {expected.periode}.")
    if found.format != expected.format or found.dokumen != expected.dokumen:
        raise FileError(f"Templat ini untuk {found.judul}, bukan {expected.judul}. Unggah berkas itu di halaman "
                        f"impor {found.judul}, atau unduh templat {expected.judul} dari halaman ini.")
    if found.versi_format != FORMAT_VERSION:
        raise FileError(f"Templat ini memakai format lama (versi {found.versi_format}); format sekarang versi "
                        f"{FORMAT_VERSION}. Unduh templat baru, lalu salin isian Anda ke sana.")
    if found.versi > expected.versi:
        raise FileError(f"Templat ini menyebut {found.judul} versi {found.versi}, padahal versi sekarang "
                        f"{expected.versi}. Unduh templat baru.")
