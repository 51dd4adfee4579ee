"""Builders of the Bappeda comparison across the kecamatan of a kabupaten: the matrix kecamatan ×
indicator, budget absorption per kecamatan and per program, completeness and timeliness of the
documents, and a kecamatan's trend beside the kabupaten median. Pure: PerbandinganData → Report.

Every figure is computed here with the same functions as the kecamatan's own triwulan page
(`reports/realisasi.py`): realisasi s.d. TW = `realisasi_kumulatif`, capaian = `capaian`,
penyerapan = Σ realisasi anggaran TW I..T ÷ Σ pagu of each sub-kegiatan's latest stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.computations import capaian, efisiensi, jumlah, penyerapan, predikat, realisasi_kumulatif
from kecamatan.core.formatting import Nilai
from kecamatan.core.kunci import TW_ROMAWI, judul_dokumen, kunci_dokumen
from kecamatan.perbandingan.data import LEVEL_URUT, IndikatorKecamatan, KecamatanInfo, PerbandinganData, Pilihan
from kecamatan.perbandingan.rules import (
    TENGGAT_KETERANGAN,
    WARNA_PREDIKAT,
    label_indikator,
    median,
    rata_rata,
    tenggat,
    terlambat,
)
from kecamatan.tables.base import ANGKA, KODE, NILAI, NOMOR, PERSEN, RUPIAH, TEXT, Column, Kop, Report, Row
from kecamatan.tables.grafik import Batang, GrafikBatang, GrafikGaris, Series

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
CATATAN_DEMO = "(demo) = Renstra, target, pagu dan realisasi dibangkitkan oleh demo_kabupaten, bukan data asli kecamatan."


# --- shared pieces ----------------------------------------------------------------------------------


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
        inds = list(per_kec.values())
        levels = sorted(LEVEL_URUT[i.level] for i in inds)
        satuan = max({i.satuan for i in inds}, key=lambda s: (sum(1 for i in inds if i.satuan == s), s))
        level = next(name for name, n in LEVEL_URUT.items() if n == levels[len(levels) // 2])
        columns.append(Kolom(kunci, label_indikator(kunci, (i.uraian for i in inds)), satuan, level, per_kec))
    columns.sort(key=lambda c: (LEVEL_URUT[c.level], min(i.program_kode for i in c.per_kecamatan.values()),
                                -len(c.per_kecamatan), c.label))
    return columns, single


def pilihan_indikator(data: PerbandinganData) -> list[tuple[str, str]]:
    """(key, label) of every indicator column of the current scope, for the filter and sort links."""
    kolom, _ = kolom_indikator(replace(data, pilihan=data.pilihan.with_(indikator="")))
    return [(c.kunci, c.label) for c in kolom]


def _warna(nilai_capaian: Decimal | None) -> str:
    label = predikat(nilai_capaian)
    return WARNA_PREDIKAT.get(label, "") if label else ""


def _kop(data: PerbandinganData) -> Kop:
    return Kop(pemerintah=f"PEMERINTAH KABUPATEN {data.kabupaten.upper()}", instansi=data.bappeda.upper(),
               alamat=data.alamat_bappeda)


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


def _judul(baris1: str, data: PerbandinganData, *, kolom: list[Kolom] | None = None,
           with_filter: bool = True) -> tuple[str, ...]:
    p = data.pilihan
    lines = [baris1, f"Kecamatan se-Kabupaten {data.kabupaten} · {periode_teks(p)}"]
    if with_filter:
        lines.append(_filter_teks(data, kolom))
    lines.append(f"Keadaan data per {formatting.format_tanggal(p.hari_ini)}")
    return tuple(lines)


def _filename(nama: str, data: PerbandinganData) -> str:
    p = data.pilihan
    slug = data.kabupaten.lower().replace(" ", "-")
    extra = f"-{p.program}" if p.program else ""
    return f"perbandingan-{nama}-{slug}-{p.tahun}-tw{p.triwulan}{extra}"


def _urutkan(kecamatan: list[KecamatanInfo], key: Callable[[KecamatanInfo], Decimal | int | None],
             turun: bool) -> list[KecamatanInfo]:
    """Sorted by a figure; kecamatan without it come last whatever the direction, by name."""
    with_value = [k for k in kecamatan if key(k) is not None]
    without = [k for k in kecamatan if key(k) is None]
    with_value.sort(key=lambda k: (key(k), k.nama) if not turun else (-key(k), k.nama))
    return with_value + sorted(without, key=lambda k: k.nama)


def _dokumen_map(data: PerbandinganData):
    return {(d.kecamatan_id, d.jenis, d.tahun, d.triwulan): d for d in data.dokumen}


def _status_tw(data: PerbandinganData, docs, k: KecamatanInfo, tahun: int, tw: int) -> str:
    if not k.periode_id:
        return "Belum ada Renstra"
    d = docs.get((k.id, REALISASI, tahun, tw))
    return d.status_label if d else "Belum diisi"


def _notes(data: PerbandinganData, *extra: str) -> tuple[str, ...]:
    notes = list(extra)
    if any(k.demo for k in data.kecamatan):
        notes.append(CATATAN_DEMO)
    if data.kabupaten_demo:
        notes.append("Kabupaten sintetis untuk uji beban (demo_kabupaten --kabupaten N), bukan kabupaten asli.")
    return tuple(notes)


# --- the matrix ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisMatriks:
    kecamatan: KecamatanInfo
    sel: tuple[Sel | None, ...]  # one per column; None: the kecamatan has no such indicator
    rata_rata: Decimal | None  # mean capaian over the columns that have one


def baris_matriks(data: PerbandinganData, kolom: list[Kolom]) -> list[BarisMatriks]:
    p = data.pilihan
    out = []
    for k in data.kecamatan:
        sels = tuple(
            sel_of(c.per_kecamatan[k.id], p.tahun, p.triwulan) if k.id in c.per_kecamatan else None for c in kolom
        )
        out.append(BarisMatriks(k, sels, rata_rata(s.capaian for s in sels if s is not None)))
    return out


def _urut_matriks(rows: list[BarisMatriks], p: Pilihan) -> list[BarisMatriks]:
    by_kec = {r.kecamatan.id: r for r in rows}
    if p.urut == "capaian":
        def key(k):
            return by_kec[k.id].rata_rata
    elif p.urut.startswith("k") and p.urut[1:].isdigit() and int(p.urut[1:]) < len(rows[0].sel if rows else ()):
        n = int(p.urut[1:])

        def key(k):
            s = by_kec[k.id].sel[n]
            return s.capaian if s else None
    else:
        return sorted(rows, key=lambda r: (r.kecamatan.nama,)) if not p.turun else sorted(
            rows, key=lambda r: r.kecamatan.nama, reverse=True)
    return [by_kec[k.id] for k in _urutkan([r.kecamatan for r in rows], key, p.turun)]


def build_matriks(data: PerbandinganData) -> Report:
    p = data.pilihan
    kolom, single = kolom_indikator(data)
    rows_data = _urut_matriks(baris_matriks(data, kolom), p)
    docs = _dokumen_map(data)
    columns = [Column("1", "No", kind=NOMOR, width=3.5), Column("2", "Kecamatan", width=14)]
    for c in kolom:
        group = f"{c.label} ({c.satuan})"
        columns += [Column("", "Target", group, NILAI, 7), Column("", f"Realisasi s.d. TW {TW_ROMAWI[p.triwulan]}",
                                                                     group, ANGKA, 7.5),
                    Column("", "Capaian", group, PERSEN, 7)]
    columns += [Column("", "Rata-rata capaian", kind=PERSEN, width=7.5), Column("", "Predikat", width=8),
                Column("", f"Realisasi TW {TW_ROMAWI[p.triwulan]} {p.tahun}", width=9)]
    columns = [Column(str(i + 1), c.label, c.group, c.kind, c.width) for i, c in enumerate(columns)]
    last = len(columns) - 1
    rows = []
    for no, r in enumerate(rows_data, start=1):
        k = r.kecamatan
        cells: list = [str(no), k.nama_tampil]
        fill, links = {}, {1: k.url_renstra} if k.url_renstra else {}
        for i, s in enumerate(r.sel):
            base = 2 + 3 * i
            if s is None:
                cells += [Nilai(), None, None]
                continue
            cells += [s.target, s.realisasi, s.capaian]
            url = k.url_realisasi(p.tahun, p.triwulan, s.indikator.id)
            links.update({base: url, base + 1: url, base + 2: url})
            if s.capaian is not None:
                fill[base + 2] = _warna(s.capaian)
        label = predikat(r.rata_rata)
        cells += [r.rata_rata, label or "", _status_tw(data, docs, k, p.tahun, p.triwulan)]
        if r.rata_rata is not None:
            fill[last - 2] = fill[last - 1] = _warna(r.rata_rata)
        if k.periode_id:
            links[last] = k.url_dokumen(kunci_dokumen(REALISASI, p.tahun, p.triwulan))
        rows.append(Row("kecamatan", tuple(cells), fill=fill, links=links))
    # the kabupaten median of every column
    cells = ["", "Median kabupaten"]
    fill = {}
    for i in range(len(kolom)):
        sels = [r.sel[i] for r in rows_data if r.sel[i] is not None]
        med_c = median(s.capaian for s in sels)
        cells += [Nilai(median(s.target.nilai for s in sels)), median(s.realisasi for s in sels), med_c]
        if med_c is not None:
            fill[2 + 3 * i + 2] = _warna(med_c)
    med = median(r.rata_rata for r in rows_data)
    verified = sum(1 for k in data.kecamatan
                   if (d := docs.get((k.id, REALISASI, p.tahun, p.triwulan))) and d.status == "diverifikasi")
    cells += [med, predikat(med) or "", f"Diverifikasi {verified} dari {len(data.kecamatan)}"]
    if med is not None:
        fill[last - 2] = fill[last - 1] = _warna(med)
    rows.append(Row("total", tuple(cells), fill=fill))

    notes = [CATATAN_CAPAIAN, CATATAN_PREDIKAT, CATATAN_KUNCI, CATATAN_MEDIAN]
    if single:
        notes.append(f"{single} rumusan indikator hanya dipakai satu kecamatan sehingga tidak dibandingkan.")
    if not kolom:
        notes.append("Belum ada indikator yang dipakai bersama oleh dua kecamatan atau lebih untuk pilihan ini.")
    judul_grafik = (f"Capaian {kolom[0].label}" if len(kolom) == 1 else "Rata-rata capaian indikator") + \
        f" per kecamatan, {periode_teks(p)}"
    chart = GrafikBatang(
        judul=judul_grafik, id="grafik-capaian",
        batang=tuple(Batang(r.kecamatan.nama, r.rata_rata, _warna(r.rata_rata) or "ADB5BD") for r in rows_data),
        acuan=med,
    )
    return Report(
        code="Perbandingan Capaian",
        title=_judul("Matriks Capaian Kinerja Antar-Kecamatan", data, kolom=kolom),
        columns=tuple(columns), rows=tuple(rows), kop=_kop(data), orientation="landscape",
        name_column=None, notes=_notes(data, *notes), filename=_filename("matriks", data), charts=(chart,),
    )


# --- budget absorption ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisPenyerapan:
    kecamatan: KecamatanInfo
    pagu: Decimal
    realisasi: Decimal
    penyerapan: Decimal | None
    capaian: Decimal | None
    efisiensi: Decimal | None


def _iku_or_program_scope(data: PerbandinganData) -> Callable[[IndikatorKecamatan], bool]:
    """The indicators whose capaian stands beside the money: the matrix's (IKU, or the chosen
    program's), not the program-level ones fetched only for the per-program table."""
    if data.pilihan.program:
        return lambda i: True
    return lambda i: i.level in ("tujuan", "sasaran") or i.iku


