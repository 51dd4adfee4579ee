"""Excel import: a template per document (pre-filled, protected, with a hidden identity sheet) and
the upload of that template back: parse all, validate all, then write all.

- `base`      pure: sheets, columns, rows, items (what a cell may change), reading typed values,
              `RowError(baris, kolom, pesan)` in the sheet's own row numbers and headings.
- `renstra`   pure: the Renstra layout (targets and satuan per indicator, pagu per sub-kegiatan).
- `realisasi` pure: the layout of one triwulan (realisasi per indicator, Rp per sub-kegiatan).
- `renja`     pure: the Renja of a year (T-C.33's rows, aktivitas with free rows to add more, the
              rule that a sub-kegiatan's dana is the sum of its aktivitas when it has any).
- `template`  writes a layout to .xlsx (openpyxl).
- `reader`    reads an uploaded .xlsx against the layout: identity, headings, rows, values, and the
              three-way diff (value at download, value now, value in the file) → `Preview`.
- `writers`   per item kind, the bulk writes with audit history.
- `documents` which documents have a template (LAYOUTS), template download and preview;
              `services.import_xlsx` writes, atomically.
"""
