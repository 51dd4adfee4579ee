"""URL of the search page, mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.cari import views

urlpatterns = [
    path("cari/", views.cari, name="cari"),
]
