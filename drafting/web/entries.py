"""The registry from the form: list the entries that have an input, open one, draft a renewal of
one, save the form, give an entry without an input the one read back from its uploaded naskah. The rules (what a renewal says, that only a draft is overwritten) are the
registry package's; this module maps them onto what the page sends and shows.

Ids come from the URL path as text and are read as integers here; nothing from a request becomes
a path, and stored input is returned as data for the form, never as markup.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from ..errors import DraftingError, InputError, Problem
from ..registry.models import KIND_LABELS, Agreement, Status
from ..registry.queries import Filter
from ..registry.records import NotInRegistry, get_record, register, update_draft
from ..registry.renew import TermNeeded, plain, register_renewal, renewable, renewal_draft
from .drafts import SOURCE, Libraries, agreement_of

LIMIT = 200  # rows listed at once; the text filter narrows a larger registry
_ID = re.compile(r"[0-9]{1,12}")  # ASCII digits only, and short enough for any integer column


def parse_id(text: str) -> int:
    if not _ID.fullmatch(text):
        raise NotInRegistry(f"naskah '{text[:40]}' tidak ada dalam registri (nomor registri berupa bilangan bulat)")
    return int(text)


def summary(record: Agreement) -> dict[str, Any]:
    """A registry row as the list shows it (the columns of ``drafting registry list``)."""
    return {"id": record.id, "kind": record.kind.value, "kind_label": KIND_LABELS[record.kind],
            "numbers": record.number_list, "tentang": record.tentang, "unit": record.unit,
            "end_date": record.end_date.isoformat() if record.end_date else None, "status": record.status.value}


def listed(sessions: sessionmaker[Session], text: str | None) -> dict[str, Any]:
    """The entries, newest first; one without an input (imported from a register sheet) is listed to
    have its signed naskah attached, not to be opened or renewed."""
    statement = Filter(text=text or None).statement()
    statement = statement.order_by(None).order_by(Agreement.id.desc()).limit(LIMIT + 1)
    with sessions() as session:
        rows = [{**summary(r), "has_input": r.input_json is not None} for r in session.scalars(statement)]
    return {"entries": rows[:LIMIT], "more": len(rows) > LIMIT}


def opened(sessions: sessionmaker[Session], agreement_id: int) -> dict[str, Any]:
    with sessions() as session:
        record = get_record(session, agreement_id)
        if record.input_json is None:
            raise DraftingError(f"naskah #{record.id} tidak mempunyai isian untuk dibuka")
        return {"entry": summary(record), "data": json.loads(record.input_json)}


def renewal(sessions: sessionmaker[Session], agreement_id: int, body: Any) -> dict[str, Any]:
    """The input ``drafting renew`` would write, for the form to show; nothing is added to the
    registry until the drafter saves it."""
    years, until = renewal_term(body)
    with sessions() as session:
        try:
            old, _old_input, new_input = renewal_draft(session, agreement_id, until=until, years=years)
        except TermNeeded:  # the CLI's message names its flags; the form has fields for them
            raise InputError(SOURCE, [Problem("years", "jangka waktu naskah lama tidak dalam tahun: isi lama "
                                                       "perpanjangan (tahun) atau tanggal berakhirnya")]) from None
        return {"predecessor": summary(old), "data": plain(new_input)}


def renewal_term(body: Any) -> tuple[int | None, dt.date | None]:
    """``{"years": 3}`` or ``{"until": "2030-01-31"}`` or neither (the old term, if it was in years)."""
    body = body if isinstance(body, dict) else {}
    years, until = body.get("years"), body.get("until")
    if years is not None and until is not None:
        raise InputError(SOURCE, [Problem("until", "pilih salah satu: lama (tahun) atau tanggal berakhir")])
    if years is not None and (type(years) is not int or years < 1):
        raise InputError(SOURCE, [Problem("years", "harus berupa bilangan bulat, paling sedikit 1")])
    return years, None if until is None else _date(until)


def _date(value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(SOURCE, [Problem("until", "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16)")]) \
            from None


def save_new(sessions: sessionmaker[Session], data: Any, libraries: Libraries = Libraries()) -> dict[str, Any]:
    agreement = agreement_of(data, libraries)
    with sessions.begin() as session:
        return summary(register(session, agreement, status=Status.draft))


def save_renewal(sessions: sessionmaker[Session], predecessor_id: int, data: Any,
                 libraries: Libraries = Libraries()) -> dict[str, Any]:
    agreement = agreement_of(data, libraries)
    with sessions.begin() as session:
        return summary(register_renewal(session, renewable(session, predecessor_id), agreement))


def save_update(sessions: sessionmaker[Session], agreement_id: int, data: Any,
                libraries: Libraries = Libraries()) -> dict[str, Any]:
    agreement = agreement_of(data, libraries)
    with sessions.begin() as session:
        record = get_record(session, agreement_id)
        update_draft(record, agreement)
        return summary(record)


def attached(sessions: sessionmaker[Session], agreement_id: int, found: Any) -> dict[str, Any]:
    """An uploaded naskah (or input file), read back by a worker (``drafts.uploaded_naskah``), as the
    input of an entry that has none, as ``drafting registry attach`` does: the entry, and the
    extraction's report."""
    from ..extract.cli import report
    from ..registry.attach import attach

    with sessions.begin() as session:
        done = attach(session, agreement_id, found)
        entry = summary(get_record(session, agreement_id))
    return {"entry": entry, "report": report(done.extraction) if done.extraction else [], "warnings": done.warnings}


def adendum_of(sessions: sessionmaker[Session], agreement_id: int, data: Any,
               libraries: Libraries = Libraries()) -> tuple[bytes, int]:
    """*Buat adendum*: the form's input as the entry's next adendum, recorded; its DOCX and its
    place (1: Adendum Pertama)."""
    from ..adendum.naskah import adendum, history
    from ..pipeline import render
    from ..registry.adenda import chain, record

    changed = agreement_of(data, libraries)
    with sessions() as session:
        signed, recorded = chain(session, agreement_id)
    names = [f"registri #{agreement_id}", *(f"registri #{agreement_id}, adendum {k}" for k in
                                            range(1, len(recorded) + 1)), SOURCE]
    amendments = history(signed, [*recorded, changed], names)
    docx = render(adendum(signed, amendments, source=SOURCE), "docx")
    with sessions.begin() as session:
        return docx, record(session, agreement_id, changed)
