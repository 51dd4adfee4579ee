from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kecamatan.api.main import api
from kecamatan.kelola.views_akun import AturUlangSandiView, GantiSandiView, MasukView

admin.site.site_header = "Admin SAKIP Kecamatan"
admin.site.site_title = "SAKIP Kecamatan"
admin.site.index_title = "Pengelolaan data kabupaten"

urlpatterns = [
    path("masuk/", MasukView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    # passwords: a change (compulsory after an admin-set password) and Django's reset by e-mail
    path("sandi/ganti/", GantiSandiView.as_view(), name="password_change"),
    path("sandi/ganti/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("sandi/lupa/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("sandi/lupa/terkirim/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("sandi/atur/<uidb64>/<token>/", AturUlangSandiView.as_view(), name="password_reset_confirm"),
    path("sandi/atur/selesai/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),  # the API (issue 20): kecamatan/api/
    path("", include("kecamatan.urls")),
]
