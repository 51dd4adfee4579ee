"""`cetak dokumen-*`, the workbook of a document's tables, and the kabupaten's logo on the cover."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from PIL import Image

from kecamatan.cetak.output import produce
from kecamatan.core.validators import validate_logo
from kecamatan.models import Dokumen, Kabupaten
from kecamatan.naskah.render import body_html
from kecamatan.naskah.selectors import Kunci, identitas, naskah_data
from tests.naskah.test_views import make_periode

pytestmark = pytest.mark.django_db


def png(size=(8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def periode():
    return make_periode(2)


def test_cetak_prints_a_whole_document(periode, tmp_path):
    output = tmp_path / "lkj.html"
    out = io.StringIO()
    call_command("cetak", "dokumen-lkj", "--kecamatan", periode.kecamatan.slug, "--tahun", "2024", "--format", "html",
                 "--output", str(output), stdout=out)
    html = output.read_text(encoding="utf-8")
    assert "LAPORAN KINERJA" in html and "DAFTAR ISI" in html and "Tabel 3.9" in html
    with pytest.raises(CommandError, match="memerlukan tahun"):
        call_command("cetak", "dokumen-renja", "--kecamatan", periode.kecamatan.slug, "--periode", "2024-2026",
                     "--format", "html", "--output", str(output))
    call_command("cetak", "dokumen-renstra", "--kecamatan", periode.kecamatan.slug, "--periode", "2024-2026",
                 "--format", "html", "--output", str(output), stdout=out)
    assert "RENCANA STRATEGIS" in output.read_text(encoding="utf-8")


def test_the_workbook_holds_every_table_of_the_document(periode):
    out = produce("dokumen-lkj", periode_id=periode.pk, tahun=2024, fmt="xlsx")
    assert out.filename == f"lkj-{periode.kecamatan.nama.lower()}-2024.xlsx"
    names = load_workbook(io.BytesIO(out.content)).sheetnames
    assert len(names) >= 14 and any("3.9" in n for n in names)


def test_an_uploaded_logo_is_embedded_and_without_one_the_cover_has_no_logo_box(periode, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    kunci = Kunci(Dokumen.Jenis.LKJ, 2024)
    html = body_html(naskah_data(periode, kunci).susunan)
    assert "sampul-logo" not in html and "<img" not in html and "<svg" not in html.split('class="depan"')[0]
    assert "LOGO" not in html
    kabupaten = Kabupaten.objects.get(pk=periode.kecamatan.kabupaten_id)
    kabupaten.logo.save("lumajang.png", ContentFile(png()))
    periode.kecamatan.kabupaten = kabupaten
    assert identitas(periode).logo.startswith("data:image/png;base64,")
    html = body_html(naskah_data(periode, kunci).susunan)
    assert '<div class="sampul-logo"><img class="logo" src="data:image/png;base64,' in html
    (tmp_path / kabupaten.logo.name).unlink()  # the file went missing: the cover still prints
    assert identitas(periode).logo == ""


def test_only_small_png_or_jpeg_logos_are_accepted():
    validate_logo(ContentFile(png(), name="a.png"))
    for content in (b'<svg xmlns="http://www.w3.org/2000/svg"/>', b"GIF89a...", png((2000, 2000)) + b"\0" * 1_100_000):
        with pytest.raises(ValidationError):
            validate_logo(ContentFile(content, name="x.png"))
