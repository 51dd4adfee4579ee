"""Checks within the Renstra: indicators (satuan, targets, wording, formulas, polarity), the names
and codes of the cascade, the desa percentages, the kondisi awal against T-C.23, and targets that
jump from one year to the next. The history tables T-C.23/T-C.24 are checked in `riwayat`. Pure."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from kecamatan.checks.base import GALAT, PERINGATAN, Tautan, Temuan, aturan
from kecamatan.checks.data import (
    TW_ROMAWI,
    PeriksaData,
    tautan_indikator,
    tautan_node,
    tautan_pk,
    tautan_realisasi,
    tautan_target_renja,
)
from kecamatan.checks.nilai import angka, sama, teks
from kecamatan.checks.teks import (
    arah_kalimat,
    is_persen,
    kelipatan,
    label_is_unit,
    mirip,
    normal,
    pembagi_desa,
    rumus_terpotong,
    same_unit,
    suku_ganda,
    unit_named_in,
    unit_of,
)
from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import PRAKIRAAN

RENSTRA = "renstra"
MIRIP_KATALOG = 0.6  # below this similarity a row's name is not a variant of its catalog name


def tahun_list(tahun) -> str:
    """2022, 2023 dan 2024."""
    tahun = list(tahun)
    return ", ".join(str(t) for t in tahun[:-1]) + (" dan " if len(tahun) > 1 else "") + str(tahun[-1])


@aturan("indikator-tanpa-satuan", "Indikator tanpa satuan")
def indikator_tanpa_satuan(data: PeriksaData):
    for ind, lokasi in data.indikator():
        if not ind.satuan.strip():
            yield Temuan("indikator-tanpa-satuan", GALAT, RENSTRA,
                         f"Indikator “{ind.uraian}” tidak mempunyai satuan: tabel tidak dapat mencetak "
                         "targetnya dengan benar. Isi satuan, mis. Persen, Dokumen, Indeks.",
                         lokasi.label(), tautan_indikator(ind))


@aturan("indikator-tanpa-target", "Indikator tanpa target pada tahun periode Renstra")
def indikator_tanpa_target(data: PeriksaData):
    for ind, lokasi in data.indikator():
        kosong = [t for t in data.tahun_periode if ind.target_of(t).is_empty]
        if not kosong:
            continue
        if len(kosong) == len(data.tahun_periode):
            pesan = (f"Indikator “{ind.uraian}” tidak mempunyai target sama sekali "
                     f"({tahun_list(kosong)}).")
        else:
            pesan = f"Indikator “{ind.uraian}” tidak mempunyai target {tahun_list(kosong)}."
        yield Temuan("indikator-tanpa-target", GALAT, RENSTRA,
                     pesan + " Isi angkanya; tulis - bila tahun itu tidak ada target, atau N/A bila indikator "
                             "tidak berlaku.", lokasi.label(), tautan_indikator(ind))


@aturan("polaritas-rumus", "Polaritas indikator berlawanan dengan bunyi indikator dan rumusnya")
def polaritas_rumus(data: PeriksaData):
    for ind, lokasi in data.indikator():
        arah, kata = arah_kalimat(ind.uraian, ind.formula)
        if not arah or arah == ind.polaritas.value:
            continue
        if ind.polaritas is Polaritas.NEGATIF:
            pesan = (f"Indikator “{ind.uraian}” berpolaritas negatif (makin rendah makin baik), tetapi "
                     f"bunyi dan rumusnya menghitung hal yang ingin ditingkatkan ({', '.join(kata)}). Bila "
                     "realisasi yang lebih tinggi berarti kinerja lebih baik, ubah polaritasnya menjadi positif; "
                     "capaiannya dihitung terbalik.")
        else:
            pesan = (f"Indikator “{ind.uraian}” berpolaritas positif, tetapi bunyi dan rumusnya menghitung "
                     f"hal yang ingin dikurangi ({', '.join(kata)}). Bila realisasi yang lebih rendah berarti "
                     "kinerja lebih baik, ubah polaritasnya menjadi negatif.")
        yield Temuan("polaritas-rumus", PERINGATAN, RENSTRA, pesan, lokasi.label(), tautan_indikator(ind))


@aturan("nama-dua-kode", "Satu nama program/kegiatan/sub kegiatan di bawah dua kode", kasus=("J-6", "L-13"))
def nama_dua_kode(data: PeriksaData):
    by_name = defaultdict(list)
    for node in data.nodes():
        by_name[(node.level, normal(node.nama))].append(node)
    for (level, _), nodes in by_name.items():
        codes = sorted({n.kode for n in nodes})
        if len(codes) < 2:
            continue
        for node in nodes:
            lain = ", ".join(c for c in codes if c != node.kode)
            yield Temuan("nama-dua-kode", GALAT, RENSTRA,
                         f"“{node.nama}” dipakai untuk dua kode: {node.kode} dan {lain}. Satu nama hanya "
                         "untuk satu kode; periksa kode mana yang benar menurut nomenklatur.",
                         f"{node.kode} {node.nama}", tautan_node(node))


@aturan("nama-kode", "Nama baris berbeda dengan nama kodenya di nomenklatur, atau milik kode lain",
        kasus=("J-5", "J-6"))
def nama_kode(data: PeriksaData):
    by_catalog_name = defaultdict(list)
    for kode, nama in data.katalog.items():
        by_catalog_name[normal(nama)].append(kode)
    for node in data.nodes():
        own = data.katalog.get(node.kode)
        if own is None or normal(own) == normal(node.nama):
            continue
        lain = [k for k in by_catalog_name.get(normal(node.nama), ()) if k != node.kode and
                k.count(".") == node.kode.count(".")]
        if lain:
            yield Temuan("nama-kode", GALAT, RENSTRA,
                         f"“{node.nama}” berkode {node.kode}, padahal di nomenklatur nama itu milik kode "
                         f"{', '.join(lain)} ({node.kode} adalah “{own}”). Pilih kode yang benar.",
                         f"{node.kode} {node.nama}", tautan_node(node))
        elif mirip(normal(own), normal(node.nama)) < MIRIP_KATALOG:
            yield Temuan("nama-kode", PERINGATAN, RENSTRA,
                         f"Nama “{node.nama}” jauh berbeda dengan nama kode {node.kode} di nomenklatur "
                         f"(“{own}”). Periksa kodenya; bila nama dokumen memang berbeda versi "
                         "nomenklatur, biarkan.", f"{node.kode} {node.nama}", tautan_node(node))


@aturan("indikator-sama", "Satu bunyi indikator dipakai dua pemilik", kasus=("R-8", "J-5", "L-13", "L-20"))
def indikator_sama(data: PeriksaData):
    by_text = defaultdict(list)
    for ind, lokasi in data.indikator():
        if lokasi.level != "subkegiatan":  # sub-kegiatan share standard output indicators legitimately
            by_text[normal(ind.uraian)].append((ind, lokasi))
    for rows in by_text.values():
        owners = {(lokasi.level, lokasi.owner_id) for _, lokasi in rows}
        if len(owners) < 2:
            continue
        for ind, lokasi in rows:
            lain = "; ".join(other.label() for _, other in rows if (other.level, other.owner_id) !=
                             (lokasi.level, lokasi.owner_id))
            yield Temuan("indikator-sama", PERINGATAN, RENSTRA,
                         f"Indikator “{ind.uraian}” juga dipakai oleh {lain}. Indikator yang tersalin dari "
                         "baris lain mengukur hal yang salah; beri tiap tujuan, sasaran, program dan kegiatan "
                         "indikatornya sendiri.", lokasi.label(), tautan_indikator(ind))


@aturan("rumusan-sasaran-sama", "Rumusan sasaran program/kegiatan tersalin dari baris lain", kasus=("R-8",))
def rumusan_sasaran_sama(data: PeriksaData):
    by_text = defaultdict(list)
    for node in data.nodes():
        if node.level in ("program", "kegiatan") and normal(node.rumusan_sasaran):
            by_text[(node.level, normal(node.rumusan_sasaran))].append(node)
    for nodes in by_text.values():
        if len(nodes) < 2:
            continue
        for node in nodes:
            lain = ", ".join(n.kode for n in nodes if n.id != node.id)
            yield Temuan("rumusan-sasaran-sama", PERINGATAN, RENSTRA,
                         f"Rumusan sasaran “{node.rumusan_sasaran}” sama dengan rumusan sasaran {lain}: "
                         "tiap program/kegiatan mempunyai hasilnya sendiri.", f"{node.kode} {node.nama}",
                         tautan_node(node))


@aturan("rumus-terpotong", "Rumus indikator terpotong", kasus=("R-12",))
def rumus_terpotong_check(data: PeriksaData):
    for ind, lokasi in data.indikator():
        why = rumus_terpotong(ind.formula)
        if why:
            yield Temuan("rumus-terpotong", PERINGATAN, RENSTRA,
                         f"Rumus indikator “{ind.uraian}” tampak terpotong ({why}): “{ind.formula}”.",
                         lokasi.label(), tautan_indikator(ind))


@aturan("rumus-suku-ganda", "Rumus menjumlahkan suku yang sama dua kali", kasus=("L-22",))
def rumus_suku_ganda(data: PeriksaData):
    for ind, lokasi in data.indikator():
        for term in suku_ganda(ind.formula):
            yield Temuan("rumus-suku-ganda", PERINGATAN, RENSTRA,
                         f"Rumus indikator “{ind.uraian}” menjumlahkan “{term}” dua kali; "
                         "mungkin salah satunya seharusnya dokumen lain (mis. LPPDesa).",
                         lokasi.label(), tautan_indikator(ind))


@aturan("kelipatan-desa", "Target persentase desa bukan kelipatan 100/jumlah desa", kasus=("R-13", "L-23"))
def kelipatan_desa(data: PeriksaData):
    desa_indikator = [(ind, lokasi, pembagi_desa(ind.formula)) for ind, lokasi in data.indikator()
                      if is_persen(ind.satuan)]
    desa_indikator = [(ind, lokasi, k) for ind, lokasi, k in desa_indikator if k]
    if not desa_indikator:
        return
    if not data.jumlah_desa:
        yield Temuan("kelipatan-desa", PERINGATAN, RENSTRA,
                     f"Jumlah desa Kecamatan {data.kecamatan} belum diisi, sehingga target "
                     f"{len(desa_indikator)} indikator persentase desa tidak dapat diperiksa (harus kelipatan "
                     "100 dibagi jumlah desa). Minta admin kabupaten mengisinya.", f"Kecamatan {data.kecamatan}",
                     Tautan.to("kecamatan:kelola_kecamatan", pk=data.kecamatan_id))
        return
    for ind, lokasi, k in desa_indikator:
        penyebut = data.jumlah_desa * k
        salah = []
        for tahun, value in sorted(ind.target.items()):
            if value.nilai is None:
                continue
            bulat = value.nilai == value.nilai.to_integral_value()
            toleransi = Decimal("0.5") if bulat else Decimal("0.01")  # 83 may be 83,33 printed rounded
            if kelipatan(value.nilai, penyebut, toleransi=toleransi) is None:
                salah.append(f"{tahun}: {teks(value, ind.satuan)}")
        if salah:
            langkah = angka((Decimal(100) / penyebut).quantize(Decimal("0.01")))
            per = f"{data.jumlah_desa} desa" + (f" × {k}" if k > 1 else "")
            yield Temuan("kelipatan-desa", PERINGATAN, RENSTRA,
                         f"Target “{ind.uraian}” ({'; '.join(salah)}) bukan kelipatan {langkah}% "
                         f"(100 dibagi {per}): tidak ada jumlah desa yang menghasilkan angka itu. Periksa target "
                         "atau jumlah desa kecamatan.", lokasi.label(), tautan_indikator(ind))


@aturan("kondisi-awal-tc23", "Kondisi awal berbeda dengan realisasi T-C.23 tahun dasar", kasus=("R-10",))
def kondisi_awal_tc23(data: PeriksaData):
    for ind, lokasi in data.indikator():
        tercatat = data.kondisi_awal.get(ind.id)
        if tercatat is None or tercatat.realisasi.is_empty or ind.kondisi_awal.is_empty:
            continue
        if not sama(ind.kondisi_awal, tercatat.realisasi):
            yield Temuan("kondisi-awal-tc23", PERINGATAN, RENSTRA,
                         f"Kondisi awal “{ind.uraian}” diisi {teks(ind.kondisi_awal, ind.satuan)}, tetapi "
                         f"T-C.23 mencatat realisasi {tercatat.tahun} {teks(tercatat.realisasi, ind.satuan)}. "
                         "T-C.27 dan T-C.28 mencetak angka T-C.23; samakan isian kondisi awal.",
                         lokasi.label(), tautan_indikator(ind))


def nilai_bersatuan_lain(ind, lokasi, values: dict, dokumen: str, apa: str, tautan: Tautan):
    """Values typed with a unit ('5 Desa', '12 bulan') that is not the indicator's satuan."""
    salah = [(k, v) for k, v in values.items() if v is not None and label_is_unit(v.label) and
             not same_unit(v.label, ind.satuan)]
    if salah:
        daftar = "; ".join(f"{k}: {teks(v)}" for k, v in salah)
        yield Temuan("nilai-bersatuan-lain", GALAT, dokumen,
                     f"{apa} “{ind.uraian}” ditulis dengan satuan lain ({daftar}) padahal satuan "
                     f"indikatornya {ind.satuan or '(kosong)'}: angka itu mengukur hal yang berbeda.",
                     lokasi.label(), tautan)


