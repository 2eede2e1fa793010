"""When a naskah's term starts and ends, where the input says enough to know."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from ..model import Agreement


def term_start(a: Agreement) -> dt.date | None:
    """term.start, or the signing date ('sejak tanggal ditandatangani')."""
    return (a.term.start if a.term else None) or a.signing.date


def term_end(a: Agreement) -> dt.date | None:
    """term.end, or the day before the anniversary of the start ``years`` later."""
    if a.term is None:
        return None
    if a.term.end:
        return a.term.end
    start = term_start(a)
    assert a.term.years is not None  # the model requires end or years
    return start + relativedelta(years=a.term.years, days=-1) if start else None
