"""The YAML line of each finding placed at an input field, so a drafter finds it as quickly as a
validation error (load.LineIndex reads the same node marks)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml

from ..load import LineIndex
from .finding import Finding

_FIELD_PATH = re.compile(r"^[a-z_]+(?:\[\d+\]|\.[a-z_]+)*$")
_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")


def with_lines(findings: list[Finding], source: Path) -> list[Finding]:
    if source.suffix.lower() not in (".yaml", ".yml"):
        return findings
    index = LineIndex(yaml.compose(source.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    return [replace(f, line=index.line(_loc(f.place))) if _FIELD_PATH.match(f.place) else f for f in findings]


def _loc(path: str) -> tuple[str | int, ...]:
    return tuple(int(index) if index else key for key, index in _PART.findall(path))
