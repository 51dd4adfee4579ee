"""The Renja template of one year: sheet "Renja <n>" with the rows of T-C.33 (program → kegiatan →
sub-kegiatan → aktivitas of the Renja). Pure: built from `RenjaData`.

What is typed, per row:
- sub-kegiatan: lokasi, target n and n+1 of its indicators, kebutuhan dana n, sumber dana (a
  drop-down), catatan penting, prakiraan maju n+1 (Rp). Its kebutuhan dana has one source (the
  Renja rule): with aktivitas it is their sum, an Excel SUM in the sheet, locked, never stored;
  without, the Pagu of tahap renja typed here.
- aktivitas, under their sub-kegiatan: uraian, skala prioritas, volume, satuan, dana, catatan.
  Below them three free rows "Aktivitas baru" add aktivitas; emptying an aktivitas's uraian and
  dana deletes it.
- program and kegiatan: the targets of their indicators; their Rp, and the total, are Excel sums.

An aktivitas row is identified by the Aktivitas id. Uploading the same file again changes
nothing: a free row whose aktivitas an earlier upload created is matched to it by its uraian, an
aktivitas the file deletes that is already gone is skipped (`Sheet.gone`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.importing.base import FIRST_DATA_ROW, ID, KODE, RowError, normalize
from kecamatan.importing.cells import CellError, Sel, fit, read_rupiah, read_teks, scalar
from kecamatan.importing.kinds import (
    KOSONG,
    NILAI,
    RUPIAH,
    Kind,
    PilihanKind,
    RupiahKind,
    TeksKind,
    decode_decimal,
    encode_decimal,
    excel_number,
)
from kecamatan.importing.layout import Column, Identitas, Item, Layout, Proposed, Reconciled, Row, Rumus, Sheet
from kecamatan.importing.renstra import SATUAN_UMUM, TINGKAT
from kecamatan.renja.data import PRAKIRAAN, RENJA, AktivitasData, RenjaData
from kecamatan.renstra.data import IndikatorData, NodeData

FORMAT = "renja"
FREE_ROWS = 3  # "Aktivitas baru" rows under each sub-kegiatan (the sheet is protected: no inserted rows)
AKTIVITAS_COLUMNS = ("aktivitas", "prioritas", "volume", "satuan_volume", "dana", "catatan")


# --- reading the cells of a Renja row -----------------------------------------------------------


def _is_formula(sel: Sel) -> bool:
    value = sel.value
    return sel.data_type == "f" or (isinstance(value, str) and value.startswith("=") and sel.data_type in ("", "f"))


class DanaDihitungKind(RupiahKind):
    """Kebutuhan dana of a sub-kegiatan that has aktivitas: the template's SUM formula reads as
    "no amount typed" (None); a typed amount is read as usual, and refused by the layout's rule."""

    name = "dana-dihitung"

    def read(self, sels):
        return None if _is_formula(sels[0]) else read_rupiah(sels[0])


def read_prioritas(sel: Sel) -> int | None:
    value = scalar(sel)
    if value is None:
        return None
    wrong = CellError("skala prioritas berupa bilangan bulat 1, 2, 3 … (1 = paling utama), atau kosong.")
    try:
        number = Decimal(str(value)) if isinstance(value, (int, float, Decimal)) else formatting.parse_number(str(value))
    except ValueError:
        raise wrong from None
    if number != number.to_integral_value() or number < 1 or number > 999:
        raise wrong
    return int(number)


def read_angka(sel: Sel) -> Decimal | None:
    """A plain number (a volume: 12, 1.500, 2,5); empty → None."""
    value = scalar(sel)
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        try:
            number = formatting.parse_number(str(value))
        except ValueError as exc:
            raise CellError(str(exc)) from None
    if number < 0:
        raise CellError("volume tidak boleh negatif.")
    return fit(number, 4, 18)


@dataclass(frozen=True)
class AktivitasIsian:
    """An aktivitas as the sheet holds it; no uraian and no dana = no aktivitas (deleted/unused)."""

    uraian: str = ""
    skala_prioritas: int | None = None
    volume: Decimal | None = None
    satuan: str = ""
    jumlah: Decimal | None = None
    catatan: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.uraian and self.jumlah is None

    @classmethod
    def of(cls, a: AktivitasData) -> AktivitasIsian:
        return cls(a.uraian, a.skala_prioritas, a.volume, a.satuan, a.jumlah, a.catatan)


