from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kecamatan.core.forms import LoginForm

admin.site.site_header = "Admin SAKIP Kecamatan"
admin.site.site_title = "SAKIP Kecamatan"
admin.site.index_title = "Pengelolaan data kabupaten"

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(template_name="registration/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("", include("kecamatan.urls")),
]
