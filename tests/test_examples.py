"""Every example renders, and its DOCX text is the reviewed snapshot in __snapshots__/."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.load import load_agreement
from drafting.pipeline import build, render

from .docx_text import docx_text

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_docx_text(example: Path, snapshot) -> None:
    doc = build(load_agreement(example), source=str(example))
    assert docx_text(render(doc, "docx")) == snapshot


def test_examples_are_the_three_of_the_issue() -> None:
    assert [p.stem for p in EXAMPLES] == [
        "nk_kementerian_pemprov", "pks_bpjs_ketenagakerjaan_imigrasi", "pks_kanim_pemkab"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_format_carries_the_same_pasal(example: Path) -> None:
    doc = build(load_agreement(example), source=str(example))
    headings = [f"Pasal {s.number}" for s in doc.pasal]
    docx = docx_text(render(doc, "docx"))
    md = render(doc, "md").decode()
    html = render(doc, "html").decode()
    for heading, sec in zip(headings, doc.pasal):
        assert f"[Pasal Nomor] {heading}\n[Pasal Judul] {sec.title}\n" in docx
        assert heading in md and sec.title in md
        assert f">{heading}<" in html.replace("<strong>", "").replace("</strong>", "")
    # the title block is printed once, from the document (pandoc adds none), and names the page
    assert 'id="title-block-header"' not in html
    assert html.count(f">{doc.title_lines[-1]}<") == 1
    assert f"<title>{' '.join(doc.title_lines)}</title>" in html
