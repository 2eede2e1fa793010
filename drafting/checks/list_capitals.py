"""An item of a list that runs on from its lead-in ('… meliputi:') begins with a lower-case
letter, unless it begins with a name or a defined term (UU 12/2011 Lampiran II BAB I huruf C,
tabulasi: 'setiap frasa dalam rincian diawali dengan huruf kecil')."""

from __future__ import annotations

from ..model import Agreement
from . import rule
from .analysis import Analysis
from .citations import UU12
from .finding import Finding
from .lists import capitalised_items

NAME = "list_capitals"
SOURCE = f"{UU12} BAB I huruf C (tabulasi)"


@rule(NAME)
def check(agreement: Agreement | None, analysis: Analysis) -> list[Finding]:
    """One finding per list (its items share a place and follow one another)."""
    lists: dict[tuple[str, int], list[str]] = {}
    previous: tuple[str, int] | None = None
    for n, (place, item, _) in enumerate(capitalised_items(analysis)):
        key = previous if previous and previous[0] == place else (place, n)
        lists.setdefault(key, []).append(item.label)
        previous = key
    return [Finding(NAME, "warning", f"butir {', '.join(labels)} melanjutkan kalimat pembukanya tetapi diawali huruf "
                                     "kapital: awali dengan huruf kecil", place, SOURCE)
            for (place, _), labels in lists.items()]
