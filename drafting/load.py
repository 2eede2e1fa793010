"""Stage 1 and 2 of the pipeline: read a YAML or JSON file and validate it into an Agreement.

Every problem is reported with the file, the field path and, where known, the line, in words a
drafter understands. Nothing in the file is evaluated, and nothing in it can make the reading
hang or grow without bound (``limits.py``):

- the file is opened without blocking and read only if it is a regular file, at most
  ``MAX_INPUT_BYTES`` of it (a FIFO, ``/dev/zero`` or a folder is refused at once);
- YAML is parsed by libyaml and composed here, counting values as they are composed, a YAML
  alias counting as everything it stands for: an expansion bomb is refused before anything is
  built from it; nesting is bounded, a key written twice is an error naming both lines;
- scalars are read as YAML 1.2's core schema reads them, not 1.1's: ``yes``/``no``/``on``,
  ``0157`` (octal), ``12:30`` (base 60), ``1.50`` and dates stay the text that was typed; the
  model reads a date or a number where it expects one, and says which field and line when it is
  not one;
- JSON is parsed by the standard library, with the same bounds, duplicate keys refused, and
  numbers kept as typed where they are not plain integers.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml._yaml import CParser  # libyaml: the pure-Python parser takes seconds on a large file
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .errors import InputError, LimitError, Problem, os_reason
from .limits import FIRST_DATE, LAST_DATE, MAX_DEPTH, MAX_INPUT_BYTES, MAX_NODES
from .model import Agreement, FieldProblem
from .output import reading

_DATE = "bukan tanggal yang sah (tulis TTTT-BB-HH, mis. 2027-01-16)"
_INTEGER = "harus berupa bilangan bulat"
_MAPPING = "harus berupa kumpulan isian (nama: nilai)"

# pydantic error type -> what a drafter reads (issue 19: one message per kind of problem).
_MESSAGES = {
    "missing": "wajib diisi",
    "extra_forbidden": "isian tidak dikenal (periksa ejaan nama isian)",
    "string_too_short": "wajib diisi",
    "string_too_long": "terlalu panjang: paling banyak {max_length} karakter",
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": "harus berupa tanggal saja, tanpa jam (tulis TTTT-BB-HH)",
    "date_parsing": _DATE,
    "date_type": _DATE,
    "int_parsing": _INTEGER,
    "int_parsing_size": _INTEGER,
    "int_type": _INTEGER,
    "int_from_float": _INTEGER,
    "finite_number": _INTEGER,
    "greater_than_equal": "harus paling sedikit {ge}",
    "less_than_equal": "harus paling banyak {le}",
    "bool_parsing": "harus true atau false",
    "bool_type": "harus true atau false",
    "string_type": "harus berupa teks",
    "string_unicode": "harus berupa teks Unicode yang sah",
    "list_type": "harus berupa daftar (butir-butir diawali '-')",
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dict_type": _MAPPING,
    "invalid_key": "nama isian harus berupa teks",
}


# --- reading a file ------------------------------------------------------------------------

def read_input(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file. Only a regular file is read, and never more than ``limit``:
    it is opened without blocking (a FIFO with no writer would hang an ordinary open) and its
    type checked on the open descriptor, so that nothing can change between check and read."""
    source = str(path)
    reading(path)

    def refused(message: str) -> InputError:
        return InputError(source, [Problem("", message)])

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise refused("berkas tidak ditemukan") from None
    except OSError as exc:
        raise refused(f"berkas tidak dapat dibaca: {os_reason(exc)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise refused("adalah folder, bukan berkas isian")
        if not stat.S_ISREG(mode):
            raise refused("bukan berkas biasa (perangkat, pipa atau soket): simpan isinya sebagai berkas "
                          "biasa, lalu sebutkan berkas itu")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise refused(f"berkas tidak dapat dibaca: {os_reason(exc)}") from None
    finally:
        os.close(fd)
    if size > limit:
        size_words = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"
        raise LimitError(source, [Problem("", f"berkas terlalu besar: lebih dari {size_words}")])
    return b"".join(chunks)


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without a byte-order mark); a bad byte is reported by its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            message = "tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8"
        else:
            message = (f"bukan teks UTF-8 (bita 0x{data[exc.start]:02X}); simpan ulang berkas sebagai UTF-8")
        raise InputError(source, [Problem("", message, data[:exc.start].count(b"\n") + 1)]) from None


def read_text(path: str | Path) -> str:
    """An input file's text, read as ``load_agreement`` reads it (bounded, UTF-8, by line)."""
    return decode(read_input(Path(path)), str(path))


