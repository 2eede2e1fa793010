"""The ``drafting`` command. It maps flags onto the pipeline and turns errors into messages:
exit status 2 on bad input or a file that cannot be written, 1 on other failures, never a
traceback. Everything click itself says is in Indonesian too (``cli_messages.py``)."""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

from . import cli_messages

cli_messages.install()  # before any command is declared: click takes some of its words then

import click  # noqa: E402

from .errors import DraftingError, InputError, OutputError, os_reason  # noqa: E402
from .formats import FORMATS  # noqa: E402
from .output import commands_inputs, same_file  # noqa: E402

# Commands imported only when run (or asked for their --help), so that ``drafting --help`` and the
# light commands start without SQLAlchemy, FastAPI or docxtpl: name -> ("module:attribute", the
# one line ``drafting --help`` shows for it). A new command is one row here.
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("drafting.web.cli:serve", "Menjalankan formulir penyusunan naskah di peramban."),
    "registry": ("drafting.registry.cli:registry",
                 "Registri naskah kerja sama: impor/ekspor, daftar, laporan, lampiran Permen 8/2025."),
    "renew": ("drafting.registry.cli:renew_", "Menyusun draf perpanjangan naskah terdaftar (Permen 8/2025 Pasal 36)."),
    "batch": ("drafting.registry.cli:batch", "Memeriksa dan menyusun ulang naskah terpilih dari registri."),
    "compare": ("drafting.redline.cli:compare", "Membandingkan dua versi naskah (DOCX dengan lacak perubahan, atau HTML)."),
    "extract": ("drafting.extract.cli:extract_", "Membaca naskah yang sudah ada kembali menjadi isian YAML."),
    "adendum": ("drafting.adendum.cli:adendum_", "Menyusun adendum naskah yang ditandatangani (Pasal I dan Pasal II)."),
    "konsolidasi": ("drafting.adendum.cli:konsolidasi", "Menulis naskah konsolidasi: naskah dengan adendumnya."),
}


LIBRARY_HELP = ("Folder pustaka unit (clauses/ dan templates/ sendiri) yang menimpa atau menambah pustaka bawaan "
                "dan pustaka yang disebut isian; boleh berulang.")


def library_option(f=None, *, help: str = LIBRARY_HELP):  # noqa: ANN001, ANN201, A002 - a click decorator
    """``--library DIR``: a unit's own clauses and templates, over the shipped ones and the input's own."""
    option = click.option("--library", "libraries", multiple=True,
                          type=click.Path(path_type=Path, file_okay=False, exists=True), help=help)
    return option(f) if f is not None else option


def shown(text: str) -> str:
    """A message as the terminal gets it: a character from the input that it would act on or not
    show (ESC of a colour or cursor sequence, a zero-width space in a key) written as its code."""
    if text.replace("\n", "").isprintable():
        return text
    return "".join(c if c.isprintable() or c == "\n" else c.encode("unicode_escape").decode("ascii") for c in text)


