"""What a kabupaten-year export holds: every CSV file with its columns (name, type, unit, meaning)
and the selector that yields its rows. The data dictionary in the ZIP is written from this list,
so a column cannot be added without being described."""

from __future__ import annotations

from functools import partial

from kecamatan.ekspor import selectors as s
from kecamatan.ekspor import selectors_tahun as st
from kecamatan.ekspor.zip_csv import Berkas, Kolom

KEC = (Kolom("kode_kecamatan", "teks", "Kode wilayah Kemendagri kecamatan (mis. 35.08.01); kosong bila belum diisi."),
       Kolom("kecamatan", "teks", "Nama kecamatan."))
NILAI = (Kolom("nilai", "desimal", "Angka nilai; kosong bila nilainya bukan angka (lihat label).", "satuan indikator"),
         Kolom("label", "teks", "Keterangan nilai: huruf di samping angka (B- pada 62 (B-)) atau pengganti angka (N/A, NIHIL, -)."))
TAHAP = ("renstra = Renstra (indikatif), rancangan = Renja rancangan, renja = Renja/DPA final, perubahan = Perubahan, "
         "prakiraan = prakiraan maju (tahun N: dari Renja N-1; tahun N+1: dari Renja tahun ekspor)")
STATUS = "draft, diajukan, diverifikasi atau dikembalikan"


def berkas_list(lk: s.Lingkup) -> tuple[Berkas, ...]:
    """The files of the export of `lk`, in the order they are written."""
    tahun = lk.tahun
    return (
        Berkas("kecamatan.csv", f"satu kecamatan kabupaten, dengan Renstra yang mencakup tahun {tahun} (kosong bila belum ada).", (
            *KEC, Kolom("periode_id", "bulat", "Nomor Renstra (periode) kecamatan di aplikasi."),
            Kolom("renstra", "teks", "Periode Renstra, mis. 2024-2026."),
            Kolom("tahun_mulai", "bulat", "Tahun awal periode Renstra."),
            Kolom("tahun_selesai", "bulat", "Tahun akhir periode Renstra."),
            Kolom("data_demo", "ya_tidak", "ya: Renstra dan isinya dibangkitkan untuk demo, bukan dokumen asli kecamatan."),
        ), partial(s.kecamatan_rows, lk)),
        Berkas("tujuan.csv", "satu tujuan Renstra kecamatan.", (
            *KEC, Kolom("tujuan_id", "bulat", "Nomor tujuan di aplikasi."),
            Kolom("nomor", "bulat", "Nomor urut tujuan dalam Renstra."), Kolom("uraian", "teks", "Rumusan tujuan."),
        ), partial(s.tujuan_rows, lk)),
        Berkas("sasaran.csv", "satu sasaran Renstra kecamatan.", (
            *KEC, Kolom("sasaran_id", "bulat", "Nomor sasaran di aplikasi."),
            Kolom("tujuan_id", "bulat", "Tujuan yang didukung (tujuan.csv)."),
            Kolom("nomor", "teks", "Nomor tujuan.sasaran, mis. 1.2."), Kolom("uraian", "teks", "Rumusan sasaran."),
        ), partial(s.sasaran_rows, lk)),
        Berkas("program.csv", "satu program Renstra kecamatan.", (
            *KEC, Kolom("program_id", "bulat", "Nomor program di aplikasi."),
            Kolom("kode", "teks", "Kode program menurut katalog nomenklatur kabupaten (Kepmendagri), mis. 7.01.01."),
            Kolom("nama", "teks", "Nama program sebagaimana tertulis di Renstra."),
            Kolom("sasaran_id", "bulat", "Sasaran Renstra yang didukung (sasaran.csv); kosong bila belum dipilih."),
            Kolom("rumusan_sasaran", "teks", "Sasaran program (hasil yang hendak dicapai)."),
            Kolom("unit_kerja", "teks", "Unit kerja pelaksana."),
        ), partial(s.program_rows, lk)),
        Berkas("kegiatan.csv", "satu kegiatan Renstra kecamatan.", (
            *KEC, Kolom("kegiatan_id", "bulat", "Nomor kegiatan di aplikasi."),
            Kolom("program_id", "bulat", "Program induk (program.csv)."),
            Kolom("kode", "teks", "Kode kegiatan menurut nomenklatur, mis. 7.01.01.2.01."),
            Kolom("nama", "teks", "Nama kegiatan."), Kolom("rumusan_sasaran", "teks", "Sasaran kegiatan."),
            Kolom("unit_kerja", "teks", "Unit kerja pelaksana."),
        ), partial(s.kegiatan_rows, lk)),
        Berkas("subkegiatan.csv", f"satu sub kegiatan Renstra kecamatan, dengan rinciannya di Renja {tahun}.", (
            *KEC, Kolom("subkegiatan_id", "bulat", "Nomor sub kegiatan di aplikasi."),
            Kolom("kegiatan_id", "bulat", "Kegiatan induk (kegiatan.csv)."),
            Kolom("kode", "teks", "Kode sub kegiatan menurut nomenklatur, mis. 7.01.01.2.01.0001."),
            Kolom("nama", "teks", "Nama sub kegiatan."), Kolom("rumusan_sasaran", "teks", "Sasaran sub kegiatan."),
            Kolom("unit_kerja", "teks", "Unit kerja pelaksana."),
            Kolom("dalam_renja", "ya_tidak", f"ya: sub kegiatan ini didanai dalam Renja {tahun}."),
            Kolom("lokasi", "teks", f"Lokasi menurut Renja {tahun}."),
            Kolom("sumber_dana", "teks", f"Sumber dana menurut Renja {tahun} (DAU, DAK, DBHCHT, DBH, DID, PAD, BK, LAIN)."),
        ), partial(s.subkegiatan_rows, lk)),
        _indikator(lk), _target(lk), _pagu(lk), *_realisasi(lk), *_dokumen(lk),
    )


