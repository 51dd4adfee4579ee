"""Every page that writes checks a version (issue 19): two people load the same page and save
different inputs; the first is saved, the second refused with nothing lost, and on the merged page
the untouched input takes the stored value so the second save succeeds at once.

The lists below name every writing page. `test_every_writing_page_is_listed` walks the URL patterns
and fails when a view that accepts POST is in none of them: a new writing page needs a case here
(and so a versi or sidik check) or a reason to be exempt."""

from __future__ import annotations

import functools
import inspect
import re
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kecamatan import models as m
from kecamatan.core import asal
from kecamatan.core.formatting import parse_number
from kecamatan.naskah import selectors as naskah_selectors
from kecamatan.naskah.document import bagian_keys
from kecamatan.renja import salin
from kecamatan.renja import services as renja_services
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)

SANDI = "demo-sakip-2024"
pytestmark = pytest.mark.django_db

KECAMATAN = ("operator.randuagung", "camat.randuagung")
ADMIN = ("admin", "admin")


@dataclass(frozen=True)
class Halaman:
    """A writing page: who loads it twice, which input each person changes (regex on input names:
    the first match for x, the last for y) and to what. `gabung`: the merged page saves at once."""

    url: str  # URL name
    args: object  # objects of the `siap` fixture → URL args
    x: tuple[str, object]  # (input name regex, value or a function of the `siap` objects)
    y: tuple[str, object]
    pengguna: tuple[str, str] = KECAMATAN
    gabung: bool = True
    query: str = ""
    extra: dict = field(default_factory=dict)


def _renja(*names):
    return lambda o: [o["periode"].pk, 2025, *(o[n].pk for n in names)]


def _p(o):
    return [o["periode"].pk]


def _lkj(o):
    return [o["periode"].pk, 2025]


