"""Reading cells the way people really fill them, codes in the documents' broken forms, the
three-way comparison, and where an error is reported. Pure: no database."""

import datetime
from decimal import Decimal as D

import pytest

from kecamatan.core.formatting import Nilai
from kecamatan.core.kode import KodeError
from kecamatan.importing.base import RowError
from kecamatan.importing.cells import CellError, Sel, read_nilai, read_rupiah, read_teks
from kecamatan.importing.kinds import NILAI, REALISASI, RUPIAH, NilaiKeterangan
from kecamatan.importing.layout import Identitas, Item, Proposed
from kecamatan.importing.preview import Preview
from kecamatan.importing.reader import diff
from kecamatan.importing.sheet import resolve_kode


@pytest.mark.parametrize("sel, expected", [
    (Sel("84,31"), Nilai(D("84.31"))),
    (Sel("84%"), Nilai(D(84))),
    (Sel(0.845, "0.0%"), Nilai(D("84.5"))),  # "84,5%" typed into Excel: stored 0.845, shown as percent
    (Sel(84.31), Nilai(D("84.31"))),
    (Sel(7), Nilai(D(7))),
    (Sel("1.500"), Nilai(D(1500))),
    (Sel("62 (B-)"), Nilai(D(62), "B-")),
    (Sel("N/A"), Nilai(None, "N/A")),
    (Sel("n/a"), Nilai(None, "N/A")),
    (Sel("-"), Nilai(None, "-")),
    (Sel(None), Nilai()),
    (Sel("   "), Nilai()),
    (Sel(84.31, '0.00"%"'), Nilai(D("84.31"))),  # a quoted % only decorates: no scaling
])
def test_read_nilai_accepts_what_people_type(sel, expected):
    assert read_nilai(sel) == expected


@pytest.mark.parametrize("sel, message", [
    (Sel("1.2.3"), "'1.2.3' bukan angka yang sah"),
    (Sel("1.5"), "meragukan"),
    (Sel("banyak"), "bukan nilai yang dikenali"),
    (Sel("=A1*2", data_type="f"), "berisi rumus"),
    (Sel(datetime.datetime(2024, 2, 3)), "berisi tanggal"),
    (Sel(True), "TRUE/FALSE"),
    (Sel("#DIV/0!", data_type="e"), "galat Excel"),
    (Sel("84,12345"), "paling banyak 4 angka di belakang koma"),
    (Sel("62 (label yang jauh terlalu panjang untuk satu nilai)"), "paling banyak 30 huruf"),
])
def test_read_nilai_refuses_with_a_reason(sel, message):
    with pytest.raises(CellError) as exc:
        read_nilai(sel)
    assert message in exc.value.pesan


@pytest.mark.parametrize("sel, expected", [
    (Sel("1.500.000,50"), D("1500000.50")),
    (Sel("Rp 1.500.000"), D(1500000)),
    (Sel("Rp. 1.500.000"), D(1500000)),
    (Sel("1,916,486,189"), D(1916486189)),  # as the Renstra prints it
    (Sel(4000000), D(4000000)),
    (Sel(1500000.5), D("1500000.50")),
    (Sel("-"), D(0)),
    (Sel(None), None),
])
def test_read_rupiah(sel, expected):
    assert read_rupiah(sel) == expected


@pytest.mark.parametrize("sel, message", [
    (Sel("N/A"), "bukan angka"),
    (Sel("abc"), "bukan angka"),
    (Sel("-5.000"), "tidak boleh negatif"),
    (Sel(-5), "tidak boleh negatif"),
    (Sel("84%"), "berupa persen"),
    (Sel(0.5, "0%"), "berformat persen"),
    (Sel("1.500,123"), "pemisah ribuan dan desimal bercampur"),
    (Sel(1.234), "paling banyak 2 angka di belakang koma"),
])
def test_read_rupiah_refuses(sel, message):
    with pytest.raises(CellError) as exc:
        read_rupiah(sel)
    assert message in exc.value.pesan


def test_read_teks():
    assert read_teks(Sel("  Persen "), max_length=60) == "Persen"
    assert read_teks(Sel(12), max_length=60) == "12"
    with pytest.raises(CellError, match="wajib"):
        read_teks(Sel(None), max_length=60, required="satuan wajib diisi")
    with pytest.raises(CellError, match="paling banyak 5 huruf"):
        read_teks(Sel("panjang sekali"), max_length=5)


def test_realisasi_needs_a_reason_for_a_label():
    assert REALISASI.read([Sel("N/A"), Sel("Belum diukur")]) == NilaiKeterangan(Nilai(None, "N/A"), "Belum diukur")
    assert REALISASI.read([Sel(None), Sel(None)]).is_empty
    with pytest.raises(CellError) as exc:
        REALISASI.read([Sel("N/A"), Sel(None)])
    assert exc.value.part == 1 and "beri alasan" in exc.value.pesan  # reported at the keterangan column
    with pytest.raises(CellError) as exc:
        REALISASI.read([Sel(None), Sel("alasan tanpa nilai")])
    assert exc.value.part == 0


