"""How a cell is written for other systems to parse (no database)."""

import io
import zipfile
import zoneinfo
from datetime import UTC, date, datetime
from decimal import Decimal

from kecamatan.ekspor.zip_csv import Berkas, Kolom, sel, tulis_zip

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def test_numbers_are_plain_decimals_with_a_point():
    assert sel(Decimal("1916486189.00"), "rupiah", WIB) == "1916486189.00"
    assert sel(Decimal(1916486189), "rupiah", WIB) == "1916486189.00"
    assert sel(Decimal("0.005"), "rupiah", WIB) == "0.01"  # half up, at the edge only
    assert sel(Decimal("75.0000"), "desimal", WIB) == "75"
    assert sel(Decimal("100.0000"), "desimal", WIB) == "100"  # not 1E+2
    assert sel(Decimal("62.5000"), "desimal", WIB) == "62.5"
    assert sel(Decimal("0.0000"), "desimal", WIB) == "0"
    assert sel(None, "rupiah", WIB) == "" and sel(2024, "bulat", WIB) == "2024"


def test_times_dates_booleans_and_formula_text():
    assert sel(datetime(2025, 1, 10, 2, 15, tzinfo=UTC), "waktu", WIB) == "2025-01-10T09:15:00+07:00"
    assert sel(date(2025, 1, 10), "tanggal", WIB) == "2025-01-10"
    assert (sel(True, "ya_tidak", WIB), sel(False, "ya_tidak", WIB)) == ("ya", "tidak")
    assert sel("=HYPERLINK(\"x\")", "teks", WIB) == "'=HYPERLINK(\"x\")"
    assert sel("-1+2", "teks", WIB) == "'-1+2"
    assert sel("- Penyusunan dokumen", "teks", WIB) == "- Penyusunan dokumen"
    assert sel("-", "teks", WIB) == "-" and sel("N/A", "teks", WIB) == "N/A"


def test_the_zip_holds_the_files_and_their_dictionary():
    rows = ((1, "Satu, dua", Decimal("10.50")), (2, 'Kutip "ini"', None))
    berkas = [Berkas("uji.csv", "satu uji.", (Kolom("id", "bulat", "Nomor."), Kolom("nama", "teks", "Nama."),
                                                Kolom("jumlah_rp", "rupiah", "Jumlah.", "Rp")), lambda: iter(rows))]
    fh = io.BytesIO()
    assert tulis_zip(fh, berkas, pengantar=["JUDUL"], zona=WIB) == {"uji.csv": 2}
    with zipfile.ZipFile(fh) as zf:
        assert zf.read("uji.csv").decode() == 'id,nama,jumlah_rp\r\n1,"Satu, dua",10.50\r\n2,"Kutip ""ini""",\r\n'
        kamus = zf.read("kamus_data.csv").decode().splitlines()
        baca = zf.read("BACA_SAYA.txt").decode()
    assert kamus[0] == "berkas,kolom,tipe,format,satuan,keterangan" and kamus[3].startswith("uji.csv,jumlah_rp,rupiah,")
    assert baca.startswith("JUDUL") and "uji.csv (2 baris data)" in baca and "- jumlah_rp [rupiah, satuan Rp]" in baca
