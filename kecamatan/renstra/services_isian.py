"""Writes of the Renstra entry pages, one function per page save. Each locks the Renstra document
(`services.lock_for_edit`: permission, submitted/verified → refused, stale `versi` → Bentrok),
validates every row before writing any, and records what changed as one Riwayat row with a new
document version; any error: ValidationError keyed by the form's field names, nothing written."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction

from kecamatan.core import access
from kecamatan.core.asal import sidik as sidik_of
from kecamatan.core.errors import Bentrok
from kecamatan.core.validators import format_nip
from kecamatan.dokumen import services
from kecamatan.models import ArahKebijakan, Camat, Dokumen, Periode, Riwayat, Sasaran, Strategi
from kecamatan.renstra.forms_isian import RowInput
from kecamatan.renstra.grid import Grid

RENSTRA = "renstra"
TEMP_URUTAN = 30000  # rows being renumbered step aside first: (parent, urutan) is unique at every save


def _item(grid: Grid, uraian: str) -> str:
    return f"{grid.kode} {grid.item.lower()} “{(uraian or '')[:60]}”"


def _value_field(field: str, value_names: list[str]) -> str:
    """The grid column a year model's error belongs to: target_label → target; else the first."""
    name = field.removesuffix("_label")
    return name if name in value_names else value_names[0]


def _errors_into(errors: dict, exc: ValidationError, name_of) -> None:
    for field, messages in exc.message_dict.items():
        errors[name_of(field)].extend(messages)


@transaction.atomic
def save_grid(*, periode: Periode, grid: Grid, rows: list[RowInput], by, versi: int) -> Dokumen:
    """Save T-C.23 or T-C.24 as typed: row fields, the cells of every year (empty removes a cell),
    rows marked hapus removed with their cells."""
    dokumen = services.lock_for_edit(periode, RENSTRA, by=by, versi=versi)
    existing = {r.pk: r for r in grid.row_model.objects.filter(periode=periode)}
    if {r.pk for r in rows if r.pk is not None} - set(existing):
        raise ValidationError("Halaman memuat baris yang bukan milik Renstra ini. Muat ulang halaman.")
    cells = {(getattr(c, f"{grid.fk}_id"), c.tahun): c
             for c in grid.year_model.objects.filter(**{f"{grid.fk}__periode": periode})}
    errors: dict[str, list[str]] = defaultdict(list)
    perubahan: list[dict] = []
    to_delete, to_save = [], []  # to_save: (row key, row, its cells to save, its cells to delete)
    for inp in rows:
        obj = existing.get(inp.pk) or grid.row_model(periode=periode)
        if inp.hapus:
            to_delete.append(obj)
            perubahan.append({"item": _item(grid, obj.uraian), "dari": obj.berlaku_label, "ke": "(dihapus)"})
            continue
        if not _plan_row(grid, inp, obj, existing, errors, perubahan):
            continue
        save_cells, delete_cells = _plan_cells(grid, inp, obj, cells, errors, perubahan)
        to_save.append((inp.key, obj, save_cells, delete_cells))
    _check_urutan(rows, existing, to_save, errors)
    if errors:
        raise ValidationError(dict(errors))
    if not perubahan:
        return dokumen  # nothing changed: no new version
    _write_grid(grid, to_delete, to_save)
    return services.record_change(dokumen, by, perubahan, catatan=f"{grid.kode}: {len(perubahan)} isian diubah.")


def _plan_row(grid: Grid, inp: RowInput, obj, existing: dict, errors: dict[str, list[str]],
              perubahan: list[dict]) -> bool:
    """The row's own fields set and validated (False after an error); a new row without a number
    goes last in its band."""
    before = {name: getattr(obj, name) for name in inp.data}
    for name, value in inp.data.items():
        setattr(obj, name, value)
    if obj.pk is None and "urutan" not in inp.data:
        obj.urutan = 1 + max((o.urutan for o in existing.values() if o.berlaku_mulai == obj.berlaku_mulai),
                             default=0)
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        _errors_into(errors, exc, lambda f: f"{f if f in grid.row_fields else 'uraian'}_{inp.key}")
        return False
    if obj.pk is None:
        perubahan.append({"item": _item(grid, obj.uraian), "dari": "-", "ke": f"ditambahkan ({obj.berlaku_label})"})
    else:
        for name, old in before.items():
            if old != getattr(obj, name):
                label = obj._meta.get_field(name).verbose_name
                perubahan.append({"item": f"{_item(grid, obj.uraian)}: {label}", "dari": str(old or "-"),
                                  "ke": str(getattr(obj, name) or "-")})
    return True


