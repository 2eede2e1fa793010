"""An adendum's changes applied to its parent naskah before the parent is read back, so that the
input (and the renewal made from it) starts from the text in force.

Pasal I of an adendum states each change in a sentence and quotes the new words under it (UU
12/2011 Lampiran II BAB IV; clauses/adendum_pasal_i.yaml writes this tool's):
- 'Ketentuan Pasal 5 ayat (2) … diubah sehingga berbunyi sebagai berikut:' — and the same with an
  ayat, huruf or angka 'ditambah' or 'dihapus' — quotes the whole Pasal ('Pasal 5', its title, its
  ayat: this tool's adenda), which takes the parent's Pasal's place, or the ayat alone ('(2) …':
  B1), which takes the place of the parent's ayat of that number, or is added after its last;
- 'Di antara Pasal 7 dan Pasal 8 disisipkan 1 (satu) pasal, yakni Pasal 7A, sehingga berbunyi …'
  ('Sesudah Pasal 16 ditambahkan …' after the last; '… yakni Pasal 7A yang berbunyi …') quotes the
  Pasal inserted, which stands after Pasal 7 (its place, when Pasal 7 is deleted), and a Pasal 7B
  after the 7A an earlier adendum inserted there;
- 'Pasal 9 dihapus.' ('Pasal 9 dan Pasal 10 dihapus.') takes Pasal 9 out.
Adenda are applied in order, each naming Pasal by the numbers the ones before gave them (7A, a
deleted number left unused). Other forms (Semula/Menjadi, a change without its new words) are
refused, named, for the drafter to write into the input.

Then the Pasal are numbered 1, 2, 3 … and the references between them follow (one to a deleted
Pasal stays as written, and the report says to mend it). An input has no
Pasal numbers: what it renders is numbered as a new naskah, as the changed input an adendum is
written from (``drafting adendum SIGNED CHANGED``) is. The numbers of an amendment (7A, 9 unused,
the Pasal kept with 'Dihapus.') belong to the history of the signed input and its changed inputs:
``drafting konsolidasi`` rebuilds them from that history (adendum/versions.py) and prints them so;
the input read here is the changed input of that history, not its konsolidasi. So an inserted Pasal
is read as any other (the library clause it is, or kept word for word as an ``extra_pasal`` at its
place) and a deleted one is gone, as a renewal of the agreement would have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..adendum.versions import sort_key
from ..errors import InputError, Problem
from ..read import Paragraph
from ..read.structure import AYAT_LABEL, QUOTED_HEADING, is_caps
from .adendum import is_adendum
from .pasal import elsewhere
from .source import Pasal, Source

_NUMBER = r"\d+[A-Z]?"  # a Pasal's number in an amended naskah: 7, 7A
_LIST = rf"Pasal {_NUMBER}(?:(?:,|,? dan) Pasal {_NUMBER})*"
_CHANGED = re.compile(rf"^Ketentuan Pasal (?P<pasal>{_NUMBER})\b.*\bberbunyi sebagai berikut\s*:$")
_INSERTED = re.compile(rf"^(?:Di antara Pasal (?P<before>{_NUMBER}) dan Pasal {_NUMBER} disisipkan|"
                       rf"Sesudah Pasal (?P<last>{_NUMBER}) ditambahkan)\b.*\byakni (?P<pasal>{_LIST}),?"
                       rf" (?:sehingga|yang) berbunyi sebagai berikut\s*:$")
_DELETED = re.compile(rf"^(?P<pasal>{_LIST}) dihapus\.?$")
_POINT = re.compile(rf"^(?:Ketentuan Pasal {_NUMBER}|Pasal {_NUMBER}\b.*dihapus|Di antara Pasal|Sesudah Pasal)\b")
_REFERENCE = re.compile(rf"\bPasal (?P<pasal>{_NUMBER})\b")


@dataclass
class _Slot:
    """A Pasal of the amended naskah under its number; ``pasal`` None once deleted (its place
    stays: a Pasal may be inserted after it)."""

    number: str
    pasal: Pasal | None


def amend(src: Source, adenda: list[tuple[list[Paragraph], str]]) -> list[str]:
    """Apply each adendum (its paragraphs, its file) in order to ``src`` (the parent, cut), then
    number its Pasal anew; return the report's notes."""
    slots = [_Slot(str(p.number), p) for p in src.pasal]
    notes = [note for paragraphs, source in adenda for note in _adendum(slots, paragraphs, source)]
    return notes + _renumbered(src, slots)


