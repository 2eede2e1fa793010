"""The clause library and the templates: the shipped ones (``clauses/``, ``templates/``) and a
unit's own, in folders of the same layout, which override or add to them.

Both are data. A clause file says what it is (id, title, where in the naskah it goes, which kinds
of naskah it fits, which input it needs, its variants) and holds each variant's text in the
outline format of ``outline.py``, with Jinja expressions over the input. The front matter (title
block, opening, komparisi, recitals, bridges) and the signature block are clauses too, so that
every word of a naskah comes from here. A template says which clauses a kind of naskah has, in
which order, and which of them it cannot do without. ``templates/kata.yaml`` holds the words that
numbering writes around the numbers ("Pasal", "ayat", "huruf", "pada", "dalam", "dan").

A bilingual naskah (a template with ``languages: [id, en]``, the Memorandum Saling Pengertian) is
written from the same clauses: a variant then holds its Indonesian text under ``id`` and its English
under ``en``, with the same outline shape and anchors, so that one numbering serves both; its
English words of numbering are in ``templates/kata.en.yaml``.

A library is a tuple of folders, the shipped one first; a clause or template in a later folder
replaces the one of the same id (or kind) before it. Every file is checked when the library is
read, the unit's as strictly as the shipped: its fields, the input paths its ``requires`` names,
the Jinja, every ``ref()``/``nomor()``/``has()`` of a clause that exists, every clause and variant
a template names. A problem is reported with the file and the line. Libraries are read once per
process for each set of folders (a batch renders every document from the same one).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.nodes
import yaml
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from . import outline
from .errors import InputError, LibraryError
from .load import LineIndex, error_message, parse_yaml, read_text
from .model import Agreement, Kind

ROOT = Path(__file__).resolve().parent.parent
CLAUSES_DIR = ROOT / "clauses"
TEMPLATES_DIR = ROOT / "templates"

# Where a clause goes, and so which template key may name it.
Part = Literal["title", "front", "pasal", "signature"]
# The roles a line may take ("[.nomor] …") in the parts that have lines rather than paragraphs.
ROLES: dict[str, frozenset[str]] = {
    "title": frozenset({"nomor"}),
    "signature": frozenset({"pihak", "jabatan", "meterai", "nama", "nip", "keterangan"}),
}
# The words numbering and layout need (templates/kata.yaml; templates/kata.en.yaml for English).
WORDS = ("pasal", "ayat", "huruf", "angka", "pada", "dalam", "dan", "atau", "dan/atau", "nomor")
# How numbering writes labels and references, where a language differs from the Indonesian default
# (UU 12/2011 Lampiran II): the ayat label and its form in a reference, the order of a reference
# ("Pasal 5 ayat (2)" or "paragraph 2 of Article 5") and its joining word, the Pasal a local
# reference names ("this Article"), list labels by level, the month names of dates, and how an
# English text names the sides ("Party Parties", "Participant Participants").
FORMAT_WORDS = ("ayat_label", "ayat_rujukan", "rujukan_urutan", "rujukan_sambung", "pasal_ini", "daftar_huruf",
                "daftar_angka", "bulan", "parties", "participants")
LANGUAGES = ("id", "en")
WORDS_FILES = {"id": "kata.yaml", "en": "kata.en.yaml"}  # in a library's templates/ folder


class Variant(BaseModel):
    """One variant of a clause: its Indonesian text, and for a bilingual naskah its English text
    of the same outline shape; a title of its own where the Pasal is titled otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    en: str | None = None
    title: str | None = None
    title_en: str | None = None


