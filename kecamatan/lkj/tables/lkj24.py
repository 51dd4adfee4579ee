"""LKj Tabel 2.4 Program dan Kegiatan yang Mendukung IKU (tables.md §4.4). Pure.

No | Tujuan/Sasaran strategis/program/kegiatan | Indikator | Awal n: Target, Anggaran |
Perubahan n: Target, Anggaran. Tujuan → sasaran → its programs (A, B, …) → kegiatan →
sub-kegiatan. Every Anggaran is summed from sub-kegiatan Pagu (awal = renja, perubahan =
perubahan): a kegiatan is the sum of its sub-kegiatan, a program of its kegiatan, a sasaran of
the programs supporting it, a tujuan of its sasaran (§0.6), so the table cannot contradict
itself the way the 2024 Jatiroto LKj does.

Targets: tujuan and program/kegiatan/sub-kegiatan rows print the Renstra target of the year;
sasaran rows the PK's target of each version. In the perubahan columns a row whose perubahan
anggaran is nil prints "-". Rows with no anggaran at either stage are left out (not in the
year's budget).
"""

from __future__ import annotations

from string import ascii_uppercase

from kecamatan.lkj.data import AWAL, PERUBAHAN, KinerjaItem, LkjData
from kecamatan.lkj.tables.common import besaran, filename, kop, stacked
from kecamatan.renstra.data import TOTAL, NodeData
from kecamatan.tables.base import NILAI, NOMOR, RUPIAH, Column, Report, Row

LEVEL_DEPTH = {"tujuan": 0, "sasaran": 0, "program": 0, "kegiatan": 1, "subkegiatan": 2}


def columns_lkj24(tahun: int) -> tuple[Column, ...]:
    """Keys "target:awal", "anggaran:awal", "target:perubahan", "anggaran:perubahan"; unnumbered."""
    return (
        Column("no", "No", kind=NOMOR, width=4),
        Column("uraian", "Tujuan/Sasaran Strategis/Program/Kegiatan", width=30),
        Column("indikator", "Indikator Tujuan/Sasaran/Program/Kegiatan", width=30),
        Column(f"target:{AWAL}", "Target", group=f"Awal {tahun}", kind=NILAI, width=9),
        Column(f"anggaran:{AWAL}", "Anggaran", group=f"Awal {tahun}", kind=RUPIAH, width=13),
        Column(f"target:{PERUBAHAN}", "Target", group=f"Perubahan {tahun}", kind=NILAI, width=9),
        Column(f"anggaran:{PERUBAHAN}", "Anggaran", group=f"Perubahan {tahun}", kind=RUPIAH, width=13),
    )


def _target_cells(data: LkjData, item: KinerjaItem) -> dict[str, object]:
    """A tujuan or sasaran indicator's targets: the Renstra's for a tujuan, the PK's (else the Renstra's)
    for a sasaran; the perubahan column only once there is a perubahan budget."""
    ind = item.indikator
    if item.level == "tujuan":
        pair = (data.target_renstra(item), data.target_renstra(item) if data.ada_perubahan else None)
    else:
        t_awal = data.target_pk(item, AWAL) or data.target_renstra(item)
        t_per = data.target_pk(item, PERUBAHAN) or t_awal if data.ada_perubahan else None
        pair = (t_awal, t_per)
    return {"indikator": ind.uraian, "target:awal": besaran(pair[0], ind), "target:perubahan": besaran(pair[1], ind)}


def _notes(data: LkjData) -> tuple[str, ...]:
    notes = [
        "Anggaran dijumlahkan dari pagu sub kegiatan: awal = pagu Renja/DPA, perubahan = pagu perubahan; "
        "kegiatan, program, sasaran dan tujuan adalah jumlah baris di bawahnya.",
        "Target program, kegiatan dan sub kegiatan: target Renstra tahun ini; target sasaran: Perjanjian Kinerja. "
        "Baris tanpa anggaran pada kedua tahap tidak ditampilkan.",
    ]
    if not data.ada_perubahan:
        notes.append(f"Belum ada anggaran perubahan tahun {data.tahun}.")
    return tuple(notes)


