"""The ``drafting`` command. It maps flags onto the pipeline and turns errors into messages:
exit status 2 on bad input, 1 on other failures, never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import library
from .checks import errors
from .checks.finding import SEVERITIES, SEVERITY_WORDS
from .errors import DraftingError, InputError
from .model import Agreement
from .pipeline import FORMATS, check_file, render_file


LIBRARY_HELP = ("Folder pustaka unit (clauses/ dan templates/ sendiri) yang menimpa atau menambah pustaka bawaan "
                "dan pustaka yang disebut isian; boleh berulang.")


def library_option(f=None, *, help: str = LIBRARY_HELP):  # noqa: ANN001, ANN201, A002 - a click decorator
    """``--library DIR``: a unit's own clauses and templates, over the shipped ones and the input's own."""
    option = click.option("--library", "libraries", multiple=True,
                          type=click.Path(path_type=Path, file_okay=False, exists=True), help=help)
    return option(f) if f is not None else option


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(exc.describe(), err=True)
            sys.exit(2)
        except DraftingError as exc:
            click.echo(f"galat: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, help="Menyusun naskah kerja sama (PKS / Nota Kesepahaman) dari isian YAML atau JSON.")
@click.version_option(package_name="drafting")
def main() -> None:
    pass


@main.command(help="Menyusun naskah dari tiap INPUT (YAML/JSON) dan menulisnya sebagai DOCX, PDF (dengan LibreOffice), Markdown, atau HTML. "
                   "Naskah diperiksa lebih dahulu (lihat 'drafting check'); naskah dengan galat tidak ditulis.")
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Berkas keluaran (untuk satu INPUT); bawaan: nama INPUT dengan akhiran format.")
@click.option("--out-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder keluaran untuk semua INPUT.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="docx", show_default=True)
@click.option("--force", is_flag=True, help="Tetap menulis naskah meskipun pemeriksaan menemukan galat.")
@library_option
def render(inputs: tuple[Path, ...], output: Path | None, out_dir: Path | None, fmt: str, force: bool,
           libraries: tuple[Path, ...]) -> None:
    if output and len(inputs) > 1:
        raise click.UsageError("-o hanya untuk satu INPUT; untuk beberapa, pakai --out-dir")
    refused = False
    for source in inputs:
        target = output or (out_dir / source.with_suffix(FORMATS[fmt]).name if out_dir else None)
        result = render_file(source, target, fmt, force=force, libraries=libraries)
        for finding in result.findings:
            click.echo(f"{source}: {finding.describe()}", err=True)
        if result.target is None:
            refused = True
            click.echo(f"tidak ditulis: {source} (ada galat; perbaiki, atau pakai --force)", err=True)
        elif errors(result.findings):
            click.echo(f"ditulis meskipun ada galat (--force): {result.target}")
        else:
            click.echo(f"ditulis: {result.target}")
    if refused:
        sys.exit(1)


@main.command(help="Memeriksa naskah menurut Permen 8/2025 dan konsistensinya: isian (YAML/JSON) beserta naskah "
                   "yang disusun darinya, atau naskah yang sudah ada (DOCX, Markdown, teks). Status keluar 1 jika "
                   "ada galat.")
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON: satu objek per INPUT.")
@library_option
def check(inputs: tuple[Path, ...], as_json: bool, libraries: tuple[Path, ...]) -> None:
    reports = [(source, check_file(source, libraries=libraries)) for source in inputs]
    if as_json:
        click.echo(json.dumps([{"input": str(source), "findings": [f.to_dict() for f in findings]}
                               for source, findings in reports], indent=2, ensure_ascii=False))
    else:
        for source, findings in reports:
            counts = ", ".join(f"{sum(f.severity == s for f in findings)} {SEVERITY_WORDS[s]}" for s in SEVERITIES)
            click.echo(f"{source}: {counts}")
            for finding in findings:
                click.echo(f"  {finding.describe()}")
    if any(errors(findings) for _, findings in reports):
        sys.exit(1)


@main.command(help="Mencetak JSON Schema isian naskah.")
def schema() -> None:
    click.echo(json.dumps(Agreement.model_json_schema(), indent=2, ensure_ascii=False))


@main.command(help="Mencantumkan klausul dalam pustaka: id, judul, jenis naskah, isian yang diperlukan, varian "
                   "(dengan --library: pustaka bawaan beserta pustaka unit, yang diperiksa lebih dahulu).")
@library_option
def clauses(libraries: tuple[Path, ...]) -> None:
    parts = {"title": "(judul naskah)", "front": "(bagian pembuka)", "signature": "(blok tanda tangan)"}
    lib = library.load(library.with_shipped(libraries))
    for clause in lib.clauses.values():
        title = clause.title or parts.get(clause.part, "")
        click.echo(f"{clause.id}\n  judul   : {title}\n  naskah  : {', '.join(clause.kinds)}")
        click.echo(f"  isian   : {', '.join(clause.requires) or '-'}\n  varian  : {', '.join(clause.variants)}")
        source = "" if clause.shipped else f"  berkas  : {library.shown(clause.file)}\n"
        click.echo(f"{source}  {clause.summary}\n")


# Commands from other parts of the project register below, one import and one add_command each.
from .web.cli import serve  # noqa: E402
main.add_command(serve)
from .registry.cli import batch, registry, renew_  # noqa: E402
main.add_command(registry)
main.add_command(renew_)
main.add_command(batch)