def _adendum(slots: list[_Slot], adendum: list[Paragraph], source: str) -> list[str]:
    if not is_adendum(adendum):
        raise InputError(source, [Problem("", "bukan adendum (judulnya tidak ADENDUM/ADDENDUM dan pasalnya tidak "
                                              "bernomor Romawi): --adendum hanya untuk naskah adendum")])
    name = next((p.text for p in adendum if p.part == "title"), "adendum")
    first = next((p.pasal for p in adendum if p.part == "heading"), None)
    body = [p for p in adendum if p.part == "body" and p.pasal == first]
    points: list[tuple[str, list[Paragraph]]] = []
    for p in body:
        if _POINT.match(p.text):
            points.append((p.text, []))
        elif points:
            points[-1][1].append(p)
    refused = [text for text, _ in points if not any(form.match(text) for form in (_CHANGED, _INSERTED, _DELETED))]
    if refused or not points:
        # no point at all (B4's 'Semula … Menjadi …'): what Pasal I says first, that the drafter knows which
        what = "; ".join(refused) if refused else (
            "tidak ada 'Ketentuan Pasal … diubah sehingga berbunyi sebagai berikut:', 'Di antara Pasal … disisipkan …' "
            f"atau 'Pasal … dihapus.'; Pasal I: '{_short(body[0].full) if body else ''}'")
        raise InputError(source, [Problem("", f"perubahan {name} ini belum dapat diterapkan pada naskah induk "
                                              f"({what}): terapkan sendiri pada isian hasil drafting extract")])
    notes = []
    for text, quoted in points:
        if m := _DELETED.match(text):
            for number in re.findall(_NUMBER, m["pasal"]):
                _slot(slots, number, name, text, source).pasal = None
                notes.append(f"Pasal {number} dihapus oleh {name}")
        elif m := _INSERTED.match(text):
            notes += _inserted(slots, m, quoted, name, text, source)
        else:
            m = _CHANGED.match(text)
            assert m is not None  # refused above otherwise
            target = _slot(slots, m["pasal"], name, text, source)
            if not quoted:
                raise _unread(name, text, source)
            assert target.pasal is not None
            notes.append(_apply(target, quoted, name, text, source))
    return notes


def _short(text: str) -> str:
    return text if len(text) <= 100 else text[:100] + "…"


def _slot(slots: list[_Slot], number: str, name: str, sentence: str, source: str) -> _Slot:
    found = next((s for s in slots if s.number == number and s.pasal is not None), None)
    if found is None:
        raise InputError(source, [Problem("", f"{name}: '{sentence}' — Pasal {number} tidak ada dalam naskah induk "
                                              "(atau sudah dihapus oleh adendum sebelumnya)")])
    return found


def _unread(name: str, sentence: str, source: str) -> InputError:
    return InputError(source, [Problem("", f"{name}: '{sentence}' — teks barunya tidak terbaca")])


def _inserted(slots: list[_Slot], m: re.Match[str], quoted: list[Paragraph], name: str, sentence: str,
              source: str) -> list[str]:
    """The Pasal quoted, each under its heading, after the one named (or its place, deleted)."""
    numbers = re.findall(_NUMBER, m["pasal"])
    pasal: list[Pasal] = []
    for p in quoted:
        if QUOTED_HEADING.match(p.text):
            pasal.append(Pasal(0, "", []))
        elif pasal:
            if not pasal[-1].title and not pasal[-1].body and not p.label and is_caps(p.text):
                pasal[-1].title = p.text
            else:
                pasal[-1].body.append(p)
    headings = [p.text.split()[-1] for p in quoted if QUOTED_HEADING.match(p.text)]
    if headings != numbers or any(not p.body for p in pasal):
        raise _unread(name, sentence, source)
    before = m["before"] or m["last"]
    at = next((k for k, s in enumerate(slots) if s.number == before), None)
    if at is None:
        raise InputError(source, [Problem("", f"{name}: '{sentence}' — Pasal {before} tidak ada dalam naskah induk")])
    at += 1
    while at < len(slots) and sort_key(slots[at].number) < sort_key(numbers[0]):
        at += 1  # 'Di antara Pasal 7 dan Pasal 8 … Pasal 7B' where Pasal 7A stands: after 7A
    slots[at:at] = [_Slot(n, p) for n, p in zip(numbers, pasal)]
    return [f"Pasal {n} disisipkan oleh {name}" for n in numbers]


