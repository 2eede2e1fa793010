"""An agreement's adenda in the registry: the inputs they amend it to, in order, and recording
the next one (drafting adendum ID …, the form's *Buat adendum*)."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from ..errors import DraftingError
from ..load import validate
from ..model import Agreement as Input
from .models import Adendum, Agreement, Status
from .records import end_date_of, get_record, input_json, input_of


def chain(session: Session, entry: int) -> tuple[Input, list[Input]]:
    """The entry's input, and the inputs of its adenda in order."""
    record = get_record(session, entry)
    if record.status is Status.draft:
        raise DraftingError(f"naskah #{entry} belum ditandatangani (draf): ubah drafnya; adendum mengubah naskah "
                            f"yang telah ditandatangani")
    try:
        signed = input_of(record)
    except ValueError as exc:
        raise DraftingError(f"{exc}; adendum disusun dari isian naskah") from None
    return signed, [validate(json.loads(a.input_json), source=f"registri #{entry}, adendum {a.position}")
                    for a in record.adenda]


def record(session: Session, entry: int, changed: Input) -> int:
    """Add ``changed`` as the entry's next adendum (the caller commits; two at once cannot both
    take a place: position is unique per agreement); its position (1: Adendum Pertama). The
    entry's end date becomes the amended one: an adendum that extends the term extends it."""
    return append(get_record(session, entry), changed)


def append(agreement: Agreement, changed: Input) -> int:
    """``record`` on an agreement at hand (an import adds a registry's adenda in order)."""
    position = len(agreement.adenda) + 1
    agreement.adenda.append(Adendum(position=position, input_json=input_json(changed),
                                    signing_date=changed.adendum.signing.date if changed.adendum else None))
    agreement.end_date = end_date_of(changed) or agreement.end_date
    return position


def current_input(record: Agreement) -> Input:
    """The agreement's input as its adenda have changed it (the last one's, without its own
    part): what a renewal starts from."""
    if not record.adenda:
        return input_of(record)
    last = record.adenda[-1]
    data = {k: v for k, v in json.loads(last.input_json).items() if k != "adendum"}
    return validate(data, source=f"registri #{record.id}, adendum {last.position}")
