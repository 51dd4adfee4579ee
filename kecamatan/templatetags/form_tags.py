"""{% bound form "nilai" row.id as f %}: the bound field nilai_<id> of a form with per-row fields."""

from django import template

register = template.Library()


@register.simple_tag
def bound(form, prefix, pk):
    if form is None:
        return None
    name = f"{prefix}_{pk}"
    return form[name] if name in form.fields else None


STATUS_CLASS = {"draft": "secondary", "diajukan": "primary", "diverifikasi": "success", "dikembalikan": "danger"}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASS.get(status, "secondary")
