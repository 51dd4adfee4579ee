"""What a check is and what it finds: a `Temuan` (finding) with its rule, severity, document, an
Indonesian message and a link to the place to fix it; the registry of named rules; the result of a
run, grouped by document. Pure: no database (a link is resolved with `reverse` only when a page
or command asks for its URL)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

GALAT = "galat"  # the figures disagree, or a value a document needs is missing: fix before submitting
PERINGATAN = "peringatan"  # probably wrong, possibly intended: look at it and decide
TINGKAT = (GALAT, PERINGATAN)
TINGKAT_LABEL = {GALAT: "Galat", PERINGATAN: "Peringatan"}


@dataclass(frozen=True)
class Tautan:
    """Where to fix a finding: a URL name and its keyword arguments (resolved on demand)."""

    name: str  # "kecamatan:indikator_ubah", "admin:kecamatan_camat_change"
    kwargs: tuple[tuple[str, object], ...] = ()
    query: tuple[tuple[str, object], ...] = ()  # ?tahun=2024 on a table page

    @classmethod
    def to(cls, url_name: str, /, **kwargs) -> Tautan:
        return cls(url_name, tuple(sorted(kwargs.items())))

    def with_query(self, **query) -> Tautan:
        return Tautan(self.name, self.kwargs, tuple(sorted(query.items())))

    def url(self) -> str:
        url = reverse(self.name, kwargs=dict(self.kwargs))
        return f"{url}?{urlencode(self.query)}" if self.query else url

    @property
    def admin(self) -> bool:
        """Only the admin kabupaten can open the Django admin: the page says so."""
        return self.name.startswith("admin:")

    @property
    def kelola(self) -> bool:
        """A page of the admin kabupaten (kecamatan/kelola/): others are told whom to ask."""
        return self.name.startswith("kecamatan:kelola")


@dataclass(frozen=True)
class Temuan:
    """One inconsistency: which rule found it, how serious, in which document, what is wrong (with
    the figures), where (the row it concerns) and a link to the page where it is fixed."""

    aturan: str  # the rule's code, e.g. "target-melonjak"
    tingkat: str  # galat | peringatan
    dokumen: str  # document key: renstra, renja-2024, realisasi-2024-2, lkj-2024
    pesan: str
    tempat: str = ""  # the row: "7.01.01.2.01.0001 Penyusunan Dokumen …", "Camat ISKANDAR"
    tautan: Tautan | None = None

    def __post_init__(self) -> None:
        if self.tingkat not in TINGKAT:
            raise ValueError(f"tingkat {self.tingkat!r}")

    @property
    def is_galat(self) -> bool:
        return self.tingkat == GALAT

    @property
    def tingkat_label(self) -> str:
        return TINGKAT_LABEL[self.tingkat]


@dataclass(frozen=True)
class Aturan:
    """A named check: one pure function over the snapshot, yielding findings."""

    kode: str
    judul: str  # what it checks, in Indonesian, for the list of rules and the command's help
    fungsi: Callable[..., Iterable[Temuan]]
    kasus: tuple[str, ...] = ()  # the tables.md §9 items it covers (R-6, L-19 …)


ATURAN: dict[str, Aturan] = {}
# findings made outside a kecamatan-year run (the Excel import preview)
JUDUL_LAIN = {"jumlah-tertulis": "Jumlah yang diketik di lembar Excel berbeda dengan jumlah rinciannya"}


def aturan(kode: str, judul: str, kasus: Iterable[str] = ()):
    """Register a check under a stable code (the code is shown with every finding)."""

    def register(fn):
        if kode in ATURAN:
            raise ValueError(f"aturan {kode} terdaftar dua kali")
        ATURAN[kode] = Aturan(kode, judul, fn, tuple(kasus))
        fn.kode = kode
        return fn

    return register


def judul_aturan(kode: str) -> str:
    return ATURAN[kode].judul if kode in ATURAN else JUDUL_LAIN.get(kode, kode)


@dataclass(frozen=True)
class KelompokDokumen:
    """The findings of one document, galat first."""

    kunci: str
    judul: str
    temuan: tuple[Temuan, ...] = ()

    @property
    def galat(self) -> int:
        return sum(1 for t in self.temuan if t.is_galat)

    @property
    def peringatan(self) -> int:
        return len(self.temuan) - self.galat

    def per_aturan(self) -> list[KelompokAturan]:
        """The findings by rule, rules with galat first, each in the order found."""
        order: dict[str, list[Temuan]] = {}
        for t in self.temuan:
            order.setdefault(t.aturan, []).append(t)
        groups = [KelompokAturan(kode, judul_aturan(kode), tuple(found)) for kode, found in order.items()]
        return sorted(groups, key=lambda g: g.galat == 0)


@dataclass(frozen=True)
class KelompokAturan:
    kode: str
    judul: str
    temuan: tuple[Temuan, ...]

    @property
    def galat(self) -> int:
        return sum(1 for t in self.temuan if t.is_galat)

    @property
    def peringatan(self) -> int:
        return len(self.temuan) - self.galat


@dataclass(frozen=True)
class Hasil:
    """Every finding of a run over a kecamatan-year (or one of its documents)."""

    periode_id: int
    kecamatan: str
    tahun: int
    dokumen: tuple[tuple[str, str], ...]  # (key, title) of the documents checked, in document order
    temuan: tuple[Temuan, ...] = ()
    sidik: str = ""  # the versi of the documents checked (see checks.run.sidik)

    @property
    def galat(self) -> int:
        return sum(1 for t in self.temuan if t.is_galat)

    @property
    def peringatan(self) -> int:
        return len(self.temuan) - self.galat

    def per_dokumen(self, *, kosong: bool = True) -> list[KelompokDokumen]:
        """Findings grouped by document in document order; documents without findings too unless
        `kosong` is False."""
        out = []
        for kunci, judul in self.dokumen:
            found = tuple(t for t in self.temuan if t.dokumen == kunci)
            if found or kosong:
                out.append(KelompokDokumen(kunci, judul, found))
        return out

    def untuk(self, kunci: str) -> Hasil:
        """The same result restricted to one document."""
        return Hasil(self.periode_id, self.kecamatan, self.tahun,
                     tuple(d for d in self.dokumen if d[0] == kunci),
                     tuple(t for t in self.temuan if t.dokumen == kunci), self.sidik)

    def ringkasan(self) -> dict[str, dict[str, int]]:
        """{document key: {"galat": n, "peringatan": m}} for every document checked."""
        return {k.kunci: {GALAT: k.galat, PERINGATAN: k.peringatan} for k in self.per_dokumen()}


def urutkan(temuan: Iterable[Temuan], dokumen_order: list[str]) -> tuple[Temuan, ...]:
    """Document order, then galat before peringatan, then the order the rules found them."""
    rank = {k: i for i, k in enumerate(dokumen_order)}
    indexed = list(enumerate(temuan))
    indexed.sort(key=lambda it: (rank.get(it[1].dokumen, len(rank)), it[1].tingkat != GALAT, it[0]))
    return tuple(t for _, t in indexed)


@dataclass(frozen=True)
class Lokasi:
    """An indicator's owner as people name it: level, code (or T1/S2) and name, and the page where
    the indicator is edited."""

    level: str  # tujuan | sasaran | program | kegiatan | subkegiatan
    kode: str
    nama: str
    owner_id: int

    def label(self) -> str:
        if self.level == "tujuan":
            return f"Tujuan {self.kode[1:]} {self.nama}"
        if self.level == "sasaran":
            return f"Sasaran {self.kode[1:]} {self.nama}"
        return f"{self.kode} {self.nama}"