@pytest.mark.parametrize("kind, value", [
    (NILAI, Nilai(D("84.31"))), (NILAI, Nilai(D(62), "B-")), (NILAI, Nilai(None, "N/A")), (NILAI, Nilai()),
    (RUPIAH, D("1500000.50")), (RUPIAH, None), (RUPIAH, D(0)),
    (REALISASI, NilaiKeterangan(Nilai(None, "N/A"), "alasan")), (REALISASI, NilaiKeterangan(Nilai(D("0.5")), "")),
])
def test_hidden_sheet_encoding_round_trips(kind, value):
    assert kind.decode(kind.encode(value)) == value


def test_row_error_says_where_in_the_sheet_s_own_terms():
    error = RowError(14, "Target 2025", "'1.2.3' bukan angka yang sah.")
    assert str(error) == "Baris 14, kolom Target 2025: '1.2.3' bukan angka yang sah."
    assert str(RowError(14, "Target 2025", "x", "Target")) == "Lembar Target · Baris 14, kolom Target 2025: x"


@pytest.mark.parametrize("raw, above, expected, result", [
    ("7.01.01.2 01.1", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0001"),
    ("7.01.01.201", "7.01.01", "7.01.01.2.01", "7.01.01.2.01"),
    ("205", "7.01.01.2.04.0003", "7.01.01.2.05", "7.01.01.2.05"),  # truncated: the program of the row above
    ("2", "7.01.01.2.05", "7.01.01.2.05.0002", "7.01.01.2.05.0002"),  # truncated: the kegiatan above
    ("7 01 03 2 01 04", None, "7.01.03.2.01.0004", "7.01.03.2.01.0004"),
    (" s2 ", None, "S2", "S2"),
])
def test_codes_in_the_documents_broken_forms(raw, above, expected, result):
    assert resolve_kode(raw, above, expected=expected) == result


def test_a_truncated_code_without_context_is_refused_not_guessed():
    with pytest.raises(KodeError, match="tidak lengkap"):
        resolve_kode("205", None, expected="7.01.01.2.05")
    # a row pasted without ID: "2" under kegiatan 7.01.01.2.05 can only be its sub-kegiatan 0002
    assert resolve_kode("2", "7.01.01.2.05.0001", known={"7.01.01.2.05.0002"}) == "7.01.01.2.05.0002"
    with pytest.raises(KodeError):
        resolve_kode("2", "7.01.01.2.05.0001", known={"7.01.01.2.05.0009"})


def _item(key, current, kind=NILAI):
    return Item(key, kind, ("x",), key, current)


def test_three_way_diff():
    """O = at download, C = now, U = in the file."""
    cases = {
        "same": (Nilai(D(1)), Nilai(D(1)), Nilai(D(1))),  # nothing
        "mine": (Nilai(D(1)), Nilai(D(1)), Nilai(D(2))),  # the user's change
        "theirs": (Nilai(D(1)), Nilai(D(5)), Nilai(D(1))),  # someone else's change, user untouched: keep
        "both": (Nilai(D(1)), Nilai(D(5)), Nilai(D(2))),  # conflict
        "both_same": (Nilai(D(1)), Nilai(D(2)), Nilai(D(2))),  # both typed the same: nothing
        "no_snapshot": (None, Nilai(D(1)), Nilai(D(3))),  # a row pasted later: plain change
    }
    snapshot = {k: NILAI.encode(o) for k, (o, c, u) in cases.items() if o is not None}
    proposed = [Proposed("Target", i, _item(k, c), u) for i, (k, (o, c, u)) in enumerate(cases.items(), start=5)]
    ident = Identitas("renstra", 1, "X", 1, "2024-2026", "renstra", "Renstra", versi=3)
    preview = Preview(ident, versi_sekarang=4)
    diff(proposed, snapshot, preview)
    assert [c.key for c in preview.changes] == ["mine", "no_snapshot"]
    assert [(c.label, c.asal, c.sekarang, c.berkas) for c in preview.conflicts] == [("both", "1", "5", "2")]
    assert (preview.unchanged, preview.kept_theirs) == (2, 1)
    assert preview.changes[0].dari == "1" and preview.changes[0].ke == "2"


def test_kinds_ready_for_the_renja_sheet():
    """Lokasi is free text; sumber dana comes from a list (the template shows it as a drop-down)."""
    from kecamatan.importing.kinds import PilihanKind, TeksKind

    sumber = PilihanKind(["DAU", "DAK", "BK Desa"], "Sumber dana")
    assert sumber.read([Sel(" bk  desa ")]) == "BK Desa" and sumber.read([Sel(None)]) == ""
    with pytest.raises(CellError, match="Sumber dana 'APBN' tidak ada di daftar. Pilih salah satu: DAU, DAK, BK Desa."):
        sumber.read([Sel("APBN")])
    lokasi = TeksKind(max_length=20)
    assert lokasi.read([Sel("Kec. Senduro")]) == "Kec. Senduro"
    assert lokasi.decode(lokasi.encode("Kec. Senduro")) == "Kec. Senduro"
    with pytest.raises(CellError):
        lokasi.read([Sel("Kab. Lumajang, Kec. Senduro")])
