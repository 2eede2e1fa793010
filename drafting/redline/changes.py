"""The change model: what changed between two numbered documents of one agreement, part by part,
Pasal by Pasal, ayat by ayat, item by item, word by word.

Every comparison the tool makes — a renewal and its predecessor, a draft and its earlier version,
an adendum's consolidated text and the agreement — is one ``Comparison``; the Word redline
(``redline.docx``) and the HTML comparison (``redline.html``) are two ways of writing it, and an
adendum's Pasal I is a third.

Nodes are paired by key first (a Pasal by its clause id, a paragraph or item by its anchor, a
party or a number by its place), in order: a Pasal inserted early leaves every later Pasal paired
with itself, changed in its number only, which is no change (``Change.renumbered``). Nodes without
a key are paired by text: equal text first, then the most alike (``words.similarity``) in order;
the rest are inserted or deleted. A Pasal moved to another place is deleted there and inserted
here.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ..document import Document
from . import words
from .tree import Kind, Node, tree

Op = Literal["equal", "changed", "inserted", "deleted"]
# Pairing by text: below this likeness two paragraphs are one deleted and another inserted.
SIMILAR = 0.5
# Past this many candidate pairs, a stretch without anchors is paired by equal text only.
_PAIRING_BOUND = 40_000


@dataclass(frozen=True)
class Change:
    """A node of either version and what became of it. ``op``: ``equal`` (the same text here and
    in everything below, whatever the numbers), ``changed`` (paired, and its own text or something
    below differs), ``inserted`` (new only), ``deleted`` (old only)."""

    op: Op
    old: Node | None
    new: Node | None
    words: tuple[words.Piece, ...]  # its own text (a Pasal: its title), word by word
    children: tuple[Change, ...]

    @property
    def node(self) -> Node:
        """The new version's node, or the old one's when deleted."""
        node = self.new or self.old
        assert node is not None
        return node

    @property
    def kind(self) -> Kind:
        return self.node.kind

    @property
    def key(self) -> str:
        return self.node.key

    @property
    def renumbered(self) -> bool:
        """Paired, and numbered otherwise (Pasal 7 → Pasal 8, (2) → (3), b. → c.)."""
        return self.old is not None and self.new is not None and self.old.label != self.new.label

    @property
    def text_changed(self) -> bool:
        """Paired, and its own text differs (a Pasal: its title)."""
        return self.op == "changed" and any(p.op != "equal" for p in self.words)

    def changes(self) -> Iterator[Change]:
        """Every change below this one that is not ``equal``, in document order; a changed node
        comes before its children."""
        for child in self.children:
            if child.op != "equal":
                yield child
                if child.op == "changed":
                    yield from child.changes()


@dataclass(frozen=True)
class Comparison:
    old: Document
    new: Document
    front: tuple[Change, ...]  # title block (key "judul"), numbers ("nomor"), the opening's sections
    pasal: tuple[Change, ...]
    closing: tuple[Change, ...]
    signatures: Change  # one child per party, each with its lines "label", "position", "meterai", "name"

    def parts(self) -> tuple[Change, ...]:
        """Every part in document order, the signature block last."""
        return (*self.front, *self.pasal, *self.closing, self.signatures)

    @property
    def changed(self) -> bool:
        return any(p.op != "equal" for p in self.parts())


def compare(old: Document, new: Document) -> Comparison:
    a, b = tree(old), tree(new)
    return Comparison(old, new, _children(a.front, b.front), _children(a.pasal, b.pasal),
                      _children(a.closing, b.closing), diff(a.signatures, b.signatures))


def diff(old: Node | None, new: Node | None) -> Change:
    if old is None or new is None:
        node = old or new
        assert node is not None
        op: Op = "inserted" if new else "deleted"
        pieces = (words.Piece(op, words.inlines(node.tokens)),) if node.tokens else ()
        return Change(op, old, new, pieces, tuple(diff(None, c) if new else diff(c, None) for c in node.children))
    children = _children(old.children, new.children)
    pieces = words.diff(old.tokens, new.tokens)
    same = old.tokens == new.tokens and all(c.op == "equal" for c in children)
    return Change("equal" if same else "changed", old, new, pieces, children)


def _children(old: Sequence[Node], new: Sequence[Node]) -> tuple[Change, ...]:
    return tuple(diff(o, n) for o, n in align(old, new))


def neighbours(siblings: Sequence[Change], index: int) -> tuple[Node | None, Node | None]:
    """The old nodes nearest before and after ``siblings[index]``: where an inserted Pasal, ayat
    or item goes in the old numbering ("di antara Pasal 5 dan Pasal 6")."""
    before = next((c.old for c in reversed(siblings[:index]) if c.old is not None), None)
    after = next((c.old for c in siblings[index + 1:] if c.old is not None), None)
    return before, after


def align(old: Sequence[Node], new: Sequence[Node]) -> list[tuple[Node | None, Node | None]]:
    """Old and new nodes paired, in an order that keeps both sides' order; an unpaired old node
    comes before the new nodes inserted at its place."""
    anchors = _anchors(old, new)
    out: list[tuple[Node | None, Node | None]] = []
    i = j = 0
    for oi, nj in anchors + [(len(old), len(new))]:
        out += _by_text(old[i:oi], new[j:nj])
        if oi < len(old):
            out.append((old[oi], new[nj]))
        i, j = oi + 1, nj + 1
    return out


def _anchors(old: Sequence[Node], new: Sequence[Node]) -> list[tuple[int, int]]:
    """Index pairs of nodes whose key is on both sides once, as many as keep their order (the
    longest increasing run of new positions: a node moved elsewhere is left out)."""
    def once(nodes: Sequence[Node]) -> dict[str, int]:
        seen: dict[str, int] = {}
        twice = set()
        for k, n in enumerate(nodes):
            if n.key:
                (twice.add(n.key) if n.key in seen else seen.__setitem__(n.key, k))
        return {key: k for key, k in seen.items() if key not in twice}

    a, b = once(old), once(new)
    pairs = sorted((a[key], b[key]) for key in a.keys() & b.keys())
    return _increasing(pairs)


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence whose second members increase (patience sorting)."""
    tails: list[int] = []  # tails[k]: index in pairs of the last member of the best run of length k+1
    back: list[int] = [-1] * len(pairs)
    ends: list[int] = []  # ends[k]: the second member of that last member
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(ends, j)
        if pos == len(ends):
            ends.append(j)
            tails.append(k)
        else:
            ends[pos] = j
            tails[pos] = k
        back[k] = tails[pos - 1] if pos else -1
    run, k = [], tails[-1] if tails else -1
    while k >= 0:
        run.append(pairs[k])
        k = back[k]
    return run[::-1]


