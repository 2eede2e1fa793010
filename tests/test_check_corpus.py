"""``drafting check`` on the corpus (tests/corpus, scored by bench/check_score.py): no false error
anywhere, and exactly the findings each entry's manifest expects — its known misses missed, its
known false alarms (none at present) reported — so that a rule that gains or loses a finding on a
real form shows here, to be looked at and written into the manifest. The three examples are
entries, as inputs and as their DOCX, PDF, Markdown and pdftotext renderings read back."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("check_score", ROOT / "bench" / "check_score.py")
assert _spec and _spec.loader
check_score = importlib.util.module_from_spec(_spec)
sys.modules["check_score"] = check_score  # its dataclasses look their module up
_spec.loader.exec_module(check_score)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], Any]:
    return check_score.score_corpus(tmp_path_factory.mktemp("corpus"))


def test_the_corpus_is_large_and_varied(scored) -> None:
    results, _ = scored
    entries = {r.naskah.entry for r in results}
    assert len(entries) >= 40
    forms = Counter(r.naskah.path.suffix for r in results)
    assert {".pdf", ".docx", ".md", ".txt", ".yaml"} <= set(forms)
    for prefix in ("own_", "form_", "input_", "planted_", "format_"):
        assert any(e.startswith(prefix) for e in entries), prefix


def test_errors_have_precision_one(scored) -> None:
    _, score = scored
    assert score.fp["~error"] == 0 and score.tp["~error"] >= 20


def test_each_naskah_gives_exactly_what_its_manifest_says(scored) -> None:
    results, _ = scored
    wrong = []
    for result in results:
        assert result.refused == result.naskah.unreadable, result.naskah.name
        _, fp, fn = check_score.match(result)
        if Counter(fp) != Counter(result.naskah.false_alarms) or Counter(fn) != Counter(result.naskah.missed):
            wrong.append(f"{result.naskah.name}: unexpected {fp}, not found {fn}")
    assert wrong == []


def test_each_naskah_is_taken_for_what_it_is(scored) -> None:
    results, _ = scored
    for result in results:
        expected = result.naskah.scope
        assert {k: result.scope.get(k) for k in expected} == expected, result.naskah.name


def test_the_examples_and_their_renderings_have_no_errors(scored) -> None:
    results, _ = scored
    own = [r for r in results if r.naskah.entry.startswith("own_")]
    assert {r.naskah.form for r in own} == {"input", "md", "docx", "pdf", "pdftotext"}
    # the three domestic examples in five forms; the MSP in four (either layout; not its pdftotext text)
    assert len(own) == 3 * 5 + 4 + 4 and not [f for r in own for f in r.found if f[1] == "error"]
