from django.urls import include, path, re_path

from . import views

app_name = "kecamatan"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("renstra/<int:pk>/", views.renstra_detail, name="renstra_detail"),
    path("renstra/<int:pk>/tabel/<slug:name>/", views.tabel, name="tabel"),
    re_path(r"^renstra/(?P<pk>\d+)/tabel/(?P<name>[\w-]+)\.(?P<fmt>pdf|xlsx)$", views.tabel_unduh, name="tabel_unduh"),
    path("renstra/<int:pk>/renja/<int:tahun>/", include("kecamatan.renja.urls")),
]
