"""``drafting adendum`` and ``drafting konsolidasi``: an adendum of a signed agreement, and the
agreement with its adenda applied.

The signed agreement is an input file, or an entry of the registry (its number); after it, the
changed inputs in order (from the registry, its adenda recorded so far, then the one named). The
adendum is of the last changed input; with a registry entry it is recorded as the entry's next
adendum. A naskah konsolidasi is marked as such, and ``--redline`` writes it against the agreement
as signed, with Word's tracked changes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import click

from ..document import Document
from ..load import load_agreement
from ..model import Agreement
from ..errors import OutputError
from ..output import not_read, same_file, write_atomic
from ..pipeline import FORMATS, render
from ..redline.changes import compare
from ..redline.docx import redline_docx
from ..registry.cli import db_option
from .consolidated import consolidated
from .naskah import Amendment, adendum, history

_ENTRY = re.compile(r"#?(\d{1,9})")


def _format_of(target: Path, hint: str = "-o") -> str:
    by_suffix = {suffix: name for name, suffix in FORMATS.items()}
    if target.suffix.lower() not in by_suffix:
        raise click.BadParameter(f"akhiran '{target.suffix}' bukan format keluaran; pakai "
                                 f"{', '.join(FORMATS.values())}", param_hint=hint)
    return by_suffix[target.suffix.lower()]


def _inputs(signed: str, changed: tuple[Path, ...],
            db: str) -> tuple[Agreement, list[Agreement], list[str], int | None]:
    """The signed agreement, the changed inputs in order, their names, and the registry entry."""
    if _ENTRY.fullmatch(signed):
        from ..registry.adenda import chain  # the registry only when asked for
        from ..registry.db import open_registry

        entry = int(signed.lstrip("#"))
        with open_registry(db)() as session:
            agreement, recorded = chain(session, entry)
        names = [f"registri #{entry}"] + [f"registri #{entry}, adendum {k}" for k in range(1, len(recorded) + 1)]
        return (agreement, recorded + [load_agreement(p) for p in changed], names + [str(p) for p in changed],
                entry)
    return load_agreement(Path(signed)), [load_agreement(p) for p in changed], [signed, *map(str, changed)], None


def _targets(*named: tuple[Path | None, str]) -> None:
    """Every file the command will write, refused before the first is written: a format it
    cannot have, an input (or anything the command read), or two options naming one file."""
    given = [(target, hint) for target, hint in named if target is not None]
    for i, (target, hint) in enumerate(given):
        try:
            not_read(target)
        except OutputError:
            raise click.BadParameter(f"{target} adalah berkas isian; isian tidak pernah ditimpa", param_hint=hint) \
                from None
        if hint == "--redline":
            if target.suffix.lower() != ".docx":
                raise click.BadParameter("perbandingan ditulis sebagai .docx", param_hint=hint)
        else:
            _format_of(target, hint)
        for other, other_hint in given[:i]:
            if same_file(target, other) or target == other:
                raise click.BadParameter(f"{target} juga disebut untuk {other_hint}; sebutkan berkas lain",
                                         param_hint=hint)


def _write(target: Path, doc: Document) -> None:
    write_atomic(target, render(doc, _format_of(target)))
    click.echo(f"ditulis: {target}")


def _redline(target: Path, amendments: list[Amendment], doc: Document, author: str, date: dt.date) -> None:
    """The naskah konsolidasi against the agreement as signed, in Word's tracked changes."""
    write_atomic(target, redline_docx(compare(amendments[0].before.doc, doc), author=author, date=date))
    click.echo(f"ditulis: {target}")


_AUTHOR = click.option("--author", default="drafting", show_default=True, help="Nama penyunting pada tiap perubahan "
                                                                                 "(--redline).")
_DATE = click.option("--date", metavar="TANGGAL", type=click.DateTime(formats=["%Y-%m-%d"]),
                     help="Tanggal perubahan (--redline), YYYY-MM-DD; bawaan: hari ini.")


