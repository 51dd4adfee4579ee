"""Query counts of the API, pinned per endpoint and the same at 1 and at many rows (issue 20)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from kecamatan import models as m
from kecamatan.api.tokens import buat_token
from tests.factories import PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db

# every request: the token with its user (1) and the rate limit's cache read and write (6: get, count for
# culling, savepoint, select, update, release), PER_REQUEST; then the endpoint's own reads, the caller's
# profile (access.profil_of, 1) first wherever access is asked
PER_REQUEST = 7
ENDPOINTS = {  # URL (periode pk filled in) → the endpoint's own queries
    "/api/periode/": 3,  # profile, count, page
    "/api/kecamatan/": 3,
    "/api/kabupaten/": 3,
    "/api/periode/{pk}/": 2,  # profile, the period
    "/api/periode/{pk}/cascade/": 8,  # profile, the period, 6
    "/api/periode/{pk}/indikator/": 6,  # profile, the period, count, page, targets, realisasi
    "/api/periode/{pk}/subkegiatan/": 6,  # profile, the period, count, page, pagu, Rp
    "/api/periode/{pk}/dokumen/": 3,  # profile, the period, the documents
    "/api/periode/{pk}/dokumen/realisasi-2024-1/": 3,  # profile, the period, the document (no Riwayat yet)
    "/api/periode/{pk}/realisasi/2024/1/": 14,  # profile, the period, the document, the grid's 11
    "/api/periode/{pk}/tabel/tc27/": 13,  # profile, the period, T-C.27's 11 (as its page)
    "/api/tabel/": 0,  # the registry, no database
}


def _world(n: int):
    kabupaten = None
    periodes = []
    for i in range(n):
        periode = PeriodeFactory() if kabupaten is None else PeriodeFactory(kecamatan__kabupaten=kabupaten)
        kabupaten = periode.kecamatan.kabupaten
        periodes.append(periode)
    build_cascade(periodes[0], n_sub=n)
    for sub in m.SubKegiatan.objects.filter(kegiatan__program__periode=periodes[0]):
        m.RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=1, jumlah=Decimal(5))
    for ind in m.Indikator.objects.filter(periode=periodes[0]):
        m.Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=1, nilai=Decimal(1))
    user = user_with_role(f"bappeda{n}", m.Peran.VERIFIKATOR, kabupaten=kabupaten)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {buat_token(user, 'uji', 30)[1]}")
    client.get("/api/tabel/")  # the token's first use is recorded (once a minute), not measured here
    return periodes[0], client


@pytest.mark.parametrize("n", [1, 25])
def test_query_counts_are_pinned_and_do_not_grow_with_rows(n):
    periode, client = _world(n)
    counts = {}
    for url in ENDPOINTS:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url.format(pk=periode.pk), {"limit": 100})
        assert response.status_code == 200, (url, response.content)
        counts[url] = len(ctx.captured_queries) - PER_REQUEST
        body = response.json()
        if url.endswith("/indikator/"):
            assert body["count"] == n + 2 and len(body["items"]) == n + 2
        if url.endswith("/subkegiatan/"):
            assert body["count"] == n and all(len(s["pagu"]) == 3 and s["realisasi"] for s in body["items"])
        if url == "/api/periode/":
            assert body["count"] == n
    assert counts == ENDPOINTS, str(counts)
