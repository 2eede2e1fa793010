"""The numbered document as a tree to compare: parts, Pasal, ayat, list items, lines.

This is the one module that knows the shape of ``Document``: the title block (its title lines
and number lines), each section of the opening, each Pasal, each closing section and the
signature block become nodes, and every paragraph a node holding the very ``Block`` that
``layout`` makes of it (style, label, content), so that a redline is laid out exactly as the
naskah is.

A node's ``key`` is what pairs it with its counterpart in the other version: a Pasal's clause id,
a section's id, a paragraph's or item's anchor (``[#id]`` in the clause), a party's place, a
number line's place among the number lines, a signature line's role and place among the lines of
that role ("nama:0"). A node without a key is paired by its text. Labels — ``Pasal 7``, ``(2)``, ``b.`` — are
never part of what is compared: renumbering alone is no change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from ..document import Document, Item, ItemList, Section
from ..layout import PASAL, PASAL_TITLE, Block, blocks, signature_table, title_blocks
from .words import Token, text, tokens

Kind = Literal["part", "pasal", "paragraph", "item", "line", "signatory"]


@dataclass(frozen=True)
class Node:
    kind: Kind
    key: str  # "" = paired by text
    block: Block | None = None  # its own paragraph: a line, an ayat, a list item, a Pasal's title
    heading: Block | None = None  # a Pasal's "Pasal 7": its number, shown but not compared
    children: tuple[Node, ...] = field(default=())
    title: str = ""  # what a reader calls a part: "Pembukaan", "Pasal 7 JANGKA WAKTU", "Tanda Tangan"

    @property
    def label(self) -> str:
        """What numbers it: "Pasal 7", "(2)", "b."; empty for what is not numbered."""
        if self.heading is not None:
            return self.heading.text()
        return self.block.label if self.block is not None else ""

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Its own content (without label) as compared, formatting included."""
        return tokens(self.block.content) if self.block is not None else ()

    @property
    def text(self) -> str:
        return text(self.tokens)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Tree:
    front: tuple[Node, ...]  # the title block, the opening's sections
    pasal: tuple[Node, ...]
    closing: tuple[Node, ...]
    signatures: Node


# Names of the opening's sections as a reader knows them; others are named by their id.
_SECTION_TITLES = {"pembukaan": "Pembukaan", "konsiderans": "Konsiderans", "dasar_hukum": "Dasar Hukum",
                   "pengantar": "Pengantar"}


def tree(doc: Document) -> Tree:
    empty = replace(doc, title=[], front=[], pasal=[], closing=[])
    numbers = iter(range(len(doc.title)))
    title = tuple(Node("line", f"nomor:{next(numbers)}" if line.role == "nomor" else "", b)
                  for line, b in zip(doc.title, title_blocks(doc)))
    front = (Node("part", "judul", children=title, title="Judul"),
             *(_section(sec, list(blocks(replace(empty, front=[sec])))) for sec in doc.front))
    pasal = tuple(_pasal(sec, list(blocks(replace(empty, pasal=[sec])))) for sec in doc.pasal)
    closing = tuple(_section(sec, list(blocks(replace(empty, closing=[sec])))) for sec in doc.closing)
    parties = tuple(Node("signatory", str(i), children=tuple(
        Node("line", f"{row.role}:{k}", b) for row in signature_table([s]) for k, b in enumerate(row.cells[0])),
        title=s.label) for i, s in enumerate(doc.signatories))
    return Tree(front, pasal, closing, Node("part", "tanda_tangan", children=parties, title="Tanda Tangan"))


# An extra Pasal of the input without an id of its own is named by its place among the extra
# Pasal (assemble._extra_id): a name that moves when one before it is added or removed, so it
# pairs nothing; such a Pasal is paired by its text.
_PLACE_ID = re.compile(r"pasal_tambahan_\d+")


def _pasal(sec: Section, laid_out: list[Block]) -> Node:
    queue = iter(laid_out)
    node = _pasal_node(sec, queue)
    assert next(queue, None) is None, "every block of a Pasal belongs to a paragraph or an item"
    return node


def _pasal_node(sec: Section, queue: Iterator[Block]) -> Node:
    """A Pasal from its blocks: number, title (an adendum's Pasal I has none), paragraphs."""
    heading = next(queue)
    title = next(queue) if sec.title else None
    assert heading.style == PASAL and (title is None or title.style == PASAL_TITLE), \
        "a Pasal is laid out under its number and title"
    key = "" if _PLACE_ID.fullmatch(sec.id) else sec.id
    return Node("pasal", key, title, heading, _paragraphs(sec, queue), f"{heading.text()} {sec.title}".rstrip())


def _section(sec: Section, laid_out: list[Block]) -> Node:
    queue = iter(laid_out)
    node = Node("part", sec.id, children=_paragraphs(sec, queue),
                title=sec.title or _SECTION_TITLES.get(sec.id, sec.id.replace("_", " ").title()))
    assert next(queue, None) is None, "every block of a section belongs to a paragraph or an item"
    return node


def _paragraphs(sec: Section, queue: Iterator[Block]) -> tuple[Node, ...]:
    """The section's paragraphs and their lists as nodes, each with the block ``layout`` made of
    it: layout writes one block per paragraph and per item, in document order, each followed by
    the Pasal an amendment point quotes (an adendum's Pasal I), then its list."""
    def quoted(sections: tuple[Section, ...]) -> tuple[Node, ...]:
        return tuple(_pasal_node(q, queue) for q in sections)

    def items(lst: ItemList | None) -> tuple[Node, ...]:
        return tuple(_item(i) for i in lst.items) if lst else ()

    def _item(item: Item) -> Node:
        block = next(queue)
        return Node("item", item.id or "", block, children=quoted(item.quoted) + items(item.list))

    out = []
    for para in sec.paragraphs:
        block = next(queue)
        out.append(Node("paragraph", para.id or "", block, children=quoted(para.quoted) + items(para.list)))
    return tuple(out)