class _Group(click.Group):
    """The ``drafting`` group: errors become messages and exit codes; the commands of
    ``LAZY_COMMANDS`` are imported when one of them is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module, attr = LAZY_COMMANDS[cmd_name][0].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # the listing reads a lazy command's line from the table, without importing it
        rows = [(name, LAZY_COMMANDS[name][1] if name in LAZY_COMMANDS
                 else self.commands[name].get_short_help_str(formatter.width)) for name in self.list_commands(ctx)]
        with formatter.section(cli_messages.gettext("Commands")):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            with commands_inputs():  # what a command reads, it never overwrites (output.py)
                return super().invoke(ctx)
        except (InputError, OutputError) as exc:
            click.echo(shown(exc.describe()), err=True)
            sys.exit(2)
        except DraftingError as exc:
            click.echo(shown(f"galat: {exc}"), err=True)
            sys.exit(1)


@click.group(cls=_Group, help="Menyusun naskah kerja sama (PKS / Nota Kesepahaman) dari isian YAML atau JSON.")
@click.version_option(package_name="drafting")
def main() -> None:
    pass


@main.command(short_help="Menyusun naskah (DOCX, PDF, Markdown, HTML) dari isian YAML/JSON.",
              help="Menyusun naskah dari tiap INPUT (YAML/JSON) dan menulisnya sebagai DOCX, PDF (dengan LibreOffice), "
                   "Markdown, atau HTML. Naskah diperiksa lebih dahulu (lihat 'drafting check'); naskah dengan galat "
                   "tidak ditulis. Format mengikuti akhiran berkas -o; berkas isian tidak pernah ditimpa.")
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              help="Berkas keluaran (untuk satu INPUT); formatnya mengikuti akhirannya. '-': ke keluaran baku "
                   "(dengan --format). Bawaan: nama INPUT dengan akhiran format.")
@click.option("--out-dir", metavar="FOLDER", type=click.Path(path_type=Path, file_okay=False),
              help="Folder keluaran untuk semua INPUT.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)),
              help="Format keluaran; bawaan: akhiran berkas -o, atau docx.")
@click.option("--force", is_flag=True, help="Tetap menulis naskah meskipun pemeriksaan menemukan galat.")
@library_option
def render(inputs: tuple[Path, ...], output: Path | None, out_dir: Path | None, fmt: str | None, force: bool,
           libraries: tuple[Path, ...]) -> None:
    from .checks import errors
    from .pipeline import render_file

    if output and len(inputs) > 1:
        raise click.UsageError("-o hanya untuk satu INPUT; untuk beberapa, pakai --out-dir")
    to_stdout = output == STDOUT
    if to_stdout:
        fmt = _stdout_format(fmt)
    else:
        if output is not None:
            _not_an_input(output, inputs)
        fmt = _format(output, fmt)
    targets = _targets(inputs, output, out_dir, fmt)
    refused = False
    for source, target in zip(inputs, targets):
        result = render_file(source, target, fmt, force=force, libraries=libraries,
                             **({"write": write_stdout} if to_stdout else {}))
        for finding in result.findings:
            click.echo(shown(f"{source}: {finding.describe()}"), err=True)
        if result.target is None:
            refused = True
            click.echo(f"tidak ditulis: {source} (ada galat; perbaiki, atau pakai --force)", err=True)
        elif errors(result.findings):
            click.echo(f"ditulis meskipun ada galat (--force): {result.target}", err=to_stdout)
        else:
            click.echo(f"ditulis: {result.target}", err=to_stdout)
    if refused:
        sys.exit(1)


STDOUT = Path("-")  # -o -: the naskah to standard output, for a pipe


def _stdout_format(fmt: str | None) -> str:
    """The format of a naskah written to standard output: named by --format (there is no suffix
    to follow), and never a DOCX or PDF onto a terminal, which would show it as garbage."""
    if fmt is None:
        raise OutputError("-", "keluaran baku (-o -) memerlukan --format (docx, md, html, pdf)")
    if fmt in ("docx", "pdf") and sys.stdout.isatty():
        raise OutputError("-", f"naskah {fmt} tidak ditampilkan di layar; alirkan ke berkas atau program "
                               f"(mis. -o - --format {fmt} > naskah.{fmt}), atau pakai --format md")
    return fmt


def write_stdout(_target: Path, data: bytes) -> None:
    """Write ``data`` to standard output (the ``write`` of ``-o -``; the target is '-')."""
    stream = sys.stdout.buffer
    try:
        stream.write(data)
        stream.flush()
    except OSError as exc:  # a full disk, a reader that stopped (``| head``)
        # what is left in the buffer would fail again at exit, with Python's own message
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        raise OutputError("-", os_reason(exc)) from None


def _not_an_input(target: Path, inputs: tuple[Path, ...]) -> None:
    for source in inputs:
        if same_file(target, source):
            raise OutputError(str(target), f"itu berkas isian {source}; isian tidak pernah ditimpa: pilih nama "
                                           "keluaran lain (-o) atau folder lain (--out-dir)")


def _format(output: Path | None, fmt: str | None) -> str:
    """The format asked for, which the suffix of -o must agree with: a DOCX is never written
    under a .md name, nor Markdown under a .docx one."""
    if output is None:
        return fmt or "docx"
    by_suffix = {suffix: name for name, suffix in FORMATS.items()}
    suffix = output.suffix.lower()
    if suffix not in by_suffix:
        raise OutputError(str(output), f"akhiran '{suffix or '(tanpa akhiran)'}' bukan format keluaran; pakai "
                                       f"{', '.join(FORMATS.values())}")
    if fmt and by_suffix[suffix] != fmt:
        raise OutputError(str(output), f"akhirannya {suffix}, sedangkan --format {fmt}; samakan keduanya "
                                       f"(mis. -o {output.with_suffix(FORMATS[fmt]).name})")
    return by_suffix[suffix]


def _targets(inputs: tuple[Path, ...], output: Path | None, out_dir: Path | None, fmt: str) -> list[Path]:
    """Where each input is written; refused before anything is written when one of them would
    replace an input of this run (``render x.yaml -o x.yaml``, ``render x.docx`` holding YAML),
    or two inputs would be written to the same file."""
    targets = [output or (out_dir / source.with_suffix(FORMATS[fmt]).name if out_dir else source.with_suffix(FORMATS[fmt]))
               for source in inputs]
    for i, target in enumerate(targets):
        _not_an_input(target, inputs)
        for other, earlier in zip(inputs, targets[:i]):
            if same_file(target, earlier) or target == earlier:
                raise OutputError(str(target), f"{inputs[i]} dan {other} akan ditulis ke berkas yang sama; "
                                               "ganti nama salah satunya")
    return targets


CHECK_HELP = """Memeriksa naskah: isian (YAML/JSON) beserta naskah yang disusun darinya, atau naskah yang sudah
ada (PDF, DOCX, Markdown, teks).