def baris_penyerapan(data: PerbandinganData) -> list[BarisPenyerapan]:
    p = data.pilihan
    kolom, _ = kolom_indikator(data, _iku_or_program_scope(data))
    capaian_kec = {r.kecamatan.id: r.rata_rata for r in baris_matriks(data, kolom)}
    pagu: dict[int, Decimal] = defaultdict(Decimal)
    rp: dict[int, Decimal] = defaultdict(Decimal)
    for a in data.anggaran:
        if a.tahun == p.tahun:
            pagu[a.kecamatan_id] += a.pagu
            rp[a.kecamatan_id] += jumlah(a.per_triwulan[: p.triwulan])
    out = []
    for k in data.kecamatan:
        serap = penyerapan(pagu[k.id], rp[k.id]) if k.periode_id else None
        cap = capaian_kec.get(k.id)
        out.append(BarisPenyerapan(k, pagu[k.id], rp[k.id], serap, cap, efisiensi(cap, serap)))
    return out


def _urut_penyerapan(rows: list[BarisPenyerapan], p: Pilihan) -> list[BarisPenyerapan]:
    by_kec = {r.kecamatan.id: r for r in rows}
    field = {"penyerapan": "penyerapan", "capaian": "capaian", "efisiensi": "efisiensi"}.get(p.urut)
    if not field:
        return sorted(rows, key=lambda r: r.kecamatan.nama, reverse=p.turun)
    return [by_kec[k.id] for k in _urutkan([r.kecamatan for r in rows],
                                           lambda k: getattr(by_kec[k.id], field), p.turun)]