HALAMAN = {
    "renja_rincian": Halaman("renja_rincian", _renja("sub"), ("^dana$", "5.000.000"), ("^lokasi$", "Desa Uji B")),
    "renja_target": Halaman("renja_target", _renja(), ("^target_", "11"), ("^prakiraan_", "12")),
    "renja_evaluasi": Halaman("renja_evaluasi", _renja(), ("^target_n1_", "13"), ("^target_n1_", "14")),
    "renja_analisis": Halaman("renja_analisis", _renja(), ("^spm_", "90"), ("^catatan_", "Catatan B")),
    "renja_penandatangan": Halaman("renja_penandatangan", _renja(), ("^ttd_tempat$", "Tempat A"),
                                   ("^ttd_tanggal$", "2025-01-02")),
    "renja_ranwal_ubah": Halaman("renja_ranwal_ubah", _renja("ranwal"), ("^ranwal_nama$", "Nama A"),
                                 ("^catatan$", "Catatan B")),
    "renja_usulan_ubah": Halaman("renja_usulan_ubah", _renja("usulan"), ("^program$", "Program A"),
                                 ("^catatan$", "Catatan B")),
    "realisasi": Halaman("realisasi", lambda o: [o["periode"].pk, 2025, 1], ("^nilai_", "7"), ("^nilai_", "8")),
    "tujuan_ubah": Halaman("tujuan_ubah", lambda o: [o["tujuan"].pk], ("^uraian$", "Tujuan A"), ("^urutan$", "9")),
    "sasaran_ubah": Halaman("sasaran_ubah", lambda o: [o["sasaran"].pk], ("^uraian$", "Sasaran A"), ("^urutan$", "9")),
    "program_ubah": Halaman("program_ubah", lambda o: [o["program"].pk], ("^nama$", "Program A"),
                            ("^unit_kerja$", "Unit B")),
    "kegiatan_ubah": Halaman("kegiatan_ubah", lambda o: [o["kegiatan"].pk], ("^nama$", "Kegiatan A"),
                             ("^unit_kerja$", "Unit B")),
    "subkegiatan_ubah": Halaman("subkegiatan_ubah", lambda o: [o["sub"].pk], ("^nama$", "Sub A"),
                                ("^unit_kerja$", "Unit B")),
    "indikator_ubah": Halaman("indikator_ubah", lambda o: [o["indikator"].pk], ("^uraian$", "Indikator A"),
                              ("^target_2025$", "77")),
    "pagu": Halaman("pagu", lambda o: [o["sub"].pk], ("^pagu_2025_renstra$", "1.000.000"),
                    ("^pagu_2026_renstra$", "2.000.000")),
    "renstra_tc23": Halaman("renstra_tc23", _p, ("^uraian_\\d+$", "Indikator lalu A"), ("^satuan_\\d+$", "Satuan B")),
    "renstra_tc24": Halaman("renstra_tc24", _p, ("^uraian_\\d+$", "Program lalu A"),
                            ("^anggaran_\\d+_", "3.000.000")),
    "renstra_strategi": Halaman("renstra_strategi", _p, ("^strategi_\\d+$", "Strategi A"), ("^arah_\\d+$", "Arah B")),
    "renstra_riwayat_capaian": Halaman("renstra_riwayat_capaian", _p, ("^target_", "50"), ("^realisasi_", "60")),
    "renstra_camat_ubah": Halaman("renstra_camat_ubah", lambda o: [o["periode"].pk, o["camat"].pk],
                                  ("^nama$", "NAMA A"), ("^pangkat$", "Pangkat B")),
    "renstra_penandatangan": Halaman("renstra_penandatangan", _p, ("^ttd_tempat$", "Tempat A"),
                                     ("^ttd_tanggal$", "2025-01-02")),
    "lkj_pk": Halaman("lkj_pk", lambda o: [o["periode"].pk, 2025, "awal"], ("^target_", "55"), ("^target_", "56"),
                      extra={"pihak_kedua_nama": "Pihak Kedua", "pihak_kedua_jabatan": "Bupati"}),
    "lkj_iku": Halaman("lkj_iku", _lkj, ("^tugas_pokok$", "Tugas A"), ("^fungsi$", "Fungsi B")),
    "lkj_pengaturan": Halaman("lkj_pengaturan", _lkj, ("^catatan_anggaran$", "Catatan A"),
                              ("^kecamatan_pembanding$", lambda o: str(o["senduro"].pk))),
    "lkj_penandatangan": Halaman("lkj_penandatangan", _lkj, ("^ttd_tempat$", "Tempat A"),
                                 ("^ttd_tanggal$", "2025-01-02")),
    "lkj_pembanding": Halaman("lkj_pembanding", _lkj, ("^nilai_", "70"), ("^nilai_", "80"),
                              query="?kecamatan=senduro", extra={"kecamatan": "senduro"}),
    # one text: both changed it, so the merged page shows both texts to pick (test_both_change_…)
    "naskah_bagian": Halaman("naskah_bagian", lambda o: [o["periode"].pk, "renstra", o["bagian"]],
                             ("^teks$", "Teks A"), ("^teks$", "Teks B"), gabung=False),
    "katalog_ubah": Halaman("katalog_ubah", lambda o: [o["nomenklatur"].pk], ("^nama$", "NAMA A"),
                            ("^sumber$", "Sumber B"), pengguna=ADMIN),
    # the admin kabupaten's records have no document: a fingerprint (sidik) instead of a versi
    "kelola_kecamatan": Halaman("kelola_kecamatan", lambda o: [o["periode"].kecamatan_id], ("^alamat$", "Jl. A"),
                                ("^telepon$", "0334-1"), pengguna=ADMIN),
    "kelola_pengguna_ubah": Halaman("kelola_pengguna_ubah", lambda o: [o["operator"].pk], ("^nama$", "Nama A"),
                                    ("^email$", "b@contoh.go.id"), pengguna=ADMIN),
}

# one-button actions: posted with the versi of the page they sit on; a stale one changes nothing
AKSI = {
    "renja_sub_tambah": ("renja_sub_tambah", _renja(), lambda o: {"subkegiatan": o["sub_lain"].pk},
                         lambda o: not m.RenjaSubKegiatan.objects.filter(subkegiatan=o["sub_lain"]).exists()),
    "renja_sub_hapus": ("renja_sub_hapus", _renja("sub"), lambda o: {},
                        lambda o: m.RenjaSubKegiatan.objects.filter(subkegiatan=o["sub"]).exists()),
    "renja_ranwal_hapus": ("renja_ranwal_hapus", _renja("ranwal"), lambda o: {},
                           lambda o: m.ReviewRanwal.objects.filter(pk=o["ranwal"].pk).exists()),
    "renja_usulan_hapus": ("renja_usulan_hapus", _renja("usulan"), lambda o: {},
                           lambda o: m.UsulanPemangku.objects.filter(pk=o["usulan"].pk).exists()),
    "renja_salin": ("renja_salin", _renja(), lambda o: {},
                    lambda o: not m.RenjaSubKegiatan.objects.filter(subkegiatan=o["sub_lain"]).exists()),
    "tujuan_hapus": ("tujuan_hapus", lambda o: [o["tujuan"].pk], lambda o: {},
                     lambda o: m.Tujuan.objects.filter(pk=o["tujuan"].pk).exists()),
    "indikator_hapus": ("indikator_hapus", lambda o: [o["indikator"].pk], lambda o: {},
                        lambda o: m.Indikator.objects.filter(pk=o["indikator"].pk).exists()),
}

