"""Opening the registry: a SQLAlchemy URL or a file path (SQLite), migrated to the latest schema.

The schema is owned by the Alembic migrations in ``migrations/`` (shipped inside the package);
every open applies the ones not yet applied, so a registry made by an older version is upgraded
in place and a new one is created from nothing. Several commands may open a new registry at the
same moment (a shared PostgreSQL, or several drafters on one SQLite file): the migrations run
under a lock, so the first one creates the schema and the others find it made.
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import InputError
from ..output import reading

DEFAULT_DB = "drafting.db"
ENV_VAR = "DRAFTING_DB"
MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_TIMEOUT_SECONDS = 60  # how long a writer waits for another one to commit
_MIGRATION_LOCK = 0x6472616674  # "draft": the PostgreSQL advisory lock the migrations run under


class RegistryUnavailable(InputError):
    """The registry cannot be reached or opened: one line naming where and why (exit status 2)."""

    def __init__(self, where: str, reason: str):
        self.reason = reason
        super().__init__(where, [])

    def describe(self) -> str:
        return f"registri tidak dapat dibuka: {self.source}: {self.reason}"

    def __str__(self) -> str:
        return self.describe()


def drafting_version() -> str:
    return version("drafting")


def url_of(db: str | os.PathLike[str] | None) -> str:
    """``postgresql+psycopg://…`` stays as it is; a plain path becomes a SQLite URL."""
    db = str(db or os.environ.get(ENV_VAR) or DEFAULT_DB)
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def where(url: str) -> str:
    """The registry as a message names it: host and database, never the password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"berkas {parsed.database}"
    host = f"{parsed.host or 'localhost'}{f':{parsed.port}' if parsed.port else ''}"
    return f"host {host}, basis data {parsed.database}"


def open_registry(db: str | os.PathLike[str] | None = None) -> sessionmaker[Session]:
    url = url_of(db)
    try:
        engine = _engine(url)
    except ArgumentError as exc:
        raise RegistryUnavailable(url.split("://")[0] + "://…", f"alamat registri tidak sah ({exc})") from None
    except ModuleNotFoundError as exc:
        raise RegistryUnavailable(where(url), f"modul {exc.name} tidak terpasang; untuk PostgreSQL pasang "
                                              f"dengan: pip install 'drafting[postgres]'") from None
    try:
        migrate(engine)
    except DBAPIError as exc:  # cannot connect, log in, or read the file as a database
        raise RegistryUnavailable(where(url), _reason(exc)) from None
    return sessionmaker(engine, expire_on_commit=False)


def _engine(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if make_url(url).database not in (None, "", ":memory:"):
        reading(Path(make_url(url).database))  # a command never writes over the registry it opened
    parent = Path(make_url(url).database or ".").parent
    if not parent.is_dir():
        raise RegistryUnavailable(where(url), f"folder {parent} tidak ada")
    engine = create_engine(url, connect_args={"timeout": SQLITE_TIMEOUT_SECONDS})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Held until this transaction ends; a second command waits here, then finds the schema
            # made. (SQLite: the transaction began IMMEDIATE, which is its lock.)
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


# What the database drivers say most often, in a drafter's words; anything else keeps the
# driver's own words, which are what an administrator looks up.
_REASONS = [
    ("unable to open database file", "berkas tidak dapat dibuka atau dibuat di sana (folder tidak ada atau tidak "
                                     "dapat ditulis, atau jalurnya bukan berkas)"),
    ("file is not a database", "berkas ini bukan registri (bukan basis data SQLite)"),
    ("database disk image is malformed", "berkas registri rusak"),
    ("readonly database", "berkas registri hanya dapat dibaca"),
    ("database is locked", "registri sedang dikunci oleh proses lain; coba lagi"),
    ("disk I/O error", "galat baca/tulis perangkat"),
    ("Connection refused", "server basis data tidak menjawab (alamat atau port salah, atau server mati)"),
    ("password authentication failed", "nama pengguna atau kata sandi basis data salah"),
    ("does not exist", "basis data atau pengguna itu tidak ada di server"),
]


def _reason(exc: DBAPIError) -> str:
    """The driver's words as a drafter reads them, one line: PostgreSQL's often run over several."""
    lines = [line.strip() for line in str(exc.orig).splitlines() if line.strip()]
    said = "; ".join(lines[:2]) or type(exc.orig).__name__
    return next((ours for theirs, ours in _REASONS if theirs in said), f"galat basis data: {said}")


def _sqlite_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # SQLite enforces foreign keys only when asked, per connection. The driver's own transaction
    # handling is switched off: it would begin no transaction before a SELECT, so that two
    # importers could both read "not there" and then both write; _sqlite_begin begins instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection) -> None:  # type: ignore[no-untyped-def]
    # IMMEDIATE takes the write lock at once: a second writer waits (up to the timeout) for the
    # first to commit and then reads what it wrote, instead of failing with "database is locked".
    connection.exec_driver_sql("BEGIN IMMEDIATE")
