"""The admin kabupaten's choice of layout per official table (kecamatan.tables.layout)."""

from __future__ import annotations

from django import forms

from kecamatan.core.forms import SidikMixin


class TataLetakForm(SidikMixin):
    """One radio group per table; `sidik` refuses a save made on top of someone else's."""

    def __init__(self, *args, specs, **kwargs):
        super().__init__(*args, **kwargs)
        self.specs = specs
        for spec in specs:
            self.fields[spec.name] = forms.ChoiceField(
                label=spec.label, widget=forms.RadioSelect,
                choices=[(layout.name, layout.describe()) for layout in spec.layouts.layouts],
            )
