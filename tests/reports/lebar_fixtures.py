"""A Renstra of any length with long names and Rp up to 10^11, built with the factories, for the
tests of how wide tables print (tables.lebar)."""

from __future__ import annotations

from decimal import Decimal

from kecamatan import models as m
from tests.factories import (CamatFactory, IndikatorFactory, KegiatanFactory, KecamatanFactory, PeriodeFactory,
                             ProgramFactory, SubKegiatanFactory)

PROGRAM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik Kewilayahan"
KEGIATAN = ("Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
            "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah")
SUB = ("Koordinasi/Sinkronisasi Perencanaan, Pelaksanaan dan Pengendalian Pembangunan Desa/Kelurahan",
       "Pelaksanaan Koordinasi Pencegahan dan Penanganan Kawasan Kumuh serta Pemberdayaan Masyarakat",
       "Fasilitasi Penyelenggaraan Ketenteraman, Ketertiban Umum dan Perlindungan Masyarakat")
INDIKATOR = "Persentase Desa/Kelurahan yang Menyelenggarakan Musyawarah Perencanaan Pembangunan Tepat Waktu"
FORMULA = "(Jumlah desa/kelurahan yang melaksanakan musrenbang tepat waktu : jumlah seluruh desa/kelurahan) x 100%"
TUJUAN = "Meningkatkan kualitas penyelenggaraan pemerintahan dan pelayanan publik di tingkat kecamatan"
SASARAN = "Meningkatnya kualitas perencanaan dan pengendalian pembangunan partisipatif di wilayah kecamatan"


def _indikator(periode: m.Periode, tahun: tuple[int, ...], **owner) -> None:
    ind = IndikatorFactory(periode=periode, uraian=INDIKATOR, satuan="Persen", formula=FORMULA,
                           kondisi_awal=Decimal("87.50"), **owner)
    for i, t in enumerate(tahun):
        m.Target.objects.create(indikator=ind, tahun=t, nilai=Decimal("90.25") + i)


def build_renstra_lebar(nama: str, tahun_mulai: int, tahun_selesai: int) -> m.Periode:
    """A tujuan and a sasaran, each with an indicator; one program of that sasaran, two kegiatan, three sub-kegiatan each (the first with two indicators); every
    sub-kegiatan funded up to 33.333.333.333 a year, so the yearly total nears 10^11 (bold)."""
    tahun = tuple(range(tahun_mulai, tahun_selesai + 1))
    kecamatan = KecamatanFactory(nama=nama)
    periode = PeriodeFactory(kecamatan=kecamatan, tahun_mulai=tahun_mulai, tahun_selesai=tahun_selesai,
                             tahun_kondisi_awal=tahun_mulai - 1)
    CamatFactory(kecamatan=kecamatan)
    tujuan = m.Tujuan.objects.create(periode=periode, urutan=1, uraian=TUJUAN)
    _indikator(periode, tahun, tujuan=tujuan)
    sasaran = m.Sasaran.objects.create(tujuan=tujuan, urutan=1, uraian=SASARAN)
    _indikator(periode, tahun, sasaran=sasaran)
    program = ProgramFactory(periode=periode, nama=PROGRAM, rumusan_sasaran=SASARAN, unit_kerja="Sekretariat",
                             sasaran=sasaran)
    _indikator(periode, tahun, program=program)
    for k, nama_kegiatan in enumerate(KEGIATAN):
        kegiatan = KegiatanFactory(program=program, nama=nama_kegiatan, rumusan_sasaran=SASARAN,
                                   unit_kerja="Seksi Pemerintahan")
        _indikator(periode, tahun, kegiatan=kegiatan)
        for s, nama_sub in enumerate(SUB):
            sub = SubKegiatanFactory(kegiatan=kegiatan, nama=nama_sub, rumusan_sasaran=SASARAN,
                                     unit_kerja="Seksi Ketenteraman dan Ketertiban Umum")
            for _ in range(2 if s == 0 else 1):
                _indikator(periode, tahun, subkegiatan=sub)
            for i, t in enumerate(tahun):
                jumlah = Decimal("16666666666") - Decimal(104_729 * (k * 3 + s + i))
                m.Pagu.objects.create(subkegiatan=sub, tahun=t, jumlah=jumlah)
    return periode