def load_agreement(path: str | Path) -> Agreement:
    path = Path(path)
    agreement = parse_agreement(read_text(path), source=str(path), is_json=path.suffix.lower() == ".json")
    from .library import anchored  # the library reads clause files with this module's LineIndex

    return anchored(agreement, path.parent)


def parse_agreement(text: str, *, source: str = "<input>", is_json: bool = False) -> Agreement:
    data, lines = parse_data(text, source=source, is_json=is_json)
    return validate(data, source=source, lines=lines)


def parse_data(text: str, *, source: str = "<input>", is_json: bool = False) -> tuple[dict[str, Any], LineIndex]:
    """The input as plain data (not yet validated) and where each field is written."""
    data, lines = parse_json(text, source) if is_json else parse_yaml(text, source)
    if not isinstance(data, dict):
        raise InputError(source, [Problem("", "isi berkas harus berupa kumpulan isian (kind, tentang, parties, …)")])
    return data, lines


def validate(data: dict[str, Any], *, source: str = "<input>", lines: LineIndex | None = None) -> Agreement:
    check_shape(data, source=source, lines=lines)
    try:
        return Agreement.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(err, lines) for err in exc.errors()]
        raise InputError(source, list(dict.fromkeys(problems))) from None


def check_shape(data: Any, *, source: str = "<input>", lines: LineIndex | None = None) -> None:
    """Nesting and number of values, for data that did not come through the YAML composer (a
    JSON file or request, the registry): the same bounds, before pydantic walks it."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    count = 1
    while stack:
        value, loc = stack.pop()
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        if not children:
            continue
        if len(loc) >= MAX_DEPTH:
            raise _refusal(source, loc, lines, _too_deep())
        count += len(value)
        if count > MAX_NODES:  # named at the map or list that holds too many
            raise _refusal(source, loc, lines, _too_many())
        stack += reversed([(child, loc + (key,)) for key, child in children])


def _refusal(source: str, loc: tuple[Any, ...], lines: LineIndex | None, message: str) -> LimitError:
    # Its line only when the node tree is already there: composing a JSON file past the bounds
    # to find a line would cost what the bound is there to prevent.
    return LimitError(source, [Problem(_path(loc), message, lines.line(loc) if lines and lines.composed else None)])


def _too_many() -> str:
    return f"isian terlalu banyak: lebih dari {MAX_NODES} nilai seluruhnya"


def _too_deep() -> str:
    return f"isian bersarang terlalu dalam: lebih dari {MAX_DEPTH} tingkat"


# --- where a field is written ----------------------------------------------------------------

class LineIndex:
    """Field path -> line number, read off the YAML node tree. For JSON the tree is made only
    when a problem needs a line (JSON is YAML to the composer, once tabs are spaces)."""

    def __init__(self, root: Node | None | Callable[[], Node | None]):
        self._root = root

    @property
    def composed(self) -> bool:
        return not callable(self._root)

    @property
    def root(self) -> Node | None:
        if callable(self._root):
            self._root = self._root()
        return self._root

    def line(self, loc: tuple[Any, ...]) -> int | None:
        node, found = self.root, None
        for key in loc:
            if isinstance(node, MappingNode):
                match = next((v for k, v in node.value if k.value == str(key)), None)
                if match is None:
                    # the key itself is missing or unknown: point at the key if present
                    key_node = next((k for k, _ in node.value if k.value == str(key)), None)
                    return key_node.start_mark.line + 1 if key_node else found
                node = match
            elif isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                break
            found = node.start_mark.line + 1
        return found


# --- YAML ------------------------------------------------------------------------------------

class _Refused(Exception):
    def __init__(self, loc: tuple[Any, ...], message: str, line: int | None, *, limit: bool = False):
        self.problem = Problem(_path(loc), message, line)
        self.error = LimitError if limit else InputError


class _Resolver(BaseResolver):
    """YAML 1.2's core schema: true/false, decimal integers, null; everything else is text."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                list("tTfF"))
# No leading zero: "0157" is a number written by someone who means the characters (a nomor).
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                list("-+0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                ["~", "n", "N", ""])
_Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Constructor(SafeConstructor):
    def construct_yaml_int(self, node: ScalarNode) -> int | str:
        # Past 20 digits it is no count of anything: kept as typed, the model says what it expects.
        value = self.construct_scalar(node)
        return int(value) if len(value) <= 20 else value

    def construct_undefined(self, node: Node) -> Any:
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        raise _Refused((), f"YAML tidak sah: tanda '{tag}' tidak dikenal: isian hanya berisi teks, bilangan, daftar "
                           "dan kumpulan isian", node.start_mark.line + 1)


_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor(None, _Constructor.construct_undefined)
for _tag in ("float", "timestamp", "binary", "omap", "pairs", "set"):  # 1.1 types: not part of the input
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _Constructor.construct_undefined)


