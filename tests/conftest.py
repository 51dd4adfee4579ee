import pytest

from kecamatan.demo import muat_demo
from kecamatan.models import Periode


@pytest.fixture
def demo(db):
    """Reference data, Randuagung's Renstra and the demo users; without the generated kecamatan
    (`demo_kabupaten`), which the comparison tests load themselves."""
    return muat_demo(kabupaten_demo=False)


@pytest.fixture
def randuagung(demo) -> Periode:
    return Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Users are created in most tests; PBKDF2's 1M rounds would dominate the suite's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
