"""The matrix kecamatan × indicator of the Bappeda comparison: per indicator Target | Realisasi
s.d. TW | Capaian, then the mean capaian, its predikat and the state of the triwulan's realisasi;
a last row with the kabupaten median of every column. Pure: PerbandinganData → Report.

Column keys: "no", "kecamatan", then for each indicator key k (`Kolom.kunci`) "target:k",
"realisasi:k", "capaian:k"; "rata-rata", "predikat", "status". Numbered 1, 2, … in print order.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.computations import predikat
from kecamatan.core.formatting import Nilai
from kecamatan.core.kunci import TW_ROMAWI, kunci_dokumen
from kecamatan.perbandingan.data import KecamatanInfo, PerbandinganData, Pilihan
from kecamatan.perbandingan.rules import median, rata_rata
from kecamatan.perbandingan.tables.common import (
    CATATAN_CAPAIAN,
    CATATAN_KUNCI,
    CATATAN_MEDIAN,
    CATATAN_PREDIKAT,
    REALISASI,
    Kolom,
    Sel,
    dokumen_map,
    filename,
    judul,
    kolom_indikator,
    kop,
    notes,
    periode_teks,
    sel_of,
    status_tw,
    urutkan,
    warna,
)
from kecamatan.tables.base import ANGKA, NILAI, NOMOR, PERSEN, Column, Report, Row, numbered
from kecamatan.tables.grafik import Batang, GrafikBatang


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
    return [by_kec[k.id] for k in urutkan([r.kecamatan for r in rows], key, p.turun)]


def columns_matriks(p: Pilihan, kolom: list[Kolom]) -> tuple[Column, ...]:
    columns = [Column("no", "No", kind=NOMOR, width=3.5), Column("kecamatan", "Kecamatan", width=14)]
    for c in kolom:
        group = f"{c.label} ({c.satuan})"
        columns += [Column(f"target:{c.kunci}", "Target", group, NILAI, width=7),
                    Column(f"realisasi:{c.kunci}", f"Realisasi s.d. TW {TW_ROMAWI[p.triwulan]}", group, ANGKA,
                           width=7.5),
                    Column(f"capaian:{c.kunci}", "Capaian", group, PERSEN, width=7)]
    columns += [Column("rata-rata", "Rata-rata capaian", kind=PERSEN, width=7.5),
                Column("predikat", "Predikat", width=8),
                Column("status", f"Realisasi TW {TW_ROMAWI[p.triwulan]} {p.tahun}", width=9)]
    return numbered(columns)


def _baris_kecamatan(data: PerbandinganData, docs, no: int, r: BarisMatriks, kolom: list[Kolom]) -> Row:
    p, k = data.pilihan, r.kecamatan
    cells: dict[str, object] = {"no": str(no), "kecamatan": k.nama_tampil}
    fill, links = {}, {"kecamatan": k.url_renstra} if k.url_renstra else {}
    for c, s in zip(kolom, r.sel):
        keys = (f"target:{c.kunci}", f"realisasi:{c.kunci}", f"capaian:{c.kunci}")
        if s is None:
            cells.update(zip(keys, (Nilai(), None, None)))
            continue
        cells.update(zip(keys, (s.target, s.realisasi, s.capaian)))
        links.update(dict.fromkeys(keys, k.url_realisasi(p.tahun, p.triwulan, s.indikator.id)))
        if s.capaian is not None:
            fill[keys[2]] = warna(s.capaian)
    cells.update({"rata-rata": r.rata_rata, "predikat": predikat(r.rata_rata) or "",
                  "status": status_tw(data, docs, k, p.tahun, p.triwulan)})
    if r.rata_rata is not None:
        fill["rata-rata"] = fill["predikat"] = warna(r.rata_rata)
    if k.periode_id:
        links["status"] = k.url_dokumen(kunci_dokumen(REALISASI, p.tahun, p.triwulan))
    return Row("kecamatan", cells, fill=fill, links=links)


def _dua_desimal(value: Decimal | None) -> Decimal | None:
    return None if value is None else formatting.quantize(value, 2)


def _baris_median(data: PerbandinganData, docs, rows_data: list[BarisMatriks], kolom: list[Kolom]) -> Row:
    """The kabupaten median of every column, and how many realisasi are verified."""
    p = data.pilihan
    cells: dict[str, object] = {"no": "", "kecamatan": "Median kabupaten"}
    fill = {}
    for i, c in enumerate(kolom):
        sels = [r.sel[i] for r in rows_data if r.sel[i] is not None]
        med_c = median(s.capaian for s in sels)
        # a computed value: two decimals at most, like every computed cell (61,145 → 61,15)
        cells[f"target:{c.kunci}"] = Nilai(_dua_desimal(median(s.target.nilai for s in sels)))
        cells[f"realisasi:{c.kunci}"] = _dua_desimal(median(s.realisasi for s in sels))
        cells[f"capaian:{c.kunci}"] = med_c
        if med_c is not None:
            fill[f"capaian:{c.kunci}"] = warna(med_c)
    med = median(r.rata_rata for r in rows_data)
    verified = sum(1 for k in data.kecamatan
                   if (d := docs.get((k.id, REALISASI, p.tahun, p.triwulan))) and d.status == "diverifikasi")
    cells.update({"rata-rata": med, "predikat": predikat(med) or "",
                  "status": f"Diverifikasi {verified} dari {len(data.kecamatan)}"})
    if med is not None:
        fill["rata-rata"] = fill["predikat"] = warna(med)
    return Row("total", cells, fill=fill)


def build_matriks(data: PerbandinganData) -> Report:
    p = data.pilihan
    kolom, single = kolom_indikator(data)
    rows_data = _urut_matriks(baris_matriks(data, kolom), p)
    docs = dokumen_map(data)
    rows = [_baris_kecamatan(data, docs, no, r, kolom) for no, r in enumerate(rows_data, start=1)]
    rows.append(_baris_median(data, docs, rows_data, kolom))

    extra = [CATATAN_CAPAIAN, CATATAN_PREDIKAT, CATATAN_KUNCI, CATATAN_MEDIAN]
    if single:
        extra.append(f"{single} rumusan indikator hanya dipakai satu kecamatan sehingga tidak dibandingkan.")
    if not kolom:
        extra.append("Belum ada indikator yang dipakai bersama oleh dua kecamatan atau lebih untuk pilihan ini.")
    judul_grafik = (f"Capaian {kolom[0].label}" if len(kolom) == 1 else "Rata-rata capaian indikator") + \
        f" per kecamatan, {periode_teks(p)}"
    chart = GrafikBatang(
        judul=judul_grafik, id="grafik-capaian",
        batang=tuple(Batang(r.kecamatan.nama, r.rata_rata, warna(r.rata_rata) or "ADB5BD") for r in rows_data),
        acuan=rows[-1].cells["rata-rata"],
    )
    return Report(
        code="Perbandingan Capaian",
        title=judul("Matriks Capaian Kinerja Antar-Kecamatan", data, kolom=kolom),
        columns=columns_matriks(p, kolom), rows=tuple(rows), kop=kop(data), orientation="landscape",
        name_column=None, notes=notes(data, *extra), filename=filename("matriks", data), charts=(chart,),
    )
