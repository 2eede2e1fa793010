"""The English input of a bilingual naskah: the Indonesian input with ``english`` laid over it.

``english`` mirrors the fields of the input that hold text to be translated (``model.English``):
same names, lists of the same length and nesting. Laid over a copy of the input, it gives the
input of the English text, which the same clauses are written from. Every text the English
model could translate but ``english`` leaves empty is replaced by a token; a token still in the
assembled English text is a text printed untranslated, and ``untranslated`` names its field. A
text that is not printed (a legal status the naskah does not mention) needs no English.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from .document import Document, Inline, ItemList, Run
from .errors import Problem
from .load import validate
from .model import Agreement, English, EnglishListItem

# Left empty, these are the same in both texts: names and places are not translated.
SAME = frozenset({"short_name", "address", "place", "abbreviation"})
# An untranslated text's place holder: with letters, since a field such as a Pasal title must have
# some (model.Title) and the English input is validated like the Indonesian one.
_TOKEN = re.compile(r"⟦en(\d+)⟧")


def english_input(agreement: Agreement, source: str) -> tuple[Agreement, list[str]]:
    """The input of the English text, and the field paths its tokens stand for (token n is path n)."""
    base = agreement.model_dump(mode="json", exclude={"english"})
    english = agreement.english.model_dump(mode="json") if agreement.english else {}
    paths: list[str] = []
    titles = english.pop("titles", {})
    merged = _overlay(base, english, English, "english.", paths)
    clauses = merged.setdefault("clauses", {})
    clauses["titles"] = {cid: titles.get(cid) or _token(f"english.titles.{cid}", paths)
                         for cid in base.get("clauses", {}).get("titles", {})}
    return validate(merged, source=source), paths


def _token(path: str, paths: list[str]) -> str:
    paths.append(path)
    return f"⟦en{len(paths) - 1}⟧"


def _overlay(base: Any, english: Any, model: type[BaseModel] | None, path: str, paths: list[str]) -> Any:
    """``base`` with the English texts of ``english`` in place; a text the English model names but
    ``english`` leaves empty becomes a token."""
    if not isinstance(base, dict) or model is None:
        return base
    out = dict(base)
    for name, field in model.model_fields.items():
        if name == "titles" or base.get(name) in (None, "", [], {}):
            continue
        value, theirs, sub = base[name], (english or {}).get(name), _submodel(field.annotation)
        here = f"{path}{name}"
        if isinstance(value, list):
            theirs = theirs if isinstance(theirs, list) else []
            out[name] = [_overlay(v, theirs[i] if i < len(theirs) else None, sub, f"{here}[{i}].", paths) if sub
                         else _item(v, theirs[i] if i < len(theirs) else None, f"{here}[{i}]", paths)
                         for i, v in enumerate(value)]
        elif isinstance(value, dict):
            out[name] = _overlay(value, theirs if isinstance(theirs, dict) else {}, sub, here + ".", paths)
        elif isinstance(value, str):
            out[name] = theirs if theirs else (value if name in SAME else _token(here, paths))
    return out


def _item(value: Any, theirs: Any, path: str, paths: list[str]) -> Any:
    """A list item (a text, or {text, items}) in English, of the Indonesian item's shape."""
    if isinstance(value, str):
        return theirs if isinstance(theirs, str) and theirs else _token(path, paths)
    text = theirs.get("text") if isinstance(theirs, dict) else None
    items = theirs.get("items", []) if isinstance(theirs, dict) else []
    return {"text": text or _token(f"{path}.text", paths),
            "items": [_item(v, items[i] if i < len(items) else None, f"{path}.items[{i}]", paths)
                      for i, v in enumerate(value.get("items", []))]}


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The English model a field holds (or holds a list of), if any; a list of items (texts or
    {text, items}) has none: it is laid over item by item."""
    for t in [annotation, *typing.get_args(annotation)]:
        for inner in [t, *typing.get_args(t)]:
            if inner is EnglishListItem:
                return None
            if isinstance(inner, type) and issubclass(inner, BaseModel) and inner.__name__.startswith("English"):
                return inner
    return None


def shape_problems(agreement: Agreement) -> list[Problem]:
    """English lists longer than their Indonesian lists, or nested where it is not: a translation
    has no more items than its original."""
    if agreement.english is None:
        return []
    base = agreement.model_dump(mode="json", exclude={"english"})
    return list(_extra(base, agreement.english.model_dump(mode="json", exclude_defaults=True), English, "english."))


def _extra(base: Any, english: Any, model: type[BaseModel] | None, path: str) -> Iterable[Problem]:
    if not isinstance(english, dict) or model is None:
        return
    for name, theirs in english.items():
        here = f"{path}{name}"
        if name == "titles":
            known = base.get("clauses", {}).get("titles", {})
            yield from (Problem(f"{here}.{cid}", "judul pasal ini tidak diganti dalam isian bahasa Indonesia "
                                                 "(clauses.titles)") for cid in theirs if cid not in known)
            continue
        value, sub = base.get(name), _submodel(model.model_fields[name].annotation)
        if isinstance(theirs, list):
            value = value if isinstance(value, list) else []
            if len(theirs) > len(value):
                yield Problem(here, f"{len(theirs)} butir dalam bahasa Inggris, sedangkan dalam bahasa Indonesia "
                                    f"{len(value)}: setiap butir diterjemahkan di tempat yang sama")
            for i, (v, t) in enumerate(zip(value, theirs)):
                if sub:
                    yield from _extra(v, t, sub, f"{here}[{i}].")
                else:
                    yield from _item_extra(v, t, f"{here}[{i}]")
        elif isinstance(theirs, dict) and sub:
            yield from _extra(value if isinstance(value, dict) else {}, theirs, sub, here + ".")


def _item_extra(value: Any, theirs: Any, path: str) -> Iterable[Problem]:
    if isinstance(theirs, dict) and not isinstance(value, dict):
        yield Problem(path, "butir ini bersub-butir dalam bahasa Inggris, tidak dalam bahasa Indonesia")
    elif isinstance(theirs, dict):
        items, sub = value.get("items", []), theirs.get("items", [])
        if len(sub) > len(items):
            yield Problem(f"{path}.items", f"{len(sub)} sub-butir dalam bahasa Inggris, sedangkan dalam bahasa "
                                           f"Indonesia {len(items)}")
        for i, (v, t) in enumerate(zip(items, sub)):
            yield from _item_extra(v, t, f"{path}.items[{i}]")


def untranslated(doc: Document, paths: list[str]) -> list[Problem]:
    """The fields whose Indonesian text the English text would print: each once, with where."""
    found: dict[str, str] = {}

    def scan(content: Iterable[Inline], where: str) -> None:
        for node in content:
            if isinstance(node, Run):
                for m in _TOKEN.finditer(node.text):
                    found.setdefault(paths[int(m.group(1))], where)

    def scan_list(lst: ItemList | None, where: str) -> None:
        for item in lst.items if lst else []:
            scan(item.content, where)
            scan_list(item.list, where)

    for line in doc.title:
        scan(line.content, "judul")
    for sec in doc.front + doc.pasal + doc.closing:
        where = f"Pasal {sec.title}" if sec.pasal else f"bagian {sec.id}"
        scan([Run(sec.title)], where)
        for para in sec.paragraphs:
            scan(para.content, where)
            scan_list(para.list, where)
    for s in doc.signatories:
        for line in s.lines:
            scan(line.content, "tanda tangan")
    return [Problem(path, f"teks bahasa Inggris belum diisi, padahal dicetak di {where} naskah dwibahasa")
            for path, where in found.items()]
