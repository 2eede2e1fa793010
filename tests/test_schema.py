"""The input's JSON Schema, as editors show it to drafters: ``schema/agreement.schema.json`` is
what ``drafting schema`` prints."""

from __future__ import annotations

import json
import subprocess
import sys

from drafting.model import Agreement
from drafting.schema import ENGLISH_OF, PARTS, title
from drafting.starter import SCHEMA_FILE

from .conftest import ROOT


def test_the_shipped_schema_is_current() -> None:
    """Regenerate with: drafting schema > schema/agreement.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == Agreement.model_json_schema()


def test_drafting_schema_prints_it() -> None:
    result = subprocess.run([sys.executable, "-c", "from drafting.cli import main; main()", "schema"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def parts(schema: dict) -> dict[str, dict]:
    return {"Agreement": schema, **schema["$defs"]}


def undescribed(schema: dict) -> list[str]:
    return [f"{part}.{name}" for part, d in parts(schema).items() for name, prop in d.get("properties", {}).items()
            if not prop.get("description")]


def test_every_field_is_titled_and_described_in_indonesian() -> None:
    """Editors show a field's title and description to the drafter: both, for every field, and the
    title the Indonesian one of schema.TITLES, not the English pydantic makes of its name."""
    schema = Agreement.model_json_schema()
    assert undescribed(schema) == []
    untitled = [f"{part}.{name}" for part, d in parts(schema).items() for name, prop in d.get("properties", {}).items()
                if prop.get("title") not in {title(part.removeprefix("English") or "Agreement", name),
                                             f"{title(ENGLISH_OF.get(part, part.removeprefix('English')), name)} (bahasa Inggris)"}]
    assert untitled == []
    assert all(d["title"] in PARTS.values() or d["title"].endswith("(bahasa Inggris)") for d in parts(schema).values())


def test_the_schema_names_its_dialect_and_shows_formats_by_example() -> None:
    schema = Agreement.model_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    term = schema["$defs"]["Term"]["properties"]
    assert "TTTT-BB-HH" in term["end"]["description"] and term["years"]["examples"] == [5]
    assert '"examples": ["2025-07-01"]' in json.dumps(schema)


def test_a_field_without_a_description_fails_here() -> None:
    """The check above is not vacuous: a model with an undescribed field is found."""
    from pydantic import BaseModel

    class Bare(BaseModel):
        nama: str

    assert undescribed({**Bare.model_json_schema(), "$defs": {}}) == ["Agreement.nama"]
