"""IKU, PK and LKj as PDF, Excel, screen pages and `cetak`; access; fixed query counts."""

from decimal import Decimal as D
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from kecamatan import models as m
from kecamatan.cetak.output import produce
from kecamatan.lkj.selectors_data import lkj_data
from kecamatan.models import Peran, Periode
from tests.factories import (
    CamatFactory,
    IndikatorFactory,
    KecamatanFactory,
    PeriodeFactory,
    build_cascade,
    user_with_role,
)
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)
from tests.reports.helpers import pdf_pages, xlsx_sheet

# every test may touch the database (and pytest-django then creates it even when only the
# module-scoped demo needs it)
pytestmark = pytest.mark.django_db


def _periode(nama: str, mulai: int = 2024) -> Periode:
    return Periode.objects.get(kecamatan__nama=nama, tahun_mulai=mulai)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def lkj_pdf(demo_once):
    return pdf_pages(produce("lkj", periode_id=_periode("Jatiroto").pk, tahun=2024, fmt="pdf").content)


@pytest.fixture(scope="module")
def iku_pdf(demo_once):
    return pdf_pages(produce("iku", periode_id=_periode("Randuagung").pk, tahun=2025, fmt="pdf").content)


@pytest.fixture(scope="module")
def pk_pdf(demo_once):
    return pdf_pages(produce("pk", periode_id=_periode("Jatiroto").pk, tahun=2024, fmt="pdf").content)


# --- PDF -----------------------------------------------------------------------------------


