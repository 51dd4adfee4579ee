"""The API (issue 20): django-ninja, mounted at /api/ by sakip/urls.py, its OpenAPI document at
/api/openapi.json and its docs page at /api/docs (swagger-ui from ninja's own static files, no CDN).

Every request acts as a user (token or, for reads, the signed-in session) and sees exactly what the
pages show that user (`core.access`); a rate limit per user keeps one system from crowding out
the others."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled
from ninja.throttling import AuthRateThrottle

from kecamatan.api import routes_dokumen, routes_realisasi, routes_rencana, routes_tabel, routes_wilayah
from kecamatan.api.auth import BACA

# requests per user: a sync of a whole kecamatan-year takes a few dozen; settings may change it
BATAS = getattr(settings, "SAKIP_API_BATAS", "120/m")
PEMBATAS = AuthRateThrottle(BATAS)  # counted per user in the default cache (the database: shared by every worker)

api = NinjaAPI(
    title="API SAKIP Kecamatan",
    version="1",
    description=(
        "Data Renstra, Renja, realisasi triwulan, dokumen dan setiap tabel resmi, dengan hak akses yang sama "
        "seperti halaman aplikasi. Masuk dengan token pribadi (halaman Token API) di header "
        "`Authorization: Bearer sakip_…`. Angka dan rupiah berupa string desimal. Daftar berhalaman "
        "(`limit`, `offset`) dengan urutan tetap."
    ),
    auth=BACA,
    throttle=[PEMBATAS],
    urls_namespace="api",
    docs_url="/docs",
)

for module in (routes_wilayah, routes_rencana, routes_dokumen, routes_tabel, routes_realisasi):
    api.add_router("/", module.router)


@api.exception_handler(Http404)
def tidak_ditemukan(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Tidak ditemukan."}, status=404)


@api.exception_handler(AuthenticationError)
def tidak_masuk(request, exc):
    return api.create_response(
        request, {"detail": "Token tidak sah, sudah dicabut, atau kedaluwarsa (Authorization: Bearer …)."}, status=401)


@api.exception_handler(Throttled)
def terlalu_sering(request, exc):
    response = api.create_response(
        request, {"detail": f"Terlalu banyak permintaan (batas {BATAS}). Coba lagi sebentar lagi."}, status=429)
    if exc.wait:
        response["Retry-After"] = str(int(exc.wait) + 1)
    return response
