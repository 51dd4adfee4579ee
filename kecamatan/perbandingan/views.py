"""Bappeda's comparison of every kecamatan of the kabupaten: matrix, absorption, completeness,
trend, each with PDF and Excel downloads of the same Reports. Bappeda and admin only: anyone else
gets 404, as for any page outside their scope."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

from kecamatan.core import access
from kecamatan.core.kunci import TW_ROMAWI
from kecamatan.perbandingan.data import URUT_PILIHAN, Pilihan
from kecamatan.perbandingan.registry import PER_HALAMAN, produce_kabupaten
from kecamatan.perbandingan.rules import triwulan_terakhir
from kecamatan.perbandingan.selectors import tahun_tersedia
from kecamatan.perbandingan.tables.common import pilihan_indikator
from kecamatan.tables.render_html import render_charts, render_table_html

HALAMAN = {  # page → (URL name, tab label)
    "matriks": ("kecamatan:perbandingan", "Matriks capaian"),
    "penyerapan": ("kecamatan:perbandingan_penyerapan", "Penyerapan anggaran"),
    "kelengkapan": ("kecamatan:perbandingan_kelengkapan", "Kelengkapan & ketepatan waktu"),
    "tren": ("kecamatan:perbandingan_tren", "Tren kecamatan"),
}


def _kabupaten(request):
    """The user's own kabupaten; `?kabupaten=` (slug or kode) chooses one for a superuser only.
    Kecamatan staff and any other kabupaten: 404."""
    kabupaten = access.kabupaten_halaman(request.user, request.GET.get("kabupaten"))
    if kabupaten is None:
        raise Http404("Halaman tidak ditemukan.")
    return kabupaten


def _int(raw, default):
    try:
        return int(raw)
    except (TypeError, ValueError):
        return default


def _pilihan(request, years: list[int]) -> Pilihan:
    """The choices of the query string; anything missing or unknown falls back to the latest
    triwulan that has ended, within the years some kecamatan has a Renstra for."""
    today = timezone.localdate()
    tahun, tw = triwulan_terakhir(today)
    if years and tahun not in years:
        tahun, tw = (years[-1], 4) if tahun > years[-1] else (years[0], 1)
    tahun = _int(request.GET.get("tahun"), tahun)
    if years and tahun not in years:
        raise Http404("Tidak ada Renstra kecamatan untuk tahun itu.")
    tw = _int(request.GET.get("triwulan"), tw)
    if tw not in TW_ROMAWI:
        raise Http404("Triwulan harus 1 sampai 4.")
    urut = request.GET.get("urut", "nama")
    if urut not in URUT_PILIHAN and not (urut[:1] == "k" and urut[1:].isdigit()):
        urut = "nama"
    return Pilihan(
        tahun=tahun, triwulan=tw, hari_ini=today, program=request.GET.get("program", "").strip(),
        indikator=request.GET.get("indikator", "").strip(), kecamatan=request.GET.get("kecamatan", "").strip(),
        urut=urut, turun=request.GET.get("arah") == "turun",
    )


def _query(request, **changes) -> str:
    q: QueryDict = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            q.pop(key, None)
        else:
            q[key] = value
    return "?" + q.urlencode() if q else "?"


def _urutan(request, halaman: str, pilihan: Pilihan, kolom) -> list[dict]:
    """Sort links shown above the table (server-side, so the PDF and Excel keep the order)."""
    options = [("nama", "Kecamatan A–Z", False)]
    if halaman == "matriks":
        options += [("capaian", "Rata-rata capaian tertinggi", True), ("capaian", "terendah", False)]
        if not pilihan.indikator:  # with one indicator chosen, its capaian is the mean
            options += [(f"k{i}", f"Capaian {label}", True) for i, (_, label) in enumerate(kolom)]
    elif halaman == "penyerapan":
        options += [("penyerapan", "Penyerapan tertinggi", True), ("penyerapan", "terendah", False),
                    ("capaian", "Capaian tertinggi", True), ("efisiensi", "Efisiensi tertinggi", True)]
    elif halaman == "kelengkapan":
        options += [("terlambat", "Paling sering terlambat", True)]
    return [
        {"label": label, "url": _query(request, urut=key, arah="turun" if turun else None),
         "aktif": pilihan.urut == key and pilihan.turun == turun}
        for key, label, turun in options
    ]


def _page(request, halaman: str):
    kabupaten = _kabupaten(request)
    years = tahun_tersedia(kabupaten)
    pilihan = _pilihan(request, years)
    laporan = PER_HALAMAN[halaman]
    data = laporan.fetch(kabupaten, pilihan)
    reports = laporan.build_from(data)
    kolom = pilihan_indikator(data) if halaman != "kelengkapan" else []
    keep = _query(request, urut=None, arah=None)  # filters travel between tabs, sorting does not
    tabs = [{"label": label, "url": reverse(name) + keep, "aktif": key == halaman}
            for key, (name, label) in HALAMAN.items()]
    unduh_url = {fmt: reverse("kecamatan:perbandingan_unduh", args=[halaman, fmt]) + _query(request)
                 for fmt in ("pdf", "xlsx")}
    return render(request, "kecamatan/perbandingan/halaman.html", {
        "kabupaten": kabupaten, "halaman": halaman, "judul": HALAMAN[halaman][1], "tabs": tabs, "pilihan": pilihan,
        "tw_romawi": TW_ROMAWI[pilihan.triwulan], "years": years, "triwulan_list": list(TW_ROMAWI.items()),
        "program_list": data.program, "indikator_list": kolom,
        "kecamatan_list": [(k.slug, k.nama_tampil) for k in data.kecamatan if k.periode_id],
        "urutan": _urutan(request, halaman, pilihan, kolom),
        "sections": [{"report": r, "charts": [mark_safe(c) for c in render_charts(r)],
                      "table": mark_safe(render_table_html(r, links=True))} for r in reports],
        "ada_demo": any(k.demo for k in data.kecamatan) or kabupaten.demo,
        "tenggat": data.tenggat.keterangan() if halaman == "kelengkapan" else (),
        "unduh_url": unduh_url,
    })


@login_required
def matriks(request):
    return _page(request, "matriks")


@login_required
def penyerapan(request):
    return _page(request, "penyerapan")


@login_required
def kelengkapan(request):
    return _page(request, "kelengkapan")


@login_required
def tren(request):
    return _page(request, "tren")


@login_required
def unduh(request, halaman: str, fmt: str):
    kabupaten = _kabupaten(request)
    if halaman not in PER_HALAMAN:
        raise Http404("Halaman tidak dikenal.")
    pilihan = _pilihan(request, tahun_tersedia(kabupaten))
    out = produce_kabupaten(PER_HALAMAN[halaman].name, kabupaten=kabupaten, pilihan=pilihan, fmt=fmt)
    response = HttpResponse(out.content, content_type=out.content_type)
    response["Content-Disposition"] = content_disposition_header(True, out.filename)  # a name with a quote or CR stays one header
    return response
