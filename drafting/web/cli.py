"""``drafting serve``: the browser form on this computer, with uvicorn; nothing else to run."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import library_option
from ..registry.db import ENV_VAR


@click.command(help="Menjalankan formulir penyusunan naskah di peramban (bawaan: http://127.0.0.1:8000), "
                    "dengan registri --db untuk membuka, memperpanjang dan menyimpan naskah.")
@click.option("--host", metavar="ALAMAT", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan; bawaan hanya komputer ini.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allowed-host", "allowed_hosts", metavar="NAMA", multiple=True, envvar="DRAFTING_ALLOWED_HOSTS",
              help="Nama atau alamat lain yang dipakai pengguna untuk membuka formulir (mis. di belakang proxy); "
                   "boleh berulang, juga dari DRAFTING_ALLOWED_HOSTS (dipisah spasi). Permintaan ke nama lain "
                   "ditolak.")
@click.option("--db", envvar=ENV_VAR, metavar="REGISTRI",
              help=f"Registri untuk membuka, memperpanjang dan menyimpan naskah: berkas SQLite atau URL SQLAlchemy; "
                   f"juga dari {ENV_VAR}. Tanpa keduanya formulir berjalan tanpa registri.")
@library_option(help="Folder pustaka unit yang boleh disebut isian dari formulir (selain pustaka yang disebut contoh); "
                     "boleh berulang. Pustaka lain yang disebut isian ditolak.")
def serve(host: str, port: int, allowed_hosts: tuple[str, ...], db: str | None, libraries: tuple[Path, ...]) -> None:
    import uvicorn  # only this command needs the server

    from .app import create_app
    from .guard import is_loopback

    wildcard = host in ("0.0.0.0", "::", "")
    names = allowed_hosts if wildcard or is_loopback(host) else (host, *allowed_hosts)
    app = create_app(db, libraries, allowed_hosts=names)  # opens the registry now: a bad --db stops here
    click.echo(f"formulir: http://{host}:{port}/  (Ctrl+C untuk berhenti)")
    if wildcard and not allowed_hosts:
        click.echo("catatan: server mendengarkan semua alamat, tetapi hanya melayani localhost; sebutkan nama atau "
                   "alamat yang dipakai pengguna dengan --allowed-host", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
