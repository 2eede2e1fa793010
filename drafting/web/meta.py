"""What the form needs to draw itself, read from the project rather than written twice: choices
and required fields from the input model's JSON Schema, the kinds written in two languages and
the fields that have an English text, the clause library in each template's order, the examples,
and the formats this machine can make."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import library
from ..errors import DraftingError
from ..model import FOREIGN_MITRA, Agreement, English, Kind
from ..render.pdf import soffice
from .examples import examples


def meta() -> dict[str, Any]:
    """What the form needs to draw itself: choices from the model's schema, the clause library in
    each template's order, the examples and the output formats."""
    schema = Agreement.model_json_schema()
    defs = schema["$defs"]
    kinds = defs["Kind"]["enum"]
    clauses = library.clauses()
    return {
        "kinds": kinds,
        # Kinds whose template writes an English text beside the Indonesian one (the MSP): the form
        # shows an English input beside every field listed in "english".
        "bilingual": [kind for kind in kinds if library.template(kind).bilingual],
        "english": text_fields(English.model_json_schema()),
        # Kerja Sama luar negeri, as drafting check tells it (checks/scope.py): its input (foreign) is
        # asked for when the kind is one of these or a partner is of one of these types.
        "foreign": {"kinds": [k.value for k in Kind if k.luar_negeri],
                    "mitra_types": [t for t in defs["MitraType"]["enum"] if t in FOREIGN_MITRA]},
        "mitra_types": defs["MitraType"]["enum"],
        "prevailing_texts": schema["properties"]["prevailing_text"]["enum"],
        "coordination_outcomes": defs["Coordination"]["properties"]["outcome"]["enum"],
        "style": defs["Style"]["properties"],
        "required": required_fields(schema),
        "clauses": {kind: [{"id": e.clause, "required": e.required,
                            "title": clauses[e.clause].title_in(e.variant or "default"),
                            "summary": clauses[e.clause].summary, "variants": list(clauses[e.clause].variants)}
                           for e in library.template(kind).entries()] for kind in kinds},
        "examples": list(examples()),
        "formats": ["docx", "pdf"] if _pdf_available() else ["docx"],
    }


def required_fields(schema: dict[str, Any]) -> list[str]:
    """The fields the model requires, as paths with ``[]`` for any index: "parties[].representative.name"."""
    defs = schema["$defs"]
    found: set[str] = set()

    def refs(prop: dict[str, Any], many: bool = False) -> Iterator[tuple[str, bool]]:
        if "$ref" in prop:
            yield prop["$ref"].rsplit("/", 1)[-1], many
        if prop.get("type") == "array":
            yield from refs(prop.get("items", {}), True)
        for alternative in prop.get("anyOf", []) + prop.get("oneOf", []):
            yield from refs(alternative, many)

    def walk(model: dict[str, Any], prefix: str, seen: frozenset[str]) -> None:
        found.update(prefix + name for name in model.get("required", []))
        for name, prop in model.get("properties", {}).items():
            for ref, many in refs(prop):
                if ref not in seen:  # ListItem nests itself
                    walk(defs[ref], f"{prefix}{name}{'[]' if many else ''}.", seen | {ref})

    walk(schema, "", frozenset())
    return sorted(found)


def text_fields(schema: dict[str, Any]) -> list[str]:
    """The text fields of a model, as paths with ``[]`` for any index: "parties[].representative.position",
    "scope[]" (an item's text) and "scope[].text" (the text of an item with sub-items, whose
    sub-items are texts like it). A mapping ("titles") is not a field of the form."""
    defs = schema["$defs"]
    found: set[str] = set()

    def walk(prop: dict[str, Any], path: str, seen: frozenset[str]) -> None:
        if prop.get("type") == "string":
            found.add(path)
        if prop.get("type") == "array":
            walk(prop.get("items", {}), path + "[]", seen)
        for alternative in prop.get("anyOf", []) + prop.get("oneOf", []):
            walk(alternative, path, seen)
        ref = prop.get("$ref", "").rsplit("/", 1)[-1]
        if ref and ref not in seen:  # a list item nests itself
            walk(defs[ref], path, seen | {ref})
        for name, sub in prop.get("properties", {}).items():
            walk(sub, f"{path}.{name}" if path else name, seen)

    walk(schema, "", frozenset())
    return sorted(found)


def _pdf_available() -> bool:
    """PDF is offered only where LibreOffice, which makes it from the DOCX, is installed."""
    try:
        soffice()
    except DraftingError:
        return False
    return True
