"""Signing in and passwords: a user whose password was set by the admin kabupaten is sent to
Django's password change page until they choose their own; Django's password reset pages."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy

from kecamatan.core import access
from kecamatan.core.forms import LoginForm
from kecamatan.kelola import services

WAJIB_GANTI = "sakip_wajib_ganti_sandi"  # session key: set at sign-in, cleared once the password is changed


class MasukView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        profil = access.profil_of(form.get_user())
        if profil is not None and profil.wajib_ganti_sandi:
            self.request.session[WAJIB_GANTI] = True
            return redirect("password_change")
        return response


class GantiSandiView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.sandi_sudah_diganti(user=form.user)
        self.request.session.pop(WAJIB_GANTI, None)
        return response


class AturUlangSandiView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        services.sandi_sudah_diganti(user=form.user)
        return response


class WajibGantiSandiMiddleware:
    """Until a user with an admin-set password has changed it, every page sends them to the
    password change page (which, and signing out, stay open). Reads only the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(WAJIB_GANTI):
            terbuka = {reverse("password_change"), reverse("logout")}
            if request.path not in terbuka and request.user.is_authenticated:
                return redirect("password_change")
        return self.get_response(request)


KABUPATEN_PILIHAN = "kabupaten_pilihan"


class KabupatenPilihanMiddleware:
    """The kabupaten a superuser without a profile (the installation's technical admin) chose to
    work in on the Kelola page (`kelola_pilih_kabupaten`), set on the user for
    access.kabupaten_halaman. Reads only the session; others never have the key."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(KABUPATEN_PILIHAN) and request.user.is_authenticated:
            request.user.kabupaten_pilihan_id = session[KABUPATEN_PILIHAN]
        return self.get_response(request)
