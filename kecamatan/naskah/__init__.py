"""The whole official documents (Renstra, Renja, LKj) in the browser: preview, narrative editor,
drafted paragraphs, PDF. Pure building and rendering live in `kecamatan/reports/document*.py`."""