@click.command("adendum", help=(
    "Menyusun adendum naskah yang ditandatangani: NASKAH adalah isian naskah itu (YAML/JSON) atau nomor registrinya, "
    "DIUBAH isian naskah sesudah diubah (dengan bagian 'adendum': alasan, nomor, tanggal, penandatangan). Perubahan "
    "dihitung Pasal demi Pasal dan ditulis sebagai Pasal I (diubah, disisipkan, dihapus; nomor Pasal naskah tidak "
    "diubah) dan Pasal II. Beberapa DIUBAH: adendum-adendum berturut-turut, yang terakhir ditulis. Dengan nomor "
    "registri, adendum dicatat pada naskah itu (PERTAMA, KEDUA, … dihitung dari registri)."))
@click.argument("signed", metavar="NASKAH")
@click.argument("changed", metavar="DIUBAH...", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Berkas adendum (.docx, .pdf, .md, .html); bawaan: DIUBAH-adendum.docx.")
@click.option("--consolidated", "consolidated_to", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False),
              help="Tulis juga naskah konsolidasi (naskah dengan adendumnya, bukan naskah autentik).")
@click.option("--redline", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False),
              help="Tulis juga naskah konsolidasi dibandingkan dengan naskah yang ditandatangani (.docx, lacak "
                   "perubahan).")
@_AUTHOR
@_DATE
@db_option
def adendum_(signed: str, changed: tuple[Path, ...], output: Path | None, consolidated_to: Path | None,
             redline: Path | None, author: str, date: dt.datetime | None, db: str) -> None:
    agreement, chain_, names, entry = _inputs(signed, changed, db)
    output = output or changed[-1].with_name(f"{changed[-1].stem}-adendum.docx")
    _targets((output, "-o"), (consolidated_to, "--consolidated"), (redline, "--redline"))
    amendments = history(agreement, chain_, names)
    doc = adendum(agreement, amendments, source=names[-1])
    last = amendments[-1]
    click.echo(f"Adendum ke-{last.ke}: {len(last.points)} butir perubahan dalam Pasal I")
    outside = [c.node.title for c in (*last.comparison.front, *last.comparison.closing) if c.op != "equal"]
    if outside:  # an adendum amends Pasal; the title block, opening and recitals stay as signed
        click.echo(f"catatan: berubah di luar pasal, tidak dituangkan dalam adendum: {', '.join(outside)}", err=True)
    _write(output, doc)
    if consolidated_to or redline:
        merged = consolidated(agreement, amendments, source=names[-1])
        if consolidated_to:
            _write(consolidated_to, merged)
        if redline:
            _redline(redline, amendments, merged, author, (date or dt.datetime.now()).date())
    if entry is not None:
        from ..registry.adenda import record
        from ..registry.db import open_registry

        with open_registry(db).begin() as session:
            record(session, entry, last.after.agreement)
        click.echo(f"dicatat: adendum ke-{last.ke} naskah #{entry}")


@click.command("konsolidasi", help=(
    "Menulis naskah konsolidasi: NASKAH (isian atau nomor registri) dengan adendumnya diterapkan berurutan (DIUBAH…, "
    "atau adendum yang tercatat di registri), ditandai sebagai naskah konsolidasi, bukan naskah autentik."))
@click.argument("signed", metavar="NASKAH")
@click.argument("changed", metavar="[DIUBAH...]", nargs=-1,
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Berkas keluaran (.docx, .pdf, .md, .html).")
@click.option("--redline", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False),
              help="Tulis juga perbandingannya dengan naskah yang ditandatangani (.docx, lacak perubahan).")
@_AUTHOR
@_DATE
@db_option
def konsolidasi(signed: str, changed: tuple[Path, ...], output: Path, redline: Path | None, author: str,
                date: dt.datetime | None, db: str) -> None:
    agreement, chain_, names, _ = _inputs(signed, changed, db)
    _targets((output, "-o"), (redline, "--redline"))
    if not chain_:
        raise click.UsageError("naskah ini belum mempunyai adendum: sebutkan isian DIUBAH, atau catat adendumnya "
                               "dengan 'drafting adendum'")
    amendments = history(agreement, chain_, names)
    merged = consolidated(agreement, amendments, source=names[-1])
    _write(output, merged)
    if redline:
        _redline(redline, amendments, merged, author, (date or dt.datetime.now()).date())