@aturan("nilai-bersatuan-lain", "Nilai ditulis dengan satuan yang bukan satuan indikatornya",
        kasus=("J-4", "L-24"))
def nilai_bersatuan_lain_semua(data: PeriksaData):
    n = data.tahun
    for ind, lokasi in data.indikator():
        values = {str(t): v for t, v in sorted(ind.target.items())}
        values["kondisi awal"] = ind.kondisi_awal
        yield from nilai_bersatuan_lain(ind, lokasi, values, RENSTRA, "Target/kondisi awal",
                                        tautan_indikator(ind))
        if data.ada_renja:
            values = {str(n): data.renja.target_renja_of(ind.id, n),
                      f"prakiraan {n + 1}": data.renja.target_renja_of(ind.id, n + 1, PRAKIRAAN)}
            yield from nilai_bersatuan_lain(ind, lokasi, values, data.kunci_renja, f"Target Renja {n}",
                                            tautan_target_renja(data))
        for versi, value in data.target_pk(ind.id).items():
            yield from nilai_bersatuan_lain(ind, lokasi, {versi: value}, data.kunci_lkj,
                                            f"Target Perjanjian Kinerja {n}", tautan_pk(data, versi))
        for tw, value in data.realisasi_tw(ind.id).items():
            yield from nilai_bersatuan_lain(ind, lokasi, {f"TW {TW_ROMAWI[tw]}": value}, data.kunci_realisasi(tw),
                                            f"Realisasi {n}", tautan_realisasi(data, tw))