# writing pages whose stale-save refusal is tested where the page is (a file upload, a confirmation)
ELSEWHERE = {
    "sasaran_hapus": "tujuan_hapus: the same view and service (renstra _hapus) for every cascade level",
    "program_hapus": "tujuan_hapus: the same view and service", "kegiatan_hapus": "tujuan_hapus: the same view",
    "subkegiatan_hapus": "tujuan_hapus: the same view and service",
    "tujuan_tambah": "node_tambah: the renstra_* _ubah cases share its form, versi and service",
    "sasaran_tambah": "node_tambah", "program_tambah": "node_tambah", "kegiatan_tambah": "node_tambah",
    "subkegiatan_tambah": "node_tambah", "indikator_tambah": "indikator_ubah: the same view and service",
    "renja_ranwal": "a new row at the Renja's versi: renja_ranwal_ubah's form and service",
    "renja_usulan": "a new row at the Renja's versi: renja_usulan_ubah's form and service",
    "naskah_draf": "naskah_bagian's versi and service; tests/naskah/test_views.py",
    "naskah_salin": "versi from the naskah page; tests/naskah/test_views.py",
    "lkj_pk_perubahan": "versi from the PK page; tests/lkj/test_pages.py",
    "impor_simpan": "the preview's versi; tests/importing/test_conflicts.py",
    "renstra_riwayat_capaian_unggah": "the file's versi; tests/test_riwayat_capaian_excel.py",
    "kelola_kabupaten": "sidik; tests/kelola/test_wilayah.py", "kelola_skala": "sidik; tests/kelola/test_wilayah.py",
    "kelola_mulai_asli": "sidik; tests/kelola/test_wilayah.py", "kelola_buka_kunci": "sidik; tests/kelola",
    "tata_letak": "sidik of the chosen layouts; tests/cetak/test_tata_letak.py",
    "katalog_aktif": "the code's versi; tests/katalog/test_views.py",
    "realisasi_simpan": "the API's write: the body's versi, the grid's service; tests/api/test_api.py",
}

EXEMPT = {
    "login": "signing in writes no shared data", "logout": "signing out", "password_change": "one's own password",
    "password_reset": "sends a mail", "password_reset_confirm": "a one-time token is the version",
    "renja_mulai": "creates the Renja once (idempotent): nothing to overwrite",
    "renstra_camat": "adds a new Camat record: nothing to overwrite",
    "katalog_tambah": "adds a new code: a duplicate is refused by its unique kode",
    "katalog_hapus": "deletes an unused code only; refused while a Renstra uses it",
    "kelola_pengguna_tambah": "adds a user: a duplicate username is refused",
    "kelola_pengguna_aktif": "sets an explicit state (aktif=1/0): repeating it changes nothing",
    "kelola_periode": "adds a period: overlapping periods are refused",
    "cetakan_ulang": "asks a print again; writes no content",
    "ekspor": "queues a kabupaten-year export (issue 20); writes no content",
    "kelola_pilih_kabupaten": "the superuser's choice of kabupaten lives in their session; writes no data",
    # the workflow acts only on its confirmation page's POST (konfirmasi=1), which carries the versi the
    # page showed: a newer versi shows the page again (workflow/konfirmasi.py, tests/test_workflow_konfirmasi.py)
    "ajukan": "workflow: confirmed at the versi shown, state checked under the row lock",
    "tarik": "workflow: confirmed at the versi shown, refused once Bappeda opened it",
    "verifikasi": "workflow: confirmed at the versi shown, only from Diajukan",
    "kembalikan": "workflow: confirmed at the versi shown, only from Diajukan",
    "buka_kembali": "workflow: only from Diverifikasi, checked under the row lock",
    "impor": "uploads a file for a preview; writes nothing until impor_simpan",
    "token_api": "makes a new token of one's own: nothing to overwrite",
    "token_cabut": "revokes one's own token: an explicit state, repeating it changes nothing",
}


# --- which views accept POST ---------------------------------------------------------------------


def _patterns(patterns, ns=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns, p.namespace or ns)
        elif isinstance(p, URLPattern) and p.name and ns != "admin":
            yield p


