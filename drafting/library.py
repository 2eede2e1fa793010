"""The clause library (``clauses/*.yaml``) and the templates (``templates/<kind>/template.yaml``).

Both are data. A clause file says what it is (id, title, which kinds of naskah it fits, which
input it needs, its variants) and holds each variant's text in the outline format of
``outline.py``, with Jinja expressions over the input. A template says which clauses a kind of
naskah has, in which order, and which of them it cannot do without.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import LibraryError

ROOT = Path(__file__).resolve().parent.parent
CLAUSES_DIR = ROOT / "clauses"
TEMPLATES_DIR = ROOT / "templates"


class Clause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = ""  # the Pasal's title; empty for parts of the front matter
    part: Literal["front", "pasal"] = "pasal"
    kinds: list[str]
    summary: str
    requires: list[str] = Field(default_factory=list,
                                description="Input paths that must be filled; 'parties.*.x' = any party.")
    # Where the wording comes from (the regulation, the real agreement): for the Biro that reviews it.
    source: str | None = None
    variants: dict[str, str]

    @field_validator("variants")
    @classmethod
    def _has_default(cls, v: dict[str, str]) -> dict[str, str]:
        if "default" not in v:
            raise ValueError("every clause needs a 'default' variant")
        return v

    def missing_input(self, data: dict[str, Any]) -> list[str]:
        """The ``requires`` paths that the input leaves empty."""
        return [path for path in self.requires if not _present(data, path.split("."))]


@dataclass(frozen=True)
class TemplateEntry:
    clause: str
    required: bool


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    naskah: str  # the name used in the text: "Perjanjian Kerja Sama"
    title: str  # the first line of the title block
    front: list[str]
    pasal: list[str | dict[str, dict[str, bool]]]
    docx: str = "../naskah.docx"

    def entries(self) -> list[TemplateEntry]:
        out = []
        for e in self.pasal:
            if isinstance(e, str):
                out.append(TemplateEntry(e, False))
            else:
                (cid, opts), = e.items()
                out.append(TemplateEntry(cid, bool(opts.get("required"))))
        return out

    def docx_path(self) -> Path:
        return (TEMPLATES_DIR / self.kind / self.docx).resolve()


def _present(data: Any, keys: list[str]) -> bool:
    if not keys:  # a flag set to false asks for nothing, like an empty field
        return data is not False and data not in (None, "", [], {})
    key, rest = keys[0], keys[1:]
    if key == "*":
        return isinstance(data, list) and any(_present(x, rest) for x in data)
    return isinstance(data, dict) and _present(data.get(key), rest)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(f"{path}: tidak dapat dibaca: {exc}") from None


@cache
def clauses() -> dict[str, Clause]:
    out: dict[str, Clause] = {}
    for path in sorted(CLAUSES_DIR.glob("*.yaml")):
        try:
            clause = Clause.model_validate(_read_yaml(path))
        except ValidationError as exc:
            raise LibraryError(f"{path}: klausul tidak sah: {exc}") from None
        if clause.id != path.stem:
            raise LibraryError(f"{path}: id '{clause.id}' harus sama dengan nama berkas")
        out[clause.id] = clause
    return out


@cache
def template(kind: str) -> Template:
    path = TEMPLATES_DIR / kind / "template.yaml"
    try:
        tpl = Template.model_validate(_read_yaml(path))
    except ValidationError as exc:
        raise LibraryError(f"{path}: templat tidak sah: {exc}") from None
    library = clauses()
    for cid in tpl.front + [e.clause for e in tpl.entries()]:
        if cid not in library:
            raise LibraryError(f"{path}: klausul '{cid}' tidak ada di {CLAUSES_DIR}")
        if kind not in library[cid].kinds:
            raise LibraryError(f"{path}: klausul '{cid}' tidak untuk jenis naskah '{kind}'")
    return tpl
