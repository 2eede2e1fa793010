"""Opening the registry: a SQLAlchemy URL or a file path (SQLite), migrated to the latest schema.

The schema is owned by the Alembic migrations in ``migrations/`` (shipped inside the package);
every open applies the ones not yet applied, so a registry made by an older version is upgraded
in place and a new one is created from nothing.
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "drafting.db"
ENV_VAR = "DRAFTING_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


def drafting_version() -> str:
    return version("drafting")


def url_of(db: str | os.PathLike[str] | None) -> str:
    """``postgresql+psycopg://…`` stays as it is; a plain path becomes a SQLite URL."""
    db = str(db or os.environ.get(ENV_VAR) or DEFAULT_DB)
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def open_registry(db: str | os.PathLike[str] | None = None) -> sessionmaker[Session]:
    engine = create_engine(url_of(db))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)


def migrate(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # SQLite enforces foreign keys only when asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
