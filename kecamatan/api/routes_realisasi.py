"""The triwulan realisasi of a Renstra year: read it (with the document's versi), and write it from
another system through the grid's own service (`realisasi.services.save_realisasi_triwulan`):
versi required, lock and workflow respected, audit history under the token's user, all or nothing,
errors per row in Indonesian."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from ninja import Router, Status

from kecamatan.api.auth import TULIS
from kecamatan.api.common import desimal, triwulan_for
from kecamatan.api.schemas import Galat, GalatBaris, RealisasiTriwulanIn, RealisasiTriwulanOut
from kecamatan.core.errors import Bentrok
from kecamatan.core.formatting import Nilai
from kecamatan.core.kunci import kunci_dokumen
from kecamatan.dokumen import selectors as dokumen_selectors
from kecamatan.models import Dokumen, Indikator, SubKegiatan
from kecamatan.realisasi import selectors as realisasi_selectors
from kecamatan.realisasi import services as realisasi_services

router = Router(tags=["Realisasi triwulan"])
URL = "/periode/{int:pk}/realisasi/{int:tahun}/{int:triwulan}/"
TIDAK_DISIMPAN = "Isian tidak disimpan: perbaiki baris yang disebut. Tidak ada yang berubah."
BARIS = {"nilai": "indikator", "keterangan": "indikator", "rp": "subkegiatan"}  # the grid's field → the row


def _baca(periode, tahun: int, triwulan: int) -> dict:
    dokumen = dokumen_selectors.dokumen_for(periode, kunci_dokumen(Dokumen.Jenis.REALISASI, tahun, triwulan))
    data = realisasi_selectors.realisasi_triwulan_data(periode, tahun, triwulan)
    i = triwulan - 1
    return {
        "kunci": dokumen.kunci, "status": dokumen.status, "versi": dokumen.versi,
        "indikator": [{"indikator_id": b.id, "uraian": b.uraian, "satuan": b.satuan, "nilai": desimal(b.per_triwulan[i].nilai),
                       "label": b.per_triwulan[i].label, "keterangan": b.keterangan[i]}
                      for g in data.pemilik for b in g.indikator],
        "anggaran": [{"subkegiatan_id": a.id, "kode": a.kode, "nama": a.nama, "jumlah": desimal(a.per_triwulan[i])}
                     for a in data.anggaran],
    }


@router.get(URL, response=RealisasiTriwulanOut, url_name="realisasi")
def realisasi(request, pk: int, tahun: int, triwulan: int):
    """Realisasi satu triwulan seperti di halaman isiannya, dengan versi dokumen yang wajib dikirim
    kembali saat menyimpan."""
    return _baca(triwulan_for(request, pk, tahun, triwulan), tahun, triwulan)


@router.post(URL, response={200: RealisasiTriwulanOut, 403: Galat, 409: Galat, 422: GalatBaris}, auth=TULIS,
             url_name="realisasi_simpan")
def realisasi_simpan(request, pk: int, tahun: int, triwulan: int, isian: RealisasiTriwulanIn):
    """Simpan realisasi satu triwulan (hanya dengan token; operator dan Camat kecamatan itu). Baris
    yang tidak dikirim tidak berubah; baris kosong dihapus. Semua atau tidak sama sekali: satu galat,
    tidak ada yang tersimpan. Versi lama → 409."""
    periode = triwulan_for(request, pk, tahun, triwulan)
    galat: dict[str, list[str]] = {}
    indikator = {}
    for row in isian.indikator:
        try:
            indikator[row.indikator_id] = (Nilai(_desimal(row.nilai), row.label.strip()), row.keterangan)
        except ValueError as exc:
            galat.setdefault(f"indikator:{row.indikator_id}", []).append(str(exc))
    anggaran = {}
    for row in isian.anggaran:
        try:
            anggaran[row.subkegiatan_id] = _desimal(row.jumlah)
        except ValueError as exc:
            galat.setdefault(f"subkegiatan:{row.subkegiatan_id}", []).append(str(exc))
    _bukan_milik(periode, indikator, anggaran, galat)
    if galat:
        return Status(422, {"detail": TIDAK_DISIMPAN, "baris": galat})
    try:
        realisasi_services.save_realisasi_triwulan(periode=periode, tahun=tahun, triwulan=triwulan, versi=isian.versi,
                                                   indikator=indikator, anggaran=anggaran, by=request.user)
    except PermissionDenied as exc:
        return Status(403, {"detail": str(exc) or "Anda tidak berhak mengubah data ini."})
    except Bentrok as exc:
        return Status(409, {"detail": f"Isian TIDAK disimpan: {exc.judul} {exc.diubah} sejak versi {exc.versi_dimuat} "
                               f"(sekarang versi {exc.dokumen.versi}). Baca ulang, lalu kirim lagi dengan versi terbaru."})
    except ValidationError as exc:
        return _galat(exc)
    return Status(200, _baca(periode, tahun, triwulan))


def _bukan_milik(periode, indikator, anggaran, galat: dict[str, list[str]]) -> None:
    """Rows of another Renstra (or none at all) are named, not guessed at (2 queries)."""
    milik_i = set(Indikator.objects.filter(periode=periode, pk__in=indikator).values_list("pk", flat=True))
    milik_s = set(SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=anggaran)
                  .values_list("pk", flat=True))
    for pk in sorted(set(indikator) - milik_i):
        galat.setdefault(f"indikator:{pk}", []).append(f"Indikator {pk} tidak ada dalam Renstra ini.")
    for pk in sorted(set(anggaran) - milik_s):
        galat.setdefault(f"subkegiatan:{pk}", []).append(f"Sub kegiatan {pk} tidak ada dalam Renstra ini.")


def _desimal(text: str | None) -> Decimal | None:
    if text is None or not str(text).strip():
        return None
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValueError(f"'{text}' bukan angka desimal (tulis seperti 1250000.50, tanpa pemisah ribuan).") from None
    if not value.is_finite():
        raise ValueError(f"'{text}' bukan angka desimal.")
    return value


def _galat(exc: ValidationError):
    """The service's errors (keyed by the grid's field names nilai_12, rp_7) per API row; a document
    that is submitted or verified (locked) is a 409 like a stale versi."""
    if not hasattr(exc, "error_dict"):
        return Status(409, {"detail": " ".join(exc.messages)})
    baris: dict[str, list[str]] = {}
    for name, messages in exc.message_dict.items():
        prefix, _, pk = name.partition("_")
        baris.setdefault(f"{BARIS[prefix]}:{pk}" if prefix in BARIS else "umum", []).extend(messages)
    return Status(422, {"detail": TIDAK_DISIMPAN, "baris": baris})
