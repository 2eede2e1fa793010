"""The word-level difference of two paragraphs' contents, formatting kept.

A paragraph's content (runs with bold/italic, line breaks, tabs) is cut into tokens — words,
punctuation marks, runs of white space — each carrying its run's formatting. The two token
sequences are matched (difflib), and the result given back as pieces of content: equal, deleted
(from the old side, as it was formatted there) and inserted (from the new side). A word whose
formatting changed is deleted and inserted again.

Matching on single spaces and brackets between two changed words makes a diff hard to read
("SILMY"→"JOKO", " ", "KARIM"→"WIDODO"); such a short equal stretch between two changes is folded
into the change, as Word's own comparison does.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..document import Break, Inline, Run, Tab

# A word — letters and digits, with the dots, slashes, hyphens and colons inside a number or a
# name kept in it (PER/188/062023, 10.000, X-6, 19-06-2023) — one punctuation mark, white space.
_TOKEN = re.compile(r"\w+(?:[./\-:]\w+)*|[^\w\s]|\s+")
_BREAK, _TAB = "\x00br", "\x00tab"  # tokens of a line break and a tab, never equal to text


@dataclass(frozen=True)
class Token:
    text: str  # a word, punctuation, white space, or _BREAK / _TAB
    bold: bool = False
    italic: bool = False

    @property
    def word(self) -> bool:
        return self.text not in (_BREAK, _TAB) and not self.text.isspace() and bool(re.match(r"\w", self.text))


def tokens(content: Iterable[Inline]) -> tuple[Token, ...]:
    out: list[Token] = []
    for node in content:
        if isinstance(node, Break):
            out.append(Token(_BREAK))
        elif isinstance(node, Tab):
            out.append(Token(_TAB))
        elif isinstance(node, Run):
            out += [Token(t, node.bold, node.italic) for t in _TOKEN.findall(node.text)]
    return tuple(out)


def inlines(toks: Sequence[Token]) -> tuple[Inline, ...]:
    """Tokens back to content: neighbouring words of one formatting in one run."""
    out: list[Inline] = []
    for t in toks:
        if t.text == _BREAK:
            out.append(Break())
        elif t.text == _TAB:
            out.append(Tab())
        elif out and isinstance(out[-1], Run) and (out[-1].bold, out[-1].italic) == (t.bold, t.italic):
            out[-1] = Run(out[-1].text + t.text, t.bold, t.italic)
        else:
            out.append(Run(t.text, t.bold, t.italic))
    return tuple(out)


def text(toks: Sequence[Token]) -> str:
    return "".join("\n" if t.text == _BREAK else "\t" if t.text == _TAB else t.text for t in toks)


Op = Literal["equal", "inserted", "deleted"]


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph: unchanged, deleted from the old text, or inserted in the new."""

    op: Op
    content: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return text(tokens(self.content))


def diff(old: Sequence[Token], new: Sequence[Token]) -> tuple[Piece, ...]:
    """The pieces that turn ``old`` into ``new``: the equal ones and the inserted ones read the new
    text, the equal ones and the deleted ones the old."""
    if old == new:
        return (Piece("equal", inlines(new)),) if new else ()
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    # (old stretch, new stretch, equal?) and fold short equal stretches between changes
    spans: list[tuple[list[Token], list[Token], bool]] = [
        (list(old[i1:i2]), list(new[j1:j2]), op == "equal") for op, i1, i2, j1, j2 in ops]
    merged: list[tuple[list[Token], list[Token], bool]] = []
    for k, (a, b, equal) in enumerate(spans):
        inner = 0 < k < len(spans) - 1
        if equal and inner and _slight(a):
            equal = False
        if merged and not equal and not merged[-1][2]:
            merged[-1][0].extend(a)
            merged[-1][1].extend(b)
        else:
            merged.append((a, b, equal))
    out: list[Piece] = []
    for a, b, equal in merged:
        if equal:
            out.append(Piece("equal", inlines(b)))
            continue
        if a:
            out.append(Piece("deleted", inlines(a)))
        if b:
            out.append(Piece("inserted", inlines(b)))
    return tuple(out)


def _slight(toks: Sequence[Token]) -> bool:
    """An equal stretch too slight to stand between two changes: no word, at most two tokens."""
    return len(toks) <= 2 and not any(t.word for t in toks)


def similarity(old: Sequence[Token], new: Sequence[Token]) -> float:
    """How alike two paragraphs are, by their words (0 to 1): what pairs a paragraph with its
    changed version when no anchor does."""
    a = [t.text for t in old if not t.text.isspace()]
    b = [t.text for t in new if not t.text.isspace()]
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() > 0 and matcher.quick_ratio() > 0 else 0.0
