"""The commands in an installation of two kabupaten (issue 21): `cetak`, `periksa`, `demo_kabupaten`
and the benchmarks choose by `--kabupaten` (slug or kode wilayah), fall back to the only real
kabupaten where there is one, and otherwise stop with an Indonesian message that lists the choices
or, for `--kecamatan giri`, the kabupaten that hold a kecamatan of that name. The setting
SAKIP_KABUPATEN (here Lumajang, its default) never decides."""

import io

import pytest
from django.core.management import CommandError, call_command

from kecamatan import models as m
from kecamatan.acuan.services import HasilAcuan, muat_nomenklatur
from kecamatan.kelola.services import buat_periode
from tests.factories import KabupatenFactory, KecamatanFactory, PeriodeFactory, build_cascade, user_with_role
from tests.reports.helpers import pdf_pages

pytestmark = pytest.mark.django_db

GIRI = ["--kecamatan", "giri", "--periode", "2026-2030"]
DUA = r"Ada lebih dari satu kabupaten"


@pytest.fixture
def lumajang(settings):
    settings.SAKIP_KABUPATEN = "lumajang"
    kabupaten = KabupatenFactory(kode="35.08")
    randuagung = KecamatanFactory(kabupaten=kabupaten, nama="Randuagung", kode="35.08.15")
    build_cascade(PeriodeFactory(kecamatan=randuagung), n_sub=1)
    return kabupaten


@pytest.fixture
def banyuwangi(lumajang):
    """Kabupaten Banyuwangi beside Lumajang: kecamatan Giri with a five-year Renstra made as the
    admin kabupaten makes it, and Glagah without one."""
    kabupaten = KabupatenFactory(nama="Banyuwangi", slug="banyuwangi", kode="35.10")
    giri = KecamatanFactory(kabupaten=kabupaten, nama="Giri", kode="35.10.19")
    KecamatanFactory(kabupaten=kabupaten, nama="Glagah", kode="35.10.20")
    admin = user_with_role("admin.banyuwangi", m.Peran.ADMIN, kabupaten=kabupaten)
    periode = buat_periode(by=admin, kecamatan=giri, tahun_mulai=2026, tahun_selesai=2030, tahun_kondisi_awal=2025)
    build_cascade(periode, n_sub=1, tahun=range(2026, 2031))
    return kabupaten


def run(*args) -> str:
    out = io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=out)
    except SystemExit:  # periksa: galat found, the output is what counts here
        pass
    return out.getvalue()


def test_cetak_prints_banyuwangi_by_slug_without_any_setting(banyuwangi, tmp_path):
    out = tmp_path / "tc27.pdf"
    run("cetak", "tc27", "--kabupaten", "banyuwangi", *GIRI, "--format", "pdf", "--output", str(out))
    text = " ".join(pdf_pages(out.read_bytes()))
    assert "GIRI" in text.upper() and "2030" in text and "2026" in text


def test_cetak_by_kode_and_the_kecamatan_own_kode(banyuwangi, tmp_path):
    for args in (["--kabupaten", "35.10", *GIRI], ["--kecamatan", "35.10.19", "--periode", "2026-2030"]):
        out = tmp_path / "tc27.html"
        run("cetak", "tc27", *args, "--format", "html", "--output", str(out))
        assert "Giri" in out.read_text() and "2030" in out.read_text()
    out = tmp_path / "kelengkapan.html"
    run("cetak", "perbandingan-kelengkapan", "--kabupaten", "35.10", "--tahun", "2026", "--format", "html",
        "--output", str(out))
    assert "Giri" in out.read_text() and "Randuagung" not in out.read_text()


def test_cetak_without_kabupaten_says_which_kabupaten_hold_the_kecamatan(banyuwangi):
    with pytest.raises(CommandError, match=DUA) as exc:
        call_command("cetak", "tc27", *GIRI)
    assert "Kecamatan 'giri' ada di Banyuwangi (banyuwangi, 35.10): pilih dengan --kabupaten banyuwangi" in str(exc.value)
    assert "Lumajang" not in str(exc.value)
    with pytest.raises(CommandError, match=r"'giri' tidak ditemukan di Kabupaten Lumajang\. Kecamatan bernama itu "
                                           r"ada di Banyuwangi \(banyuwangi, 35\.10\)"):
        call_command("cetak", "tc27", "--kabupaten", "lumajang", *GIRI)
    with pytest.raises(CommandError, match=r"'atlantis' tidak ditemukan di kabupaten mana pun\. Pilihan kabupaten: "
                                           r"banyuwangi \(35\.10\), lumajang \(35\.08\)"):
        call_command("cetak", "tc27", "--kecamatan", "atlantis", "--periode", "2026-2030")
    with pytest.raises(CommandError, match=rf"{DUA}; pilih dengan --kabupaten: banyuwangi \(35\.10\), lumajang"):
        call_command("cetak", "perbandingan-kelengkapan", "--tahun", "2026")
    with pytest.raises(CommandError, match=r"Kabupaten 'jember' tidak ditemukan\. Pilihan: banyuwangi"):
        call_command("cetak", "tc27", "--kabupaten", "jember", *GIRI)


