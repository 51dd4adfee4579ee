"""Reads. Each selector returns everything its caller will touch in a fixed number of queries."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.urls import reverse

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai, format_nilai, format_rupiah
from kecamatan.models import (
    Aktivitas, CatatanItem, Dokumen, Indikator, Kegiatan, Pagu, Peran, Periode, Program, Realisasi, RealisasiAnggaran, Riwayat,
    Sasaran, SubKegiatan, Target, Tujuan,
)
from kecamatan.models.dokumen import TW_ROMAWI, parse_kunci
from kecamatan.renstra.data import (
    AnggaranRealisasi, IndikatorData, IndikatorRealisasi, NodeData, PemilikRealisasi, PenandatanganData,
    RealisasiTriwulanData, RenstraData, SasaranData, TujuanData,
)


def periode_list() -> QuerySet[Periode]:
    return Periode.objects.select_related("kecamatan__kabupaten").order_by("kecamatan__nama", "-tahun_mulai")


def _indikator_data(ind: Indikator, targets: dict[int, dict[int, Nilai]]) -> IndikatorData:
    return IndikatorData(
        id=ind.pk,
        uraian=ind.uraian,
        satuan=ind.satuan,
        formula=ind.formula,
        penjelasan=ind.penjelasan,
        polaritas=Polaritas(ind.polaritas),
        aturan=ind.aturan,
        kondisi_awal=ind.kondisi_awal_nilai,
        iku=ind.iku,
        sumber_data=ind.sumber_data,
        penanggung_jawab=ind.penanggung_jawab,
        target=targets.get(ind.pk, {}),
    )


def penandatangan_of(dokumen: Dokumen | None, kecamatan_nama: str) -> PenandatanganData | None:
    """The signature block of a document (its Camat, place and date), or None if unsigned."""
    if dokumen is None or dokumen.camat is None:
        return None
    camat = dokumen.camat
    return PenandatanganData(
        nama=camat.nama, jabatan=f"Camat {kecamatan_nama}", nip=camat.nip_cetak, pangkat=camat.pangkat_golongan,
        tempat=dokumen.ttd_tempat, tanggal=dokumen.ttd_tanggal, hanya_bulan=dokumen.ttd_hanya_bulan,
    )


def dana_aktivitas(*, periode_id: int, tahun: int | None = None) -> dict[tuple[int, int], Decimal]:
    """Renja dana of the sub-kegiatan that are itemised into aktivitas: the sum of their aktivitas,
    per (sub-kegiatan, year), in 1 query. Such a sub-kegiatan has no Pagu of tahap renja (the Renja
    services keep one source of truth), so every reader of "the Renja/DPA budget" takes this sum
    where it exists and the Pagu row elsewhere."""
    rows = Aktivitas.objects.filter(rincian__dokumen__periode_id=periode_id, rincian__dokumen__jenis=Dokumen.Jenis.RENJA)
    if tahun is not None:
        rows = rows.filter(rincian__dokumen__tahun=tahun)
    return {
        (sub_id, t): total
        for sub_id, t, total in rows.values_list("rincian__subkegiatan_id", "rincian__dokumen__tahun")
        .annotate(total=Sum("jumlah")).order_by()
    }


def renstra_data(periode_id: int, *, tahap: str = Pagu.Tahap.RENSTRA) -> RenstraData:
    """The whole cascade of one Renstra period with indicators, targets and sub-kegiatan pagu
    of one budget stage: 10 queries whatever its size (11 for tahap renja, whose dana may be the
    sum of aktivitas, see `dana_aktivitas`)."""
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    dokumen = (
        Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENSTRA).select_related("camat").first()
    )
    tujuan = list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk"))
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk"))
    programs = list(Program.objects.filter(periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode"))
    kegiatan = list(
        Kegiatan.objects.filter(program__periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode")
    )
    subs = list(
        SubKegiatan.objects.filter(kegiatan__program__periode=periode)
        .select_related("nomenklatur")
        .order_by("nomenklatur__kode")
    )
    indikator = list(Indikator.objects.filter(periode=periode).order_by("urutan", "pk"))
    targets: dict[int, dict[int, Nilai]] = defaultdict(dict)
    for t in Target.objects.filter(indikator__periode=periode).only("indikator_id", "tahun", "nilai", "label"):
        targets[t.indikator_id][t.tahun] = Nilai(t.nilai, t.label)
    pagu: dict[int, dict[int, object]] = defaultdict(dict)
    for p in Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahap=tahap).only(
        "subkegiatan_id", "tahun", "jumlah"
    ):
        pagu[p.subkegiatan_id][p.tahun] = p.jumlah
    if tahap == Pagu.Tahap.RENJA:
        for (sub_id, tahun), total in dana_aktivitas(periode_id=periode.pk).items():
            pagu[sub_id][tahun] = total

    ind_by: dict[tuple[str, int], list[IndikatorData]] = defaultdict(list)
    for ind in indikator:
        ind_by[(ind.level, getattr(ind, f"{ind.level}_id"))].append(_indikator_data(ind, targets))

    def inds(level: str, pk: int) -> tuple[IndikatorData, ...]:
        return tuple(ind_by.get((level, pk), ()))

    subs_by: dict[int, list[NodeData]] = defaultdict(list)
    for s in subs:
        subs_by[s.kegiatan_id].append(
            NodeData(
                id=s.pk, level="subkegiatan", kode=s.nomenklatur.kode, nama=s.nama,
                rumusan_sasaran=s.rumusan_sasaran, unit_kerja=s.unit_kerja,
                indikator=inds("subkegiatan", s.pk), pagu=dict(pagu.get(s.pk, {})),
            )
        )
    keg_by: dict[int, list[NodeData]] = defaultdict(list)
    for k in kegiatan:
        keg_by[k.program_id].append(
            NodeData(
                id=k.pk, level="kegiatan", kode=k.nomenklatur.kode, nama=k.nama,
                rumusan_sasaran=k.rumusan_sasaran, unit_kerja=k.unit_kerja,
                indikator=inds("kegiatan", k.pk), children=tuple(subs_by.get(k.pk, ())),
            )
        )
    program_nodes = tuple(
        NodeData(
            id=p.pk, level="program", kode=p.nomenklatur.kode, nama=p.nama,
            rumusan_sasaran=p.rumusan_sasaran, unit_kerja=p.unit_kerja,
            indikator=inds("program", p.pk), children=tuple(keg_by.get(p.pk, ())), sasaran_id=p.sasaran_id,
        )
        for p in programs
    )
    sas_by: dict[int, list[SasaranData]] = defaultdict(list)
    for s in sasaran:
        sas_by[s.tujuan_id].append(SasaranData(id=s.pk, urutan=s.urutan, uraian=s.uraian, indikator=inds("sasaran", s.pk)))
    tujuan_nodes = tuple(
        TujuanData(id=t.pk, urutan=t.urutan, uraian=t.uraian, indikator=inds("tujuan", t.pk),
                   sasaran=tuple(sas_by.get(t.pk, ())))
        for t in tujuan
    )
    penandatangan = penandatangan_of(dokumen, periode.kecamatan.nama)
    return RenstraData(
        periode_id=periode.pk,
        kecamatan=periode.kecamatan.nama,
        kabupaten=periode.kecamatan.kabupaten.nama,
        provinsi=periode.kecamatan.kabupaten.provinsi,
        tahun=tuple(periode.tahun_list),
        tahun_kondisi_awal=periode.tahun_kondisi_awal,
        tujuan=tujuan_nodes,
        program=program_nodes,
        penandatangan=penandatangan,
    )



# --- workflow documents ------------------------------------------------------------------------


def expected_dokumen(periode: Periode) -> list[tuple[str, int | None, int | None]]:
    """Every document a period has, in order: Renstra, then per year Renja, TW I-IV, LKj."""
    out: list[tuple[str, int | None, int | None]] = [(Dokumen.Jenis.RENSTRA, None, None)]
    for tahun in periode.tahun_list:
        out.append((Dokumen.Jenis.RENJA, tahun, None))
        out.extend((Dokumen.Jenis.REALISASI, tahun, tw) for tw in (1, 2, 3, 4))
        out.append((Dokumen.Jenis.LKJ, tahun, None))
    return out


def dokumen_for(periode: Periode, kunci: str) -> Dokumen | None:
    """The document of a period by key; an unsaved draft (versi 0) until someone first saves it.
    None if the key names no document of this period."""
    parsed = parse_kunci(kunci)
    if parsed is None or parsed not in set(expected_dokumen(periode)):
        return None
    jenis, tahun, triwulan = parsed
    found = (
        Dokumen.objects.filter(periode=periode, jenis=jenis, tahun=tahun, triwulan=triwulan)
        .select_related("periode__kecamatan", "camat").first()
    )
    return found or Dokumen(periode=periode, jenis=jenis, tahun=tahun, triwulan=triwulan, versi=0)


def dokumen_periode(periode: Periode) -> list[Dokumen]:
    """Every document of the period (saved or not yet), with its status: 1 query."""
    saved = {
        (d.jenis, d.tahun, d.triwulan): d
        for d in Dokumen.objects.filter(periode=periode)
    }
    out = []
    for key in expected_dokumen(periode):
        doc = saved.get(key) or Dokumen(periode=periode, jenis=key[0], tahun=key[1], triwulan=key[2], versi=0)
        doc.periode = periode
        out.append(doc)
    return out


def riwayat_dokumen(dokumen: Dokumen) -> list[Riwayat]:
    """The timeline of a document, oldest first, with who acted and the notes per row: 2 queries."""
    if dokumen.pk is None:
        return []
    return list(
        Riwayat.objects.filter(dokumen=dokumen).select_related("oleh")
        .prefetch_related(Prefetch("catatan_item", CatatanItem.objects.select_related("indikator", "subkegiatan__nomenklatur")))
        .order_by("waktu", "pk")
    )


def catatan_terakhir(riwayat: list[Riwayat]) -> Riwayat | None:
    """The return (kembalikan) that the current draft answers, if the document was returned and
    not yet resubmitted."""
    for r in reversed(riwayat):
        if r.aksi == Riwayat.Aksi.KEMBALIKAN:
            return r
        if r.aksi in (Riwayat.Aksi.AJUKAN, Riwayat.Aksi.VERIFIKASI, Riwayat.Aksi.BUKA_KEMBALI):
            return None
    return None


# --- the triwulan realisasi page ----------------------------------------------------------------

TAHAP_TERAKHIR = (Pagu.Tahap.PERUBAHAN, Pagu.Tahap.RENJA, Pagu.Tahap.RANCANGAN, Pagu.Tahap.RENSTRA)


def realisasi_triwulan_data(periode: Periode, tahun: int, triwulan: int, *,
                            catatan: Riwayat | None = None) -> RealisasiTriwulanData:
    """Every indicator of the period with its target and the four TW of the year, every sub-kegiatan
    with its latest pagu and Rp per TW: 11 queries whatever the size. `catatan`: the return whose
    notes per row to attach (from `riwayat_dokumen`, already fetched)."""
    tujuan = list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk"))
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk"))
    programs = list(Program.objects.filter(periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode"))
    kegiatan = list(Kegiatan.objects.filter(program__periode=periode).select_related("nomenklatur")
                    .order_by("nomenklatur__kode"))
    subs = list(SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("nomenklatur")
                .order_by("nomenklatur__kode"))
    indikator = list(Indikator.objects.filter(periode=periode).order_by("urutan", "pk"))
    target = {t.indikator_id: Nilai(t.nilai, t.label)
              for t in Target.objects.filter(indikator__periode=periode, tahun=tahun)}
    realisasi: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator__periode=periode, tahun=tahun):
        realisasi[r.indikator_id][r.triwulan] = r
    pagu: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for p in Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=tahun):
        pagu[p.subkegiatan_id][p.tahap] = p.jumlah
    for (sub_id, _), total in dana_aktivitas(periode_id=periode.pk, tahun=tahun).items():
        pagu[sub_id][Pagu.Tahap.RENJA] = total  # a Renja itemised into aktivitas
    rp: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for r in RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=tahun):
        rp[r.subkegiatan_id][r.triwulan] = r.jumlah
    notes_ind: dict[int, str] = {}
    notes_sub: dict[int, str] = {}
    if catatan is not None:
        for item in catatan.catatan_item.all():
            if item.indikator_id:
                notes_ind[item.indikator_id] = item.catatan
            else:
                notes_sub[item.subkegiatan_id] = item.catatan

    def data(ind: Indikator) -> IndikatorRealisasi:
        per_tw = realisasi.get(ind.pk, {})
        return IndikatorRealisasi(
            id=ind.pk, uraian=ind.uraian, satuan=ind.satuan, polaritas=Polaritas(ind.polaritas), aturan=ind.aturan,
            target=target.get(ind.pk, Nilai()),
            per_triwulan=tuple(Nilai(per_tw[t].nilai, per_tw[t].label) if t in per_tw else Nilai() for t in (1, 2, 3, 4)),
            keterangan=tuple(per_tw[t].keterangan if t in per_tw else "" for t in (1, 2, 3, 4)),
            catatan=notes_ind.get(ind.pk, ""),
        )

    by_owner: dict[tuple[str, int], list[IndikatorRealisasi]] = defaultdict(list)
    for ind in indikator:
        by_owner[(ind.level, getattr(ind, f"{ind.level}_id"))].append(data(ind))

    def group(level: str, pk: int, kode: str, nama: str) -> PemilikRealisasi:
        return PemilikRealisasi(level, kode, nama, tuple(by_owner.get((level, pk), ())))

    groups: list[PemilikRealisasi] = []
    for t in tujuan:
        groups.append(group("tujuan", t.pk, f"T{t.urutan}", t.uraian))
        groups.extend(group("sasaran", s.pk, f"S{s.urutan}", s.uraian) for s in sasaran if s.tujuan_id == t.pk)
    subs_by: dict[int, list[SubKegiatan]] = defaultdict(list)
    for s in subs:
        subs_by[s.kegiatan_id].append(s)
    keg_by: dict[int, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        keg_by[k.program_id].append(k)
    anggaran: list[AnggaranRealisasi] = []
    for p in programs:
        groups.append(group("program", p.pk, p.nomenklatur.kode, p.nama))
        for k in keg_by.get(p.pk, ()):
            groups.append(group("kegiatan", k.pk, k.nomenklatur.kode, k.nama))
            for s in subs_by.get(k.pk, ()):
                groups.append(group("subkegiatan", s.pk, s.nomenklatur.kode, s.nama))
                stages = pagu.get(s.pk, {})
                tahap = next((t for t in TAHAP_TERAKHIR if t in stages), "")
                per_tw = rp.get(s.pk, {})
                anggaran.append(AnggaranRealisasi(
                    id=s.pk, kode=s.nomenklatur.kode, nama=s.nama, pagu=stages.get(tahap) if tahap else None,
                    tahap_pagu=Pagu.Tahap(tahap).label if tahap else "",
                    per_triwulan=tuple(per_tw.get(t) for t in (1, 2, 3, 4)), catatan=notes_sub.get(s.pk, ""),
                ))
    return RealisasiTriwulanData(
        periode_id=periode.pk, kecamatan=periode.kecamatan.nama, tahun=tahun, triwulan=triwulan,
        pemilik=tuple(groups), anggaran=tuple(anggaran),
    )


# --- dashboard ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tugas:
    """One line of "what to do next" on the dashboard."""

    teks: str
    url: str
    tingkat: str = "warning"  # bootstrap colour: danger (returned), warning (to fill), info (to submit/verify)
    catatan: str = ""


@dataclass(frozen=True)
class SelTriwulan:
    kunci: str
    tahun: int
    triwulan: int
    status: str
    status_label: str
    belum_diisi: int


@dataclass(frozen=True)
class RingkasanPeriode:
    periode: Periode
    n_indikator: int
    triwulan: tuple[tuple[int, tuple[SelTriwulan, ...]], ...]  # per year: the TW cells up to today
    dokumen: tuple[Dokumen, ...]  # Renstra, Renja, LKj
    periksa: tuple[tuple[int, object], ...] = ()  # per year: the stored consistency counts (Lencana) or None


@dataclass(frozen=True)
class Dasbor:
    tugas: tuple[Tugas, ...]
    periode: tuple[RingkasanPeriode, ...]
    menunggu: tuple[Dokumen, ...] = ()  # Bappeda: submitted documents of every kecamatan


def triwulan_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def dasbor(periode_qs: QuerySet[Periode], *, peran: str | None, today: datetime.date) -> Dasbor:
    """What each role should do next, over the periods the user sees, with the stored consistency
    counts of every kecamatan-year: 5 queries (6 when a document was returned)."""
    from kecamatan.checks.selectors import hasil_tersimpan, lencana_tahun

    periodes = list(periode_qs.select_related("kecamatan__kabupaten"))
    ids = [p.pk for p in periodes]
    n_ind = dict(Indikator.objects.filter(periode__in=ids).values_list("periode").annotate(n=Count("pk")))
    filled = {
        (row["indikator__periode"], row["tahun"], row["triwulan"]): row["n"]
        for row in Realisasi.objects.filter(indikator__periode__in=ids)
        .values("indikator__periode", "tahun", "triwulan").annotate(n=Count("pk"))
    }
    docs = {(d.periode_id, d.jenis, d.tahun, d.triwulan): d
            for d in Dokumen.objects.filter(periode__in=ids).select_related("periode__kecamatan")}
    tersimpan = hasil_tersimpan(periodes)
    returned_ids = [d.pk for d in docs.values() if d.status == Dokumen.Status.DIKEMBALIKAN]
    last_note: dict[int, str] = {}
    for r in Riwayat.objects.filter(dokumen__in=returned_ids, aksi=Riwayat.Aksi.KEMBALIKAN).order_by("waktu", "pk"):
        last_note[r.dokumen_id] = r.catatan
    kecamatan_role = peran in (Peran.OPERATOR, Peran.CAMAT)
    tugas: list[Tugas] = []
    ringkasan: list[RingkasanPeriode] = []
    menunggu: list[Dokumen] = []
    for p in periodes:
        def doc(jenis, tahun=None, tw=None, p=p):
            d = docs.get((p.pk, jenis, tahun, tw))
            if d is None:
                d = Dokumen(periode=p, jenis=jenis, tahun=tahun, triwulan=tw, versi=0)
            return d

        years = []
        for tahun in p.tahun_list:
            if tahun > today.year:
                break
            last_tw = 4 if tahun < today.year else triwulan_of(today)
            cells = []
            for tw in range(1, last_tw + 1):
                d = doc(Dokumen.Jenis.REALISASI, tahun, tw)
                kosong = n_ind.get(p.pk, 0) - filled.get((p.pk, tahun, tw), 0)
                cells.append(SelTriwulan(d.kunci, tahun, tw, d.status, d.get_status_display(), kosong))
                if not kecamatan_role:
                    continue
                args = (p.pk, tahun, tw)
                if d.status == Dokumen.Status.DIKEMBALIKAN:
                    tugas.append(Tugas(f"{d.judul} dikembalikan Bappeda: perbaiki sesuai catatan, simpan, lalu ajukan lagi.",
                                       reverse("kecamatan:realisasi", args=args), "danger", last_note.get(d.pk, "")))
                elif d.status == Dokumen.Status.DRAFT and kosong:
                    tugas.append(Tugas(f"Realisasi TW {TW_ROMAWI[tw]} {tahun} belum diisi: {kosong} indikator",
                                       reverse("kecamatan:realisasi", args=args)))
                elif d.status == Dokumen.Status.DRAFT:
                    teks = (f"{d.judul} sudah lengkap: ajukan ke Bappeda." if peran == Peran.CAMAT
                            else f"{d.judul} sudah lengkap: menunggu diajukan Camat.")
                    tugas.append(Tugas(teks, reverse("kecamatan:realisasi", args=args), "info"))
            years.append((tahun, tuple(cells)))
        others = [doc(Dokumen.Jenis.RENSTRA)] + [
            doc(jenis, tahun) for tahun in p.tahun_list for jenis in (Dokumen.Jenis.RENJA, Dokumen.Jenis.LKJ)
        ]
        for d in others:
            if kecamatan_role and d.status == Dokumen.Status.DIKEMBALIKAN:
                tugas.append(Tugas(f"{d.judul} dikembalikan Bappeda: perbaiki lalu ajukan lagi.", reverse("kecamatan:dokumen", args=(p.pk, d.kunci)), "danger", last_note.get(d.pk, "")))
        menunggu.extend(d for (pid, *_), d in docs.items() if pid == p.pk and d.status == Dokumen.Status.DIAJUKAN)
        lencana = lencana_tahun(p, [d for (pid, *_), d in docs.items() if pid == p.pk], tersimpan)
        ringkasan.append(RingkasanPeriode(p, n_ind.get(p.pk, 0), tuple(years), tuple(others),
                                          tuple((t, lencana.get(t)) for t in p.tahun_list)))
    if peran == Peran.VERIFIKATOR:
        for d in menunggu:
            tugas.append(Tugas(f"Menunggu verifikasi: {d.judul} Kecamatan {d.periode.kecamatan.nama}",
                               reverse("kecamatan:dokumen", args=(d.periode_id, d.kunci)), "info"))
    order = {"danger": 0, "warning": 1, "info": 2}
    tugas.sort(key=lambda t: order[t.tingkat])
    return Dasbor(tuple(tugas), tuple(ringkasan), tuple(menunggu))


# --- audit history ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    """One change to one record: who, when, which record, from what to what."""

    waktu: datetime.datetime
    oleh: str
    rekaman: str  # "Target 2025", "Realisasi 2024 TW I"
    jenis: str  # Dibuat | Diubah | Dihapus
    dari: str
    ke: str
    alasan: str = ""


HISTORY_TYPE = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


def _diffs(records, describe, show) -> list[Perubahan]:
    """Changes from consecutive historical rows of each record (pure apart from the rows given)."""
    out = []
    previous: dict[int, object] = {}
    for h in sorted(records, key=lambda h: (h.history_date, h.history_id)):
        before = previous.get(h.id)
        dari = show(before) if before is not None and h.history_type != "+" else "-"
        ke = "-" if h.history_type == "-" else show(h)
        if h.history_type == "-":
            dari = show(h)
        previous[h.id] = h
        if h.history_type == "~" and dari == ke:
            continue
        out.append(Perubahan(
            waktu=h.history_date, oleh=h.history_user.username if h.history_user else "sistem (data awal)",
            rekaman=describe(h), jenis=HISTORY_TYPE.get(h.history_type, h.history_type), dari=dari, ke=ke,
            alasan=h.history_change_reason or "",
        ))
    out.sort(key=lambda c: c.waktu, reverse=True)
    return out


def _show_nilai(h) -> str:
    text = format_nilai(Nilai(h.nilai, h.label))
    keterangan = getattr(h, "keterangan", "")
    return f"{text} — {keterangan}" if keterangan else text


def riwayat_indikator(indikator: Indikator) -> list[Perubahan]:
    """Every change to the targets and realisasi of an indicator, deleted rows included: 2 queries."""
    targets = Target.history.filter(indikator_id=indikator.pk).select_related("history_user")
    realisasi = Realisasi.history.filter(indikator_id=indikator.pk).select_related("history_user")
    return sorted(
        _diffs(targets, lambda h: f"Target {h.tahun}", _show_nilai)
        + _diffs(realisasi, lambda h: f"Realisasi {h.tahun} TW {TW_ROMAWI.get(h.triwulan, h.triwulan)}", _show_nilai),
        key=lambda c: c.waktu, reverse=True,
    )


def riwayat_subkegiatan(subkegiatan: SubKegiatan) -> list[Perubahan]:
    """Every change to the pagu and realisasi anggaran of a sub-kegiatan: 2 queries."""
    pagu = Pagu.history.filter(subkegiatan_id=subkegiatan.pk).select_related("history_user")
    rp = RealisasiAnggaran.history.filter(subkegiatan_id=subkegiatan.pk).select_related("history_user")
    return sorted(
        _diffs(pagu, lambda h: f"Pagu {h.tahun} ({Pagu.Tahap(h.tahap).label})", lambda h: format_rupiah(h.jumlah))
        + _diffs(rp, lambda h: f"Realisasi Rp {h.tahun} TW {TW_ROMAWI.get(h.triwulan, h.triwulan)}",
                 lambda h: format_rupiah(h.jumlah)),
        key=lambda c: c.waktu, reverse=True,
    )


def kecamatan_tanpa_renstra() -> list[str]:
    """Admin's dashboard: kecamatan that have no real Renstra period yet; those with only a
    generated one (demo_kabupaten) are named as such (1 query)."""
    from kecamatan.models import Kecamatan

    rows = (Kecamatan.objects.exclude(periode__demo=False).annotate(n_demo=Count("periode"))
            .order_by("nama").values_list("nama", "n_demo"))
    return [f"{nama} (hanya data demo)" if n_demo else nama for nama, n_demo in rows]


def pilihan_nomenklatur(level: str, *, parent_id: int | None = None, taken: QuerySet | None = None,
                        keep_id: int | None = None):
    """Catalog rows one may pick for a new program/kegiatan/sub-kegiatan: active, of the level,
    under the parent's code, not already used in the same place (except the row being edited)."""
    from django.db.models import Q

    from kecamatan.models import Nomenklatur

    qs = Nomenklatur.objects.filter(level=level).filter(Q(aktif=True) | Q(pk=keep_id))
    if parent_id is not None:
        qs = qs.filter(parent_id=parent_id)
    if taken is not None:
        qs = qs.exclude(Q(pk__in=taken) & ~Q(pk=keep_id))
    return qs.order_by("kode")