def test_lkj_pdf_has_every_table_page_numbers_and_one_signature_at_the_end(lkj_pdf):
    n = len(lkj_pdf)
    for i, page in enumerate(lkj_pdf, start=1):
        assert f"Halaman {i} dari {n}" in page
    text = _flat("\n".join(lkj_pdf))
    for title in ("Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.4", "Tabel 3.1", "Tabel 3.2", "Tabel 3.3",
                  "Tabel 3.4", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7", "Tabel 3.8", "Tabel 3.9"):
        assert title in text
    for figure in ("1.954.066.949", "1.778.336.397", "1.745.051.543", "98,13%", "89,53%", "105,89%", "-8,60%",
                   "Sangat Tinggi", "Kecamatan Yosowilangun", "TW IV"):
        assert figure in text
    assert "1.713.542.193" not in text and "96,35" not in text  # the seed's wrong total is not copied
    assert text.count("KUTUM HADI KASIYAN") == 1 and "NIP. 19680407 198903 1 006" in _flat(lkj_pdf[-1])
    assert "Lumajang, 15 Januari 2025" in _flat(lkj_pdf[-1])


def test_lkj_kop_prints_the_office_address_and_no_pdf_a_checker_remark(lkj_pdf, iku_pdf, pk_pdf):
    """Issue 16: Jatiroto's kop as the seed prints it; the LKj's title above a table printed on its
    own, not above the Perjanjian Kinerja (a document of its own); the demo's Tabel 3.2 has a
    falling cumulative percentage, remarked on screen only."""
    first = _flat(lkj_pdf[0])
    assert "KECAMATAN JATIROTO Jalan Gajah Mada No. 02 Telp. (0334) 321 465 JATIROTO 67355" in first
    assert "LAPORAN KINERJA KECAMATAN JATIROTO TAHUN 2024 Tabel 2.1" in first
    assert "Jalan Gajah Mada No. 02" in _flat(pk_pdf[0]) and "LAPORAN KINERJA" not in _flat(pk_pdf[0])
    for pages in (lkj_pdf, iku_pdf, pk_pdf):
        text = "\n".join(pages)
        assert "Periksa" not in text and "lebih kecil dari TW" not in text and "LOGO" not in text


def test_lkj_pdf_repeats_the_header_of_tabel_24_on_every_page_it_spans(lkj_pdf):
    pages = [p for p in lkj_pdf if "Sub Kegiatan (7.01." in p]
    assert len(pages) >= 2
    for page in pages:
        assert "Indikator Tujuan/Sasaran/Program/Kegiatan" in _flat(page)


def test_iku_pdf_is_signed_by_the_camat_of_the_sheet(iku_pdf):
    text = _flat("\n".join(iku_pdf))
    assert "INDIKATOR KINERJA UTAMA" in text and "DI LINGKUNGAN PEMERINTAH KABUPATEN LUMAJANG" in text
    assert "Instansi : Kecamatan Randuagung" in text
    assert "84,31%" in text and "89%" in text and "Penjelasan :" in text
    last = _flat(iku_pdf[-1])
    assert "Lumajang, 31 Januari 2025" in last and "Dra. MAWI MUJAYANTI" in last
    assert "NIP. 19680901 199202 2 002" in last
    for i, page in enumerate(iku_pdf, start=1):
        assert "Rumus/ Formula" in page and f"Halaman {i} dari {len(iku_pdf)}" in page


def test_pk_pdf_has_both_versions_and_two_signatures(pk_pdf):
    text = _flat("\n".join(pk_pdf))
    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024" in text
    assert "Target Awal Target Perubahan" in text and "88,89% 94,44%" in text
    assert "1.954.066.949 1.778.336.397" in text
    last = _flat(pk_pdf[-1])
    assert "Pihak Kedua" in last and "Pj. Bupati Lumajang" in last and "INDAH WAHYUNI, S.H., M.Si." in last
    assert "Pihak Pertama" in last and "KUTUM HADI KASIYAN, S.H." in last
    assert last.count("NIP.") == 1  # the Bupati signs without NIP
    assert "Lumajang, 2 September 2024" in last


def test_a_long_rumus_continues_on_the_next_page_under_the_header():
    periode = PeriodeFactory()
    tujuan = m.Tujuan.objects.create(periode=periode, uraian="Tujuan uji")
    sasaran = m.Sasaran.objects.create(tujuan=tujuan, uraian="Sasaran uji")
    penjelasan = "\n".join(f"{i}. Butir penjelasan yang panjang nomor {i} tentang cara menghitung." for i in range(1, 160))
    ind = IndikatorFactory(periode=periode, sasaran=sasaran, satuan="Persen", iku=True, formula="A dibagi B",
                           penjelasan=penjelasan + "\nAKHIR PENJELASAN")
    m.Target.objects.create(indikator=ind, tahun=2025, nilai=D("84.31"))
    pages = pdf_pages(produce("iku", periode_id=periode.pk, tahun=2025, fmt="pdf").content)
    assert len(pages) >= 2
    assert "1. Butir penjelasan" in pages[0] and "AKHIR PENJELASAN" in pages[-1]
    for page in pages:
        assert "Rumus/ Formula" in page  # header repeated over the split row


# --- Excel ---------------------------------------------------------------------------------


def test_lkj_xlsx_keeps_numbers_as_numbers(demo_once, db):
    content = produce("lkj", periode_id=_periode("Jatiroto").pk, tahun=2024, fmt="xlsx").content
    ws = xlsx_sheet(content, "Tabel 3.9")
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    total = next(r for r in rows if "Total" in r)
    assert [v for v in total if isinstance(v, (int, float))][:2] == [1778336397, 1745051543]
    ws32 = xlsx_sheet(content, "Tabel 3.2")
    cell = next(c for row in ws32.iter_rows() for c in row if c.value == 87.72)
    assert cell.number_format == 'General"%"'
    pk = xlsx_sheet(content, "Tabel 2.3 (Anggaran)")
    assert any(r[2] == 1954066949 for r in pk.iter_rows(values_only=True))


def test_pk_xlsx_has_both_signatures(demo_once, db):
    ws = xlsx_sheet(produce("pk", periode_id=_periode("Jatiroto").pk, tahun=2024, fmt="xlsx").content, "PK (Anggaran)")
    values = [v for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert "INDAH WAHYUNI, S.H., M.Si." in values and "KUTUM HADI KASIYAN, S.H." in values
    assert "NIP. 19680407 198903 1 006" in values


# --- cetak, pages, access ------------------------------------------------------------------


def test_cetak_prints_lkj_with_a_chosen_comparison(demo_once, db, tmp_path: Path):
    target = tmp_path / "lkj37.html"
    call_command("cetak", "lkj37", "--kecamatan", "jatiroto", "--periode", "2024-2026", "--tahun", "2024",
                 "--format", "html", "--output", str(target), "--opsi", "pembanding=randuagung")
    assert "Kecamatan Randuagung" in target.read_text(encoding="utf-8")
    with pytest.raises(CommandError, match="Kecamatan pembanding 'atlantis' tidak dikenal"):
        call_command("cetak", "lkj37", "--kecamatan", "jatiroto", "--periode", "2024-2026", "--tahun", "2024",
                     "--opsi", "pembanding=atlantis")
    with pytest.raises(CommandError, match="Opsi 'warna' tidak dikenal"):
        call_command("cetak", "lkj21", "--kecamatan", "jatiroto", "--periode", "2024-2026", "--tahun", "2024",
                     "--opsi", "warna=merah")
    with pytest.raises(CommandError, match="NAMA=NILAI"):
        call_command("cetak", "lkj37", "--kecamatan", "jatiroto", "--periode", "2024-2026", "--tahun", "2024",
                     "--opsi", "pembanding")


def test_page_offers_every_other_kecamatan_and_shows_the_choice(demo_once, db, client):
    periode = _periode("Jatiroto")
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR))
    url = reverse("kecamatan:tabel", args=[periode.pk, "lkj37"])
    page = client.get(url, {"tahun": 2024}).content.decode()
    assert page.count("<option value=\"") == 3 + 1 + 20  # three years, "bawaan", twenty kecamatan
    assert "Kecamatan Yosowilangun" in page  # the LKj's own default
    page = client.get(url, {"tahun": 2024, "pembanding": "tempursari"}).content.decode()
    assert "Kecamatan Tempursari" in page and 'value="tempursari" selected' in page
    assert "pembanding=tempursari" in page  # downloads keep the choice
    assert client.get(url, {"tahun": 2024, "pembanding": "atlantis"}).status_code == 404
    pdf = client.get(reverse("kecamatan:tabel_unduh", args=[periode.pk, "lkj37", "pdf"]),
                     {"tahun": 2024, "pembanding": "tempursari"})
    assert pdf.status_code == 200 and "Kecamatan Tempursari" in _flat(pdf_pages(pdf.content)[0])