def _accepts_post(callback) -> bool:
    """A class view with post(), or a function view whose source (or a helper of its package it
    calls) reads request.POST, compares the method with POST or is decorated with require_POST."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, "post")
    if isinstance(callback, functools.partial):  # the API's OpenAPI document and docs page (ninja)
        return False
    path_view = next((c.cell_contents for c in callback.__closure__ or () if hasattr(c.cell_contents, "operations")),
                     None)
    if path_view is not None:  # an API path (ninja): its operations say their methods
        return any("POST" in op.methods for op in path_view.operations)
    func = inspect.unwrap(callback)
    seen, todo, text = set(), [func], []
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.add(f)
        source = inspect.getsource(f)
        text.append(source)
        module = inspect.getmodule(f)
        for name in re.findall(r"\b(\w+)\(", source):
            g = getattr(module, name, None)
            # the view's helpers, also those a sibling views module shares (renja.views_baris → renja.views)
            if inspect.isfunction(g) and g.__module__.rpartition(".")[0] == module.__name__.rpartition(".")[0]:
                todo.append(inspect.unwrap(g))
    return bool(re.search(r"request\.POST|require_POST|\"POST\"", "\n".join(text)))


def test_every_writing_page_is_listed():
    writing = {p.name for p in _patterns(get_resolver().url_patterns) if _accepts_post(p.callback)}
    listed = set(HALAMAN) | set(AKSI) | set(ELSEWHERE) | set(EXEMPT)
    assert writing - listed == set(), "writing pages without a versi case or a reason to be exempt"
    assert listed - writing == set(), "listed pages that no longer accept POST"
    assert {"renja_rincian", "realisasi", "pagu", "indikator_ubah"} <= writing  # the walk sees POST views


# --- two sessions -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def siap(demo_once, django_db_blocker):
    """Randuagung's Renja 2025 started and filled from its Renstra, one Ranwal row and one usulan."""
    with django_db_blocker.unblock():
        User = get_user_model()
        op = User.objects.get(username="operator.randuagung")
        User.objects.filter(pk=op.pk).update(first_name="Operator Randuagung")
        periode = m.Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024)
        dokumen = renja_services.mulai_renja(periode=periode, tahun=2025, by=op)
        salin.salin_dari_renstra(dokumen=dokumen, by=op, versi=None)
        rincian = list(m.RenjaSubKegiatan.objects.filter(dokumen=dokumen).order_by("pk"))
        sub, sub_lain = rincian[0].subkegiatan, rincian[-1].subkegiatan
        renja_services.hapus_subkegiatan(dokumen=dokumen, subkegiatan=sub_lain, by=op)
        usulan = renja_services.simpan_usulan(dokumen=dokumen, usulan=None, data={"program": "Program uji"}, by=op)
        ranwal = renja_services.simpan_review_ranwal(dokumen=dokumen, baris=None, node=None, by=op, data={
            "urutan": 1, "tingkat": "program", "ranwal_nama": "Program Ranwal"})
        indikator = m.Indikator.objects.filter(subkegiatan=sub).first() or m.Indikator.objects.filter(
            periode=periode).first()
        kunci = naskah_selectors.parse_kunci(periode, "renstra")
        bagian = bagian_keys(naskah_selectors.naskah_data(periode, kunci).susunan.naskah)[0][0]
        return {
            "periode": periode, "dokumen": dokumen, "sub": sub, "sub_lain": sub_lain, "usulan": usulan,
            "ranwal": ranwal, "indikator": indikator, "operator": op, "bagian": bagian,
            "tujuan": m.Tujuan.objects.filter(periode=periode).first(),
            "sasaran": m.Sasaran.objects.filter(tujuan__periode=periode).first(),
            "program": sub.kegiatan.program, "kegiatan": sub.kegiatan,
            "camat": m.Camat.objects.filter(kecamatan=periode.kecamatan).first(),
            "nomenklatur": m.Nomenklatur.objects.filter(level="subkegiatan").first(),
            "senduro": m.Kecamatan.objects.get(nama="Senduro"),
        }


def _client(username: str) -> Client:
    client = Client()
    assert client.login(request=HttpRequest(), username=username, password=SANDI)
    return client


def _form(response):
    assert response.status_code == 200, response.status_code
    return response.context["form"]


def _data(form, extra) -> dict:
    """What the page posts: every input as the page holds it, with its versi/sidik and asal."""
    data = asal.nilai(form, *getattr(form, "ikut", ()))
    for name in form.fields:
        if asal.kunci(name):
            data[name] = form.data.get(name, "") if form.is_bound else form[name].value()
    return {**data, **extra}


def _pick(form, pattern: str, *, last: bool = False) -> str:
    names = [n for n in asal.nilai(form, *getattr(form, "ikut", ())) if re.search(pattern, n)]
    assert names, f"no input matches {pattern}"
    return names[-1] if last else names[0]


