"""Writes the changes of a validated upload, per item kind, in bulk and with their audit history
(django-simple-history: the uploader as history user, "Impor Excel: <file>" as change reason).
Runs inside `services.import_xlsx`'s transaction; a query count that does not grow with the rows
(apart from deletions, which are rare: one history row per deleted record). The Renja's own
records (lokasi/sumber dana/catatan, Renja targets, aktivitas) have no history model: the import's
Riwayat row lists each of their changes; their dana is Pagu, with history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F
from simple_history.utils import bulk_create_with_history

from kecamatan.importing.preview import Change
from kecamatan.models import (
    Aktivitas,
    Dokumen,
    Indikator,
    Pagu,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    SubKegiatan,
    Target,
    TargetRenja,
)

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
    indikator = _indikator(periode, ids)
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
        obj = row or Realisasi(tahun=tahun, triwulan=tw)
        obj.indikator = indikator[pk]  # Realisasi.clean reads its range: no query per row
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


# --- the Renja of a year ----------------------------------------------------------------------

RINCIAN_FIELDS = ("lokasi", "sumber_dana", "catatan")


def _rincian(periode, keys: Iterable[tuple]) -> dict[tuple[int, int], RenjaSubKegiatan]:
    """(tahun, sub-kegiatan id) → its RenjaSubKegiatan, for keys (sub id, tahun, …)."""
    wanted = {(k[1], k[0]) for k in keys}
    found = {
        (r.dokumen.tahun, r.subkegiatan_id): r
        for r in RenjaSubKegiatan.objects.filter(
            dokumen__periode=periode, dokumen__jenis=Dokumen.Jenis.RENJA, dokumen__tahun__in={t for t, _ in wanted},
            subkegiatan_id__in={s for _, s in wanted},
        ).select_related("dokumen", "subkegiatan__kegiatan__program")  # clean() reads them: no query per row
    }
    if wanted - set(found):
        raise ValidationError("Sebagian sub kegiatan di berkas sudah dikeluarkan dari Renja. Unduh templat baru.")
    return found


def write_rincian(periode, entries: dict[tuple, object], by, reason) -> None:
    """Lokasi, sumber dana and catatan penting of the Renja's sub-kegiatan."""
    rincian = _rincian(periode, entries)
    touched = {}
    for (sub, tahun, name), value in entries.items():
        if name not in RINCIAN_FIELDS:
            raise ValueError(f"bad rincian field {name!r}")
        obj = rincian[(tahun, sub)]
        setattr(obj, name, value)
        touched[obj.pk] = obj
    for obj in touched.values():
        obj.full_clean(exclude=["dokumen", "subkegiatan"], **CLEAN)
    _update(RenjaSubKegiatan, list(touched.values()), list(RINCIAN_FIELDS))


def write_target_renja(periode, entries: dict[tuple, object], by, reason) -> None:
    """Renja targets (tahap renja of year n, prakiraan of n+1); TargetRenja keeps no history of its
    own: the Riwayat row of the import lists every change."""
    ids = _ids(entries)
    indikator = _indikator(periode, ids)
    existing = {(t.indikator_id, t.tahun, t.tahap): t for t in TargetRenja.objects.filter(indikator_id__in=ids)}
    create, update, delete = [], [], []
    for (pk, tahun, tahap), nilai in entries.items():
        row = existing.get((pk, tahun, tahap))
        if nilai.is_empty:
            if row:
                delete.append(row.pk)
            continue
        obj = row or TargetRenja(tahun=tahun, tahap=tahap)
        obj.indikator = indikator[pk]
        obj.nilai, obj.label = nilai.nilai, nilai.label
        obj.full_clean(exclude=["indikator"], **CLEAN)
        (update if row else create).append(obj)
    TargetRenja.objects.filter(pk__in=delete).delete()
    if update:
        _update(TargetRenja, update, ["nilai", "label"])
    TargetRenja.objects.bulk_create(create)


AKTIVITAS_FIELDS = ["uraian", "skala_prioritas", "volume", "satuan", "jumlah", "prakiraan", "catatan"]


