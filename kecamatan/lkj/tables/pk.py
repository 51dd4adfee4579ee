"""Perjanjian Kinerja of a year (tables.md §4.3), and the two tables LKj Tabel 2.3 prints from
it. Pure.

A PK is two tables: the targets (No | Sasaran Strategis | Indikator Kinerja | Target) and the
programs with their anggaran (Program | Anggaran (Rp.) | Keterangan, with JUMLAH). Once a
perubahan is signed, both versions are printed side by side (Target Awal | Target Perubahan,
Anggaran | Anggaran Perubahan), as Tabel 2.3 does; the awal is never overwritten.

Each program's anggaran is the sum of its sub-kegiatan Pagu: tahap renja for the awal,
tahap perubahan for the perubahan (LkjData.rolled), so the PK, Tabel 2.4 and Tabel 3.9 show
the same money.
"""

from __future__ import annotations

from dataclasses import replace

from kecamatan.core.computations import jumlah
from kecamatan.core.formatting import format_rupiah, sebutan_kabupaten
from kecamatan.lkj.data import AWAL, PERUBAHAN, LkjData, kinerja_items
from kecamatan.lkj.tables.common import besaran, filename, kop
from kecamatan.tables.base import NILAI, NOMOR, RUPIAH, TEXT, Column, Report, Row

PERNYATAAN = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam "
    "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja "
    "dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
)


def _versions(data: LkjData, side_by_side: bool, only: str | None = None) -> list[str]:
    if only is not None:
        return [only]
    if side_by_side or PERUBAHAN in data.pk:
        return [AWAL, PERUBAHAN]
    return [AWAL]


def _indicator_rows(data: LkjData):
    """(item, {versi: target}) for every indicator in any version, in the PK's own order."""
    by_id = {item.indikator.id: item for item in kinerja_items(data.renstra, iku_only=False)}
    order: list[int] = []
    for versi in (PERUBAHAN, AWAL):
        pk = data.pk.get(versi)
        for ind_id, _ in (pk.target if pk else ()):
            if ind_id not in order:
                order.append(ind_id)
    return [by_id[i] for i in order if i in by_id]


def build_pk_target(data: LkjData, *, code: str, title: tuple[str, ...], side_by_side: bool,
                    numbered: bool = True, only: str | None = None) -> Report:
    versions = _versions(data, side_by_side, only)
    labels = {AWAL: "Target Awal", PERUBAHAN: "Target Perubahan"} if len(versions) == 2 else {versions[0]: "Target"}
    columns = [Column("no", "No.", kind=NOMOR, width=4), Column("sasaran", "Sasaran Strategis", width=24),
               Column("indikator", "Indikator Kinerja", width=30)]
    columns += [Column(f"target:{v}", labels[v], kind=NILAI, width=10) for v in versions]
    rows = []
    items = _indicator_rows(data)
    for nomor, item in enumerate(items, start=1):
        cells = {"no": f"{nomor}.", "sasaran": item.pernyataan, "indikator": item.indikator.uraian}
        cells.update({f"target:{v}": besaran(data.target_pk(item, v), item.indikator) for v in versions})
        rows.append(Row(item.level, cells))
    if not data.pk:
        rows.append(Row("band", text=f"Belum ada Perjanjian Kinerja tahun {data.tahun}."))
    elif not items:
        rows.append(Row("band", text="Perjanjian Kinerja belum memuat target indikator."))
    return Report(code=code, title=title, columns=_numbered(columns, numbered), rows=tuple(rows), kop=kop(data),
                  orientation="portrait", filename=filename(data, "pk"))


