"""The facts every check reads, computed once: a naskah's text cut into title, front matter,
Pasal (with their ayat) and signature block, the names in the komparisi and under the
signatures, and, for a draft, the numbered document and the input.

The same reading serves a draft (its laid-out paragraphs) and an agreement this tool did not
make (read from PDF, DOCX, Markdown or plain text by ``drafting.read``), so the structural rules
judge both alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from ..layout import blocks, signature_text
from ..model import Agreement
from ..read import Paragraph, structure
from ..read.structure import QUOTED_HEADING, SIGNATURE_LABEL, is_caps
from .scope import Scope, of_input, of_text

# A person's name as written in capitals: every word without a dot is upper case ("ANGGORO EKO
# CAHYO", "Dr. H. ANDI, S.H."); at least one word is a capitalised name, not an abbreviation; no
# word names an office or an institution (a position typed in capitals is not a name).
_NAME_WORD = re.compile(r"^[A-Z][A-Z'’\-]*,?$")
_NOT_NAME = frozenset("""PIHAK PARA DIREKTUR JENDERAL KEPALA MENTERI BUPATI WALIKOTA WALI GUBERNUR SEKRETARIS KETUA
    DEPUTI PEMERINTAH KABUPATEN KOTA PROVINSI KEMENTERIAN BADAN KANTOR DIREKTORAT REPUBLIK INDONESIA UTAMA
    IMIGRASI PEMASYARAKATAN WILAYAH NEGARA METERAI MATERAI PT TBK PERSERO DAN DENGAN ANTARA TENTANG NOMOR TANGGAL NIP""".split())
# "1. ANGGORO EKO : Selaku …" (party block as a sentence), "Nama : ANGGORO EKO" (as lines),
# "ANGGORO EKO, selaku Direktur …" (REAL-AGREEMENTS A3)
_KOMPARISI_LINES = (re.compile(r"^Nama\s*:\s*(?P<name>.+)$"),
                    re.compile(r"^(?P<name>[^:]+?)\s*,?\s*:"),
                    re.compile(r"^(?P<name>[^,]+),\s*(?:selaku|sebagai)\b", re.IGNORECASE))


@dataclass(frozen=True)
class PasalText:
    number: int
    title: str
    paragraphs: tuple[str, ...]  # each as printed, label first: "(1) Maksud …"
    ayat: tuple[int, ...]  # ayat numbers in the order they appear
    first: bool  # False when a Pasal of this number came earlier in the text
    items: tuple[Paragraph, ...] = ()  # the same paragraphs with label and text apart

    @property
    def place(self) -> str:
        return f"Pasal {self.number}"


@dataclass(frozen=True)
class Signature:
    label: str  # "PIHAK PERTAMA"
    name: str | None  # None: the block has no name under the label
    meterai: bool | None = None  # a meterai under it; None: the layout does not tell whose it is


@dataclass
class Analysis:
    title_subject: str  # the words after TENTANG in the title block
    front: list[str]  # opening, komparisi, recitals, legal basis, up to the first Pasal
    pasal: list[PasalText]
    signatures: list[Signature]
    komparisi: list[tuple[str, str | None]]  # each signatory the opening names, with the label it defines
    scope: Scope
    paragraphs: list[Paragraph] = field(default_factory=list)  # the whole naskah, structured
    agreement: Agreement | None = None
    doc: Document | None = None  # the numbered draft; None for an existing document
    reference_error: str | None = None  # why numbering failed, when it did
    # A bilingual naskah: the paragraphs of its English text (the rest is the Indonesian one).
    translation: list[str] | None = None
    pasal_numbers: dict[int, PasalText] = field(init=False)

    def __post_init__(self) -> None:
        self.pasal_numbers = {}
        for p in self.pasal:
            self.pasal_numbers.setdefault(p.number, p)

    def places(self) -> list[tuple[str, Paragraph]]:
        """Every paragraph with where a finding about it points: 'judul', 'bagian pembuka',
        'Pasal 4 ayat (2)', 'blok tanda tangan'."""
        out = []
        ayat: int | None = None
        for p in self.paragraphs:
            if p.part in ("heading", "pasal_title"):
                ayat = None
            if p.part == "body" and p.ayat is not None:
                ayat = p.ayat
            where = {"title": "judul", "number": "judul", "front": "bagian pembuka",
                     "signature": "blok tanda tangan"}.get(p.part) or (
                f"Pasal {p.pasal}" + (f" ayat ({ayat})" if ayat is not None else ""))
            out.append((where, p))
        return out

    @property
    def komparisi_names(self) -> list[str]:
        return [name for name, _ in self.komparisi]

    @property
    def foreign(self) -> bool:
        """Kerja Sama luar negeri: a party is of a Pasal 9 type, or the naskah of a foreign kind."""
        return bool(self.scope.foreign)


def is_name(text: str) -> bool:
    """A person's name in capitals (see _NAME_WORD), not a position or an institution."""
    words = text.replace(",", ", ").split()
    plain = [w for w in words if "." not in w]
    return (bool(plain) and all(_NAME_WORD.match(w) for w in plain) and any(len(w.strip(",")) > 1 for w in plain)
            and not any(w.strip(",") in _NOT_NAME for w in plain))


