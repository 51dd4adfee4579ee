"""Helpers shared by the views: scoping objects to the user's kecamatan (404 outside it)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from kecamatan.core import access
from kecamatan.core.access import periode_of
from kecamatan.core.errors import Bentrok
from kecamatan.models import Periode


def scoped(user, queryset, pk: int):
    """The object and its Renstra period, or 404 when either is outside the user's scope."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404("Data tidak ditemukan.")
    periode = access.get_periode_for(user, periode_of(obj).pk)
    return obj, periode


def require_edit(user, periode: Periode) -> None:
    if not access.can_edit(user, periode):
        raise PermissionDenied("Hanya operator dan Camat kecamatan ini yang dapat mengubah data.")


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


def add_service_error(form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: each message at its field when the form has
    that field, otherwise at the top of the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def save_or_errors(request, form, save, success: str, back: str):
    """Run the service of a valid form: the redirect to `back` with `success`, or None with the
    service's errors (and a concurrent save's conflict) on the form."""
    try:
        save()
    except Bentrok as exc:
        form.add_error(None, exc.pesan)
    except ValidationError as exc:
        add_service_error(form, exc)
    else:
        messages.success(request, success)
        return redirect(back)
    return None


def with_anchor(url: str, anchor: str | None) -> str:
    """`url#anchor`: after a save, back to the row the user was on (its id on the page)."""
    return f"{url}#{anchor}" if anchor else url


def changed_row(form, row_of) -> str | None:
    """The anchor of the last row (in the form's field order, top to bottom of the page) whose fields
    the user changed; `row_of(field name)` gives a field's row anchor or None."""
    rows = [row for name in form.changed_data if (row := row_of(name))]
    return rows[-1] if rows else None
