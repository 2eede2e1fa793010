"""Every example renders, and its DOCX text is the reviewed snapshot in __snapshots__/."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from drafting.load import load_agreement
from drafting.pipeline import build, render
from drafting.registry.db import open_registry
from drafting.registry.models import Agreement as Entry
from drafting.registry.importer import import_file

from .docx_text import docx_text

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_docx_text(example: Path, snapshot) -> None:
    doc = build(load_agreement(example), source=str(example))
    assert docx_text(render(doc, "docx")) == snapshot


def test_examples_are_those_the_readme_lists() -> None:
    assert [p.stem for p in EXAMPLES] == [
        "nk_kementerian_pemprov", "pks_bpjs_ketenagakerjaan_imigrasi", "pks_kanim_pemkab", "pks_kanim_universitas"]


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
    title = [line.text() for line in doc.title if not line.role]  # without the NOMOR lines
    assert html.count(f">{title[-1]}<") == 1
    assert f"<title>{' '.join(title)}</title>" in html


def test_example_register_imports_cleanly_with_the_three_inputs(tmp_path: Path) -> None:
    sessions = open_registry(tmp_path / "r.db")
    result = import_file(sessions, EXAMPLES[0].parent / "registri.csv")
    assert result.problems == [] and len(result.added) == 5
    with sessions() as s:
        with_input = s.scalars(select(Entry).where(Entry.input_json.is_not(None)).order_by(Entry.id)).all()
        assert [e.tentang for e in with_input] == [load_agreement(p).tentang for p in
                                                   (EXAMPLES[1], EXAMPLES[0], EXAMPLES[2])]
