"""Shared fixtures: the BPJS example (seed 003) as a path, as text and as a fresh dict."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BPJS = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"


@cache
def _bpjs_data() -> dict[str, Any]:
    return yaml.safe_load(BPJS.read_text(encoding="utf-8"))


@pytest.fixture
def bpjs_path() -> Path:
    return BPJS


@pytest.fixture
def bpjs_text() -> str:
    return BPJS.read_text(encoding="utf-8")


@pytest.fixture
def bpjs_data() -> dict[str, Any]:
    """A deep copy each time: a test may edit it freely."""
    return copy.deepcopy(_bpjs_data())
