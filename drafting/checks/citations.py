"""The articles the rules cite, written once."""

import datetime as dt

PERMEN = "Permen 8/2025"
# Ditetapkan 22 Mei 2025; it came into force when promulgated, which was not earlier.
PERMEN_DATE = dt.date(2025, 5, 22)
UU12 = "UU 12/2011 Lampiran II"


def permen(article: str) -> str:
    return f"{PERMEN} {article}"
