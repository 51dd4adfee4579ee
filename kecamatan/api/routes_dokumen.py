"""A Renstra's documents (Renstra, Renja, realisasi TW I-IV, LKj per year) with their status, and
one document's timeline (Riwayat) as the document page shows it."""

from __future__ import annotations

from django.http import Http404
from ninja import Router

from kecamatan.api.common import periode_for
from kecamatan.api.schemas import DokumenDetailOut, DokumenOut
from kecamatan.dokumen import selectors

router = Router(tags=["Dokumen"])


def _dokumen(d) -> dict:
    return {"kunci": d.kunci, "jenis": d.jenis, "tahun": d.tahun, "triwulan": d.triwulan, "judul": d.judul,
            "status": d.status, "status_label": d.get_status_display(), "versi": d.versi}


@router.get("/periode/{int:pk}/dokumen/", response=list[DokumenOut], url_name="dokumen_list")
def dokumen_list(request, pk: int):
    """Semua dokumen periode dalam urutan tetap (Renstra, lalu per tahun Renja, TW I-IV, LKj),
    juga yang belum pernah disimpan (versi 0, Draf)."""
    return [_dokumen(d) for d in selectors.dokumen_periode(periode_for(request, pk))]


@router.get("/periode/{int:pk}/dokumen/{kunci}/", response=DokumenDetailOut, url_name="dokumen_detail")
def dokumen_detail(request, pk: int, kunci: str):
    """Satu dokumen dengan riwayatnya (terlama dahulu): siapa, kapan, aksi, versi, perubahan."""
    dokumen = selectors.dokumen_for(periode_for(request, pk), kunci)
    if dokumen is None:
        raise Http404("Dokumen tidak ditemukan.")
    riwayat = [{
        "waktu": r.waktu.isoformat(), "aksi": r.aksi, "aksi_label": r.get_aksi_display(),
        "oleh": r.oleh.username if r.oleh else None, "dari_status": r.dari_status, "ke_status": r.ke_status,
        "versi": r.versi, "catatan": r.catatan, "perubahan": r.perubahan,
    } for r in selectors.riwayat_dokumen(dokumen)]
    return {**_dokumen(dokumen), "riwayat": riwayat}