def build_penyerapan_kecamatan(data: PerbandinganData) -> Report:
    p = data.pilihan
    tw = TW_ROMAWI[p.triwulan]
    rows_data = _urut_penyerapan(baris_penyerapan(data), p)
    docs = _dokumen_map(data)
    columns = (
        Column("1", "No", kind=NOMOR, width=3.5), Column("2", "Kecamatan", width=16),
        Column("3", f"Pagu {p.tahun} (Rp)", kind=RUPIAH, width=13),
        Column("4", f"Realisasi s.d. TW {tw} (Rp)", kind=RUPIAH, width=13),
        Column("5", "Penyerapan (%)", kind=PERSEN, width=8), Column("6", "Capaian kinerja (%)", kind=PERSEN, width=8),
        Column("7", "Efisiensi (%)", kind=PERSEN, width=8), Column("8", f"Realisasi TW {tw} {p.tahun}", width=10),
    )
    rows = []
    for no, r in enumerate(rows_data, start=1):
        k = r.kecamatan
        links = {1: k.url_renstra} if k.url_renstra else {}
        if k.periode_id:
            url = k.url_realisasi(p.tahun, p.triwulan) + "#anggaran"
            links.update({2: url, 3: url, 4: url, 7: k.url_dokumen(kunci_dokumen(REALISASI, p.tahun, p.triwulan))})
        fill = {5: _warna(r.capaian)} if r.capaian is not None else {}
        rows.append(Row("kecamatan", (
            str(no), k.nama_tampil, r.pagu if k.periode_id else None, r.realisasi if k.periode_id else None,
            r.penyerapan, r.capaian, r.efisiensi, _status_tw(data, docs, k, p.tahun, p.triwulan),
        ), fill=fill, links=links))
    with_data = [r for r in rows_data if r.kecamatan.periode_id]
    med_serap = median(r.penyerapan for r in with_data)
    rows.append(Row("subtotal", (
        "", "Median kecamatan", median(r.pagu for r in with_data), median(r.realisasi for r in with_data),
        med_serap, median(r.capaian for r in with_data), median(r.efisiensi for r in with_data), "",
    )))
    total_pagu, total_rp = jumlah(r.pagu for r in with_data), jumlah(r.realisasi for r in with_data)
    rows.append(Row("total", (
        "", f"Kabupaten {data.kabupaten}", total_pagu, total_rp, penyerapan(total_pagu, total_rp), None, None, "",
    )))
    chart = GrafikBatang(
        judul=f"Penyerapan anggaran per kecamatan, {periode_teks(p)}", id="grafik-penyerapan",
        batang=tuple(Batang(r.kecamatan.nama, r.penyerapan) for r in rows_data), acuan=med_serap,
    )
    return Report(
        code="Penyerapan Kecamatan",
        title=_judul("Penyerapan Anggaran dan Efisiensi per Kecamatan", data),
        columns=columns, rows=tuple(rows), kop=_kop(data), notes=_notes(
            data, CATATAN_PAGU, "Capaian kinerja: rata-rata capaian indikator pada matriks (pilihan yang sama).",
            CATATAN_MEDIAN),
        filename=_filename("penyerapan", data), charts=(chart,),
    )


