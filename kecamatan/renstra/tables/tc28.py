"""T-C.28 Kinerja Penyelenggara Bidang Urusan (tables.md §2.8). Pure.

Columns 1 … 10 as the Renstra prints them: No | Sasaran Kinerja | Indikator Kinerja | Satuan |
Formulasi Penghitungan | Kondisi kinerja pada awal periode | Target per year | Kondisi kinerja
pada akhir periode (computed per indicator: last year for percentages and indices, sum for
counts; tables.md §0.6).

Rows follow the document's grouping per sasaran, with a band before each block so the reader
never has to guess (the seed opens "PROGRAM" once and then interleaves sasaran 2):
TUJUAN, the tujuan indicators; then for each sasaran: SASARAN, the numbered sasaran indicators,
PROGRAM, the indicators of the programs supporting that sasaran. Programs not linked to a
sasaran come last. Indicators and targets are the same records as T-C.25 and T-C.27, so the
three tables cannot disagree (R-8, R-9).
"""

from __future__ import annotations

from collections.abc import Mapping

from kecamatan.renstra.data import IndikatorData, RenstraData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of, rencana_daerah
from kecamatan.tables.base import ANGKA, NILAI, NOMOR, TEXT, Column, Report, numbered


def columns_tc28(tahun: tuple[int, ...], tahun_kondisi_awal: int) -> tuple[Column, ...]:
    """Keys: no, sasaran, indikator, satuan, formulasi, kondisi-awal, target:<year>, kondisi-akhir."""
    rencana = rencana_daerah(tahun)
    cols = [
        Column("no", "No", kind=NOMOR, width=3),
        Column("sasaran", "Sasaran Kinerja", kind=TEXT, width=22),
        Column("indikator", "Indikator Kinerja", kind=TEXT, width=24),
        Column("satuan", "Satuan", kind=TEXT, width=7),
        Column("formulasi", "Formulasi Penghitungan", kind=TEXT, width=32),
        Column("kondisi-awal", f"Kondisi Kinerja pada awal periode {rencana} (Tahun {tahun_kondisi_awal})",
               kind=NILAI, width=10),
    ]
    for t in tahun:
        cols.append(Column(f"target:{t}", str(t), group="Target Capaian Setiap Tahun", kind=NILAI, width=7))
    cols.append(Column("kondisi-akhir", f"Kondisi Kinerja pada akhir periode {rencana}", kind=ANGKA, width=10))
    return numbered(cols)


def build_tc28(data: RenstraData, catatan: Mapping[int, str] | None = None) -> Report:
    """`catatan`: notes per indicator id (e.g. a kondisi awal taken from T-C.23), printed under
    the table for the indicators it shows."""
    tahun = data.tahun
    columns = columns_tc28(tahun, data.tahun_kondisi_awal)
    buf = RowBuffer(columns)
    shown: list[int] = []

    def add(kind: str, nomor: str, sasaran_kinerja: str, indikator: tuple[IndikatorData, ...], level: int = 0):
        first = len(buf)
        for ind in indikator or (None,):
            cells: dict = {"no": nomor, "sasaran": sasaran_kinerja}
            if ind is None:
                cells |= {"indikator": "", "satuan": "", "formulasi": "", "kondisi-awal": None,
                          **{f"target:{t}": None for t in tahun}, "kondisi-akhir": None}
            else:
                shown.append(ind.id)
                cells |= {"indikator": ind.uraian, "satuan": ind.satuan, "formulasi": ind.formula,
                          "kondisi-awal": ind.kondisi_awal, **{f"target:{t}": ind.target_of(t) for t in tahun},
                          "kondisi-akhir": ind.target_akhir(tahun)}
            buf.add(kind, cells, level=level)
        buf.merge(first, "no", len(buf) - first)
        buf.merge(first, "sasaran", len(buf) - first)

    def add_programs(programs: list) -> None:
        if programs:
            buf.band("PROGRAM")
            for program in programs:
                add("indikator-program", "", program.rumusan_sasaran, program.indikator, level=1)

    programs_by_sasaran: dict[int | None, list] = {}
    for program in data.program:
        programs_by_sasaran.setdefault(program.sasaran_id, []).append(program)
    nomor = 0
    for tujuan in data.tujuan:
        buf.band("TUJUAN")
        add("tujuan", "", tujuan.uraian, tujuan.indikator)
        for sasaran in tujuan.sasaran:
            nomor += 1
            buf.band("SASARAN")
            add("sasaran", str(nomor), sasaran.uraian, sasaran.indikator)
            add_programs(programs_by_sasaran.pop(sasaran.id, []))
    add_programs([p for ps in programs_by_sasaran.values() for p in ps])  # programs of no sasaran, last
    notes = tuple(catatan[i] for i in shown if catatan and i in catatan)
    return Report(
        code="T-C.28",
        title=(
            "Tabel T-C.28",
            f"Kinerja Penyelenggara Bidang Urusan Kecamatan {data.kecamatan}",
            f"Tahun {tahun[0]}-{tahun[-1]}",
        ),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        name_column="sasaran",
        notes=notes,
        filename=filename("tc28", data, tahun),
    )
