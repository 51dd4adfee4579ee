import pytest
from django.test import override_settings

from kecamatan.demo.muat import muat_demo
from kecamatan.models import Periode


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Tests create demo users again and again; PBKDF2 costs ~0.4 s per password on these machines."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def _pdf_cache_in_memory():
    """Rendered PDFs are cached in memory during tests, never in the project's var/ folder."""
    pdf = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pdf-tests"}
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                                   "pdf": pdf}):
        yield


@pytest.fixture
def demo(db):
    """Reference data, Randuagung's Renstra and the demo users; without the generated kecamatan
    (`demo_kabupaten`), which the comparison tests load themselves."""
    return muat_demo(kabupaten_demo=False)


@pytest.fixture
def randuagung(demo) -> Periode:
    return Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024)


@pytest.fixture
def senduro(demo) -> Periode:
    """Senduro's Renstra 2024-2026 with its Renja 2024 (demo data)."""
    return Periode.objects.get(kecamatan__nama="Senduro", tahun_mulai=2024)


@pytest.fixture(autouse=True)
def _impor_dir(settings, tmp_path):
    """Uploads waiting for confirmation go to a throwaway folder, never the project's media/."""
    settings.SAKIP_IMPOR_DIR = str(tmp_path / "impor")
