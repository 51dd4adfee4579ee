"""AngkaField and NilaiField read numbers typed the Indonesian way and print them back the same way."""

from decimal import Decimal as D

import pytest
from django import forms
from django.core.exceptions import ValidationError

from kecamatan.core.fields import AngkaField, NilaiField
from kecamatan.core.formatting import Nilai


@pytest.mark.parametrize("typed, value", [
    ("1.500.000,50", D("1500000.50")), ("Rp 1.500.000", D(1500000)), ("84%", D(84)), ("1500000,5", D("1500000.5")),
    ("  2 ", D(2)),
])
def test_angka_reads_indonesian_numbers(typed, value):
    assert AngkaField(decimal_places=2).clean(typed) == value


@pytest.mark.parametrize("typed", ["1.5", "abc", "1.000.00", "2.517.22.415"])
def test_angka_refuses_ambiguous_or_malformed_in_indonesian(typed):
    with pytest.raises(ValidationError, match="Format angka tidak dikenali"):
        AngkaField().clean(typed)


def test_angka_negative_message_is_configurable():
    with pytest.raises(ValidationError, match="Realisasi Rp tidak boleh negatif."):
        AngkaField(min_value=0, min_value_message="Realisasi Rp tidak boleh negatif.").clean("-5")


def test_angka_round_trips_through_a_form():
    class F(forms.Form):
        rp = AngkaField(decimal_places=2, max_digits=18)

    assert F(initial={"rp": D("1500000.50")})["rp"].value() == "1.500.000,50"
    assert 'value="1.500.000,50"' in str(F(initial={"rp": D("1500000.50")})["rp"])
    assert 'value="1.500.000"' in str(F(initial={"rp": D("1500000.00")})["rp"])
    assert 'inputmode="decimal"' in str(F()["rp"])
    assert F({"rp": "Rp 1.500.000,50"}).is_valid()


@pytest.mark.parametrize("typed, value", [
    ("62 (B-)", Nilai(D(62), "B-")), ("N/A", Nilai(None, "N/A")), ("84,31", Nilai(D("84.31"))), ("", Nilai()),
    ("1.500", Nilai(D(1500))),
])
def test_nilai_reads_labelled_values(typed, value):
    assert NilaiField().clean(typed) == value


@pytest.mark.parametrize("typed, message", [
    ("1.5", "meragukan"), ("dua", "bukan nilai yang dikenali"), ("1,23456", "Paling banyak 4 angka"),
    ("12 " + "x" * 31, "paling banyak 30 huruf"),
])
def test_nilai_refuses_bad_input(typed, message):
    with pytest.raises(ValidationError, match=message):
        NilaiField().clean(typed)


def test_nilai_prints_back():
    field = NilaiField()
    assert field.prepare_value(Nilai(D("62.0000"), "B-")) == "62 (B-)"
    assert field.prepare_value(Nilai()) == ""
    assert field.prepare_value("as typed") == "as typed"


def test_number_widgets_open_the_decimal_keypad_and_rupiah_is_wide():
    """core/fields.py is the one place: whatever widget a form passes, and whatever class it sets
    afterwards, a number gets inputmode="decimal" and a Rupiah the wide box (RUPIAH_ATTRS, app.css)."""
    from kecamatan.core.fields import RUPIAH_ATTRS, RupiahField

    class F(forms.Form):
        volume = AngkaField(widget=forms.TextInput(attrs={"class": "form-control"}))
        dana = RupiahField()
        pagu = RupiahField(widget=forms.TextInput(attrs={"class": "form-control text-end", "inputmode": "text"}))
        nilai = NilaiField()

    form = F()
    form.fields["dana"].widget.attrs.update({"class": "form-control form-control-sm", "size": 13})  # as grids do
    html = {name: str(form[name]) for name in form.fields}
    assert RUPIAH_ATTRS == {"data-isian": "rupiah"}
    for name in ("volume", "dana", "pagu"):
        assert 'inputmode="decimal"' in html[name], html[name]
    assert 'data-isian="rupiah"' in html["dana"] and 'data-isian="rupiah"' in html["pagu"]
    assert "data-isian" not in html["volume"]
    assert "inputmode" not in html["nilai"]  # N/A and B- need letters: no decimal keypad
    hidden = RupiahField(widget=forms.HiddenInput)
    assert "inputmode" not in hidden.widget.attrs and "data-isian" not in hidden.widget.attrs
