"""``drafting compare``: two versions of a naskah as a Word document with tracked changes (or an
HTML page).

Each side is an input (YAML/JSON), an entry of the registry (its number: ``3`` or ``#3``) or a Word
file. Two inputs or entries are compared on the numbered document, Pasal by Pasal
(``redline.changes``); when either side is a Word file — the partner's counter-draft — both are
compared as Word files (``redline.word_files``), an input or entry first rendered as the DOCX the
tool would write. One entry alone is compared with the naskah it follows (``registry.compare.base_of``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import click

from ..document import Document
from ..load import load_agreement
from ..output import same_file, write_atomic
from ..pipeline import INPUT_SUFFIXES, build, render
from ..registry.cli import db_option
from ..registry.compare import base_of, document_of
from ..registry.db import open_registry
from ..registry.records import file_stem, get_record
from .changes import compare as compare_documents
from .docx import redline_docx
from .html import redline_html
from .word_files import compare_docx, read_package

_ENTRY = re.compile(r"#?(\d{1,9})")
DEFAULT_AUTHOR = "drafting"
MAX_AUTHOR = 200


@dataclass(frozen=True)
class Side:
    name: str  # as messages and titles name it: "naskah #3", "draf.yaml", "balasan.docx"
    stem: str  # what the default output is named after
    path: Path | None  # the file it was read from
    doc: Document | None = None  # a naskah the tool builds
    docx: bytes | None = None  # a Word file as it is
    unit: str | None = None  # a registry entry's Satuan Kerja: the default author

    def word_file(self) -> bytes:
        if self.docx is not None:
            return self.docx
        assert self.doc is not None
        return render(self.doc, "docx")


def _side(arg: str, db: str) -> Side:
    if _ENTRY.fullmatch(arg):
        return _entry(arg, db)
    path = Path(arg)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return Side(str(path), path.stem, path, docx=read_package(path))
    if suffix in INPUT_SUFFIXES:
        return Side(str(path), path.stem, path, build(load_agreement(path), source=str(path)))
    raise click.BadParameter(f"'{arg}': sebutkan isian (.yaml, .yml, .json), dokumen Word (.docx), "
                             f"atau nomor registri (mis. 3)", param_hint="LAMA/BARU")


def _entry(arg: str, db: str, *, base: bool = False) -> Side:
    """A registry entry, or with ``base`` the naskah it follows."""
    with open_registry(db)() as session:
        record = get_record(session, int(arg.lstrip("#")))
        if base:
            record = base_of(session, record)
        return Side(f"naskah #{record.id}", file_stem(record), None, document_of(record), unit=record.unit)


def _author(value: str | None) -> str | None:
    if value is not None and not (0 < len(value.strip()) <= MAX_AUTHOR):
        raise click.BadParameter(f"tulis nama penyunting (1–{MAX_AUTHOR} huruf)", param_hint="--author")
    return value.strip() if value else None


@click.command("compare", help=(
    "Membandingkan dua versi naskah dan menulis DOCX dengan lacak perubahan (track changes) yang dapat diterima "
    "atau ditolak di Word dan LibreOffice, atau halaman HTML (-o ….html). LAMA dan BARU masing-masing isian "
    "(YAML/JSON), nomor registri (mis. 3), atau dokumen Word (.docx), mis. draf yang dikirim dan balasan mitra. "
    "Isian dan naskah registri dibandingkan Pasal demi Pasal (penomoran ulang saja bukan perubahan); dokumen Word "
    "dibandingkan sebagai dokumen Word. Satu nomor registri saja: dibandingkan dengan naskah yang diperpanjangnya."))
@click.argument("sides", metavar="LAMA [BARU]", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Berkas keluaran .docx atau .html; bawaan: BARU-perbandingan.docx (di samping BARU, atau di "
                   "folder ini untuk naskah registri).")
@click.option("--author", help=f"Nama penyunting pada tiap perubahan; bawaan: Satuan Kerja naskah registri BARU, "
                               f"atau '{DEFAULT_AUTHOR}'.")
@click.option("--date", metavar="TANGGAL", type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]),
              help="Tanggal perubahan (YYYY-MM-DD atau YYYY-MM-DDTHH:MM); bawaan: hari ini.")
@db_option
def compare(sides: tuple[str, ...], output: Path | None, author: str | None, date: dt.datetime | None,
            db: str) -> None:
    if len(sides) > 2:
        raise click.UsageError("sebutkan paling banyak dua naskah: LAMA dan BARU")
    author = _author(author)
    if len(sides) == 2:
        old, new = _side(sides[0], db), _side(sides[1], db)
    elif _ENTRY.fullmatch(sides[0]):
        old, new = _entry(sides[0], db, base=True), _entry(sides[0], db)
    else:
        raise click.UsageError("dengan satu argumen, sebutkan nomor registri naskah (mis. 3); "
                               "selain itu sebutkan LAMA dan BARU")
    target = output or (new.path.with_name(f"{new.stem}-perbandingan.docx") if new.path
                        else Path(f"{new.stem}-perbandingan.docx"))
    suffix = target.suffix.lower()
    if suffix not in (".docx", ".html"):
        raise click.BadParameter("berkas keluaran berakhiran .docx atau .html", param_hint="-o")
    if any(side.path and same_file(target, side.path) for side in (old, new)):
        raise click.BadParameter(f"{target} adalah naskah yang dibandingkan; pilih nama lain", param_hint="-o")
    who = author or new.unit or DEFAULT_AUTHOR
    when = date or dt.date.today()
    if old.doc is not None and new.doc is not None:
        comparison = compare_documents(old.doc, new.doc)
        if suffix == ".html":
            data = redline_html(comparison, title=f"Perbandingan {new.name} dengan {old.name}").encode("utf-8")
        else:
            data = redline_docx(comparison, author=who, date=when)
        changed = sum(p.op != "equal" for p in comparison.parts())
        summary = f"{changed} dari {len(comparison.parts())} bagian berubah"
    else:
        if suffix == ".html":
            raise click.BadParameter("perbandingan dokumen Word ditulis sebagai .docx", param_hint="-o")
        data, found = compare_docx(old.word_file(), new.word_file(), author=who, date=when, names=(old.name, new.name))
        summary = f"{found} perubahan" if found >= 0 else "perubahan ditandai"
    write_atomic(target, data)
    click.echo(f"ditulis: {target} ({summary})")
