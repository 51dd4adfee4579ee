"""The demo loaded once per test module that imports `demo_once`, rolled back at the module's
end; each test runs in a savepoint inside it (pytest-django's `db`). The rows are copied in from
the session's snapshot (tests/demo_snapshot.py), like the `demo` fixture does per test."""

import pytest
from django.db import transaction


@pytest.fixture(scope="module")
def demo_once(demo_snapshot, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_snapshot.restore()  # the real documents only, like the `demo` fixture
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