class _Loader(Composer, CParser, _Constructor, _Resolver):  # type: ignore[misc]
    """libyaml's events, composed here: values counted (an alias as all it stands for), nesting
    bounded, keys read as text and written once."""

    def __init__(self, text: str):
        CParser.__init__(self, text)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)
        self.count = 0
        self.weight: dict[int, int] = {}  # id(node) -> values it stands for, once composed
        self.loc: list[Any] = []

    def refuse(self, message: str, mark: Any, *more: Any, limit: bool = False) -> _Refused:
        return _Refused(tuple(self.loc) + more, message, mark.line + 1, limit=limit)

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if index is not None:  # a mapping's value (index is its key node) or a list item
            self.loc.append(index.value if isinstance(index, Node) else index)
        try:
            event = self.peek_event()
            if isinstance(event, AliasEvent) and event.anchor in self.anchors:
                target = self.anchors[event.anchor]
                if id(target) not in self.weight:
                    raise self.refuse(f"alias *{event.anchor} merujuk ke isian yang memuatnya sendiri",
                                      event.start_mark)
                self.add(self.weight[id(target)], event.start_mark)
                return super().compose_node(parent, index)
            if isinstance(event, (SequenceStartEvent, MappingStartEvent)) and len(self.loc) >= MAX_DEPTH:
                raise self.refuse(_too_deep(), event.start_mark, limit=True)
            before = self.count
            node = super().compose_node(parent, index)
            self.add(1, node.start_mark)
            self.weight[id(node)] = self.count - before
            return node
        finally:
            if index is not None:
                self.loc.pop()

    def add(self, values: int, mark: Any) -> None:
        self.count += values
        if self.count > MAX_NODES:
            raise self.refuse(_too_many() + " (alias YAML dihitung sebanyak isi yang dirujuknya)", mark, limit=True)

    def compose_mapping_node(self, anchor: str | None) -> MappingNode:
        node = super().compose_mapping_node(anchor)
        seen: dict[str, Node] = {}
        for key, _value in node.value:
            if not isinstance(key, ScalarNode):
                raise self.refuse("nama isian harus berupa teks, bukan daftar atau kumpulan isian", key.start_mark)
            if key.tag == _MERGE:
                continue
            key.tag = _STR  # "2023-01-01:", "1:", "null:" are names like any other
            if key.value in seen:
                first = seen[key.value].start_mark.line + 1
                raise self.refuse(f"isian '{key.value}' ditulis dua kali (baris {first} dan baris "
                                  f"{key.start_mark.line + 1}); hapus salah satu", key.start_mark, key.value)
            seen[key.value] = key
        return node


def _compose(text: str) -> tuple[Node | None, _Loader]:
    loader = _Loader(text)
    try:
        return loader.get_single_node(), loader
    finally:
        loader.dispose()


def parse_yaml(text: str, source: str) -> tuple[Any, LineIndex]:
    """YAML text as data and where each value is written: bounded, keys once (an input file's,
    a library file's)."""
    try:
        root, loader = _compose(text)
        data = loader.construct_document(root) if root is not None else None
    except _Refused as exc:
        raise exc.error(source, [exc.problem]) from None
    except yaml.YAMLError as exc:
        if "nesting depth" in str(getattr(exc, "problem", "")):  # libyaml's own bound, past ours
            raise LimitError(source, [Problem("", _too_deep(), _yaml_line(exc, text))]) from None
        raise InputError(source, [Problem("", f"YAML tidak sah: {_yaml_reason(exc, text)}", _yaml_line(exc, text))]) \
            from None
    return data, LineIndex(root)


