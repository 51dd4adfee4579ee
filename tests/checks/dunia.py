"""A small, consistent kecamatan-year built by hand (no database) for the check tests: every test
starts from `Dunia()`, whose snapshot gives zero findings, changes one thing the way a seed document
got it wrong, and looks for the finding. Mutable on purpose (plain dicts); `build()` turns it into
the frozen `PeriksaData` the checks read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal as D

from kecamatan.checks.data import CamatInfo, DokumenInfo, PeriksaData, TandaTangan
from kecamatan.core.computations import Polaritas, default_aturan_akhir
from kecamatan.core.formatting import Nilai, parse_nilai
from kecamatan.lkj.data import IkuData, LkjData, PKData
from kecamatan.renja.data import AktivitasData, CatatanData, RanwalData, RenjaData, RincianData
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData, SasaranData, TujuanData
from kecamatan.renstra.data_tabel import IndikatorLaluData, KondisiAwalTercatat, ProgramLaluData, RiwayatData
from kecamatan.tables.base import PenandatanganData

TAHUN = (2024, 2025, 2026)
RENSTRA_PAGU = D(4_000_000)


def n(text: str) -> Nilai:
    return parse_nilai(text)


@dataclass
class Ind:
    uraian: str
    satuan: str
    target: dict[int, str]
    formula: str = ""
    polaritas: Polaritas = Polaritas.POSITIF
    kondisi_awal: str = ""
    iku: bool = False
    boleh_lebih_100: bool = False

    def data(self, id: int) -> IndikatorData:
        return IndikatorData(
            id=id, uraian=self.uraian, satuan=self.satuan, formula=self.formula, polaritas=self.polaritas,
            aturan=default_aturan_akhir(self.satuan), kondisi_awal=n(self.kondisi_awal), iku=self.iku,
            target={t: n(v) for t, v in self.target.items()}, boleh_lebih_100=self.boleh_lebih_100,
        )


@dataclass
class Node:
    id: int
    level: str
    kode: str
    nama: str
    indikator: list[int] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    rumusan: str = ""
    sasaran_id: int | None = None
    pagu_renja: dict[int, D] = field(default_factory=dict)  # NodeData.pagu: tahap renja


class Dunia:
    """Tujuan 1 (IPP), sasaran 1 and 2 (IKU, the desa percentage over 12 desa × 3 documents), program
    7.01.01 → kegiatan 7.01.01.2.01 → two sub-kegiatan, program 7.01.06 → kegiatan → one sub-kegiatan;
    a Renja 2024 funding all three at the Renstra's figures with the Renstra's targets; four triwulan
    of rising realizations and Rp within pagu; the LKj 2024, PK awal with the Renstra's targets and both
    programs, the IKU sheet; one Camat with a valid NIP signing all; T-C.23/T-C.24 rows for 2019-2023."""

    def __init__(self):
        self.tahun = 2024
        self.jumlah_desa: int | None = 12
        self.ind: dict[int, Ind] = {
            1: Ind("Indeks Pelayanan Publik", "Indeks", {2024: "62 (B-)", 2025: "64 (B-)", 2026: "66 (B-)"},
                   "Hasil perhitungan Indeks Pelayanan Publik Kabupaten"),
            2: Ind("Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti", "Persen",
                   {2024: "78", 2025: "84,31", 2026: "88,89"},
                   "Jumlah hasil fasilitasi dan koordinasi yang ditindaklanjuti dibagi jumlah fasilitasi dan "
                   "koordinasi dikali 100", kondisi_awal="75", iku=True),
            3: Ind("Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
                   "Persen", {2024: "83,33", 2025: "88,89", 2026: "94,44"},
                   "(Jumlah desa yang menyusun RKPDesa tepat waktu + Jumlah desa yang menyusun APBDesa tepat waktu "
                   "+ Jumlah desa yang menyusun LPPDesa tepat waktu) dibagi (Jumlah seluruh desa di wilayah "
                   "kecamatan x 3) dikali 100", iku=True),
            4: Ind("Persentase pemenuhan fasilitasi kebutuhan operasional perkantoran", "Persen",
                   {2024: "100", 2025: "100", 2026: "100"},
                   "Jumlah fasilitasi kebutuhan operasional kantor yang dipenuhi dibagi jumlah yang direncanakan "
                   "dikali 100"),
            5: Ind("Persentase dokumen perencanaan yang tersusun tepat waktu", "Persen",
                   {2024: "100", 2025: "100", 2026: "100"}),
            6: Ind("Jumlah Dokumen Perencanaan Perangkat Daerah", "Dokumen", {2024: "2", 2025: "3", 2026: "2"},
                   kondisi_awal="2"),
            7: Ind("Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi", "Dokumen",
                   {2024: "1", 2025: "1", 2026: "1"}),
            8: Ind("Persentase Desa yang menetapkan RKPDes Tepat Waktu", "Persen",
                   {2024: "83,33", 2025: "91,67", 2026: "91,67"},
                   "Jumlah desa yang menetapkan RKPDes tepat waktu dibagi jumlah desa dikali 100"),
            9: Ind("Persentase fasilitasi pembinaan dan pengawasan pemerintahan desa", "Persen",
                   {2024: "100", 2025: "100", 2026: "100"}),
            10: Ind("Jumlah Dokumen yang Difasilitasi dalam rangka Penyusunan Peraturan Desa", "Dokumen",
                    {2024: "3", 2025: "3", 2026: "4"}),
        }
        self.tujuan_ind, self.sasaran_ind = [1], {21: [2], 22: [3]}
        renja_pagu = {2024: RENSTRA_PAGU}
        self.program = [
            Node(101, "program", "7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [4],
                 rumusan="Terselenggaranya fasilitasi kebutuhan operasional kantor", sasaran_id=21, children=[
                     Node(111, "kegiatan", "7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", [5],
                          rumusan="Tersusunnya dokumen perencanaan tepat waktu", children=[
                              Node(121, "subkegiatan", "7.01.01.2.01.0001",
                                   "Penyusunan Dokumen Perencanaan Perangkat Daerah", [6], pagu_renja=dict(renja_pagu)),
                              Node(122, "subkegiatan", "7.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
                                   [7], pagu_renja=dict(renja_pagu)),
                          ]),
                 ]),
            Node(102, "program", "7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA", [8],
                 rumusan="Meningkatnya kualitas pembinaan pemerintahan desa", sasaran_id=22, children=[
                     Node(112, "kegiatan", "7.01.06.2.01", "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan", [9],
                          rumusan="Terfasilitasinya pembinaan pemerintahan desa", children=[
                              Node(123, "subkegiatan", "7.01.06.2.01.0001", "Fasilitasi Penyusunan Peraturan Desa", [10],
                                   pagu_renja=dict(renja_pagu)),
                          ]),
                 ]),
        ]
        self.katalog = {node.kode: node.nama for node in self.nodes()}
        self.pagu_renstra = {sub.id: {t: RENSTRA_PAGU for t in TAHUN} for sub in self.subs()}
        # Renja 2024: every sub-kegiatan, dana = its renja Pagu (no aktivitas), the Renstra's targets
        self.rincian = {2024: {sub.id: RincianData(sub.id, lokasi="Kec. Uji", sumber_dana="DAU") for sub in self.subs()}}
        self.target_renja = {}
        for node in self.nodes():
            for i in node.indikator:
                self.target_renja[i] = {("renja", 2024): n(self.ind[i].target[2024]),
                                        ("prakiraan", 2025): n(self.ind[i].target[2025])}
        self.pagu_prakiraan = {sub.id: {2025: RENSTRA_PAGU} for sub in self.subs()}
        self.pagu_perubahan: dict[int, dict[int, D]] = {}
        self.ranwal: list[RanwalData] = [RanwalData(1, 1, "program", nama="Program Penunjang", indikator=self.ind[4].uraian,
                                                    node_key=("program", 101))]
        self.catatan: list[CatatanData] = []
        # triwulan realizations 2024: cumulative percentages rising; the index measured once, in TW IV
        self.realisasi = {
            1: {2024: {4: n("60")}},
            2: {2024: {1: n("20"), 2: n("40"), 3: n("60"), 4: n("80")}},
            3: {2024: {1: n("25"), 2: n("50"), 3: n("75"), 4: n("83,33")}},
        }
        for i in self.ind:  # every TW is verified, so complete: N/A (with its reason) where nothing was measured
            per_tw = self.realisasi.setdefault(i, {}).setdefault(2024, {})
            for tw in (1, 2, 3, 4):
                per_tw.setdefault(tw, n("N/A"))
        self.rp_triwulan = {sub.id: {tw: D(1_000_000) for tw in (1, 2, 3, 4)} for sub in self.subs()}
        self.pk_target = {"awal": {2: n("78"), 3: n("83,33")}}
        self.pk_program = {"awal": [101, 102]}
        self.iku_ditetapkan = True
        self.camat = {1: CamatInfo(1, "ISKANDAR", "196509051990031009", datetime.date(2022, 1, 1))}
        self.dokumen = {
            "renstra": DokumenInfo("renstra", "Renstra 2024-2026", "diverifikasi", 3, 1, "Uji", datetime.date(2023, 5, 1)),
            "renja-2024": DokumenInfo("renja-2024", "Renja 2024", "draft", 2, 1, "Uji", datetime.date(2023, 6, 1)),
            "lkj-2024": DokumenInfo("lkj-2024", "LKj 2024", "draft", 1, 1, "Uji", datetime.date(2025, 1, 15)),
            **{f"realisasi-2024-{tw}": DokumenInfo(f"realisasi-2024-{tw}", f"Realisasi 2024 TW {tw}", "diverifikasi", 1)
               for tw in (1, 2, 3, 4)},
        }
        self.tanda_tangan = [
            TandaTangan("renstra", "Renstra 2024-2026", 1, datetime.date(2023, 5, 1)),
            TandaTangan("renja-2024", "Renja 2024", 1, datetime.date(2023, 6, 1)),
            TandaTangan("lkj-2024", "LKj 2024", 1, datetime.date(2025, 1, 15)),
            TandaTangan("lkj-2024", "Perjanjian Kinerja awal 2024", 1, datetime.date(2024, 1, 10)),
        ]
        self.riwayat_indikator = [IndikatorLaluData(
            id=501, uraian="Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti", mulai=2019, sampai=2023,
            bernomor=True, target={t: n("72") for t in range(2019, 2024)},
            realisasi={t: n("75") for t in range(2019, 2024)})]
        self.riwayat_program = [ProgramLaluData(
            id=601, uraian="PROGRAM PELAYANAN ADMINISTRASI PERKANTORAN", mulai=2019, sampai=2023,
            anggaran={t: D(1_000_000) for t in range(2019, 2024)}, realisasi={t: D(900_000) for t in range(2019, 2024)})]
        self.kondisi_awal = {2: KondisiAwalTercatat(2022, n("75"))}

    # --- walking --------------------------------------------------------------------------------------

    def nodes(self):
        def walk(node):
            yield node
            for child in node.children:
                yield from walk(child)
        for program in self.program:
            yield from walk(program)

    def subs(self):
        return [node for node in self.nodes() if node.level == "subkegiatan"]

    def node(self, kode: str) -> Node:
        return next(node for node in self.nodes() if node.kode == kode)

    # --- building -------------------------------------------------------------------------------------

    def _node_data(self, node: Node) -> NodeData:
        return NodeData(id=node.id, level=node.level, kode=node.kode, nama=node.nama, rumusan_sasaran=node.rumusan,
                        indikator=tuple(self.ind[i].data(i) for i in node.indikator),
                        children=tuple(self._node_data(c) for c in node.children), pagu=dict(node.pagu_renja),
                        sasaran_id=node.sasaran_id)

    def build(self) -> PeriksaData:
        ind = {i: spec.data(i) for i, spec in self.ind.items()}
        sasaran = tuple(SasaranData(sid, k, f"Sasaran uji {k}", indikator=tuple(ind[i] for i in ids))
                        for k, (sid, ids) in enumerate(self.sasaran_ind.items(), start=1))
        tujuan = TujuanData(11, 1, "Optimalnya penyelenggaraan reformasi birokrasi",
                            indikator=tuple(ind[i] for i in self.tujuan_ind), sasaran=sasaran)
        renstra = RenstraData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", provinsi="Jawa Timur", tahun=TAHUN,
                              tahun_kondisi_awal=2022, tujuan=(tujuan,),
                              program=tuple(self._node_data(p) for p in self.program))
        renja = RenjaData(renstra=renstra, tahun=self.tahun, rincian=self.rincian,
                          pagu_prakiraan=self.pagu_prakiraan, pagu_perubahan=self.pagu_perubahan,
                          target_renja=self.target_renja, realisasi=self.realisasi, ranwal=tuple(self.ranwal),
                          catatan=tuple(self.catatan),
                          # notes cite the columns of the paper they came from: Senduro's own layouts,
                          # as the demo pins the Renja taken over from it
                          tata_letak={"tc30": "renstra", "tc32": "senduro", "tc33": "senduro"})
        ttd = PenandatanganData(nama="ISKANDAR", jabatan="Camat Uji", nip="19650905 199003 1 009")
        pk = {versi: PKData(versi=versi, penandatangan=ttd, pihak_kedua=ttd,
                            target=tuple(targets.items()),
                            program=tuple((p, "Sumber DAU") for p in self.pk_program.get(versi, ())))
              for versi, targets in self.pk_target.items()}
        subs = self.subs()
        lkj = LkjData(
            renstra=renstra, tahun=self.tahun,
            pagu_awal={s.id: s.pagu_renja[self.tahun] for s in subs if self.tahun in s.pagu_renja},
            pagu_perubahan={s: per[self.tahun] for s, per in self.pagu_perubahan.items() if self.tahun in per},
            realisasi_anggaran={s: sum(per.values(), D(0)) for s, per in self.rp_triwulan.items()},
            pk=pk, iku=IkuData() if self.iku_ditetapkan else None,
        )
        return PeriksaData(
            periode_id=1, kecamatan="Uji", kecamatan_id=1, tahun=self.tahun, renja=renja, lkj=lkj,
            jumlah_desa=self.jumlah_desa, pagu_renstra=self.pagu_renstra, rp_triwulan=self.rp_triwulan,
            riwayat=RiwayatData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", tahun=tuple(range(2019, 2024)),
                                indikator=tuple(self.riwayat_indikator), program=tuple(self.riwayat_program)),
            kondisi_awal=self.kondisi_awal, dokumen=self.dokumen, camat=self.camat,
            tanda_tangan=tuple(self.tanda_tangan), katalog=self.katalog, iku_ditetapkan=self.iku_ditetapkan,
            pk_id={versi: 900 + k for k, versi in enumerate(self.pk_target)},
        )


def aktivitas(*amounts: int) -> tuple[AktivitasData, ...]:
    return tuple(AktivitasData(k, f"Aktivitas {k}", D(a), k) for k, a in enumerate(amounts, start=1))
