"""Form fields for numbers typed the Indonesian way: AngkaField (1.500.000,50 / Rp 1.500.000 / 84%)
and NilaiField (a value that may carry a label: 62 (B-), N/A). Both print back what they read."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from kecamatan.core.formatting import (
    NULL_RUPIAH,
    Nilai,
    format_nilai,
    format_number,
    format_rupiah,
    parse_nilai,
    parse_number,
)
from kecamatan.core.rentang import Rentang

# static/kecamatan/app.css makes an input with these attributes wide enough for 1.267.300.839.000; an attribute,
# not a class, so that a form setting the widget's class afterwards keeps it
RUPIAH_ATTRS = {"data-isian": "rupiah"}


class AngkaField(forms.DecimalField):
    """Takes 1.500.000,50 / Rp 1.500.000 / 1500000,5; rejects the ambiguous 1.5."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})  # a number input refuses "1.500,5"
    default_error_messages = {
        "invalid": "Format angka tidak dikenali. Contoh: 1.500.000,50",
        "max_digits": "Angka terlalu panjang: paling banyak %(max)s digit.",
        "max_decimal_places": "Paling banyak %(max)s angka di belakang koma.",
        "max_whole_digits": "Angka terlalu besar: paling banyak %(max)s digit sebelum koma.",
    }

    def __init__(self, *args, min_value_message: str | None = None, dash_empty: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.dash_empty = dash_empty  # "-" typed for an absent figure (a volume): read as empty
        if min_value_message:
            for validator in self.validators:
                if getattr(validator, "code", "") == "min_value":
                    validator.message = min_value_message

    def widget_attrs(self, widget):
        """Every number input opens the phone's numeric keypad, whatever widget a form passes."""
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs["inputmode"] = "decimal"
        return attrs

    def to_python(self, value):
        if self.dash_empty and isinstance(value, str) and value.strip() in NULL_RUPIAH:
            return None
        if isinstance(value, str) and value.strip():
            try:
                value = parse_number(value)
            except ValueError as exc:
                raise ValidationError(f"Format angka tidak dikenali ({exc}).", code="invalid") from None
        return super().to_python(value)

    def prepare_value(self, value):  # render what to_python accepts, so forms round-trip
        if not isinstance(value, Decimal):
            return value
        if value == value.to_integral_value():
            return format_number(value, 0)
        return format_number(value, 2 if self.decimal_places == 2 else None)  # Rp keeps its cents: 1.500.000,50


class NilaiField(forms.CharField):
    """A measured value: "84,31", "62 (B-)", "N/A", "-". Cleans to a `Nilai`; empty → `Nilai()`.
    With `rentang` (the indicator's valid range, `Indikator.rentang`) a number outside it is refused
    at the field, named as `peran` ("Target 2025", "Realisasi").
    No inputmode="decimal": a phone's decimal keypad has no letters, and N/A or B- must be typed."""

    widget = forms.TextInput(attrs={"autocomplete": "off"})

    def __init__(self, *args, max_digits: int = 18, decimal_places: int = 4, rentang: Rentang | None = None,
                 peran: str = "", **kwargs):
        kwargs.setdefault("required", False)
        self.max_digits, self.decimal_places = max_digits, decimal_places
        self.rentang, self.peran = rentang, peran
        super().__init__(*args, **kwargs)

    def to_python(self, value) -> Nilai:
        if isinstance(value, Nilai):
            return value
        text = super().to_python(value)
        try:
            nilai = parse_nilai(text)
        except ValueError as exc:
            raise ValidationError(f"{exc}", code="invalid") from None
        if nilai.nilai is not None:
            sign, digits, exponent = nilai.nilai.as_tuple()
            places = max(0, -exponent)
            if places > self.decimal_places:
                raise ValidationError(f"Paling banyak {self.decimal_places} angka di belakang koma.", code="invalid")
            if len(digits) - places > self.max_digits - self.decimal_places:
                raise ValidationError("Angka terlalu besar.", code="invalid")
        if len(nilai.label) > 30:
            raise ValidationError("Keterangan nilai paling banyak 30 huruf, contoh N/A atau B-.", code="invalid")
        return nilai

    def validate(self, value: Nilai) -> None:
        if self.required and value.is_empty:
            raise ValidationError(self.error_messages["required"], code="required")
        if self.rentang is not None:
            masalah = self.rentang.masalah(value, self.peran or str(self.label or "Nilai"))
            if masalah:
                raise ValidationError(masalah, code="rentang")

    def prepare_value(self, value):
        if isinstance(value, Nilai):
            return "" if value.is_empty else format_nilai(value)
        return value


class RupiahField(AngkaField):
    """Rupiah, whole or with cents, never negative; shown back as 1.500.000. "-" means nothing
    planned: 0, as the Excel import reads a Rp cell (`importing.cells.read_rupiah`, tables.md §0.4)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        """Wide enough for a 13-digit amount with its dots (RUPIAH_ATTRS), whatever widget a form passes."""
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs.update(RUPIAH_ATTRS)
        return attrs

    def to_python(self, value):
        if isinstance(value, str) and value.strip() in NULL_RUPIAH:
            return Decimal(0)
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_rupiah(value)
        return value
