"""The values an indicator can take: its valid range from its satuan, and the Indonesian message for a
value outside it. The one place of the rule: model clean methods, form fields (`fields.NilaiField`),
the Excel import's cells and the checker all ask here. Pure: no Django.

- Persen (persen, %, persentase, prosen): 0 to 100; above 100 only where the indicator allows it
  (`Indikator.boleh_lebih_100`, e.g. a realisasi of PAD against its target, 105%).
- Rupiah (Rp, rupiah): never negative.
- Angka and poin (a growth or a change): any sign. These two words only: a satuan that counts or
  scores something (Dokumen, Laporan, Orang/Bulan, Indeks, Nilai …, and any satuan not listed) is
  never negative.

Polarity does not move the range: a lower-is-better percentage is still between 0 and 100; polarity
decides how capaian is computed (`computations.capaian`), not which values exist. A labelled value
("62 (B-)") is checked by its number; a label alone ("N/A", "-") has no number to check.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.formatting import Nilai

SERATUS = Decimal(100)
NOL = Decimal(0)


class JenisSatuan(str, enum.Enum):
    PERSEN = "persen"
    RUPIAH = "rupiah"
    BERTANDA = "bertanda"  # angka, poin: may be negative
    JUMLAH = "jumlah"  # counts, scores, indices, anything else: 0 or more


SATUAN_PERSEN = {"persen", "%", "persentase", "prosen"}
SATUAN_RUPIAH = {"rp", "rupiah", "rp.", "rupiah (rp)"}
SATUAN_BERTANDA = {"angka", "poin"}


def _kunci(satuan: str) -> str:
    return " ".join((satuan or "").lower().split())


def jenis_satuan(satuan: str) -> JenisSatuan:
    """Persen / Rupiah / a signed number / a count, from the satuan as people type it."""
    key = _kunci(satuan)
    if key in SATUAN_PERSEN:
        return JenisSatuan.PERSEN
    if key in SATUAN_RUPIAH:
        return JenisSatuan.RUPIAH
    if key in SATUAN_BERTANDA:
        return JenisSatuan.BERTANDA
    return JenisSatuan.JUMLAH


@dataclass(frozen=True)
class Rentang:
    """The valid range of one indicator's values, from its satuan and whether a percentage may exceed
    100; the satuan is named in the messages."""

    satuan: str = ""
    boleh_lebih_100: bool = False

    @property
    def jenis(self) -> JenisSatuan:
        return jenis_satuan(self.satuan)

    @property
    def minimum(self) -> Decimal | None:
        """None: any sign (angka, poin)."""
        return None if self.jenis is JenisSatuan.BERTANDA else NOL

    @property
    def maksimum(self) -> Decimal | None:
        return SERATUS if self.jenis is JenisSatuan.PERSEN and not self.boleh_lebih_100 else None

    def dengan_satuan(self, satuan: str) -> Rentang:
        """The range once the satuan is changed (an import changing satuan and targets at once)."""
        return Rentang(satuan, self.boleh_lebih_100)

    def _nama_satuan(self) -> str:
        if self.jenis is JenisSatuan.PERSEN:
            return "persen"
        if self.jenis is JenisSatuan.RUPIAH:
            return "Rupiah"
        return _kunci(self.satuan) or "ini"

    def masalah(self, value: Nilai | Decimal | None, peran: str = "Nilai") -> str | None:
        """Why `value` cannot be a value of this indicator (a sentence in Indonesian), or None.
        `peran` names what it is: "Realisasi", "Target 2025", "Kondisi awal"."""
        angka = value.nilai if isinstance(value, Nilai) else value
        if angka is None:
            return None
        minimum, maksimum = self.minimum, self.maksimum
        if minimum is not None and angka < minimum:
            return f"{peran} indikator bersatuan {self._nama_satuan()} tidak boleh negatif."
        if maksimum is not None and angka > maksimum:
            return (f"{peran} indikator bersatuan {self._nama_satuan()} tidak boleh lebih dari 100% (indikator ini "
                    "tidak mengizinkan nilai di atas 100; bila memang dapat, centang “Nilai persen boleh di atas "
                    "100” pada isian indikator).")
        return None


def rentang_indikator(satuan: str, *, boleh_lebih_100: bool = False) -> Rentang:
    """The range of an indicator's targets, realisasi and kondisi awal."""
    return Rentang(satuan, boleh_lebih_100)


def masalah_nilai(value: Nilai | Decimal | None, satuan: str, *, boleh_lebih_100: bool = False,
                  peran: str = "Nilai") -> str | None:
    """`rentang_indikator(satuan, …).masalah(value, peran)`."""
    return rentang_indikator(satuan, boleh_lebih_100=boleh_lebih_100).masalah(value, peran)


def masalah_rupiah(jumlah: Decimal | None, peran: str = "Pagu") -> str | None:
    """Rupiah is never negative: "Pagu tidak boleh negatif."."""
    if jumlah is not None and jumlah < NOL:
        return f"{peran} tidak boleh negatif."
    return None