# libyaml's and the composer's words for what is wrong -> a drafter's
_YAML_REASONS = [
    ("mapping values are not allowed", "tanda ':' tidak diharapkan di sini; apit teks yang memuat ': ' dengan "
                                       "tanda kutip"),
    ("found unexpected ':'", "tanda ':' tidak diharapkan di sini; apit teks yang memuat ': ' dengan tanda kutip"),
    ("could not find expected ':'", "tanda ':' sesudah nama isian tidak ditemukan"),
    ("did not find expected key", "indentasi tidak sejajar dengan isian di atasnya"),
    ("did not find expected '-' indicator", "indentasi tidak sejajar dengan butir daftar di atasnya"),
    ("block sequence entries are not allowed", "butir daftar ('-') tidak boleh di sini; periksa indentasinya"),
    ("tab character", "indentasi memakai tab; pakai spasi"),
    ("cannot start any token", "karakter ini tidak boleh mengawali nilai (mis. '@', '`', '%'); apit nilainya dengan "
                               "tanda kutip"),
    ("did not find expected ',' or ']'", "daftar '[ … ]' tidak ditutup dengan benar"),
    ("did not find expected ',' or '}'", "kumpulan '{ … }' tidak ditutup dengan benar"),
    ("found unexpected end of stream", "berkas berakhir sebelum tanda kutip atau kurung ditutup"),
    ("unknown escape character", "urutan '\\' tidak dikenal dalam teks bertanda kutip ganda"),
    ("invalid Unicode character escape", "kode '\\u…' tidak sah dalam teks bertanda kutip ganda"),
    ("control characters are not allowed", "berkas memuat karakter kendali yang tidak boleh ada"),
    ("did not find expected comment or line break", "ada teks sesudah nilai yang sudah selesai (mis. sesudah "
                                                    "tanda kutip penutup)"),
    ("did not find expected node content", "nilai tidak ditemukan di sini"),
    ("found undefined alias", "alias '*…' merujuk ke jangkar '&…' yang tidak ada"),
    ("found duplicate anchor", "jangkar '&…' ditulis dua kali"),
    ("expected a single document", "berkas memuat lebih dari satu dokumen YAML ('---'); tulis satu saja"),
    ("could not determine a constructor", "tanda '!…' tidak dikenal: isian hanya berisi teks, bilangan, daftar dan "
                                          "kumpulan isian"),
]


def _yaml_reason(exc: yaml.YAMLError, text: str) -> str:
    problem = " ".join(str(getattr(exc, name, None) or "") for name in ("context", "problem", "reason")) or str(exc)
    mark = getattr(exc, "problem_mark", None)
    if mark is not None and text[mark.index:mark.index + 1] == "\t":  # libyaml: "cannot start any token"
        return "indentasi atau pemisah memakai tab; pakai spasi"
    for english, indonesian in _YAML_REASONS:
        if english in problem:
            return indonesian
    return "penulisan tidak dapat dibaca di sekitar baris ini (periksa indentasi, tanda ':' dan tanda kutip)"


def _yaml_line(exc: yaml.YAMLError, text: str) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(exc, "position", None)  # a reader error: an offset in the UTF-8 bytes
    return text.encode("utf-8", "replace")[:position].count(b"\n") + 1 if position is not None else None


# --- JSON ------------------------------------------------------------------------------------

class _Duplicate(Exception):
    def __init__(self, key: str):
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):
        seen: set[str] = set()
        raise _Duplicate(next(k for k, _ in pairs if k in seen or seen.add(k)))  # type: ignore[func-returns-value]
    return out


def parse_json(text: str, source: str = "<input>") -> tuple[Any, LineIndex]:
    """A JSON file or request body as data, with the bounds and the duplicate-key rule of a file."""
    lines = LineIndex(lambda: _json_nodes(text))
    try:
        # Numbers that are not plain integers stay as typed: no model field holds a fraction, and
        # a text field keeps "1.50" as "1.50". NaN and Infinity (not JSON at all) likewise.
        data = json.loads(text, object_pairs_hook=_object, parse_float=str, parse_constant=str,
                          parse_int=lambda s: int(s) if len(s) <= 20 else s)
    except json.JSONDecodeError as exc:
        raise InputError(source, [Problem("", f"JSON tidak sah: {_json_reason(exc.msg)}", exc.lineno)]) from None
    except RecursionError:
        raise LimitError(source, [Problem("", _too_deep())]) from None
    except _Duplicate as exc:
        raise InputError(source, [_json_duplicate(text, exc.key)]) from None
    return data, lines


def _json_nodes(text: str) -> Node | None:
    """The YAML node tree of a JSON text, for its lines; None where the composer cannot read it."""
    try:
        return _compose(_as_yaml(text))[0]
    except (yaml.YAMLError, _Refused):
        return None


def _as_yaml(text: str) -> str:
    """A JSON text the YAML composer reads line for line alike: a tab may separate JSON tokens but
    not YAML's, and a lone surrogate escape (which the model refuses by its field) is not YAML."""
    return _SURROGATE_ESCAPE.sub(r"\\uFFFD", text.replace("\t", " "))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _json_duplicate(text: str, key: str) -> Problem:
    try:
        _compose(_as_yaml(text))
    except _Refused as exc:
        return exc.problem
    except yaml.YAMLError:
        pass
    return Problem("", f"isian '{key}' ditulis dua kali; hapus salah satu")