def analyse(paragraphs: list[Paragraph] | list[str], *, agreement: Agreement | None = None,
            doc: Document | None = None, reference_error: str | None = None,
            translation: list[str] | None = None) -> Analysis:
    """The facts of a naskah given as structured paragraphs (or plain ones, structured here)."""
    if paragraphs and isinstance(paragraphs[0], str):
        paragraphs = structure(paragraphs)  # type: ignore[arg-type]
    paras: list[Paragraph] = paragraphs  # type: ignore[assignment]
    title = [p.text for p in paras if p.part == "title"]
    front = [p.full for p in paras if p.part == "front"]
    seen: set[int] = set()
    pasal_texts: list[PasalText] = []
    for i, p in enumerate(paras):
        if p.part != "heading":
            continue
        titles = [q.text for q in paras[i + 1:i + 2] if q.part == "pasal_title"]
        body = []
        for q in paras[i + 1:]:
            if q.part in ("heading", "signature"):
                break
            if q.part == "body":
                body.append(q)
        quoted = _quoted(body)
        ayat = tuple(q.ayat for q in body if q.ayat is not None and id(q) not in quoted)
        assert p.pasal is not None
        pasal_texts.append(PasalText(p.pasal, titles[0] if titles else "", tuple(q.full for q in body), ayat,
                                     p.pasal not in seen, tuple(body)))
        seen.add(p.pasal)
    # TENTANG in a domestic title; MENGENAI or CONCERNING in some international ones (REAL-AGREEMENTS F.1);
    # on a line of its own, or inside a title block that a PDF wrapped into longer lines
    subject = re.search(r"\b(?:TENTANG|MENGENAI|CONCERNING)\b\s*(.*)$", " ".join(title))
    return Analysis(
        title_subject=subject.group(1).strip() if subject else "",
        front=front,
        pasal=pasal_texts,
        signatures=_signatures(paras),
        komparisi=_komparisi(front),
        scope=of_input(agreement) if agreement is not None else of_text(paras),
        paragraphs=paras,
        agreement=agreement,
        doc=doc,
        reference_error=reference_error,
        translation=translation,
    )


def _signatures(paras: list[Paragraph]) -> list[Signature]:
    """Each signature label with the name under it. A run of signature lines between two Pasal
    is read as a table read by columns (label, position, name, next label …) when each label has
    at most one name after it, and by rows (all labels, all positions, all names) otherwise."""
    runs: list[list[str]] = []
    previous = ""
    for p in paras:
        if p.part == "signature":
            if previous != "signature":
                runs.append([])
            runs[-1].append(p.text)
        previous = p.part
    out: list[Signature] = []
    for run in runs:
        segments: list[tuple[str, list[str]]] = []
        for text in run:
            if SIGNATURE_LABEL.match(text):
                segments.append((text.strip("\"“”,").strip(), []))
            elif segments:
                segments[-1][1].append(text)
        names = [[t.rstrip(",") for t in lines if is_name(t)] for _, lines in segments]
        meterai = [any(re.search(r"m[ae]terai", t, re.IGNORECASE) for t in lines) for _, lines in segments]
        if all(len(n) <= 1 for n in names):
            out += [Signature(label, n[0] if n else None, m) for (label, _), n, m in zip(segments, names, meterai)]
        else:
            flat = [n for group in names for n in group]
            if len(flat) == len(segments):
                out += [Signature(label, name, None) for (label, _), name in zip(segments, flat)]
            else:
                out += [Signature(label, n[-1] if n else None, None) for (label, _), n in zip(segments, names)]
    return out


# "Ketentuan Pasal 5 ayat (2) diubah sehingga berbunyi sebagai berikut:" (UU 12/2011 Lampiran II BAB IV)
AMENDS = re.compile(r"\b(?:diubah|disisipkan|ditambah(?:kan)?)\b.*\bsebagai\s+berikut\s*:\s*$", re.IGNORECASE)


def _quoted(body: list[Paragraph]) -> set[int]:
    """The paragraphs an amending article quotes: after '… diubah sehingga berbunyi sebagai berikut:'
    up to the next paragraph without a label that is not a quoted Pasal's heading or title."""
    quoted: set[int] = set()
    inside = False
    for q in body:
        if AMENDS.search(q.text):
            inside = True
            continue
        # an ayat or item, or the heading or title of a Pasal quoted whole
        if inside and (q.label or QUOTED_HEADING.match(q.text) or is_caps(q.text)):
            quoted.add(id(q))
        elif inside:
            inside = False
    return quoted


_DEFINES = re.compile(r"disebut\s+(?:sebagai\s+)?[\"“]?(PIHAK\s+[A-Z]+)\b")


def _komparisi(front: list[str]) -> list[tuple[str, str | None]]:
    """The signatories named in the opening ('1. ANGGORO EKO : Selaku …', 'Nama : …', 'ANGGORO EKO,
    selaku …'), each with the label the party block goes on to define ('selanjutnya disebut PIHAK
    PERTAMA'), read from the same paragraph or the lines after it."""
    found: list[list] = []
    for text in front:
        text = re.sub(r"^\S+\s+", "", text) if re.match(r"^(?:\(?\d+[.)]|[IVX]+\.)\s", text) else text
        for pattern in _KOMPARISI_LINES:
            m = pattern.match(text)
            if m and is_name(m.group("name").strip().rstrip(",")) and not text.upper().startswith("NOMOR"):
                found.append([m.group("name").strip().rstrip(","), None])
                break
        label = _DEFINES.search(text)
        if label and found and found[-1][1] is None and "PARA" not in label.group(0):
            found[-1][1] = " ".join(label.group(1).split())
    return [(name, label) for name, label in found]


def draft_paragraphs(doc: Document) -> list[str]:
    """A numbered draft as the paragraphs a reader of its DOCX sees, signatures included."""
    text = [b.text() for b in blocks(doc)]
    for s in doc.signatories:
        text += signature_text(s)
    return text
