from django.urls import path

from kecamatan.kelola import views, views_wilayah

urlpatterns = [
    path("kelola/", views.kelola, name="kelola"),
    path("kelola/pilih-kabupaten/", views.pilih_kabupaten, name="kelola_pilih_kabupaten"),
    path("kelola/pengguna/", views.pengguna, name="kelola_pengguna"),
    path("kelola/pengguna/terkunci/", views.terkunci, name="kelola_terkunci"),
    path("kelola/pengguna/terkunci/buka/", views.buka_kunci, name="kelola_buka_kunci"),
    path("kelola/pengguna/tambah/", views.pengguna_tambah, name="kelola_pengguna_tambah"),
    path("kelola/pengguna/<int:pk>/", views.pengguna_ubah, name="kelola_pengguna_ubah"),
    path("kelola/pengguna/<int:pk>/aktif/", views.pengguna_aktif, name="kelola_pengguna_aktif"),
    path("kelola/kabupaten/", views_wilayah.kabupaten, name="kelola_kabupaten"),
    path("kelola/kabupaten/skala/", views_wilayah.skala, name="kelola_skala"),
    path("kelola/kecamatan/<int:pk>/", views_wilayah.kecamatan_ubah, name="kelola_kecamatan"),
    path("kelola/kecamatan/<int:pk>/periode/", views_wilayah.periode, name="kelola_periode"),
    path("kelola/kecamatan/<int:pk>/mulai-asli/", views_wilayah.mulai_asli, name="kelola_mulai_asli"),
]
