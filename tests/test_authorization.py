"""Who may open which page: every URL of the app, for every role and for a user of another
kecamatan; and, with a second kabupaten, for Bappeda and admin of the other kabupaten (issue 21).
The table below must name every URL pattern, so a new URL without a rule fails here.

A user outside a kecamatan's scope gets 404 (the same as for an id that does not exist), never
403: a 403 would confirm that the id exists. Inside their scope, a role that may look but not act
gets 403."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kecamatan.models import (
    Cetakan,
    Dokumen,
    Ekspor,
    Indikator,
    Peran,
    RenjaSubKegiatan,
    ReviewRanwal,
    Sasaran,
    SubKegiatan,
    Tujuan,
    UsulanPemangku,
)
from kecamatan.tables import pdf_cache
from tests.factories import (
    CamatFactory,
    KabupatenFactory,
    KecamatanFactory,
    PeriodeFactory,
    build_cascade,
    user_with_role,
)

pytestmark = pytest.mark.django_db

ROLES = ("anon", "operator", "camat", "verifikator", "admin", "lain")
LOGIN = "login"  # 302 to the login page
BACK = "back"  # 302 back to the page the action came from
ALL = {"anon": LOGIN, "operator": 200, "camat": 200, "verifikator": 200, "admin": 200, "lain": 200}
READ = {"anon": LOGIN, "operator": 200, "camat": 200, "verifikator": 200, "admin": 200, "lain": 404}
EDIT = {"anon": LOGIN, "operator": 200, "camat": 200, "verifikator": 403, "admin": 403, "lain": 404}
# POST-only actions: 302 back to the page when allowed (with a message if the state forbids it); in a
# state that allows them they first answer 200 with a confirmation page (tests/test_workflow_konfirmasi.py)
SUBMIT = {"anon": LOGIN, "operator": 403, "camat": BACK, "verifikator": 403, "admin": 403, "lain": 404}
REVIEW = {"anon": LOGIN, "operator": 403, "camat": 403, "verifikator": BACK, "admin": 403, "lain": 404}
# Renja pages that only edit (penanda tangan, one T-C.31/T-C.32 row): a reader is sent back to the
# Renja page with "Anda hanya dapat melihat Renja ini."; the other Renja pages show readers the data read-only
RENJA_EDIT = {"anon": LOGIN, "operator": 200, "camat": 200, "verifikator": BACK, "admin": BACK, "lain": 404}
# Renja POST-only actions: editors are sent back to the page; readers get 403 from the service
RENJA_POST = {"anon": LOGIN, "operator": BACK, "camat": BACK, "verifikator": 403, "admin": 403, "lain": 404}
RENJA_POST_PAGE = {"anon": LOGIN, "operator": BACK, "camat": BACK, "verifikator": BACK, "admin": BACK, "lain": 404}


def _renja(o, **extra):
    return {"pk": o["periode"].pk, "tahun": 2024, **extra}

# confirming an Excel import: back to the import page (here: nothing is waiting to be saved)
IMPORT = {"anon": LOGIN, "operator": BACK, "camat": BACK, "verifikator": 403, "admin": 403, "lain": 404}

# the comparison of every kecamatan: Bappeda and admin only; kecamatan staff get 404 as elsewhere
BAPPEDA = {"anon": LOGIN, "operator": 404, "camat": 404, "verifikator": 200, "admin": 200, "lain": 404}

# whole documents (issue 10): the narrative editors send readers back to the preview ("Anda hanya
# dapat melihat naskah ini."); starting from last year's text is a POST refused (403) to readers
NASKAH_EDIT = RENJA_EDIT
NASKAH_POST = {"anon": LOGIN, "operator": BACK, "camat": BACK, "verifikator": 403, "admin": 403, "lain": 404}


# the nomenclature catalog (issue 16): the admin kabupaten only; anyone else gets 404 as outside
# their scope. The POST actions send the admin back to the catalog (a code in use is not deleted).
KATALOG = {"anon": LOGIN, "operator": 404, "camat": 404, "verifikator": 404, "admin": 200, "lain": 404}
KATALOG_POST = {**KATALOG, "admin": BACK}
# the admin kabupaten's pages (issue 16): nobody else even learns they exist
ADMIN = {"anon": LOGIN, "operator": 404, "camat": 404, "verifikator": 404, "admin": 200, "lain": 404}
ADMIN_POST = {**ADMIN, "admin": BACK}
# only the installation's technical admin (a superuser without a profile) switches kabupaten
SUPERUSER_POST = {**ADMIN, "admin": 404}
# passwords: changing one needs a signed-in user; the reset pages are for anyone
# the API (issue 20), here by the signed-in session (reads only; tests/api does the same by token):
# 401 instead of the login page, else the pages' rules; a write takes a token, never the session
API_ALL = {"anon": 401, "operator": 200, "camat": 200, "verifikator": 200, "admin": 200, "lain": 200}
API_READ = {"anon": 401, "operator": 200, "camat": 200, "verifikator": 200, "admin": 200, "lain": 404}
API_SESI_TULIS = {r: 401 for r in ROLES}
# the same write by each role's token (test_api_by_token_for_every_role)
API_TULIS = {"anon": 401, "operator": 200, "camat": 200, "verifikator": 403, "admin": 403, "lain": 404}
SIGNED_IN = {"anon": LOGIN, "operator": 200, "camat": 200, "verifikator": 200, "admin": 200, "lain": 200}
ANYONE = {r: 200 for r in ROLES}


def _kec(o):
    return {"pk": o["periode"].kecamatan.pk}


def _pengguna(o):
    if "pengguna" not in o:
        o["pengguna"] = user_with_role(o["awalan"] + "op.kelola", Peran.OPERATOR, o["periode"].kecamatan)
    return {"pk": o["pengguna"].pk}


def _cetakan(o):
    """A finished background print of the period (issue 17), its PDF still in the cache."""
    if "cetakan" not in o:
        peminta = user_with_role(o["awalan"] + "op.peminta", Peran.OPERATOR, o["periode"].kecamatan)
        kunci = f"pdf:uji-otorisasi-{o['periode'].pk}"
        o["cetakan"] = Cetakan.objects.create(diminta_oleh=peminta, periode=o["periode"], nama="dokumen-lkj",
                                              judul="LKj uji", tahun=2024, status=Cetakan.Status.SIAP,
                                              nama_berkas="lkj.pdf", kunci_pdf=kunci)
        pdf_cache.store().set(kunci, b"%PDF-1.7 uji")
    return {"pk": o["cetakan"].pk}


def _ekspor(o):
    """A finished kabupaten-year export (issue 20), its ZIP still in the cache."""
    if "ekspor" not in o:
        peminta = user_with_role("bappeda.peminta", Peran.VERIFIKATOR, kabupaten=o["periode"].kecamatan.kabupaten)
        o["ekspor"] = Ekspor.objects.create(diminta_oleh=peminta, kabupaten=o["periode"].kecamatan.kabupaten,
                                            tahun=2024, status=Ekspor.Status.SIAP, nama_berkas="ekspor.zip",
                                            kunci_berkas="ekspor:uji-otorisasi")
        pdf_cache.store().set("ekspor:uji-otorisasi", b"PK uji")
    return {"pk": o["ekspor"].pk}


def _naskah(o, **extra):
    return {"pk": o["periode"].pk, "kunci": "lkj-2024", **extra}

# name → (method, kwargs builder, expected status per role)
TABLE = {
    "login": ("get", lambda o: {}, {r: 200 for r in ROLES}),
    "logout": ("get", lambda o: {}, {r: 405 for r in ROLES}),  # POST only
    "kecamatan:beranda": ("get", lambda o: {}, ALL),
    "kecamatan:renstra_detail": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:renstra_susun": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:tabel": ("get", lambda o: {"pk": o["periode"].pk, "name": "tc27"}, READ),
    "kecamatan:tabel_unduh": ("get", lambda o: {"pk": o["periode"].pk, "name": "tc27", "fmt": "xlsx"}, READ),
    "kecamatan:tujuan_tambah": ("get", lambda o: {"pk": o["periode"].pk}, EDIT),
    "kecamatan:tujuan_ubah": ("get", lambda o: {"pk": o["tujuan"].pk}, EDIT),
    "kecamatan:tujuan_hapus": ("get", lambda o: {"pk": o["tujuan"].pk}, EDIT),
    "kecamatan:sasaran_tambah": ("get", lambda o: {"pk": o["tujuan"].pk}, EDIT),
    "kecamatan:sasaran_ubah": ("get", lambda o: {"pk": o["sasaran"].pk}, EDIT),
    "kecamatan:sasaran_hapus": ("get", lambda o: {"pk": o["sasaran"].pk}, EDIT),
    "kecamatan:program_tambah": ("get", lambda o: {"pk": o["periode"].pk}, EDIT),
    "kecamatan:program_ubah": ("get", lambda o: {"pk": o["program"].pk}, EDIT),
    "kecamatan:program_hapus": ("get", lambda o: {"pk": o["program"].pk}, EDIT),
    "kecamatan:kegiatan_tambah": ("get", lambda o: {"pk": o["program"].pk}, EDIT),
    "kecamatan:kegiatan_ubah": ("get", lambda o: {"pk": o["kegiatan"].pk}, EDIT),
    "kecamatan:kegiatan_hapus": ("get", lambda o: {"pk": o["kegiatan"].pk}, EDIT),
    "kecamatan:subkegiatan_tambah": ("get", lambda o: {"pk": o["kegiatan"].pk}, EDIT),
    "kecamatan:subkegiatan_ubah": ("get", lambda o: {"pk": o["sub"].pk}, EDIT),
    "kecamatan:subkegiatan_hapus": ("get", lambda o: {"pk": o["sub"].pk}, EDIT),
    "kecamatan:pagu": ("get", lambda o: {"pk": o["sub"].pk}, EDIT),
    "kecamatan:indikator_tambah": ("get", lambda o: {"level": "sasaran", "pk": o["sasaran"].pk}, EDIT),
    "kecamatan:indikator_ubah": ("get", lambda o: {"pk": o["indikator"].pk}, EDIT),
    "kecamatan:indikator_hapus": ("get", lambda o: {"pk": o["indikator"].pk}, EDIT),
    "kecamatan:riwayat_indikator": ("get", lambda o: {"pk": o["indikator"].pk}, READ),
    "kecamatan:riwayat_subkegiatan": ("get", lambda o: {"pk": o["sub"].pk}, READ),
    "kecamatan:realisasi": ("get", lambda o: {"pk": o["periode"].pk, "tahun": 2024, "triwulan": 1}, READ),
    "kecamatan:dokumen_list": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:dokumen": ("get", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, READ),
    "kecamatan:ajukan": ("post", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, SUBMIT),
    # withdrawing a submission Bappeda has not opened (issue 19): the Camat's, like ajukan
    "kecamatan:tarik": ("post", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, SUBMIT),
    "kecamatan:verifikasi": ("post", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, REVIEW),
    "kecamatan:kembalikan": ("post", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, REVIEW),
    "kecamatan:buka_kembali": ("post", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, REVIEW),
    # the Renja of a year (issue 6)
    "kecamatan:renja_detail": ("get", lambda o: _renja(o), READ),
    "kecamatan:renja_mulai": ("post", lambda o: _renja(o), RENJA_POST),
    "kecamatan:renja_penandatangan": ("get", lambda o: _renja(o), RENJA_EDIT),
    "kecamatan:renja_salin": ("get", lambda o: _renja(o), RENJA_EDIT),
    "kecamatan:renja_sub_tambah": ("post", lambda o: _renja(o), RENJA_POST_PAGE),
    "kecamatan:renja_rincian": ("get", lambda o: _renja(o, sub_pk=o["sub"].pk), READ),
    "kecamatan:renja_sub_hapus": ("post", lambda o: _renja(o, sub_pk=o["sub"].pk), RENJA_POST_PAGE),
    "kecamatan:renja_target": ("get", lambda o: _renja(o), READ),
    "kecamatan:renja_evaluasi": ("get", lambda o: _renja(o), READ),
    "kecamatan:renja_analisis": ("get", lambda o: _renja(o), READ),
    "kecamatan:renja_ranwal": ("get", lambda o: _renja(o), READ),
    "kecamatan:renja_ranwal_ubah": ("get", lambda o: _renja(o, row_pk=o["ranwal"].pk), RENJA_EDIT),
    "kecamatan:renja_ranwal_hapus": ("post", lambda o: _renja(o, row_pk=o["ranwal"].pk), RENJA_POST_PAGE),
    "kecamatan:renja_usulan": ("get", lambda o: _renja(o), READ),
    "kecamatan:renja_usulan_ubah": ("get", lambda o: _renja(o, row_pk=o["usulan"].pk), RENJA_EDIT),
    "kecamatan:renja_usulan_hapus": ("post", lambda o: _renja(o, row_pk=o["usulan"].pk), RENJA_POST_PAGE),
    "kecamatan:naskah": ("get", lambda o: _naskah(o), READ),
    "kecamatan:naskah_unduh": ("get", lambda o: _naskah(o, fmt="html"), READ),
    "kecamatan:naskah_bagian": ("get", lambda o: _naskah(o, bagian="kata-pengantar"), NASKAH_EDIT),
    "kecamatan:naskah_draf": ("get", lambda o: _naskah(o, bagian="ringkasan-pengukuran"), NASKAH_EDIT),
    "kecamatan:naskah_salin": ("post", lambda o: _naskah(o), NASKAH_POST),
    # a background print (issue 17): whoever may read the document follows and downloads it; "Coba
    # lagi" sends back to the progress page (here the print is ready, so nothing is queued again)
    "kecamatan:cetakan": ("get", _cetakan, READ),
    "kecamatan:cetakan_unduh": ("get", _cetakan, READ),
    "kecamatan:cetakan_ulang": ("post", _cetakan, RENJA_POST_PAGE),
    "kecamatan:impor_templat": ("get", lambda o: {"pk": o["periode"].pk, "kunci": "renstra"}, READ),
    "kecamatan:impor": ("get", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, EDIT),
    "kecamatan:impor_simpan": ("post", lambda o: {"pk": o["periode"].pk, "kunci": "renstra"}, IMPORT),
    "kecamatan:perbandingan": ("get", lambda o: {}, BAPPEDA),
    "kecamatan:antrian": ("get", lambda o: {}, BAPPEDA),  # Bappeda's work list (issue 19)
    "kecamatan:perbandingan_penyerapan": ("get", lambda o: {}, BAPPEDA),
    "kecamatan:perbandingan_kelengkapan": ("get", lambda o: {}, BAPPEDA),
    "kecamatan:perbandingan_tren": ("get", lambda o: {}, BAPPEDA),
    "kecamatan:perbandingan_unduh": ("get", lambda o: {"halaman": "matriks", "fmt": "xlsx"}, BAPPEDA),
    # the kabupaten-year export, a ZIP of CSV files (issue 20): Bappeda and admin of the kabupaten; asking
    # for one is a POST to the same page (tests/ekspor)
    "kecamatan:ekspor": ("get", lambda o: {}, BAPPEDA),
    "kecamatan:ekspor_status": ("get", _ekspor, BAPPEDA),
    "kecamatan:ekspor_unduh": ("get", _ekspor, BAPPEDA),
    # the layout of each official table the kabupaten prints: the admin kabupaten chooses, Bappeda reads
    "kecamatan:tata_letak": ("get", lambda o: {}, BAPPEDA),
    # consistency check of a kecamatan-year (issue 11): everyone who sees the kecamatan reads it
    "kecamatan:periksa": ("get", lambda o: {"pk": o["periode"].pk, "tahun": 2024}, READ),
    # what an LKj year needs beyond the realizations (PK, IKU sheet, settings, comparison values):
    # every page shows readers the data read-only; making the PK perubahan is a POST refused to readers
    "kecamatan:lkj_isian": ("get", lambda o: _renja(o), READ),
    "kecamatan:lkj_pk": ("get", lambda o: _renja(o, versi="awal"), READ),
    "kecamatan:lkj_pk_perubahan": ("post", lambda o: _renja(o), RENJA_POST),
    "kecamatan:lkj_iku": ("get", lambda o: _renja(o), READ),
    "kecamatan:lkj_pengaturan": ("get", lambda o: _renja(o), READ),
    "kecamatan:lkj_pembanding": ("get", lambda o: _renja(o), READ),
    "kecamatan:lkj_penandatangan": ("get", lambda o: _renja(o), READ),
    # the Renstra beyond its cascade: grids readers see read-only; a Camat record is changed by its
    # kecamatan only; the Renstra's signatory page sends readers back like the Renja's
    "kecamatan:renstra_tc23": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:renstra_tc24": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:renstra_riwayat_capaian": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    # its Excel pair: readers download the grid; the upload is the kecamatan's (IMPORT: back to the page)
    "kecamatan:renstra_riwayat_capaian_unduh": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:renstra_riwayat_capaian_unggah": ("post", lambda o: {"pk": o["periode"].pk}, IMPORT),
    "kecamatan:renstra_strategi": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:renstra_camat": ("get", lambda o: {"pk": o["periode"].pk}, READ),
    "kecamatan:renstra_camat_ubah": ("get", lambda o: {"pk": o["periode"].pk, "camat_pk": _camat(o).pk}, EDIT),
    "kecamatan:renstra_penandatangan": ("get", lambda o: {"pk": o["periode"].pk}, RENJA_EDIT),
    "kecamatan:katalog": ("get", lambda o: {}, KATALOG),
    "kecamatan:katalog_tambah": ("get", lambda o: {}, KATALOG),
    "kecamatan:katalog_ubah": ("get", lambda o: {"pk": o["sub"].nomenklatur_id}, KATALOG),
    "kecamatan:katalog_aktif": ("post", lambda o: {"pk": o["sub"].nomenklatur_id}, KATALOG_POST),
    "kecamatan:katalog_hapus": ("post", lambda o: {"pk": o["sub"].nomenklatur_id}, KATALOG_POST),
    # the admin kabupaten (issue 16)
    "kecamatan:kelola": ("get", lambda o: {}, ADMIN),
    "kecamatan:kelola_pilih_kabupaten": ("post", lambda o: {}, SUPERUSER_POST),
    "kecamatan:kelola_pengguna": ("get", lambda o: {}, ADMIN),
    "kecamatan:kelola_pengguna_tambah": ("get", lambda o: {}, ADMIN),
    "kecamatan:kelola_pengguna_ubah": ("get", _pengguna, ADMIN),
    "kecamatan:kelola_pengguna_aktif": ("post", _pengguna, ADMIN_POST),
    # accounts locked after failed sign-ins (issue 17) and their unlock
    "kecamatan:kelola_terkunci": ("get", lambda o: {}, ADMIN),
    "kecamatan:kelola_buka_kunci": ("post", lambda o: {}, ADMIN_POST),
    "kecamatan:kelola_kabupaten": ("get", lambda o: {}, ADMIN),
    "kecamatan:kelola_skala": ("get", lambda o: {}, ADMIN),
    "kecamatan:kelola_kecamatan": ("get", _kec, ADMIN),
    "kecamatan:kelola_periode": ("get", _kec, ADMIN),
    "kecamatan:kelola_mulai_asli": ("get", _kec, ADMIN),
    # search and help (issue 19): every signed-in user; the search itself keeps to their scope
    "kecamatan:cari": ("get", lambda o: {}, ALL),
    "kecamatan:panduan": ("get", lambda o: {}, ALL),
    "kecamatan:panduan_peran": ("get", lambda o: {"peran": "verifikator"}, ALL),
    # the user's own API tokens (issue 20): a token of another user is 404 (tests/api)
    "kecamatan:token_api": ("get", lambda o: {}, SIGNED_IN),
    "kecamatan:token_cabut": ("post", lambda o: {"pk": 999_999}, {**{r: 404 for r in ROLES}, "anon": LOGIN}),
    # the API (issue 20): its document and docs page are public (no data); the root is nothing
    "api:openapi-json": ("get", lambda o: {}, ANYONE),
    "api:openapi-view": ("get", lambda o: {}, ANYONE),
    "api:api-root": ("get", lambda o: {}, {r: 404 for r in ROLES}),
    "api:kabupaten_list": ("get", lambda o: {}, API_ALL),
    "api:kecamatan_list": ("get", lambda o: {}, API_ALL),
    "api:kecamatan_detail": ("get", _kec, API_READ),
    "api:periode_list": ("get", lambda o: {}, API_ALL),
    "api:periode_detail": ("get", lambda o: {"pk": o["periode"].pk}, API_READ),
    "api:cascade": ("get", lambda o: {"pk": o["periode"].pk}, API_READ),
    "api:indikator_list": ("get", lambda o: {"pk": o["periode"].pk}, API_READ),
    "api:subkegiatan_list": ("get", lambda o: {"pk": o["periode"].pk}, API_READ),
    "api:dokumen_list": ("get", lambda o: {"pk": o["periode"].pk}, API_READ),
    "api:dokumen_detail": ("get", lambda o: {"pk": o["periode"].pk, "kunci": "realisasi-2024-1"}, API_READ),
    "api:tabel_list": ("get", lambda o: {}, API_ALL),
    "api:tabel": ("get", lambda o: {"pk": o["periode"].pk, "name": "tc27"}, API_READ),
    "api:realisasi": ("get", lambda o: {"pk": o["periode"].pk, "tahun": 2024, "triwulan": 1}, API_READ),
    "api:realisasi_simpan": ("post", lambda o: {"pk": o["periode"].pk, "tahun": 2024, "triwulan": 1}, API_SESI_TULIS),
    "password_change": ("get", lambda o: {}, SIGNED_IN),
    "password_change_done": ("get", lambda o: {}, SIGNED_IN),
    "password_reset": ("get", lambda o: {}, ANYONE),
    "password_reset_done": ("get", lambda o: {}, ANYONE),
    "password_reset_confirm": ("get", lambda o: {"uidb64": "MQ", "token": "set-password"}, ANYONE),
    "password_reset_complete": ("get", lambda o: {}, ANYONE),
}


def _camat(o):
    if "camat" not in o:
        o["camat"] = CamatFactory(kecamatan=o["periode"].kecamatan)
    return o["camat"]


def all_url_names(resolver=None, namespace=""):
    """Every named URL pattern of the project, as 'namespace:name'. The Django admin is left to
    Django's own staff check (see test_admin_is_for_staff_only)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"URL {entry.pattern} has no name, so it cannot have a rule"
            yield f"{namespace}{entry.name}"


