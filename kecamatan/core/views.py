"""Helpers shared by the views: scoping objects to the user's kecamatan (404 outside it)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from kecamatan.core import access, asal
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


def gabung_bentrok(form, exc: Bentrok, make):
    """The page again after a refused save (`Bentrok`), merged instead of retyped (core/asal.py):
    `make(data, segar=True)` builds the form (and its formsets, `form.ikut`) from what is stored now
    (`segar`: read again, not what the request loaded), bound to `data` when given. The merged form
    carries the new versi/sidik and asal."""
    fresh = make(None, segar=True)
    data, konflik, db = asal.gabung([form, *form.ikut], [fresh, *fresh.ikut], form.asal_dimuat)
    for name in fresh.fields:
        if asal.kunci(name) and name != "asal":
            data[name] = str(fresh[name].value())
    data["asal"] = asal.tanda(db, [k.name for k in konflik])
    merged = make(data, segar=True)
    merged.bentrok, merged.konflik = exc, konflik
    merged.full_clean()
    # the merge's own message replaces "pick a value" (it says so itself) and comes first
    merged.errors[NON_FIELD_ERRORS] = merged.error_class([exc.pesan_gabung(len(konflik))], error_class="nonfield")
    return merged


def simpan_form(request, form, save, *, success: str, back: str, make=None):
    """Run the service of a valid form: (the redirect to `back` with `success`, form), or (None,
    form) with the service's errors on the form; after a concurrent save (`Bentrok`) the form is
    merged with what is stored now when `make` builds it (see `gabung_bentrok`). `back` may be a
    function of what `save` returned (the anchor of a row the save created)."""
    try:
        saved = save()
    except Bentrok as exc:
        if make is None or not hasattr(form, "asal_dimuat"):
            form.bentrok = exc
            form.add_error(None, exc.pesan)
            return None, form
        return None, gabung_bentrok(form, exc, make)
    except ValidationError as exc:
        add_service_error(form, exc)
    else:
        messages.success(request, success)
        return redirect(back(saved) if callable(back) else back), form
    return None, form


def save_or_errors(request, form, save, success: str, back: str):
    """Run the service of a valid form: the redirect to `back` with `success`, or None with the
    service's errors (and a concurrent save's conflict) on the form."""
    return simpan_form(request, form, save, success=success, back=back)[0]


def with_anchor(url: str, anchor: str | None) -> str:
    """`url#anchor`: after a save, back to the row the user was on (its id on the page)."""
    return f"{url}#{anchor}" if anchor else url


def changed_row(form, row_of) -> str | None:
    """The anchor of the last row (in the form's field order, top to bottom of the page) whose fields
    the user changed; `row_of(field name)` gives a field's row anchor or None."""
    rows = [row for name in form.changed_data if (row := row_of(name))]
    return rows[-1] if rows else None