def _indikator(lk: s.Lingkup) -> Berkas:
    return Berkas("indikator.csv", "satu indikator kinerja tujuan, sasaran, program, kegiatan atau sub kegiatan.", (
        *KEC, Kolom("indikator_id", "bulat", "Nomor indikator di aplikasi."),
        Kolom("tingkat", "teks", "Pemilik indikator: tujuan, sasaran, program, kegiatan atau subkegiatan."),
        Kolom("pemilik_id", "bulat", "Nomor pemilik di berkas tingkatnya (tujuan_id, sasaran_id, program_id …)."),
        Kolom("pemilik_nomor", "teks", "Nomor tujuan (1), tujuan.sasaran (1.2) atau kode program/kegiatan/sub kegiatan."),
        Kolom("nomor", "bulat", "Nomor urut indikator."), Kolom("uraian", "teks", "Rumusan indikator."),
        Kolom("satuan", "teks", "Satuan nilai indikator (Persen, Indeks, Dokumen …)."),
        Kolom("polaritas", "teks", "positif: makin tinggi makin baik; negatif: makin rendah makin baik."),
        Kolom("aturan_akhir", "teks", "Nilai akhir periode: jumlah (seluruh tahun), nilai_akhir (tahun terakhir), rata_rata."),
        Kolom("iku", "ya_tidak", "ya: indikator kinerja utama (IKU)."),
        Kolom("tahun_kondisi_awal", "bulat", "Tahun kondisi awal (baseline) Renstra."),
        Kolom("kondisi_awal", "desimal", "Nilai kondisi awal.", "satuan indikator"),
        Kolom("kondisi_awal_label", "teks", "Keterangan kondisi awal (seperti kolom label)."),
        Kolom("formula", "teks", "Formulasi penghitungan."), Kolom("sumber_data", "teks", "Sumber data."),
        Kolom("penanggung_jawab", "teks", "Penanggung jawab."),
    ), partial(s.indikator_rows, lk))


def _target(lk: s.Lingkup) -> Berkas:
    return Berkas("target.csv", f"satu target indikator: Renstra dan Renja tahun {lk.tahun}, prakiraan maju {lk.tahun + 1}.", (
        *KEC, Kolom("indikator_id", "bulat", "Indikator (indikator.csv)."), Kolom("tahun", "bulat", "Tahun target."),
        Kolom("jenis", "teks", "renstra: target Renstra; renja: target Renja tahun itu; "
                               "prakiraan: prakiraan maju tahun berikutnya dalam Renja tahun ekspor."),
        *NILAI,
    ), partial(s.target_rows, lk))


def _pagu(lk: s.Lingkup) -> Berkas:
    return Berkas("pagu.csv", f"pagu satu sub kegiatan pada satu tahap anggaran tahun {lk.tahun} "
                              f"(dan prakiraan maju {lk.tahun + 1}); program dan kegiatan = jumlah sub kegiatannya.", (
        *KEC, Kolom("subkegiatan_id", "bulat", "Sub kegiatan (subkegiatan.csv)."),
        Kolom("kode_subkegiatan", "teks", "Kode sub kegiatan."), Kolom("tahun", "bulat", "Tahun anggaran."),
        Kolom("tahap", "teks", TAHAP), Kolom("jumlah_rp", "rupiah", "Pagu.", "Rp"),
        Kolom("sumber", "teks", "pagu: diisi langsung; aktivitas: jumlah dana aktivitas sub kegiatan dalam Renja "
                                "(sub kegiatan yang dirinci per aktivitas tidak mempunyai pagu renja tersendiri)."),
    ), partial(st.pagu_rows, lk))


