"""The user's Token API page. Mounted in the kecamatan namespace by kecamatan/urls.py; the API itself
is mounted at /api/ by sakip/urls.py (kecamatan/api/main.py)."""

from django.urls import path

from kecamatan.api import views

urlpatterns = [
    path("akun/token/", views.token_api, name="token_api"),
    path("akun/token/<int:pk>/cabut/", views.token_cabut, name="token_cabut"),
]
