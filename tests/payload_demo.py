"""The demo with every user text beginning with a formula-injection payload (tests/xlsx_raw.py
PAYLOADS), for the tests of every workbook the app writes: what people type, or the admin
kabupaten keeps, that a table, template or grid prints."""

from __future__ import annotations

from django.db import connection

from kecamatan import models as m
from tests.xlsx_raw import PAYLOADS

USER_TEXT = {  # what people type (or the admin kabupaten keeps) that a table prints
    m.Tujuan: ["uraian"], m.Sasaran: ["uraian"], m.Strategi: ["uraian"], m.ArahKebijakan: ["uraian"],
    m.Program: ["nama", "rumusan_sasaran", "unit_kerja"], m.Kegiatan: ["nama", "rumusan_sasaran", "unit_kerja"],
    m.SubKegiatan: ["nama", "rumusan_sasaran", "unit_kerja"], m.Nomenklatur: ["nama", "kinerja", "indikator"],
    m.Indikator: ["uraian", "satuan", "formula", "penjelasan", "sumber_data", "penanggung_jawab", "kondisi_awal_label"],
    m.Target: ["label"], m.Realisasi: ["label", "keterangan"], m.TargetRenja: ["label"], m.TargetPK: ["label"],
    m.IndikatorLalu: ["uraian", "satuan"], m.CapaianLalu: ["target_label", "realisasi_label"],
    m.ProgramLalu: ["uraian"], m.RiwayatCapaian: ["target_label", "realisasi_label"],
    m.RenjaSubKegiatan: ["lokasi", "catatan"], m.Aktivitas: ["uraian", "satuan", "catatan"],
    m.ReviewRanwal: ["ranwal_nama", "ranwal_lokasi", "ranwal_indikator", "ranwal_satuan", "catatan"],
    m.UsulanPemangku: ["program", "kegiatan", "subkegiatan", "lokasi", "indikator", "satuan", "catatan", "pengusul"],
    m.AnalisisKinerjaPelayanan: ["catatan"], m.CatatanSumber: ["tercetak", "uraian"],
    m.PenetapanIKU: ["ttd_tempat", "tugas_pokok", "fungsi"], m.ProgramPK: ["keterangan"],
    m.PerjanjianKinerja: ["pihak_kedua_nama", "pihak_kedua_jabatan", "ttd_tempat"],
    m.PengaturanLKj: ["catatan_anggaran"], m.NilaiPembanding: ["label", "sumber"], m.SkalaKriteria: ["kriteria"],
    m.Kabupaten: ["bappeda", "alamat_bappeda"], m.Kecamatan: ["nama", "alamat", "telepon"],
    m.Camat: ["nama", "pangkat"], m.Dokumen: ["ttd_tempat"],
}


def poison(*, labels: bool = True) -> None:
    """Every non-empty user text becomes payload + text (cut to the column's length), the payloads
    taking turns by row id. `labels=False` leaves the labels of values alone (N/A, the B- of
    62 (B-)): alone, a label is one of a few words the forms and the import accept, so a file
    read back could not hold a payload there."""
    cases = " ".join(f"WHEN {i} THEN %s" for i in range(len(PAYLOADS)))
    with connection.cursor() as cursor:
        for model, fields in USER_TEXT.items():
            table = model._meta.db_table
            for name in fields:
                if not labels and name.endswith("label"):
                    continue
                field = model._meta.get_field(name)
                value = f"(CASE (id %% {len(PAYLOADS)}) {cases} END) || {field.column}"
                if field.max_length:
                    value = f"LEFT({value}, {field.max_length})"
                cursor.execute(f'UPDATE "{table}" SET {field.column} = {value} WHERE {field.column} <> %s',
                               [*PAYLOADS, ""])
