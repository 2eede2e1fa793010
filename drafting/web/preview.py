"""The live preview: the numbered document's laid-out blocks through pandoc, as ``--format html``
renders them, but as a bare page for the preview frame (no repeated title block, no pandoc page
styles), so that it reads word for word like the DOCX made from the same blocks; and the findings
of ``drafting check`` on the same draft, each linked to its Pasal or to its field."""

from __future__ import annotations

import json
import re
from typing import Any

import pypandoc

from .. import pipeline
from ..checks import Finding, run_checks
from ..document import Document
from ..model import Agreement
from ..render.pandoc import CSS, pandoc_ast

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
    body = pypandoc.convert_text(json.dumps(pandoc_ast(doc), ensure_ascii=False), "html5", format="json",
                                 extra_args=["--wrap=none"])
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><style>{CSS}</style></head>'
            f"<body>{body}</body></html>")


def _finding(f: Finding, anchors: dict[str, str]) -> dict[str, Any]:
    # A finding placed in "Pasal 7 ayat (2)" links to the heading whose id is the clause id
    # (layout.Block.anchor); one placed at a field path ("renewal.biro_recommendation") to that field.
    pasal = _PASAL.match(f.place)
    return {"text": f.describe(), "severity": f.severity, "place": f.place,
            "anchor": anchors.get(pasal.group(1)) if pasal else None}
