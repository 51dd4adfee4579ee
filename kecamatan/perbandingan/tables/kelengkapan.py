"""Completeness and timeliness of the kecamatan's documents of a year, in the Bappeda comparison:
per kecamatan the state of its Renja, its four triwulan realisasi and its LKj against their
deadlines, and how many are late. Pure: PerbandinganData → Report.

Column keys: "no", "kecamatan", one per document named by its key (`kunci_dokumen`: "renja-2025",
"realisasi-2025-1" … "realisasi-2025-4", "lkj-2025"), "terlambat".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.kunci import TW_ROMAWI, judul_dokumen, kunci_dokumen
from kecamatan.perbandingan.data import KecamatanInfo, PerbandinganData
from kecamatan.perbandingan.rules import AturanTenggat, hari_terlambat
from kecamatan.perbandingan.tables.common import (
    BIRU_MUDA,
    HIJAU,
    KUNING,
    LKJ,
    MERAH,
    ORANYE,
    REALISASI,
    RENJA,
    dokumen_map,
    filename,
    judul,
    kop,
    notes,
    urutkan,
)
from kecamatan.tables.base import ANGKA, NOMOR, TEXT, Column, Report, Row, numbered

Dokumen = tuple[str, int, int | None]  # (jenis, tahun, triwulan)


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
    sumber_dana_kosong: int = 0  # Renja: its sub-kegiatan without a sumber dana


def _tgl(value) -> str:
    return formatting.format_tanggal(value) if value else ""


def sel_dokumen(data: PerbandinganData, docs, k: KecamatanInfo, jenis: str, tahun: int,
                tw: int | None) -> SelDokumen:
    d = docs.get((k.id, jenis, tahun, tw))
    batas = data.tenggat.tenggat(jenis, tahun, tw)
    diajukan = d.diajukan if d else None
    hari = hari_terlambat(batas, diajukan, data.pilihan.hari_ini)
    terisi = data.terisi.get((k.id, tahun, tw), 0) if jenis == REALISASI else None
    return SelDokumen(
        judul=judul_dokumen(jenis, tahun, tw), status=d.status if d else "",
        status_label=d.status_label if d else "Belum dibuat", batas=batas,
        dibuat=d.dibuat if d else None, diajukan=diajukan, diverifikasi=d.diverifikasi if d else None,
        terisi=terisi, jumlah_indikator=data.jumlah_indikator.get(k.id, 0) if jenis == REALISASI else None,
        terlambat=hari is not None, hari_terlambat=hari,
        sumber_dana_kosong=data.sumber_dana_kosong.get((k.id, tahun), 0) if jenis == RENJA and d else 0,
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
    if s.sumber_dana_kosong:
        lines.append(f"Sumber dana kosong: {s.sumber_dana_kosong} sub kegiatan")
    if s.terlambat:
        lines.append(f"TERLAMBAT {s.hari_terlambat} hari")
    return "\n".join(lines)


def _warna_dokumen(s: SelDokumen) -> str:
    if s.terlambat:
        return ORANYE if s.diajukan else MERAH
    return {"diverifikasi": HIJAU, "diajukan": BIRU_MUDA, "dikembalikan": KUNING, "draft": KUNING}.get(s.status, "")


def dokumen_tahun(tahun: int) -> list[Dokumen]:
    return [(RENJA, tahun, None)] + [(REALISASI, tahun, tw) for tw in (1, 2, 3, 4)] + [(LKJ, tahun, None)]


def columns_kelengkapan(expected: list[Dokumen], aturan: AturanTenggat) -> tuple[Column, ...]:
    columns = [Column("no", "No", kind=NOMOR, width=3.5), Column("kecamatan", "Kecamatan", width=13)]
    for jenis, tahun, tw in expected:
        label = f"TW {TW_ROMAWI[tw]}" if tw else judul_dokumen(jenis, tahun, tw)
        columns.append(Column(kunci_dokumen(jenis, tahun, tw), f"{label}, tenggat {_tgl(aturan.tenggat(jenis, tahun, tw))}",
                              f"Realisasi {tahun}" if tw else "", TEXT, width=11))
    columns.append(Column("terlambat", "Terlambat", kind=ANGKA, width=6.5))
    return numbered(columns)


def _baris_kecamatan(no: int, k: KecamatanInfo, expected: list[Dokumen], sels: list[SelDokumen]) -> Row:
    keys = [kunci_dokumen(*e) for e in expected]
    if not sels:
        return Row("kecamatan", {"no": str(no), "kecamatan": k.nama_tampil,
                                 **dict.fromkeys(keys, "Belum ada Renstra"), "terlambat": None})
    cells: dict[str, object] = {"no": str(no), "kecamatan": k.nama_tampil}
    fill, links = {}, {"kecamatan": k.url_renstra}
    for key, s in zip(keys, sels):
        cells[key] = _teks_dokumen(s)
        fill[key] = _warna_dokumen(s)
        links[key] = k.url_dokumen(key)
    cells["terlambat"] = Decimal(sum(s.terlambat for s in sels))
    return Row("kecamatan", cells, fill={key: c for key, c in fill.items() if c}, links=links)


def _baris_jumlah(expected: list[Dokumen], with_sels: list[list[SelDokumen]]) -> Row:
    """How many kecamatan have each document verified, submitted, late; all the late ones."""
    cells: dict[str, object] = {"no": "", "kecamatan": "Jumlah kecamatan"}
    for i, e in enumerate(expected):
        col = [sels[i] for sels in with_sels]
        cells[kunci_dokumen(*e)] = "\n".join((
            f"Diverifikasi {sum(s.status == 'diverifikasi' for s in col)}",
            f"Diajukan {sum(s.status == 'diajukan' for s in col)}",
            f"Terlambat {sum(s.terlambat for s in col)}",
        ))
    cells["terlambat"] = Decimal(sum(s.terlambat for sels in with_sels for s in sels))
    return Row("total", cells)


def build_kelengkapan(data: PerbandinganData) -> Report:
    p = data.pilihan
    docs = dokumen_map(data)
    expected = dokumen_tahun(p.tahun)
    per_kec = []
    for k in data.kecamatan:
        sels = [sel_dokumen(data, docs, k, *e) for e in expected] if k.periode_id else []
        per_kec.append((k, sels))
    if p.urut == "terlambat":
        late = {k.id: Decimal(sum(s.terlambat for s in sels)) if sels else None for k, sels in per_kec}
        order = {k.id: i for i, k in enumerate(urutkan([k for k, _ in per_kec], lambda k: late[k.id], p.turun))}
        per_kec.sort(key=lambda ks: order[ks[0].id])
    elif p.turun:
        per_kec.reverse()
    rows = [_baris_kecamatan(no, k, expected, sels) for no, (k, sels) in enumerate(per_kec, start=1)]
    rows.append(_baris_jumlah(expected, [sels for _, sels in per_kec if sels]))
    return Report(
        code="Kelengkapan Dokumen",
        title=judul("Kelengkapan dan Ketepatan Waktu Dokumen Kecamatan", data, with_filter=False),
        columns=columns_kelengkapan(expected, data.tenggat), rows=tuple(rows), kop=kop(data),
        filename=filename("kelengkapan", data),
        notes=notes(data, "Tenggat yang dipakai: " + "; ".join(data.tenggat.keterangan()) + ".",
                    "Terisi: indikator yang sudah mempunyai nilai (atau N/A dengan alasan) pada triwulan itu, "
                    "dari seluruh indikator Renstra. Diisi: tanggal dokumen pertama kali disimpan; diajukan: "
                    "pengajuan pertama; diverifikasi: verifikasi terakhir."),
    )
