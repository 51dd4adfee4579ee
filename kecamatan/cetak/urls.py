"""URLs of official tables on screen and their PDF and Excel downloads. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path, re_path

from kecamatan.cetak import views

urlpatterns = [
    path("renstra/<int:pk>/tabel/<slug:name>/", views.tabel, name="tabel"),
    re_path(r"^renstra/(?P<pk>\d+)/tabel/(?P<name>[\w-]+)\.(?P<fmt>pdf|xlsx)$", views.tabel_unduh, name="tabel_unduh"),
]
