"""Renewal (perpanjangan, Permen 8/2025 Pasal 36): a new draft from the predecessor's stored input.

The new input cites the predecessor in ``renewal`` (kind, tentang, numbers, date, end date), so the
clause library writes the recitals that it was signed and ends, that the parties intend to renew
it, and the closing ayat declaring it no longer valid. The draft has a new term, no numbers and no
signing date, and the new officials where given. It is registered as a draft linked to its
predecessor; the predecessor stays aktif until the renewal is signed (``change_status``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ..assemble import library_for
from ..checks import Finding, run_checks
from ..checks.lines import with_lines
from ..errors import DraftingError
from ..load import validate
from ..model import Agreement as Input
from ..output import write_atomic
from ..pipeline import analyse_draft, build, render
from ..starter import skeleton
from .compare import write_comparison
from .db import drafting_version
from .models import Agreement, GeneratedFile, Status
from .adenda import current_input
from .records import fields_from_input, file_stem, get_record, input_of, set_input


class TermNeeded(DraftingError):
    """The old term was an end date, not years: the renewal's term has to be given."""


@dataclass(frozen=True)
class Official:
    party: int  # 1 = PIHAK PERTAMA
    name: str
    position: str
    parent: str | None = None  # the party's instansi induk, where it changed with the official
    position_en: str | None = None  # the position in English, for a bilingual naskah


@dataclass(frozen=True)
class Renewed:
    id: int
    input: Path
    docx: Path
    comparison: Path  # Pasal by Pasal, HTML
    redline: Path  # the same comparison as a Word document with tracked changes
    findings: list[Finding]  # the checks of the draft, as render prints them
    existing: bool = False  # an open renewal draft that was there already, opened instead


def renew(sessions: sessionmaker[Session], agreement_id: int, out_dir: Path, *, until: dt.date | None = None,
          years: int | None = None, officials: tuple[Official, ...] = (), again: bool = False) -> Renewed:
    """Write the renewal draft of an agreement (its input, DOCX and comparison) and register it.
    An open renewal draft of the same agreement is opened instead (its files written from its
    stored input), unless ``again``: one renewal is not drafted twice without a word."""
    with sessions.begin() as session:
        open_draft = None if again else open_renewal(session, agreement_id)
        if open_draft is not None:
            old, new, new_input = open_draft.predecessor, open_draft, input_of(open_draft)
            old_input = current_input(old)
        else:
            old, old_input, new_input = renewal_draft(session, agreement_id, until=until, years=years,
                                                      officials=officials)
            new = register_renewal(session, old, new_input)
        stem = out_dir / file_stem(new)
        paths = (stem.with_suffix(".yaml"), stem.with_suffix(".docx"))
        analysis = analyse_draft(new_input, source=str(paths[0]))
        if analysis.doc is None:
            raise DraftingError(f"draf perpanjangan tidak dapat disusun: {analysis.reference_error}")
        data = render(analysis.doc, "docx")
        write_atomic(paths[0], (new.input_text or "").encode("utf-8"))
        write_atomic(paths[1], data)
        title = f"Perbandingan naskah #{new.id} dengan naskah yang diperpanjang #{old.id}: {old_input.tentang}"
        compared = write_comparison(build(old_input), analysis.doc, stem, title=title, author=new.unit,
                                    date=dt.date.today())
        new.files.append(GeneratedFile(path=str(paths[1]), sha256=hashlib.sha256(data).hexdigest(),
                                       drafting_version=drafting_version()))
        findings = with_lines(run_checks(new_input, analysis), paths[0])
        return Renewed(new.id, *paths, compared.html, compared.docx, findings, existing=open_draft is not None)


def open_renewal(session: Session, agreement_id: int) -> Agreement | None:
    """The newest renewal of this agreement still in draft, if any."""
    return session.scalars(select(Agreement).where(Agreement.predecessor_id == agreement_id,
                                                   Agreement.status == Status.draft,
                                                   Agreement.input_json.is_not(None))
                           .order_by(Agreement.id.desc()).limit(1)).first()


def renewal_draft(session: Session, agreement_id: int, *, until: dt.date | None = None, years: int | None = None,
                  officials: tuple[Official, ...] = ()) -> tuple[Agreement, Input, Input]:
    """The predecessor, its input, and the renewal's input, validated; nothing is added or written,
    so the web form can show the draft before anyone saves it. An agreement changed by adenda is
    renewed as they left it."""
    old = renewable(session, agreement_id)
    old_input = current_input(old)
    new_input = validate(renewal_input(old_input, old, until, years, officials),
                         source=f"perpanjangan naskah #{old.id}")
    return old, old_input, new_input


def renewable(session: Session, agreement_id: int) -> Agreement:
    """The agreement to renew: one with an input to start from, signed and numbered."""
    old = get_record(session, agreement_id)
    if old.input_json is None:
        raise DraftingError(f"naskah #{old.id} tidak mempunyai isian; perpanjangan disusun dari isian naskah lama")
    if old.signing_date is None or not old.numbers:
        raise DraftingError(f"naskah #{old.id} belum ditandatangani (nomor atau tanggal tanda tangan kosong)")
    return old