def build_lkj24(data: LkjData) -> Report:
    awal = data.rolled(data.pagu_awal)
    perubahan = data.rolled(data.pagu_perubahan) if data.ada_perubahan else {}
    tahun, columns = data.tahun, columns_lkj24(data.tahun)

    def in_budget(key) -> bool:
        return bool(awal.get(key)) or bool(perubahan.get(key))
    def money(key) -> dict[str, object]:  # the total row, too: awal[TOTAL] is always there
        return {"anggaran:awal": awal.get(key),
                "anggaran:perubahan": perubahan.get(key) if data.ada_perubahan else None}

    def node_rows(node: NodeData, nomor: str, name: str) -> list[Row]:
        has_perubahan = bool(perubahan.get(node.key))
        per_row = [
            {"indikator": ind.uraian, "target:awal": besaran(ind.target_of(tahun), ind),
             "target:perubahan": besaran(ind.target_of(tahun), ind) if has_perubahan else None}
            for ind in node.indikator
        ]
        return stacked(node.level, columns, {"no": nomor, "uraian": name, **money(node.key)}, per_row,
                       level=LEVEL_DEPTH[node.level])

    def program_rows(programs: list[NodeData]) -> list[Row]:
        out: list[Row] = []
        for letter, program in zip(_letters(), [p for p in programs if in_budget(p.key)]):
            out += node_rows(program, letter, program.nama)
            kegiatan = [k for k in program.children if in_budget(k.key)]
            for k_no, keg in enumerate(kegiatan, start=1):
                out += node_rows(keg, "", f"Kegiatan {k_no} ({keg.kode})\n{keg.nama}")
                for sub in keg.children:
                    if in_budget(sub.key):
                        out += node_rows(sub, "", f"Sub Kegiatan ({sub.kode})\n{sub.nama}")
        return out

    items = data.items()
    rows: list[Row] = []
    supported: set[int] = set()
    for tujuan in data.renstra.tujuan:
        t_items = [i for i in items if i.level == "tujuan" and i.owner_id == tujuan.id]
        rows += stacked("total", columns, {"no": "", "uraian": f"Tujuan {tujuan.urutan}\n{tujuan.uraian}",
                                           **money(("tujuan", tujuan.id))}, [_target_cells(data, i) for i in t_items])
        for sasaran in tujuan.sasaran:
            s_cells = [_target_cells(data, i) for i in items if i.level == "sasaran" and i.owner_id == sasaran.id]
            rows += stacked("subtotal", columns, {"no": str(sasaran.urutan), **money(("sasaran", sasaran.id)),
                                                  "uraian": f"Sasaran {sasaran.urutan}\n{sasaran.uraian}"}, s_cells)
            programs = [p for p in data.renstra.program if p.sasaran_id == sasaran.id]
            supported.update(p.id for p in programs)
            rows += program_rows(programs)
    orphans = [p for p in data.renstra.program if p.id not in supported and in_budget(p.key)]
    if orphans:
        rows += [Row("band", text="Program yang belum dihubungkan ke sasaran"), *program_rows(orphans)]
    if len(data.renstra.tujuan) != 1 or orphans:
        rows.append(Row("total", {"no": "", "uraian": "Jumlah", "indikator": "", **money(TOTAL)}))

    return Report(
        code="Tabel 2.4",
        title=("Tabel 2.4", "Program dan Kegiatan yang Mendukung IKU", f"Tahun {tahun}"),
        columns=columns, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan,
        orientation="landscape", name_column="uraian", notes=_notes(data), filename=filename(data, "lkj24"),
    )


def _letters():
    for ch in ascii_uppercase:
        yield ch
    n = 1
    while True:  # more than 26 programs under one sasaran: A1, B1, …
        for ch in ascii_uppercase:
            yield f"{ch}{n}"
        n += 1

