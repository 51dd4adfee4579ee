"""Errors every writing feature raises and every page shows the same way."""

from __future__ import annotations

from kecamatan.models import (
    Dokumen,
    Riwayat,
)


class Bentrok(Exception):
    """Someone saved the same document (or record, `judul` without a document) after this page was
    loaded; `riwayat` says what they changed."""

    def __init__(self, dokumen: Dokumen | None = None, versi_dimuat: int | None = None,
                 riwayat: list[Riwayat] | tuple = (), *, judul: str = ""):
        self.dokumen, self.versi_dimuat, self.riwayat = dokumen, versi_dimuat, list(riwayat)
        self.judul = judul or (dokumen.judul if dokumen is not None else "Data ini")
        super().__init__(self.pesan)

    @property
    def oleh(self) -> str:
        return ", ".join(sorted({r.oleh.username if r.oleh else "sistem" for r in self.riwayat})) or "orang lain"

    @property
    def diubah(self) -> str:
        return f"sudah diubah oleh {self.oleh}" if self.riwayat else "sudah diubah orang lain"

    @property
    def sejak(self) -> str:
        if self.dokumen is None or self.versi_dimuat is None:
            return "sejak halaman ini Anda buka"
        return f"sejak halaman ini Anda buka (versi {self.versi_dimuat} → {self.dokumen.versi})"

    @property
    def pesan(self) -> str:
        return (
            f"Isian Anda TIDAK disimpan: {self.judul} {self.diubah} {self.sejak}. Periksa "
            f"perubahan mereka di bawah, muat ulang halaman, lalu ketik lagi perubahan Anda."
        )

    def pesan_gabung(self, konflik: int) -> str:
        """The message of a merged page (core/asal.py): what to do to save now."""
        awal = (f"Isian Anda TIDAK disimpan: {self.judul} {self.diubah} {self.sejak}. "
                "Isian yang tidak Anda ubah sudah diganti dengan data terbaru; isian yang Anda ubah tetap. ")
        if konflik:
            return awal + (f"{konflik} isian diubah oleh Anda dan oleh mereka: pilih nilai yang dipakai pada "
                           "daftar di bawah, lalu klik Simpan.")
        return awal + "Periksa, lalu klik Simpan sekali lagi."
