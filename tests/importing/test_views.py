"""The import pages: download → upload → preview → confirm (or cancel), the file kept server-side
in between, errors and refusals shown, and query counts that do not grow with the Renstra."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kecamatan.models import Dokumen, ImporTertunda, Indikator, Peran, Target
from kecamatan.renstra import services as renstra_services
from tests.factories import PeriodeFactory, build_cascade, build_renja, user_with_role
from tests.importing.helpers import edit, find_row, operator, state, workbook

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def urls(periode, kunci="renstra"):
    args = [periode.pk, kunci]
    return (reverse("kecamatan:impor", args=args), reverse("kecamatan:impor_templat", args=args),
            reverse("kecamatan:impor_simpan", args=args))


def waiting() -> list[str]:
    """The uploads waiting for confirmation (kept in the database, not on a server's disk)."""
    return list(ImporTertunda.objects.values_list("nama_file", flat=True))


def upload(client, url, content: bytes, name="isian renstra.xlsx"):
    return client.post(url, {"berkas": SimpleUploadedFile(name, content, content_type=XLSX)})


@pytest.fixture
def logged_in(client, kecil):
    client.force_login(operator(kecil))
    return client


def test_download_upload_preview_confirm(logged_in, kecil):
    client = logged_in
    page_url, template_url, save_url = urls(kecil)
    page = client.get(page_url)
    assert page.status_code == 200 and template_url in page.content.decode()
    download = client.get(template_url)
    assert download["Content-Type"] == XLSX
    assert download["Content-Disposition"] == 'attachment; filename="templat-renstra-kecil-2024-2026.xlsx"'
    ind = Indikator.objects.filter(periode=kecil, target__tahun=2025).first()
    content = edit(download.content, "Target", {(f"indikator:{ind.pk}", "Target 2025"): "2,5"})

    before = state()
    response = upload(client, page_url, content)
    assert response.status_code == 302 and response["Location"] == page_url
    assert waiting() == ["isian renstra.xlsx"] and state() == before  # kept server-side, nothing saved yet

    html = client.get(page_url).content.decode()
    assert "Pratinjau: isian renstra.xlsx" in html and 'data-jumlah="perubahan">1 perubahan' in html
    assert f"Target 2025: {ind.uraian}" in html and ">2</td>" in html and ">2,5</td>" in html
    assert "Simpan 1 perubahan" in html and state() == before

    response = client.post(save_url, {"versi": "0", "aksi": "simpan"})
    assert response.status_code == 302 and response["Location"] == reverse("kecamatan:renstra_susun", args=[kecil.pk])
    assert Target.objects.get(indikator=ind, tahun=2025).nilai == 2.5
    assert waiting() == []
    follow = client.get(response["Location"]).content.decode()
    assert "1 isian dari berkas isian renstra.xlsx disimpan; Renstra 2024-2026 sekarang versi 1." in follow


def test_errors_are_listed_and_nothing_can_be_saved(logged_in, kecil):
    client = logged_in
    page_url, template_url, save_url = urls(kecil)
    ind = Indikator.objects.filter(periode=kecil, target__tahun=2025).first()
    content = edit(client.get(template_url).content, "Target", {(f"indikator:{ind.pk}", "Target 2025"): "1.2.3"})
    row = find_row(workbook(content)["Target"], f"indikator:{ind.pk}")
    upload(client, page_url, content)
    html = client.get(page_url).content.decode()
    assert f'<td>Target</td><td class="text-end">{row}</td><td>Target 2025</td><td>&#x27;1.2.3&#x27; bukan angka' in html
    assert 'value="simpan"' not in html and "Berkas mempunyai 1 galat" in html
    before = state()
    client.post(save_url, {"versi": "0", "aksi": "simpan"})  # a forged confirmation: validated again
    assert state() == before
    response = client.post(save_url, {"aksi": "batal"})
    assert response.status_code == 302 and waiting() == []
    assert "Unggahan dibatalkan" in client.get(page_url).content.decode()


def test_a_refused_file_says_why(logged_in, kecil):
    client = logged_in
    page_url, _, _ = urls(kecil)
    upload(client, page_url, b"bukan excel", name="laporan.pdf")
    html = client.get(page_url).content.decode()
    assert "Berkas ditolak, tidak ada yang disimpan." in html and "bukan berkas Excel .xlsx" in html
    assert waiting() == []


def test_a_20_mb_upload_is_refused_by_size(logged_in, kecil):
    page_url, _, _ = urls(kecil)
    response = upload(logged_in, page_url, b"PK" + b"\0" * (20 * 1024 * 1024), name="besar.xlsx")
    assert response.status_code == 200
    assert "Berkas terlalu besar (20,0 MB); paling besar 5,0 MB." in response.content.decode()
    assert waiting() == []


def test_locked_document_refuses_uploads(logged_in, kecil):
    client = logged_in
    Dokumen.objects.create(periode=kecil, jenis="renstra", status="diajukan")
    page_url, template_url, _ = urls(kecil)
    content = client.get(template_url).content
    response = upload(client, page_url, content)
    assert response.status_code == 302 and waiting() == []
    html = client.get(page_url).content.decode()
    assert "unggahan ditolak" in html and 'id="form-unggah"' not in html


def test_confirm_without_an_upload(logged_in, kecil):
    page_url, _, save_url = urls(kecil)
    response = logged_in.post(save_url, {"versi": "0"})
    assert response["Location"] == page_url
    assert "Tidak ada berkas yang menunggu disimpan" in logged_in.get(page_url).content.decode()


def test_documents_without_a_template_are_not_found(logged_in, kecil):
    for kunci in ("renja-2024", "lkj-2024", "realisasi-2030-1", "bukan"):
        assert logged_in.get(urls(kecil, kunci)[0]).status_code == 404


def test_links_to_the_import(logged_in, kecil):
    html = logged_in.get(reverse("kecamatan:realisasi", args=[kecil.pk, 2024, 1])).content.decode()
    assert reverse("kecamatan:impor", args=[kecil.pk, "realisasi-2024-1"]) in html
    html = logged_in.get(reverse("kecamatan:renstra_susun", args=[kecil.pk])).content.decode()
    assert reverse("kecamatan:impor", args=[kecil.pk, "renstra"]) in html
    html = logged_in.get(reverse("kecamatan:dokumen", args=[kecil.pk, "realisasi-2024-3"])).content.decode()
    assert reverse("kecamatan:impor_templat", args=[kecil.pk, "realisasi-2024-3"]) in html
    assert reverse("kecamatan:impor", args=[kecil.pk, "realisasi-2024-3"]) in html
    html = logged_in.get(reverse("kecamatan:dokumen", args=[kecil.pk, "renja-2024"])).content.decode()
    assert "/impor/" not in html  # no template for the Renja yet


@pytest.mark.parametrize("n_sub", [1, 50])
@pytest.mark.parametrize("kunci", ["renstra", "realisasi-2024-1"])
def test_queries_do_not_grow_with_the_renstra(client, django_assert_num_queries, n_sub, kunci):
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=n_sub)
    client.force_login(user_with_role("op", Peran.OPERATOR, periode.kecamatan))
    page_url, template_url, _ = urls(periode, kunci)
    queries = 15 if kunci == "renstra" else 16  # the triwulan page also sums aktivitas (Renja dana)
    with django_assert_num_queries(queries):
        content = client.get(template_url).content
    upload(client, page_url, content)
    # the selector's 10 (11), session, user, profile, periode, document; and the upload waiting
    with django_assert_num_queries(queries + 1):
        assert client.get(page_url).status_code == 200


