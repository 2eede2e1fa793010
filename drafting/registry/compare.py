"""A Pasal-by-Pasal comparison of two naskah, as HTML: what a renewal changes in its predecessor.

The opening part (title, parties, recitals, legal basis) is compared as one section, then each
Pasal, matched by clause id, so a Pasal that moved because another was added keeps its partner.
Changed words are marked <del>/<ins>; every piece of text is HTML-escaped.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, replace

from ..document import Document
from ..layout import blocks

_WORD = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Part:
    key: str
    heading: str  # "Pasal 7 JANGKA WAKTU"
    text: str


def parts(doc: Document) -> list[Part]:
    empty = replace(doc, title=[], front=[], pasal=[], closing=[])
    front = replace(empty, title=doc.title, front=doc.front)
    out = [Part("pembukaan", "Pembukaan", _text(front))]
    out += [Part(sec.id, f"Pasal {sec.number} {sec.title}", _text(replace(empty, pasal=[sec]), skip=2))
            for sec in doc.pasal]
    return out


def _text(doc: Document, skip: int = 0) -> str:
    """The paragraphs' text, without the first ``skip`` (a Pasal's number and title lines)."""
    return "\n".join(b.text() for b in list(blocks(doc))[skip:])


def diff_words(old: str, new: str) -> str:
    a, b = _WORD.findall(old), _WORD.findall(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


@dataclass(frozen=True)
class Change:
    status: str  # tetap, berubah, baru, dihapus
    heading: str
    body: str  # HTML: escaped text with <del>/<ins>


def changes(old: Document, new: Document) -> list[Change]:
    old_parts, new_parts = parts(old), parts(new)
    out: list[Change] = []
    matcher = difflib.SequenceMatcher(None, [p.key for p in old_parts], [p.key for p in new_parts], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [_pair(o, n) for o, n in zip(old_parts[i1:i2], new_parts[j1:j2])]
        else:
            out += [Change("dihapus", o.heading, f"<del>{html.escape(o.text)}</del>") for o in old_parts[i1:i2]]
            out += [Change("baru", n.heading, f"<ins>{html.escape(n.text)}</ins>") for n in new_parts[j1:j2]]
    return out


def _pair(old: Part, new: Part) -> Change:
    if old.text == new.text and old.heading == new.heading:
        return Change("tetap", new.heading, html.escape(new.text))
    heading = new.heading if old.heading == new.heading else f"{new.heading} (semula {old.heading})"
    return Change("berubah", heading, diff_words(old.text, new.text))


_STATUS = {"tetap": "tidak berubah", "berubah": "berubah", "baru": "bagian baru", "dihapus": "dihapus"}


def compare_html(old: Document, new: Document, *, title: str) -> str:
    found = changes(old, new)
    sections = "\n".join(
        f'<section class="{c.status}"><h2>{html.escape(c.heading)} <small>({_STATUS[c.status]})</small></h2>'
        f"<pre>{c.body}</pre></section>" for c in found)
    changed = sum(c.status != "tetap" for c in found)
    return (
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:sans-serif;max-width:60em;margin:auto}pre{white-space:pre-wrap;font-family:inherit}"
        "del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}"
        ".tetap{color:#666}</style></head><body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>{changed} dari {len(found)} bagian berubah.</p>\n"
        f"{sections}\n</body></html>\n")
