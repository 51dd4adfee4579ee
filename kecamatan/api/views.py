"""The user's own "Token API" page (linked from the password change page): make a token (shown
once), see one's tokens with their expiry and last use, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kecamatan.api import tokens
from kecamatan.api.forms import TokenBaruForm


@login_required
def token_api(request):
    rahasia = None
    if request.method == "POST":
        form = TokenBaruForm(request.POST)
        if form.is_valid():
            _, rahasia = tokens.buat_token(request.user, form.cleaned_data["nama"],
                                           tokens.MASA_BERLAKU[form.cleaned_data["masa"]][1])
            form = TokenBaruForm()
    else:
        form = TokenBaruForm()
    return render(request, "kecamatan/api/token.html", {
        "form": form, "rahasia": rahasia, "tokens": tokens.token_milik(request.user), "now": timezone.now(),
    })


@login_required
@require_POST
def token_cabut(request, pk: int):
    token = tokens.cabut_token(request.user, pk)
    messages.success(request, f"Token \"{token.nama}\" dicabut: sistem yang memakainya tidak dapat masuk lagi.")
    return redirect("kecamatan:token_api")
