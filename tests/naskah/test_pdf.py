"""Acceptance: the LKj of Jatiroto 2024 and the Renja of Senduro 2024 print as whole documents from
the demo data. Every page number of the daftar isi and daftar tabel is the page where the heading
or the table really lands (read back from the PDF, footers included), every table of the
earlier issues is in its place, the signatures carry the Camat's name and NIP, wide tables get
landscape pages, the outline has the chapters and tables, and text typed as HTML prints as
text without anything being fetched. Each PDF is rendered once for the module."""

import pytest

from kecamatan.models import Dokumen, Narasi, Periode
from kecamatan.naskah.render import render_document_pdf
from kecamatan.naskah.selectors import Kunci, naskah_data
from kecamatan.tables import render_pdf
from tests.naskah.pdf_check import PdfBook, flat
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("sakip")</script> <img src=http://example.invalid/x.png> **tebal**'
FRONT_LISTS = ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "IKHTISAR EKSEKUTIF", "BAB I")


def _render(django_db_blocker, kecamatan, kunci, setup=None):
    fetched: list[str] = []
    original = render_pdf._safe_fetcher

    def recording():
        fetcher = original()
        fetch = fetcher.fetch

        def wrapped(url, headers=None):
            fetched.append(url)
            return fetch(url, headers)

        fetcher.fetch = wrapped
        return fetcher

    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as mp:
        periode = Periode.objects.select_related("kecamatan__kabupaten").get(kecamatan__nama=kecamatan,
                                                                             tahun_mulai=2024)
        if setup:
            setup(periode)
        data = naskah_data(periode, kunci)
        mp.setattr(render_pdf, "_safe_fetcher", recording)
        content, cached = render_document_pdf(data.susunan)
    assert not cached
    return data.susunan, PdfBook(content), fetched


@pytest.fixture(scope="module")
def lkj(demo_once, django_db_blocker):
    def add_evil(periode):
        dokumen = Dokumen.objects.get(periode=periode, jenis="lkj", tahun=2024)
        Narasi.objects.update_or_create(dokumen=dokumen, kunci="lampiran-lain", defaults={"teks": EVIL})

    return _render(django_db_blocker, "Jatiroto", Kunci("lkj", 2024), add_evil)


@pytest.fixture(scope="module")
def renja(demo_once, django_db_blocker):
    return _render(django_db_blocker, "Senduro", Kunci("renja", 2024))


@pytest.fixture(scope="module")
def renstra(demo_once, django_db_blocker):
    return _render(django_db_blocker, "Randuagung", Kunci("renstra"))


def check_lists(susunan, book: PdfBook):
    """Each line of the daftar isi / tabel / gambar: printed in order, and its page number is the
    page (by its own footer) where that heading, table caption or figure caption lands."""
    problems = []
    for title, entries in (("DAFTAR ISI", susunan.daftar_isi), ("DAFTAR TABEL", susunan.daftar_tabel),
                           ("DAFTAR GAMBAR", susunan.daftar_gambar)):
        printed = book.list_entries(title, tuple(t for t in FRONT_LISTS if t != title))
        assert [label for label, _ in printed] == [flat(e.teks) for e in entries], title
        for (label, number), entry in zip(printed, entries):
            index = book.index_of_label(number)
            if book.footer(index) != number and index != 0:  # the cover (i) prints no number
                problems.append(f"{title}: {label}: page {index} prints {book.footer(index)!r}, not {number}")
            wanted = {"HALAMAN JUDUL": susunan.naskah.sampul.judul[0]}.get(entry.teks, entry.teks)
            if entry.teks.startswith("BAB "):
                wanted = entry.teks  # "BAB I PENDAHULUAN": label and title on two lines of the page
            if wanted not in book.flat[index]:
                problems.append(f"{title}: {label!r} listed on {number} but not on that page")
            first = book.page_of(wanted, book.index_of_label("1") if entry.teks[0].isdigit() else 0)
            if entry.teks[0].isdigit() and first != index:
                problems.append(f"{title}: {label!r} first appears on page index {first}, listed {index}")
    assert not problems, "\n".join(problems)