def register_renewal(session: Session, old: Agreement, new_input: Input) -> Agreement:
    """The renewal as a draft linked to its predecessor, in the predecessor's unit, level and parent."""
    fields = fields_from_input(new_input)
    fields.pop("numbers")
    new = Agreement(**fields | {"unit": old.unit, "partners": old.partners or fields["partners"]},
                    level=old.level, status=Status.draft, parent=old.parent, predecessor=old,
                    drafting_version=drafting_version(), strategic_plan=old.strategic_plan)
    set_input(new, new_input)
    session.add(new)
    session.flush()
    return new


def renewal_input(old_input: Input, old: Agreement, until: dt.date | None, years: int | None,
                  officials: tuple[Official, ...]) -> dict[str, Any]:
    data = plain(old_input)
    data["draft"] = True
    data["renewal"] = {"kind": old_input.kind.value, "tentang": old_input.tentang, "numbers": old.number_list,
                       "date": old.signing_date.isoformat() if old.signing_date else None}
    if old.end_date:
        data["renewal"]["end_date"] = old.end_date.isoformat()
    if "english" in data and old_input.english and old_input.english.tentang:
        data["english"]["renewal"] = {"tentang": old_input.english.tentang}  # cited in the English text too
    data["signing"] = {k: v for k, v in data.get("signing", {}).items() if k != "date"}
    for party in data["parties"]:
        party.pop("nomor", None)
    if until and old.end_date and until <= old.end_date:
        raise DraftingError(f"tanggal berakhir {until} tidak sesudah tanggal berakhir naskah lama {old.end_date}")
    data["term"] = _term(old_input, until, years)
    _rewritten(data)
    # A renewal is a new naskah under today's law: where personal data is exchanged, UU 27/2022
    # (in force since its transition ended on 17 Oktober 2024) wants the data-protection Pasal.
    excluded = data.get("clauses", {}).get("exclude", [])
    if "pelindungan_data_pribadi" in excluded:
        excluded.remove("pelindungan_data_pribadi")
    _required_back(data, old_input)
    for official in officials:
        if not 1 <= official.party <= len(data["parties"]):
            raise DraftingError(f"pihak nomor {official.party} tidak ada (hanya ada {len(data['parties'])} pihak)")
        party = data["parties"][official.party - 1]
        # the appointment decree belonged to the former official: left out, to be filled in
        changed = party["representative"].get("position") != official.position
        party["representative"] = {"name": official.name, "position": official.position}
        if official.parent is not None:
            party["parent"] = official.parent
        _english_position(data, official, changed)
    return data


# What a naskah read back (drafting extract) keeps word for word and a renewal must write anew from
# the input: the opening (the old date and signatories), the recitals (now citing the old naskah),
# the bridge, the term and the closing Pasal (the old dates, and the ayat that ends the old naskah).
_REWRITTEN = ("jangka_waktu", "ketentuan_penutup")


def _rewritten(data: dict[str, Any]) -> None:
    clauses = data.get("clauses", {})
    clauses.pop("texts", None)
    if "extra_pasal" in data:
        data["extra_pasal"] = [e for e in data["extra_pasal"] if e.get("replaces") not in _REWRITTEN]
        if not data["extra_pasal"]:
            del data["extra_pasal"]


def _required_back(data: dict[str, Any], old_input: Input) -> None:
    """A Pasal Permen 8/2025 Pasal 21 requires that the old naskah lacked (a legacy naskah read back
    keeps it excluded: drafting extract) is in the renewal, a new naskah: its input the blanks a
    new draft has (templates/<kind>/baru.yaml) where the old input has none, for the drafter to
    fill in, as check's placeholders rule says until they are."""
    excluded = data.get("clauses", {}).get("exclude", [])
    lib = library_for(old_input)
    required = [e.clause for e in lib.template(old_input.kind.value).entries() if e.required and e.clause in excluded]
    blanks = skeleton(old_input.kind) if required else {}
    for cid in required:
        excluded.remove(cid)
        for path in lib.clauses[cid].requires:
            key = path.split(".")[0]
            if key not in data and key in blanks:
                data[key] = blanks[key]


def _english_position(data: dict[str, Any], official: Official, changed: bool) -> None:
    """A bilingual naskah's English text of a new official's position: as given, else kept when the
    position is the same; a changed position without its English is left for the drafter (the
    draft then says that english.parties[…].representative.position is missing)."""
    parties = data.get("english", {}).get("parties", [])
    if official.party > len(parties):
        return
    english = parties[official.party - 1].setdefault("representative", {})
    if official.position_en:
        english["position"] = official.position_en
    elif changed:
        english.pop("position", None)


def _term(old_input: Input, until: dt.date | None, years: int | None) -> dict[str, Any]:
    """The new term runs from signing: until a date, for some years, or as long as the old one."""
    notice = {"notice_months": old_input.term.notice_months} if old_input.term else {}
    if until:
        return {"end": until.isoformat(), **notice}
    years = years or (old_input.term.years if old_input.term else None)
    if years is None:
        raise TermNeeded("jangka waktu naskah lama tidak dalam tahun: sebutkan --until TANGGAL atau --years N")
    return {"years": years, **notice}


def plain(agreement: Input) -> dict[str, Any]:
    return agreement.model_dump(mode="json", exclude_unset=True)
