"""What the Bappeda comparison tables share (matriks, penyerapan, kelengkapan, tren): one
indicator of one kecamatan at a triwulan (`Sel`), the indicator columns compared across kecamatan
(`Kolom`), colours, the kop, titles, file names, sorting and the closing notes. Pure.

Every figure is computed with the same functions as the kecamatan's own triwulan page
(`realisasi` tables): realisasi s.d. TW = `realisasi_kumulatif`, capaian = `capaian`,
penyerapan = Σ realisasi anggaran TW I..T ÷ Σ pagu of each sub-kegiatan's latest stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.computations import capaian, predikat, realisasi_kumulatif
from kecamatan.core.formatting import Nilai, sebutan_kabupaten
from kecamatan.core.kunci import TW_ROMAWI
from kecamatan.perbandingan.data import LEVEL_URUT, IndikatorKecamatan, KecamatanInfo, PerbandinganData, Pilihan
from kecamatan.perbandingan.rules import WARNA_PREDIKAT, label_indikator
from kecamatan.tables.base import Kop

REALISASI, RENJA, LKJ = "realisasi", "renja", "lkj"
MERAH, ORANYE, KUNING, HIJAU, BIRU_MUDA, ABU = "EE9A9A", "F7C19B", "FBE7A1", "C4E8B0", "CFE2FF", "E9ECEF"

CATATAN_CAPAIAN = (
    "Capaian = realisasi s.d. triwulan ÷ target tahun × 100 (polaritas negatif: (2 × target − realisasi) ÷ target "
    "× 100). Realisasi s.d. triwulan: nilai terakhir yang dilaporkan untuk persen/indeks, jumlah triwulan untuk "
    "satuan hitung, sama dengan halaman realisasi tiap kecamatan."
)
CATATAN_PREDIKAT = (
    "Warna predikat (LKj Tabel 3.1): > 90% Sangat Tinggi, > 75%–90% Tinggi, > 65%–75% Sedang, > 50%–65% Rendah, "
    "≤ 50% Sangat Rendah."
)
CATATAN_KUNCI = (
    "Indikator yang sama dikenali dari uraiannya: huruf besar/kecil, tanda baca, spasi, awalan 'Indikator' dan "
    "salah ketik 'Presentase' diabaikan; varian rumusan IKU kabupaten disamakan."
)
CATATAN_MEDIAN = "Median kabupaten: nilai tengah dari kecamatan yang mempunyai nilai (kecamatan tanpa nilai tidak dihitung)."
CATATAN_PAGU = (
    "Pagu: tahap terakhir yang ada untuk tiap sub kegiatan (Perubahan, atau Renja/DPA, Rancangan, Renstra). "
    "Realisasi: jumlah realisasi anggaran TW I s.d. triwulan terpilih. Penyerapan = realisasi ÷ pagu × 100. "
    "Efisiensi = capaian kinerja − penyerapan (LKj Tabel 3.8)."
)
CATATAN_DEMO = "(demo) = Renstra, target, pagu dan realisasi dibangkitkan otomatis untuk demo, bukan data asli kecamatan."


@dataclass(frozen=True)
class Sel:
    """One indicator of one kecamatan at a triwulan: what the matrix cell shows."""

    indikator: IndikatorKecamatan
    target: Nilai
    realisasi: Decimal | None  # cumulative to the triwulan
    capaian: Decimal | None


def sel_of(ind: IndikatorKecamatan, tahun: int, triwulan: int) -> Sel:
    kumulatif = realisasi_kumulatif([n.nilai for n in ind.per_triwulan(tahun)], ind.aturan)[triwulan - 1]
    target = ind.target.get(tahun, Nilai())
    return Sel(ind, target, kumulatif, capaian(target.nilai, kumulatif, polaritas=ind.polaritas))


@dataclass(frozen=True)
class Kolom:
    """An indicator compared across kecamatan: every kecamatan's indicator with this key."""

    kunci: str
    label: str
    satuan: str
    level: str
    per_kecamatan: dict[int, IndikatorKecamatan]


def kolom_indikator(data: PerbandinganData, keep: Callable[[IndikatorKecamatan], bool] = lambda i: True,
                    ) -> tuple[list[Kolom], int]:
    """The indicator columns (keys shared by at least two kecamatan, or the one chosen) and the
    number of keys left out because only one kecamatan uses them."""
    grouped: dict[str, dict[int, IndikatorKecamatan]] = defaultdict(dict)
    for ind in data.indikator:
        if keep(ind):
            grouped[ind.kunci].setdefault(ind.kecamatan_id, ind)  # a duplicate wording counts once
    with_renstra = sum(1 for k in data.kecamatan if k.periode_id)
    minimum = 2 if with_renstra >= 2 else 1
    chosen = data.pilihan.indikator
    columns, single = [], 0
    for kunci, per_kec in grouped.items():
        if chosen and kunci != chosen:
            continue
        if not chosen and len(per_kec) < minimum:
            single += 1
            continue
        columns.append(_kolom(kunci, per_kec))
    columns.sort(key=lambda c: (LEVEL_URUT[c.level], min(i.program_kode for i in c.per_kecamatan.values()),
                                -len(c.per_kecamatan), c.label))
    return columns, single