def test_lkj_lists_print_the_real_page_numbers(lkj):
    susunan, book, _ = lkj
    check_lists(susunan, book)
    assert book.footer(1) == "ii" and book.footer(2) == "iii"  # front matter in roman numerals
    assert book.footer(book.first_arabic) == "1" and "BAB I PENDAHULUAN" in book.flat[book.first_arabic]


def test_renja_lists_print_the_real_page_numbers(renja):
    susunan, book, _ = renja
    check_lists(susunan, book)


def test_every_table_of_the_lkj_is_in_its_place(lkj):
    susunan, book, _ = lkj
    assert not [t.kunci for t in susunan.teks if t.kosong and t.wajib]  # the demo fills every section
    refs = [t.ref for t in susunan.tables]
    assert refs == ["lkj21", "lkj22", "lkj23", "lkj24", "lkj31", "lkj32", "lkj33", "lkj34", "lkj35", "lkj36",
                    "lkj37", "lkj38", "lkj39", "cascading"]
    numbers = {t.ref: t.nomor for t in susunan.tables}
    # BAB I holds the office's own tables 1.1 and 1.2, so issue 9's tables keep the document's numbers
    assert [numbers[r] for r in ("lkj21", "lkj22", "lkj23", "lkj24", "lkj31", "lkj39")] == [
        "Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 3.1", "Tabel 3.9"]
    text = " ".join(book.flat)
    for phrase in ("Tabel 1.1 Komposisi Pegawai", "Tabel 1.2 Sarana dan Prasarana per Tanggal 31 Desember 2024",
                   "Tabel 3.3 Perbandingan Antara Target dan Realisasi Kinerja Tahun 2024",
                   "Tabel 3.7 Perbandingan Realisasi Kinerja Tahun Ini dengan Kecamatan Yosowilangun",
                   "PERJANJIAN KINERJA TAHUN 2024", "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024",
                   "1.954.066.949", "1.778.336.397", "1.745.051.543", "98,13%"):
        assert phrase in text, phrase
    assert [f.nomor for f in susunan.figures] == ["Gambar 3.1", "Gambar 3.2", "Gambar 3.3"]


def test_every_table_of_the_renja_is_in_its_place(renja):
    susunan, book, _ = renja
    assert [(t.ref, t.nomor) for t in susunan.tables] == [
        ("tc29", "Tabel 2.1"), ("tc30", "Tabel 2.2"), ("tc31", "Tabel 2.5"), ("tc32", "Tabel 2.6"),
        ("tc33", "Tabel 3.1"), ("renja41", "Tabel 4.1"), ("catatan", "")]
    text = " ".join(book.flat)
    for phrase in ("Tabel 2.1 T-C.29", "Tabel 2.3 Teknik Pengumpulan Data", "Tabel 2.4 Identifikasi Permasalahan",
                   "Tabel 3.1 T-C.33 Rumusan Rencana Program dan Kegiatan", "Tabel 4.1 Program, Kegiatan dan Sub Kegiatan",
                   "2.080.252.824", "2.621.874.277", "Catatan terhadap Dokumen Sumber", "NIHIL"):
        assert phrase in text, phrase


def test_signatures_carry_the_camats_name_and_nip(lkj, renja):
    _, book, _ = lkj
    kata_pengantar = book.flat[book.page_of("KATA PENGANTAR")]
    assert "KUTUM HADI KASIYAN, S.H." in kata_pengantar and "NIP. 19680407 198903 1 006" in kata_pengantar
    pk = [i for i, t in enumerate(book.flat) if "Pihak Kedua" in t and "NIP. 19680407 198903 1 006" in t]
    assert len(pk) == 2  # the signed PK awal and perubahan in the lampiran
    assert "INDAH WAHYUNI" in book.flat[pk[0]]
    _, book, _ = renja
    signed = [i for i, t in enumerate(book.flat) if "Drs. PUJANTO" in t and "NIP. 19681114 199003 1 004" in t]
    # kata pengantar, after T-C.33 (as the Renja signs it), penutup, closing note
    assert len(signed) >= 3
    assert book.page_of("KATA PENGANTAR") in signed
    assert any("PENUTUP" in book.flat[i] for i in signed)


