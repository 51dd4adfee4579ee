"""Checks of the Renja of year n against the Renstra's year-n values: targets, prakiraan maju, the
sub-kegiatan planned and their money, and the Ranwal rows of T-C.31. Pure.

What the app computes cannot disagree and is not checked: every Rp above the sub-kegiatan
(T-C.31 and T-C.33 roll-ups, TOTAL PAGU), T-C.31's needs side where it is read from the Renja,
T-C.29's columns 8, 10, 11 and Tabel 4.1 (a projection of T-C.33). Where T-C.31's needs side was
typed (the desk review of the Rancangan Awal), the checker says where it differs from the Renja."""

from __future__ import annotations

from decimal import Decimal

from kecamatan.checks.base import GALAT, PERINGATAN, Tautan, Temuan, aturan
from kecamatan.checks.data import PeriksaData, tautan_target_renja
from kecamatan.checks.nilai import rp, sama, teks
from kecamatan.checks.teks import normal
from kecamatan.core.computations import ZERO, roll_up
from kecamatan.renja.data import PRAKIRAAN, RENJA, prakiraan_aktivitas
from kecamatan.renja.tables.tc31 import kebutuhan_renja
from kecamatan.renstra.data import TOTAL


def _renja_nodes(data: PeriksaData):
    for program in data.renja.program_renja():
        yield from program.walk()


def _owner_label(node) -> str:
    return f"{node.kode} {node.nama}"


def _tautan_rincian(data: PeriksaData, sub_id: int) -> Tautan:
    return Tautan.to("kecamatan:renja_rincian", pk=data.periode_id, tahun=data.tahun, sub_pk=sub_id)


@aturan("renja-target-renstra", "Target Renja tahun n berbeda dengan target Renstra tahun n",
        kasus=("J-4", "J-13", "J-14"))
def renja_target_renstra(data: PeriksaData):
    if not data.ada_renja:
        return
    n = data.tahun
    checks = [(n, RENJA, f"Target Renja {n}", f"target Renstra {n}")]
    if n + 1 in data.tahun_periode:
        checks.append((n + 1, PRAKIRAAN, f"Prakiraan maju {n + 1}", f"target Renstra {n + 1}"))
    for ind, lokasi in data.indikator():
        for tahun, tahap, apa, pembanding in checks:
            renja, renstra = data.renja.target_renja_of(ind.id, tahun, tahap), ind.target_of(tahun)
            if renja.is_empty or renstra.is_empty or sama(renja, renstra):
                continue
            yield Temuan("renja-target-renstra", PERINGATAN, data.kunci_renja,
                         f"{apa} “{ind.uraian}” {teks(renja, ind.satuan)}, {pembanding} "
                         f"{teks(renstra, ind.satuan)}. Bila Renja memang merevisi target, tuliskan alasannya; bila "
                         "tidak, samakan.", lokasi.label(), tautan_target_renja(data))


@aturan("renja-tanpa-target", "Indikator dalam Renja tanpa target tahun n atau prakiraan maju")
def renja_tanpa_target(data: PeriksaData):
    if not data.ada_renja:
        return
    n = data.tahun
    for node in _renja_nodes(data):
        for ind in node.indikator:
            if data.renja.target_renja_of(ind.id, n).is_empty:
                renstra = ind.target_of(n)
                hint = f" (target Renstra {n}: {teks(renstra, ind.satuan)})" if not renstra.is_empty else ""
                yield Temuan("renja-tanpa-target", GALAT, data.kunci_renja,
                             f"Indikator “{ind.uraian}” tidak mempunyai target Renja {n}: T-C.33 kolom 7 "
                             f"kosong{hint}.", _owner_label(node), tautan_target_renja(data))
            elif data.renja.target_renja_of(ind.id, n + 1, PRAKIRAAN).is_empty:
                yield Temuan("renja-tanpa-target", PERINGATAN, data.kunci_renja,
                             f"Indikator “{ind.uraian}” tidak mempunyai target prakiraan maju {n + 1} "
                             "(T-C.33 kolom 11 kosong).", _owner_label(node), tautan_target_renja(data))


