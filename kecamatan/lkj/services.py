"""Writes of the LKj entry pages, one function per thing a person does. Each goes through the
workflow's own checks on the year's LKj document (`services.check_editable`: only the
kecamatan's operator and Camat, never while the LKj is submitted or verified, and no lost update:
`versi`), validates everything before writing, records what changed in a Riwayat row and bumps
the document's version, in one transaction. The LKj document is created on first use.

A PK program's anggaran is never stored: it is the sub-kegiatan Pagu rolled up (see
models.kinerja_tahunan), so only which programs the PK lists and their keterangan are saved here.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kecamatan.core.formatting import Nilai
from kecamatan.dokumen.services import (
    check_editable as check_editable,
)
from kecamatan.dokumen.services import (
    lock_dokumen as lock_dokumen,
)
from kecamatan.dokumen.services import (
    record_change as record_change,
)
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kecamatan,
    NilaiPembanding,
    PenetapanIKU,
    PengaturanLKj,
    Periode,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    TargetPK,
)

Versi = PerjanjianKinerja.Versi
JUDUL_PK = {Versi.AWAL: "Perjanjian Kinerja", Versi.PERUBAHAN: "Perubahan Perjanjian Kinerja"}


def _dokumen(periode: Periode, tahun: int, versi: int | None, by) -> Dokumen:
    dokumen = lock_dokumen(periode, Dokumen.Jenis.LKJ, tahun, by=by)
    check_editable(dokumen, by, versi)
    return dokumen


def _text(value) -> str:
    if isinstance(value, Nilai):
        return str(value) if not value.is_empty else "(kosong)"
    return str(value) if value not in (None, "") else "(kosong)"


def _set_fields(obj, data: dict, judul: str, perubahan: list[dict]) -> None:
    for field, value in data.items():
        model_field = obj._meta.get_field(field)
        if model_field.is_relation:
            old_id = getattr(obj, model_field.attname)
            if old_id == (value.pk if value is not None else None):
                continue
            old = getattr(obj, field).nama if old_id else None
            new = value.nama if value is not None else None
        else:
            old, new = getattr(obj, field), value
            if old == new:
                continue
        perubahan.append({"item": f"{judul}: {model_field.verbose_name}", "dari": _text(old), "ke": _text(new)})
        setattr(obj, field, value)


def _own_indikator(periode: Periode, ids) -> dict[int, Indikator]:
    found = {i.pk: i for i in Indikator.objects.filter(periode=periode, pk__in=list(ids))}
    if set(ids) - set(found):
        raise ValidationError("Indikator tidak termasuk Renstra kecamatan ini.")
    return found


def _write_nilai(row, value: Nilai, item: str, perubahan: list[dict], new_row, **fields) -> None:
    """Create, change or (empty value) remove one value row (a PK target, a comparison value),
    noting what changed; `fields` are set beside the value (urutan alone is not worth a note)."""
    if value.is_empty:
        if row is not None:
            perubahan.append({"item": item, "dari": _text(row.as_nilai), "ke": "(kosong)"})
            row.delete()
        return
    noted = {k: v for k, v in fields.items() if k != "urutan"}
    if row is None or row.as_nilai != value or any(getattr(row, k) != v for k, v in noted.items()):
        perubahan.append({"item": item, "dari": _text(row.as_nilai if row else None), "ke": _text(value)})
    elif all(getattr(row, k) == v for k, v in fields.items()):
        return
    row = row or new_row()
    row.set_nilai(value)
    for name, v in fields.items():
        setattr(row, name, v)
    row.full_clean()
    row.save()


# -- Perjanjian Kinerja ---------------------------------------------------------------------------

@transaction.atomic
def simpan_pk(*, periode: Periode, tahun: int, versi_pk: str, data: dict, targets: dict[int, Nilai],
              programs: dict[int, str | None], versi: int | None, by) -> PerjanjianKinerja:
    """One PK version: its signatories (`data`: camat, pihak kedua, ttd), the target of each
    tujuan/sasaran indicator (empty: not in the PK) and the programs it lists (program id →
    keterangan, None: not listed). The awal is created on its first save; a perubahan is made
    from the awal (`buat_pk_perubahan`)."""
    dokumen = _dokumen(periode, tahun, versi, by)
    versi_pk = Versi(versi_pk)
    judul = f"{JUDUL_PK[versi_pk]} {tahun}"
    pk = PerjanjianKinerja.objects.filter(periode=periode, tahun=tahun, versi=versi_pk).first()
    if pk is None and versi_pk == Versi.PERUBAHAN:
        raise ValidationError(f"Buat dulu perubahan dari Perjanjian Kinerja awal {tahun}.")
    perubahan: list[dict] = []
    if pk is None:
        pk = PerjanjianKinerja(periode=periode, tahun=tahun, versi=versi_pk)
        perubahan.append({"item": judul, "dari": "", "ke": "(dibuat)"})
    _set_fields(pk, data, judul, perubahan)
    pk.full_clean()
    pk.save()

    indikator = _own_indikator(periode, targets)
    old_targets = {t.indikator_id: t for t in TargetPK.objects.filter(perjanjian=pk)}
    for urutan, (ind_id, value) in enumerate(targets.items(), start=1):
        _write_nilai(old_targets.get(ind_id), value, f"{judul}: target {indikator[ind_id].uraian}", perubahan,
                     lambda: TargetPK(perjanjian=pk, indikator=indikator[ind_id]), urutan=urutan)

    own_programs = {p.pk: p for p in Program.objects.filter(periode=periode, pk__in=list(programs))}
    if set(programs) - set(own_programs):
        raise ValidationError("Program tidak termasuk Renstra kecamatan ini.")
    old_programs = {p.program_id: p for p in ProgramPK.objects.filter(perjanjian=pk)}
    listed = [pid for pid, keterangan in programs.items() if keterangan is not None]
    for urutan, pid in enumerate(listed, start=1):
        row = old_programs.get(pid)
        keterangan = programs[pid]
        item = f"{judul}: program {own_programs[pid].nama}"
        if row is None:
            perubahan.append({"item": item, "dari": "", "ke": keterangan or "(dicantumkan)"})
            row = ProgramPK(perjanjian=pk, program=own_programs[pid])
        elif row.keterangan == keterangan and row.urutan == urutan:
            continue
        elif row.keterangan != keterangan:
            perubahan.append({"item": f"{item}: keterangan", "dari": _text(row.keterangan), "ke": _text(keterangan)})
        row.keterangan, row.urutan = keterangan, urutan
        row.full_clean()
        row.save()
    for pid, row in old_programs.items():
        if pid in programs and programs[pid] is None:
            perubahan.append({"item": f"{judul}: program {own_programs[pid].nama}", "dari": "(dicantumkan)",
                              "ke": "(dikeluarkan)"})
            row.delete()
    if perubahan:
        record_change(dokumen, by, perubahan, catatan=f"{judul} disimpan.")
    return pk


@transaction.atomic
def buat_pk_perubahan(*, periode: Periode, tahun: int, versi: int | None, by) -> PerjanjianKinerja:
    """The perubahan PK of a year, started as a copy of the awal (signatories, targets and
    programs with their keterangan); the awal stays as it is."""
    dokumen = _dokumen(periode, tahun, versi, by)
    awal = PerjanjianKinerja.objects.filter(periode=periode, tahun=tahun, versi=Versi.AWAL).first()
    if awal is None:
        raise ValidationError(f"Belum ada Perjanjian Kinerja awal {tahun} untuk disalin.")
    if PerjanjianKinerja.objects.filter(periode=periode, tahun=tahun, versi=Versi.PERUBAHAN).exists():
        raise ValidationError(f"Perubahan Perjanjian Kinerja {tahun} sudah ada.")
    baru = PerjanjianKinerja(periode=periode, tahun=tahun, versi=Versi.PERUBAHAN, camat_id=awal.camat_id,
                             pihak_kedua_nama=awal.pihak_kedua_nama, pihak_kedua_jabatan=awal.pihak_kedua_jabatan,
                             ttd_tempat=awal.ttd_tempat, ttd_tanggal=None)
    baru.full_clean()
    baru.save()
    TargetPK.objects.bulk_create([
        TargetPK(perjanjian=baru, indikator_id=t.indikator_id, urutan=t.urutan, nilai=t.nilai, label=t.label)
        for t in TargetPK.objects.filter(perjanjian=awal)
    ])
    ProgramPK.objects.bulk_create([
        ProgramPK(perjanjian=baru, program_id=p.program_id, urutan=p.urutan, keterangan=p.keterangan)
        for p in ProgramPK.objects.filter(perjanjian=awal)
    ])
    record_change(dokumen, by, [{"item": f"{JUDUL_PK[Versi.PERUBAHAN]} {tahun}", "dari": "",
                                  "ke": "(disalin dari versi awal)"}],
                   catatan=f"Perubahan Perjanjian Kinerja {tahun} dibuat dari versi awal.")
    return baru


# -- IKU sheet, settings, comparison values ---------------------------------------------------------

def _simpan_tahunan(model, *, periode: Periode, tahun: int, data: dict, judul: str, versi: int | None, by):
    """The one row of `model` for this year (created on first save) with `data` set."""
    dokumen = _dokumen(periode, tahun, versi, by)
    obj = model.objects.filter(periode=periode, tahun=tahun).first() or model(periode=periode, tahun=tahun)
    perubahan: list[dict] = []
    _set_fields(obj, data, judul, perubahan)
    obj.full_clean()
    obj.save()
    if perubahan:
        record_change(dokumen, by, perubahan, catatan=f"{judul} disimpan.")
    return obj


@transaction.atomic
def simpan_penetapan_iku(*, periode: Periode, tahun: int, data: dict, versi: int | None, by) -> PenetapanIKU:
    """The IKU sheet's own fields: signatory, ttd, tugas pokok and fungsi. Which indicators are
    IKU is the Indikator's flag, edited in the Renstra."""
    return _simpan_tahunan(PenetapanIKU, periode=periode, tahun=tahun, data=data, judul=f"Lembar IKU {tahun}",
                           versi=versi, by=by)