def _kolom(kunci: str, per_kec: dict[int, IndikatorKecamatan]) -> Kolom:
    """The column of one indicator key: the satuan most kecamatan use, the median level."""
    inds = list(per_kec.values())
    levels = sorted(LEVEL_URUT[i.level] for i in inds)
    satuan = max({i.satuan for i in inds}, key=lambda s: (sum(1 for i in inds if i.satuan == s), s))
    level = next(name for name, n in LEVEL_URUT.items() if n == levels[len(levels) // 2])
    return Kolom(kunci, label_indikator(kunci, (i.uraian for i in inds)), satuan, level, per_kec)


def pilihan_indikator(data: PerbandinganData) -> list[tuple[str, str]]:
    """(key, label) of every indicator column of the current scope, for the filter and sort links."""
    kolom, _ = kolom_indikator(replace(data, pilihan=data.pilihan.with_(indikator="")))
    return [(c.kunci, c.label) for c in kolom]


def warna(nilai_capaian: Decimal | None) -> str:
    """The background colour of a capaian's predikat (LKj Tabel 3.1), "" without one."""
    label = predikat(nilai_capaian)
    return WARNA_PREDIKAT.get(label, "") if label else ""


def kop(data: PerbandinganData) -> Kop:
    return Kop(pemerintah=f"PEMERINTAH {sebutan_kabupaten(data.kabupaten).upper()}", instansi=data.bappeda.upper(),
               alamat=(data.alamat_bappeda,) if data.alamat_bappeda else ())


def periode_teks(p: Pilihan) -> str:
    return f"Tahun {p.tahun} s.d. Triwulan {TW_ROMAWI[p.triwulan]}"


def _filter_teks(data: PerbandinganData, kolom: list[Kolom] | None = None) -> str:
    p = data.pilihan
    parts = []
    if p.program:
        nama = dict(data.program).get(p.program, "")
        parts.append(f"Program {p.program} {nama}".strip())
    else:
        parts.append("Indikator Kinerja Utama (tujuan dan sasaran)")
    if p.indikator:
        label = kolom[0].label if kolom else p.indikator
        parts.append(f"indikator: {label}")
    return "; ".join(parts)


def judul(baris1: str, data: PerbandinganData, *, kolom: list[Kolom] | None = None,
          with_filter: bool = True) -> tuple[str, ...]:
    p = data.pilihan
    lines = [baris1, f"Kecamatan se-{sebutan_kabupaten(data.kabupaten)} · {periode_teks(p)}"]
    if with_filter:
        lines.append(_filter_teks(data, kolom))
    lines.append(f"Keadaan data per {formatting.format_tanggal(p.hari_ini)}")
    return tuple(lines)


def filename(nama: str, data: PerbandinganData) -> str:
    p = data.pilihan
    slug = data.kabupaten.lower().replace(" ", "-")
    extra = f"-{p.program}" if p.program else ""
    return f"perbandingan-{nama}-{slug}-{p.tahun}-tw{p.triwulan}{extra}"


def urutkan(kecamatan: list[KecamatanInfo], key: Callable[[KecamatanInfo], Decimal | int | None],
            turun: bool) -> list[KecamatanInfo]:
    """Sorted by a figure; kecamatan without it come last whatever the direction, by name."""
    with_value = [k for k in kecamatan if key(k) is not None]
    without = [k for k in kecamatan if key(k) is None]
    with_value.sort(key=lambda k: (key(k), k.nama) if not turun else (-key(k), k.nama))
    return with_value + sorted(without, key=lambda k: k.nama)


def dokumen_map(data: PerbandinganData):
    """The documents of every kecamatan by (kecamatan id, jenis, tahun, triwulan)."""
    return {(d.kecamatan_id, d.jenis, d.tahun, d.triwulan): d for d in data.dokumen}


def status_tw(data: PerbandinganData, docs, k: KecamatanInfo, tahun: int, tw: int) -> str:
    """The state of a kecamatan's realisasi of one triwulan, as the last column prints it."""
    if not k.periode_id:
        return "Belum ada Renstra"
    d = docs.get((k.id, REALISASI, tahun, tw))
    return d.status_label if d else "Belum diisi"


def notes(data: PerbandinganData, *extra: str) -> tuple[str, ...]:
    """The closing notes: the table's own, then the demo marks."""
    out = list(extra)
    if any(k.demo for k in data.kecamatan):
        out.append(CATATAN_DEMO)
    if data.kabupaten_demo:
        out.append("Kabupaten sintetis, dibangkitkan otomatis untuk menguji kecepatan aplikasi, bukan kabupaten asli.")
    return tuple(out)
