"""{% tabel_list "renja" as tabel_list %}: the official tables of a document kind, from the print
registry, for pages of features that sit below `cetak` and may not import it."""

from django import template

from kecamatan.cetak.registry import tables_for

register = template.Library()


@register.simple_tag
def tabel_list(dokumen: str):
    return tables_for(dokumen)