def test_wide_tables_get_landscape_pages_inside_the_portrait_document(lkj, renja):
    for (susunan, book, _), ref in ((lkj, "lkj24"), (renja, "tc33")):
        table = next(t for t in susunan.tables if t.ref == ref)
        page = book.page_of(table.nomor + " " + table.judul[0], book.first_arabic)
        assert book.is_landscape(page) and not book.is_landscape(page - 1)
        assert not book.is_landscape(0) and not book.is_landscape(book.first_arabic)
        landscape = [i for i in range(len(book.pages)) if book.is_landscape(i)]
        assert 0 < len(landscape) < len(book.pages) / 2


def test_outline_has_chapters_sections_and_tables_on_their_pages(lkj):
    susunan, book, _ = lkj
    outline = dict(book.outline())
    assert outline["BAB I PENDAHULUAN"] == book.first_arabic
    assert outline["BAB III AKUNTABILITAS KINERJA"] == book.page_of("BAB III AKUNTABILITAS KINERJA", 3)
    assert "3.1.2.6 Analisis atas Efisiensi Penggunaan Sumber Daya" in outline
    table_39 = next(t for t in susunan.tables if t.ref == "lkj39")
    assert outline[flat(f"{table_39.nomor} {table_39.judul[0]}")] == book.page_of("Tabel 3.9 Realisasi Anggaran 2024",
                                                                                   book.first_arabic)
    assert "Gambar 3.2 Perbandingan Capaian Kinerja dari Tahun ke Tahun" in outline


def test_drafted_sentences_print_with_the_tables_figures(lkj):
    susunan, book, _ = lkj
    text = " ".join(book.flat)
    assert ("Target tahun 2024 sebesar 94,44% dan realisasinya 100%, melampaui target, sehingga capaian kinerjanya "
            "105,89% (realisasi ÷ target × 100) dengan kriteria Sangat Tinggi menurut Tabel 3.1.") in text
    assert "sebesar Rp 1.778.336.397 dengan realisasi sampai 31 Desember 2024 sebesar Rp 1.745.051.543 atau 98,13%" in text


def test_typed_html_prints_as_text_and_nothing_is_fetched(lkj):
    _, book, fetched = lkj
    page = book.page_of("Dokumentasi dan Bukti Dukung", book.first_arabic)
    assert '<script>alert("sakip")</script> <img src=http://example.invalid/x.png> tebal' in book.flat[page]
    assert not [url for url in fetched if not url.startswith("data:")], fetched


def test_the_pdf_fetcher_refuses_the_network_even_for_markup_not_from_users():
    content = render_pdf.pdf_document('<p>x</p><img src="http://example.invalid/x.png">'
                                      '<img src="file:///etc/hostname">').write_pdf()
    assert PdfBook(content).flat[0].startswith("x")
    fetcher = render_pdf._safe_fetcher()
    for url in ("http://example.invalid/x.png", "https://example.invalid/x.css", "file:///etc/passwd"):
        with pytest.raises(render_pdf.FetchRefused):
            fetcher.fetch(url)


def test_the_cover_prints_the_kop_lines_and_no_document_a_remark_or_a_placeholder(lkj, renja, renstra):
    """Issue 16: the office's address under its name on the cover, as the seeds print it; no logo
    box when none is uploaded; no checker remark ("Periksa: …") anywhere; the tables inside the
    document do not repeat the document's title (only a table printed on its own does)."""
    cover = lkj[1].flat[0]
    assert "KECAMATAN JATIROTO Jalan Gajah Mada No. 02 Telp. (0334) 321 465 JATIROTO 67355" in cover
    assert "Jalan Raya Randuagung No.82 Telp. (0334) 323313" in renstra[1].flat[0]
    for susunan, book, _ in (lkj, renja, renstra):
        text = " ".join(book.flat)
        assert "Periksa:" not in text and "LOGO" not in text, susunan.naskah.jenis
    book = renja[1]
    assert "RENCANA KERJA (RENJA) KECAMATAN SENDURO TAHUN 2024" not in " ".join(book.flat[book.first_arabic:])
