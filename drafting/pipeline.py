"""The pipeline, stage by stage: load → validate → assemble → number → render → write.

This module only calls the stages in order; each stage lives in its own module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import library
from .assemble import assemble
from .document import Document
from .load import load_agreement
from .model import Agreement
from .numbering import number
from .output import write_atomic
from .render.docx import render_docx
from .render.pandoc import render_html, render_markdown

FORMATS: dict[str, str] = {"docx": ".docx", "md": ".md", "html": ".html"}


def build(agreement: Agreement, *, source: str = "<input>") -> Document:
    """The numbered document: what every output format is rendered from."""
    return number(assemble(agreement, source=source), list_levels=agreement.style.list_levels)


def render(doc: Document, fmt: str) -> bytes:
    renderers: dict[str, Callable[[Document], bytes]] = {
        "docx": lambda d: render_docx(d, library.template(d.kind).docx_path()),
        "md": render_markdown,
        "html": render_html,
    }
    return renderers[fmt](doc)


def render_file(source: Path, output: Path | None = None, fmt: str = "docx") -> Path:
    agreement = load_agreement(source)
    data = render(build(agreement, source=str(source)), fmt)
    target = output or source.with_suffix(FORMATS[fmt])
    write_atomic(target, data)
    return target