def _plan_cells(grid: Grid, inp: RowInput, obj, cells: dict, errors: dict[str, list[str]],
                perubahan: list[dict]) -> tuple[list, list]:
    """The row's year cells to save and to delete; a value outside the row's years is an error."""
    value_names = [name for name, _ in grid.values]
    save_cells, delete_cells = [], []
    for tahun, values in inp.values.items():
        cell = cells.get((obj.pk, tahun)) if obj.pk else None
        item = f"{_item(grid, obj.uraian)} {tahun}"
        if all(grid.is_empty(v) for v in values.values()):
            if cell is not None:
                delete_cells.append(cell)
                perubahan.append({"item": item, "dari": grid.cell_text(cell), "ke": "(kosong)"})
            continue
        if not obj.berlaku_mulai <= tahun <= obj.berlaku_sampai:
            errors[f"{value_names[0]}_{inp.key}_{tahun}"].append(
                f"Tahun {tahun} di luar masa berlaku {obj.berlaku_label}: kosongkan, atau ubah masa berlakunya.")
            continue
        if cell is not None and all(grid.get(cell, n) == v for n, v in values.items()):
            continue
        dari = grid.cell_text(cell) if cell is not None else "-"
        new = cell or grid.year_model(tahun=tahun)
        setattr(new, grid.fk, obj)
        for name, value in values.items():
            grid.set(new, name, value)
        try:
            new.full_clean(exclude=[grid.fk], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            _errors_into(errors, exc, lambda f, tahun=tahun: f"{_value_field(f, value_names)}_{inp.key}_{tahun}")
            continue
        save_cells.append(new)
        perubahan.append({"item": item, "dari": dari, "ke": grid.cell_text(new)})
    return save_cells, delete_cells


def _check_urutan(rows: list[RowInput], existing: dict, to_save: list, errors: dict[str, list[str]]) -> None:
    """Each band (rows starting the same year) numbers its rows once."""
    kept = [obj for pk, obj in existing.items() if pk not in {r.pk for r in rows}]
    seen = {(o.berlaku_mulai, o.urutan) for o in kept}
    for key, obj, _, _ in to_save:
        if (obj.berlaku_mulai, obj.urutan) in seen:
            errors[f"urutan_{key}"].append(
                f"Nomor urut {obj.urutan} sudah dipakai baris lain yang mulai berlaku {obj.berlaku_mulai}.")
        seen.add((obj.berlaku_mulai, obj.urutan))


def _write_grid(grid: Grid, to_delete: list, to_save: list) -> None:
    """Rows renumbered step aside first ((band, urutan) is unique), then rows and cells are saved."""
    for obj in to_delete:
        obj.delete()
    moved = [obj.pk for _, obj, _, _ in to_save if obj.pk is not None]
    for i, pk in enumerate(moved):
        grid.row_model.objects.filter(pk=pk).update(urutan=TEMP_URUTAN + i)
    for _, obj, save_cells, delete_cells in to_save:
        obj.save()
        for cell in delete_cells:
            cell.delete()
        for cell in save_cells:
            setattr(cell, grid.fk, obj)
            cell.save()


def _renumber(model, items: list, *, parent_field: str, parent, text_label: str, prefix: str, errors, perubahan,
              sasaran_label: str) -> list:
    """Keep, add or remove the rows of one ordered list under a sasaran; returns the rows to save,
    numbered 1, 2 … in the order shown."""
    existing = {o.pk: o for o in model.objects.filter(**{parent_field: parent})}
    out = []
    for entry in items:
        pk, uraian, hapus = entry[0], (entry[1] or "").strip(), entry[-1]
        obj = existing.get(pk) if pk is not None else model(**{parent_field: parent})
        if obj is None:
            raise ValidationError("Halaman memuat baris yang bukan milik Renstra ini. Muat ulang halaman.")
        if hapus:
            perubahan.append({"item": f"{text_label} {sasaran_label}", "dari": obj.uraian[:80], "ke": "(dihapus)"})
            out.append((entry, obj, True))
            continue
        if not uraian:
            errors[f"{prefix}_{pk}"].append(f"Tulis {text_label.lower()}nya, atau centang hapus.")
            continue
        if obj.pk is None or obj.uraian != uraian:
            perubahan.append({"item": f"{text_label} {sasaran_label}", "dari": obj.uraian[:80] if obj.pk else "-",
                              "ke": uraian[:80]})
        obj.uraian = uraian
        out.append((entry, obj, False))
    numbered = [o for _, o, hapus in out if not hapus]
    for n, obj in enumerate(numbered, 1):
        obj.urutan = n
    return out


@transaction.atomic
def save_strategi(*, periode: Periode, lists: dict[int, dict], by, versi: int) -> Dokumen:
    """T-C.26 of the whole Renstra: per sasaran, its strategi and arah kebijakan in the order shown
    (numbered 1, 2 …), each arah linked to strategi of the same sasaran."""
    dokumen = services.lock_for_edit(periode, RENSTRA, by=by, versi=versi)
    sasaran = {s.pk: s for s in Sasaran.objects.filter(tujuan__periode=periode, pk__in=lists)}
    if set(lists) - set(sasaran):
        raise ValidationError("Halaman memuat sasaran yang bukan milik Renstra ini. Muat ulang halaman.")
    links = defaultdict(set)
    for arah_id, strategi_id in ArahKebijakan.strategi.through.objects.filter(
        arahkebijakan__sasaran__in=sasaran
    ).values_list("arahkebijakan_id", "strategi_id"):
        links[arah_id].add(strategi_id)
    errors: dict[str, list[str]] = defaultdict(list)
    perubahan: list[dict] = []
    plans = []
    for sid, parts in lists.items():
        label = f"sasaran {sasaran[sid].urutan}"
        strategi = _renumber(Strategi, parts["strategi"], parent_field="sasaran", parent=sasaran[sid],
                             text_label="Strategi", prefix="strategi", errors=errors, perubahan=perubahan,
                             sasaran_label=label)
        arah = _renumber(ArahKebijakan, parts["arah"], parent_field="sasaran", parent=sasaran[sid],
                         text_label="Arah kebijakan", prefix="arah", errors=errors, perubahan=perubahan,
                         sasaran_label=label)
        own = {entry[0] for entry in parts["strategi"] if entry[0] is not None}  # checked by _renumber
        removed = {o.pk for _, o, hapus in strategi if hapus}
        for entry, obj, hapus in arah:
            wanted = set(entry[2]) - removed
            if not hapus and set(entry[2]) - own:
                raise ValidationError("Arah kebijakan hanya dapat dikaitkan ke strategi sasaran yang sama.")
            if not hapus and obj.pk and wanted != links.get(obj.pk, set()):
                perubahan.append({"item": f"Keterkaitan arah kebijakan {label}", "dari": obj.uraian[:80],
                                  "ke": f"{len(wanted)} strategi"})
            obj.strategi_baru = wanted
        plans.append((strategi, arah))
    if errors:
        raise ValidationError(dict(errors))
    if not perubahan:
        return dokumen
    for strategi, arah in plans:
        for rows in (strategi, arah):
            for _, obj, hapus in rows:
                if hapus:
                    obj.delete()
            for i, (_, obj, hapus) in enumerate(rows):
                if obj.pk is not None and not hapus:
                    type(obj).objects.filter(pk=obj.pk).update(urutan=TEMP_URUTAN + i)
            for _, obj, hapus in rows:
                if not hapus:
                    obj.full_clean(validate_unique=False, validate_constraints=False)
                    obj.save()
        for _, obj, hapus in arah:
            if not hapus:
                obj.strategi.set(obj.strategi_baru)
    return services.record_change(dokumen, by, perubahan, catatan=f"T-C.26: {len(perubahan)} isian diubah.")


# --- Camat ---------------------------------------------------------------------------------------


def _camat_text(camat: Camat) -> str:
    return f"{camat.nama}, NIP {format_nip(camat.nip)}"


def sidik_camat(camat: Camat) -> str:
    """The fingerprint of a Camat record as stored (it has no version of its own)."""
    return sidik_of(*(str(getattr(camat, f)) for f in ("nama", "pangkat", "golongan", "nip", "mulai", "selesai")))


@transaction.atomic
def save_camat(*, periode: Periode, camat: Camat, by, sidik: str | None = None) -> Camat:
    """Add or correct a Camat record of the kecamatan. A record that signs a submitted or verified
    document keeps its name and NIP (the signed document must not change under Bappeda); adding a
    new Camat is always possible, even while the Renstra is locked, since Renja and LKj of later
    years need the new signatory. Recorded in the Renstra's history without a new version: a
    Camat is data of the kecamatan, not content of the Renstra."""
    if not access.can_edit(by, periode):
        raise PermissionDenied("Hanya operator dan Camat kecamatan ini yang dapat mengubah data Camat.")
    if camat.kecamatan_id != periode.kecamatan_id:
        raise ValidationError("Camat ini bukan Camat kecamatan Renstra ini.")
    baru = camat.pk is None
    if not baru:
        lama = Camat.objects.select_for_update().get(pk=camat.pk)
        if sidik is not None and sidik != sidik_camat(lama):
            raise Bentrok(judul=f"Data Camat {lama.nama}")
        signed = [d for d in Dokumen.objects.filter(camat=lama, status__in=Dokumen.LOCKED).select_related("periode")]
        if signed and (lama.nama, lama.nip) != (camat.nama, camat.nip):
            raise ValidationError({NON_FIELD_ERRORS: [
                f"{lama.nama} menandatangani dokumen yang sudah diajukan/diverifikasi "
                f"({', '.join(d.judul for d in signed)}): nama dan NIP-nya tidak dapat diubah. Minta Bappeda "
                "membuka kembali dokumen itu, atau tambahkan data Camat baru."]})
    camat.full_clean()
    dari = "-" if baru else _camat_text(lama)
    camat.save()
    dokumen = Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENSTRA).first()
    if dokumen is not None:
        Riwayat.objects.create(
            dokumen=dokumen, oleh=by, aksi=Riwayat.Aksi.UBAH, dari_status=dokumen.status, ke_status=dokumen.status,
            versi=dokumen.versi, perubahan=[{"item": "Data Camat", "dari": dari, "ke": _camat_text(camat)}],
            catatan=f"Data Camat {camat.nama} {'ditambahkan' if baru else 'diubah'}.",
        )
    return camat