def dunia(kecamatan, awalan: str = ""):
    """A kecamatan's Renstra with a cascade, a Renja and its rows; its operator and Camat, the
    kabupaten's verifikator and admin, and an operator of another kecamatan of the same kabupaten.
    `awalan` prefixes the usernames, so that two kabupaten live in one database."""
    kabupaten = kecamatan.kabupaten
    periode = PeriodeFactory(kecamatan=kecamatan)
    build_cascade(periode, n_sub=1)
    tujuan = Tujuan.objects.create(periode=periode, uraian="Tujuan uji")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="Sasaran uji")
    Indikator.objects.create(sasaran=sasaran, uraian="Indeks uji", satuan="Indeks")
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("kegiatan__program").get()
    renja = Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=2024)
    RenjaSubKegiatan.objects.create(dokumen=renja, subkegiatan=sub)
    objects = {
        "periode": periode, "tujuan": tujuan, "sasaran": sasaran, "sub": sub, "kegiatan": sub.kegiatan,
        "program": sub.kegiatan.program, "indikator": Indikator.objects.filter(subkegiatan=sub).get(),
        "ranwal": ReviewRanwal.objects.create(dokumen=renja, urutan=1, tingkat="program", ranwal_nama="Program uji"),
        "usulan": UsulanPemangku.objects.create(dokumen=renja, program="Program usulan"),
        "awalan": awalan,
    }
    users = {
        "operator": user_with_role(awalan + "op", Peran.OPERATOR, periode.kecamatan),
        "camat": user_with_role(awalan + "camat", Peran.CAMAT, periode.kecamatan),
        "verifikator": user_with_role(awalan + "bappeda", Peran.VERIFIKATOR, kabupaten=kabupaten),
        "admin": user_with_role(awalan + "adm", Peran.ADMIN, kabupaten=kabupaten),
        "lain": user_with_role(awalan + "op.lain", Peran.OPERATOR,
                               KecamatanFactory(nama=f"Lain{awalan.strip('.')}", kabupaten=kabupaten)),
    }
    return objects, users


