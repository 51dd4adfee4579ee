"""Template filters that print numbers the Indonesian way: {{ x|rupiah }}, {{ x|persen }},
{{ x|angka:2 }}, {{ x|nilai }}, {{ x|isian }} (screens: "belum diisi" when nothing entered), {{ d|tanggal }}.
Never print a number bare."""

from decimal import Decimal

from django import template
from django.utils.html import format_html

from kecamatan.core import formatting

register = template.Library()


@register.filter
def rupiah(value):
    return formatting.format_rupiah(value)


@register.filter
def persen(value, places=2):
    return formatting.format_persen(value, int(places))


@register.filter
def angka(value, places=None):
    if value is None or value == "":
        return formatting.EMPTY
    return formatting.format_number(Decimal(value), None if places is None else int(places))


@register.filter
def nilai(value, places=None):
    """A Nilai (value + label) or a plain Decimal."""
    if isinstance(value, formatting.Nilai):
        return formatting.format_nilai(value, None if places is None else int(places))
    return angka(value, places)


@register.filter
def isian(value, places=None):
    """An entered value on a screen: like `nilai`, but nothing entered shows a muted "belum diisi",
    so it differs from a "-" someone typed. Official prints keep `nilai` (empty is "-" there)."""
    if formatting.belum_diisi(value):
        return format_html('<span class="belum-diisi text-muted fst-italic">{}</span>', formatting.BELUM_DIISI)
    return nilai(value, places)


@register.filter
def tanggal(value, hanya_bulan=False):
    return formatting.format_tanggal(value, bool(hanya_bulan))


@register.filter
def get_item(mapping, key):
    """{{ totals|get_item:node.key }}: dictionary lookup with a variable key."""
    if mapping is None:
        return None
    return mapping.get(key)
