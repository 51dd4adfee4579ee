"""{% bound form "nilai" row.id as f %}: the bound field nilai_<id> of a form with per-row fields."""

from django import template

from kecamatan.models import Dokumen

register = template.Library()


@register.simple_tag
def bound(form, prefix, pk):
    if form is None:
        return None
    name = f"{prefix}_{pk}"
    return form[name] if name in form.fields else None


STATUS_LABEL = dict(Dokumen.Status.choices)
STATUS_CLASS = {"draft": "secondary", "diajukan": "primary", "diverifikasi": "success", "dikembalikan": "danger"}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASS.get(status, "secondary")


@register.filter
def status_label(status: str) -> str:
    """The Indonesian label of a document status code kept in the history ("draft" → "Draf")."""
    return STATUS_LABEL.get(status, status)


@register.simple_tag
def ringkasan_galat(*forms) -> list[dict]:
    """The fields with errors of a page's forms and formsets, in the forms' field order: the id to
    link to, a label that says which row (a grid field's aria-label, else its label) and the messages.
    Hidden fields (versi) are left out: their errors are the page's own (`_bentrok.html`)."""
    galat = []
    for form in forms:
        members = list(form) if hasattr(form, "management_form") else [form]
        for member in members:
            if not hasattr(member, "fields") or not member.is_bound or not member.errors:
                continue
            for name in member.fields:
                if name not in member.errors or member.fields[name].widget.is_hidden:
                    continue
                field = member[name]
                galat.append({"id": field.id_for_label, "label": field.field.widget.attrs.get("aria-label") or field.label,
                              "pesan": " ".join(str(e) for e in field.errors)})
    return galat
