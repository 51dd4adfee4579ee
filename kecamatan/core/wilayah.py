"""Which kabupaten a command or page means: `--kabupaten lumajang`, `--kabupaten 35.08` or, in an
installation that holds one real kabupaten, that one. Messages are Indonesian, for the command line."""

from __future__ import annotations

from django.db.models import Q

from kecamatan.models import Kabupaten, Kecamatan


class KabupatenTidakJelas(Exception):
    """No kabupaten matches, or several could be meant; the message says what to type."""


def kabupaten_dari(ref: str | None = None) -> Kabupaten:
    """The kabupaten named by slug, kode wilayah or name (case-insensitive). Without a name: the
    installation's only real kabupaten (synthetic demo kabupaten aside)."""
    ref = (ref or "").strip()
    if ref:
        kabupaten = Kabupaten.objects.filter(Q(slug__iexact=ref) | Q(kode=ref) | Q(nama__iexact=ref)).first()
        if kabupaten is None:
            raise KabupatenTidakJelas(f"Kabupaten '{ref}' tidak ditemukan. Pilihan: {_pilihan()}.")
        return kabupaten
    nyata = list(Kabupaten.objects.filter(demo=False).order_by("nama")[:2])
    if not nyata:
        raise KabupatenTidakJelas("Belum ada kabupaten: jalankan dulu `manage.py muat_acuan --kabupaten KODE`.")
    if len(nyata) > 1:
        raise KabupatenTidakJelas(f"Ada lebih dari satu kabupaten; pilih dengan --kabupaten: {_pilihan()}.")
    return nyata[0]


def _pilihan() -> str:
    rows = Kabupaten.objects.filter(demo=False).order_by("nama").values_list("slug", "kode")[:30]
    return ", ".join(f"{slug} ({kode})" if kode else slug for slug, kode in rows) or "(belum ada)"


class KecamatanTidakDitemukan(Exception):
    """The kabupaten holds no kecamatan of that name; the message names the kabupaten that do."""


TIDAK_JELAS = (KabupatenTidakJelas, KecamatanTidakDitemukan)  # what a command turns into a CommandError


def kabupaten_untuk(ref: str | None, kecamatan: str | None = None) -> Kabupaten:
    """kabupaten_dari(ref) for a command that also names a kecamatan: without a ref, a kecamatan
    given by kode wilayah (35.10.05) names its kabupaten, and where several kabupaten could be meant
    the message says which of them hold a kecamatan of that name."""
    ref, kecamatan = (ref or "").strip(), (kecamatan or "").strip()
    if not ref and kecamatan:
        by_kode = Kecamatan.objects.filter(kode=kecamatan).select_related("kabupaten").first()
        if by_kode is not None:
            return by_kode.kabupaten
    try:
        return kabupaten_dari(ref)
    except KabupatenTidakJelas:
        if ref or not kecamatan or not Kabupaten.objects.filter(demo=False).exists():
            raise
        pemilik = _pemilik(kecamatan)
        if not pemilik:
            raise KabupatenTidakJelas(f"Kecamatan '{kecamatan}' tidak ditemukan di kabupaten mana pun. Pilihan "
                                      f"kabupaten: {_pilihan()}.") from None
        raise KabupatenTidakJelas(f"Ada lebih dari satu kabupaten; Kecamatan '{kecamatan}' ada di "
                                  f"{_daftar(pemilik)}: pilih dengan --kabupaten {pemilik[0].slug}.") from None


def kecamatan_di(kabupaten: Kabupaten, nama: str) -> Kecamatan:
    """The kecamatan of the kabupaten by slug, name or kode wilayah (case-insensitive)."""
    nama = nama.strip()
    found = Kecamatan.objects.filter(kabupaten=kabupaten).filter(
        Q(slug__iexact=nama) | Q(nama__iexact=nama) | Q(kode=nama)).select_related("kabupaten").first()
    if found is not None:
        return found
    lain = [k for k in _pemilik(nama) if k.pk != kabupaten.pk]
    saran = f" Kecamatan bernama itu ada di {_daftar(lain)}: pilih dengan --kabupaten {lain[0].slug}." if lain else ""
    raise KecamatanTidakDitemukan(f"Kecamatan '{nama}' tidak ditemukan di Kabupaten {kabupaten.nama}.{saran}")


def kecamatan_dari(nama: str, ref: str | None = None) -> Kecamatan:
    """`--kecamatan giri --kabupaten banyuwangi` (or 35.10), the kabupaten as kabupaten_untuk finds it."""
    return kecamatan_di(kabupaten_untuk(ref, nama), nama)


def _pemilik(nama: str) -> list[Kabupaten]:
    """The kabupaten holding a kecamatan of that slug or name, real ones first."""
    return list(Kabupaten.objects.filter(Q(kecamatan__slug__iexact=nama) | Q(kecamatan__nama__iexact=nama))
                .distinct().order_by("demo", "nama")[:10])


def _daftar(kabupaten: list[Kabupaten]) -> str:
    return ", ".join(f"{k.nama} ({k.slug}{', ' + k.kode if k.kode else ''})" for k in kabupaten)
