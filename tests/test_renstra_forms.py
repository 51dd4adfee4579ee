"""Forms of the Renstra cascade: rows from the catalog, indicators with a target grid, pagu per
year per stage; all through services that respect the documents' locks and versions."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.core.formatting import Nilai
from kecamatan.models import Dokumen, Indikator, Kegiatan, Pagu, Peran, Program, Riwayat, Sasaran, Target, Tujuan
from kecamatan.renstra import services as renstra_services
from tests.factories import PeriodeFactory, SubKegiatanFactory, nomenklatur, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def periode():
    return PeriodeFactory()


@pytest.fixture
def operator(client, periode):
    user = user_with_role("op", Peran.OPERATOR, periode.kecamatan)
    client.force_login(user)
    return user


def renstra_versi(periode):
    doc = Dokumen.objects.filter(periode=periode, jenis="renstra").first()
    return doc.versi if doc else 0


def test_tujuan_and_sasaran_are_added_in_order(client, periode, operator):
    url = reverse("kecamatan:tujuan_tambah", args=[periode.pk])
    response = client.post(url, {"versi": 0, "urutan": 1, "uraian": "Meningkatkan kualitas pelayanan"})
    assert response.status_code == 302
    tujuan = Tujuan.objects.get()
    response = client.get(reverse("kecamatan:sasaran_tambah", args=[tujuan.pk]))
    assert response.context["form"].initial["versi"] == 1
    assert response.context["form"].instance.urutan == 1
    client.post(reverse("kecamatan:sasaran_tambah", args=[tujuan.pk]), {"versi": 1, "urutan": 1, "uraian": "Sasaran A"})
    assert Sasaran.objects.get().tujuan == tujuan
    assert list(Riwayat.objects.filter(aksi="ubah").values_list("versi", flat=True)) == [1, 2]


def test_duplicate_number_is_an_indonesian_error_not_a_crash(client, periode, operator):
    Tujuan.objects.create(periode=periode, urutan=1, uraian="Ada")
    response = client.post(reverse("kecamatan:tujuan_tambah", args=[periode.pk]),
                           {"versi": 0, "urutan": 1, "uraian": "Lagi"})
    assert response.status_code == 200
    assert "Nomor urut ini sudah dipakai tujuan lain dalam Renstra ini." in response.content.decode()
    assert Tujuan.objects.count() == 1


def test_program_kegiatan_subkegiatan_come_from_the_catalog(client, periode, operator):
    for kode in ("7.01.01.2.01.0001", "7.01.01.2.01.0002", "7.01.02.2.01.0001"):
        nomenklatur(kode)
    page = client.get(reverse("kecamatan:program_tambah", args=[periode.pk])).content.decode()
    assert 'data-cari="nomenklatur"' in page  # searchable select (static/kecamatan/app.js)
    program_kode = nomenklatur("7.01.01")
    client.post(reverse("kecamatan:program_tambah", args=[periode.pk]),
                {"versi": 0, "nomenklatur": program_kode.pk, "nama": ""})
    program = Program.objects.get()
    assert program.nama == "Nomenklatur 7.01.01"  # defaults from the catalog
    # the program already used is no longer offered
    choices = client.get(reverse("kecamatan:program_tambah", args=[periode.pk])).context["form"].fields["nomenklatur"]
    assert program_kode not in choices.queryset and nomenklatur("7.01.02") in choices.queryset
    # a kegiatan may only be picked under its program's code
    form = client.get(reverse("kecamatan:kegiatan_tambah", args=[program.pk])).context["form"]
    assert set(form.fields["nomenklatur"].queryset.values_list("kode", flat=True)) == {"7.01.01.2.01"}
    wrong = client.post(reverse("kecamatan:kegiatan_tambah", args=[program.pk]),
                        {"versi": 1, "nomenklatur": nomenklatur("7.01.02.2.01").pk})
    assert wrong.status_code == 200 and not Kegiatan.objects.exists()
    client.post(reverse("kecamatan:kegiatan_tambah", args=[program.pk]),
                {"versi": 1, "nomenklatur": nomenklatur("7.01.01.2.01").pk})
    kegiatan = Kegiatan.objects.get()
    client.post(reverse("kecamatan:subkegiatan_tambah", args=[kegiatan.pk]),
                {"versi": 2, "nomenklatur": nomenklatur("7.01.01.2.01.0002").pk, "nama": "Nama sendiri"})
    assert kegiatan.subkegiatan.get().nama == "Nama sendiri"


def _indikator_post(periode, versi, **targets):
    data = {"versi": versi, "urutan": 1, "uraian": "Indeks Kepuasan Masyarakat", "satuan": "Indeks",
            "polaritas": "positif", "aturan_akhir": "", "formula": "", "penjelasan": "", "sumber_data": "",
            "penanggung_jawab": "", "kondisi_awal_teks": "60,5 (C)"}
    data.update({f"target_{t}": "" for t in periode.tahun_list})
    data.update(targets)
    return data


def test_indicator_with_target_grid_in_indonesian_numbers(client, periode, operator):
    sasaran = Sasaran.objects.create(tujuan=Tujuan.objects.create(periode=periode, uraian="T"), uraian="S")
    url = reverse("kecamatan:indikator_tambah", args=["sasaran", sasaran.pk])
    response = client.post(url, _indikator_post(periode, 0, target_2024="62 (B-)", target_2025="1.500,5",
                                                target_2026="N/A"))
    assert response.status_code == 302, response.content.decode()
    ind = Indikator.objects.get()
    assert (ind.kondisi_awal, ind.kondisi_awal_label, ind.periode) == (D("60.5"), "C", periode)
    assert {t.tahun: (t.nilai, t.label) for t in ind.target.all()} == {
        2024: (D(62), "B-"), 2025: (D("1500.5"), ""), 2026: (None, "N/A")}
    page = client.get(reverse("kecamatan:indikator_ubah", args=[ind.pk])).content.decode()
    assert 'value="1.500,5"' in page and 'value="62 (B-)"' in page and 'value="60,5 (C)"' in page
    # an ambiguous number in one cell: nothing saved, the typed grid comes back
    response = client.post(reverse("kecamatan:indikator_ubah", args=[ind.pk]),
                           _indikator_post(periode, renstra_versi(periode), target_2024="70", target_2025="1.5"))
    assert response.status_code == 200
    assert "meragukan" in response.content.decode() and 'value="70"' in response.content.decode()
    assert Target.objects.get(indikator=ind, tahun=2024).nilai == D(62)
    # clearing a target removes it; history keeps who did it
    client.post(reverse("kecamatan:indikator_ubah", args=[ind.pk]),
                _indikator_post(periode, renstra_versi(periode), target_2024="64 (B-)", target_2025="1.500,5"))
    assert not Target.objects.filter(indikator=ind, tahun=2026).exists()
    history = client.get(reverse("kecamatan:riwayat_indikator", args=[ind.pk])).content.decode()
    assert "Target 2024" in history and "62 (B-)" in history and "64 (B-)" in history and "Dihapus" in history


def test_indicator_values_outside_the_range_of_its_satuan_are_refused_at_their_field(client, periode, operator):
    sasaran = Sasaran.objects.create(tujuan=Tujuan.objects.create(periode=periode, uraian="T"), uraian="S")
    url = reverse("kecamatan:indikator_tambah", args=["sasaran", sasaran.pk])
    data = _indikator_post(periode, 0, satuan="Persen", kondisi_awal_teks="-2", target_2024="80",
                           target_2025="105", target_2026="62 (B-)")
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["kondisi_awal_teks"] == ["Kondisi awal indikator bersatuan persen tidak boleh negatif."]
    assert errors["target_2025"][0].startswith("Target 2025 indikator bersatuan persen tidak boleh lebih dari 100% "
                                               "(indikator ini tidak mengizinkan nilai di atas 100")
    assert set(errors) == {"kondisi_awal_teks", "target_2025"}
    assert "Nilai persen boleh di atas 100" in response.content.decode()  # the box, with its help text
    assert not Indikator.objects.exists()
    # the indicator says it may exceed 100: saved; the kondisi awal still cannot be negative
    response = client.post(url, {**data, "boleh_lebih_100": "on", "kondisi_awal_teks": "75"})
    assert response.status_code == 302, response.context["form"].errors
    ind = Indikator.objects.get()
    assert ind.boleh_lebih_100 and Target.objects.get(indikator=ind, tahun=2025).nilai == D(105)
    # a count is never negative, whatever the box says
    response = client.post(reverse("kecamatan:indikator_ubah", args=[ind.pk]),
                           {**data, "versi": renstra_versi(periode), "satuan": "Dokumen", "kondisi_awal_teks": "1",
                            "target_2024": "-1"})
    assert response.context["form"].errors["target_2024"] == [
        "Target 2024 indikator bersatuan dokumen tidak boleh negatif."]


def test_the_model_refuses_what_a_form_would_have_let_through(periode, operator):
    """The service path (Excel writers, other forms) reaches the same rule through Target.clean."""
    from django.core.exceptions import ValidationError

    tujuan = Tujuan.objects.create(periode=periode, uraian="T")
    ind = Indikator.objects.create(periode=periode, tujuan=tujuan, uraian="Persentase", satuan="Persen")
    with pytest.raises(ValidationError) as exc:
        renstra_services.save_indikator(indikator=ind, targets={2024: Nilai(D(-5))}, by=operator, versi=0)
    assert exc.value.message_dict == {"target_2024": ["Target indikator bersatuan persen tidak boleh negatif."]}
    assert not Target.objects.exists()


def test_pagu_grid_per_year_per_stage(client, periode, operator):
    sub = SubKegiatanFactory(kegiatan__program__periode=periode)
    url = reverse("kecamatan:pagu", args=[sub.pk])
    form = client.get(url).context["form"]
    data = {name: "" for name in form.fields if name.startswith("pagu_")}
    data.update({name: form.fields[name].initial for name in form.fields if name.startswith("versi_")})
    data.update({"pagu_2024_renstra": "Rp 1.500.000", "pagu_2024_renja": "1.450.000,50"})
    assert client.post(url, data).status_code == 302
    assert {(p.tahun, p.tahap): p.jumlah for p in Pagu.objects.filter(subkegiatan=sub)} == {
        (2024, "renstra"): D(1500000), (2024, "renja"): D("1450000.50")}
    # the two stages belong to two documents: each got its own version
    assert set(Dokumen.objects.filter(periode=periode).values_list("jenis", "tahun", "versi")) == {
        ("renstra", None, 1), ("renja", 2024, 1)}
    page = client.get(url).content.decode()
    assert 'value="1.500.000"' in page and 'value="1.450.000,50"' in page
    data.update({"versi_renstra": 1, "versi_renja-2024": 1, "pagu_2025_renstra": "-5"})
    response = client.post(url, data)
    assert "Pagu tidak boleh negatif." in response.content.decode()
    assert not Pagu.objects.filter(tahun=2025).exists()


def test_locked_renja_disables_its_cells_only(client, periode, operator):
    sub = SubKegiatanFactory(kegiatan__program__periode=periode)
    Pagu.objects.create(subkegiatan=sub, tahun=2024, tahap="renja", jumlah=D(100))
    Dokumen.objects.create(periode=periode, jenis="renja", tahun=2024, status="diverifikasi")
    form = client.get(reverse("kecamatan:pagu", args=[sub.pk])).context["form"]
    assert form.fields["pagu_2024_renja"].disabled and not form.fields["pagu_2025_renja"].disabled
    assert not form.fields["pagu_2024_renstra"].disabled
    with pytest.raises(Exception, match="tidak dapat diubah"):
        renstra_services.save_pagu(subkegiatan=sub, jumlah={(2024, "renja"): D(5)}, versi={"renja-2024": 1}, by=operator)
    assert Pagu.objects.get(tahun=2024, tahap="renja").jumlah == D(100)


def test_a_submitted_renstra_cannot_be_edited(client, periode, operator):
    tujuan = Tujuan.objects.create(periode=periode, uraian="T")
    Dokumen.objects.create(periode=periode, jenis="renstra", status="diajukan")
    response = client.get(reverse("kecamatan:tujuan_ubah", args=[tujuan.pk]), follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    response = client.post(reverse("kecamatan:tujuan_hapus", args=[tujuan.pk]), {"versi": 1})
    assert Tujuan.objects.filter(pk=tujuan.pk).exists()
    susun = client.get(reverse("kecamatan:renstra_susun", args=[periode.pk])).content.decode()
    assert "hanya dapat dibaca" in susun and reverse("kecamatan:tujuan_ubah", args=[tujuan.pk]) not in susun


def test_stale_cascade_form_is_refused(client, periode, operator):
    tujuan = Tujuan.objects.create(periode=periode, uraian="Lama")
    stale = client.get(reverse("kecamatan:tujuan_ubah", args=[tujuan.pk])).context["form"].initial["versi"]
    client.post(reverse("kecamatan:tujuan_ubah", args=[tujuan.pk]), {"versi": stale, "urutan": 1, "uraian": "Baru A"})
    response = client.post(reverse("kecamatan:tujuan_ubah", args=[tujuan.pk]),
                           {"versi": stale, "urutan": 1, "uraian": "Baru B"})
    assert response.status_code == 200 and "Isian Anda TIDAK disimpan" in response.content.decode()
    tujuan.refresh_from_db()
    assert tujuan.uraian == "Baru A"


def test_delete_indicator_records_who(client, periode, operator):
    sub = SubKegiatanFactory(kegiatan__program__periode=periode)
    ind = Indikator.objects.create(subkegiatan=sub, uraian="Jumlah dokumen", satuan="Dokumen")
    renstra_services.save_indikator(indikator=ind, targets={2024: Nilai(D(2))}, by=operator, versi=0)
    client.post(reverse("kecamatan:indikator_hapus", args=[ind.pk]), {"versi": renstra_versi(periode)})
    assert not Indikator.objects.exists()
    assert Target.history.filter(history_type="-").get().history_user == operator
