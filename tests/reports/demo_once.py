"""The demo loaded once per test module that imports `demo_once`, rolled back at the module's
end; each test runs in a savepoint inside it (pytest-django's `db`). Loading it per test would
cost seconds each."""

import pytest
from django.db import transaction

from kecamatan.demo.muat import muat_demo


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            muat_demo(kabupaten_demo=False)  # the real documents only, like the `demo` fixture
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
