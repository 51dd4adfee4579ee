"""Merge instead of retype. A versioned form also carries `asal`: the values its fields were loaded
with (signed JSON, one entry per input name, formsets included). When a save is refused because
someone saved meanwhile (`Bentrok`), `gabung` compares, per input, what the user posted, what the
page was loaded with and what is stored now:

- the user left it alone (posted == asal) → the stored value;
- the other person left it alone (stored == asal) → what the user typed;
- both changed it to different values → a `Konflik`: the user's value stays in the input, the stored
  one is shown beside it and the user picks one (`pilih__<input>` = "anda" | "tersimpan").

The merged form carries the new versi and the stored values as its new `asal`, so saving it again
succeeds at once when nothing conflicts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django import forms
from django.core import signing
from django.forms.formsets import BaseFormSet
from django.http import QueryDict

SALT = "kecamatan.asal"
PILIH = "pilih__"
ANDA, TERSIMPAN = "anda", "tersimpan"


def kunci(name: str) -> bool:
    """The version inputs themselves (versi, versi_<dokumen>, sidik, asal) are never merged."""
    return name in ("sidik", "asal") or name == "versi" or name.startswith("versi_")


@dataclass(frozen=True)
class Konflik:
    """One input both people changed: the user's value and the stored one, as text."""

    name: str
    label: str
    anda: str
    tersimpan: str
    pilihan: str = ""  # what the user picked on the merged page, if anything

    @property
    def input_name(self) -> str:
        return PILIH + self.name


def _text(value) -> str | list[str]:
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def mentah(bf) -> str | list[str]:
    """A bound field's value as its input holds it: what was posted, or what the page renders."""
    widget = bf.field.widget
    if bf.form.is_bound:
        value = bf.data
    else:
        value = bf.value()
        if isinstance(widget, forms.CheckboxInput):
            value = widget.check_test(value)
        else:
            value = widget.format_value(value)
            if isinstance(value, list) and not getattr(widget, "allow_multiple_selected", False):
                value = value[0] if value else ""
    return _text(value)


def _forms(*items):
    for item in items:
        if isinstance(item, BaseFormSet):
            yield item.management_form
            yield from item.forms
        else:
            yield item


def _label(bf, form, items) -> str:
    label = bf.field.widget.attrs.get("aria-label") or str(bf.label or bf.name)
    if form.prefix and any(isinstance(i, BaseFormSet) and form in i.forms for i in items):
        return f"{form.prefix.split('-')[0].capitalize()} baris {int(form.prefix.split('-')[-1]) + 1}: {label}"
    return label


def nilai(*items) -> dict[str, str | list[str]]:
    """Every input of the forms (and formsets) by its name, as text; disabled inputs left out."""
    out = {}
    for form in _forms(*items):
        for name, field in form.fields.items():
            if kunci(name) or field.disabled:
                continue
            bf = form[name]
            out[bf.html_name] = mentah(bf)
    return out


def _labels(*items) -> dict[str, tuple[str, object]]:
    out = {}
    for form in _forms(*items):
        for name, field in form.fields.items():
            if not kunci(name) and not field.disabled:
                out[form[name].html_name] = (_label(form[name], form, items), field)
    return out


def sidik(*values) -> str:
    """A fingerprint of the stored values a page was loaded with, for records without a document
    version: the page sends it back and the service refuses (Bentrok) when it no longer matches."""
    return hashlib.sha256(repr(values).encode()).hexdigest()[:20]


def tanda(values: dict, konflik: list[str] | tuple = ()) -> str:
    return signing.dumps({"v": values, "k": list(konflik)}, salt=SALT, compress=True)


def baca(raw: str | None) -> dict | None:
    """The signed `asal` a page posted back, or None if absent or tampered with."""
    if not raw:
        return None
    try:
        payload = signing.loads(raw, salt=SALT)
    except signing.BadSignature:
        return None
    return payload if isinstance(payload, dict) and isinstance(payload.get("v"), dict) else None


def _put(data: QueryDict, name: str, value) -> None:
    if isinstance(value, list):
        data.setlist(name, value)
    elif value == "" and name in data:
        data.pop(name)  # an unticked checkbox is absent, not ""
    elif value != "":
        data[name] = value


def terapkan_pilihan(data):
    """POST data with each conflicting input set to the stored value where the user picked it."""
    payload = baca(data.get("asal")) if hasattr(data, "get") else None
    if not payload or not payload.get("k"):
        return data
    data = data.copy()
    for name in payload["k"]:
        if data.get(PILIH + name) == TERSIMPAN:
            _put(data, name, payload["v"].get(name, ""))
    return data


def belum_dipilih(data) -> list[str]:
    """Conflicting inputs of the posted page the user has not decided yet."""
    payload = baca(data.get("asal")) if hasattr(data, "get") else None
    if not payload:
        return []
    return [name for name in payload.get("k", []) if data.get(PILIH + name) not in (ANDA, TERSIMPAN)]


def konflik_terbuka(form) -> list[Konflik]:
    """The conflicts a merged page posted back, still shown after another error on the page."""
    payload = baca(form.data.get("asal"))
    if not payload or not payload.get("k"):
        return []
    fields = {form[name].html_name: form.fields[name] for name in form.fields}
    out = []
    for name in payload["k"]:
        field = fields.get(name, forms.CharField(label=name))
        mine = form.data.getlist(name) if hasattr(form.data, "getlist") and isinstance(payload["v"].get(name), list) \
            else form.data.get(name, "")
        out.append(Konflik(name, str(field.widget.attrs.get("aria-label") or field.label or name), _shown(mine, field),
                           _shown(payload["v"].get(name, ""), field), form.data.get(PILIH + name, "")))
    return out


def _shown(value, field) -> str:
    if isinstance(value, list):
        value = ", ".join(value)
    choices = {str(k): v for k, v in getattr(field, "choices", ()) or ()}
    if value in choices:
        value = str(choices[value])
    if isinstance(field.widget, forms.CheckboxInput):
        return "ya" if value else "tidak"
    return value if value != "" else "(kosong)"


def gabung(posted: list, fresh: list, asal: dict | None) -> tuple[QueryDict, list[Konflik], dict]:
    """The merged input data, the conflicts and the stored values (the merged page's new asal).
    Without `asal` every input the user posted counts as changed by them."""
    mine, db = nilai(*posted), nilai(*fresh)
    labels = _labels(*fresh)
    data = QueryDict(mutable=True)
    konflik = []
    for name in dict.fromkeys([*db, *mine]):
        m, d = mine.get(name, ""), db.get(name, "")
        a = asal.get(name, "") if asal is not None else None
        if m == a:
            value = d
        elif d == a or m == d or name not in db:
            value = m
        else:
            value = m
            label, field = labels[name]
            konflik.append(Konflik(name, label, _shown(m, field), _shown(d, field)))
        _put(data, name, value)
    return data, konflik, db
