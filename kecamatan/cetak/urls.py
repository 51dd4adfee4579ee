"""URLs of official tables on screen, their PDF and Excel downloads and the background prints' pages. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path, re_path

from kecamatan.cetak import views, views_cetakan, views_tataletak

urlpatterns = [
    path("renstra/<int:pk>/tabel/<slug:name>/", views.tabel, name="tabel"),
    path("tata-letak/", views_tataletak.tata_letak, name="tata_letak"),
    path("cetakan/<int:pk>/", views_cetakan.cetakan, name="cetakan"),
    path("cetakan/<int:pk>/unduh.pdf", views_cetakan.cetakan_unduh, name="cetakan_unduh"),
    path("cetakan/<int:pk>/ulang/", views_cetakan.cetakan_ulang, name="cetakan_ulang"),
    re_path(r"^renstra/(?P<pk>\d+)/tabel/(?P<name>[\w-]+)\.(?P<fmt>pdf|xlsx)$", views.tabel_unduh, name="tabel_unduh"),
]
