"""Entry pages for the parts of a Renstra that are not its cascade: the years before the period
(T-C.23 indicators, T-C.24 programs, one grid each), strategi and arah kebijakan (T-C.26), the
kecamatan's Camat records and the Renstra's signatory. Same rules as the cascade editor: the
Renstra document's lock and version, a Riwayat row per save, read-only for Bappeda and admin."""
