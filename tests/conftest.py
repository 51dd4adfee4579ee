import pytest

from kecamatan.demo import muat_demo
from kecamatan.models import Periode


@pytest.fixture
def demo(db):
    """All demo data loaded (reference data, Randuagung's Renstra, demo users)."""
    return muat_demo()


@pytest.fixture
def randuagung(demo) -> Periode:
    return Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users are created in most tests; PBKDF2's 1M rounds would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _impor_dir(settings, tmp_path):
    """Uploads waiting for confirmation go to a throwaway folder, never the project's media/."""
    settings.SAKIP_IMPOR_DIR = str(tmp_path / "impor")
