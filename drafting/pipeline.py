"""The pipeline, stage by stage: load → validate → assemble → number → emphasise → check → render → write.

This module only calls the stages in order; each stage lives in its own module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble, library_for
from .checks import Finding, Report, check, errors, run_checks
from .checks.analysis import Analysis, analyse, draft_paragraphs
from .checks.lines import with_lines
from .document import Document
from .errors import CrossReferenceError, DraftingError
from .formats import FORMATS
from .load import load_agreement
from .model import Agreement
from .numbering import number
from .output import write_atomic
from .typography import emphasise

INPUT_SUFFIXES = (".yaml", ".yml", ".json")  # a draft's input; anything else is an existing naskah


def build(agreement: Agreement, *, source: str = "<input>", libraries: tuple[Path, ...] = ()) -> Document:
    """The numbered document: what every output format is rendered from. It is written from the
    shipped library, the input's own (``library``) and ``libraries`` (``--library``)."""
    lib = library_for(agreement, source=source, extra=libraries)
    numbered = number(assemble(agreement, source=source, lib=lib), list_levels=agreement.style.list_levels)
    return emphasise(numbered)


def render(doc: Document, fmt: str) -> bytes:
    # imported here: ``check`` of an input needs none of them, and docxtpl and pandoc are slow to load
    from .render.docx import render_docx
    from .render.pandoc import render_html, render_markdown
    from .render.pdf import render_pdf

    renderers: dict[str, Callable[[Document], bytes]] = {
        "docx": lambda d: render_docx(d, d.page.template),
        "md": render_markdown,
        "html": render_html,
        "pdf": lambda d: render_pdf(d, d.page.template),
    }
    return renderers[fmt](doc)


def analyse_draft(agreement: Agreement, *, source: str = "<input>", libraries: tuple[Path, ...] = ()) -> Analysis:
    """The checks' facts about a draft. A cross-reference that does not resolve becomes a finding
    of the check, not a failure: every other rule still runs."""
    try:
        doc = build(agreement, source=source, libraries=libraries)
    except CrossReferenceError as exc:
        return analyse([], agreement=agreement, reference_error=str(exc))
    translation = draft_paragraphs(doc.translation) if doc.translation else None
    return analyse(draft_paragraphs(doc), agreement=agreement, doc=doc, translation=translation)


def check_file(source: Path, *, libraries: tuple[Path, ...] = ()) -> Report:
    """``drafting check``: an input (YAML/JSON) is checked as a draft, with its assembled document;
    a PDF, DOCX, Markdown or text file as an existing naskah, on its text alone."""
    if source.suffix.lower() in INPUT_SUFFIXES:
        agreement = load_agreement(source)
        report = check(agreement, analyse_draft(agreement, source=str(source), libraries=libraries))
        report.findings = with_lines(report.findings, source)
        return report
    from .read import read_naskah  # pdfplumber and python-docx: only for an existing naskah
    from .read.bilingual import split

    # a bilingual naskah: the Indonesian text is analysed, the English one compared with it
    original, translation = split(read_naskah(source), lambda p: p.full)
    return check(None, analyse(original, translation=[p.full for p in translation] if translation else None))


@dataclass(frozen=True)
class Rendered:
    target: Path | None  # None: not written, the checks found errors
    findings: list[Finding]


def render_file(source: Path, output: Path | None = None, fmt: str = "docx", *, force: bool = False,
                libraries: tuple[Path, ...] = (),
                write: Callable[[Path, bytes], None] = write_atomic) -> Rendered:
    """Check, then render and ``write``; a draft with errors is written only when ``force`` is set."""
    agreement = load_agreement(source)
    analysis = analyse_draft(agreement, source=str(source), libraries=libraries)
    findings = with_lines(run_checks(agreement, analysis), source)
    if errors(findings) and not force:
        return Rendered(None, findings)
    if analysis.doc is None:
        raise DraftingError(f"{source}: naskah tidak dapat disusun: {analysis.reference_error}")
    target = output or source.with_suffix(FORMATS[fmt])
    write(target, render(analysis.doc, fmt))
    return Rendered(target, findings)
