"""A Renstra's cascade with its indicators, their targets and realisasi, and the sub-kegiatan's pagu
per stage and Rp per triwulan."""

from __future__ import annotations

from ninja import Router
from ninja.pagination import paginate

from kecamatan.api import selectors
from kecamatan.api.common import desimal, nilai, periode_for
from kecamatan.api.schemas import CascadeOut, IndikatorOut, SubKegiatanOut

router = Router(tags=["Renstra"])


@router.get("/periode/{int:pk}/cascade/", response=CascadeOut, url_name="cascade")
def cascade(request, pk: int):
    """Tujuan → Sasaran dan Program → Kegiatan → Sub Kegiatan, masing-masing dengan id indikatornya
    (rinciannya di /indikator/)."""
    data = selectors.cascade(periode_for(request, pk))
    milik: dict[tuple[str, int], list[int]] = {}
    for i in data["indikator"]:
        if i.level:
            milik.setdefault((i.level, getattr(i, f"{i.level}_id")), []).append(i.pk)

    def simpul(level: str, obj, induk: int | None, kode: str, uraian: str) -> dict:
        return {"id": obj.pk, "induk_id": induk, "kode": kode, "uraian": uraian, "indikator": milik.get((level, obj.pk), [])}

    return {
        "tujuan": [simpul("tujuan", t, None, "", t.uraian) for t in data["tujuan"]],
        "sasaran": [simpul("sasaran", s, s.tujuan_id, "", s.uraian) for s in data["sasaran"]],
        "program": [simpul("program", p, p.sasaran_id, p.kode, p.nama) for p in data["program"]],
        "kegiatan": [simpul("kegiatan", k, k.program_id, k.kode, k.nama) for k in data["kegiatan"]],
        "subkegiatan": [simpul("subkegiatan", s, s.kegiatan_id, s.kode, s.nama) for s in data["subkegiatan"]],
    }


@router.get("/periode/{int:pk}/indikator/", response=list[IndikatorOut], url_name="indikator_list")
@paginate
def indikator_list(request, pk: int):
    """Indikator dengan target per tahun dan realisasi per triwulan, urut id."""
    return _IndikatorPage(selectors.indikator_list(periode_for(request, pk)))


@router.get("/periode/{int:pk}/subkegiatan/", response=list[SubKegiatanOut], url_name="subkegiatan_list")
@paginate
def subkegiatan_list(request, pk: int):
    """Sub kegiatan dengan pagu per tahun dan tahap serta realisasi Rp per triwulan, urut kode."""
    return _SubPage(selectors.subkegiatan_list(periode_for(request, pk)))


class _Page:
    """A queryset the paginator slices and counts in SQL; each row of the slice is turned into its
    schema's dict (the prefetches run on the slice only)."""

    def __init__(self, qs):
        self.qs = qs

    def all(self):
        return self

    def count(self) -> int:
        return self.qs.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        return [self.row(obj) for obj in self.qs[item]]


class _IndikatorPage(_Page):
    @staticmethod
    def row(i) -> dict:
        return {
            "id": i.pk, "level": i.level, "pemilik_id": getattr(i, f"{i.level}_id") if i.level else 0,
            "urutan": i.urutan, "uraian": i.uraian, "satuan": i.satuan, "iku": i.iku,
            "kondisi_awal": nilai(i.kondisi_awal, i.kondisi_awal_label),
            "target": [{"tahun": t.tahun, **nilai(t.nilai, t.label)} for t in i.target.all()],
            "realisasi": [{"tahun": r.tahun, "triwulan": r.triwulan, "keterangan": r.keterangan, **nilai(r.nilai, r.label)}
                          for r in i.realisasi.all()],
        }


class _SubPage(_Page):
    @staticmethod
    def row(s) -> dict:
        return {
            "id": s.pk, "kode": s.kode, "nama": s.nama, "kegiatan_id": s.kegiatan_id, "kegiatan_kode": s.kegiatan.kode,
            "program_id": s.kegiatan.program_id, "program_kode": s.kegiatan.program.kode,
            "pagu": [{"tahun": p.tahun, "tahap": p.tahap, "jumlah": desimal(p.jumlah)} for p in s.pagu.all()],
            "realisasi": [{"tahun": r.tahun, "triwulan": r.triwulan, "jumlah": desimal(r.jumlah)}
                          for r in s.realisasi_anggaran.all()],
        }
