"""Writes a bulk export: CSV files into one ZIP, row by row as their sources yield them (a file is
never held whole in memory), and the data dictionary naming every file and column, once for people
(BACA_SAYA.txt) and once for programs (kamus_data.csv). Pure: no Django, no models.

Cells are written for other systems to parse: numbers as plain strings with "." as the decimal
separator and no thousands separator, Rp with two decimals, empty for "no value", times in ISO 8601
with their offset, ya/tidak for yes/no."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

TIPE = {  # column type → how the dictionary describes its cells
    "teks": "teks",
    "bulat": "bilangan bulat tanpa pemisah ribuan, mis. 2024",
    "desimal": "bilangan desimal: titik sebagai pemisah desimal, tanpa pemisah ribuan, tanpa nol di belakang, mis. 62.5",
    "rupiah": "rupiah: titik sebagai pemisah desimal, selalu dua angka desimal, tanpa pemisah ribuan, mis. 1916486189.00",
    "waktu": "waktu ISO 8601 dengan zona waktunya, mis. 2025-01-10T09:15:00+07:00",
    "tanggal": "tanggal ISO 8601, mis. 2025-01-10",
    "ya_tidak": "ya atau tidak",
}
SEN = Decimal("0.01")
# a text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection")
_RUMUS = ("=", "+", "@", "\t", "\r")


@dataclass(frozen=True)
class Kolom:
    nama: str
    tipe: str  # a key of TIPE
    keterangan: str
    satuan: str = ""


@dataclass(frozen=True)
class Berkas:
    nama: str  # "pagu.csv"
    isi: str  # what one row is, one sentence
    kolom: tuple[Kolom, ...]
    baris: Callable[[], Iterable[Sequence[object]]]  # raw values in column order, yielded lazily


def _teks(value: str) -> str:
    if value.startswith(_RUMUS) or (value[:1] == "-" and value[1:2] not in ("", " ")):
        return "'" + value
    return value


def sel(value: object, tipe: str, zona: tzinfo) -> str:
    """One cell as written in the CSV."""
    if value is None:
        return ""
    if tipe == "ya_tidak":
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        if tipe == "rupiah":
            return format(value.quantize(SEN, rounding=ROUND_HALF_UP), "f")
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, datetime):
        return value.astimezone(zona).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return _teks(value) if tipe == "teks" else value
    return str(value)


def tulis_zip(fh, berkas: Sequence[Berkas], *, pengantar: Sequence[str], zona: tzinfo) -> dict[str, int]:
    """Writes every file of `berkas`, then the dictionary, into the ZIP `fh`; the row count per file."""
    jumlah: dict[str, int] = {}
    with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for b in berkas:
            with zf.open(b.nama, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
                writer = csv.writer(text)  # comma, CRLF, quotes only where needed (RFC 4180)
                writer.writerow([k.nama for k in b.kolom])
                n = 0
                for row in b.baris():
                    writer.writerow([sel(v, k.tipe, zona) for v, k in zip(row, b.kolom, strict=True)])
                    n += 1
            jumlah[b.nama] = n
        zf.writestr("BACA_SAYA.txt", baca_saya(berkas, jumlah, pengantar))
        zf.writestr("kamus_data.csv", kamus_csv(berkas))
    return jumlah


FORMAT = (
    "FORMAT BERKAS",
    "- Setiap berkas .csv: UTF-8 (tanpa BOM), koma sebagai pemisah kolom, baris pertama berisi nama kolom,",
    "  teks yang memuat koma, tanda kutip atau baris baru diapit tanda kutip ganda (RFC 4180).",
    "- Angka ditulis polos agar dapat dibaca sistem lain: TITIK sebagai pemisah desimal dan TANPA",
    "  pemisah ribuan (1916486189.00, bukan 1.916.486.189,00). Rupiah selalu dengan dua angka desimal.",
    "- Sel kosong berarti tidak ada nilai (belum diisi). Nilai yang bukan angka, mis. N/A atau NIHIL,",
    "  ada di kolom label di samping kolom nilai; keterangan huruf seperti B- pada 62 (B-) juga di sana.",
    "- Waktu dalam ISO 8601 dengan zona waktunya; ya/tidak untuk kolom benar/salah.",
    "- Teks yang diawali =, +, @ atau - (diikuti bukan spasi) diberi awalan ' agar spreadsheet tidak",
    "  menjalankannya sebagai rumus.",
    "- Kolom *_id adalah nomor baris di aplikasi: tetap sama antar-ekspor selama barisnya ada; pakai",
    "  untuk menggabungkan berkas (mis. target.csv ke indikator.csv lewat indikator_id).",
    "- Membuka di Excel: Data > From Text/CSV, pilih UTF-8 dan pemisah koma; bila angka terbaca",
    "  sebagai teks, atur pemisah desimal titik pada pilihan impor (Locale English).",
)


def baca_saya(berkas: Sequence[Berkas], jumlah: dict[str, int], pengantar: Sequence[str]) -> str:
    """The dictionary for people: what the export is, the format, then every file and its columns."""
    lines = [*pengantar, "", *FORMAT, "", "TIPE KOLOM (dalam kurung siku di bawah)"]
    lines += [f"- {tipe}: {arti}" for tipe, arti in TIPE.items()]
    lines += ["", "ISI BERKAS", "",
              "kamus_data.csv: kamus ini dalam bentuk tabel (berkas, kolom, tipe, format, satuan, keterangan).", ""]
    for b in berkas:
        lines.append(f"{b.nama} ({jumlah.get(b.nama, 0)} baris data): satu baris = {b.isi}")
        for k in b.kolom:
            satuan = f", satuan {k.satuan}" if k.satuan else ""
            lines.append(f"  - {k.nama} [{k.tipe}{satuan}]: {k.keterangan}")
        lines.append("")
    return "\r\n".join(lines)


def kamus_csv(berkas: Sequence[Berkas]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["berkas", "kolom", "tipe", "format", "satuan", "keterangan"])
    for b in berkas:
        for k in b.kolom:
            writer.writerow([b.nama, k.nama, k.tipe, TIPE[k.tipe], k.satuan, k.keterangan])
    return out.getvalue()
