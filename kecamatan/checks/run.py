"""The consistency checker: small, named checks (one function each, registered in `base.ATURAN`)
over one kecamatan-year — its Renstra, the Renja of the year, the four triwulan realizations and
the LKj with its Perjanjian Kinerja and IKU sheet — finding every figure that disagrees with
another before Bappeda does.

- `base`        Temuan (finding: rule, galat/peringatan, document, message, place, link), registry, Hasil
- `data`        PeriksaData: the plain snapshot the checks read (no Django)
- `selectors`   periksa_data(): the snapshot in a fixed number of queries; periksa(): snapshot + run
- `renstra`, `riwayat`, `renja`, `realisasi`, `lkj`, `penandatangan`, `sumber`: the checks, by
                document (`riwayat`: the Renstra's T-C.23/T-C.24, the years before the period)
- `isian`       what was filled in: realisasi missing from a submitted or overdue triwulan, stored
                values outside their indicator's range (core.rentang)
- `run` (this module) runs them: jalankan(), and what a run covers (dokumen_tahun, kunci_tahun, sidik)
- `jumlah`      typed totals: a sheet's own sums (Excel import) and a source document's printed
                figures, against what the app computes
- `teks`, `nilai`  word and number helpers for the checks' heuristics and messages

Where the app computes a number (roll-ups, totals, capaian, akhir periode, efisiensi …) the seeds'
inconsistencies cannot arise, and no check pretends to look for them; `KASUS` in tests lists, per
item of tables.md §9, the check that covers it or the computation that rules it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# importing the check modules registers their checks, in this order (the order findings are listed in)
from kecamatan.checks import isian, lkj, penandatangan, realisasi, renja, renstra, riwayat, sumber  # noqa: F401
from kecamatan.checks.base import ATURAN, Hasil, Temuan, urutkan
from kecamatan.checks.data import TW_ROMAWI, PeriksaData


def dokumen_tahun(data: PeriksaData) -> tuple[tuple[str, str], ...]:
    """(key, title) of the documents a kecamatan-year check covers, in document order."""
    n = data.tahun
    tahun = data.tahun_periode
    out = [("renstra", f"Renstra {tahun[0]}-{tahun[-1]}"), (data.kunci_renja, f"Renja {n}")]
    out += [(data.kunci_realisasi(tw), f"Realisasi {n} TW {TW_ROMAWI[tw]}") for tw in (1, 2, 3, 4)]
    out.append((data.kunci_lkj, f"LKj {n}"))
    return tuple(out)


def kunci_tahun(tahun: int) -> list[str]:
    """The keys of the documents a kecamatan-year check covers."""
    return ["renstra", f"renja-{tahun}", *(f"realisasi-{tahun}-{tw}" for tw in (1, 2, 3, 4)), f"lkj-{tahun}"]


def sidik(versi: Mapping[str, int], kunci: Iterable[str]) -> str:
    """The fingerprint of the documents checked: 'renstra:4|renja-2024:0|…' (0 = not saved yet). A
    saved change bumps a document's versi, so stored counts with another fingerprint are outdated."""
    return "|".join(f"{k}:{versi.get(k, 0)}" for k in kunci)


def jalankan(data: PeriksaData, *, aturan: list[str] | None = None) -> Hasil:
    """Run every registered check (or those named) over the snapshot: pure, no queries."""
    found: list[Temuan] = []
    for kode, rule in ATURAN.items():
        if aturan is not None and kode not in aturan:
            continue
        found.extend(rule.fungsi(data))
    dokumen = dokumen_tahun(data)
    return Hasil(data.periode_id, data.kecamatan, data.tahun, dokumen, urutkan(found, [k for k, _ in dokumen]),
                 sidik=sidik({k: d.versi for k, d in data.dokumen.items()}, kunci_tahun(data.tahun)))