@aturan("satuan-uraian", "Satuan berlawanan dengan bunyi indikator", kasus=("J-4",))
def satuan_uraian(data: PeriksaData):
    for ind, lokasi in data.indikator():
        disebut, satuan = unit_named_in(ind.uraian), unit_of(ind.satuan)
        if not disebut or not ind.satuan.strip():
            continue
        if disebut == "persen" and not is_persen(ind.satuan):
            why = f"bunyinya persentase, tetapi satuannya {ind.satuan}"
        elif disebut != "persen" and is_persen(ind.satuan):
            why = f"bunyinya jumlah {disebut}, tetapi satuannya persen"
        elif disebut != "persen" and satuan and satuan != disebut and satuan != "orang":
            why = f"bunyinya jumlah {disebut}, tetapi satuannya {ind.satuan}"
        else:
            continue
        yield Temuan("satuan-uraian", PERINGATAN, RENSTRA,
                     f"Indikator “{ind.uraian}”: {why}. Samakan satuan dengan yang diukur.",
                     lokasi.label(), tautan_indikator(ind))


def lonjakan(series: list[tuple[str, Nilai]], faktor: Decimal) -> list[str]:
    """'2024 → 2025: 4 → 12 (3×)' for each step of a series that grows or falls by more than `faktor`."""
    out = []
    for (a_label, a), (b_label, b) in zip(series, series[1:]):
        if a.nilai is None or b.nilai is None or a.nilai <= 0 or b.nilai <= 0:
            continue
        ratio = b.nilai / a.nilai
        if ratio > faktor or ratio < 1 / faktor:
            kali = angka(ratio.quantize(Decimal("0.1")))
            out.append(f"{a_label} → {b_label}: {angka(a.nilai)} → {angka(b.nilai)} ({kali}×)")
    return out


