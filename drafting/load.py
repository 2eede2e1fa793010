"""Stage 1 and 2 of the pipeline: read a YAML or JSON file and validate it into an Agreement.

Every problem is reported with the file, the field path and, for YAML, the line, in words a
drafter understands. Nothing in the file is evaluated: YAML is read with the safe loader.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import InputError, Problem
from .model import Agreement, FieldProblem

# pydantic error type -> what a drafter reads. Types not listed keep pydantic's own message.
_MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "isian tidak dikenal (periksa ejaan nama isian)",
    "string_too_short": "tidak boleh kosong",
    "too_short": "terlalu sedikit butir (paling sedikit {min_length})",
    "date_from_datetime_parsing": "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16)",
    "date_parsing": "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16)",
    "date_type": "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16)",
    "int_parsing": "harus berupa bilangan bulat",
    "int_type": "harus berupa bilangan bulat",
    "greater_than_equal": "harus paling sedikit {ge}",
    "bool_parsing": "harus true atau false",
    "bool_type": "harus true atau false",
    "string_type": "harus berupa teks",
    "list_type": "harus berupa daftar (butir-butir diawali '-')",
    "model_type": "harus berupa kumpulan isian (nama: nilai)",
    "model_attributes_type": "harus berupa kumpulan isian (nama: nilai)",
    "dict_type": "harus berupa kumpulan isian (nama: nilai)",
}


def load_agreement(path: str | Path) -> Agreement:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), [Problem("", "berkas tidak ditemukan")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), [Problem("", f"berkas tidak dapat dibaca ({exc})")]) from None
    agreement = parse_agreement(text, source=str(path), is_json=path.suffix.lower() == ".json")
    from .library import anchored  # the library reads clause files with this module's LineIndex

    return anchored(agreement, path.parent)


def parse_agreement(text: str, *, source: str = "<input>", is_json: bool = False) -> Agreement:
    data, lines = _parse(text, source, is_json)
    if not isinstance(data, dict):
        raise InputError(source, [Problem("", "isi berkas harus berupa kumpulan isian (kind, tentang, parties, …)")])
    return validate(data, source=source, lines=lines)


def validate(data: dict[str, Any], *, source: str = "<input>", lines: LineIndex | None = None) -> Agreement:
    try:
        return Agreement.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(err, lines) for err in exc.errors()]
        raise InputError(source, problems) from None


class LineIndex:
    """Field path -> line number, read off the YAML node tree (yaml.compose keeps marks)."""

    def __init__(self, root: yaml.Node | None):
        self.root = root

    def line(self, loc: tuple[Any, ...]) -> int | None:
        node, found = self.root, None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == str(key)), None)
                if match is None:
                    # the key itself is missing or unknown: point at the key if present
                    key_node = next((k for k, _ in node.value if k.value == str(key)), None)
                    return key_node.start_mark.line + 1 if key_node else found
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                break
            found = node.start_mark.line + 1
        return found


def _parse(text: str, source: str, is_json: bool) -> tuple[Any, LineIndex | None]:
    if is_json:
        try:
            return json.loads(text), None
        except json.JSONDecodeError as exc:
            raise InputError(source, [Problem("", f"JSON tidak sah: {exc.msg}", exc.lineno)]) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        return yaml.safe_load(text), LineIndex(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        what = getattr(exc, "problem", None) or str(exc)
        raise InputError(source, [Problem("", f"YAML tidak sah: {what}", mark.line + 1 if mark else None)]) from None
    except ValueError:
        # PyYAML reads 2027-02-30 as a date and fails with a bare ValueError: find that scalar.
        path, line = _bad_date(root)
        raise InputError(source, [Problem(path, _MESSAGES["date_parsing"], line)]) from None


def _bad_date(node: yaml.Node | None, loc: tuple[Any, ...] = ()) -> tuple[str, int | None]:
    """The field path and line of the first timestamp scalar that is not a calendar date."""
    if isinstance(node, yaml.MappingNode):
        children = [(k.value, v) for k, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = list(enumerate(node.value))
    else:
        children = []
    for key, child in children:
        if child.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(child)
            except ValueError:
                return _path(loc + (key,)), child.start_mark.line + 1
        found = _bad_date(child, loc + (key,))
        if found[1] is not None:
            return found
    return "", None


def _problem(err: dict[str, Any], lines: LineIndex | None) -> Problem:
    # Union members add their type name to the location ("str", "ListItem"): drop them.
    loc = tuple(k for k in err["loc"] if isinstance(k, int) or (k[:1].islower() and "[" not in k and k != "str"))
    cause = err.get("ctx", {}).get("error")
    if isinstance(cause, FieldProblem):
        # "flows[0].provider" -> ("flows", 0, "provider"), the shape pydantic locations have
        loc += tuple(int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", cause.path))
        message = cause.message
    else:
        template = _MESSAGES.get(err["type"])
        message = template.format(**err.get("ctx", {})) if template else _plain(err)
    return Problem(_path(loc), message, lines.line(loc) if lines else None)


def _plain(err: dict[str, Any]) -> str:
    if err["type"] in ("enum", "literal_error"):
        choices = err['ctx']['expected'].replace(" or ", " atau ")
        return f"nilai '{err['input']}' tidak dikenal; pilih salah satu: {choices}"
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out