@transaction.atomic
def simpan_pengaturan_lkj(*, periode: Periode, tahun: int, kecamatan_pembanding: Kecamatan | None,
                          catatan_anggaran: str, versi: int | None, by) -> PengaturanLKj:
    """The kecamatan Tabel 3.7 compares with by default, and the note under Tabel 3.9."""
    return _simpan_tahunan(PengaturanLKj, periode=periode, tahun=tahun, judul=f"Pengaturan LKj {tahun}",
                           data={"kecamatan_pembanding": kecamatan_pembanding, "catatan_anggaran": catatan_anggaran},
                           versi=versi, by=by)


@transaction.atomic
def simpan_nilai_pembanding(*, periode: Periode, tahun: int, kecamatan: Kecamatan,
                            values: dict[int, tuple[Nilai, str]], versi: int | None, by) -> None:
    """Values of another kecamatan typed from its document (indicator id → (nilai, sumber));
    empty removes the value."""
    dokumen = _dokumen(periode, tahun, versi, by)
    if kecamatan.pk == periode.kecamatan_id or kecamatan.kabupaten_id != periode.kecamatan.kabupaten_id:
        raise ValidationError("Pilih kecamatan lain dari kabupaten yang sama sebagai pembanding.")
    indikator = _own_indikator(periode, values)
    old = {n.indikator_id: n for n in NilaiPembanding.objects.filter(
        indikator__in=list(indikator), tahun=tahun, kecamatan=kecamatan)}
    perubahan = []
    for ind_id, (value, sumber) in values.items():
        _write_nilai(old.get(ind_id), value, f"Nilai pembanding {kecamatan.nama} {tahun}: {indikator[ind_id].uraian}",
                     perubahan, lambda: NilaiPembanding(indikator=indikator[ind_id], tahun=tahun, kecamatan=kecamatan),
                     sumber=sumber)
    if perubahan:
        record_change(dokumen, by, perubahan, catatan=f"Nilai pembanding {kecamatan.nama} {tahun} disimpan.")
