"""LKj Tabel 3.9 Realisasi Anggaran per program (tables.md §4.13). Pure.

No | Program | Anggaran (Rp) | Realisasi (Rp) | % with a Total row. Anggaran is the year's final
budget (perubahan when there was one, else awal) and realisasi the sum of the sub-kegiatan's
quarterly realisasi, both rolled up from sub-kegiatan; % = realisasi ÷ anggaran × 100.
"""

from __future__ import annotations

from kecamatan.core.computations import penyerapan
from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import filename, kop
from kecamatan.renstra.data import TOTAL
from kecamatan.tables.base import NOMOR, PERSEN, RUPIAH, Column, Report, Row

COLUMNS = (
    Column("no", "No", kind=NOMOR, width=4),
    Column("program", "Program", width=40),
    Column("anggaran", "Anggaran (Rp)", kind=RUPIAH, width=14),
    Column("realisasi", "Realisasi (Rp)", kind=RUPIAH, width=14),
    Column("penyerapan", "%", kind=PERSEN, width=8),
)


def build_lkj39(data: LkjData) -> Report:
    anggaran = data.rolled(data.pagu_akhir)
    realisasi = data.rolled(data.realisasi_anggaran)
    rows = []
    programs = [p for p in data.renstra.program if anggaran[p.key] or realisasi[p.key]]
    for nomor, program in enumerate(programs, start=1):
        rows.append(Row("program", _cells(f"{nomor}.", program.nama, anggaran[program.key], realisasi[program.key])))
    rows.append(Row("total", _cells("", "Total", anggaran[TOTAL], realisasi[TOTAL])))
    stage = "perubahan" if data.ada_perubahan else "awal (belum ada perubahan)"
    notes = [f"Anggaran: pagu {stage}; realisasi: jumlah realisasi triwulan I-IV sub kegiatan."]
    if data.catatan_anggaran:
        notes.append(data.catatan_anggaran)
    return Report(
        code="Tabel 3.9", title=("Tabel 3.9", f"Realisasi Anggaran {data.tahun}"), columns=COLUMNS,
        rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="portrait",
        notes=tuple(notes), filename=filename(data, "lkj39"),
    )


def _cells(no: str, program: str, anggaran, realisasi) -> dict[str, object]:
    return {"no": no, "program": program, "anggaran": anggaran, "realisasi": realisasi,
            "penyerapan": penyerapan(anggaran, realisasi)}