\b
Aturan yang dijalankan bergantung pada naskahnya, dan dikatakan sekali per INPUT (baris [info] aturan):
- semua naskah: aturan penyusunan dan konsistensi (UU 12/2011 Lampiran II; meterai UU 10/2020);
- naskah dengan pihak Kementerian Imigrasi dan Pemasyarakatan yang ditandatangani sejak Permen 8/2025
  ditetapkan (22 Mei 2025), atau belum ditandatangani: juga aturan Permen 8/2025.

\b
Tingkat temuan (teks, dan JSON "severity_word" / kunci tetap "severity"):
  galat      / error    harus diperbaiki; 'drafting render' tidak menulis naskah yang bergalat
  peringatan / warning  periksa dan putuskan
  info       / info     keterangan

\b
Status keluar: 0 tanpa galat; 1 ada galat; 2 INPUT tidak dapat dibaca (tidak ada, rusak, isian tidak sah,
PDF tanpa teks/hasil pindaian)."""


NEW_HELP = """Membuat isian naskah baru BERKAS (.yaml) yang langsung dapat disusun: pilih jenis naskah dan
jawab beberapa pertanyaan (para pihak, pokok, pertukaran data, jangka waktu); yang tidak dijawab
menjadi titik-titik draf. Atau mulai dari contoh (--from) atau isian naskah dalam registri
(--from-registry). Berkas yang sudah ada tidak pernah ditimpa.

