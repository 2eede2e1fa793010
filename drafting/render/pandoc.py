"""Markdown and HTML through pandoc (pypandoc-binary: no system pandoc needed).

The laid-out blocks are handed to pandoc as its own JSON AST, not as Markdown text: pandoc's
writers then do all the escaping (``*``, ``_``, ``<``, ``|``, ``&``) for each format, and the words
are exactly those of the DOCX because they come from the same blocks.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pypandoc

from ..document import Break, Document, Inline, Run, Signatory, Tab
from ..layout import (BUTIR_LEVELS, LABELLED, NUMBER, PASAL, PASAL_TITLE, TITLE, Block, bilingual_signatories, blocks,
                      column_rows, signature_rows, signature_table, title_blocks)

API_VERSION = [1, 23, 1, 1]  # pandoc-types of pandoc 3.x (pypandoc-binary)
_WORDS = re.compile(r"(\s+)")

CSS = """
body { font-family: 'Bookman Old Style', 'URW Bookman', 'TeX Gyre Bonum', serif; max-width: 42em;
       margin: 2em auto; line-height: 1.4; text-align: justify; }
.Judul, .Nomor, .PasalNomor, .PasalJudul, .ttd { text-align: center; font-weight: bold; margin: 0; }
.PasalNomor { margin-top: 1.2em; }
[class^="Butir"] { margin: 0.2em 0; display: flex; }
.label { flex: 0 0 2em; }
.ttd-table { width: 100%; margin-top: 2em; text-align: center; }
.ttd-table td { vertical-align: top; padding: 0.3em 1em; }
.naskah-dwibahasa { width: 100%; border-collapse: collapse; }
.naskah-dwibahasa td { vertical-align: top; width: 50%; padding: 0 0.8em; }
.naskah-dwibahasa .Judul { font-size: 1.3em; } /* half a page wide: its longest word still fits */
""" + "".join(f".{LABELLED}{n} {{ padding-left: {2 * (n - 1)}em; }}\n" for n in range(1, BUTIR_LEVELS + 1))


def _inlines(content: tuple[Inline, ...] | list[Inline]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in content:
        if isinstance(node, Break):
            out.append({"t": "LineBreak"})
        elif isinstance(node, Tab):
            out.append({"t": "Space"})
        elif isinstance(node, Run):
            words: list[dict[str, Any]] = []
            for piece in _WORDS.split(node.text):
                if piece:
                    words.append({"t": "Space"} if piece.isspace() else {"t": "Str", "c": piece})
            if node.italic:
                words = [{"t": "Emph", "c": words}]
            if node.bold:
                words = [{"t": "Strong", "c": words}]
            out += words
    return out


def _div(cls: str, blocks_: list[dict[str, Any]]) -> dict[str, Any]:
    return {"t": "Div", "c": [["", [cls], []], blocks_]}


def block_ast(b: Block, *, flat: bool = False) -> dict[str, Any]:
    """One laid-out block as pandoc's AST (the web preview converts blocks one by one). ``flat``
    (Markdown): the title block's lines are bold paragraphs, not a heading each; the Pasal stay
    headings, the outline of the naskah."""
    if b.style in (PASAL, PASAL_TITLE, TITLE, NUMBER) and not (flat and b.style == TITLE):
        level = {TITLE: 1, NUMBER: 1, PASAL: 2, PASAL_TITLE: 2}[b.style]
        ident = b.anchor if b.style == PASAL else ""
        if b.style in (PASAL, TITLE):
            return {"t": "Header", "c": [level, [ident, [b.style], []], _inlines(b.content)]}
        return _div(b.style, [{"t": "Para", "c": _inlines(b.content)}])
    if b.style.startswith(LABELLED):
        label = [{"t": "Span", "c": [["", ["label"], []], [{"t": "Str", "c": b.label}]]}, {"t": "Space"}]
        return _div(b.style, [{"t": "Para", "c": label + _inlines(b.content)}])
    return _div(b.style, [{"t": "Para", "c": _inlines(b.content)}])


def _table(cls: str, rows: list[list[list[Any]]], widths: list[dict[str, Any]], align: str) -> dict[str, Any]:
    return {"t": "Table", "c": [
        ["", [cls], []], [None, []],
        [[{"t": align}, w] for w in widths],
        [["", [], []], []],
        [[["", [], []], 0, [], [[["", [], []], r] for r in rows]]],
        [["", [], []], []],
    ]}


def _cell(content: list[dict[str, Any]], align: str = "AlignCenter") -> list[Any]:
    return [["", [], []], {"t": align}, 1, 1, content]


def signatures_ast(signatories: list[Signatory]) -> dict[str, Any]:
    """The signature block as a table, parties placed as in the DOCX (layout.signature_rows)."""
    groups = signature_rows(signatories)
    width = len(groups[0])
    rows = []
    for group in groups:
        pad = [_cell([])] * (width - len(group))
        # One table row per line: a cell of Markdown holds no line break, and names stay level.
        for row in signature_table(group):
            for k in range(max(1, *(len(c) for c in row.cells))):
                rows.append([_cell([{"t": "Plain", "c": _inlines(c[k].content)}] if k < len(c) else [])
                             for c in row.cells] + pad)
    return _table("ttd-table", rows, [{"t": "ColWidthDefault"}] * width, "AlignCenter")


def _columns(doc: Document, flat: bool) -> list[dict[str, Any]]:
    """A bilingual naskah side by side: one table of two columns, a row per paragraph as in the
    DOCX (layout.column_rows), then the signatures with both languages' lines. ``flat``: for
    Markdown, a block a row and each cell one line of text (label and words)."""
    body, closing = column_rows(doc)
    rows = []
    for row in body + closing:
        if flat:
            ours, theirs = row.cells
            for k in range(max(len(ours), len(theirs))):
                rows.append([_cell([_plain(c[k])] if k < len(c) else [], "AlignDefault") for c in (ours, theirs)])
        else:
            rows.append([_cell([block_ast(b) for b in c], "AlignDefault") for c in row.cells])
    widths = [{"t": "ColWidth", "c": 0.5}] * 2
    return [_table("naskah-dwibahasa", rows, widths, "AlignDefault"),
            signatures_ast(bilingual_signatories(doc))]


def _plain(b: Block) -> dict[str, Any]:
    label = [{"t": "Str", "c": b.label}, {"t": "Space"}] if b.label else []
    return {"t": "Plain", "c": label + _inlines(b.content)}


def pandoc_ast(doc: Document, *, flat: bool = False) -> dict[str, Any]:
    """The naskah as pandoc's AST; ``flat`` for Markdown (tables of one line a cell)."""
    title = " ".join(b.text() for b in title_blocks(doc) if b.style == TITLE)
    english = doc.translation
    if english is None:
        content = [block_ast(b, flat=flat) for b in blocks(doc)] + [signatures_ast(doc.signatories)]
    elif doc.layout == "columns":
        content = _columns(doc, flat)
    else:  # the Indonesian text, then the English text, each with its signatures
        content = ([block_ast(b, flat=flat) for b in blocks(doc)]
                   + [signatures_ast(doc.signatories), {"t": "HorizontalRule"}]
                   + [block_ast(b, flat=flat) for b in blocks(english)] + [signatures_ast(english.signatories)])
    return {
        "pandoc-api-version": API_VERSION,
        # pagetitle, not title: the title block is already in the body, pandoc would print it twice
        "meta": {"pagetitle": {"t": "MetaInlines", "c": _inlines([Run(title)])}},
        "blocks": content,
    }


def render_markdown(doc: Document) -> bytes:
    ast = json.dumps(pandoc_ast(doc, flat=True), ensure_ascii=False)
    # Without raw HTML the divs and spans dissolve into plain paragraphs: readable Markdown.
    return pypandoc.convert_text(ast, "gfm-raw_html", format="json", extra_args=["--wrap=none"]).encode()


def render_html(doc: Document) -> bytes:
    ast = json.dumps(pandoc_ast(doc), ensure_ascii=False)
    header = f"<style>{CSS}</style>"
    return pypandoc.convert_text(
        ast, "html5", format="json",
        extra_args=["--standalone", "--wrap=none", "--metadata=lang:id", f"--variable=header-includes:{header}"],
    ).encode()