@pytest.fixture
def world():
    return dunia(KecamatanFactory())


@pytest.fixture
def world_b(world):
    """A second kabupaten beside the first one (Lumajang), with its own kecamatan, Renstra,
    documents and users."""
    banyuwangi = KabupatenFactory(nama="Banyuwangi", slug="banyuwangi", kode="35.10")
    return dunia(KecamatanFactory(kabupaten=banyuwangi, nama="Giri"), awalan="b.")


def client_for(users, role):
    client = Client()
    if role != "anon":
        client.force_login(users[role])
    return client


def test_the_table_names_every_url():
    names = set(all_url_names())
    assert names - set(TABLE) == set(), "URL without an authorization rule: add it to TABLE"
    assert set(TABLE) - names == set(), "rule for a URL that no longer exists"


def _status(response):
    if response.status_code == 302:
        return LOGIN if response["Location"].startswith(reverse("login")) else BACK
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(world, role):
    objects, users = world
    client = client_for(users, role)
    failures = []
    for name, (method, kwargs, expected) in TABLE.items():
        got = _status(getattr(client, method)(reverse(name, kwargs=kwargs(objects))))
        if got != expected[role]:
            failures.append(f"{method.upper()} {name} as {role}: {got}, expected {expected[role]}")
    assert not failures, "\n".join(failures)


