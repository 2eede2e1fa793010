"""Stage 4: numbers, labels, list punctuation and cross-references, all computed.

``number`` returns a new Document and leaves its argument untouched. Counting and formatting are
kept apart (as in CommonForm's outline-numbering): a counter per list, and a table of formatters
per level. The rules are those of UU 12/2011, Lampiran II: Pasal 1…n across the naskah; ayat
(1), (2) only where a Pasal has more than one paragraph; list items end with ';', the
conjunction follows the second-to-last item, the last item of the whole list ends with '.'.
The words around the numbers ("Pasal", "ayat", "huruf", "pada", "dalam", "dan" …) are the
document's ``words`` (templates/kata.yaml), not written here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from .document import Document, Inline, ItemList, Ref, Run, Section
from .errors import CrossReferenceError


def _letters(i: int) -> str:
    # a … z, then aa, bb, … (UU 12/2011 Lampiran II)
    return chr(ord("a") + (i - 1) % 26) * ((i - 1) // 26 + 1)


_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40),
          ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def _roman(i: int) -> str:
    out = ""
    for numeral, value in _ROMAN:
        while i >= value:
            out, i = out + numeral, i - value
    return out


Formatter = Callable[[int], str]
# Each label form, and whether it counts in letters (a reference then says "huruf", else "angka").
_FORMATS: dict[str, tuple[Formatter, bool]] = {
    "a.": (lambda i: f"{_letters(i)}.", True),
    "1.": (lambda i: f"{i}.", False),
    "a)": (lambda i: f"{_letters(i)})", True),
    "1)": (lambda i: f"{i})", False),
    # the lists of an English text (templates/kata.en.yaml): (a), (i), (A), (1)
    "(a)": (lambda i: f"({_letters(i)})", True),
    "(i)": (lambda i: f"({_roman(i)})", False),
    "(A)": (lambda i: f"({_letters(i).upper()})", True),
    "(1)": (lambda i: f"({i})", False),
}
# list_levels style -> list sequence -> formatter of each level
LEVELS: dict[str, dict[str, list[str]]] = {
    "a. 1) a)": {"huruf": ["a.", "1)", "a)", "1."], "angka": ["1.", "a.", "1)", "a)"]},
    "a. 1. a) 1)": {"huruf": ["a.", "1.", "a)", "1)"], "angka": ["1.", "a.", "1)", "a)"]},
}


def levels_of(words: Mapping[str, str], list_levels: str) -> dict[str, list[str]]:
    """The label forms of each level: the language's own (kata ``daftar_huruf``/``daftar_angka``,
    as an English text has), else the style's (``list_levels``, UU 12/2011 by default)."""
    style = LEVELS[list_levels]
    return {seq: words[f"daftar_{seq}"].split() if f"daftar_{seq}" in words else style[seq]
            for seq in ("huruf", "angka")}


def _ref_label(label: str) -> str:
    """A label as a reference cites it: 'a.' → 'a', '1)' → '1', '(a)' → '(a)', '2.' → '2'."""
    label = label.rstrip(".")
    return label if label.startswith("(") else label.rstrip(")")


@dataclass(frozen=True)
class Target:
    """Where an id points: a Pasal, and within it an ayat and/or a list item path."""

    pasal: int | str | None  # None for front matter (recitals…), which has no Pasal number; "5A" in an amendment
    section: str
    ayat: int = 0  # 2 for ayat (2); 0: none
    item: tuple[str, ...] = ()  # ("huruf a", "angka 1")
    order: int = 0  # the Pasal's place in the naskah, by which references are sorted

    def words(self, local: bool, words: Mapping[str, str]) -> str:
        """'Pasal 5 ayat (2) huruf a' (Indonesian), 'subparagraph (a) of paragraph 2 of Article 5'
        (English: kata rujukan_urutan 'butir-dulu', rujukan_sambung 'of'); a local reference names
        no Pasal, or the language's word for this one ('of this Article')."""
        if local:
            parts = [words["pasal_ini"]] if words.get("pasal_ini") else []
        else:
            parts = [] if self.pasal is None else [f"{words['pasal']} {self.pasal}"]
        if self.ayat:
            parts.append(f"{words['ayat']} {words.get('ayat_rujukan', '({n})').replace('{n}', str(self.ayat))}")
        parts += self.item
        if words.get("rujukan_urutan") == "butir-dulu":
            parts.reverse()
        return f" {words['rujukan_sambung']} ".join(parts) if "rujukan_sambung" in words else " ".join(parts)


def number(doc: Document, *, list_levels: str = "a. 1. a) 1)", labels: Mapping[str, str] | None = None) -> Document:
    """The numbered copy of ``doc``; of a bilingual naskah, its translation numbered alike, in its
    own words: the structure is one (assembly made both texts of the same shape), so Pasal 5 is
    Article 5 and ayat (2) paragraph 2. ``labels``: each Pasal's number given (section id →
    "5A", "II"), as an amendment numbers: the agreement's Pasal keep theirs, an inserted one is
    numbered after the one before it (UU 12/2011 Lampiran II), an adendum's own are Roman."""
    numbered = _number(doc, list_levels, labels)
    if doc.translation is not None:
        numbered.translation = _number(doc.translation, list_levels, labels)
    return numbered


