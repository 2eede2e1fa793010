"""The live preview: the numbered document's laid-out blocks through pandoc, as ``--format html``
renders them, but as a bare page for the preview frame (no repeated title block, no pandoc page
styles), so that it reads word for word like the DOCX made from the same blocks; and the findings
of ``drafting check`` on the same draft, each linked to its Pasal or to its field."""

from __future__ import annotations

import html
import json
import re
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import partial
from typing import Any

import pypandoc

from .. import page, pipeline
from ..checks import Finding, run_checks
from ..document import Document
from ..model import Agreement
from ..layout import BUTIR_LEVELS, blocks
from ..render.pandoc import API_VERSION, CSS, block_ast, pandoc_ast, signatures_ast

_PASAL = re.compile(r"Pasal (\d+)")


def preview(agreement: Agreement, source: str) -> dict[str, Any]:
    """``html`` is None when the document cannot be assembled (a cross-reference that does not
    resolve): the findings say why."""
    analysis = pipeline.analyse_draft(agreement, source=source)
    doc = analysis.doc
    anchors = {str(sec.number): sec.id for sec in doc.pasal} if doc else {}
    return {"html": preview_page(doc) if doc else None,
            "findings": [_finding(f, anchors) for f in run_checks(agreement, analysis)]}


def preview_page(doc: Document) -> str:
    """The page the form lays out as paper pages (app.js ``paginate``): the paper's geometry, the
    party labels of the paraf box, and where the signature page begins, ride on the body."""
    geometry = json.dumps(page.geometry(doc.page.paper))
    paraf = "\n".join(doc.paraf_labels) if doc.page.paraf else ""
    closing = doc.pasal[-1].id if doc.pasal else ""
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><style>{CSS}{PAGE_CSS}</style></head>'
            f'<body data-geometry="{html.escape(geometry)}" data-paraf="{html.escape(paraf)}" '
            f'data-closing="{html.escape(closing)}">{body_html(doc)}</body></html>')


# The house style of templates/naskah.docx (tools/build_naskah_docx.py) in CSS, for the paged
# preview: the font and size, paragraph spacing added (not collapsed) as in Word, list indents of
# one centimetre a level. The line height (1.15 of the font's own) is set by app.js, which measures it.
PAGE_CSS = f"""
body {{ font-family: '{page.FONT}', 'URW Bookman', 'TeX Gyre Bonum', serif; font-size: {page.SIZE_HALF_POINTS / 2}pt;
       max-width: none; margin: 0; }}
h1, h2, p {{ font-size: inherit; margin: 0; }}
.Judul {{ text-transform: uppercase; }}
.Nomor {{ padding-top: 6pt; }}
.Isi {{ padding: 6pt 0 3pt; }}
.PasalNomor {{ margin: 0; padding-top: 12pt; }}
.PasalJudul {{ padding-bottom: 6pt; text-transform: uppercase; }}
[class^="Butir"] {{ display: block; margin: 0; padding-bottom: 3pt; }}
[class^="Butir"] > p {{ padding-left: 1cm; text-indent: -1cm; }}
[class^="Butir"].cont > p {{ text-indent: 0; }}
.label {{ display: inline-block; width: 1cm; text-indent: 0; }}
.split > p {{ text-align-last: justify; }}
.ttd-table {{ margin-top: 18pt; border-collapse: collapse; }}
.ttd-table td {{ padding: 0 0.2cm; }}
""" + "".join(f".Butir{n} {{ padding-left: {n - 1}cm; }}\n" for n in range(1, BUTIR_LEVELS + 1))


# Pandoc's HTML of each laid-out block (the blocks are frozen, so they are their own keys; the
# signature table is keyed by its AST). A keystroke changes a few blocks of a few hundred, and a
# pandoc run costs as much CPU as all the rest of a preview together: only the blocks not seen
# before are converted, all in one run, cut apart at markers that no input can produce (pandoc
# escapes every "<" of the text). Pandoc writes a list of blocks as each block's HTML joined by a
# line break, so the page is the same as converting all of it at once (tested).
_SPLIT = "<!--drafting:block-->"
_MAX_CACHED = 20_000  # blocks: a few MB, the previews of dozens of different drafts
_cache: OrderedDict[Hashable, str] = OrderedDict()
_lock = threading.Lock()


def body_html(doc: Document) -> str:
    entries: list[tuple[Hashable, Callable[[], dict[str, Any]]]]
    if doc.translation is None:
        signatures = signatures_ast(doc.signatories)
        entries = [(b, partial(block_ast, b)) for b in blocks(doc)]
        entries.append((json.dumps(signatures, ensure_ascii=False), lambda: signatures))
    else:  # a bilingual naskah: both texts, as --format html lays them out, each part by its AST
        entries = [(json.dumps(ast, ensure_ascii=False), partial(lambda a: a, ast))
                   for ast in pandoc_ast(doc)["blocks"]]
    keys = [key for key, _ in entries]  # a block may come twice ("a) nama;" in two lists)
    asts = dict(entries)
    with _lock:
        missing = [key for key in asts if key not in _cache]
    if missing:
        marked: list[Any] = []
        for key in missing:
            marked += [asts[key](), {"t": "RawBlock", "c": ["html", _SPLIT]}]
        pieces = _pandoc_html(marked[:-1]).split(f"\n{_SPLIT}\n")
        if len(pieces) != len(missing):  # cannot happen (see above); if it did, no cache for this one
            return _pandoc_html([ast() for _, ast in entries])
        with _lock:
            _cache.update(zip(missing, (piece.rstrip("\n") for piece in pieces)))
    with _lock:
        parts = [_cache[key] for key in keys]
        for key in asts:
            _cache.move_to_end(key)
        while len(_cache) > _MAX_CACHED:
            _cache.popitem(last=False)
    return "\n".join(parts) + "\n"


def _pandoc_html(blocks_: list[dict[str, Any]]) -> str:
    # pypandoc-binary's pandoc, run directly: pypandoc's own wrapper costs a second process per call.
    ast = {"pandoc-api-version": API_VERSION, "meta": {}, "blocks": blocks_}
    done = subprocess.run([pypandoc.get_pandoc_path(), "--from=json", "--to=html5", "--wrap=none"],
                          input=json.dumps(ast, ensure_ascii=False).encode(), capture_output=True, check=True,
                          timeout=60)
    return done.stdout.decode()


def _finding(f: Finding, anchors: dict[str, str]) -> dict[str, Any]:
    # A finding placed in "Pasal 7 ayat (2)" links to the heading whose id is the clause id
    # (layout.Block.anchor); one placed at a field path ("renewal.biro_recommendation") to that field.
    pasal = _PASAL.match(f.place)
    return {"text": f.describe(), "severity": f.severity, "place": f.place,
            "anchor": anchors.get(pasal.group(1)) if pasal else None}
