"""URLs of the Panduan (help) pages, mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.panduan import views

urlpatterns = [
    path("panduan/", views.panduan, name="panduan"),
    path("panduan/<str:peran>/", views.panduan, name="panduan_peran"),
]
