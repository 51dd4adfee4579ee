"""A small hand-made Renja (no database) for the pure builder tests."""

from decimal import Decimal as D

from kecamatan.core.computations import AturanAkhir, Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import AktivitasData, RanwalData, RenjaData, RincianData
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData, SasaranData, TujuanData

TAHUN = (2024, 2025, 2026)


def ind(id, uraian, satuan, *, aturan=AturanAkhir.JUMLAH, polaritas=Polaritas.POSITIF, target=None):
    return IndikatorData(id=id, uraian=uraian, satuan=satuan, aturan=aturan, polaritas=polaritas,
                         target={t: Nilai(v) if not isinstance(v, Nilai) else v for t, v in (target or {}).items()})


def small_renja(**changes) -> RenjaData:
    sub1 = NodeData(11, "subkegiatan", "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan",
                    indikator=(ind(101, "Jumlah Dokumen Perencanaan", "Dokumen", target={2024: D(2)}),),
                    pagu={2024: D(1)})  # stale: aktivitas exist, so they hold the dana
    sub2 = NodeData(12, "subkegiatan", "7.01.01.2.01.0002", "Koordinasi RKA-SKPD",
                    indikator=(ind(102, "Jumlah Dokumen RKA", "Dokumen"),), pagu={2024: D("6597500")})
    sub3 = NodeData(13, "subkegiatan", "7.01.01.2.01.0003", "Tidak di Renja", pagu={2024: D("999")})
    keg = NodeData(21, "kegiatan", "7.01.01.2.01", "Perencanaan", children=(sub1, sub2, sub3),
                   indikator=(ind(201, "Persentase fasilitasi", "Persen", aturan=AturanAkhir.NILAI_AKHIR,
                                  target={2024: D(100)}),))
    program = NodeData(31, "program", "7.01.01", "PROGRAM PENUNJANG", children=(keg,),
                       indikator=(ind(301, "RKPDes tepat waktu", "Persen", aturan=AturanAkhir.NILAI_AKHIR),
                                  ind(302, "APBDes tepat waktu", "Persen", aturan=AturanAkhir.NILAI_AKHIR)))
    tujuan = TujuanData(1, 1, "Tujuan uji", indikator=(ind(401, "Indeks Pelayanan Publik", "Angka",
                        aturan=AturanAkhir.NILAI_AKHIR, target={2024: Nilai(D("60.5"), "B-")}),),
                        sasaran=(SasaranData(2, 1, "Sasaran uji", indikator=(ind(402, "Persentase uji", "Persen"),)),))
    renstra = RenstraData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", provinsi="Jawa Timur", tahun=TAHUN,
                          tahun_kondisi_awal=2022, tujuan=(tujuan,), program=(program,))
    aktivitas = (AktivitasData(1, "Penyusunan Dokumen Renja", D("5136500"), 1),
                 AktivitasData(2, "Penyusunan Dokumen Perubahan Renja", D("4704500"), 2))
    data = dict(
        renstra=renstra,
        tahun=2024,
        rincian={2024: {
            11: RincianData(11, lokasi="Kec. Uji", sumber_dana="DAU", aktivitas=aktivitas),
            12: RincianData(12, lokasi="Kec. Uji", sumber_dana="DAK",
                            aktivitas=(AktivitasData(1, "Penyusunan RKA", D("6597500"), 1, catatan="cek"),)),
        }},
        pagu_prakiraan={11: {2025: D("5435320")}, 12: {2025: D("3769150")}},
        target_renja={101: {("renja", 2024): Nilai(D(2)), ("prakiraan", 2025): Nilai(D(3))},
                      401: {("renja", 2024): Nilai(D(61)), ("prakiraan", 2025): Nilai(D(62))}},
        ranwal=(
            RanwalData(1, 1, "program", nama="Program Penunjang", target=Nilai(D(100)), satuan="Persen",
                       node_key=("program", 31)),
            RanwalData(2, 2, "kegiatan", nama="Perencanaan", node_key=("kegiatan", 21)),
            RanwalData(3, 3, "subkegiatan", nama="Dokumen", pagu=D("2000000"), target=Nilai(D(1)), satuan="Dokumen",
                       node_key=("subkegiatan", 11)),
            RanwalData(4, 4, "subkegiatan", nama="RKA", pagu=D("2000000")),
            RanwalData(5, 5, "subkegiatan", node_key=("subkegiatan", 12)),
            RanwalData(6, 6, "subkegiatan", nama="Hanya di Ranwal", target=Nilai(None, "N/A")),
        ),
        # T-C.33 in the Senduro Renja's layout, the numbering these builder tests cite columns by;
        # the annex layout has tests of its own
        tata_letak={"tc33": "senduro"},
    )
    data.update(changes)
    return RenjaData(**data)
