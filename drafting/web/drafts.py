"""What the form sends, turned into what it shows: the same load → build → render stages as
``drafting render``, so the preview and the downloads are the CLI's own output."""

from __future__ import annotations

from typing import Any

import yaml

from .. import load, pipeline
from ..errors import InputError, Problem
from ..model import Agreement
from .preview import preview as preview_of

SOURCE = "isian"  # how the form's input is named in messages, where the CLI names the file


def agreement_of(data: Any) -> Agreement:
    if not isinstance(data, dict):
        raise InputError(SOURCE, [Problem("", "isian harus berupa kumpulan isian (kind, tentang, parties, …)")])
    agreement = load.validate(data, source=SOURCE)
    if agreement.library:  # folders of the server's disk, named by a request: never read
        raise InputError(SOURCE, [Problem("library", "pustaka unit (folder di komputer) tidak dapat dipakai dari "
                                                     "formulir; susun naskah ini dengan 'drafting render'")])
    return agreement


def rendered(data: Any, fmt: str) -> bytes:
    """The naskah in ``fmt``: the bytes ``drafting render --format fmt`` writes for the same input."""
    return pipeline.render(pipeline.build(agreement_of(data), source=SOURCE), fmt)


def preview(data: Any) -> dict[str, Any]:
    return preview_of(agreement_of(data), SOURCE)


def as_yaml(data: Any) -> str:
    """The input to save and reopen: plain YAML in the order the form keeps, readable by the CLI."""
    if not isinstance(data, dict):
        raise InputError(SOURCE, [Problem("", "isian harus berupa kumpulan isian (kind, tentang, parties, …)")])
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def parsed_upload(text: str, filename: str) -> dict[str, Any]:
    """An opened YAML/JSON file as data only, read as ``drafting render`` reads a file (the same
    bounds, the same messages); not yet validated, so that an unfinished draft can be opened and
    completed in the form. Dates are the text written in the file: the form shows them as typed."""
    return load.parse_data(text, source=filename, is_json=filename.lower().endswith(".json"))[0]
