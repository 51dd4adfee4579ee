"""The catalog file itself (fixtures/nomenklatur_7_01.csv): every code printed in the seeds is in it
(the seeds are outside the repository, so fixtures/kode_seed.csv lists each printed code with
its seed line), every row is canonical, has its parent and says where it comes from."""

import csv
from collections import Counter
from pathlib import Path

import pytest

from kecamatan.core import kode as kode_mod

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _rows(name):
    with (FIXTURES / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


CATALOG = {r["kode"]: r for r in _rows("nomenklatur_7_01.csv")}
SEED = _rows("kode_seed.csv")


@pytest.mark.parametrize("row", SEED, ids=[f"{r['sumber']} {r['kode_tercetak']}" for r in SEED])
def test_every_code_printed_in_the_seeds_reads_as_a_catalog_code(row):
    kode = kode_mod.parse_kode(row["kode_tercetak"], context=row["konteks"] or None)
    assert kode == row["kode"]
    assert kode in CATALOG, f"{row['sumber']}: {row['kode_tercetak']} → {kode} is not in the catalog"
    assert CATALOG[kode]["nama"]


def test_the_seed_list_covers_both_coded_documents():
    # seed 000 (Renstra Randuagung, T-C.27) and seed 001 (Renja Senduro, T-C.29 and T-C.33) print
    # codes; the LKj (002) and the IKU sheet (004) print none
    where = Counter(r["sumber"].split(" line")[0] for r in SEED)
    assert where == {"seed 000": 70, "seed 001": 103}
    assert len({r["kode"] for r in SEED}) == 73
    printed = {r["kode_tercetak"] for r in SEED}
    assert {"7 01 03 2 01 04", "7.01.01.2.09. 06", "205", "2", "7 0 0 2 0 7"} <= printed


def test_the_codes_a_fifth_kecamatan_used_are_in_the_catalog():
    # issue 16: codes the catalog lacked when Senduro's neighbour entered its own Renja
    for kode in ("7.01.01.2.02.0008", "7.01.01.2.05.0006", "7.01.01.2.07.0010"):
        assert CATALOG[kode]["aktif"] == "1" and CATALOG[kode]["sumber"]


def test_rows_are_canonical_with_parent_level_and_source():
    assert list(CATALOG) == sorted(CATALOG, key=kode_mod.sort_key)
    for kode, row in CATALOG.items():
        assert kode_mod.is_canonical(kode), kode
        assert row["level"] == kode_mod.level_of(kode), kode
        parent = kode_mod.parent_of(kode)
        assert parent is None or parent in CATALOG, kode
        assert row["sumber"].strip(), f"{kode} has no source"
        assert row["aktif"] in ("0", "1"), kode
        if row["level"] != kode_mod.SUBKEGIATAN:
            assert not (row["kinerja"] or row["indikator"] or row["satuan"]), kode


def test_counts_per_level_match_the_readme():
    levels = Counter(r["level"] for r in CATALOG.values())
    assert levels == {"program": 6, "kegiatan": 19, "subkegiatan": 91}
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    assert "| program | 6 |" in readme and "| kegiatan | 19 |" in readme and "| sub-kegiatan | 91 |" in readme
    assert "| **total** | **116** |" in readme
