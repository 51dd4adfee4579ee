"""The Renja of a year (issue 6): reads, writes, entry pages. The official tables it prints are in
`kecamatan/reports/` (tc29 … tc33, renja41) like every other table."""
