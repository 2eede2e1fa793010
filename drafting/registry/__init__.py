"""The registry of naskah kerja sama: a database of every agreement a unit keeps, with import and
export of its spreadsheet, reports (Lampiran of Permen 8/2025), renewal, and batch regeneration."""
