"""The registry's commands: ``drafting registry …``, ``drafting renew``, ``drafting batch``.

They map flags onto the registry modules; ``drafting.cli`` registers them and turns errors into
messages and exit codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from ..checks import Finding
from ..load import load_agreement, read_text
from . import lampiran
from .batch import FORMATS as BATCH_FORMATS
from .batch import MANIFEST, run_batch
from .db import DEFAULT_DB, ENV_VAR, open_registry
from .models import KIND_LABELS, LEVEL_LABELS, Kind, Level, Status
from .queries import Filter, agreements, parse_period, report
from .records import change_status, get_record, register
from .renew import Official, renew
from .exporter import export_file, inputs_folder
from .headers import HEADERS, IGNORE, column_of
from .importer import NotAllTaken, import_file

_DATE = click.DateTime(formats=["%Y-%m-%d"])


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", envvar=ENV_VAR, default=DEFAULT_DB, show_default=True,
                        help=f"Registri: berkas SQLite atau URL SQLAlchemy (mis. postgresql+psycopg://…); "
                             f"juga dari {ENV_VAR}.")(f)


def _period(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    try:
        return parse_period(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--kind", "kinds", multiple=True, type=click.Choice([k.value for k in Kind]),
                     help="Jenis naskah (boleh berulang)."),
        click.option("--unit", help="Bagian dari nama Satuan Kerja."),
        click.option("--status", "statuses", multiple=True, type=click.Choice([s.value for s in Status]),
                     help="Status (boleh berulang)."),
        click.option("--expiring-within", callback=_period, metavar="JANGKA",
                     help="Yang aktif dan berakhir dalam jangka ini: 30d, 6m, 1y."),
        click.option("--id", "ids", multiple=True, type=int, help="Nomor registri (boleh berulang)."),
        click.option("--as-of", type=_DATE, help="Tanggal acuan; bawaan: hari ini."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _make_filter(kinds: tuple[str, ...], unit: str | None, statuses: tuple[str, ...], expiring_within: Any,
                 ids: tuple[int, ...], as_of: dt.datetime | None) -> Filter:
    return Filter(kinds=tuple(Kind(k) for k in kinds), unit=unit, statuses=tuple(Status(s) for s in statuses),
                  expiring_within=expiring_within, ids=ids, today=as_of.date() if as_of else dt.date.today())


@click.group(help="Registri naskah kerja sama: impor/ekspor, daftar, laporan, lampiran Permen 8/2025.")
def registry() -> None:
    pass


def _mapping(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    mapping = {}
    for value in values:
        header, sep, column = value.rpartition("=")
        if not sep or not header.strip() or not column.strip():
            raise click.BadParameter(f"'{value}': tulis 'Judul Kolom=Kolom', mis. 'No. PKS=Nomor', atau "
                                     f"'Judul Kolom=-' untuk melewatinya")
        if column.strip() != IGNORE and column_of(column) is None:
            raise click.BadParameter(f"'{column.strip()}' bukan kolom registri; pilih salah satu: {', '.join(HEADERS)}, "
                                     f"Nomor Pihak Kesatu/Kedua/…, atau - untuk melewati")
        mapping[header.strip()] = column.strip()
    return mapping


@registry.command("import", help="Memasukkan naskah dari BERKAS (XLSX atau CSV) ke registri. Baris judul kolom "
                                 "dicari sendiri; baris judul, kosong dan jumlah dilewati. Naskah yang sudah "
                                 "terdaftar (nomor sama, atau tanpa nomor: jenis, Satuan Kerja, Mitra, tentang dan "
                                 "tanggal sama) tidak ditambahkan lagi.")
@click.argument("source", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--columns", "columns", multiple=True, callback=_mapping, metavar="'JUDUL=KOLOM'",
              help="Memetakan judul kolom lembar ke kolom registri (mis. 'No. PKS=Nomor'), atau melewatinya "
                   "('Tautan=-'); boleh berulang.")
@click.option("--update", is_flag=True, help="Memperbarui naskah terdaftar yang isinya berbeda (bawaan: ditolak).")
@click.option("--dry-run", is_flag=True, help="Hanya menunjukkan apa yang akan dimasukkan; tidak ada yang disimpan.")
@db_option
def import_(source: Path, columns: dict[str, str], update: bool, dry_run: bool, db: str) -> None:
    result = import_file(open_registry(db), source, columns=columns, update=update, dry_run=dry_run)
    for table in result.tables:
        sheet = f"lembar '{table.sheet}', " if table.sheet else ""
        read = ", ".join(h if h == c else f"{h} → {c}" for c, h in table.headers.items())
        click.echo(f"{source}: {sheet}judul kolom di baris {table.header_line}: {read}")
        if table.ignored:
            click.echo(f"  dilewati atas permintaan: {', '.join(table.ignored)}")
        if table.skipped:
            click.echo(f"  baris dilewati: {_skipped(table.skipped)}")
    for name in result.passed_sheets:
        click.echo(f"{source}: lembar '{name}' dilewati: tidak ada baris judul kolom")
    if dry_run:
        words = {"added": "ditambahkan", "unchanged": "sama seperti di registri", "updated": "diperbarui",
                 "refused": "ditolak"}
        for row in result.rows:
            changes = f" ({', '.join(row.changes)})" if row.changes else ""
            target = f" #{row.id}" if row.id is not None and row.action != "added" else ""
            click.echo(f"  {row.where}: {words[row.action]}{target}{changes}: {row.tentang[:70] or '(tanpa Tentang)'}")
    counts = {a: sum(r.action == a for r in result.rows) for a in ("added", "unchanged", "updated", "refused")}
    prefix = "(--dry-run, tidak ada yang disimpan) akan " if dry_run else ""
    click.echo(f"{prefix}ditambahkan: {counts['added']} naskah; sama seperti di registri: {counts['unchanged']}; "
               f"diperbarui: {counts['updated']}; ditolak: {counts['refused']} baris")
    if counts["added"] == counts["updated"] == 0 and counts["unchanged"] and not dry_run:
        click.echo("tidak ada yang berubah: semua baris sudah ada di registri")
    if result.problems:
        raise NotAllTaken(str(source), result.problems)


def _skipped(rows: list[tuple[int, str]]) -> str:
    """'1–3 (judul), 12 (baris jumlah)': runs of rows skipped for the same reason."""
    runs: list[list[Any]] = []
    for line, why in rows:
        if runs and runs[-1][2] == why and runs[-1][1] == line - 1:
            runs[-1][1] = line
        else:
            runs.append([line, line, why])
    return ", ".join(f"{a}{f'–{b}' if b != a else ''} ({why})" for a, b, why in runs)


@registry.command(help="Mendaftarkan naskah dari isian YAML/JSON-nya.")
@click.argument("source", metavar="INPUT", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--unit", help="Satuan Kerja pemrakarsa; bawaan: pihak kementerian dalam isian.")
@click.option("--level", type=click.Choice([lv.value for lv in Level]), help="Tingkat Satuan Kerja.")
@click.option("--status", type=click.Choice([s.value for s in Status]),
              help="Bawaan: aktif jika sudah bertanggal tanda tangan, selain itu draft.")
@db_option
def add(source: Path, unit: str | None, level: str | None, status: str | None, db: str) -> None:
    agreement = load_agreement(source)
    with open_registry(db).begin() as session:
        record = register(session, agreement, unit=unit, level=Level(level) if level else None,
                          status=Status(status) if status else None, text=read_text(source))
        click.echo(f"terdaftar: #{record.id}")


@registry.command(help="Menyimpan isian naskah ID yang terdaftar tanpa isian (mis. dari lembar rekap), agar renew dan "
                       "batch dapat memakainya: dibaca dari NASKAH yang ditandatangani (PDF dengan teks, DOCX, "
                       "Markdown, teks; seperti 'drafting extract') atau dari berkas isian (.yaml/.json).")
@click.argument("agreement_id", metavar="ID", type=int)
@click.argument("source", metavar="NASKAH", type=click.Path(path_type=Path, dir_okay=False))
@db_option
def attach(agreement_id: int, source: Path, db: str) -> None:
    from .attach import attach as attach_input, input_for  # extraction reads PDF and Word: only when asked for
    from ..extract.cli import report

    found = input_for(source)  # before the registry's write lock is taken: reading a PDF takes a while
    with open_registry(db).begin() as session:
        attached = attach_input(session, agreement_id, found)
    click.echo(f"#{attached.id}: isian disimpan dari {source}")
    for line in report(attached.extraction) if attached.extraction else []:
        click.echo(line)
    for warning in attached.warnings:
        click.echo(f"  perhatikan: {warning}; registri tidak diubah", err=True)


@registry.command(help="Mengubah status naskah ID; naskah perpanjangan yang menjadi aktif menjadikan "
                       "naskah lamanya diperpanjang.")
@click.argument("agreement_id", metavar="ID", type=int)
@click.argument("status", type=click.Choice([s.value for s in Status]))
@db_option
def status(agreement_id: int, status: str, db: str) -> None:
    with open_registry(db).begin() as session:
        record = get_record(session, agreement_id)
        change_status(record, Status(status))
        click.echo(f"#{record.id}: {record.status.value}")


@registry.command("export", help="Menulis naskah terpilih ke BERKAS (.xlsx atau .csv) dengan kolom impor, dan isian "
                                 "tiap naskah ke folder BERKAS-isian di sampingnya: impor BERKAS itu di registri lain "
                                 "memulihkan semuanya.")
@click.argument("target", metavar="BERKAS", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--no-inputs", is_flag=True, help="Tanpa folder isian (hanya lembar).")
@_filter_options
@db_option
def export(target: Path, no_inputs: bool, db: str, **filters: Any) -> None:
    with open_registry(db)() as session:
        selected = agreements(session, _make_filter(**filters))
        inputs = export_file(selected, target, inputs=not no_inputs)
    click.echo(f"ditulis: {target} ({len(selected)} naskah)")
    if inputs:
        click.echo(f"ditulis: {inputs_folder(target)}/ ({inputs} isian)")


@registry.command("list", help="Mencantumkan naskah terpilih.")
@_filter_options
@db_option
def list_(db: str, **filters: Any) -> None:
    table = Table("ID", "Jenis", "Nomor", "Tentang", "Satuan Kerja", "Berakhir", "Status")
    with open_registry(db)() as session:
        for a in agreements(session, _make_filter(**filters)):
            table.add_row(str(a.id), KIND_LABELS[a.kind], "\n".join(a.number_list), a.tentang, a.unit,
                          a.end_date.isoformat() if a.end_date else "", a.status.value)
    Console(width=160).print(table)


@registry.command("report", help="Jumlah naskah per jenis, tingkat dan Satuan Kerja; yang akan berakhir; "
                                 "yang sudah lewat tanggal berakhirnya tetapi masih aktif.")
@_filter_options
@click.option("--within", default="6m", show_default=True, callback=_period, metavar="JANGKA",
              help="Jangka 'akan berakhir'.")
@db_option
def report_(db: str, within: Any, **filters: Any) -> None:
    console = Console(width=160)
    with open_registry(db)() as session:
        found = report(session, _make_filter(**filters), within)
        kinds = Table("Jenis", "Jumlah", title=f"Jumlah naskah: {found.total}")
        for kind, count in found.by_kind.most_common():
            kinds.add_row(KIND_LABELS[kind], str(count))
        levels = Table("Tingkat", "Naskah", "Satuan Kerja")
        for level, count in found.by_level.most_common():
            levels.add_row(LEVEL_LABELS[level] if level else "(tidak diisi)", str(count),
                           str(found.units_by_level[level]))
        units = Table("Satuan Kerja", "Naskah")
        for unit, count in sorted(found.by_unit.items()):
            units.add_row(unit, str(count))
        console.print(kinds, levels, units)
        for title, rows in (("Akan berakhir", found.expiring), ("Lewat tanggal berakhir, masih aktif", found.overdue)):
            table = Table("ID", "Jenis", "Tentang", "Satuan Kerja", "Berakhir", title=f"{title}: {len(rows)}")
            for a in rows:
                table.add_row(str(a.id), KIND_LABELS[a.kind], a.tentang, a.unit, str(a.end_date))
            console.print(table)


@registry.command("lampiran", help="Tabel Lampiran Permen 8/2025 dari naskah terpilih: FORMAT perencanaan "
                                   "(Format Perencanaan Kerja Sama) atau penjajakan (Laporan Hasil Penjajakan).")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(lampiran.FORMATS)))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Berkas .docx atau .xlsx.")
@_filter_options
@db_option
def lampiran_(fmt: str, output: Path, db: str, **filters: Any) -> None:
    with open_registry(db)() as session:
        selected = agreements(session, _make_filter(**filters))
        lampiran.write(fmt, selected, output)
    click.echo(f"ditulis: {output} ({len(selected)} baris)")


def _official(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> tuple[Official, ...]:
    out = []
    for value in values:
        party, _, rest = value.partition("=")
        name, _, rest = rest.partition(";")
        position, _, rest = rest.partition(";")
        parent, _, position_en = rest.partition(";")
        if not party.strip().isdigit() or not name.strip() or not position.strip():
            raise click.BadParameter(f"'{value}': tulis NOMOR_PIHAK=NAMA;JABATAN atau NOMOR_PIHAK=NAMA;JABATAN;INSTANSI "
                                     f"INDUK, mis. \"2=BUDI;Direktur Jenderal Imigrasi;Kementerian Imigrasi dan "
                                     f"Pemasyarakatan\"; naskah dwibahasa: ;JABATAN DALAM BAHASA INGGRIS sesudahnya")
        out.append(Official(int(party), name.strip(), position.strip(), parent.strip() or None,
                            position_en.strip() or None))
    return tuple(out)


@click.command("renew", help="Menyusun draf perpanjangan naskah ID dari isiannya (Permen 8/2025 Pasal 36): isian YAML "
                    "baru, DOCX, dan perbandingan Pasal demi Pasal (HTML, dan DOCX dengan lacak perubahan); "
                    "terdaftar sebagai draft, dengan hasil pemeriksaannya. Jika naskah ID sudah mempunyai draf "
                    "perpanjangan, draf itu yang dibuka.")
@click.argument("agreement_id", metavar="ID", type=int)
@click.option("--until", type=_DATE, help="Tanggal berakhir naskah baru.")
@click.option("--years", type=click.IntRange(min=1), help="Jangka waktu naskah baru dalam tahun; bawaan: "
                                                           "sama dengan naskah lama.")
@click.option("-o", "--out-dir", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True)
@click.option("--representative", multiple=True, callback=_official, metavar="N=NAMA;JABATAN[;INDUK[;JABATAN_EN]]",
              help="Penandatangan baru pihak ke-N, dengan jabatannya dan, jika berubah, instansi induk pihak itu "
                   "(boleh berulang); naskah dwibahasa: juga jabatannya dalam bahasa Inggris (kosongkan INDUK bila "
                   "tidak berubah: N=NAMA;JABATAN;;JABATAN_EN).")
@click.option("--again", is_flag=True, help="Menyusun draf perpanjangan baru walaupun sudah ada yang terbuka.")
@db_option
def renew_(agreement_id: int, until: dt.datetime | None, years: int | None, out_dir: Path,
           representative: tuple[Official, ...], again: bool, db: str) -> None:
    if until and years:
        raise click.UsageError("pilih salah satu: --until atau --years")
    result = renew(open_registry(db), agreement_id, out_dir, until=until.date() if until else None, years=years,
                   officials=representative, again=again)
    if result.existing:
        ignored = " (--until, --years dan --representative tidak dipakai)" if until or years or representative else ""
        click.echo(f"naskah #{agreement_id} sudah mempunyai draf perpanjangan #{result.id}: draf itu yang dibuka"
                   f"{ignored}; pakai --again untuk menyusun draf baru")
    else:
        click.echo(f"terdaftar: #{result.id} (draft, memperpanjang #{agreement_id})")
    for finding in result.findings:
        click.echo(f"{result.input}: {finding.describe()}", err=True)
    for path in (result.input, result.docx, result.comparison, result.redline):
        click.echo(f"ditulis: {path}")


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    if not formats or any(f not in BATCH_FORMATS for f in formats):
        raise click.BadParameter(f"'{value}': tulis docx, pdf, atau docx,pdf")
    return formats


@click.command(help="Memeriksa dan menyusun ulang setiap naskah terpilih yang mempunyai isian, paralel, ke folder -o "
                    "(DOCX, PDF dengan LibreOffice, atau keduanya); naskah dengan galat tidak ditulis kecuali --force. "
                    f"Hasilnya dicatat di {MANIFEST}.")
@click.option("-o", "--out-dir", type=click.Path(path_type=Path, file_okay=False), required=True)
@click.option("--format", "formats", default="docx", show_default=True, callback=_formats, metavar="FORMAT",
              help="docx, pdf, atau docx,pdf.")
@click.option("--force", is_flag=True, help="Tetap menulis naskah meskipun pemeriksaan menemukan galat.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Jumlah proses; bawaan: semua inti.")
@click.option("--quiet", is_flag=True, help="Tanpa bilah kemajuan.")
@_filter_options
@db_option
def batch(out_dir: Path, formats: tuple[str, ...], force: bool, jobs: int | None, quiet: bool, db: str,
          **filters: Any) -> None:
    outcomes = run_batch(open_registry(db), _make_filter(**filters), out_dir, workers=jobs, formats=formats,
                         force=force, show_progress=not quiet)
    for o in outcomes:
        if o.status == "failed":
            click.echo(f"gagal: #{o.id}: {o.error}", err=True)
        elif o.status == "refused":
            click.echo(f"tidak ditulis: #{o.id} (ada galat; perbaiki isiannya, atau pakai --force)", err=True)
        for finding in o.findings if o.status in ("refused", "failed") or force else ():
            if finding["severity"] == "error":
                click.echo(f"  #{o.id}: {Finding.from_dict(finding).describe()}", err=True)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("written", "unchanged", "refused", "failed")}
    click.echo(f"ditulis: {counts['written']}, tidak berubah: {counts['unchanged']}, tidak ditulis karena galat: "
               f"{counts['refused']}, gagal: {counts['failed']} → {out_dir / MANIFEST}")
    if counts["failed"] or counts["refused"]:
        raise SystemExit(1)