def build_pk_anggaran(data: LkjData, *, code: str, title: tuple[str, ...], side_by_side: bool,
                      numbered: bool = True, keterangan: bool = True, only: str | None = None) -> Report:
    """Program budgets of the PK versions, summed from sub-kegiatan Pagu, with JUMLAH."""
    versions = _versions(data, side_by_side, only)
    columns = [Column("no", "No.", kind=NOMOR, width=4), Column("program", "Program", width=40)]
    labels = {AWAL: "Anggaran (Rp.)" if len(versions) == 1 else "Anggaran", PERUBAHAN: "Anggaran Perubahan"}
    columns += [Column(f"anggaran:{v}", labels[v], kind=RUPIAH, width=14) for v in versions]
    if keterangan:
        columns.append(Column("keterangan", "Keterangan", kind=TEXT, width=12))
    rolled = {AWAL: data.rolled(data.pagu_awal), PERUBAHAN: data.rolled(data.pagu_perubahan)}
    programs = {p.id: p for p in data.renstra.program}
    order: list[int] = []
    kets: dict[int, str] = {}
    for versi in (PERUBAHAN, AWAL):  # the latest version's order; a keterangan from either
        pk = data.pk.get(versi)
        for program_id, ket in (pk.program if pk else ()):
            if program_id not in order:
                order.append(program_id)
            kets[program_id] = kets.get(program_id) or ket
    order_ket = [(pid, kets[pid]) for pid in order]
    rows = []
    for nomor, (program_id, ket) in enumerate(order_ket, start=1):
        program = programs[program_id]
        cells = {"no": f"{nomor}.", "program": program.nama}
        cells.update({f"anggaran:{v}": rolled[v][program.key] for v in versions})
        rows.append(Row("program", {**cells, "keterangan": ket} if keterangan else cells))
    totals = {f"anggaran:{v}": jumlah(rolled[v][programs[pid].key] for pid in order) for v in versions}
    total = {"no": "", "program": "JUMLAH", **totals}
    rows.append(Row("total", {**total, "keterangan": ""} if keterangan else total))

    notes = [f"Anggaran tiap program dijumlahkan dari pagu sub kegiatannya: {', '.join(_stage(v) for v in versions)}."]
    listed = set(order)
    periksa = [f"Periksa: {program.nama} beranggaran Rp {format_rupiah(rolled[v][program.key])} ({_stage(v)}) "
               "tetapi tidak tercantum di Perjanjian Kinerja."
               for program in data.renstra.program for v in versions
               if program.id not in listed and rolled[v][program.key]]
    return Report(code=code, title=title, columns=_numbered(columns, numbered), rows=tuple(rows), kop=kop(data),
                  orientation="portrait", filename=filename(data, "pk"), notes=tuple(notes), continues=True,
                  periksa=tuple(periksa))


def _numbered(columns: list[Column], numbered: bool) -> tuple[Column, ...]:
    """The PK numbers its columns (1), (2), …; Tabel 2.3 prints no numbers."""
    return tuple(replace(c, number=f"({i})") for i, c in enumerate(columns, start=1)) if numbered else tuple(columns)


def _stage(versi: str) -> str:
    return "awal = pagu Renja/DPA" if versi == AWAL else "perubahan = pagu perubahan"


def _intro(data: LkjData, versi: str) -> tuple[tuple[str, str], ...]:
    pk = data.pk[versi]
    pertama, kedua = pk.penandatangan, pk.pihak_kedua
    return (
        ("", "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
             "berorientasi pada hasil, kami yang bertanda tangan di bawah ini :"),
        ("Nama", pertama.nama), ("Jabatan", pertama.jabatan), ("", "Selanjutnya disebut pihak pertama,"),
        ("Nama", kedua.nama), ("Jabatan", kedua.jabatan),
        ("", "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
        *(("", p) for p in PERNYATAAN),
    )


def build_pk(data: LkjData, versi: str | None = None) -> list[Report]:
    """The signed PK of the year: the latest version's statement, its lampiran (targets and
    programs, awal beside perubahan when there is one) and the two signatures. With `versi`
    (awal or perubahan), that version alone as it was signed: its own targets and budgets
    (the whole LKj prints both in its lampiran)."""
    r = data.renstra
    latest = versi or (PERUBAHAN if PERUBAHAN in data.pk else AWAL)
    judul = "PERUBAHAN PERJANJIAN KINERJA" if latest == PERUBAHAN else "PERJANJIAN KINERJA"
    title = (f"{judul} TAHUN {data.tahun}", f"KECAMATAN {r.kecamatan.upper()} {sebutan_kabupaten(r.kabupaten).upper()}")
    target = build_pk_target(data, code="PK", title=title, side_by_side=False, only=versi)
    target = replace(target, kop=kop(data, lkj=False))  # a document of its own, not a table of the LKj
    anggaran = build_pk_anggaran(data, code="PK (Anggaran)", title=(), side_by_side=False, only=versi)
    if latest not in data.pk:
        return [target, anggaran]
    pk = data.pk[latest]
    target = replace(target, intro=_intro(data, latest), caption=f"LAMPIRAN {judul} TAHUN {data.tahun}")
    anggaran = replace(anggaran, penandatangan=pk.penandatangan, counter_signatory=pk.pihak_kedua)
    return [target, anggaran]


def build_tabel_23(data: LkjData) -> list[Report]:
    """LKj Tabel 2.3: the PK's targets and program budgets, awal beside perubahan."""
    r = data.renstra
    title = ("Tabel 2.3", f"Perjanjian Kinerja Kepala Kecamatan {r.kecamatan}", f"Tahun {data.tahun}")
    target = build_pk_target(data, code="Tabel 2.3", title=title, side_by_side=True, numbered=False)
    anggaran = build_pk_anggaran(data, code="Tabel 2.3 (Anggaran)", title=(), side_by_side=True, numbered=False,
                                 keterangan=False)
    return [replace(target, filename=filename(data, "lkj23")),
            replace(anggaran, filename=filename(data, "lkj23"), penandatangan=data.penandatangan)]