# the API's write refuses a session before it looks at the id (401): by token it is 404, below
OUT_OF_SCOPE_ELSEWHERE = {"api:realisasi_simpan", "kecamatan:token_cabut"}


# Pages of a whole kabupaten: `?kabupaten=` naming another kabupaten than the user's is a 404
KABUPATEN_PAGES = {"kecamatan:perbandingan", "kecamatan:perbandingan_penyerapan", "kecamatan:perbandingan_kelengkapan",
                   "kecamatan:perbandingan_tren", "kecamatan:perbandingan_unduh", "kecamatan:antrian",
                   "kecamatan:tata_letak"}
# the nomenclature catalog is the country's (Kepmendagri), not a kabupaten's: its ids are nobody's
NASIONAL = {"kecamatan:katalog_ubah", "kecamatan:katalog_aktif", "kecamatan:katalog_hapus"}


def lintas(name: str, args: dict, own: dict, role: str):
    """What Bappeda or admin of one kabupaten get for a URL that names the other kabupaten's object
    (an id) or page (`?kabupaten=`): 404 as for an id that does not exist. URLs naming nothing of a
    kabupaten (search, guide, own kelola pages) answer as for the user's own kabupaten."""
    if name in OUT_OF_SCOPE_ELSEWHERE:  # refused before the id is read (the API's write by session: 401)
        return own[role]
    if name in KABUPATEN_PAGES or ("pk" in args and name not in NASIONAL):
        return 404
    return own[role]