class AktivitasKind(Kind):
    """One aktivitas over six cells: uraian, skala prioritas, volume, satuan, dana, catatan."""

    name = "aktivitas"
    cells = 6

    def read(self, sels) -> AktivitasIsian:
        def part(i, read):
            try:
                return read(sels[i])
            except CellError as exc:
                raise CellError(exc.pesan, part=i) from None

        uraian = part(0, lambda s: read_teks(s, max_length=300))
        jumlah = part(4, read_rupiah)
        if not uraian and jumlah is None:
            return AktivitasIsian()
        if not uraian:
            raise CellError("uraian aktivitas kosong padahal dananya diisi: isi uraiannya, atau kosongkan juga "
                            "dananya untuk menghapus aktivitas ini.", part=0)
        prioritas = part(1, read_prioritas)
        volume = part(2, read_angka)
        satuan = part(3, lambda s: read_teks(s, max_length=60))
        if jumlah is None:
            raise CellError("dana aktivitas wajib diisi, contoh 1.500.000 (- berarti 0). Untuk menghapus aktivitas "
                            "ini, kosongkan juga uraiannya.", part=4)
        catatan = part(5, lambda s: read_teks(s, max_length=300))
        return AktivitasIsian(uraian, prioritas, volume, satuan, jumlah, catatan)

    def to_cells(self, value: AktivitasIsian):
        if value.is_empty:
            return (None,) * self.cells
        return (value.uraian, value.skala_prioritas, None if value.volume is None else excel_number(value.volume),
                value.satuan or None, excel_number(value.jumlah), value.catatan or None)

    def show(self, value: AktivitasIsian) -> str:
        if value.is_empty:
            return KOSONG
        parts = [value.uraian]
        if value.skala_prioritas:
            parts.append(f"prioritas {value.skala_prioritas}")
        if value.volume is not None:
            parts.append(f"{formatting.format_number(value.volume)} {value.satuan}".strip())
        parts.append(f"Rp {formatting.format_rupiah(value.jumlah)}")
        if value.catatan:
            parts.append(value.catatan)
        return " · ".join(parts)

    def encode(self, value: AktivitasIsian):
        return (value.uraian, str(value.skala_prioritas or ""), encode_decimal(value.volume), value.satuan,
                encode_decimal(value.jumlah), value.catatan)

    def decode(self, parts):
        parts = list(parts) + [""] * 6
        return AktivitasIsian(parts[0], int(parts[1]) if parts[1] else None, decode_decimal(parts[2]), parts[3],
                              decode_decimal(parts[4]), parts[5])


AKTIVITAS = AktivitasKind()
DANA_DIHITUNG = DanaDihitungKind()
LOKASI = TeksKind(max_length=200)
CATATAN = TeksKind(max_length=2000)


def sumber_dana_kind(choices: Sequence[tuple[str, str]]) -> PilihanKind:
    """Sumber dana by its code (DAU) or as people write it ("Dana Alokasi Umum", the full label)."""
    aliases = {}
    for code, label in choices:
        aliases[label] = code
        if "(" in label and label.endswith(")"):
            aliases[label[label.index("(") + 1:-1]] = code
    return PilihanKind([code for code, _ in choices], "Sumber dana", aliases=aliases,
                       required="sumber dana wajib diisi; pilih dari daftar, mis. DAU.")


# --- the rule across rows: a sub-kegiatan's dana against its aktivitas ---------------------------


@dataclass(frozen=True)
class _SubAktivitas:
    dana_key: str
    dana_locked: bool
    existing: tuple[tuple[Item, str], ...]  # (item, row ref)
    free: tuple[Item, ...]


@dataclass(frozen=True)
class DanaRule:
    """After reading: per sub-kegiatan, which aktivitas it will have (rows kept, emptied, added in
    free rows, and rows the file no longer holds, which stay); a kebutuhan dana typed beside them is
    an error at its cell (unless it is exactly their sum where the template had the SUM, e.g. the
    sheet was saved as values). A filled free row whose uraian matches an aktivitas the data has
    and the file does not (created by an earlier upload of this file) addresses that aktivitas."""

    heading: str
    subs: tuple[_SubAktivitas, ...] = field(default_factory=tuple)

    def __call__(self, proposed: list[Proposed], seen: frozenset[str]) -> Reconciled:
        by_key = {p.item.key: p for p in proposed}
        replaced: dict[str, Proposed | None] = {}
        errors: list[RowError] = []
        matched: set[str] = set()
        for sub in self.subs:
            values: list[AktivitasIsian] = []
            unseen: list[tuple[Item, str]] = []
            for item, ref in sub.existing:
                if ref not in seen:
                    unseen.append((item, ref))
                    continue
                p = by_key.get(item.key)
                value = item.current if p is None else p.value  # None: unreadable, its error is listed
                if not value.is_empty:
                    values.append(value)
            for item in sub.free:
                p = by_key.get(item.key)
                if p is None or p.value.is_empty:
                    continue
                twin = next(((u, r) for u, r in unseen if normalize(u.current.uraian) == normalize(p.value.uraian)),
                            None)
                if twin is not None:
                    unseen.remove(twin)
                    matched.add(twin[1])
                    replaced[item.key] = Proposed(p.lembar, p.baris, twin[0], p.value)
                values.append(p.value)
            values += [u.current for u, _ in unseen]
            dana = by_key.get(sub.dana_key)
            if not values or dana is None or dana.value is None:
                continue
            total = sum((v.jumlah for v in values), Decimal(0))
            if sub.dana_locked and dana.value == total:
                replaced[sub.dana_key] = Proposed(dana.lembar, dana.baris, dana.item, None)
                continue
            replaced[sub.dana_key] = None
            errors.append(RowError(
                dana.baris, self.heading,
                f"Sub kegiatan ini dirinci per aktivitas ({len(values)} aktivitas, jumlah "
                f"{formatting.format_rupiah(total)}): kebutuhan dananya adalah jumlah dana aktivitas, tidak diketik. "
                "Kosongkan sel ini; atau, bila dananya tidak dirinci, hapus semua aktivitasnya (kosongkan uraian dan "
                "dananya).", dana.lembar))
        out = []
        for p in proposed:
            if p.item.key not in replaced:
                out.append(p)
            elif replaced[p.item.key] is not None:
                out.append(replaced[p.item.key])
        return Reconciled(out, errors, frozenset(matched))


