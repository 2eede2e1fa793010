"""The example agreements offered by the form: a fixed list read at start-up, looked up by name,
so no path from a request ever reaches the file system."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from fastapi.encoders import jsonable_encoder

from ..library import ROOT

EXAMPLES_DIR = ROOT / "examples"


@cache
def example_libraries() -> tuple[Path, ...]:
    """The unit libraries the examples name (examples/pustaka-unit), as absolute folders."""
    return tuple(dict.fromkeys((EXAMPLES_DIR / entry).resolve() for data in examples().values()
                               for entry in ([data["library"]] if isinstance(data.get("library"), str)
                                             else data.get("library") or [])))


@cache
def examples() -> dict[str, dict[str, Any]]:
    """Example name (file stem) → its input as JSON-ready data (dates as YYYY-MM-DD)."""
    return {path.stem: jsonable_encoder(yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(EXAMPLES_DIR.glob("*.yaml"))}