def _realisasi(lk: s.Lingkup) -> tuple[Berkas, Berkas]:
    return (
        Berkas("realisasi.csv", f"realisasi satu indikator pada satu triwulan tahun {lk.tahun}, sebagaimana dilaporkan triwulan itu.", (
            *KEC, Kolom("indikator_id", "bulat", "Indikator (indikator.csv)."), Kolom("tahun", "bulat", "Tahun."),
            Kolom("triwulan", "bulat", "Triwulan 1 sampai 4."), *NILAI,
            Kolom("keterangan", "teks", "Alasan bila nilai bukan angka (mis. mengapa N/A)."),
        ), partial(st.realisasi_rows, lk)),
        Berkas("realisasi_anggaran.csv", f"realisasi anggaran satu sub kegiatan pada satu triwulan tahun {lk.tahun} "
                                         "(jumlah triwulan itu sendiri, bukan kumulatif).", (
            *KEC, Kolom("subkegiatan_id", "bulat", "Sub kegiatan (subkegiatan.csv)."),
            Kolom("kode_subkegiatan", "teks", "Kode sub kegiatan."), Kolom("tahun", "bulat", "Tahun."),
            Kolom("triwulan", "bulat", "Triwulan 1 sampai 4."),
            Kolom("jumlah_rp", "rupiah", "Realisasi anggaran triwulan itu.", "Rp"),
        ), partial(st.realisasi_anggaran_rows, lk)),
    )


def _dokumen(lk: s.Lingkup) -> tuple[Berkas, Berkas]:
    kunci = Kolom("kunci", "teks", "Kunci dokumen: renstra, renja-2024, realisasi-2024-1, lkj-2024.")
    return (
        Berkas("dokumen.csv", f"satu dokumen kecamatan: Renstra dan dokumen tahun {lk.tahun} (Renja, Realisasi "
                              "TW I-IV, LKj) yang sudah dibuat; dokumen yang belum pernah disimpan tidak ada di sini.", (
            *KEC, Kolom("dokumen_id", "bulat", "Nomor dokumen di aplikasi."), kunci,
            Kolom("jenis", "teks", "renstra, renja, realisasi atau lkj."), Kolom("tahun", "bulat", "Tahun (kosong untuk Renstra)."),
            Kolom("triwulan", "bulat", "Triwulan (hanya realisasi)."), Kolom("status", "teks", f"Status sekarang: {STATUS}."),
            Kolom("versi", "bulat", "Naik setiap kali isi dokumen disimpan."),
            Kolom("dibuat", "waktu", "Penyimpanan pertama."), Kolom("diajukan_pertama", "waktu", "Pengajuan pertama ke Bappeda."),
            Kolom("diajukan_terakhir", "waktu", "Pengajuan terakhir."),
            Kolom("jumlah_dikembalikan", "bulat", "Berapa kali dikembalikan Bappeda."),
            Kolom("diverifikasi", "waktu", "Verifikasi terakhir."),
            Kolom("dibuka_bappeda", "waktu", "Kapan verifikator pertama membuka pengajuan terakhir."),
        ), partial(st.dokumen_rows, lk)),
        Berkas("dokumen_riwayat.csv", "satu langkah riwayat dokumen (dibuat, diubah, diimpor, diajukan, ditarik, "
                                      "dikembalikan, diverifikasi, dibuka kembali), urut waktu.", (
            *KEC, Kolom("dokumen_id", "bulat", "Dokumen (dokumen.csv)."), kunci, Kolom("waktu", "waktu", "Waktu langkah."),
            Kolom("aksi", "teks", "buat, ubah, impor, ajukan, tarik, kembalikan, verifikasi atau buka_kembali."),
            Kolom("dari_status", "teks", "Status sebelum langkah (bila berubah)."),
            Kolom("ke_status", "teks", "Status sesudah langkah (bila berubah)."),
            Kolom("versi", "bulat", "Versi dokumen sesudah langkah."),
            Kolom("oleh", "teks", "Nama pengguna yang bertindak."), Kolom("oleh_nama", "teks", "Nama lengkapnya."),
            Kolom("catatan", "teks", "Catatan (mis. alasan pengembalian)."),
        ), partial(st.riwayat_rows, lk)),
    )