def _gone(ref: str) -> Item | None:
    """An aktivitas row (or free row) whose record is no longer there: read it as an aktivitas."""
    if ref.startswith(("aktivitas:", "aktivitas-baru:")):
        return Item("-", AKTIVITAS, AKTIVITAS_COLUMNS, "", AktivitasIsian())
    return None


# --- the layout ----------------------------------------------------------------------------------


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
        f"{', '.join(codes)}), catatan penting, target {n + 1} dan prakiraan maju {n + 1}. Baris program dan kegiatan: "
        "target indikatornya. Rupiah program, kegiatan dan JUMLAH adalah rumus Excel (terkunci).",
        "Aktivitas ada di bawah sub kegiatannya. Kebutuhan dana sub kegiatan yang dirinci per aktivitas adalah jumlah "
        "dana aktivitasnya (rumus, terkunci): jangan diketik.",
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
             data.target_renja_of(ind.id, n, RENJA)),
        Item(f"targetrenja:{ind.id}:{n + 1}:{PRAKIRAAN}", NILAI, ("target1",),
             f"Target {n + 1} (prakiraan maju): {ind.uraian}", data.target_renja_of(ind.id, n + 1, PRAKIRAAN)),
    )


def renja_layout(data: RenjaData, identitas: Identitas, sumber_dana: Sequence[tuple[str, str]]) -> Layout:
    """`sumber_dana`: the (code, label) choices of `SumberDana`."""
    n = data.tahun
    columns = _columns(n)
    name = f"Renja {n}"
    probe = Sheet(name, "", columns, ())
    dana_l, dana1_l = probe.letter("dana"), probe.letter("dana1")
    programs = data.program_renja()
    sumber = sumber_dana_kind(sumber_dana)

    # the rows in order, then their Excel row numbers (sums point at rows further down)
    plan: list[tuple[str, object]] = [("total", None)]
    for program in programs:
        for node in program.walk():
            for k, ind in enumerate(node.indikator or (None,)):
                plan.append(("node", (node, k, ind)))
            if node.level == "subkegiatan":
                plan += [("aktivitas", (node, a)) for a in data.rincian_of(node.id).aktivitas]
                plan += [("baru", (node, j)) for j in range(1, FREE_ROWS + 1)]
    first_row: dict[tuple[str, int], int] = {}
    aktivitas_rows: dict[int, tuple[int, int]] = {}
    for i, (kind, payload) in enumerate(plan):
        r = FIRST_DATA_ROW + i
        if kind == "node" and payload[1] == 0:
            first_row.setdefault(payload[0].key, r)
        elif kind in ("aktivitas", "baru"):
            sub = payload[0]
            aktivitas_rows[sub.id] = (aktivitas_rows.get(sub.id, (r, r))[0], r)

    def sums(nodes: Sequence[NodeData]) -> dict[str, Rumus]:
        return {key: Rumus("=" + ("+".join(f"{letter}{first_row[x.key]}" for x in nodes) or "0"))
                for key, letter in (("dana", dana_l), ("dana1", dana1_l))}

    rows: list[Row] = []
    for kind, payload in plan:
        if kind == "total":
            rows.append(Row("total", "total", "", {"uraian": f"JUMLAH RENJA {n}", **sums(programs)}))
        elif kind == "node":
            node, k, ind = payload
            level = node.level
            cells = {"tingkat": TINGKAT[level], KODE: node.kode, "uraian": node.nama,
                     "indikator": ind.uraian if ind else "(tanpa indikator)", "satuan": ind.satuan if ind else ""}
            items = _target_items(data, ind)
            ref = f"{level}:{node.id}" if k == 0 else f"indikator:{ind.id}"
            if k == 0 and level in ("program", "kegiatan"):
                cells.update(sums(node.children))
            elif k == 0:
                if data.rincian_of(node.id).aktivitas:  # its dana is their sum
                    first, last = aktivitas_rows[node.id]
                    cells["dana"] = Rumus(f"=SUM({dana_l}{first}:{dana_l}{last})")
                items = _subkegiatan_items(data, node, sumber) + items
            rows.append(Row(ref, level, node.kode, cells, items, match=(node.kode, normalize(cells["indikator"]))))
        elif kind == "aktivitas":
            sub, a = payload
            rows.append(Row(f"aktivitas:{a.id}", "aktivitas", "", {"tingkat": "Aktivitas"}, (_aktivitas_item(
                sub, n, str(a.id), f"Aktivitas {a.urutan} · {sub.kode} {sub.nama}", AktivitasIsian.of(a)),)))
        else:
            sub, j = payload
            rows.append(Row(f"aktivitas-baru:{sub.id}:{j}", "aktivitas", "", {"tingkat": "Aktivitas baru"},
                            (_aktivitas_item(sub, n, f"b{j}", f"Aktivitas baru · {sub.kode} {sub.nama}",
                                             AktivitasIsian()),)))

    by_ref = {row.ref: row for row in rows}
    rule = DanaRule(probe.heading("dana"), tuple(
        _SubAktivitas(
            dana_key=f"pagu:{sub.id}:{n}:{RENJA}",
            dana_locked=bool(data.rincian_of(sub.id).aktivitas),
            existing=tuple((by_ref[f"aktivitas:{a.id}"].items[0], f"aktivitas:{a.id}")
                           for a in data.rincian_of(sub.id).aktivitas),
            free=tuple(by_ref[f"aktivitas-baru:{sub.id}:{j}"].items[0] for j in range(1, FREE_ROWS + 1)),
        )
        for program in programs for sub in program.walk() if sub.level == "subkegiatan"
    ))
    sheet = Sheet(
        name, f"Renja {n} dan prakiraan maju {n + 1} (T-C.33) · Kecamatan {data.kecamatan}", columns, tuple(rows),
        notes=_notes(n, [code for code, _ in sumber_dana]), match_columns=(KODE, "indikator"),
        add_hint="Tambahkan sub kegiatan ke Renja dulu lewat halaman Renja", gone=_gone,
    )
    used = {a.satuan for r in data.rincian.get(n, {}).values() for a in r.aktivitas if a.satuan}
    return Layout(identitas, (sheet,), lists={
        "satuan": tuple(sorted(used | set(SATUAN_UMUM), key=str.casefold)),
        "sumber_dana": tuple(code for code, _ in sumber_dana),
    }, reconcile=rule)