def test_preview_shows_conflicts_with_the_three_values(logged_in, kecil):
    from decimal import Decimal as D

    from kecamatan.core.formatting import Nilai

    client = logged_in
    page_url, template_url, save_url = urls(kecil)
    ind = Indikator.objects.filter(periode=kecil, target__tahun=2025).first()
    content = edit(client.get(template_url).content, "Target", {(f"indikator:{ind.pk}", "Target 2025"): "5"})
    camat = user_with_role("camat.lain", Peran.CAMAT, kecil.kecamatan)
    targets = {t.tahun: Nilai(t.nilai, t.label) for t in Target.objects.filter(indikator=ind)}
    renstra_services.save_indikator(indikator=ind, targets={**targets, 2025: Nilai(D(9))}, by=camat, versi=0)
    upload(client, page_url, content)
    html = client.get(page_url).content.decode()
    assert "sudah diubah (versi 0 → 1)" in html
    assert (f'<td>Target 2025: {ind.uraian}</td><td class="text-end">2</td><td class="text-end">9</td>'
            '<td class="text-end">5</td>') in html
    assert 'data-jumlah="perubahan">0 perubahan' in html and 'value="simpan"' not in html


@pytest.mark.parametrize("n_sub", [1, 50])
def test_renja_queries_do_not_grow(client, django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_renja(periode, n_sub=n_sub)  # two aktivitas per sub-kegiatan, targets, prakiraan
    client.force_login(user_with_role("op", Peran.OPERATOR, periode.kecamatan))
    page_url, template_url, _ = urls(periode, "renja-2024")
    queries = 28  # the Renja selector's 23 (aktivitas also sum the Renja dana), session, user, profile, periode, document
    with django_assert_num_queries(queries):
        content = client.get(template_url).content
    assert len(workbook(content)["Renja 2024"]["A"]) > 5 * n_sub  # sub-kegiatan, aktivitas and free rows
    upload(client, page_url, content)
    with django_assert_num_queries(queries + 1):  # and the upload waiting
        assert client.get(page_url).status_code == 200


def test_renja_download_upload_confirm_back_to_the_renja(client, senduro):
    from kecamatan.models import RenjaSubKegiatan, SubKegiatan

    client.force_login(operator(senduro))
    renja_url = reverse("kecamatan:renja_detail", args=[senduro.pk, 2024])
    page_url, template_url, save_url = urls(senduro, "renja-2024")
    html = client.get(renja_url).content.decode()
    assert page_url in html and template_url in html
    assert 'id="petunjuk-renja"' in client.get(page_url).content.decode()
    sub = SubKegiatan.objects.get(kegiatan__program__periode=senduro, nomenklatur__kode="7.01.01.2.01.0001")
    content = edit(client.get(template_url).content, "Renja 2024", {(f"subkegiatan:{sub.pk}", "Lokasi"): "Senduro"})
    upload(client, page_url, content, name="renja.xlsx")
    response = client.post(save_url, {"versi": "1", "aksi": "simpan"})
    assert response["Location"] == renja_url
    assert "1 isian dari berkas renja.xlsx disimpan; Renja 2024 sekarang versi 2." in \
        client.get(renja_url).content.decode()
    assert RenjaSubKegiatan.objects.get(subkegiatan=sub).lokasi == "Senduro"
    # a Renja not started yet has no template: start it on the Renja page first
    assert client.get(urls(senduro, "renja-2025")[0]).status_code == 404
    assert urls(senduro, "renja-2025")[0] not in client.get(
        reverse("kecamatan:renja_detail", args=[senduro.pk, 2025])).content.decode()
