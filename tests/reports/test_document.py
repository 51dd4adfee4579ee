"""Numbering a whole document (no database): chapters, sections, tables and figures as the
documents number them, the lists of the front matter, cross references in the drafts, the
user's version of a draft and when its draft changed."""

from kecamatan.naskah.document import (
    Bab,
    Bagian,
    Draf,
    Gambar,
    Lampiran,
    NarasiTeks,
    Naskah,
    Sampul,
    Tabel,
    Teks,
    bagian_keys,
)
from kecamatan.naskah.susunan import DrafTersusun, Judul, TabelTersusun, TeksTersusun, report_caption, susun
from kecamatan.tables.base import TEXT, Column, Report, Row


def report(code, title, orientation="portrait"):
    return Report(code=code, title=title, columns=(Column("a", "A", kind=TEXT, number="1"),),
                  rows=(Row("x", {"a": "isi"}),),
                  orientation=orientation)


def naskah() -> Naskah:
    return Naskah(
        jenis="lkj", judul="Laporan Uji", sampul=Sampul("PEMERINTAH", ("LAPORAN",), ("KECAMATAN UJI",)),
        kata_pengantar=(Teks("kata-pengantar"),),
        pembuka=(Bagian("Ikhtisar Eksekutif", (Teks("ikhtisar"), Draf("ringkas", "Ringkas", "Lihat {tabel:t31}."))),),
        bab=(
            Bab("Pendahuluan", (
                Teks("pendahuluan"),
                Bagian("Gambaran Umum", (
                    Bagian("Struktur Organisasi", (Teks("struktur"),)),
                    Bagian("Sumber Daya Manusia", (Teks("sdm"),)),
                )),
                Bagian("Isu Strategis", (Teks("isu", wajib=False),)),
            )),
            Bab("Akuntabilitas Kinerja", (
                Bagian("Pengukuran Kinerja", (
                    Tabel("t31", (report("Tabel 3.1", ("Tabel 3.1", "Skala Nilai Kriteria")),)),
                    Tabel("tc29", (report("T-C.29", ("Tabel T-C.29", "Rekapitulasi Evaluasi", "Kecamatan Uji"),
                                          "landscape"),)),
                    Gambar("g1", "Capaian", "<svg/>", "Sumber: {tabel:t31}"),
                    Draf("capaian:1", "Capaian", "Menurut {tabel:t31} dan {gambar:g1}; {tabel:hilang}."),
                )),
            )),
        ),
        lampiran=(Bagian("Perjanjian Kinerja", (Lampiran((report("PK", ("PERJANJIAN KINERJA",)),)),)),),
    )


TEKS = {
    "sdm": NarasiTeks("Pegawai:\nTabel: Komposisi Pegawai\n| No | Jabatan |\n|---|---|\n| 1 | Camat |\n"
                      "Tabel: Pendidikan\n| S1 | 6 |"),
    "pendahuluan": NarasiTeks("Paragraf."),
}


def test_chapters_sections_and_their_numbers():
    s = susun(naskah(), TEKS)
    headings = [p for p in s.pieces() if isinstance(p, Judul)]
    assert [(h.teks, h.tingkat, h.bab) for h in headings] == [
        ("KATA PENGANTAR", 0, ""), ("IKHTISAR EKSEKUTIF", 0, ""),
        ("PENDAHULUAN", 0, "BAB I"), ("1.1 Gambaran Umum", 1, ""), ("1.1.1 Struktur Organisasi", 2, ""),
        ("1.1.2 Sumber Daya Manusia", 2, ""), ("1.2 Isu Strategis", 1, ""),
        ("AKUNTABILITAS KINERJA", 0, "BAB II"), ("2.1 Pengukuran Kinerja", 1, ""),
        ("LAMPIRAN", 0, ""), ("Perjanjian Kinerja", 1, ""),
    ]
    assert len({h.anchor for h in headings}) == len(headings)


def test_tables_are_numbered_per_chapter_narrative_tables_included():
    s = susun(naskah(), TEKS)
    sdm = next(p for p in s.teks if p.kunci == "sdm")
    assert sdm.labels == (("Tabel 1.1", "tabel-1-1"), ("Tabel 1.2", "tabel-1-2"))
    tables = s.tables
    assert [(t.nomor, t.judul, t.lanskap) for t in tables] == [
        ("Tabel 2.1", ("Skala Nilai Kriteria",), False),
        ("Tabel 2.2", ("T-C.29 Rekapitulasi Evaluasi", "Kecamatan Uji"), True),  # the official code stays
    ]
    assert [e.teks for e in s.daftar_tabel] == [
        "Tabel 1.1 Komposisi Pegawai", "Tabel 1.2 Pendidikan", "Tabel 2.1 Skala Nilai Kriteria",
        "Tabel 2.2 T-C.29 Rekapitulasi Evaluasi"]
    assert [e.teks for e in s.daftar_gambar] == ["Gambar 2.1 Capaian"]


