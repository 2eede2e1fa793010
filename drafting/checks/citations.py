"""The articles the rules cite, written once."""

PERMEN = "Permen 8/2025"
UU12 = "UU 12/2011 Lampiran II"
UU10 = "UU 10/2020"


def permen(article: str) -> str:
    return f"{PERMEN} {article}"