def _login(client, username):
    # force_login: the module's demo users were hashed before a test's password-hasher settings applied
    client.force_login(get_user_model().objects.get(username=username))


def test_other_kecamatan_staff_cannot_open_the_lkj(demo_once, db, client):
    _login(client, "operator.randuagung")
    url = reverse("kecamatan:tabel", args=[_periode("Jatiroto").pk, "lkj"])
    assert client.get(url, {"tahun": 2024}).status_code == 404
    _login(client, "operator.jatiroto")
    assert client.get(url, {"tahun": 2024}).status_code == 200


def test_renstra_page_links_the_yearly_documents(demo_once, db, client):
    _login(client, "operator.jatiroto")
    page = client.get(reverse("kecamatan:renstra_detail", args=[_periode("Jatiroto").pk])).content.decode()
    for name in ("iku", "pk", "lkj", "lkj39"):
        assert reverse("kecamatan:tabel", args=[_periode("Jatiroto").pk, name]) in page


# --- fixed query counts --------------------------------------------------------------------


def build_kinerja(periode: Periode, *, n_sub: int, n_sasaran: int) -> None:
    """A year of performance data of every kind the LKj reads, with `n_sub` sub-kegiatan and
    `n_sasaran` sasaran (each with an IKU indicator, targets, four quarters and PK rows)."""
    build_cascade(periode, n_sub=n_sub)
    tujuan = m.Tujuan.objects.create(periode=periode, uraian="Tujuan")
    ipp = IndikatorFactory(periode=periode, tujuan=tujuan, satuan="Angka")
    m.Target.objects.create(indikator=ipp, tahun=2024, nilai=D(60))
    camat = CamatFactory(kecamatan=periode.kecamatan)
    awal = m.PerjanjianKinerja.objects.create(periode=periode, tahun=2024, camat=camat, pihak_kedua_nama="BUPATI")
    perubahan = m.PerjanjianKinerja.objects.create(periode=periode, tahun=2024, versi="perubahan", camat=camat,
                                                   pihak_kedua_nama="BUPATI")
    program = m.Program.objects.get(periode=periode)
    for s in range(1, n_sasaran + 1):
        sasaran = m.Sasaran.objects.create(tujuan=tujuan, urutan=s, uraian=f"Sasaran {s}")
        ind = IndikatorFactory(periode=periode, sasaran=sasaran, satuan="Persen", iku=True)
        m.Target.objects.create(indikator=ind, tahun=2024, nilai=D(80))
        for tw in (1, 2, 3, 4):
            m.Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=tw, nilai=D(20 * tw))
        for pk in (awal, perubahan):
            m.TargetPK.objects.create(perjanjian=pk, indikator=ind, urutan=s, nilai=D(80))
        if s == 1:
            program.sasaran = sasaran
            program.save()
    for pk in (awal, perubahan):
        m.ProgramPK.objects.create(perjanjian=pk, program=program)
    for sub in m.SubKegiatan.objects.filter(kegiatan__program=program):
        for tahap in ("renja", "perubahan"):
            m.Pagu.objects.create(subkegiatan=sub, tahun=2024, tahap=tahap, jumlah=D(500))
        m.RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=4, jumlah=D(450))
    m.Dokumen.objects.create(periode=periode, jenis="lkj", tahun=2024, camat=camat)
    m.PenetapanIKU.objects.create(periode=periode, tahun=2024, camat=camat)
    lain = KecamatanFactory(kabupaten=periode.kecamatan.kabupaten)
    m.PengaturanLKj.objects.create(periode=periode, tahun=2024, kecamatan_pembanding=lain)
    m.SkalaKriteria.objects.get_or_create(kabupaten=periode.kecamatan.kabupaten, berlaku_mulai=2024,
                                          batas_bawah=None, defaults={"kriteria": "Kurang"})
    earlier = PeriodeFactory(kecamatan=periode.kecamatan, tahun_mulai=2019, tahun_selesai=2023, tahun_kondisi_awal=2018)
    old = IndikatorFactory(periode=earlier, tujuan=m.Tujuan.objects.create(periode=earlier, uraian="Lama"))
    m.Realisasi.objects.create(indikator=old, tahun=2023, triwulan=4, nilai=D(70))


def test_lkj_data_query_count_does_not_grow(django_assert_num_queries):
    small, large = PeriodeFactory(), PeriodeFactory()
    build_kinerja(small, n_sub=1, n_sasaran=1)
    build_kinerja(large, n_sub=60, n_sasaran=12)
    with django_assert_num_queries(28):
        lkj_data(small.pk, 2024)
    with django_assert_num_queries(28):
        data = lkj_data(large.pk, 2024)
    assert len(data.items()) == 13 and len(data.pagu_perubahan) == 60 and len(data.pk) == 2
    assert data.pembanding is not None and data.periode_lalu and data.iku is not None


@pytest.mark.parametrize("n_sub", [1, 50])
def test_lkj_page_query_count_is_fixed(client, django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_kinerja(periode, n_sub=n_sub, n_sasaran=1 if n_sub == 1 else 10)
    client.force_login(user_with_role("uji", Peran.OPERATOR, periode.kecamatan))
    url = reverse("kecamatan:tabel", args=[periode.pk, "lkj"])
    with django_assert_num_queries(33):
        response = client.get(url, {"tahun": 2024})
    assert response.status_code == 200
    assert response.content.decode().count("Sub Kegiatan (7.01.") == n_sub