class Clause(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: str = ""  # the Pasal's title; empty for the other parts
    title_en: str | None = None  # its English title, for a bilingual naskah
    part: Part = "pasal"
    kinds: list[str]
    summary: str
    requires: list[str] = Field(default_factory=list,
                                description="Input paths that must be filled; 'parties.*.x' = any party.")
    # Where the wording comes from (the regulation, the real agreement): for the Biro that reviews it.
    source: str | None = None
    variants: dict[str, Variant]
    _file: Path = PrivateAttr(default=Path())
    # (variant, language) → the file line of that text's first line
    _lines: dict[tuple[str, str], int] = PrivateAttr(default_factory=dict)
    _shipped: bool = PrivateAttr(default=True)

    @field_validator("variants", mode="before")
    @classmethod
    def _texts(cls, v: Any) -> Any:
        """A variant written as a text alone is its Indonesian text."""
        return {k: {"id": t} if isinstance(t, str) else t for k, t in v.items()} if isinstance(v, dict) else v

    @field_validator("variants")
    @classmethod
    def _has_default(cls, v: dict[str, Variant]) -> dict[str, Variant]:
        if "default" not in v:
            raise ValueError("every clause needs a 'default' variant")
        return v

    def text(self, variant: str, lang: str = "id") -> str | None:
        """A variant's text in a language; None where the clause has none in it."""
        return getattr(self.variants[variant], lang)

    def title_in(self, variant: str, lang: str = "id") -> str | None:
        """The Pasal title of a variant in a language: the variant's own, else the clause's."""
        v = self.variants[variant]
        if lang == "en":
            return v.title_en or (self.title_en if v.title is None else None)
        return v.title or self.title

    def texts(self) -> Iterator[tuple[str, str, str]]:
        """Every (variant, language, text) of the clause."""
        for name, v in self.variants.items():
            for lang in LANGUAGES:
                if getattr(v, lang) is not None:
                    yield name, lang, getattr(v, lang)

    def missing_input(self, data: dict[str, Any]) -> list[str]:
        """The ``requires`` paths that the input leaves empty."""
        return [path for path in self.requires if not _present(data, path.split("."))]

    def fits(self, kind: str) -> bool:
        """Whether the clause is for this kind of naskah, or for the kind whose clauses it shares."""
        if kind == "adendum":  # written with the clauses of the agreement it amends (title, opening, signatures)
            return kind in self.kinds or bool(set(self.kinds) & {"perjanjian_kerja_sama", "nota_kesepahaman"})
        return kind in self.kinds or (kind in Kind.__members__ and Kind(kind).family.value in self.kinds)

    @property
    def shipped(self) -> bool:
        return self._shipped

    @property
    def file(self) -> Path:
        return self._file

    def where(self, variant: str, line: int = 1, lang: str = "id") -> str:
        """'file, baris N': the line ``line`` of a variant's text (in ``lang``) in its file."""
        return f"{shown(self._file)}, baris {self._lines.get((variant, lang), 1) + line - 1}"


@dataclass(frozen=True)
class TemplateEntry:
    clause: str
    required: bool
    variant: str | None = None  # the variant this template uses unless the input chooses another


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    naskah: str  # what the naskah calls itself: "Perjanjian Kerja Sama"
    naskah_en: str | None = None  # and in its English text: "Memorandum of Understanding"
    # The languages of the naskah: ["id"], or ["id", "en"] for a bilingual one, each text complete
    # and both from one numbered structure.
    languages: list[Literal["id", "en"]] = Field(default_factory=lambda: ["id"])
    extends: str | None = None  # a kind whose template gives every key this one does not set
    title_block: str = "judul"
    front: list[str] = Field(default_factory=list)
    pasal: list[str | dict[str, dict[str, bool | str]]] = Field(default_factory=list)
    closing: list[str] = Field(default_factory=list)  # front-matter-like parts after the last Pasal
    signature_block: str = "tanda_tangan"
    docx: str = "../naskah.docx"
    _dir: Path = PrivateAttr(default=TEMPLATES_DIR)
    _lines: LineIndex | None = PrivateAttr(default=None)
    _docx: Path | None = PrivateAttr(default=None)

    def entries(self) -> list[TemplateEntry]:
        out = []
        for e in self.pasal:
            if isinstance(e, str):
                out.append(TemplateEntry(e, False))
            else:
                (cid, opts), = e.items()
                variant = opts.get("variant")
                out.append(TemplateEntry(cid, bool(opts.get("required")), str(variant) if variant else None))
        return out

    @property
    def bilingual(self) -> bool:
        return "en" in self.languages

    def docx_path(self) -> Path:
        """The Word template: ``docx`` beside this template, or the shipped one when a unit's
        template keeps the default and has no naskah.docx of its own. Looked up once."""
        if self._docx is None:
            path = (self._dir / self.docx).resolve()
            if not path.is_file() and self.docx == "../naskah.docx":
                path = TEMPLATES_DIR / "naskah.docx"
            self._docx = path
        return self._docx


@dataclass(frozen=True)
class Library:
    folders: tuple[Path, ...]
    clauses: dict[str, Clause]
    templates: dict[str, Template]
    kata: dict[str, dict[str, str]]  # language → the words numbering writes in it
    _compiled: dict[tuple[str, str, str], jinja2.Template] = field(default_factory=dict, compare=False, repr=False)

    @property
    def words(self) -> dict[str, str]:
        """The Indonesian words of numbering."""
        return self.kata["id"]

    def template(self, kind: str) -> Template:
        if kind not in self.templates:
            raise LibraryError(f"jenis naskah '{kind}' tidak mempunyai templat di {_folders(self.folders)}")
        return self.templates[kind]

    def compiled(self, clause: Clause, variant: str, lang: str = "id") -> jinja2.Template:
        key = (clause.id, variant, lang)
        if key not in self._compiled:
            self._compiled[key] = _compile(clause, variant, lang)
        return self._compiled[key]


# --- reading -------------------------------------------------------------------------------

@lru_cache(maxsize=2)
def environment(sandboxed: bool) -> jinja2.Environment:
    """The shipped clauses run in a plain environment; a unit's, which may come from anywhere,
    in Jinja's sandbox (no access to Python internals through attributes). Every value a text
    prints passes ``outline.finalize``: input is escaped, never read as markup."""
    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    return cls(
        undefined=jinja2.StrictUndefined,
        finalize=outline.finalize,
        trim_blocks=False,  # block tags may end a line of text; the outline reader skips blank lines
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
    )


def _compile(clause: Clause, variant: str, lang: str) -> jinja2.Template:
    text = clause.text(variant, lang)
    if text is None:
        raise LibraryError(f"{clause._file}: klausul {clause.id}, varian '{variant}': tidak ada teks bahasa {lang}")
    try:
        return environment(not clause._shipped).from_string(text)
    except jinja2.TemplateSyntaxError as exc:
        raise LibraryError(f"{clause.where(variant, exc.lineno, lang)}: teks varian '{variant}' tidak sah: "
                           f"{exc.message}") from None


@lru_cache(maxsize=16)
def load(folders: tuple[Path, ...]) -> Library:
    """The library of these folders, the shipped one first; read and checked once per process."""
    problems: list[str] = []
    clauses: dict[str, Clause] = {}
    templates: dict[str, Template] = {}
    kata: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for folder in folders:
        shipped = folder == ROOT
        if not folder.is_dir():
            raise LibraryError(f"{folder}: folder pustaka tidak ditemukan")
        for path in sorted((folder / "clauses").glob("*.yaml")):
            clause = _read_clause(path, shipped, problems)
            if clause is not None:
                clauses[clause.id] = clause
        for path in sorted((folder / "templates").glob("*/template.yaml")):
            tpl = _read_template(path, problems)
            if tpl is not None:
                templates[tpl.kind] = tpl
        for lang, name in WORDS_FILES.items():
            if (folder / "templates" / name).is_file():
                kata[lang] |= _read_words(folder / "templates" / name, problems)
    for lang, words in kata.items():
        missing = [w for w in WORDS if w not in words]
        if missing:
            problems.append(f"{folders[0] / 'templates' / WORDS_FILES[lang]}: kata {', '.join(missing)} tidak ada")
    for clause in clauses.values():
        problems += _check_text(clause, clauses)
    for tpl in templates.values():  # as written: what one extends is checked in its own file
        problems += _check_template(tpl, clauses)
    templates = {kind: _extended(tpl, templates, problems) for kind, tpl in templates.items()}
    if problems:
        raise LibraryError("pustaka tidak sah:\n" + "\n".join(f"  - {p}" for p in problems))
    return Library(folders, clauses, templates, kata)


def shipped() -> Library:
    return load((ROOT,))


def clauses() -> dict[str, Clause]:
    """The shipped clauses (``drafting clauses``, the form's clause list)."""
    return shipped().clauses


def template(kind: str) -> Template:
    """The shipped template of a kind of naskah."""
    return shipped().template(kind)


def folders_for(agreement: Agreement, extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The folders of the library an input renders with: the shipped one, the input's own
    (``library``: an input read from a file has them made absolute by its folder), then ``extra``
    (``--library``)."""
    return with_shipped([Path(p) for p in agreement.library] + list(extra))


def with_shipped(folders: Sequence[Path]) -> tuple[Path, ...]:
    """The shipped library, then these folders (each once, as absolute paths), in this order."""
    return (ROOT,) + tuple(dict.fromkeys(p.resolve() for p in folders))


def anchored(agreement: Agreement, base: Path) -> Agreement:
    """The input with its ``library`` folders made absolute from ``base`` (the input file's
    folder), so that it renders the same from a registry, a batch or a renewal."""
    if not agreement.library:
        return agreement
    return agreement.model_copy(update={"library": [str((base / p).resolve()) for p in agreement.library]})


def _folders(folders: tuple[Path, ...]) -> str:
    return ", ".join(str(f) for f in folders)


def _read_yaml(path: Path, problems: list[str]) -> tuple[Any, LineIndex | None]:
    """A library file read as an input file is (``load.py``): a regular file, bounded in size,
    values and nesting, every key once; a unit's library may come from anywhere."""
    try:
        return parse_yaml(read_text(path), shown(path))
    except InputError as exc:
        problems += [f"{shown(path)}{f', baris {p.line}' if p.line else ''}: {p.path + ': ' if p.path else ''}"
                     f"{p.message}" for p in exc.problems]
    return None, None


def shown(path: Path) -> str:
    """A library file as messages name it: relative to the current folder where it is below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _at(path: Path, lines: LineIndex | None, loc: tuple[Any, ...]) -> str:
    line = lines.line(loc) if lines else None
    return f"{shown(path)}, baris {line}" if line else shown(path)


def _validation(path: Path, lines: LineIndex | None, exc: ValidationError, what: str) -> list[str]:
    out = []
    for err in exc.errors():
        loc = tuple(k for k in err["loc"] if isinstance(k, int) or not k[:1].isupper())
        field_name = ".".join(str(k) for k in loc) or "(berkas)"
        out.append(f"{_at(path, lines, loc)}: {what} tidak sah: {field_name}: {error_message(err)}")
    return out


M = typing.TypeVar("M", bound=BaseModel)


def _read_model(path: Path, model: type[M], what: str, problems: list[str]) -> tuple[M | None, LineIndex | None]:
    """A clause or template file as its model, with the line index to locate what is wrong in it."""
    data, lines = _read_yaml(path, problems)
    if data is None and lines is None:
        return None, None
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        problems += _validation(path, lines, exc, what)
        return None, lines


def _read_clause(path: Path, shipped: bool, problems: list[str]) -> Clause | None:
    clause, lines = _read_model(path, Clause, "klausul", problems)
    if clause is None:
        return None
    if clause.id != path.stem:
        problems.append(f"{_at(path, lines, ('id',))}: id '{clause.id}' harus sama dengan nama berkas ('{path.stem}')")
        return None
    clause._file, clause._shipped = path, shipped
    clause._lines = {(v, lang): _text_line(lines, ("variants", v) if isinstance(_raw(lines, v), str) else
                                           ("variants", v, lang))
                     for v, lang, _ in clause.texts()}
    for i, req in enumerate(clause.requires):
        if not known_input_path(req):
            problems.append(f"{_at(path, lines, ('requires', i))}: 'requires' menyebut isian yang tidak ada: "
                            f"'{req}' (lihat 'drafting schema')")
    return clause


def _raw(lines: LineIndex | None, variant: str) -> Any:
    """How a variant is written in its file: a text (str) or a mapping of texts (anything else)."""
    node = _node(lines, ("variants", variant))
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _node(lines: LineIndex | None, loc: tuple[Any, ...]) -> yaml.Node | None:
    node = lines.root if lines else None
    for key in loc:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if k.value == key), None)
    return node


def _text_line(lines: LineIndex | None, loc: tuple[Any, ...]) -> int:
    """The file line of a text's first line: a block scalar (``|``) starts on the line after its key."""
    node = _node(lines, loc)
    if not isinstance(node, yaml.ScalarNode):
        return 1
    return node.start_mark.line + (2 if node.style in ("|", ">") else 1)


# The kinds of naskah a template may be for: the input's kinds, and the adendum, which amends one
# of them (drafting adendum) and is not itself an input's kind.
KINDS = (*Kind.__members__, "adendum")


def _read_template(path: Path, problems: list[str]) -> Template | None:
    tpl, lines = _read_model(path, Template, "templat", problems)
    if tpl is None:
        return None
    if tpl.kind != path.parent.name:
        problems.append(f"{_at(path, lines, ('kind',))}: kind '{tpl.kind}' harus sama dengan nama foldernya "
                        f"('{path.parent.name}')")
        return None
    if tpl.kind not in KINDS:
        problems.append(f"{_at(path, lines, ('kind',))}: jenis naskah '{tpl.kind}' tidak dikenal; yang dikenal: "
                        f"{', '.join(KINDS)}")
        return None
    tpl._dir, tpl._lines = path.parent, lines
    return tpl


def _extended(tpl: Template, templates: dict[str, Template], problems: list[str]) -> Template:
    """The template with the keys it does not set taken from the template it extends."""
    if tpl.extends is None:
        return tpl
    base = templates.get(tpl.extends)
    if base is None or base.extends is not None:
        problems.append(f"{_at(tpl._dir / 'template.yaml', tpl._lines, ('extends',))}: 'extends' harus menyebut "
                        f"templat jenis naskah lain yang tidak memakai 'extends' ('{tpl.extends}')")
        return tpl
    inherited = {k: getattr(base, k) for k in Template.model_fields
                 if k not in tpl.model_fields_set and k not in ("kind", "naskah", "extends", "docx")}
    out = tpl.model_copy(update=inherited)
    out._dir, out._lines = tpl._dir, tpl._lines
    return out


def _read_words(path: Path, problems: list[str]) -> dict[str, str]:
    data, lines = _read_yaml(path, problems)
    if not isinstance(data, dict) or not all(isinstance(v, str) and v for v in data.values()):
        problems.append(f"{shown(path)}: harus berupa daftar 'kata: teks'")
        return {}
    known = WORDS + FORMAT_WORDS
    unknown = [k for k in data if k not in known]
    problems += [f"{_at(path, lines, (k,))}: kata '{k}' tidak dipakai; yang dipakai: {', '.join(known)}"
                 for k in unknown]
    return {str(k): v for k, v in data.items() if k in known}


# --- checking ------------------------------------------------------------------------------

_ANCHOR = re.compile(r"\[#([a-z0-9_]+)\]")
_DYNAMIC_ANCHOR = re.compile(r"\[#[a-z0-9_]*\{\{")
_ROLE = re.compile(r"^\s*(?:\{%.*?%\})?\s*\[\.([a-z]+)\]", re.MULTILINE)


def _check_text(clause: Clause, clauses: dict[str, Clause]) -> list[str]:
    """A clause's variants: valid Jinja, line roles its part allows, and every ref(), nomor() and
    has() with a constant argument naming a clause (and anchor) that exists."""
    problems = []
    for variant, lang, text in clause.texts():
        try:
            ast = environment(not clause._shipped).parse(text)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(f"{clause.where(variant, exc.lineno, lang)}: teks varian '{variant}' tidak sah: "
                            f"{exc.message}")
            continue
        allowed = ROLES.get(clause.part, frozenset())
        for m in _ROLE.finditer(text):
            if m.group(1) not in allowed:
                line = text.count("\n", 0, m.start()) + 1
                choices = ", ".join(sorted(allowed)) or "(tidak ada di bagian ini)"
                problems.append(f"{clause.where(variant, line, lang)}: peran baris '[.{m.group(1)}]' tidak dikenal; "
                                f"pilih: {choices}")
        for call, name, target in _calls(ast):
            problem = _target_problem(clause, name, target, clauses)
            if problem:
                problems.append(f"{clause.where(variant, call.lineno, lang)}: {name}(\"{target}\"): {problem}")
    for variant, v in clause.variants.items():
        if v.en is not None and set(_ANCHOR.findall(v.en)) != set(_ANCHOR.findall(v.id)):
            problems.append(f"{clause.where(variant, 1, 'en')}: teks bahasa Inggris varian '{variant}' harus "
                            f"mempunyai tanda [#…] yang sama dengan teks bahasa Indonesianya "
                            f"({', '.join(sorted(set(_ANCHOR.findall(v.id)) ^ set(_ANCHOR.findall(v.en))))})")
    return problems


def _calls(ast: jinja2.nodes.Template) -> Iterator[tuple[jinja2.nodes.Call, str, str]]:
    for call in ast.find_all(jinja2.nodes.Call):
        if isinstance(call.node, jinja2.nodes.Name) and call.node.name in ("ref", "nomor", "has"):
            for arg in call.args:
                if isinstance(arg, jinja2.nodes.Const) and isinstance(arg.value, str):
                    yield call, call.node.name, arg.value


def _anchors(clause: Clause) -> tuple[set[str], bool]:
    """The anchors a clause's texts name, and whether some are made by Jinja ('[#pihak_{{ i }}]')."""
    texts = [t for _, _, t in clause.texts()]
    return ({a for t in texts for a in _ANCHOR.findall(t)}, any(_DYNAMIC_ANCHOR.search(t) for t in texts))


def _target_problem(clause: Clause, name: str, target: str, clauses: dict[str, Clause]) -> str | None:
    if name == "has":
        return None if target in clauses else "klausul ini tidak ada dalam pustaka"
    head, _, anchor = target.partition(".")
    if not anchor:
        local, dynamic = _anchors(clause)
        if head in local or head in clauses or dynamic:
            return None
        return "tidak ada klausul atau tanda [#…] bernama demikian"
    if head not in clauses:
        return f"klausul '{head}' tidak ada dalam pustaka"
    found, dynamic = _anchors(clauses[head])
    return None if anchor in found or dynamic else f"klausul '{head}' tidak mempunyai tanda [#{anchor}]"


def _check_template(tpl: Template, clauses: dict[str, Clause]) -> list[str]:
    path = tpl._dir / "template.yaml"
    lines = tpl._lines
    problems: list[str] = []

    def check(cid: str, part: str, loc: tuple[Any, ...], variant: str | None = None) -> None:
        where = _at(path, lines, loc)
        clause = clauses.get(cid)
        if clause is None:
            problems.append(f"{where}: klausul '{cid}' tidak ada dalam pustaka")
        elif clause.part != part:
            problems.append(f"{where}: klausul '{cid}' adalah bagian '{clause.part}', bukan '{part}'")
        elif not clause.fits(tpl.kind):
            problems.append(f"{where}: klausul '{cid}' tidak untuk jenis naskah '{tpl.kind}' (kinds: "
                            f"{', '.join(clause.kinds)})")
        elif variant is not None and variant not in clause.variants:
            problems.append(f"{where}: varian '{variant}' tidak ada untuk klausul '{cid}'; yang ada: "
                            f"{', '.join(clause.variants)}")
        elif tpl.bilingual:
            problem = english_missing(clause, variant or "default")
            if problem:
                problems.append(f"{where}: {problem}")

    if tpl.bilingual and not tpl.naskah_en:
        problems.append(f"{_at(path, lines, ('languages',))}: naskah dwibahasa memerlukan naskah_en (sebutan naskah "
                        f"dalam bahasa Inggris)")
    check(tpl.title_block, "title", ("title_block",))
    check(tpl.signature_block, "signature", ("signature_block",))
    for key in ("front", "closing"):
        for i, cid in enumerate(getattr(tpl, key)):
            check(cid, "front", (key, i))
    for i, entry in enumerate(tpl.entries()):
        check(entry.clause, "pasal", ("pasal", i), entry.variant)
    return problems


def english_missing(clause: Clause, variant: str) -> str | None:
    """Why a clause's variant cannot be used in a bilingual naskah, or None when it can: it has an
    English text, and, for a Pasal, an English title."""
    if clause.text(variant, "en") is None:
        return (f"klausul '{clause.id}' (varian '{variant}') tidak mempunyai teks bahasa Inggris, sehingga tidak "
                f"dapat dipakai dalam naskah dwibahasa")
    if clause.part == "pasal" and not clause.title_in(variant, "en"):
        return f"klausul '{clause.id}' (varian '{variant}') tidak mempunyai judul pasal bahasa Inggris (title_en)"
    return None


def known_input_path(path: str) -> bool:
    """Whether a dotted input path ('parties.*.pejabat_penghubung') names fields of the input model."""
    return _known(path.split("."), [Agreement])


def _known(keys: list[str], annotations: list[Any]) -> bool:
    if not keys:
        return True
    key, rest = keys[0], keys[1:]
    for t in _members(annotations):
        origin = typing.get_origin(t)
        if origin is list and key == "*" and _known(rest, list(typing.get_args(t))):
            return True
        if origin is dict and key != "*" and _known(rest, list(typing.get_args(t))[1:]):
            return True
        if isinstance(t, type) and issubclass(t, BaseModel) and key in t.model_fields:
            if _known(rest, [t.model_fields[key].annotation]):
                return True
    return False


def _members(annotations: list[Any]) -> Iterator[Any]:
    """Each type of these annotations, with Optional, unions and Annotated taken apart."""
    for t in annotations:
        origin = typing.get_origin(t)
        if origin in (typing.Union, types.UnionType):
            yield from _members(list(typing.get_args(t)))
        elif origin is typing.Annotated:
            yield from _members([typing.get_args(t)[0]])
        else:
            yield t


def _present(data: Any, keys: list[str]) -> bool:
    if not keys:  # a flag set to false asks for nothing, like an empty field
        return data is not False and data not in (None, "", [], {})
    key, rest = keys[0], keys[1:]
    if key == "*":
        return isinstance(data, list) and any(_present(x, rest) for x in data)
    return isinstance(data, dict) and _present(data.get(key), rest)
