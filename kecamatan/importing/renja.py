"""The Renja template of one year: sheet "Renja <n>" with the rows of T-C.33 (program → kegiatan →
sub-kegiatan → aktivitas of the Renja). Pure: built from `RenjaData`.

What is typed, per row:
- sub-kegiatan: lokasi, target n and n+1 of its indicators, kebutuhan dana n, sumber dana (a
  drop-down), catatan penting, prakiraan maju n+1 (Rp). Its kebutuhan dana has one source (the
  Renja rule): with aktivitas it is their sum, an Excel SUM in the sheet, locked, never stored;
  without, the Pagu of tahap renja typed here.
- aktivitas, under their sub-kegiatan: uraian, skala prioritas, volume, satuan, dana, catatan and
  their own prakiraan maju n+1 (optional; when any is given the sub-kegiatan's prakiraan is their
  sum, a locked SUM as for the dana).
  Below them FREE_ROWS (10) free rows "Aktivitas baru" add aktivitas; emptying an aktivitas's
  uraian and dana deletes it. Ten rows hold a new sub-kegiatan as the largest of the seeds' Renja
  (Senduro 2024: at most 6 aktivitas per sub-kegiatan) with room to spare, and every new template
  gives ten more below the aktivitas already saved: any number, in rounds of ten. One sheet in
  T-C.33's order keeps each aktivitas under its sub-kegiatan with the SUM that makes its dana.
- program and kegiatan: the targets of their indicators; their Rp, and the total, are Excel sums.

An aktivitas row is identified by the Aktivitas id. Uploading the same file again changes
nothing: a free row whose aktivitas an earlier upload created is matched to it by its uraian, an
aktivitas the file deletes that is already gone is skipped (`Sheet.gone`). How the cells are read
is in `renja_kinds`, the rule across rows in `renja_dana`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kecamatan.importing.base import FIRST_DATA_ROW, ID, KODE, normalize
from kecamatan.importing.kinds import NILAI, RUPIAH, PilihanKind
from kecamatan.importing.layout import Column, Identitas, Item, Layout, Row, Rumus, Sheet
from kecamatan.importing.renja_dana import DanaRule, SubAktivitas, gone
from kecamatan.importing.renja_kinds import (
    AKTIVITAS,
    AKTIVITAS_COLUMNS,
    CATATAN,
    DANA_DIHITUNG,
    LOKASI,
    AktivitasIsian,
    sumber_dana_kind,
)
from kecamatan.importing.renstra import SATUAN_UMUM, TINGKAT
from kecamatan.renja.data import PRAKIRAAN, RENJA, RenjaData, prakiraan_aktivitas
from kecamatan.renstra.data import IndikatorData, NodeData

FORMAT = "renja"
FREE_ROWS = 10  # "Aktivitas baru" rows under each sub-kegiatan (the sheet is protected: no inserted rows)


def _columns(n: int) -> tuple[Column, ...]:
    return (
        Column(ID, "ID", width=10, hidden=True),
        Column("tingkat", "Tingkat", width=12),
        Column(KODE, "Kode", width=19),
        Column("uraian", "Program / Kegiatan / Sub Kegiatan", width=34),
        Column("indikator", "Indikator", width=32),
        Column("satuan", "Satuan", width=10),
        Column("aktivitas", "Aktivitas", width=32),
        Column("prioritas", "Skala Prioritas", width=9, kind="nilai"),
        Column("volume", "Volume", width=9, kind="nilai"),
        Column("satuan_volume", "Satuan Volume", width=11, validation="satuan"),
        Column("lokasi", "Lokasi", width=22),
        Column("target", f"Target {n}", width=11, kind="nilai", validation="nilai"),
        Column("dana", f"Kebutuhan Dana {n} (Rp)", width=17, kind="rupiah"),
        Column("sumber", "Sumber Dana", width=10, validation="sumber_dana"),
        Column("catatan", "Catatan Penting", width=26),
        Column("target1", f"Target {n + 1}", width=11, kind="nilai", validation="nilai"),
        Column("dana1", f"Prakiraan Maju {n + 1} (Rp)", width=17, kind="rupiah"),
    )


def _notes(n: int, codes: Sequence[str]) -> tuple[str, ...]:
    return (
        f"Isi sel kuning saja. Baris sub kegiatan: lokasi, target {n}, kebutuhan dana {n}, sumber dana (pilih: "
        f"{', '.join(codes)}; boleh kosong bila belum diketahui), catatan penting, target {n + 1} dan prakiraan maju {n + 1}. Baris program dan kegiatan: "
        "target indikatornya. Rupiah program, kegiatan dan JUMLAH adalah rumus Excel (terkunci).",
        "Aktivitas ada di bawah sub kegiatannya. Kebutuhan dana sub kegiatan yang dirinci per aktivitas adalah jumlah "
        f"dana aktivitasnya (rumus, terkunci): jangan diketik. Prakiraan maju {n + 1} aktivitas boleh diisi; bila "
        f"diisi, prakiraan maju sub kegiatannya adalah jumlahnya (kosongkan Prakiraan Maju {n + 1} sub kegiatan).",
        "Menambah aktivitas: isi baris 'Aktivitas baru' di bawah sub kegiatannya (uraian dan dana wajib). Bila sub "
        f"kegiatan itu belum dirinci per aktivitas, kosongkan juga Kebutuhan Dana {n} sub kegiatannya. Perlu lebih dari "
        f"{FREE_ROWS} baris? Unggah dulu, lalu unduh templat baru.",
        "Menghapus aktivitas: kosongkan uraian dan dananya. Menambah atau mengeluarkan sub kegiatan: lewat halaman Renja.",
        "Rupiah: 1.500.000 atau Rp 1.500.000 (- berarti 0). Target: 84,31 · 62 (B-) · N/A. Sel kosong menghapus isian.",
    )


def _target_items(data: RenjaData, ind: IndikatorData | None) -> tuple[Item, ...]:
    if ind is None:
        return ()
    n = data.tahun
    return (
        Item(f"targetrenja:{ind.id}:{n}:{RENJA}", NILAI, ("target",), f"Target {n}: {ind.uraian}",
             data.target_renja_of(ind.id, n, RENJA), rentang=ind.rentang, peran=f"Target {n}"),
        Item(f"targetrenja:{ind.id}:{n + 1}:{PRAKIRAAN}", NILAI, ("target1",),
             f"Target {n + 1} (prakiraan maju): {ind.uraian}", data.target_renja_of(ind.id, n + 1, PRAKIRAAN),
             rentang=ind.rentang, peran=f"Target {n + 1}"),
    )


def renja_layout(data: RenjaData, identitas: Identitas, sumber_dana: Sequence[tuple[str, str]]) -> Layout:
    """`sumber_dana`: the (code, label) choices of `SumberDana`."""
    n = data.tahun
    columns = _columns(n)
    name = f"Renja {n}"
    probe = Sheet(name, "", columns, ())
    programs = data.program_renja()
    plan = _row_plan(data, programs)
    rows = _rows(data, plan, probe, programs, sumber_dana_kind(sumber_dana))
    sheet = Sheet(
        name, f"Renja {n} dan prakiraan maju {n + 1} (T-C.33) · Kecamatan {data.kecamatan}", columns, tuple(rows),
        notes=_notes(n, [code for code, _ in sumber_dana]), match_columns=(KODE, "indikator"),
        add_hint="Tambahkan sub kegiatan ke Renja dulu lewat halaman Renja", gone=gone,
    )
    used = {a.satuan for r in data.rincian.get(n, {}).values() for a in r.aktivitas if a.satuan}
    return Layout(identitas, (sheet,), lists={
        "satuan": tuple(sorted(used | set(SATUAN_UMUM), key=str.casefold)),
        "sumber_dana": tuple(code for code, _ in sumber_dana),
    }, reconcile=_dana_rule(data, rows, programs, (probe.heading("dana"), probe.heading("dana1"))))


def _row_plan(data: RenjaData, programs: Sequence[NodeData]) -> list[tuple[str, object]]:
    """The rows in order: the total, then per node a row per indicator, under each sub-kegiatan
    its aktivitas and the free rows."""
    plan: list[tuple[str, object]] = [("total", None)]
    for program in programs:
        for node in program.walk():
            for k, ind in enumerate(node.indikator or (None,)):
                plan.append(("node", (node, k, ind)))
            if node.level == "subkegiatan":
                plan += [("aktivitas", (node, a)) for a in data.rincian_of(node.id).aktivitas]
                plan += [("baru", (node, j)) for j in range(1, FREE_ROWS + 1)]
    return plan


def _excel_rows(plan: list[tuple[str, object]]) -> tuple[dict[tuple[str, int], int], dict[int, tuple[int, int]]]:
    """The Excel row of each node's first row, and the first and last aktivitas row per sub-kegiatan
    (sums point at rows further down, so they are numbered before any row is built)."""
    first_row: dict[tuple[str, int], int] = {}
    aktivitas_rows: dict[int, tuple[int, int]] = {}
    for i, (kind, payload) in enumerate(plan):
        r = FIRST_DATA_ROW + i
        if kind == "node" and payload[1] == 0:
            first_row.setdefault(payload[0].key, r)
        elif kind in ("aktivitas", "baru"):
            sub = payload[0]
            aktivitas_rows[sub.id] = (aktivitas_rows.get(sub.id, (r, r))[0], r)
    return first_row, aktivitas_rows


def _rows(data: RenjaData, plan: list[tuple[str, object]], probe: Sheet, programs: Sequence[NodeData],
          sumber: PilihanKind) -> list[Row]:
    n = data.tahun
    first_row, aktivitas_rows = _excel_rows(plan)
    dana_l, dana1_l = probe.letter("dana"), probe.letter("dana1")

    def sums(nodes: Sequence[NodeData]) -> dict[str, Rumus]:
        return {key: Rumus("=" + ("+".join(f"{letter}{first_row[x.key]}" for x in nodes) or "0"))
                for key, letter in (("dana", dana_l), ("dana1", dana1_l))}

    rows: list[Row] = []
    for kind, payload in plan:
        if kind == "total":
            rows.append(Row("total", "total", "", {"uraian": f"JUMLAH RENJA {n}", **sums(programs)}))
        elif kind == "node":
            rows.append(_node_row(data, payload, sums, aktivitas_rows, (dana_l, dana1_l), sumber))
        elif kind == "aktivitas":
            sub, a = payload
            rows.append(Row(f"aktivitas:{a.id}", "aktivitas", "", {"tingkat": "Aktivitas"}, (_aktivitas_item(
                sub, n, str(a.id), f"Aktivitas {a.urutan} · {sub.kode} {sub.nama}", AktivitasIsian.of(a)),)))
        else:
            sub, j = payload
            rows.append(Row(f"aktivitas-baru:{sub.id}:{j}", "aktivitas", "", {"tingkat": "Aktivitas baru"},
                            (_aktivitas_item(sub, n, f"b{j}", f"Aktivitas baru · {sub.kode} {sub.nama}",
                                             AktivitasIsian()),)))
    return rows


def _node_row(data: RenjaData, payload, sums: Callable[[Sequence[NodeData]], dict[str, Rumus]],
              aktivitas_rows: dict[int, tuple[int, int]], letters: tuple[str, str], sumber: PilihanKind) -> Row:
    """A row of a program, kegiatan or sub-kegiatan (its first) or of its further indicators."""
    node, k, ind = payload
    dana_l, dana1_l = letters
    level = node.level
    cells = {"tingkat": TINGKAT[level], KODE: node.kode, "uraian": node.nama,
             "indikator": ind.uraian if ind else "(tanpa indikator)", "satuan": ind.satuan if ind else ""}
    items = _target_items(data, ind)
    ref = f"{level}:{node.id}" if k == 0 else f"indikator:{ind.id}"
    if k == 0 and level in ("program", "kegiatan"):
        cells.update(sums(node.children))
    elif k == 0:
        rincian = data.rincian_of(node.id)
        if rincian.aktivitas:  # its dana is their sum
            first, last = aktivitas_rows[node.id]
            cells["dana"] = Rumus(f"=SUM({dana_l}{first}:{dana_l}{last})")
            if prakiraan_aktivitas(rincian) is not None:  # and so is its prakiraan maju
                cells["dana1"] = Rumus(f"=SUM({dana1_l}{first}:{dana1_l}{last})")
        items = _subkegiatan_items(data, node, sumber) + items
    return Row(ref, level, node.kode, cells, items, match=(node.kode, normalize(cells["indikator"])))


def _dana_rule(data: RenjaData, rows: list[Row], programs: Sequence[NodeData], headings: tuple[str, str]) -> DanaRule:
    n = data.tahun
    by_ref = {row.ref: row for row in rows}
    return DanaRule(headings[0], heading_prakiraan=headings[1], subs=tuple(
        SubAktivitas(
            dana_key=f"pagu:{sub.id}:{n}:{RENJA}",
            dana_locked=bool(data.rincian_of(sub.id).aktivitas),
            prakiraan_key=f"pagu:{sub.id}:{n + 1}:{PRAKIRAAN}",
            prakiraan_locked=prakiraan_aktivitas(data.rincian_of(sub.id)) is not None,
            existing=tuple((by_ref[f"aktivitas:{a.id}"].items[0], f"aktivitas:{a.id}")
                           for a in data.rincian_of(sub.id).aktivitas),
            free=tuple(by_ref[f"aktivitas-baru:{sub.id}:{j}"].items[0] for j in range(1, FREE_ROWS + 1)),
        )
        for program in programs for sub in program.walk() if sub.level == "subkegiatan"
    ))


def _aktivitas_item(sub: NodeData, n: int, slot: str, label: str, current: AktivitasIsian) -> Item:
    return Item(f"aktivitas:{sub.id}:{n}:{slot}", AKTIVITAS, AKTIVITAS_COLUMNS, label, current)


def _subkegiatan_items(data: RenjaData, sub: NodeData, sumber: PilihanKind) -> tuple[Item, ...]:
    """The first row of a sub-kegiatan: what the Renja says about it. With aktivitas its kebutuhan
    dana is locked (the row's SUM formula), still read so that a typed amount is caught."""
    n = data.tahun
    rincian = data.rincian_of(sub.id)
    name = f"{sub.kode} {sub.nama}"
    has_aktivitas = bool(rincian.aktivitas)
    itemised_n1 = prakiraan_aktivitas(rincian) is not None
    dana_key = f"pagu:{sub.id}:{n}:{RENJA}"
    return (
        Item(f"rincian:{sub.id}:{n}:lokasi", LOKASI, ("lokasi",), f"Lokasi: {name}", rincian.lokasi),
        # with aktivitas no dana is stored (whatever sum a selector may put in `pagu` for reports)
        Item(dana_key, DANA_DIHITUNG if has_aktivitas else RUPIAH, ("dana",), f"Kebutuhan dana {n}: {name}",
             None if has_aktivitas else sub.pagu.get(n), locked=has_aktivitas),
        Item(f"rincian:{sub.id}:{n}:sumber_dana", sumber, ("sumber",), f"Sumber dana: {name}", rincian.sumber_dana),
        Item(f"rincian:{sub.id}:{n}:catatan", CATATAN, ("catatan",), f"Catatan penting: {name}", rincian.catatan),
        # itemised for n+1 too: the SUM of the aktivitas' own prakiraan, no Pagu stored
        Item(f"pagu:{sub.id}:{n + 1}:{PRAKIRAAN}", DANA_DIHITUNG if itemised_n1 else RUPIAH, ("dana1",),
             f"Prakiraan maju {n + 1} (Rp): {name}", None if itemised_n1 else data.prakiraan(sub),
             locked=itemised_n1),
    )