def build_penyerapan_program(data: PerbandinganData) -> Report:
    p = data.pilihan
    tw = TW_ROMAWI[p.triwulan]
    names = dict(data.program)
    with_periode = {k.id for k in data.kecamatan if k.periode_id}
    pagu: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    rp: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for a in data.anggaran:
        if a.tahun == p.tahun and a.kecamatan_id in with_periode:
            pagu[a.program_kode][a.kecamatan_id] += a.pagu
            rp[a.program_kode][a.kecamatan_id] += jumlah(a.per_triwulan[: p.triwulan])
    # capaian of each program's own indicators, per kecamatan (mean), then the kabupaten median
    cap: dict[str, dict[int, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for ind in data.indikator:
        if ind.level == "program":
            value = sel_of(ind, p.tahun, p.triwulan).capaian
            if value is not None:
                cap[ind.program_kode][ind.kecamatan_id].append(value)
    columns = (
        Column("1", "No", kind=NOMOR, width=3.5), Column("2", "Kode", kind=KODE, width=7),
        Column("3", "Program", width=26), Column("4", f"Pagu {p.tahun} (Rp)", kind=RUPIAH, width=13),
        Column("5", f"Realisasi s.d. TW {tw} (Rp)", kind=RUPIAH, width=13),
        Column("6", "Penyerapan (%)", kind=PERSEN, width=8),
        Column("7", "Median penyerapan kecamatan (%)", kind=PERSEN, width=9),
        Column("8", "Median capaian indikator program (%)", kind=PERSEN, width=9),
        Column("9", "Efisiensi (%)", kind=PERSEN, width=8), Column("10", "Kecamatan", kind=ANGKA, width=7),
    )
    rows = []
    for no, kode in enumerate(sorted(set(pagu) | set(rp)), start=1):
        total_pagu, total_rp = jumlah(pagu[kode].values()), jumlah(rp[kode].values())
        serap = penyerapan(total_pagu, total_rp)
        kec_ids = set(pagu[kode]) | set(rp[kode])
        med_serap = median(penyerapan(pagu[kode][k], rp[kode][k]) for k in kec_ids)
        med_cap = median(rata_rata(v) for v in cap[kode].values())
        rows.append(Row("program", (
            str(no), kode, names.get(kode, ""), total_pagu, total_rp, serap, med_serap, med_cap,
            efisiensi(med_cap, serap), Decimal(len(kec_ids)),
        ), fill={7: _warna(med_cap)} if med_cap is not None else {}))
    all_pagu = jumlah(v for d in pagu.values() for v in d.values())
    all_rp = jumlah(v for d in rp.values() for v in d.values())
    rows.append(Row("total", ("", "", "Jumlah", all_pagu, all_rp, penyerapan(all_pagu, all_rp), None, None, None,
                              Decimal(len(with_periode)))))
    return Report(
        code="Penyerapan Program",
        title=_judul("Penyerapan Anggaran per Program", data),
        columns=columns, rows=tuple(rows), kop=_kop(data), notes=_notes(
            data, CATATAN_PAGU, "Capaian program: rata-rata capaian indikator program tiap kecamatan, lalu median "
            "kabupaten; efisiensi program = median capaian − penyerapan program."),
        filename=_filename("penyerapan-program", data), name_column=2,
    )


def build_penyerapan(data: PerbandinganData) -> list[Report]:
    return [build_penyerapan_kecamatan(data), build_penyerapan_program(data)]


# --- completeness and timeliness -------------------------------------------------------------------------


@dataclass(frozen=True)
class SelDokumen:
    judul: str
    status: str  # draft | diajukan | diverifikasi | dikembalikan | "" (not yet created)
    status_label: str
    batas: object  # datetime.date | None
    dibuat: object
    diajukan: object
    diverifikasi: object
    terisi: int | None  # realisasi: indicators with a value (or N/A) this triwulan
    jumlah_indikator: int | None
    terlambat: bool
    hari_terlambat: int | None


def _tgl(value) -> str:
    return formatting.format_tanggal(value) if value else ""


def sel_dokumen(data: PerbandinganData, docs, k: KecamatanInfo, jenis: str, tahun: int,
                tw: int | None) -> SelDokumen:
    d = docs.get((k.id, jenis, tahun, tw))
    batas = tenggat(jenis, tahun, tw)
    diajukan = d.diajukan if d else None
    late = terlambat(batas, diajukan, data.pilihan.hari_ini)
    hari = None
    if late:
        hari = ((diajukan or data.pilihan.hari_ini) - batas).days
    terisi = data.terisi.get((k.id, tahun, tw), 0) if jenis == REALISASI else None
    return SelDokumen(
        judul=judul_dokumen(jenis, tahun, tw), status=d.status if d else "",
        status_label=d.status_label if d else "Belum dibuat", batas=batas,
        dibuat=d.dibuat if d else None, diajukan=diajukan, diverifikasi=d.diverifikasi if d else None,
        terisi=terisi, jumlah_indikator=data.jumlah_indikator.get(k.id, 0) if jenis == REALISASI else None,
        terlambat=late, hari_terlambat=hari,
    )


def _teks_dokumen(s: SelDokumen) -> str:
    lines = [s.status_label]
    if s.terisi is not None and (s.terisi or s.status):
        lines.append(f"Terisi {s.terisi}/{s.jumlah_indikator}")
    if s.dibuat and not s.diajukan:
        lines.append(f"Diisi {_tgl(s.dibuat)}")
    if s.diajukan:
        lines.append(f"Diajukan {_tgl(s.diajukan)}")
    if s.diverifikasi and s.status == "diverifikasi":
        lines.append(f"Diverifikasi {_tgl(s.diverifikasi)}")
    if s.terlambat:
        lines.append(f"TERLAMBAT {s.hari_terlambat} hari")
    return "\n".join(lines)


def _warna_dokumen(s: SelDokumen) -> str:
    if s.terlambat:
        return ORANYE if s.diajukan else MERAH
    return {"diverifikasi": HIJAU, "diajukan": BIRU_MUDA, "dikembalikan": KUNING, "draft": KUNING}.get(s.status, "")


def dokumen_tahun(tahun: int) -> list[tuple[str, int, int | None]]:
    return [(RENJA, tahun, None)] + [(REALISASI, tahun, tw) for tw in (1, 2, 3, 4)] + [(LKJ, tahun, None)]


def build_kelengkapan(data: PerbandinganData) -> Report:
    p = data.pilihan
    docs = _dokumen_map(data)
    expected = dokumen_tahun(p.tahun)
    columns = [Column("1", "No", kind=NOMOR, width=3.5), Column("2", "Kecamatan", width=13)]
    for jenis, tahun, tw in expected:
        batas = tenggat(jenis, tahun, tw)
        label = f"TW {TW_ROMAWI[tw]}" if tw else judul_dokumen(jenis, tahun, tw)
        columns.append(Column(str(len(columns) + 1), f"{label}, tenggat {_tgl(batas)}",
                              f"Realisasi {tahun}" if tw else "", TEXT, 11))
    columns.append(Column(str(len(columns) + 1), "Terlambat", kind=ANGKA, width=6.5))
    per_kec = []
    for k in data.kecamatan:
        sels = [sel_dokumen(data, docs, k, *e) for e in expected] if k.periode_id else []
        per_kec.append((k, sels))
    if p.urut == "terlambat":
        late = {k.id: Decimal(sum(s.terlambat for s in sels)) if sels else None for k, sels in per_kec}
        order = {k.id: i for i, k in enumerate(_urutkan([k for k, _ in per_kec], lambda k: late[k.id], p.turun))}
        per_kec.sort(key=lambda ks: order[ks[0].id])
    elif p.turun:
        per_kec.reverse()
    rows = []
    for no, (k, sels) in enumerate(per_kec, start=1):
        if not sels:
            rows.append(Row("kecamatan", (str(no), k.nama_tampil, *(["Belum ada Renstra"] * len(expected)), None)))
            continue
        fill, links = {}, {1: k.url_renstra}
        cells: list = [str(no), k.nama_tampil]
        for i, ((jenis, tahun, tw), s) in enumerate(zip(expected, sels)):
            cells.append(_teks_dokumen(s))
            fill[2 + i] = _warna_dokumen(s)
            links[2 + i] = k.url_dokumen(kunci_dokumen(jenis, tahun, tw))
        cells.append(Decimal(sum(s.terlambat for s in sels)))
        rows.append(Row("kecamatan", tuple(cells), fill={i: c for i, c in fill.items() if c}, links=links))
    summary: list = ["", "Jumlah kecamatan"]
    with_sels = [sels for _, sels in per_kec if sels]
    for i in range(len(expected)):
        col = [sels[i] for sels in with_sels]
        summary.append("\n".join((
            f"Diverifikasi {sum(s.status == 'diverifikasi' for s in col)}",
            f"Diajukan {sum(s.status == 'diajukan' for s in col)}",
            f"Terlambat {sum(s.terlambat for s in col)}",
        )))
    summary.append(Decimal(sum(s.terlambat for sels in with_sels for s in sels)))
    rows.append(Row("total", tuple(summary)))
    return Report(
        code="Kelengkapan Dokumen",
        title=_judul("Kelengkapan dan Ketepatan Waktu Dokumen Kecamatan", data, with_filter=False),
        columns=tuple(columns), rows=tuple(rows), kop=_kop(data), filename=_filename("kelengkapan", data),
        notes=_notes(data, "Tenggat yang dipakai: " + "; ".join(TENGGAT_KETERANGAN) + ".",
                     "Terisi: indikator yang sudah mempunyai nilai (atau N/A dengan alasan) pada triwulan itu, "
                     "dari seluruh indikator Renstra. Diisi: tanggal dokumen pertama kali disimpan; diajukan: "
                     "pengajuan pertama; diverifikasi: verifikasi terakhir."),
    )


# --- trends ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitikTren:
    tahun: int
    triwulan: int
    capaian: Decimal | None  # the chosen kecamatan
    capaian_median: Decimal | None
    penyerapan: Decimal | None
    penyerapan_median: Decimal | None
    status: str


def titik_tren(data: PerbandinganData) -> tuple[KecamatanInfo | None, list[TitikTren]]:
    p = data.pilihan
    chosen = next((k for k in data.kecamatan if k.slug == p.kecamatan), None)
    kolom, _ = kolom_indikator(data)
    with_periode = [k for k in data.kecamatan if k.periode_id]
    pagu: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    rp: dict[tuple[int, int], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 4)
    for a in data.anggaran:
        pagu[(a.kecamatan_id, a.tahun)] += a.pagu
        for i, v in enumerate(a.per_triwulan):
            rp[(a.kecamatan_id, a.tahun)][i] += v
    docs = _dokumen_map(data)
    out = []
    for tahun in data.tahun_list:
        for tw in (1, 2, 3, 4):
            if (tahun, tw) > (p.tahun, p.triwulan):
                break
            cap, serap = {}, {}
            for k in with_periode:
                cap[k.id] = rata_rata(sel_of(c.per_kecamatan[k.id], tahun, tw).capaian
                                      for c in kolom if k.id in c.per_kecamatan)
                serap[k.id] = penyerapan(pagu[(k.id, tahun)], jumlah(rp[(k.id, tahun)][:tw]))
            status = ""
            if chosen and chosen.periode_id:
                d = docs.get((chosen.id, REALISASI, tahun, tw))
                status = d.status_label if d else "Belum diisi"
            out.append(TitikTren(
                tahun, tw, cap.get(chosen.id) if chosen else None, median(cap.values()),
                serap.get(chosen.id) if chosen else None, median(serap.values()), status,
            ))
    return chosen, out


def build_tren(data: PerbandinganData) -> Report:
    chosen, points = titik_tren(data)
    nama = chosen.nama if chosen else "(pilih kecamatan)"
    kolom, _ = kolom_indikator(data)
    columns = (
        Column("1", "No", kind=NOMOR, width=3.5), Column("2", "Tahun", kind=NOMOR, width=5),
        Column("3", "Triwulan", kind=NOMOR, width=6),
        Column("4", f"Kecamatan {nama}", "Capaian kinerja (%)", PERSEN, 10),
        Column("5", "Median kabupaten", "Capaian kinerja (%)", PERSEN, 10),
        Column("6", f"Kecamatan {nama}", "Penyerapan anggaran (%)", PERSEN, 10),
        Column("7", "Median kabupaten", "Penyerapan anggaran (%)", PERSEN, 10),
        Column("8", "Status realisasi", width=11),
    )
    rows = []
    for no, t in enumerate(points, start=1):
        links, fill = {}, {}
        if chosen and chosen.periode_id:
            links = {2: chosen.url_realisasi(t.tahun, t.triwulan),
                     7: chosen.url_dokumen(kunci_dokumen(REALISASI, t.tahun, t.triwulan))}
        if t.capaian is not None:
            fill[3] = _warna(t.capaian)
        if t.capaian_median is not None:
            fill[4] = _warna(t.capaian_median)
        rows.append(Row("kecamatan", (str(no), str(t.tahun), TW_ROMAWI[t.triwulan], t.capaian, t.capaian_median,
                                      t.penyerapan, t.penyerapan_median, t.status), fill=fill, links=links))
    labels = tuple(f"{t.tahun} TW {TW_ROMAWI[t.triwulan]}" for t in points)
    what = kolom[0].label if len(kolom) == 1 else "rata-rata capaian indikator"
    charts = (
        GrafikGaris(f"Capaian kinerja ({what})", labels, (
            Series(f"Kecamatan {nama}", tuple(t.capaian for t in points), "#2F6DB5"),
            Series("Median kabupaten", tuple(t.capaian_median for t in points), "#C0392B", dashed=True),
        ), id="grafik-tren-capaian"),
        GrafikGaris("Penyerapan anggaran kumulatif", labels, (
            Series(f"Kecamatan {nama}", tuple(t.penyerapan for t in points), "#2F6DB5"),
            Series("Median kabupaten", tuple(t.penyerapan_median for t in points), "#C0392B", dashed=True),
        ), id="grafik-tren-penyerapan"),
    )
    notes = [CATATAN_CAPAIAN, CATATAN_MEDIAN,
             "Penyerapan kumulatif dalam tahun: realisasi anggaran TW I s.d. triwulan itu ÷ pagu tahun itu."]
    if chosen is None:
        notes.insert(0, "Pilih kecamatan untuk melihat trennya di samping median kabupaten.")
    return Report(
        code="Tren Kecamatan",
        title=(f"Tren Capaian Kinerja dan Penyerapan Anggaran Kecamatan {nama}",
               *_judul("", data, kolom=kolom)[1:]),
        columns=columns, rows=tuple(rows), kop=_kop(data), notes=_notes(data, *notes),
        filename=_filename(f"tren-{chosen.slug}" if chosen else "tren", data), charts=charts,
    )