def _number(doc: Document, list_levels: str, labels: Mapping[str, str] | None) -> Document:
    doc = doc.map_contents(list)  # the copy that is numbered: the caller's document stays as it was
    words = doc.words
    levels = levels_of(words, list_levels)
    ayat_label = words.get("ayat_label", "({n})")
    order = {}
    for n, sec in enumerate(doc.pasal, 1):
        sec.number = labels[sec.id] if labels is not None else n
        order[sec.id] = n
    index: dict[str, Target] = {}
    for sec in doc.front + doc.pasal + doc.closing:
        at = order.get(sec.id, 0)
        if sec.pasal:
            index[sec.id] = Target(sec.number, sec.id, order=at)
        numbered = sec.pasal and len(sec.paragraphs) > 1
        for k, para in enumerate(sec.paragraphs, 1):
            para.label = ayat_label.replace("{n}", str(k)) if numbered else ""
            if para.id:
                index[f"{sec.id}.{para.id}"] = Target(sec.number, sec.id, k if numbered else 0, order=at)
            if para.list:
                _label(para.list, 0, levels, sec, k if numbered else 0, (), index, words, at)
    for sec in doc.front + doc.pasal + doc.closing:
        for content in _contents(sec):
            content[:] = [_resolve(x, sec, index, words) for x in content]
        for para in sec.paragraphs:
            if para.list:
                _punctuate(para.list, ".", words)
    return doc


def _label(lst: ItemList, level: int, levels: dict[str, list[str]], sec: Section, ayat: int,
           path: tuple[str, ...], index: dict[str, Target], words: Mapping[str, str], order: int) -> None:
    fmt = levels[lst.sequence][min(level, 3)]
    formatter, letters = _FORMATS[fmt]
    for i, item in enumerate(lst.items, 1):
        item.label = formatter(i)
        word = words["huruf"] if letters else words["angka"]
        here = path + (f"{word} {_ref_label(item.label)}",)
        if item.id:
            index[f"{sec.id}.{item.id}"] = Target(sec.number, sec.id, ayat, here, order)
        if item.list:
            _label(item.list, level + 1, levels, sec, ayat, here, index, words, order)


def _contents(sec: Section) -> Iterator[list[Inline]]:
    def items(lst: ItemList | None) -> Iterator[list[Inline]]:
        for item in lst.items if lst else []:
            yield item.content
            yield from items(item.list)

    for para in sec.paragraphs:
        yield para.content
        yield from items(para.list)


def _resolve(node: Inline, sec: Section, index: dict[str, Target], words: Mapping[str, str]) -> Inline:
    if not isinstance(node, Ref):
        return node
    found: list[tuple[bool, Target]] = []
    for t in node.targets:
        local = index.get(f"{sec.id}.{t}")
        target = local or index.get(t)
        if target is None or (target.section == sec.id and not local):
            where = f"Pasal {sec.title or sec.id}" if sec.pasal else f"bagian {sec.id}"
            raise CrossReferenceError(
                f"{where} merujuk '{t}', yang tidak ada dalam naskah ini "
                f"(klausulnya tidak dipakai, atau id-nya salah)")
        if local and not (local.ayat or local.item):
            raise CrossReferenceError(f"Pasal {sec.title}: '{t}' tidak bernomor (pasal hanya satu ayat)")
        found.append((local is not None, target))
    # the same Pasal's ayat first, then other Pasal in ascending order
    found.sort(key=lambda f: (not f[0], f[1].order, f[1].ayat, f[1].item))
    places = [t.words(local, words) for local, t in found]
    text = places[0] if len(places) == 1 else ", ".join(places[:-1]) + f" {words['dan']} " + places[-1]
    if not node.bare:
        text = f"{words['pada'] if found[0][0] else words['dalam']} {text}"
    return Run(text)


def _punctuate(lst: ItemList, tail: str, words: Mapping[str, str]) -> None:
    last = len(lst.items) - 1
    for i, item in enumerate(lst.items):
        if lst.punctuation == "":
            end = ""
        elif lst.punctuation == ".":
            end = "."
        elif i == last:
            end = tail
        elif i == last - 1 and lst.punctuation not in (";",):
            end = f"; {words[lst.punctuation]}"
        else:
            end = ";"
        if item.list:
            _finish(item.content, ":" if lst.punctuation != "" else "")
            _punctuate(item.list, end, words)
        else:
            _finish(item.content, end)


# A conjunction typed after an item's semicolon ("jumlah; dan", as pasted from a signed agreement):
# numbering writes its own.
_TYPED_CONJUNCTION = re.compile(r";\s*(?:dan/atau|dan|atau)\s*$")


def _finish(content: list[Inline], end: str) -> None:
    """Replace whatever punctuation the text ends with by ``end``."""
    if not end:
        return
    for k in range(len(content) - 1, -1, -1):
        node = content[k]
        if isinstance(node, Run):
            stripped = _TYPED_CONJUNCTION.sub("", node.text.rstrip()).rstrip(";:,.").rstrip()
            if stripped or k == 0:
                content[k] = Run(stripped, node.bold, node.italic)
                break
            del content[k]
    if content and isinstance(content[-1], Run) and not (content[-1].bold or content[-1].italic):
        content[-1] = Run(content[-1].text + end)
    else:
        content.append(Run(end))