_JSON_REASONS = {
    "Expecting value": "nilai tidak ditemukan (koma berlebih, atau nilai kosong?)",
    "Expecting ',' delimiter": "tanda koma ',' di antara dua nilai tidak ditemukan",
    "Expecting ':' delimiter": "tanda ':' sesudah nama isian tidak ditemukan",
    "Expecting property name enclosed in double quotes": "nama isian harus diapit tanda kutip ganda (\"…\"), "
                                                         "tanpa koma sebelum '}'",
    "Unterminated string starting at": "teks tidak ditutup dengan tanda kutip",
    "Invalid control character at": "karakter kendali (tab, baris baru) di dalam teks; tulis sebagai \\t atau \\n",
    "Invalid \\escape": "urutan '\\' tidak sah dalam teks",
    "Invalid \\uXXXX escape": "kode '\\u…' tidak sah dalam teks",
    "Extra data": "ada isi lagi sesudah akhir dokumen JSON",
}


def _json_reason(msg: str) -> str:
    return _JSON_REASONS.get(msg, "penulisan tidak dapat dibaca di sekitar baris ini")


# --- pydantic's errors, in a drafter's words -------------------------------------------------

def _problem(err: dict[str, Any], lines: LineIndex | None) -> Problem:
    loc = _field_loc(err)
    cause = err.get("ctx", {}).get("error")
    if isinstance(cause, FieldProblem):
        # "flows[0].provider" -> ("flows", 0, "provider"), the shape pydantic locations have
        loc += tuple(int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", cause.path))
        message = cause.message
    else:
        message = error_message(err)
    return Problem(_path(loc), message, lines.line(loc) if lines else None)


# What pydantic adds to a location besides the drafter's keys: a list item's shape ("str",
# "map"), a mapping's key being validated ("[key]"), a validator's name ("function-after[…]").
_NOT_A_KEY = re.compile(r"str|map|\[key\]|[a-z-]+\[.*\]", re.DOTALL)


def _field_loc(err: dict[str, Any]) -> tuple[Any, ...]:
    """The drafter's field path of an error; an unknown key is the drafter's, whatever it looks like."""
    loc = err["loc"]
    own = len(loc) - 1 if err["type"] == "extra_forbidden" else len(loc)
    return tuple(k for i, k in enumerate(loc) if isinstance(k, int) or i >= own or not _NOT_A_KEY.fullmatch(k))


def error_message(err: dict[str, Any]) -> str:
    """One of pydantic's errors in a drafter's words (an input's, a library file's)."""
    if err.get("input", ...) is None and err["type"] not in ("missing", "extra_forbidden"):
        return "wajib diisi"  # "tentang:" with nothing after it is the same as no tentang at all
    if isinstance(err.get("ctx", {}).get("ge", err.get("ctx", {}).get("le")), str):  # a date's bounds
        return f"harus tanggal antara {FIRST_DATE.isoformat()} dan {LAST_DATE.isoformat()}"
    template = _MESSAGES.get(err["type"])
    return template.format(**err.get("ctx", {})) if template else _plain(err)


def _plain(err: dict[str, Any]) -> str:
    if err["type"] in ("enum", "literal_error"):
        choices = err['ctx']['expected'].replace(" or ", " atau ")
        return f"nilai '{err['input']}' tidak dikenal; pilih salah satu: {choices}"
    # "too short" / "too long" of a list, or of a text (normalised first: empty text is "wajib diisi")
    if err["type"] == "too_short":
        listed = err["ctx"].get("field_type") == "List"
        return f"terlalu sedikit butir (paling sedikit {err['ctx']['min_length']})" if listed else "wajib diisi"
    if err["type"] == "too_long":
        listed = err["ctx"].get("field_type") in ("List", "Dictionary")
        return f"terlalu banyak butir: paling banyak {err['ctx']['max_length']}" if listed else \
            f"terlalu panjang: paling banyak {err['ctx']['max_length']} karakter"
    msg = err["msg"]
    return msg.removeprefix("Value error, ")


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for key in loc:
        key = key if isinstance(key, int) or len(str(key)) <= _LONGEST_KEY else f"{str(key)[:_LONGEST_KEY]}…"
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


_LONGEST_KEY = 80  # a key past it (which no field has) is shown cut, not repeated in full in every message
