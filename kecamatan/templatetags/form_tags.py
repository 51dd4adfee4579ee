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
