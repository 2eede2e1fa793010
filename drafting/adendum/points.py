"""What an adendum's Pasal I says: the changes between two versions as amendment points.

From the change model (redline/changes.py) of the version before and the version after, Pasal by
Pasal, in the forms of UU 12/2011 Lampiran II BAB IV: a Pasal changed ("Ketentuan Pasal 7 ayat (2)
diubah …", with the whole Pasal as amended under it), inserted ("Di antara Pasal 5 dan Pasal 6
disisipkan …"; after the last: "Sesudah Pasal 16 ditambahkan …"), deleted ("Pasal 9 dihapus.").
Within a changed Pasal, a change is named as finely as the numbering allows: an ayat, a list item
(a definition of Ketentuan Umum is its angka), an ayat or item added at the end of its list, or
removed from the end; anything that would renumber the ayat or items that stay (an insertion or
deletion in the middle), or a changed title, is said of the whole Pasal. The words of the
sentences are the clause's (clauses/adendum_pasal_i.yaml); here only what they are said of.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..document import Section
from ..numbering import _ref_label
from ..redline.changes import Change, Comparison, neighbours
from ..redline.tree import Node


@dataclass(frozen=True)
class Spot:
    """One change inside a changed Pasal: ``op`` "diubah", "ditambah" or "dihapus"; ``where``:
    the places it is said of, below the Pasal ("ayat (2)", "ayat (1) huruf c"; none: the Pasal);
    for "ditambah", what is added (``added``: "huruf e") and its ``unit`` ("huruf")."""

    op: str
    where: tuple[str, ...] = ()
    unit: str = ""
    added: tuple[str, ...] = ()


@dataclass(frozen=True)
class Point:
    """One point of Pasal I. ``form``: "diubah", "disisipkan", "ditambahkan" or "dihapus";
    ``pasal``: the Pasal it is about ("Pasal 7"; those inserted); ``before``/``after``: the Pasal
    around an insertion; ``quoted``: the Pasal printed under the point, as amended."""

    form: str
    pasal: tuple[str, ...]
    spots: tuple[Spot, ...] = ()
    before: str = ""
    after: str = ""
    quoted: tuple[Section, ...] = ()


def points(comparison: Comparison, words: Mapping[str, str]) -> list[Point]:
    sections = {s.id: s for s in comparison.new.pasal}
    changes = comparison.pasal
    out: list[Point] = []
    k = 0
    while k < len(changes):
        c = changes[k]
        if c.op == "inserted":
            end = k
            while end + 1 < len(changes) and changes[end + 1].op == "inserted":
                end += 1
            run = changes[k:end + 1]
            before, _ = neighbours(changes, k)
            _, after = neighbours(changes, end)
            assert before is not None, "versions.amend inserts no Pasal before Pasal 1"
            out.append(Point("disisipkan" if after else "ditambahkan", tuple(x.node.label for x in run),
                             before=before.label, after=after.label if after else "",
                             quoted=tuple(sections[_id(x.node)] for x in run)))
            k = end + 1
            continue
        if c.op == "deleted":
            out.append(Point("dihapus", (c.node.label,)))
        elif c.op == "changed":
            found = _spots(c, (), words) or []
            if not found or (len(found) > 1 and any(s.op == "diubah" and not s.where for s in found)):
                found = [Spot("diubah")]  # the Pasal as a whole
            out.append(Point("diubah", (c.node.label,), tuple(_merged(found)),
                             quoted=(sections[_id(c.node)],)))
        k += 1
    return out


def _id(node: Node) -> str:
    assert node.heading is not None
    return node.heading.anchor


# A list item's closing punctuation, which numbering writes and which moves when an item is added
# or removed at the end ("…; dan" → "…;"): not a change of its text.
_LIST_END = re.compile(r"\s*(?:[;:.,]\s*)?(?:dan/atau|dan|atau)?\s*$")


def _own_changed(c: Change) -> bool:
    if c.old is None or c.new is None:
        return True
    return _LIST_END.sub("", c.old.text) != _LIST_END.sub("", c.new.text)


def _spots(c: Change, path: tuple[str, ...], words: Mapping[str, str]) -> list[Spot] | None:
    """The changes below ``c`` named as finely as they can be; None: to be said of ``c`` whole."""
    if _own_changed(c):
        return None
    kids = c.children
    out: list[Spot] = []
    k = 0
    while k < len(kids):
        x = kids[k]
        rest = kids[k + 1:]
        if x.renumbered:
            return None
        if x.op == "changed":
            here = path + ((_place(x.node, words),) if x.node.label else ())
            found = _spots(x, here, words)
            out += found if found is not None else [Spot("diubah", (" ".join(here),) if here else ())]
        elif x.op == "deleted" and rest and rest[0].op == "inserted" and rest[0].node.label == x.node.label:
            # one item in place of another (a definition rewritten): that place changed
            out.append(Spot("diubah", (" ".join(path + (_place(x.node, words),)),)))
            k += 2
            continue
        elif x.op == "inserted":
            run = [x]
            while rest and rest[0].op == "inserted":
                run.append(rest[0])
                rest = rest[1:]
            if any(y.old is not None for y in rest) or not run[0].node.label:
                return None  # inserted between: the ones after would be renumbered
            out.append(Spot("ditambah", (" ".join(path),) if path else (), _unit(run[0].node, words),
                            tuple(_place(y.node, words) for y in run)))
            k += len(run)
            continue
        elif x.op == "deleted":
            if any(y.old is not None for y in rest) or not x.node.label:
                return None
            out.append(Spot("dihapus", (" ".join(path + (_place(x.node, words),)),)))
        k += 1
    return out


def _merged(spots: Sequence[Spot]) -> list[Spot]:
    """Places changed one after another said together: "ayat (2) dan ayat (3) diubah"."""
    out: list[Spot] = []
    for s in spots:
        if out and s.op == out[-1].op == "diubah" and s.where and out[-1].where:
            out[-1] = Spot("diubah", out[-1].where + s.where)
        else:
            out.append(s)
    return out


def _unit(node: Node, words: Mapping[str, str]) -> str:
    """What a label counts: "ayat", "huruf" or "angka"."""
    label = node.label
    if node.kind == "paragraph":
        return words["ayat"]
    return words["huruf"] if _ref_label(label).isalpha() else words["angka"]


def _place(node: Node, words: Mapping[str, str]) -> str:
    """A paragraph's or item's place as a reference names it: "ayat (2)", "huruf c", "angka 3"."""
    if node.kind == "paragraph":
        return f"{words['ayat']} {node.label}"
    return f"{_unit(node, words)} {_ref_label(node.label)}"
