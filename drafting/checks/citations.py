"""The articles the rules cite, written once."""

import datetime as dt

PERMEN = "Permen 8/2025"
# Ditetapkan 22 Mei 2025; it came into force when promulgated, which was not earlier.
PERMEN_DATE = dt.date(2025, 5, 22)
UU12 = "UU 12/2011 Lampiran II"


def under_permen(signed: dt.date | None) -> bool:
    """Whether a naskah signed on ``signed`` (None: a draft, to be signed from now on) falls under
    the rules Permen 8/2025 introduced; an older one was made under the rules of its day."""
    return signed is None or signed >= PERMEN_DATE


def permen(article: str) -> str:
    return f"{PERMEN} {article}"
