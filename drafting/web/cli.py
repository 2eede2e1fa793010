"""``drafting serve``: the browser form on this computer, with uvicorn; nothing else to run."""

from __future__ import annotations

import click

from pathlib import Path

from ..cli import library_option
from ..registry.cli import db_option


@click.command(help="Menjalankan formulir penyusunan naskah di peramban (bawaan: http://127.0.0.1:8000), "
                    "dengan registri --db untuk membuka, memperpanjang dan menyimpan naskah.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan; bawaan hanya komputer ini.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
@library_option(help="Folder pustaka unit yang boleh disebut isian dari formulir (selain pustaka yang disebut contoh); "
                     "boleh berulang. Pustaka lain yang disebut isian ditolak.")
def serve(host: str, port: int, db: str, libraries: tuple[Path, ...]) -> None:
    import uvicorn  # only this command needs the server

    from .app import create_app

    app = create_app(db, libraries)  # opens the registry now: a bad --db stops here, not at the first request
    click.echo(f"formulir: http://{host}:{port}/  (Ctrl+C untuk berhenti)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
