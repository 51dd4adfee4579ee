"""The admin kabupaten's choice of layout per table (kecamatan.tables.layout): what every kecamatan
of the kabupaten prints, unless a document was submitted with another (kecamatan.dokumen.tataletak)."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction

from kecamatan.cetak.registry import TABLES, TableSpec
from kecamatan.core import asal
from kecamatan.models import Kabupaten, PilihanTataLetak


def tables_with_layouts() -> list[TableSpec]:
    return [spec for spec in TABLES.values() if spec.layouts is not None]


def pilihan_of(kabupaten: Kabupaten) -> dict[str, str]:
    """{table: layout} as it prints now: the choice, else the default."""
    chosen = dict(PilihanTataLetak.objects.filter(kabupaten=kabupaten).values_list("tabel", "tata_letak"))
    return {spec.name: chosen.get(spec.name) or spec.layouts.default.name for spec in tables_with_layouts()}


def sidik(pilihan: Mapping[str, str]) -> str:
    """A fingerprint of the choices a form was shown, to refuse a save made on top of someone else's."""
    return asal.sidik(*sorted(pilihan.items()))


@transaction.atomic
def simpan_pilihan(kabupaten: Kabupaten, pilihan: Mapping[str, str], *, sidik_awal: str) -> list[str]:
    """Store the layout of every table; refused  if the choices changed since the form
    was shown (ValidationError). Returns the tables whose layout changed."""
    Kabupaten.objects.select_for_update().filter(pk=kabupaten.pk).first()  # one save at a time
    sekarang = pilihan_of(kabupaten)
    if sidik(sekarang) != sidik_awal:
        raise ValidationError("Pilihan TIDAK disimpan: tata letak baru saja diubah orang lain sejak halaman ini "
                              "Anda buka. Halaman di bawah menampilkan pilihan terbaru; pilih lagi bila perlu.")
    berubah = []
    for spec in tables_with_layouts():
        name = pilihan.get(spec.name) or spec.layouts.default.name
        spec.layouts.get(name)  # KeyError for a name the table does not know
        if sekarang[spec.name] != name:
            berubah.append(spec.name)
        PilihanTataLetak.objects.update_or_create(kabupaten=kabupaten, tabel=spec.name,
                                                  defaults={"tata_letak": name})
    return berubah
