"""'Salin dari Renstra' on the database and its page: the starting Renja of a year, counts before
and after, never overwriting, atomic, at the confirmed version, only for who may edit."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kecamatan.core.errors import Bentrok
from kecamatan.models import Aktivitas, Dokumen, Pagu, Peran, RenjaSubKegiatan, Riwayat, SubKegiatan, TargetRenja
from kecamatan.renja import salin, services
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc33 import DANA, DANA_1, build_tc33
from tests.factories import KecamatanFactory, PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def kosong():
    """A Renstra of three sub-kegiatan (pagu 1.000 and target 2 every year) and an empty Renja 2025."""
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=3)
    operator = user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan)
    dokumen = services.mulai_renja(periode=periode, tahun=2025, by=operator)
    return periode, dokumen, operator


def _total(periode, tahun=2025):
    report = build_tc33(renja_data(periode.pk, tahun))
    total = next(r for r in report.rows if r.key == "TOTAL PAGU")
    return total.cells[DANA], total.cells[DANA_1]


def test_salin_makes_the_starting_renja_then_has_nothing_left_to_add(kosong):
    periode, dokumen, operator = kosong
    versi = dokumen.versi
    hasil = salin.salin_dari_renstra(dokumen=dokumen, by=operator, versi=versi)
    assert hasil.ringkasan(2025) == ["3 sub kegiatan masuk Renja 2025", "3 kebutuhan dana 2025",
                                     "3 prakiraan maju 2026", "3 target 2025", "3 target prakiraan maju 2026"]
    rincian = RenjaSubKegiatan.objects.filter(dokumen=dokumen)
    assert rincian.count() == 3 and {(r.lokasi, r.sumber_dana) for r in rincian} == {(f"Kec. {periode.kecamatan.nama}", "")}
    assert _total(periode) == (D(3000), D(3000))
    assert TargetRenja.objects.filter(indikator__periode=periode, tahun=2026, tahap="prakiraan", nilai=2).count() == 3
    dokumen.refresh_from_db()
    assert dokumen.versi == versi + 1
    riwayat = Riwayat.objects.filter(dokumen=dokumen).latest("pk")
    assert riwayat.catatan.startswith("Salin dari Renstra: 3 sub kegiatan masuk Renja 2025")
    assert len(riwayat.perubahan) == 3 + 6 + 6  # sub-kegiatan, Rp, targets
    assert sum(p["item"].startswith("Target 2026: ") and p["ke"] == "2" for p in riwayat.perubahan) == 3
    assert Pagu.history.filter(tahap="renja", tahun=2025).first().history_change_reason == "Salin dari Renstra"
    again = salin.salin_dari_renstra(dokumen=dokumen, by=operator, versi=dokumen.versi)
    assert again.kosong
    dokumen.refresh_from_db()
    assert dokumen.versi == versi + 1  # nothing written, no new version


def test_lengkapi_fills_only_what_is_missing(kosong):
    periode, dokumen, operator = kosong
    s1, s2, _s3 = SubKegiatan.objects.filter(kegiatan__program__periode=periode).order_by("nomenklatur__kode")
    r1 = RenjaSubKegiatan.objects.create(dokumen=dokumen, subkegiatan=s1, lokasi="Desa A", sumber_dana="DAK")
    Aktivitas.objects.create(rincian=r1, uraian="Rapat", jumlah=D(400), prakiraan=D(450))
    RenjaSubKegiatan.objects.create(dokumen=dokumen, subkegiatan=s2, lokasi="Desa B")
    Pagu.objects.create(subkegiatan=s2, tahun=2025, tahap="renja", jumlah=D(900))
    TargetRenja.objects.create(indikator=s2.indikator.get(), tahun=2025, nilai=D(7))
    hasil = salin.salin_dari_renstra(dokumen=dokumen, by=operator, versi=dokumen.versi)
    assert hasil.ringkasan(2025)[:3] == ["1 sub kegiatan masuk Renja 2025", "1 kebutuhan dana 2025",
                                         "2 prakiraan maju 2026"]
    assert RenjaSubKegiatan.objects.get(subkegiatan=s1).lokasi == "Desa A"
    assert not Pagu.objects.filter(subkegiatan=s1, tahap__in=["renja", "prakiraan"]).exists()  # Σ aktivitas
    assert Pagu.objects.get(subkegiatan=s2, tahun=2025, tahap="renja").jumlah == D(900)
    assert TargetRenja.objects.get(indikator__subkegiatan=s2, tahun=2025, tahap="renja").nilai == D(7)
    assert _total(periode) == (D(400 + 900 + 1000), D(450 + 1000 + 1000))


def test_salin_checks_version_lock_and_who_asks(kosong):
    periode, dokumen, operator = kosong
    with pytest.raises(Bentrok):
        salin.salin_dari_renstra(dokumen=dokumen, by=operator, versi=dokumen.versi + 1)
    with pytest.raises(PermissionDenied):
        salin.salin_dari_renstra(dokumen=dokumen, by=user_with_role("operator.lain", Peran.OPERATOR,
                                                                    KecamatanFactory(nama="Lain")), versi=0)
    Dokumen.objects.filter(pk=dokumen.pk).update(status=Dokumen.Status.DIAJUKAN)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        salin.salin_dari_renstra(dokumen=dokumen, by=operator, versi=dokumen.versi)
    assert not RenjaSubKegiatan.objects.filter(dokumen=dokumen).exists()


def test_salin_is_atomic(kosong, monkeypatch):
    periode, dokumen, operator = kosong

    def broken(*args, **kwargs):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(TargetRenja.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        salin.salin_dari_renstra(dokumen=dokumen, by=operator, versi=dokumen.versi)
    assert not RenjaSubKegiatan.objects.filter(dokumen=dokumen).exists()
    assert not Pagu.objects.filter(tahap__in=["renja", "prakiraan"]).exists()


def test_the_page_confirms_with_counts_then_summarises(client, kosong):
    periode, dokumen, operator = kosong
    client.force_login(operator)
    detail = reverse("kecamatan:renja_detail", args=[periode.pk, 2025])
    url = reverse("kecamatan:renja_salin", args=[periode.pk, 2025])
    assert "Salin dari Renstra" in client.get(detail).content.decode()
    html = client.get(url).content.decode()
    assert "<li>3 sub kegiatan masuk Renja 2025</li>" in html and "<li>3 prakiraan maju 2026</li>" in html
    assert not RenjaSubKegiatan.objects.filter(dokumen=dokumen).exists()  # GET only shows
    stale = client.post(url, {"versi": dokumen.versi + 5})  # someone saved after the confirmation was shown
    assert stale.status_code == 200 and "Isian Anda TIDAK disimpan" in stale.content.decode()
    assert not RenjaSubKegiatan.objects.filter(dokumen=dokumen).exists()
    response = client.post(url, {"versi": dokumen.versi}, follow=True)
    assert response.redirect_chain[-1][0] == detail
    page = response.content.decode()
    assert "Disalin dari Renstra: 3 sub kegiatan masuk Renja 2025, 3 kebutuhan dana 2025" in page
    assert "Lengkapi dari Renstra" in page
    assert "Tidak ada yang perlu ditambahkan" in client.get(url).content.decode()
