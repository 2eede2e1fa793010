"""``drafting new``: the input of a new draft, commented, that renders at once.

A new input starts from the kind's skeleton (``templates/<kind>/baru.yaml``, or its family's: a
Surat Perjanjian starts as a Perjanjian Kerja Sama), in which every required field holds the
blank of a draft; the drafter's answers in the terminal replace blanks, and what is not answered
stays a blank that the naskah prints as dots. Or it starts from an existing input: an example, a
file, or a registry entry's stored input. Either way the text written is validated first, carries
the ``yaml-language-server`` line that gives editors the schema, and never replaces a file.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .assemble import BLANK
from .errors import InputError, OutputError, Problem
from .library import ROOT, TEMPLATES_DIR, load, with_shipped
from .load import parse_agreement, read_text
from .model import Agreement, Kind, MitraType
from .output import write_atomic

SCHEMA_FILE = ROOT / "schema" / "agreement.schema.json"  # `drafting schema`, kept current by a test
SCHEMA_LINE = "# yaml-language-server: $schema="
EXAMPLES_DIR = ROOT / "examples"
ORDINALS = ("PERTAMA", "KEDUA")

# A question: its prompt and what it answers with (the default shown, the one taken on Enter).
Ask = Callable[[str, str], str]


def schema_line(target: Path) -> str:
    """The line that tells the YAML extension of VS Code (and other editors) which schema the
    file follows: relative to a file in this clone, so that it holds wherever the clone is moved;
    an absolute ``file:`` address from anywhere else."""
    folder = target.resolve().parent
    if folder.is_relative_to(ROOT):
        return SCHEMA_LINE + Path(os.path.relpath(SCHEMA_FILE, folder)).as_posix()
    return SCHEMA_LINE + SCHEMA_FILE.as_uri()


def skeleton(kind: Kind) -> dict[str, Any]:
    folder = TEMPLATES_DIR / kind.value
    if not (folder / "baru.yaml").is_file():
        folder = TEMPLATES_DIR / kind.family.value
    data = yaml.safe_load((folder / "baru.yaml").read_text(encoding="utf-8"))
    data["kind"] = kind.value
    return data


def kinds() -> list[tuple[Kind, str]]:
    """Every kind with a template, and what its naskah is called: the menu of ``drafting new``."""
    lib = load(with_shipped(()))
    return [(k, lib.template(k.value).naskah) for k in Kind if k.value in lib.templates]


def answered(kind: Kind, ask: Ask) -> dict[str, Any]:
    """The kind's skeleton with the drafter's answers; an empty answer leaves the blank."""
    data = skeleton(kind)

    def fill(prompt: str, current: str) -> str:
        answer = ask(prompt, "" if current == BLANK else current).strip()
        return answer or current

    data["tentang"] = fill("Tentang (pokok naskah, tanpa kata 'tentang')", data["tentang"])
    for party, ordinal in zip(data["parties"], ORDINALS):
        party["name"] = fill(f"PIHAK {ordinal}: nama instansi", party["name"])
        short = ask(f"PIHAK {ordinal}: nama singkat di dalam teks", "" if party["name"] == BLANK else party["name"])
        party["short_name"] = short.strip() or f"{BLANK} ({ordinal.lower()})"  # two blanks must differ
        party["mitra_type"] = _choice(ask, f"PIHAK {ordinal}: jenis mitra", [m.value for m in MitraType],
                                      party["mitra_type"])
        person = party["representative"]
        person["name"] = fill(f"PIHAK {ordinal}: nama penandatangan", person["name"])
        person["position"] = fill(f"PIHAK {ordinal}: jabatan penandatangan", person["position"])
    if "pertukaran_data" in {e.clause for e in load(with_shipped(())).template(kind.value).entries()}:
        if _yes(ask("Ada pertukaran data antara para pihak? (y/t)", "t")):
            what = ask("Data apa yang diterima PIHAK PERTAMA dari PIHAK KEDUA (mis. 'data kepesertaan')", "")
            data["data_exchange"] = {"mechanism": BLANK, "flows": [
                {"receiver": 1, "provider": 2, "data": what.strip() or "data", "items": [BLANK]}]}
    years = ask("Jangka waktu, dalam tahun", str(data["term"]["years"])).strip()
    data["term"]["years"] = int(years) if years.isdigit() else years  # not a number: the model says why
    return data


def _choice(ask: Ask, prompt: str, options: list[str], current: str) -> str:
    menu = "\n".join(f"  {i}. {o}" for i, o in enumerate(options, 1))
    answer = ask(f"{prompt}\n{menu}\nnomor atau nama", str(options.index(current) + 1)).strip()
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return options[int(answer) - 1]
    return answer or current


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("y", "ya")


def commented(data: dict[str, Any], target: Path) -> str:
    """The input as YAML, each top-level field under its description from the schema."""
    naskah = load(with_shipped(())).template(data["kind"]).naskah
    head = [schema_line(target),
            f"# Draf {naskah}, dibuat dengan 'drafting new'. Isian {BLANK} belum diketahui dan dicetak",
            "# sebagai titik-titik: lengkapi, lalu hapus 'draft: true' bila naskah sudah final.",
            f"# Susun naskahnya: drafting render {target.name}   Periksa: drafting check {target.name}", ""]
    parts = []
    for key, value in data.items():
        field = Agreement.model_fields.get(key)
        about = field.description if field and field.description else ""
        comment = textwrap.wrap(about, 98, initial_indent="# ", subsequent_indent="# ")
        parts.append("\n".join(comment + [yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False,
                                                          width=100).rstrip()]))
    return "\n".join(head) + "\n".join(parts) + "\n"


def from_file(source: Path, target: Path) -> str:
    """An existing input (an example), its comments kept; its unit library, named relative to
    it, named relative to the new file instead, and its schema line pointed from there."""
    text = read_text(source)
    agreement = parse_agreement(text, source=str(source))
    lines = [line for line in text.splitlines() if not line.startswith(SCHEMA_LINE)]
    text = "\n".join([schema_line(target), *lines]) + "\n"
    for entry in agreement.library:
        moved = Path(os.path.relpath((source.parent / entry).resolve(), target.resolve().parent)).as_posix()
        text = text.replace(f"library: {entry}\n", f"library: {moved}\n").replace(f"- {entry}\n", f"- {moved}\n")
    return text


def example(name: str) -> Path | None:
    """An example named by its file name or stem: ``--from pks_kanim_pemkab``."""
    path = EXAMPLES_DIR / name
    for candidate in (path, path.with_suffix(".yaml")):
        if candidate.is_file() and candidate.parent == EXAMPLES_DIR:
            return candidate
    return None


def from_registry(agreement_id: int, db: str, target: Path) -> str:
    from .registry.db import open_registry  # SQLAlchemy: only for this source
    from .registry.records import get_record

    with open_registry(db)() as session:
        record = get_record(session, agreement_id)
        if record.input_text is None:
            raise InputError(f"registri #{agreement_id}", [Problem("", "naskah ini terdaftar tanpa isian (diimpor dari "
                                                                       "lembar); buat isiannya dengan 'drafting new'")])
        text = record.input_text
    lines = [line for line in text.splitlines() if not line.startswith(SCHEMA_LINE)]
    return "\n".join([schema_line(target), *lines]) + "\n"


def write_new(target: Path, text: str) -> None:
    """Validated as ``render`` will read it, then written; an existing file is never replaced."""
    if target.exists() or target.is_symlink():
        raise OutputError(str(target), "sudah ada; 'drafting new' tidak pernah menimpa berkas: pilih nama lain")
    parse_agreement(text, source=str(target))
    write_atomic(target, text.encode("utf-8"))
