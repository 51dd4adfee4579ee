"""Help texts of the fields whose meaning is not obvious, in one place: the forms show them under
their fields and the Panduan's glossary prints the same words. Pure text, no Django."""

from __future__ import annotations

POLARITAS = (
    "Positif: makin tinggi realisasi makin baik; capaian = realisasi ÷ target × 100% (target 80, realisasi 60 → 75%). "
    "Negatif: makin rendah realisasi makin baik (mis. jumlah aduan, angka kemiskinan); "
    "capaian = (target − (realisasi − target)) ÷ target × 100% (target 10, realisasi 12 → 80%; realisasi 8 → 120%)."
)

ATURAN_AKHIR = (
    "Cara kolom Akhir periode Renstra (target kondisi akhir, T-C.27 kolom 24 dan T-C.28) dihitung dari target "
    "tiap tahun; aturan yang sama menghitung realisasi kumulatif TW I s.d. TW IV. "
    "Jumlah seluruh tahun: untuk hitungan seperti dokumen, laporan, kegiatan, orang (2 + 3 + 2 = 7). "
    "Nilai tahun terakhir: untuk persen, indeks, rasio, nilai, orang/bulan (78%, 84%, 89% → 89%). "
    "Rata-rata tahun: rata-rata tahun yang berisi nilai. Kosongkan untuk bawaan dari satuan: "
    "Persen, %, Angka, Indeks, Nilai, Rasio, Predikat, Orang/Bulan, Pegawai/Bulan → nilai tahun terakhir; "
    "satuan lain → jumlah seluruh tahun."
)

SATUAN = (
    "Satuan ukur indikator persis seperti dicetak dokumen, mis. Persen, Dokumen, Laporan, Indeks, Orang/Bulan. "
    "Satuan menentukan bawaan nilai akhir periode (persen/indeks: tahun terakhir; hitungan: dijumlah)."
)

FORMULA = (
    "Rumus menghitung realisasi indikator, dicetak di kolom Formulasi Penghitungan, "
    "mis. (jumlah desa yang menyampaikan LPPDes tepat waktu ÷ jumlah desa) × 100%."
)

KONDISI_AWAL = (
    "Baseline: capaian indikator pada tahun kondisi awal Renstra (tahun sebelum periode dimulai, lihat data "
    "periode), bukan target. Contoh: 84,31 · 62 (B-) · N/A bila belum diukur."
)

PENJELASAN = "Definisi operasional: apa yang diukur dan dari mana datanya, agar pengisi berikutnya menghitung dengan cara yang sama."

IKU = "Centang bila indikator ini Indikator Kinerja Utama kecamatan: dicetak di lembar IKU dan Perjanjian Kinerja LKj."

URUTAN = "Nomor urut indikator di bawah pemiliknya; menentukan urutan cetak."

TAHAP_PAGU = {
    "renstra": "Pagu indikatif dalam Renstra (T-C.27), ikut dokumen Renstra.",
    "rancangan": "Pagu pada rancangan Renja tahun itu, sebelum anggaran ditetapkan.",
    "renja": "Pagu Renja final sesuai DPA yang ditetapkan; dasar PK awal LKj.",
    "perubahan": "Pagu setelah perubahan anggaran (DPA perubahan); dasar PK perubahan dan Tabel 3.9 LKj.",
    "prakiraan": "Prakiraan maju tahun berikutnya yang dicatat Renja tahun sebelumnya (T-C.33).",
}

TAHAP_PAGU_RINGKAS = (
    "Tahap pagu menurut urutan anggaran: Renstra (indikatif) → Renja rancangan → Renja/DPA final → Perubahan. "
    "Kolom Renstra terkunci bersama dokumen Renstra, kolom lain bersama Renja tahun itu; tabel yang membutuhkan "
    "pagu terakhir memakai tahap paling akhir yang terisi."
)
