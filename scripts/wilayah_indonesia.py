"""Regenerate fixtures/wilayah_indonesia.csv (kode,nama of every provinsi, kabupaten/kota and
kecamatan) from db/wilayah.sql of github.com/cahyadsn/wilayah, which carries the Kepmendagri's
kode wilayah: `python scripts/wilayah_indonesia.py path/to/wilayah.sql > fixtures/wilayah_indonesia.csv`.
Desa/kelurahan (kode of 4 parts) are left out. Stdlib only; see fixtures/README.md."""

import csv
import re
import sys

ROW = re.compile(r"\('(\d{2}(?:\.\d{2}){0,2})','((?:[^']|'')*)'\)")


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        rows = {kode: nama.replace("''", "'").strip() for kode, nama in ROW.findall(fh.read())}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["kode", "nama"])
    for kode in sorted(rows, key=lambda k: [int(p) for p in k.split(".")]):
        out.writerow([kode, rows[kode]])


if __name__ == "__main__":
    main(sys.argv[1])
