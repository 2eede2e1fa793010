"""The facts every check reads, computed once: a naskah's text cut into title, front matter,
Pasal (with their ayat) and signature block, the names in the komparisi and under the
signatures, and, for a draft, the numbered document and the input.

The same reading serves a draft (its laid-out paragraphs) and an agreement this tool did not
make (paragraphs read from DOCX, Markdown or plain text by ``existing.py``), so the structural
rules judge both alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from ..layout import blocks, signature_text
from ..model import FOREIGN_MITRA, Agreement

PASAL_HEADING = re.compile(r"^Pasal\s+(\d+)$", re.IGNORECASE)
AYAT_LABEL = re.compile(r"^\((\d+)\)\s")
SIGNATURE_LABEL = re.compile(r"^PIHAK\s+[A-Z]+\s*,?$")
_SIGNATURE_SPAN = 8  # paragraphs after a "PIHAK PERTAMA," label that still belong to its signature
# A person's name as written in capitals: every word without a dot is upper case ("ANGGORO EKO
# CAHYO", "Dr. H. ANDI, S.H."); at least one word is a capitalised name, not an abbreviation.
_NAME_WORD = re.compile(r"^[A-Z][A-Z'’\-]*,?$")
# "1. ANGGORO EKO : Selaku …" (party block as a sentence) or "Nama : ANGGORO EKO" (as lines)
_KOMPARISI_LINES = (re.compile(r"^(?:\d+[.)]\s*)?(?P<name>[^:]+?)\s*:"),
                    re.compile(r"^(?:\d+[.)]\s*)?Nama\s*:\s*(?P<name>.+)$"))

FOREIGN_TYPES = FOREIGN_MITRA


@dataclass(frozen=True)
class PasalText:
    number: int
    title: str
    paragraphs: tuple[str, ...]
    ayat: tuple[int, ...]  # ayat numbers in the order they appear
    first: bool  # False when a Pasal of this number came earlier in the text

    @property
    def place(self) -> str:
        return f"Pasal {self.number}"


@dataclass(frozen=True)
class Signature:
    label: str  # "PIHAK PERTAMA"
    name: str | None  # None: the block has no name under the label


@dataclass
class Analysis:
    title_subject: str  # the words after TENTANG in the title block
    front: list[str]  # opening, komparisi, recitals, legal basis, up to the first Pasal
    pasal: list[PasalText]
    signatures: list[Signature]
    komparisi_names: list[str]
    agreement: Agreement | None = None
    doc: Document | None = None  # the numbered draft; None for an existing document
    reference_error: str | None = None  # why numbering failed, when it did
    pasal_numbers: dict[int, PasalText] = field(init=False)

    def __post_init__(self) -> None:
        self.pasal_numbers = {}
        for p in self.pasal:
            self.pasal_numbers.setdefault(p.number, p)

    @property
    def foreign(self) -> bool:
        """Kerja Sama luar negeri: a party is of a Pasal 9 type."""
        return self.agreement is not None and any(p.mitra_type in FOREIGN_TYPES for p in self.agreement.parties)


def is_name(text: str) -> bool:
    """A person's name in capitals (see _NAME_WORD), not a position or an institution."""
    words = text.replace(",", ", ").split()
    plain = [w for w in words if "." not in w]
    return bool(plain) and all(_NAME_WORD.match(w) for w in plain) and any(len(w.strip(",")) > 1 for w in plain)


def analyse(paragraphs: list[str], *, agreement: Agreement | None = None, doc: Document | None = None,
            reference_error: str | None = None) -> Analysis:
    """Cut a naskah's paragraphs into its parts. Pasal start at a line 'Pasal N' (its title is the
    next line when in capitals); the signature block at a line 'PIHAK PERTAMA,' after a Pasal."""
    paragraphs = [" ".join(line.split()) for p in paragraphs for line in p.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    title: list[str] = []
    front: list[str] = []
    pasal: list[tuple[int, str, list[str]]] = []
    signatures: list[Signature] = []
    part = "title"
    span = 0
    pending: list[str] = []  # lines of the signature block being read
    label = ""

    def close_signature() -> None:
        nonlocal label
        if label:
            names = [p for p in pending if is_name(p) and not SIGNATURE_LABEL.match(p)]
            signatures.append(Signature(label, names[-1].rstrip(",") if names else None))
        label = ""
        pending.clear()

    for i, text in enumerate(paragraphs):
        # In the title block (capitals up to the NOMOR lines) a line is a name or the subject,
        # never a heading: a party called "PASAL 0", a tentang "Pasal 1".
        heading = None if part == "title" and text.isupper() else PASAL_HEADING.match(text)
        if heading:
            close_signature()
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            has_title = bool(following) and following.upper() == following and not PASAL_HEADING.match(following)
            pasal.append((int(heading.group(1)), following if has_title else "", []))
            part = "pasal_title" if has_title else "pasal"
        elif part == "pasal_title":
            part = "pasal"
        elif pasal and SIGNATURE_LABEL.match(text):
            close_signature()
            label, span, part = text.rstrip(","), 0, "signature"
        elif part == "signature":
            span += 1
            if span > _SIGNATURE_SPAN:
                close_signature()
                part = "after"
            else:
                pending.append(text)
        elif part == "title" and text.isupper() and not text.startswith("NOMOR"):
            title.append(text)
        elif part == "title" and title and text.upper().startswith("NOMOR") and \
                i + 1 < len(paragraphs) and paragraphs[i + 1].isupper():
            pass  # a party's number under its name: the title block goes on
        elif part in ("title", "front"):  # the "NOMOR : …" lines end the title and are not front text
            part = "front"
            if not text.upper().startswith("NOMOR"):
                front.append(text)
        elif part == "pasal":
            pasal[-1][2].append(text)
    close_signature()

    seen: set[int] = set()
    pasal_texts = []
    for number, heading_title, body in pasal:
        ayat = tuple(int(m.group(1)) for m in map(AYAT_LABEL.match, body) if m)
        pasal_texts.append(PasalText(number, heading_title, tuple(body), ayat, number not in seen))
        seen.add(number)
    subject = title[title.index("TENTANG") + 1:] if "TENTANG" in title else []
    return Analysis(
        title_subject=" ".join(subject),
        front=front,
        pasal=pasal_texts,
        signatures=signatures,
        komparisi_names=_komparisi_names(front),
        agreement=agreement,
        doc=doc,
        reference_error=reference_error,
    )


def _komparisi_names(front: list[str]) -> list[str]:
    """The signatories named in the opening: '1. ANGGORO EKO : Selaku …' or 'Nama : …' lines."""
    names = []
    for text in front:
        for pattern in _KOMPARISI_LINES:
            m = pattern.match(text)
            if m and is_name(m.group("name")) and not text.upper().startswith("NOMOR"):
                names.append(m.group("name").rstrip(","))
                break
    return names


def draft_paragraphs(doc: Document) -> list[str]:
    """A numbered draft as the paragraphs a reader of its DOCX sees, signatures included."""
    text = [b.text() for b in blocks(doc)]
    for s in doc.signatories:
        text += signature_text(s)
    return text
