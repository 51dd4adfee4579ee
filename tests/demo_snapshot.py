"""The demo loaded once per test database and copied into every test that asks for it.

`muat_demo(kabupaten_demo=False)` costs about 4 s and about 100 tests use it; the whole demo
(`muat_demo()`, the generated kecamatan too) about 10 s. On PostgreSQL the session loads each
variant once, when a test first asks for it, into the empty test database (each xdist worker has
its own), copies the rows of every table it filled into a schema of its own (invisible to Django:
not on the search_path), then empties those tables again. A test's fixture copies the rows back
with one INSERT … SELECT per table (about 0,05 s for the real documents) inside the test's
transaction: a test without the demo still starts from an empty database, one with it from
exactly what `muat_demo` wrote into an empty database. Transactional tests (live_server, browser)
get the copy committed; their flush at the end empties the tables as before. Other databases (the
SQLite smoke pass) run `muat_demo` itself each time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django.db import connection, transaction

from kecamatan.demo.common import LoadReport
from kecamatan.demo.kabupaten import refresh_planner_statistics
from kecamatan.demo.muat import muat_demo


@dataclass(frozen=True)
class DemoSnapshot:
    kabupaten_demo: bool
    report: LoadReport  # what the load returned
    restore_sql: str | None  # None: load the demo itself (not PostgreSQL)

    def restore(self) -> LoadReport:
        """The demo in the current test's database, as `muat_demo(kabupaten_demo=…)` leaves an empty
        one, and the LoadReport of that load."""
        if self.restore_sql is None:
            return muat_demo(kabupaten_demo=self.kabupaten_demo)
        # one transaction: Django's foreign keys are DEFERRABLE INITIALLY DEFERRED, so the order of
        # the tables does not matter and a transactional test checks them once, at commit
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(self.restore_sql)
            if self.kabupaten_demo:
                refresh_planner_statistics()  # muat_demo's last step: the comparison's joins need it
        return copy.deepcopy(self.report)  # tests may change what they are given


def _rows(cursor, table: str) -> list[tuple]:
    cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
    return cursor.fetchall()


def take(*, kabupaten_demo: bool) -> DemoSnapshot:
    """Load the demo into the (empty, migrated) test database and keep a copy; see the module."""
    if connection.vendor != "postgresql":
        return DemoSnapshot(kabupaten_demo, LoadReport(), restore_sql=None)
    if connection.in_atomic_block:
        # a snapshot taken inside a transaction would vanish with its rollback
        raise RuntimeError("demo snapshots must be set up outside any test transaction: request them "
                           "from the module- or session-scoped fixture that opens one (see demo_once)")
    schema = "demo_snapshot_kabupaten" if kabupaten_demo else "demo_snapshot"
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        before = {}  # what migrations wrote: content types, permissions
        for table in tables:
            rows = _rows(cursor, table)
            if rows:
                before[table] = rows
    with transaction.atomic(), connection.cursor() as cursor:
        report = muat_demo(kabupaten_demo=kabupaten_demo)
        filled = []
        for table in tables:
            if table in before:
                # restoring only the tables the demo filled must give what muat_demo gives
                if _rows(cursor, table) != before[table]:
                    raise RuntimeError(f"muat_demo changed {table}, which is not empty before it runs")
                continue
            cursor.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")')
            if cursor.fetchone()[0]:
                filled.append(table)
        for table in filled:
            for column, (_, target) in connection.introspection.get_relations(cursor, table).items():
                # a transactional test's flush re-creates migrations' rows under new ids
                if target in before:
                    raise RuntimeError(f"{table}.{column} points at {target}: cannot be copied back")
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
        restore = []
        for table in filled:
            cursor.execute(f'CREATE TABLE {schema}."{table}" AS SELECT * FROM "{table}"')
            restore.append(f'INSERT INTO "{table}" SELECT * FROM {schema}."{table}";')
            for seq in connection.introspection.get_sequences(cursor, table):
                # as after a real load, the next row gets an id above the demo's, whatever the
                # sequence went through before (a no-op unless something reset it)
                name = f"pg_get_serial_sequence('\"{table}\"', '{seq['column']}')"
                restore.append(
                    f"SELECT setval({name}, GREATEST(COALESCE(pg_sequence_last_value({name}::regclass), 1), "
                    f'(SELECT COALESCE(max("{seq["column"]}"), 1) FROM "{table}")));'
                )
        # empty again, sequences left where the load took them: the next test starts as before
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checks the demo's keys; TRUNCATE needs it
        cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in filled) + " CASCADE")
        for table in tables:  # CASCADE reached nothing else
            if _rows(cursor, table) != before.get(table, []):
                raise RuntimeError(f"emptying the demo's tables changed {table}")
    return DemoSnapshot(kabupaten_demo, report, restore_sql="\n".join(restore))
