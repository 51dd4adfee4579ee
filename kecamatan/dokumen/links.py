"""Where a document's content is read and edited, for the workflow and Bappeda's pages."""

from __future__ import annotations

from django.urls import reverse

from kecamatan.models import Dokumen


def konten_url(dokumen: Dokumen) -> str:
    """Where the content of a document is read (and, for kecamatan staff, edited)."""
    if dokumen.jenis == Dokumen.Jenis.REALISASI:
        return reverse("kecamatan:realisasi", args=[dokumen.periode_id, dokumen.tahun, dokumen.triwulan])
    if dokumen.jenis == Dokumen.Jenis.RENSTRA:
        return reverse("kecamatan:renstra_susun", args=[dokumen.periode_id])
    if dokumen.jenis == Dokumen.Jenis.RENJA:
        return reverse("kecamatan:renja_detail", args=[dokumen.periode_id, dokumen.tahun])
    if dokumen.jenis == Dokumen.Jenis.LKJ:
        return reverse("kecamatan:lkj_isian", args=[dokumen.periode_id, dokumen.tahun])
    return reverse("kecamatan:renstra_detail", args=[dokumen.periode_id])