@aturan("target-melonjak", "Target melonjak atau anjlok lebih dari faktor tertentu dari tahun sebelumnya",
        kasus=("J-7",))
def target_melonjak(data: PeriksaData):
    faktor = data.faktor_lonjakan
    for ind, lokasi in data.indikator():
        # year to year only: a kondisi awal is often counted on another basis (a year's total against
        # monthly targets), which `satuan-uraian`/`nilai-bersatuan-lain` look at instead
        series = [(str(t), ind.target_of(t)) for t in data.tahun_periode]
        series = [(k, v) for k, v in series if v.nilai is not None]
        steps = lonjakan(series, faktor)
        if steps:
            yield Temuan("target-melonjak", PERINGATAN, RENSTRA,
                         f"Target “{ind.uraian}” berubah lebih dari {angka(faktor)} kali dari tahun "
                         f"sebelumnya ({'; '.join(steps)}). Periksa salah ketik atau satuan yang berganti.",
                         lokasi.label(), tautan_indikator(ind))
        if data.ada_renja:
            n = data.tahun
            series = [(f"Renja {n}", data.renja.target_renja_of(ind.id, n)),
                      (f"prakiraan maju {n + 1}", data.renja.target_renja_of(ind.id, n + 1, PRAKIRAAN))]
            steps = lonjakan(series, faktor)
            if steps:
                yield Temuan("target-melonjak", PERINGATAN, data.kunci_renja,
                             f"Target Renja “{ind.uraian}” berubah lebih dari {angka(faktor)} kali ke "
                             f"prakiraan maju ({'; '.join(steps)}). Periksa salah ketik atau satuan yang berganti.",
                             lokasi.label(), tautan_target_renja(data))


@aturan("program-tanpa-sasaran", "Program tidak terhubung ke sasaran", kasus=("L-12",))
def program_tanpa_sasaran(data: PeriksaData):
    if not any(t.sasaran for t in data.renstra.tujuan):
        return
    for program in data.renstra.program:
        if program.sasaran_id is None:
            yield Temuan("program-tanpa-sasaran", PERINGATAN, RENSTRA,
                         f"Program {program.kode} tidak terhubung ke sasaran mana pun: anggarannya tidak masuk "
                         "jumlah sasaran pada Perjanjian Kinerja dan LKj (Tabel 2.4, efisiensi). Pilih sasaran "
                         "yang didukungnya.", f"{program.kode} {program.nama}", tautan_node(program))
