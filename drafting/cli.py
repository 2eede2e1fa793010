"""The ``drafting`` command. It maps flags onto the pipeline and turns errors into messages:
exit status 2 on bad input, 1 on other failures, never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import library
from .errors import DraftingError, InputError
from .model import Agreement
from .pipeline import FORMATS, render_file


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


@main.command(help="Menyusun naskah dari tiap INPUT (YAML/JSON) dan menulisnya sebagai DOCX, Markdown, atau HTML.")
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Berkas keluaran (untuk satu INPUT); bawaan: nama INPUT dengan akhiran format.")
@click.option("--out-dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder keluaran untuk semua INPUT.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="docx", show_default=True)
def render(inputs: tuple[Path, ...], output: Path | None, out_dir: Path | None, fmt: str) -> None:
    if output and len(inputs) > 1:
        raise click.UsageError("-o hanya untuk satu INPUT; untuk beberapa, pakai --out-dir")
    for source in inputs:
        target = output or (out_dir / source.with_suffix(FORMATS[fmt]).name if out_dir else None)
        click.echo(f"ditulis: {render_file(source, target, fmt)}")


@main.command(help="Mencetak JSON Schema isian naskah.")
def schema() -> None:
    click.echo(json.dumps(Agreement.model_json_schema(), indent=2, ensure_ascii=False))


@main.command(help="Mencantumkan klausul dalam pustaka: id, judul, jenis naskah, isian yang diperlukan, varian.")
def clauses() -> None:
    for clause in library.clauses().values():
        title = clause.title or f"({clause.part}: bagian pembuka)"
        click.echo(f"{clause.id}\n  judul   : {title}\n  naskah  : {', '.join(clause.kinds)}")
        click.echo(f"  isian   : {', '.join(clause.requires) or '-'}\n  varian  : {', '.join(clause.variants)}")
        click.echo(f"  {clause.summary}\n")


# Commands from other parts of the project register below, one import and one add_command each.
