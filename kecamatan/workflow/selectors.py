"""Reads of Bappeda's notes per row on a submitted document: every indicator, grouped under its
tujuan, sasaran, program, kegiatan or sub-kegiatan with its code, and every sub-kegiatan, each with
the values of the document's period to comment on (target, realisasi, capaian; pagu, realisasi
anggaran, penyerapan); for a Renstra the kondisi awal, the yearly targets and pagu. Fixed query
counts (those of the Renstra or triwulan snapshot it reads)."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan.core.computations import akhir_periode
from kecamatan.core.formatting import format_nilai, format_number, format_persen, format_rupiah
from kecamatan.core.kode import PEMILIK_LABELS
from kecamatan.core.kunci import TW_ROMAWI
from kecamatan.models import Dokumen, Periode
from kecamatan.realisasi.selectors import realisasi_triwulan_data
from kecamatan.realisasi.tables.triwulan import build_realisasi
from kecamatan.renstra.data import IndikatorData, RenstraData
from kecamatan.renstra.selectors import renstra_data

LEVEL_LABEL = PEMILIK_LABELS


@dataclass(frozen=True)
class BarisCatatan:
    """A row Bappeda may comment on, with its values already printed ("84,50", "96,35%", "-")."""

    id: int
    uraian: str
    satuan: str  # an indicator's unit; a sub-kegiatan's code
    sel: tuple[str, ...]


@dataclass(frozen=True)
class KelompokCatatan:
    level: str
    kode: str
    nama: str
    baris: tuple[BarisCatatan, ...]

    @property
    def level_label(self) -> str:
        return LEVEL_LABEL.get(self.level, self.level)


@dataclass(frozen=True)
class CatatanBaris:
    kolom: tuple[str, ...]  # headers of the indicator values
    kelompok: tuple[KelompokCatatan, ...]
    kolom_anggaran: tuple[str, ...]  # headers of the sub-kegiatan values
    anggaran: tuple[BarisCatatan, ...]

    @property
    def indikator_ids(self) -> list[int]:
        return [b.id for g in self.kelompok for b in g.baris]

    @property
    def subkegiatan_ids(self) -> list[int]:
        return [b.id for b in self.anggaran]

    @property
    def lebar(self) -> int:
        """Columns of the indicator table: name, unit, the values, the note."""
        return len(self.kolom) + 3


def baris_catatan(periode: Periode, dokumen: Dokumen) -> CatatanBaris:
    """The rows of a document with its period's values: a Renstra's targets and pagu per year
    (10 queries), or the year (and triwulan) of the other documents (11 queries)."""
    if dokumen.jenis == Dokumen.Jenis.RENSTRA:
        return _renstra(renstra_data(periode.pk))
    tw = dokumen.triwulan or 4  # a Renja or LKj: the whole year, up to TW IV
    halaman = build_realisasi(realisasi_triwulan_data(periode, dokumen.tahun, tw))
    sampai = f"s.d. TW {TW_ROMAWI[tw]}"
    if dokumen.jenis == Dokumen.Jenis.REALISASI:
        kolom = (f"Target {dokumen.tahun}", f"Realisasi TW {TW_ROMAWI[tw]}", f"Realisasi {sampai}", f"Capaian {sampai}")
    else:
        kolom = (f"Target {dokumen.tahun}", f"Realisasi {dokumen.tahun}", f"Capaian {dokumen.tahun}")
    kelompok = tuple(
        KelompokCatatan(g.level, g.kode, g.nama, tuple(
            BarisCatatan(b.data.id, b.data.uraian, b.data.satuan, (
                format_nilai(b.data.target),
                *((format_nilai(b.nilai),) if dokumen.jenis == Dokumen.Jenis.REALISASI else ()),
                format_number(b.kumulatif), format_persen(b.capaian),
            ))
            for b in g.baris
        ))
        for g in halaman.kelompok
    )
    anggaran = tuple(
        BarisCatatan(a.data.id, a.data.nama, a.data.kode, (
            format_rupiah(a.data.pagu) + (f" ({a.data.tahap_pagu})" if a.data.tahap_pagu else ""),
            format_rupiah(a.kumulatif), format_persen(a.penyerapan),
        ))
        for a in halaman.anggaran
    )
    return CatatanBaris(kolom, kelompok, (f"Pagu {dokumen.tahun}", f"Realisasi {sampai} (Rp)", "Penyerapan"),
                        anggaran)


def _renstra(data: RenstraData) -> CatatanBaris:
    """A Renstra: the kondisi awal, each year's target and the akhir periode; pagu per year."""

    def baris(ind: IndikatorData) -> BarisCatatan:
        targets = [ind.target_of(t) for t in data.tahun]
        akhir = akhir_periode([t.nilai for t in targets], ind.aturan)
        return BarisCatatan(ind.id, ind.uraian, ind.satuan, (
            format_nilai(ind.kondisi_awal), *(format_nilai(t) for t in targets), format_number(akhir),
        ))

    kelompok: list[KelompokCatatan] = []
    for t in data.tujuan:
        kelompok.append(KelompokCatatan("tujuan", f"T{t.urutan}", t.uraian, tuple(map(baris, t.indikator))))
        kelompok.extend(KelompokCatatan("sasaran", f"S{t.urutan}.{s.urutan}", s.uraian, tuple(map(baris, s.indikator)))
                        for s in t.sasaran)
    nodes = list(data.nodes())
    kelompok.extend(KelompokCatatan(n.level, n.kode, n.nama, tuple(map(baris, n.indikator))) for n in nodes)
    anggaran = tuple(BarisCatatan(n.id, n.nama, n.kode, tuple(format_rupiah(n.pagu.get(t)) for t in data.tahun))
                     for n in nodes if n.level == "subkegiatan")
    return CatatanBaris(
        (f"Kondisi awal {data.tahun_kondisi_awal}", *(f"Target {t}" for t in data.tahun), "Akhir periode"),
        tuple(g for g in kelompok if g.baris), tuple(f"Pagu {t}" for t in data.tahun), anggaran,
    )