def test_cetak_defaults_to_the_only_kabupaten(lumajang, tmp_path):
    out = tmp_path / "tc27.html"
    run("cetak", "tc27", "--kecamatan", "randuagung", "--periode", "2024-2026", "--format", "html",
        "--output", str(out))
    assert "Randuagung" in out.read_text()


def test_periksa_checks_the_chosen_kabupaten_only(banyuwangi):
    text = run("periksa", "--kabupaten", "banyuwangi", "--ringkas")
    assert "Kecamatan Giri 2030 (Renstra 2026-2030)" in text and "Randuagung" not in text
    assert text.splitlines()[-1].startswith("Jumlah: 5 kecamatan-tahun")
    text = run("periksa", "--kabupaten", "35.08", "--ringkas")
    assert "Giri" not in text and text.splitlines()[-1].startswith("Jumlah: 3 kecamatan-tahun")
    assert run("periksa", "--kecamatan", "35.10.19", "--tahun", "2027", "--ringkas").startswith("Kecamatan Giri 2027")
    with pytest.raises(CommandError, match=rf"{DUA}; pilih dengan --kabupaten: banyuwangi \(35\.10\), lumajang"):
        call_command("periksa")
    with pytest.raises(CommandError, match=r"Kecamatan 'Giri' ada di Banyuwangi \(banyuwangi, 35\.10\)"):
        call_command("periksa", "--kecamatan", "Giri")


def test_periksa_defaults_to_the_only_kabupaten(lumajang):
    assert run("periksa", "--ringkas").splitlines()[-1].startswith("Jumlah: 3 kecamatan-tahun")


def test_demo_kabupaten_fills_the_chosen_kabupaten(lumajang, banyuwangi):
    muat_nomenklatur(HasilAcuan())
    tempeh = KecamatanFactory(kabupaten=lumajang, nama="Tempeh")
    with pytest.raises(CommandError, match=rf"{DUA}; pilih dengan --kabupaten: banyuwangi \(35\.10\), lumajang"):
        call_command("demo_kabupaten")
    text = run("demo_kabupaten", "--kabupaten", "banyuwangi", "--sampai", "2024-05-01")
    assert "Kabupaten Banyuwangi: dibuat" in text
    assert list(m.Periode.objects.filter(demo=True).values_list("kecamatan__nama", flat=True)) == ["Glagah"]
    assert not tempeh.periode.exists() and not m.Periode.objects.get(kecamatan__nama="Giri").demo
    text = run("demo_kabupaten", "--kabupaten", "35.10", "--sampai", "2024-05-01")
    assert "Kabupaten Banyuwangi: setiap kecamatan sudah mempunyai Renstra" in text


def test_demo_kabupaten_reads_an_all_digit_kabupaten_as_the_old_count(lumajang):
    muat_nomenklatur(HasilAcuan())
    text = run("demo_kabupaten", "--kabupaten", "1", "--kecamatan", "1", "--sampai", "2024-05-01")
    assert "--kabupaten 1 sebagai jumlah kabupaten sintetis sudah usang; pakai --sintetis 1" in text
    assert "Kabupaten Lumajang: setiap kecamatan sudah mempunyai Renstra" in text  # the only real one
    assert "1 kabupaten sintetis × 1 kecamatan: dibuat" in text
    assert m.Kecamatan.objects.filter(kabupaten__demo=True).count() == 1
    with pytest.raises(CommandError, match="--sintetis saja"):
        call_command("demo_kabupaten", "--kabupaten", "2", "--sintetis", "2")


def test_benchmarks_choose_the_kabupaten(banyuwangi):
    text = run("bench_periksa", "--kabupaten", "banyuwangi", "--ulang", "1")
    assert text.startswith("Pemeriksaan konsistensi Kabupaten Banyuwangi: 1 kecamatan, 5 kecamatan-tahun")
    text = run("bench_periksa", "--kabupaten", "35.08", "--ulang", "1")
    assert text.startswith("Pemeriksaan konsistensi Kabupaten Lumajang: 1 kecamatan, 3 kecamatan-tahun")
    for command in ("bench_periksa", "benchmark_perbandingan"):
        with pytest.raises(CommandError, match=rf"{DUA}; pilih dengan --kabupaten: banyuwangi \(35\.10\)"):
            call_command(command, "--ulang", "1")
    with pytest.raises(CommandError, match=r"Kecamatan 'giri' ada di Banyuwangi"):
        call_command("bench_tc27", *GIRI)
    with pytest.raises(CommandError, match=r"'giri' tidak ditemukan di Kabupaten Lumajang"):
        call_command("bench_tc27", "--kabupaten", "lumajang", *GIRI)
    text = run("bench_tc27", "--kabupaten", "35.10", *GIRI, "--ulang", "1")
    assert text.startswith("T-C.27 Kecamatan Giri 2026-2030: 1 sub kegiatan")


def test_bench_periksa_defaults_to_the_only_kabupaten(lumajang):
    assert run("bench_periksa", "--ulang", "1").startswith("Pemeriksaan konsistensi Kabupaten Lumajang: 1 kecamatan")
