"""The app's URLs, in the kecamatan namespace: each feature's own urls.py, mounted here."""

from django.urls import include, path

from kecamatan.beranda import views as beranda
from kecamatan.beranda import views_antrian

app_name = "kecamatan"

urlpatterns = [
    path("", beranda.beranda, name="beranda"),
    path("renstra/<int:pk>/", beranda.renstra_detail, name="renstra_detail"),
    path("antrian/", views_antrian.antrian, name="antrian"),  # Bappeda's work list (issue 19)
    path("renstra/<int:pk>/renja/<int:tahun>/", include("kecamatan.renja.urls")),
    path("renstra/<int:pk>/naskah/<str:kunci>/", include("kecamatan.naskah.urls")),
    path("renstra/<int:pk>/lkj/<int:tahun>/", include("kecamatan.lkj.urls")),
    path("renstra/<int:pk>/", include("kecamatan.renstra.urls_isian")),
    path("", include("kecamatan.cetak.urls")),
    path("", include("kecamatan.renstra.urls")),
    path("", include("kecamatan.realisasi.urls")),
    path("", include("kecamatan.workflow.urls")),
    path("", include("kecamatan.checks.urls")),
    path("", include("kecamatan.importing.urls")),
    path("", include("kecamatan.perbandingan.urls")),
    path("", include("kecamatan.ekspor.urls")),  # the kabupaten-year ZIP of CSV files (issue 20)
    path("", include("kecamatan.katalog.urls")),
    path("", include("kecamatan.kelola.urls")),
    path("", include("kecamatan.cari.urls")),
    path("", include("kecamatan.panduan.urls")),
    path("", include("kecamatan.api.urls")),  # the user's Token API page (issue 20)
]