\b
  drafting new naskah.yaml
  drafting new naskah.yaml --kind nota_kesepahaman
  drafting new naskah.yaml --from pks_kanim_pemkab     (contoh di examples/, atau jalur berkas)
  drafting new naskah.yaml --from-registry 12 --db registri.db"""


@main.command(short_help="Membuat isian naskah baru (bertanya, atau dari contoh atau registri).", help=NEW_HELP)
@click.argument("target", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--kind", metavar="JENIS", help="Jenis naskah (tanpa bertanya): perjanjian_kerja_sama, "
                                              "nota_kesepahaman, memorandum_saling_pengertian, ….")
@click.option("--from", "source", metavar="CONTOH", help="Contoh (nama di examples/) atau berkas isian yang disalin.")
@click.option("--from-registry", "entry", metavar="ID", type=int, help="Nomor naskah dalam registri yang isiannya disalin.")
@click.option("--db", envvar="DRAFTING_DB", help="Registri untuk --from-registry (juga dari DRAFTING_DB).")
def new(target: Path, kind: str | None, source: str | None, entry: int | None, db: str | None) -> None:
    from . import starter

    if target.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError(str(target), "isian baru ditulis sebagai YAML: pakai akhiran .yaml")
    if source and entry is not None:
        raise click.UsageError("pilih salah satu: --from atau --from-registry")
    if target.exists() or target.is_symlink():
        raise OutputError(str(target), "sudah ada; 'drafting new' tidak pernah menimpa berkas: pilih nama lain")
    if entry is not None:
        if not db:
            raise click.UsageError("--from-registry memerlukan --db (atau DRAFTING_DB)")
        text = starter.from_registry(entry, db, target)
    elif source:
        path = starter.example(source) or Path(source)
        text = starter.from_file(path, target)
    else:
        text = starter.commented(starter.answered(_kind(starter.kinds(), kind), _ask), target)
    starter.write_new(target, text)
    click.echo(f"ditulis: {target}\nlanjutkan dengan: drafting render {target}")


def _kind(kinds, chosen: str | None):  # noqa: ANN001, ANN202 - starter's types, imported when run
    names = [k.value for k, _ in kinds]
    if chosen is not None:
        if chosen not in names:
            raise click.BadParameter(f"{chosen!r} bukan salah satu dari {', '.join(names)}", param_hint="'--kind'")
        return kinds[names.index(chosen)][0]
    menu = "\n".join(f"  {i}. {label} ({k.value})" for i, (k, label) in enumerate(kinds, 1))
    number = click.prompt(f"Jenis naskah\n{menu}\nnomor", type=click.IntRange(1, len(kinds)), default=1)
    return kinds[number - 1][0]


def _ask(prompt: str, default: str) -> str:
    return click.prompt(prompt, default=default, show_default=bool(default))


@main.command(short_help="Memeriksa isian atau naskah yang sudah ada.", help=CHECK_HELP)
@click.argument("inputs", metavar="INPUT...", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True,
              help="Keluaran JSON: satu objek per INPUT (input, rule_set, ran, skipped, findings); tiap temuan "
                   "dengan severity_word galat/peringatan/info seperti pada teks, dan kunci tetap severity "
                   "error/warning/info untuk skrip.")
@library_option
def check(inputs: tuple[Path, ...], as_json: bool, libraries: tuple[Path, ...]) -> None:
    from .checks import errors
    from .checks.finding import SEVERITIES, SEVERITY_WORDS
    from .pipeline import check_file

    reports = [(source, check_file(source, libraries=libraries)) for source in inputs]
    if as_json:
        click.echo(json.dumps([{"input": str(source), **report.to_dict()} for source, report in reports],
                              indent=2, ensure_ascii=False))
    else:
        for source, report in reports:
            findings = report.findings
            counts = ", ".join(f"{sum(f.severity == s for f in findings)} {SEVERITY_WORDS[s]}" for s in SEVERITIES)
            click.echo(f"{source}: {counts}")
            click.echo(f"  [info] aturan: {report.rule_set()}")
            for finding in findings:
                click.echo(shown(f"  {finding.describe()}"))
    if any(errors(report.findings) for _, report in reports):
        sys.exit(1)


@main.command(help="Mencetak JSON Schema isian naskah.")
def schema() -> None:
    from .model import Agreement

    click.echo(json.dumps(Agreement.model_json_schema(), indent=2, ensure_ascii=False))


@main.command(short_help="Mencantumkan klausul dalam pustaka.",
              help="Mencantumkan klausul dalam pustaka: id, judul, jenis naskah, isian yang diperlukan, varian "
                   "(dengan --library: pustaka bawaan beserta pustaka unit, yang diperiksa lebih dahulu).")
@library_option
def clauses(libraries: tuple[Path, ...]) -> None:
    from . import library

    parts = {"title": "(judul naskah)", "front": "(bagian pembuka)", "signature": "(blok tanda tangan)"}
    lib = library.load(library.with_shipped(libraries))
    for clause in lib.clauses.values():
        title = clause.title or parts.get(clause.part, "")
        click.echo(f"{clause.id}\n  judul   : {title}\n  naskah  : {', '.join(clause.kinds)}")
        click.echo(f"  isian   : {', '.join(clause.requires) or '-'}\n  varian  : {', '.join(clause.variants)}")
        source = "" if clause.shipped else f"  berkas  : {library.shown(clause.file)}\n"
        click.echo(f"{source}  {clause.summary}\n")