@pytest.mark.parametrize("arah", ["b_on_a", "a_on_b"])
@pytest.mark.parametrize("role", ["verifikator", "admin"])
def test_bappeda_and_admin_of_another_kabupaten_get_404(world, world_b, role, arah):
    """Issue 21: neither kabupaten's Bappeda nor admin reads or writes the other's data, on every
    URL (pages, downloads, the comparison, the work list, kelola), in both directions."""
    (objects, _), (_, users) = (world, world_b) if arah == "b_on_a" else (world_b, world)
    slug = objects["periode"].kecamatan.kabupaten.slug
    client = client_for(users, role)
    failures = []
    for name, (method, kwargs, own) in TABLE.items():
        args = kwargs(objects)
        url = reverse(name, kwargs=args) + (f"?kabupaten={slug}" if name in KABUPATEN_PAGES else "")
        got, expected = _status(getattr(client, method)(url)), lintas(name, args, own, role)
        if got != expected:
            failures.append(f"{method.upper()} {name} as {role} ({arah}): {got}, expected {expected}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["verifikator", "admin"])
def test_the_second_kabupaten_has_its_own_rights(world, world_b, role):
    """Beside the first kabupaten, the second one's users keep the whole table on their own data."""
    objects, users = world_b
    client = client_for(users, role)
    failures = []
    for name, (method, kwargs, expected) in TABLE.items():
        got = _status(getattr(client, method)(reverse(name, kwargs=kwargs(objects))))
        if got != expected[role]:
            failures.append(f"{method.upper()} {name} as {role} of Banyuwangi: {got}, expected {expected[role]}")
    assert not failures, "\n".join(failures)


def test_out_of_scope_looks_like_nonexistent(world):
    """An id of another kecamatan answers exactly like an id that does not exist."""
    objects, users = world
    client = client_for(users, "lain")
    for name, (method, kwargs, expected) in TABLE.items():
        args = kwargs(objects)
        if "pk" not in args or name in OUT_OF_SCOPE_ELSEWHERE:
            continue
        real = getattr(client, method)(reverse(name, kwargs=args))
        missing = getattr(client, method)(reverse(name, kwargs={**args, "pk": 999_999}))
        assert real.status_code == missing.status_code == 404, name


def test_every_post_needs_a_csrf_token(world):
    objects, users = world
    for role in ("operator", "camat", "verifikator"):
        client = Client(enforce_csrf_checks=True)
        client.force_login(users[role])
        for name, (method, kwargs, expected) in TABLE.items():
            if name.startswith("api:"):
                continue  # the API takes no cookie for a write (401 above), only a Bearer token: nothing to forge
            response = client.post(reverse(name, kwargs=kwargs(objects)), {"catatan": "x", "alasan": "x"})
            assert response.status_code == 403, f"POST {name} as {role} without CSRF token: {response.status_code}"
            assert b"CSRF" in response.content, name


def test_api_by_token_for_every_role(world):
    """The API by each role's token answers as by the session, and its write (refused to every
    session) is the kecamatan's own; another kecamatan's id is 404 like a missing one."""
    from kecamatan.api.tokens import buat_token

    objects, users = world
    failures = []
    for role in ROLES:
        header = {"HTTP_AUTHORIZATION": f"Bearer {buat_token(users[role], 'uji', 30)[1]}"} if role != "anon" else {}
        client = Client(**header)
        for name, (method, kwargs, expected) in TABLE.items():
            if not name.startswith("api:"):
                continue
            want = API_TULIS if name == "api:realisasi_simpan" else expected
            args = kwargs(objects)
            got = getattr(client, method)(reverse(name, kwargs=args), {"versi": 0}, content_type="application/json")
            if got.status_code != want[role]:
                failures.append(f"{method.upper()} {name} by {role}'s token: {got.status_code}, expected {want[role]}")
            if role == "lain" and want[role] == 404 and "pk" in args:
                missing = getattr(client, method)(reverse(name, kwargs={**args, "pk": 999_999}), {"versi": 0},
                                                  content_type="application/json")
                assert missing.status_code == 404, name
    assert not failures, "\n".join(failures)


def test_admin_is_for_staff_only(world):
    objects, users = world
    for role in ("operator", "camat", "verifikator", "lain"):
        response = client_for(users, role).get(reverse("admin:index"))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
