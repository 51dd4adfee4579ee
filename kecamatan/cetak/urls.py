"""URLs of official tables on screen and their PDF and Excel downloads. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path, re_path

from kecamatan.cetak import views, views_tataletak

urlpatterns = [
    path("renstra/<int:pk>/tabel/<slug:name>/", views.tabel, name="tabel"),
    path("tata-letak/", views_tataletak.tata_letak, name="tata_letak"),
    re_path(r"^renstra/(?P<pk>\d+)/tabel/(?P<name>[\w-]+)\.(?P<fmt>pdf|xlsx)$", views.tabel_unduh, name="tabel_unduh"),
]
