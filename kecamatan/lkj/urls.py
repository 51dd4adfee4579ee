"""URLs of the LKj entry pages of a year, mounted under renstra/<pk>/lkj/<tahun>/ in the kecamatan namespace."""

from django.urls import path

from kecamatan.lkj import views

urlpatterns = [
    path("", views.lkj_isian, name="lkj_isian"),
    path("pk/perubahan/buat/", views.lkj_pk_perubahan, name="lkj_pk_perubahan"),
    path("pk/<str:versi>/", views.lkj_pk, name="lkj_pk"),
    path("iku/", views.lkj_iku, name="lkj_iku"),
    path("pengaturan/", views.lkj_pengaturan, name="lkj_pengaturan"),
    path("pembanding/", views.lkj_pembanding, name="lkj_pembanding"),
    path("penandatangan/", views.lkj_penandatangan, name="lkj_penandatangan"),
]