def test_daftar_isi_front_matter_in_roman_numerals_body_in_arabic():
    s = susun(naskah(), TEKS)
    entries = [(e.teks, e.tingkat, e.romawi) for e in s.daftar_isi]
    assert entries[:6] == [("HALAMAN JUDUL", 0, True), ("KATA PENGANTAR", 0, True), ("DAFTAR ISI", 0, True),
                           ("DAFTAR TABEL", 0, True), ("DAFTAR GAMBAR", 0, True), ("IKHTISAR EKSEKUTIF", 0, True)]
    assert ("BAB I PENDAHULUAN", 0, False) in entries and ("1.1.1 Struktur Organisasi", 2, False) in entries
    assert entries[-2:] == [("LAMPIRAN", 0, False), ("Perjanjian Kinerja", 1, False)]


def test_references_in_drafts_and_figures_follow_the_numbering():
    s = susun(naskah(), TEKS)
    draf = next(d for d in s.drafts if d.kunci == "capaian:1")
    assert draf.teks == "Menurut Tabel 2.1 dan Gambar 2.1; tabel terkait."
    assert next(d for d in s.drafts if d.kunci == "ringkas").teks == "Lihat Tabel 2.1."
    assert s.figures[0].sumber == "Sumber: Tabel 2.1"


def test_the_users_version_of_a_draft_and_when_the_draft_changed_under_it():
    teks = {**TEKS, "draf:capaian:1": NarasiTeks("Teks saya.", draf_dasar="Menurut Tabel 2.1 dan Gambar 2.1; tabel terkait.")}
    draf = next(d for d in susun(naskah(), teks).drafts if d.kunci == "capaian:1")
    assert (draf.teks, draf.diganti, draf.berubah) == ("Teks saya.", True, False)
    teks["draf:capaian:1"] = NarasiTeks("Teks saya.", draf_dasar="Angka lama.")
    draf = next(d for d in susun(naskah(), teks).drafts if d.kunci == "capaian:1")
    assert (draf.teks, draf.diganti, draf.berubah, draf.draf) == (
        "Teks saya.", True, True, "Menurut Tabel 2.1 dan Gambar 2.1; tabel terkait.")
    teks["draf:capaian:1"] = NarasiTeks("", draf_dasar="Angka lama.")
    assert next(d for d in susun(naskah(), teks).drafts if d.kunci == "capaian:1").blocks == ()  # left out


def test_empty_sections_and_optional_ones():
    s = susun(naskah(), TEKS)
    by_key = {p.kunci: p for p in s.teks}
    assert by_key["struktur"].kosong and by_key["struktur"].wajib
    assert by_key["isu"].kosong and not by_key["isu"].wajib
    assert not by_key["pendahuluan"].kosong


def test_report_caption_drops_the_reports_own_number_line():
    assert report_caption(report("Tabel 3.3", ("Tabel 3.3", "Perbandingan", "Kecamatan Uji"))) == (
        "Perbandingan", "Kecamatan Uji")
    assert report_caption(report("T-C.33", ("Tabel T-C.33", "Rumusan Rencana"))) == ("T-C.33 Rumusan Rencana",)
    assert report_caption(report("Catatan", ("Catatan terhadap Dokumen Sumber",))) == ("Catatan terhadap Dokumen Sumber",)


def test_bagian_keys_lists_every_narrative_section_in_order():
    assert [k for k, _, _ in bagian_keys(naskah())] == [
        "kata-pengantar", "ikhtisar", "pendahuluan", "struktur", "sdm", "isu"]


def test_reports_of_the_document_in_order_for_the_workbook():
    s = susun(naskah(), TEKS)
    assert [r.code for r in s.reports()] == ["Tabel 3.1", "T-C.29", "PK"]
    assert isinstance(s.tables[0], TabelTersusun) and isinstance(s.teks[0], TeksTersusun)
    assert all(isinstance(d, DrafTersusun) for d in s.drafts)


def test_two_texts_of_one_section_are_told_apart_in_the_editor():
    doc = Naskah(jenis="lkj", judul="x", sampul=Sampul("P", (), ()), bab=(Bab("Satu", (Bagian("Kinerja Utama", (
        Teks("iku"), Tabel("t", (report("Tabel 1", ("Tabel 1", "A")),)), Teks("iku-target"), Teks("iku-akhir"),
        Teks("iku-khusus", "Judul sendiri"))),)),))
    assert [j for _, j, _ in bagian_keys(doc)] == [
        "Kinerja Utama", "Kinerja Utama (lanjutan)", "Kinerja Utama (lanjutan 2)", "Judul sendiri"]
    assert [t.judul for t in susun(doc).teks] == [j for _, j, _ in bagian_keys(doc)]