@aturan("renja-sub-tanpa-dana", "Sub kegiatan dalam Renja tanpa kebutuhan dana")
def renja_sub_tanpa_dana(data: PeriksaData):
    if not data.ada_renja:
        return
    for node in _renja_nodes(data):
        if node.level == "subkegiatan" and data.renja.dana(node) is None:
            yield Temuan("renja-sub-tanpa-dana", GALAT, data.kunci_renja,
                         f"Sub kegiatan {node.kode} ada dalam Renja {data.tahun} tetapi tidak mempunyai kebutuhan "
                         "dana (tanpa aktivitas dan tanpa pagu): T-C.33 kolom 8 kosong.", _owner_label(node),
                         _tautan_rincian(data, node.id))


def _rolled(data: PeriksaData, amounts: dict[int, Decimal | None]) -> dict[object, Decimal]:
    parent_of: dict[object, object] = {TOTAL: None}
    leaves = {}
    for program in data.renstra.program:
        parent_of[program.key] = TOTAL
        for kegiatan in program.children:
            parent_of[kegiatan.key] = program.key
            for sub in kegiatan.children:
                parent_of[sub.key] = kegiatan.key
                leaves[sub.key] = {0: amounts.get(sub.id)}
    return {key: per[0] for key, per in roll_up(leaves, parent_of).items()}


@aturan("renja-pagu-renstra", "Kebutuhan dana Renja tahun n berbeda dengan pagu indikatif Renstra tahun n")
def renja_pagu_renstra(data: PeriksaData):
    if not data.ada_renja:
        return
    n = data.tahun
    renstra_n = {sub_id: per[n] for sub_id, per in data.pagu_renstra.items() if per.get(n) is not None}
    if not renstra_n:
        return  # the Renstra has no indicative money for year n: nothing to compare with
    members = data.renja.rincian.get(n, {})
    dana = {sub.id: data.renja.dana(sub) for sub in data.subkegiatan() if sub.id in members}
    renja_rolled, renstra_rolled = _rolled(data, dana), _rolled(data, renstra_n)
    for program in data.renstra.program:
        a, b = renja_rolled.get(program.key, ZERO), renstra_rolled.get(program.key, ZERO)
        if a != b:
            yield Temuan("renja-pagu-renstra", PERINGATAN, data.kunci_renja,
                         f"Kebutuhan dana program {program.kode} dalam Renja {n} {rp(a)}, pagu indikatif Renstra "
                         f"{n} {rp(b)} (selisih {rp(a - b)}). Renja boleh menyesuaikan Rp, tetapi perbedaannya harus "
                         "dapat dijelaskan.", _owner_label(program),
                         Tautan.to("kecamatan:renja_detail", pk=data.periode_id, tahun=n))
    for sub in data.subkegiatan():
        planned = renstra_n.get(sub.id) or ZERO
        if sub.id in members and planned == 0:
            yield Temuan("renja-pagu-renstra", PERINGATAN, data.kunci_renja,
                         f"Sub kegiatan {sub.kode} didanai Renja {n} ({rp(dana.get(sub.id))}) tetapi tidak "
                         f"direncanakan dalam Renstra untuk {n}.", _owner_label(sub), _tautan_rincian(data, sub.id))
        elif sub.id not in members and planned > 0:
            yield Temuan("renja-pagu-renstra", PERINGATAN, data.kunci_renja,
                         f"Sub kegiatan {sub.kode} direncanakan Renstra untuk {n} ({rp(planned)}) tetapi tidak ada "
                         f"dalam Renja {n}.", _owner_label(sub),
                         Tautan.to("kecamatan:renja_detail", pk=data.periode_id, tahun=n))


@aturan("ranwal-indikator", "Indikator Ranwal (T-C.31) milik baris lain", kasus=("J-11",))
def ranwal_indikator(data: PeriksaData):
    if not data.renja.ranwal:
        return
    owners = {}
    for ind, lokasi in data.indikator():
        owners.setdefault(normal(ind.uraian), []).append(lokasi)
    for row in data.renja.ranwal:
        found = owners.get(normal(row.indikator)) if row.indikator.strip() else None
        if not found:
            continue
        keys = {(lok.level, lok.owner_id) for lok in found}
        if row.node_key in keys:
            continue
        milik = "; ".join(lok.label() for lok in found)
        yield Temuan("ranwal-indikator", PERINGATAN, data.kunci_renja,
                     f"T-C.31 baris {row.urutan} (“{row.nama or '-'}”) memakai indikator “{row.indikator}”, "
                     f"yang di Renstra milik {milik}.", f"T-C.31 baris {row.urutan}",
                     Tautan.to("kecamatan:renja_ranwal_ubah", pk=data.periode_id, tahun=data.tahun, row_pk=row.id))