def _apply(target: _Slot, quoted: list[Paragraph], name: str, sentence: str, source: str) -> str:
    pasal = target.pasal
    assert pasal is not None
    new = [Paragraph(p.text, "body", p.label) for p in quoted]
    if QUOTED_HEADING.match(new[0].text):  # the whole Pasal, its title on the next line
        new = new[1:]
        if new and not new[0].label and is_caps(new[0].text):
            pasal.title, new = new[0].text, new[1:]
        pasal.body = new
        return f"Pasal {target.number} sebagaimana diubah oleh {name}"
    labels = [p.label for p in new if AYAT_LABEL.match(p.label)]  # the ayat quoted: '(2)', or '(2)' and '(3)'
    if not labels or labels[0] != new[0].label:
        raise _unread(name, sentence, source)
    at = [k for k, p in enumerate(pasal.body) if p.label in labels]
    ayat = [int(AYAT_LABEL.match(p.label)[1]) for p in pasal.body if AYAT_LABEL.match(p.label)]  # type: ignore[index]
    if at:
        end = next((k for k in range(at[-1] + 1, len(pasal.body)) if AYAT_LABEL.match(pasal.body[k].label)),
                   len(pasal.body))
        pasal.body[at[0]:end] = new
    elif ayat and labels[0] == f"({max(ayat) + 1})":  # 'ditambah 1 (satu) ayat, yakni ayat (4)': after the last
        pasal.body += new
    else:
        raise InputError(source, [Problem("", f"{name}: '{sentence}': ayat {new[0].label} tidak ada dalam "
                                              f"Pasal {target.number} naskah induk")])
    return f"Pasal {target.number} {' dan '.join(f'ayat {label}' for label in labels)} sebagaimana diubah oleh {name}"


def _renumbered(src: Source, slots: list[_Slot]) -> list[str]:
    """The Pasal in force numbered 1, 2, 3 …, each reference to one of them ('Pasal 7A') with its
    new number; a citation of another instrument's Pasal stays as written."""
    kept = [s for s in slots if s.pasal is not None]
    new = {s.number: str(k) for k, s in enumerate(kept, 1)}
    gone = {s.number for s in slots if s.pasal is None}
    notes = []
    for k, slot in enumerate(kept, 1):
        pasal = slot.pasal
        assert pasal is not None
        cited: list[str] = []

        def renumber(m: re.Match[str]) -> str:
            if elsewhere(m.string, m.end()):
                return m[0]
            if m["pasal"] in gone:
                cited.append(m["pasal"])
            return f"Pasal {new[m['pasal']]}" if m["pasal"] in new else m[0]

        pasal.number = k
        pasal.body = [Paragraph(_REFERENCE.sub(renumber, p.text), p.part, p.label, k) for p in pasal.body]
        for number in dict.fromkeys(cited):
            notes.append(f"Pasal {slot.number} menyebut Pasal {number}, yang telah dihapus: rujukan itu tertulis apa "
                         "adanya dan harus diperbaiki di isian")
    moved = [f"Pasal {s.number} menjadi Pasal {new[s.number]}" for s in kept if new[s.number] != s.number]
    if moved:
        notes.append("pasal dinomori urut seperti naskah baru (perpanjangan); nomor adendum tidak dipakai isian: "
                     + ", ".join(moved))
    src.pasal = [s.pasal for s in kept if s.pasal is not None]
    return notes
