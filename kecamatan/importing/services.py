"""The write of an Excel upload: validate the pending file again, then apply every change in one
transaction under the document's lock and versi."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kecamatan.core import access
from kecamatan.dokumen.selectors import dokumen_for
from kecamatan.dokumen.services import check_editable, dokumen_by_kunci, record_change
from kecamatan.importing import documents, writers
from kecamatan.models import Periode, Riwayat


class ImporDitolak(ValidationError):
    """The upload has errors (each at its sheet, row and column): nothing was written."""

    def __init__(self, preview):
        self.preview = preview
        super().__init__([str(e) for e in preview.errors])


@transaction.atomic
def import_xlsx(*, periode: Periode, kunci: str, content: bytes, nama_file: str, versi: int, by):
    """Write what an uploaded template changes, all or nothing. `versi` is the document version the
    preview was shown at: if anyone saved since, `Bentrok` (the user must look at a fresh preview).
    The file is parsed and validated again here, under the document's lock. Returns the Preview of
    what was written; raises `importing.base.FileError`, `ImporDitolak`, `Bentrok`, `ValidationError`
    (locked document) or `PermissionDenied`."""
    if not access.can_edit(by, periode):
        raise PermissionDenied("Hanya operator dan Camat kecamatan ini yang dapat mengimpor data.")
    if refusal := documents.refusal(dokumen_for(periode, kunci)):  # before a lock would create the document
        raise ValidationError(refusal)
    dokumen = dokumen_by_kunci(periode, kunci, by)
    check_editable(dokumen, by, versi)
    preview = documents.preview_upload(periode, dokumen, content)
    if preview.errors:
        raise ImporDitolak(preview)
    if not preview.changes:
        return preview  # the same file twice: nothing to write, no new version
    nama_file = (nama_file or "berkas.xlsx")[:80]
    writers.write_changes(periode=periode, changes=preview.changes, by=by, reason=f"Impor Excel: {nama_file}")
    catatan = f"Impor Excel '{nama_file}': {len(preview.changes)} isian diubah."
    if preview.conflicts:
        catatan += f" {len(preview.conflicts)} isian bentrok tidak ditimpa."
    record_change(dokumen, by, preview.perubahan(), catatan=catatan, aksi=Riwayat.Aksi.IMPOR)
    return preview