@dataclass(frozen=True)
class ItemDokumen:
    """The rows Bappeda may annotate when returning a document: indicators and sub-kegiatan."""

    indikator: tuple[Indikator, ...]
    subkegiatan: tuple[SubKegiatan, ...]


def item_dokumen(periode: Periode) -> ItemDokumen:
    """2 queries."""
    return ItemDokumen(
        tuple(Indikator.objects.filter(periode=periode).order_by("urutan", "pk")),
        tuple(SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("nomenklatur")
              .order_by("nomenklatur__kode")),
    )


# --- the cascade editor ---------------------------------------------------------------------------

_ROW_RELATED = {
    Periode: ["kecamatan"],
    Tujuan: ["periode__kecamatan"],
    Sasaran: ["tujuan__periode__kecamatan"],
    Program: ["periode__kecamatan", "nomenklatur"],
    Kegiatan: ["program__periode__kecamatan", "nomenklatur"],
    SubKegiatan: ["kegiatan__program__periode__kecamatan", "nomenklatur"],
    Indikator: ["periode__kecamatan"],
}


def row_queryset(model) -> QuerySet:
    """A cascade row with everything up to its kecamatan, for the scope check (1 query)."""
    return model.objects.select_related(*_ROW_RELATED[model])


def next_urutan(model, **parent) -> int:
    """The next free 'nomor urut' under a parent (1 query)."""
    from django.db.models import Max

    return (model.objects.filter(**parent).aggregate(n=Max("urutan"))["n"] or 0) + 1


def nomenklatur_choices(model, *, periode: Periode, parent, keep_id: int | None = None):
    """Catalog rows one may pick for a program (of the period), kegiatan (of the program) or
    sub-kegiatan (of the kegiatan)."""
    if model is Program:
        taken = Program.objects.filter(periode=periode).values("nomenklatur")
        return pilihan_nomenklatur("program", taken=taken, keep_id=keep_id)
    parent_field = "program" if model is Kegiatan else "kegiatan"
    siblings = model.objects.filter(**{parent_field: parent}).values("nomenklatur")
    level = "kegiatan" if model is Kegiatan else "subkegiatan"
    return pilihan_nomenklatur(level, parent_id=parent.nomenklatur_id, taken=siblings, keep_id=keep_id)


def targets_of(indikator: Indikator) -> dict[int, Nilai]:
    return {t.tahun: Nilai(t.nilai, t.label) for t in Target.objects.filter(indikator=indikator)}


def pagu_of(subkegiatan: SubKegiatan) -> dict[tuple[int, str], Decimal]:
    return {(p.tahun, p.tahap): p.jumlah for p in Pagu.objects.filter(subkegiatan=subkegiatan)}