def _aktivitas_item(sub: NodeData, n: int, slot: str, label: str, current: AktivitasIsian) -> Item:
    return Item(f"aktivitas:{sub.id}:{n}:{slot}", AKTIVITAS, AKTIVITAS_COLUMNS, label, current)


def _subkegiatan_items(data: RenjaData, sub: NodeData, sumber: PilihanKind) -> tuple[Item, ...]:
    """The first row of a sub-kegiatan: what the Renja says about it. With aktivitas its kebutuhan
    dana is locked (the row's SUM formula), still read so that a typed amount is caught."""
    n = data.tahun
    rincian = data.rincian_of(sub.id)
    name = f"{sub.kode} {sub.nama}"
    has_aktivitas = bool(rincian.aktivitas)
    dana_key = f"pagu:{sub.id}:{n}:{RENJA}"
    return (
        Item(f"rincian:{sub.id}:{n}:lokasi", LOKASI, ("lokasi",), f"Lokasi: {name}", rincian.lokasi),
        # with aktivitas no dana is stored (whatever sum a selector may put in `pagu` for reports)
        Item(dana_key, DANA_DIHITUNG if has_aktivitas else RUPIAH, ("dana",), f"Kebutuhan dana {n}: {name}",
             None if has_aktivitas else sub.pagu.get(n), locked=has_aktivitas),
        Item(f"rincian:{sub.id}:{n}:sumber_dana", sumber, ("sumber",), f"Sumber dana: {name}", rincian.sumber_dana),
        Item(f"rincian:{sub.id}:{n}:catatan", CATATAN, ("catatan",), f"Catatan penting: {name}", rincian.catatan),
        Item(f"pagu:{sub.id}:{n + 1}:{PRAKIRAAN}", RUPIAH, ("dana1",), f"Prakiraan maju {n + 1} (Rp): {name}",
             data.prakiraan(sub)),
    )


__all__ = ["FORMAT", "FREE_ROWS", "AktivitasIsian", "DanaRule", "renja_layout"]
