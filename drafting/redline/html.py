"""A comparison as an HTML page: each part of the naskah — title, numbers, the opening's sections,
each Pasal, the signature block — with its status and its paragraphs, changed words marked
``<del>``/``<ins>``. Every piece of text is HTML-escaped here, the one place it becomes HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ..layout import LABELLED
from .changes import Change, Comparison
from .words import Piece

# A part's status as the page names it (and its CSS class).
STATUS = {"equal": "tetap", "changed": "berubah", "inserted": "baru", "deleted": "dihapus"}
_STATUS_WORDS = {"tetap": "tidak berubah", "berubah": "berubah", "baru": "bagian baru", "dihapus": "dihapus"}
_TAG = {"inserted": "ins", "deleted": "del"}


def redline_html(comparison: Comparison, *, title: str) -> str:
    parts = comparison.parts()
    sections = "\n".join(_section(p) for p in parts)
    changed = sum(p.op != "equal" for p in parts)
    return (
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:sans-serif;max-width:60em;margin:auto}p{margin:.3em 0;white-space:pre-wrap}"
        + "".join(f".{LABELLED}{n}{{margin-left:{2 * n}em;text-indent:-2em}}" for n in range(1, 6)) +
        "del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}"
        ".tetap{color:#666}</style></head><body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>{changed} dari {len(parts)} bagian berubah.</p>\n"
        f"{sections}\n</body></html>\n")


def _section(part: Change) -> str:
    status = STATUS[part.op]
    heading = part.node.title
    if part.old and part.new and part.old.title != part.new.title:
        heading = f"{part.new.title} (semula {part.old.title})"
    body = "\n".join(_paragraphs(part))
    return (f'<section class="{status}"><h2>{html.escape(heading)} <small>({_STATUS_WORDS[status]})</small></h2>'
            f"\n{body}</section>")


def _paragraphs(change: Change) -> Iterator[str]:
    for child in change.children:
        block = child.node.block
        if block is not None:
            yield f'<p class="{block.style}">{_label(child)}{_words(child.words)}</p>'
        yield from _paragraphs(child)


def _label(change: Change) -> str:
    old = change.old.label if change.old else ""
    new = change.new.label if change.new else ""
    if old == new:
        return f"{html.escape(new)} " if new else ""
    marked = "".join(f"<{tag}>{html.escape(label)}</{tag}>" for tag, label in (("del", old), ("ins", new)) if label)
    return f"{marked} "


def _words(pieces: tuple[Piece, ...]) -> str:
    out = []
    for p in pieces:
        text = html.escape(p.text)
        out.append(text if p.op == "equal" else f"<{_TAG[p.op]}>{text}</{_TAG[p.op]}>")
    return "".join(out)
