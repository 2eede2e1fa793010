"""What the form sends, turned into what it shows: the same load → build → render stages as
``drafting render``, so the preview and the downloads are the CLI's own output."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import load, pipeline
from ..errors import InputError, Problem
from ..model import Agreement
from .examples import EXAMPLES_DIR
from .preview import preview as preview_of

SOURCE = "isian"  # how the form's input is named in messages, where the CLI names the file


@dataclass(frozen=True)
class Libraries:
    """The unit libraries this server offers: those the examples name and those given to
    ``drafting serve --library``. An input's ``library`` is honoured only when it names one of
    them, by its path (relative ones from the examples' folder) or by its folder name: a request
    never makes the server read a folder it was not told of."""

    folders: tuple[Path, ...] = ()

    def resolve(self, agreement: Agreement) -> Agreement:
        found, problems = [], []
        for i, entry in enumerate(agreement.library):
            path = (EXAMPLES_DIR / entry).resolve()
            match = path if path in self.folders else next((f for f in self.folders if f.name == Path(entry).name), None)
            if match is None:
                problems.append(Problem(f"library[{i}]", f"pustaka '{entry}' tidak tersedia di server ini "
                                                         f"(jalankan drafting serve --library FOLDER)"))
            found.append(str(match))
        if problems:
            raise InputError(SOURCE, problems)
        return agreement.model_copy(update={"library": found}) if found else agreement


def agreement_of(data: Any, libraries: Libraries = Libraries()) -> Agreement:
    if not isinstance(data, dict):
        raise InputError(SOURCE, [Problem("", "isian harus berupa kumpulan isian (kind, tentang, parties, …)")])
    return libraries.resolve(load.validate(data, source=SOURCE))


def rendered(data: Any, fmt: str, libraries: Libraries = Libraries()) -> bytes:
    """The naskah in ``fmt``: the bytes ``drafting render --format fmt`` writes for the same input."""
    return pipeline.render(pipeline.build(agreement_of(data, libraries), source=SOURCE), fmt)


def preview(data: Any, libraries: Libraries = Libraries()) -> dict[str, Any]:
    return preview_of(agreement_of(data, libraries), SOURCE)


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


def uploaded_naskah(content: bytes, filename: str) -> Any:
    """A signed naskah (or an input file) uploaded to be attached to a registry entry, read as
    ``drafting registry attach`` reads a file (extracted when it is a naskah): the CPU-bound half
    of attaching, here in a worker. The uploaded name gives only the format, never a path."""
    import tempfile

    from ..read import SUFFIXES
    from ..registry.attach import input_for

    suffix = Path(filename).suffix.lower()
    if suffix not in (*SUFFIXES, *pipeline.INPUT_SUFFIXES):
        raise InputError(SOURCE, [Problem("filename", f"jenis berkas '{suffix}' tidak dikenal; yang dapat dibaca: "
                                                      + ", ".join((*SUFFIXES, *pipeline.INPUT_SUFFIXES)))])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"naskah{suffix}"
        path.write_bytes(content)
        return input_for(path)
