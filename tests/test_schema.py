"""The input's JSON Schema, as editors show it to drafters: ``schema/agreement.schema.json`` is
what ``drafting schema`` prints."""

from __future__ import annotations

import json
import subprocess
import sys

from drafting.model import Agreement
from drafting.starter import SCHEMA_FILE

from .conftest import ROOT


def test_the_shipped_schema_is_current() -> None:
    """Regenerate with: drafting schema > schema/agreement.schema.json"""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == Agreement.model_json_schema()


def test_drafting_schema_prints_it() -> None:
    result = subprocess.run([sys.executable, "-c", "from drafting.cli import main; main()", "schema"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
