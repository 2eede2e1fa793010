"""What the form needs to draw itself, read from the project rather than written twice: choices
and required fields from the input model's JSON Schema, the clause library in each template's
order, the examples, and the formats this machine can make."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import library
from ..errors import DraftingError
from ..model import Agreement
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
        "mitra_types": defs["MitraType"]["enum"],
        "style": defs["Style"]["properties"],
        "required": required_fields(schema),
        "clauses": {kind: [{"id": e.clause, "required": e.required, "title": clauses[e.clause].title,
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


def _pdf_available() -> bool:
    """PDF is offered only where LibreOffice, which makes it from the DOCX, is installed."""
    try:
        soffice()
    except DraftingError:
        return False
    return True
