"""Form fields for numbers and labelled values typed the Indonesian way."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .formatting import Nilai, format_nilai, format_number, format_rupiah, parse_nilai, parse_number


class AngkaField(forms.DecimalField):
    """Takes 1.500.000,50 / Rp 1.500.000 / 1500000,5; rejects the ambiguous 1.5."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})  # a number input refuses "1.500,5"

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                value = parse_number(value)
            except ValueError as exc:  # parse_number says what is wrong and what to type, in Indonesian
                raise ValidationError(str(exc)) from None
        return super().to_python(value)

    def prepare_value(self, value):  # render what to_python accepts, so forms round-trip
        return format_number(value, self.decimal_places) if isinstance(value, Decimal) else value


class NilaiField(forms.CharField):
    """A target or realisasi as people write it: 84,31 / 62 (B-) / N/A / - ; cleaned to a `Nilai`
    (an empty input is an empty Nilai)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        try:
            return parse_nilai(text)
        except ValueError as exc:
            raise ValidationError(f"{exc} Contoh: 84,31 atau 62 (B-) atau N/A.") from None

    def validate(self, value):
        if self.required and value.is_empty:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        return  # max_length applies to the text, checked on input by the widget

    def prepare_value(self, value):
        if isinstance(value, Nilai):
            return "" if value.is_empty else format_nilai(value)
        return value


class RupiahField(AngkaField):
    """Rupiah, whole or with cents, never negative; shown back as 1.500.000."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_rupiah(value)
        return value
