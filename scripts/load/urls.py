"""Prints, as JSON, the pages each demo login views in scripts/load.sh's Locust mix (run with
`manage.py shell < scripts/load/urls.py` on a database loaded by muat_demo). Page views only: no PDF
or Excel download renders in the request."""

import json

from django.urls import reverse

from kecamatan.models import Periode


def pages(periode, tahun):
    pk = periode.pk
    return {
        "beranda": reverse("kecamatan:beranda"),
        "renstra": reverse("kecamatan:renstra_detail", args=[pk]),
        "tc27": reverse("kecamatan:tabel", args=[pk, "tc27"]),
        "triwulan": reverse("kecamatan:realisasi", args=[pk, tahun, 2]),
    }


def periode(nama):
    return Periode.objects.get(kecamatan__nama=nama, tahun_mulai=2024, demo=False)


randuagung, senduro, jatiroto = periode("Randuagung"), periode("Senduro"), periode("Jatiroto")
bappeda = pages(jatiroto, 2024) | {"perbandingan": reverse("kecamatan:perbandingan")}
print(json.dumps({
    "operator.randuagung": pages(randuagung, 2025),
    "camat.randuagung": pages(randuagung, 2025),
    "operator.senduro": pages(senduro, 2024),
    "operator.jatiroto": pages(jatiroto, 2024),
    "bappeda": bappeda,
}))