def _by_text(old: Sequence[Node], new: Sequence[Node]) -> list[tuple[Node | None, Node | None]]:
    """A stretch between anchors: equal texts paired first, then alike ones."""
    if not old or not new:
        return [(o, None) for o in old] + [(None, n) for n in new]
    out: list[tuple[Node | None, Node | None]] = []
    matcher = difflib.SequenceMatcher(None, [_signature(n) for n in old], [_signature(n) for n in new],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += zip(old[i1:i2], new[j1:j2])
        else:
            out += _alike(old[i1:i2], new[j1:j2])
    return out


def _signature(node: Node) -> tuple[str, str]:
    """What must be equal for two nodes to pair at once: key and whole text, below included."""
    return node.key, "\n".join(n.text for n in node.walk())


def _alike(old: Sequence[Node], new: Sequence[Node]) -> list[tuple[Node | None, Node | None]]:
    """Pairs of alike nodes, in order, with the greatest total likeness (a small dynamic
    programme over the stretch); nodes with two different keys never pair."""
    n, m = len(old), len(new)
    if n * m > _PAIRING_BOUND:
        return [(o, None) for o in old] + [(None, x) for x in new]
    sim = [[_likeness(o, x) for x in new] for o in old]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= SIMILAR else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    out: list[tuple[Node | None, Node | None]] = []
    i = j = 0
    pending_new: list[Node] = []
    while i < n and j < m:
        if sim[i][j] >= SIMILAR and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            out += [(None, x) for x in pending_new]
            pending_new = []
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((old[i], None))
            i += 1
        else:
            pending_new.append(new[j])
            j += 1
    out += [(o, None) for o in old[i:]]
    out += [(None, x) for x in pending_new + list(new[j:])]
    return out


def _likeness(old: Node, new: Node) -> float:
    if old.kind != new.kind or (old.key and new.key and old.key != new.key):
        return 0.0
    return words.similarity(_all_tokens(old), _all_tokens(new))


def _all_tokens(node: Node) -> tuple[words.Token, ...]:
    return tuple(t for n in node.walk() for t in n.tokens)