def write_aktivitas(periode, entries: dict[tuple, object], by, reason) -> None:
    """Aktivitas of the Renja's sub-kegiatan: slot = an Aktivitas id (changed, or deleted when
    empty) or "b<j>" (a free row: a new aktivitas, numbered after the last one)."""
    rincian = _rincian(periode, entries)
    existing = {a.pk: a for a in Aktivitas.objects.filter(rincian__in=[r.pk for r in rincian.values()])}
    last = defaultdict(int)
    for a in existing.values():
        last[a.rincian_id] = max(last[a.rincian_id], a.urutan)
    create, update, delete = [], [], []

    def order(entry):
        (sub, tahun, slot), _ = entry
        return (tahun, sub, slot.startswith("b"), int(slot.lstrip("b")))

    for (sub, tahun, slot), value in sorted(entries.items(), key=order):
        owner = rincian[(tahun, sub)]
        if slot.startswith("b"):
            if value.is_empty:
                continue
            last[owner.pk] += 1
            obj = Aktivitas(rincian=owner, urutan=last[owner.pk])
        else:
            obj = existing.get(int(slot))
            if obj is None or obj.rincian_id != owner.pk:
                raise ValidationError("Sebagian aktivitas di berkas sudah dihapus orang lain. Unduh templat baru.")
            if value.is_empty:
                delete.append(obj.pk)
                continue
        for name in AKTIVITAS_FIELDS:
            setattr(obj, name, getattr(value, name))
        obj.full_clean(exclude=["rincian"], **CLEAN)
        (update if obj.pk else create).append(obj)
    Aktivitas.objects.filter(pk__in=delete).delete()
    if update:
        _update(Aktivitas, update, AKTIVITAS_FIELDS)
    Aktivitas.objects.bulk_create(create)
    # as the Renja page's save does: a sub-kegiatan itemised into aktivitas keeps no typed dana,
    # and none typed prakiraan maju once its aktivitas carry their own
    subs = {r.subkegiatan_id for r in rincian.values()}
    _apply(Pagu, [], [], list(_itemised(Pagu.objects.filter(subkegiatan_id__in=subs), Pagu.Tahap.RENJA)), [],
           by, reason)
    _apply(Pagu, [], [], list(_itemised(Pagu.objects.filter(subkegiatan_id__in=subs), Pagu.Tahap.PRAKIRAAN)), [],
           by, reason)


def _itemised(pagu, tahap: str):
    """The Pagu rows of `tahap` that aktivitas replace: renja of year n beside aktivitas in the
    Renja of n, prakiraan of n+1 beside aktivitas with their own prakiraan in the Renja of n."""
    if tahap == Pagu.Tahap.RENJA:
        beside = {"subkegiatan__rincian_renja__dokumen__tahun": F("tahun"),
                  "subkegiatan__rincian_renja__aktivitas__isnull": False}
    else:
        beside = {"subkegiatan__rincian_renja__dokumen__tahun": F("tahun") - 1,
                  "subkegiatan__rincian_renja__aktivitas__prakiraan__isnull": False}
    return pagu.filter(tahap=tahap, subkegiatan__rincian_renja__dokumen__jenis=Dokumen.Jenis.RENJA,
                       **beside).distinct()


def check_dana_single_source(periode: Periode, pagu: dict[tuple, object]) -> None:
    """The Renja rule after an import: a sub-kegiatan with aktivitas in the Renja of year n has no
    Pagu of tahap renja for n (its dana is their sum), nor of tahap prakiraan for n+1 when its
    aktivitas carry their own prakiraan. The reader refuses a file typing one beside them; this
    guards the write itself, for the amounts this import wrote (1 query per tahap written)."""
    for tahap, apa in ((Pagu.Tahap.RENJA, "kebutuhan dana"), (Pagu.Tahap.PRAKIRAAN, "prakiraan maju")):
        written = [(sub, tahun) for (sub, tahun, t), value in pagu.items() if t == tahap and value is not None]
        if not written:
            continue
        clash = _itemised(Pagu.objects.filter(
            subkegiatan_id__in={s for s, _ in written}, tahun__in={t for _, t in written},
            subkegiatan__kegiatan__program__periode=periode,
        ), tahap).select_related("subkegiatan__nomenklatur").first()
        if clash is not None:
            raise ValidationError(f"Sub kegiatan {clash.subkegiatan.kode} akan mempunyai aktivitas sekaligus {apa} "
                                  f"{clash.tahun} yang diketik. Jumlahnya dihitung dari aktivitas: kosongkan "
                                  f"{apa} sub kegiatannya, atau kosongkan isian aktivitasnya.")


# item key prefix → (writer, how the rest of the key reads)
WRITERS = {
    "satuan": (write_satuan, (int,)),
    "target": (write_target, (int, int)),
    "pagu": (write_pagu, (int, int, str)),
    "realisasi": (write_realisasi, (int, int, int)),
    "rp": (write_rp, (int, int, int)),
    "rincian": (write_rincian, (int, int, str)),
    "targetrenja": (write_target_renja, (int, int, str)),
    "aktivitas": (write_aktivitas, (int, int, str)),
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
    check_dana_single_source(periode, grouped.get("pagu", {}))