@pytest.mark.parametrize("name", sorted(HALAMAN))
def test_two_sessions_save_different_inputs_and_the_merge_keeps_both(siap, name):
    h = HALAMAN[name]
    url = reverse(f"kecamatan:{h.url}", args=h.args(siap)) + h.query
    a, b = (_client(u) for u in h.pengguna)
    form_a, form_b = _form(a.get(url)), _form(b.get(url))
    x, y = _pick(form_a, h.x[0]), _pick(form_a, h.y[0], last=True)
    assert x != y or not h.gabung
    vx, vy = (v(siap) if callable(v) else v for v in (h.x[1], h.y[1]))
    data_a, data_b = _data(form_a, h.extra), _data(form_b, h.extra)
    before = dict(data_a)
    data_a[x], data_b[y] = vx, vy

    first = a.post(url, data_a)
    assert first.status_code == 302, _errors(first)
    second = b.post(url, data_b)
    assert second.status_code == 200 and "TIDAK disimpan" in second.content.decode(), _errors(second)
    stored = asal.nilai(_form(a.get(url)))
    assert _same(stored[x], vx)  # the first save stands
    if x != y:
        assert _same(stored[y], before[y])  # the refused one wrote nothing

    merged = second.context["form"]
    if not h.gabung:
        assert merged.data.get(y) == vy  # what was typed is still on the page
        assert x != y or [k.name for k in merged.konflik] == [y]  # one input both changed: a choice
        return
    again = _data(merged, h.extra)
    assert _same(again[x], vx) and again[y] == vy  # untouched input: the stored value; typed one kept
    assert not merged.konflik
    saved = b.post(url, again)
    assert saved.status_code == 302, _errors(saved)
    stored = asal.nilai(_form(a.get(url)))
    assert _same(stored[x], vx) and _same(stored[y], vy)


def test_both_change_one_input_and_pick_one(siap):
    """Both changed the same input: the merged page shows both side by side and saves the pick."""
    url = reverse("kecamatan:renja_rincian", args=_renja("sub")(siap))
    a, b = _client("operator.randuagung"), _client("camat.randuagung")
    data_a, data_b = _data(_form(a.get(url)), {}), _data(_form(b.get(url)), {})
    data_a["lokasi"], data_b["lokasi"], data_b["catatan"] = "Desa A", "Desa B", "Catatan B"
    assert a.post(url, data_a).status_code == 302
    second = b.post(url, data_b)
    html = second.content.decode()
    assert 'id="konflik"' in html and "Desa A" in html and "Desa B" in html and "operator.randuagung" in html
    again = _data(second.context["form"], {})
    assert b.post(url, again).status_code == 200  # no pick yet: refused with a request to pick
    again["pilih__lokasi"] = "tersimpan"
    assert b.post(url, again).status_code == 302
    stored = asal.nilai(_form(a.get(url)))
    assert (stored["lokasi"], stored["catatan"]) == ("Desa A", "Catatan B")


@pytest.mark.parametrize("name", sorted(AKSI))
def test_a_stale_action_changes_nothing(siap, name):
    url_name, args, data, unchanged = AKSI[name]
    op = siap["operator"]
    stale = m.Dokumen.objects.get(pk=siap["dokumen"].pk).versi if "renja" in url_name else \
        m.Dokumen.objects.get(periode=siap["periode"], jenis="renstra").versi
    # someone else saves meanwhile
    if "renja" in url_name:
        renja_services.simpan_usulan(dokumen=siap["dokumen"], usulan=None, data={"program": "Lain"}, by=op)
    else:
        from kecamatan.renstra import services as renstra_services

        tujuan = m.Tujuan.objects.get(pk=siap["tujuan"].pk)
        tujuan.uraian += " (diubah)"
        renstra_services.save_cascade_row(obj=tujuan, by=op, versi=None)
    client = _client("camat.randuagung")
    response = client.post(reverse(f"kecamatan:{url_name}", args=args(siap)), {"versi": stale, **data(siap)},
                           follow=True)
    assert "TIDAK disimpan" in response.content.decode()
    assert unchanged(siap)


def _same(shown, typed) -> bool:
    """The value a page shows is the one typed (84,50 shown for 84,5 typed)."""
    try:
        return parse_number(shown) == parse_number(typed)
    except ValueError:
        return shown == typed


def _errors(response) -> str:
    form = (response.context or {}).get("form") if response.context else None
    return f"{response.status_code} {form.errors if form is not None else ''}"
