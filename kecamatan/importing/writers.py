"""Writes the changes of a validated upload, per item kind, in bulk and with their audit history
(django-simple-history: the uploader as history user, "Impor Excel: <file>" as change reason).
Runs inside `services.import_xlsx`'s transaction; a query count that does not grow with the rows
(apart from deletions, which are rare: one history row per deleted record)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection
from simple_history.utils import bulk_create_with_history

from ..models import Indikator, Pagu, Periode, Realisasi, RealisasiAnggaran, SubKegiatan, Target
from .base import Change

CLEAN = {"validate_unique": False, "validate_constraints": False}  # the keys come from the layout: unique


def _update(model, objs: list, fields: list[str]) -> None:
    """UPDATE … WHERE id = %s for each object, in one executemany: Django's bulk_update builds a
    CASE expression per row and field (~1 ms a row: 3 s for a 2,500-row triwulan); this is plain
    SQL, the same on SQLite and PostgreSQL, with values prepared by the model fields themselves."""
    qn = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    pk = model._meta.pk
    sql = (f"UPDATE {qn(model._meta.db_table)} SET {', '.join(f'{qn(c.column)} = %s' for c in columns)} "
           f"WHERE {qn(pk.column)} = %s")
    params = [[c.get_db_prep_save(getattr(obj, c.attname), connection) for c in columns] + [obj.pk] for obj in objs]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _apply(model, create: list, update: list, delete: list, fields: list[str], by, reason: str) -> None:
    for obj in delete:
        obj._history_user, obj._change_reason = by, reason
        obj.delete()
    if update:
        _update(model, update, fields)
        model.history.bulk_history_create(update, update=True, default_user=by, default_change_reason=reason)
    if create:
        bulk_create_with_history(create, model, default_user=by, default_change_reason=reason)


def _ids(keys: Iterable[tuple]) -> set[int]:
    return {k[0] for k in keys}


def _indikator(periode: Periode, ids: set[int]) -> dict[int, Indikator]:
    found = {i.pk: i for i in Indikator.objects.filter(periode=periode, pk__in=ids)}
    if ids - set(found):
        raise ValidationError("Sebagian indikator di berkas sudah dihapus. Unduh templat baru.")
    for ind in found.values():
        ind.periode = periode  # Target.clean reads it: no query per row
    return found


def _subkegiatan(periode: Periode, ids: set[int]) -> set[int]:
    found = set(SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=ids).values_list("pk", flat=True))
    if ids - found:
        raise ValidationError("Sebagian sub kegiatan di berkas sudah dihapus. Unduh templat baru.")
    return found


def write_satuan(periode, entries: dict[tuple, object], by, reason) -> None:
    indikator = _indikator(periode, _ids(entries))
    for (pk,), satuan in entries.items():
        ind = indikator[pk]
        ind.satuan = satuan
        ind.full_clean(exclude=["periode", "tujuan", "sasaran", "program", "kegiatan", "subkegiatan"], **CLEAN)
        ind.save(update_fields=["satuan"])


def write_target(periode, entries: dict[tuple, object], by, reason) -> None:
    ids = _ids(entries)
    indikator = _indikator(periode, ids)
    existing = {(t.indikator_id, t.tahun): t for t in Target.objects.filter(indikator_id__in=ids)}
    create, update, delete = [], [], []
    for (pk, tahun), nilai in entries.items():
        row = existing.get((pk, tahun))
        if nilai.is_empty:
            if row:
                delete.append(row)
            continue
        obj = row or Target(tahun=tahun)
        obj.indikator = indikator[pk]
        obj.nilai, obj.label = nilai.nilai, nilai.label
        obj.full_clean(exclude=["indikator"], **CLEAN)
        (update if row else create).append(obj)
    _apply(Target, create, update, delete, ["nilai", "label"], by, reason)


def write_pagu(periode, entries: dict[tuple, object], by, reason) -> None:
    ids = _subkegiatan(periode, _ids(entries))
    existing = {(p.subkegiatan_id, p.tahun, p.tahap): p for p in Pagu.objects.filter(subkegiatan_id__in=ids)}
    create, update, delete = [], [], []
    for (pk, tahun, tahap), jumlah in entries.items():
        row = existing.get((pk, tahun, tahap))
        if jumlah is None:
            if row:
                delete.append(row)
            continue
        obj = row or Pagu(subkegiatan_id=pk, tahun=tahun, tahap=tahap)
        obj.jumlah = jumlah
        obj.full_clean(exclude=["subkegiatan"], **CLEAN)
        (update if row else create).append(obj)
    _apply(Pagu, create, update, delete, ["jumlah"], by, reason)


def write_realisasi(periode, entries: dict[tuple, object], by, reason) -> None:
    ids = _ids(entries)
    _indikator(periode, ids)
    years = {(k[1], k[2]) for k in entries}
    existing = {}
    for tahun, tw in years:
        existing.update({(r.indikator_id, tahun, tw): r for r in
                         Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan=tw)})
    create, update, delete = [], [], []
    for (pk, tahun, tw), value in entries.items():
        row = existing.get((pk, tahun, tw))
        if value.is_empty:
            if row:
                delete.append(row)
            continue
        obj = row or Realisasi(indikator_id=pk, tahun=tahun, triwulan=tw)
        obj.nilai, obj.label, obj.keterangan = value.nilai.nilai, value.nilai.label, value.keterangan
        obj.full_clean(exclude=["indikator"], **CLEAN)
        (update if row else create).append(obj)
    _apply(Realisasi, create, update, delete, ["nilai", "label", "keterangan"], by, reason)


def write_rp(periode, entries: dict[tuple, object], by, reason) -> None:
    ids = _subkegiatan(periode, _ids(entries))
    years = {(k[1], k[2]) for k in entries}
    existing = {}
    for tahun, tw in years:
        existing.update({(r.subkegiatan_id, tahun, tw): r for r in
                         RealisasiAnggaran.objects.filter(subkegiatan_id__in=ids, tahun=tahun, triwulan=tw)})
    create, update, delete = [], [], []
    for (pk, tahun, tw), jumlah in entries.items():
        row = existing.get((pk, tahun, tw))
        if jumlah is None:
            if row:
                delete.append(row)
            continue
        obj = row or RealisasiAnggaran(subkegiatan_id=pk, tahun=tahun, triwulan=tw)
        obj.jumlah = jumlah
        obj.full_clean(exclude=["subkegiatan"], **CLEAN)
        (update if row else create).append(obj)
    _apply(RealisasiAnggaran, create, update, delete, ["jumlah"], by, reason)


# item key prefix → (writer, how the rest of the key reads); a Renja sheet adds its own here
WRITERS = {
    "satuan": (write_satuan, (int,)),
    "target": (write_target, (int, int)),
    "pagu": (write_pagu, (int, int, str)),
    "realisasi": (write_realisasi, (int, int, int)),
    "rp": (write_rp, (int, int, int)),
}


def parse_key(key: str) -> tuple[str, tuple]:
    prefix, *rest = key.split(":")
    _, types = WRITERS[prefix]
    if len(rest) != len(types):
        raise ValueError(f"bad item key {key!r}")
    return prefix, tuple(t(part) for t, part in zip(types, rest))


def write_changes(*, periode: Periode, changes: list[Change], by, reason: str) -> None:
    grouped: dict[str, dict[tuple, object]] = defaultdict(dict)
    for change in changes:
        prefix, parts = parse_key(change.key)
        grouped[prefix][parts] = change.value
    for prefix in WRITERS:  # a fixed order: satuan before targets
        if grouped.get(prefix):
            WRITERS[prefix][0](periode, grouped[prefix], by, reason)
