"""``drafting registry attach ID NASKAH``: the input of an agreement registered without one (from a
register sheet: its number, date and parties, not its text), read back from its signed naskah
(``drafting extract``) or given as an input file, so that ``renew`` and ``batch`` work on it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import DraftingError
from ..extract import Extraction, extract
from ..load import load_agreement, read_text, validate
from ..model import Agreement as Input
from ..pipeline import INPUT_SUFFIXES
from .records import get_record, normal_number, set_input


@dataclass(frozen=True)
class Attached:
    id: int
    extraction: Extraction | None  # None: an input file was given
    warnings: list[str]  # where the input and the registry row disagree (the row is kept)


Found = tuple[Input, str, "Extraction | None"]  # the input, its YAML text, the extraction if it was read back


def input_for(source: Path) -> Found:
    """The input in ``source``: an input file as it is, a naskah extracted. A naskah that writes a
    signatory two ways cannot be attached before the drafter chooses (extract, choose, attach the file)."""
    if source.suffix.lower() in INPUT_SUFFIXES:
        return load_agreement(source), read_text(source), None
    x = extract(source)
    if x.choices:
        raise DraftingError(f"{source}: {'; '.join(x.choices)}: pilih dahulu — jalankan 'drafting extract {source} "
                            f"-o isian.yaml', pilih namanya di isian itu, lalu 'drafting registry attach ID isian.yaml'")
    return validate(x.data, source=str(source)), x.yaml(), x


def attach(session: Session, agreement_id: int, found: Found) -> Attached:
    """``found``: what ``input_for`` read (the CPU-bound part, which the form runs in a worker process)."""
    record = get_record(session, agreement_id)
    if record.input_json is not None:
        raise DraftingError(f"naskah #{record.id} sudah mempunyai isian; isian naskah yang terdaftar tidak ditimpa")
    agreement, text, extraction = found
    warnings = []
    given = sorted(normal_number(p.nomor) for p in agreement.parties if p.nomor)
    registered = sorted(normal_number(n) for n in record.number_list)
    if given and registered and given != registered:
        warnings.append(f"nomor di naskah ({', '.join(p.nomor or '' for p in agreement.parties if p.nomor)}) lain "
                        f"dari nomor di registri ({', '.join(record.number_list)})")
    if record.signing_date and agreement.signing.date and record.signing_date != agreement.signing.date:
        warnings.append(f"tanggal tanda tangan di naskah {agreement.signing.date} lain dari di registri "
                        f"{record.signing_date}")
    set_input(record, agreement, text)
    return Attached(record.id, extraction, warnings)
