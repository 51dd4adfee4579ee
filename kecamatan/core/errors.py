"""Errors every writing feature raises and every page shows the same way."""

from __future__ import annotations

from kecamatan.models import (
    Dokumen,
    Riwayat,
)


class Bentrok(Exception):
    """Someone saved the same document after this page was loaded; `riwayat` says what they changed."""

    def __init__(self, dokumen: Dokumen, versi_dimuat: int, riwayat: list[Riwayat]):
        self.dokumen, self.versi_dimuat, self.riwayat = dokumen, versi_dimuat, riwayat
        super().__init__(self.pesan)

    @property
    def pesan(self) -> str:
        oleh = ", ".join(sorted({r.oleh.username if r.oleh else "sistem" for r in self.riwayat})) or "pengguna lain"
        return (
            f"Isian Anda TIDAK disimpan: {self.dokumen.judul} sudah diubah oleh {oleh} sejak halaman ini Anda buka "
            f"(versi {self.versi_dimuat} → {self.dokumen.versi}). Periksa perubahan mereka di bawah, muat ulang "
            f"halaman, lalu ketik lagi perubahan Anda."
        )
