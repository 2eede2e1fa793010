"""``drafting extract NASKAH -o isian.yaml``: the command, and the report it prints Pasal by Pasal."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from ..checks.finding import SEVERITIES, SEVERITY_WORDS
from ..errors import InputError, OutputError, Problem
from ..output import write_atomic
from . import Extraction, extract


def report(x: Extraction) -> list[str]:
    """What was read, Pasal by Pasal, then what check finds in the result."""
    lines = [f"  {note}" for note in x.notes]
    for row in x.rows:
        head = f"  Pasal {row.number} {row.title}: "
        if not row.kept:
            variant = f" (varian {row.variant})" if row.variant != "default" else ""
            data = _flat(row.data)
            lines.append(head + f"klausul {row.clause}{variant}" + (f"; data: {data}" if data else ""))
        else:
            where = f"menggantikan klausul {row.replaces}" if row.replaces else "pasal tambahan di tempatnya"
            near = f", mirip {row.similar[0]} {row.similar[1]:.0%}" if row.similar else ""
            data = _flat(row.data) if row.replaces else ""  # read all the same: the registry and renew use it
            lines.append(head + f"disimpan kata demi kata ({where}{near})" + (f"; data: {data}" if data else ""))
    matched = sum(not r.kept for r in x.rows)
    lines.append(f"  {matched} Pasal menjadi klausul pustaka, {len(x.rows) - matched} disimpan kata demi kata")
    for choice in x.choices:
        lines.append(f"  pilihan untuk penyusun: {choice} (render menolak sampai dipilih)")
    for difference in x.differences:
        lines.append(f"  tidak sama dengan naskah: {difference}")
    counts = ", ".join(f"{sum(f.severity == s for f in x.findings)} {SEVERITY_WORDS[s]}" for s in SEVERITIES)
    lines.append(f"pemeriksaan: {counts}")
    lines += [f"  {f.describe()}" for f in x.findings]
    return lines


def _flat(data: Any, prefix: str = "") -> str:
    if isinstance(data, dict):
        parts = [_flat(v, f"{prefix}.{k}" if prefix else ("parties" if k == "_party_fields" else str(k)))
                 for k, v in data.items()]
        return "; ".join(p for p in parts if p)
    if isinstance(data, list):
        text = f"{prefix}: {len(data)} butir" if len(data) > 3 or any(not isinstance(v, str) for v in data) \
            else f"{prefix} = {', '.join(data)}"
        return text
    text = str(data)
    return f"{prefix} = {text[:80] + '…' if len(text) > 80 else text}"


@click.command("extract", help="Membaca naskah yang sudah ada (PDF dengan teks, DOCX, Markdown, teks) kembali menjadi isian "
                    "YAML yang menghasilkan naskah yang sama: pasal yang sama dengan klausul pustaka menjadi klausul "
                    "itu dengan datanya, yang lain disimpan kata demi kata. Mencetak laporannya pasal demi pasal dan "
                    "hasil pemeriksaannya.")
@click.argument("source", metavar="NASKAH", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Berkas isian yang ditulis (.yaml), atau - untuk keluaran baku; bawaan: NASKAH dengan akhiran .yaml. "
                   "Tidak menimpa berkas yang ada.")
@click.option("--library", "libraries", multiple=True, type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Pustaka unit yang dipakai naskah itu (boleh berulang): klausul dan templatnya dibandingkan juga, "
                   "dan isian menyebutnya di 'library'.")
@click.option("--adendum", "adenda", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Adendum naskah itu yang sudah ditandatangani (boleh berulang, urut): perubahannya ('Ketentuan "
                   "Pasal … diubah sehingga berbunyi sebagai berikut:', 'Di antara Pasal … disisipkan …', 'Pasal … "
                   "dihapus.') diterapkan dulu, sehingga isian memuat teks yang berlaku, pasalnya dinomori urut.")
def extract_(source: Path, output: Path | None, libraries: tuple[Path, ...], adenda: tuple[Path, ...]) -> None:
    from ..cli import STDOUT, write_stdout

    piped = output == STDOUT  # -o -: the input to standard output, the report to standard error
    target = output or source.with_suffix(".yaml")
    if not piped and target.suffix.lower() not in (".yaml", ".yml"):
        raise InputError(str(target), [Problem("", "isian ditulis sebagai .yaml (atau -o - ke keluaran baku)")])
    if not piped and target.exists():
        raise OutputError(str(target), "berkas sudah ada; tidak ditimpa (pilih nama lain dengan -o)")
    x = extract(source, libraries, adenda)
    if libraries:  # relative to the input written, as an input names its library
        base = Path.cwd() if piped else target.resolve().parent
        x.data["library"] = [os.path.relpath(p.resolve(), base) for p in libraries]
    if piped:
        write_stdout(target, x.yaml().encode("utf-8"))
    else:
        write_atomic(target, x.yaml().encode("utf-8"))
        click.echo(f"{source} → {target}")
    for line in report(x):
        click.echo(line, err=piped)