@aturan("ranwal-kebutuhan", "Hasil analisis kebutuhan (T-C.31) yang diketik berbeda dari Renja")
def ranwal_kebutuhan(data: PeriksaData):
    typed = [r for r in data.renja.ranwal if r.node_key and (r.kebutuhan_dana is not None
                                                            or not r.kebutuhan_target.is_empty)]
    if not typed:
        return
    nodes = {node.key: node for node in data.renja.renstra.nodes()}
    dana = data.renja.rolled_up_dana()
    for row in typed:
        node = nodes.get(row.node_key)
        if node is None:
            continue
        _, renja_dana = kebutuhan_renja(data.renja, node, dana)
        beda = []
        if row.kebutuhan_dana is not None and row.kebutuhan_dana != (renja_dana or ZERO):
            beda.append(f"kebutuhan dana {rp(row.kebutuhan_dana)}, Renja {rp(renja_dana)}")
        if not row.kebutuhan_target.is_empty and node.indikator:
            ind = node.indikator[0]
            renja_target = data.renja.target_renja_of(ind.id, data.tahun)
            if not sama(row.kebutuhan_target, renja_target):
                beda.append(f"target {teks(row.kebutuhan_target, ind.satuan)}, Renja {teks(renja_target, ind.satuan)}")
        if beda:
            yield Temuan("ranwal-kebutuhan", PERINGATAN, data.kunci_renja,
                         f"T-C.31 baris {row.urutan} ({_owner_label(node)}): hasil analisis kebutuhan yang diketik "
                         f"berbeda dari Renja {data.tahun}: {'; '.join(beda)}.", f"T-C.31 baris {row.urutan}",
                         Tautan.to("kecamatan:renja_ranwal_ubah", pk=data.periode_id, tahun=data.tahun, row_pk=row.id))


@aturan("renja-sumber-dana-kosong", "Sub kegiatan dalam Renja tanpa sumber dana")
def renja_sumber_dana_kosong(data: PeriksaData):
    if not data.ada_renja:
        return
    for node in _renja_nodes(data):
        rincian = data.renja.rincian_of(node.id) if node.level == "subkegiatan" else None
        if rincian is not None and not rincian.sumber_dana.strip():
            yield Temuan("renja-sumber-dana-kosong", PERINGATAN, data.kunci_renja,
                         f"Sub kegiatan {node.kode} dalam Renja {data.tahun} belum mempunyai sumber dana: T-C.33 "
                         "kolom Sumber Dana kosong.", _owner_label(node), _tautan_rincian(data, node.id))


@aturan("renja-prakiraan-ganda", "Prakiraan maju sub kegiatan tercatat dua kali (aktivitas dan isian sub kegiatan)")
def renja_prakiraan_ganda(data: PeriksaData):
    """Aktivitas with their own prakiraan n+1 are the only record of it; a stored prakiraan Pagu
    beside them (left by an older version or the admin) is ignored by the tables: say so."""
    if not data.ada_renja:
        return
    n1 = data.tahun + 1
    for node in _renja_nodes(data):
        if node.level != "subkegiatan":
            continue
        itemised = prakiraan_aktivitas(data.renja.rincian_of(node.id))
        stored = data.renja.pagu_prakiraan_of(node)
        if itemised is not None and stored is not None:
            selisih = "" if stored == itemised else f" (berbeda {rp(stored - itemised)})"
            yield Temuan("renja-prakiraan-ganda", GALAT, data.kunci_renja,
                         f"Prakiraan maju {n1} sub kegiatan {node.kode} dirinci per aktivitas (jumlah {rp(itemised)}) "
                         f"tetapi isian prakiraan sub kegiatannya juga tersimpan: {rp(stored)}{selisih}. Tabel memakai "
                         "jumlah aktivitas; simpan ulang rincian sub kegiatan ini untuk menghapus isian ganda.",
                         _owner_label(node), _tautan_rincian(data, node.id))
