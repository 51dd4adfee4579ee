"""`manage.py ukur_naskah`: a long synthetic Renstra printed as one PDF, with times and memory,
and nothing left in the database."""

import io

import pytest
from django.core.management import call_command

from kecamatan.models import Kecamatan, Narasi

pytestmark = pytest.mark.django_db


def test_prints_pages_times_and_memory_and_keeps_nothing():
    out = io.StringIO()
    call_command("ukur_naskah", "--sub", "1", "--paragraf", "0", stdout=out)
    text = out.getvalue()
    assert "Renstra sintetis: 1 sub kegiatan, 25 bagian naskah, 7 tabel, 1 gambar" in text
    for step in ("PDF: ", " halaman", "ambil data + susun naskah", "tata letak (WeasyPrint)", "tulis PDF", "total",
                 "Memori puncak proses (ru_maxrss)"):
        assert step in text, step
    assert not Kecamatan.objects.filter(slug="ukur-naskah").exists() and not Narasi.objects.exists()
