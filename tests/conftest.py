"""Shared fixtures: the BPJS example (seed 003) as a path, as text and as a fresh dict; a registry
database on SQLite and on PostgreSQL."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BPJS = ROOT / "examples" / "pks_bpjs_ketenagakerjaan_imigrasi.yaml"


MSP = ROOT / "examples" / "msp_ditjen_imigrasi_isa_jepang.yaml"


@cache
def msp_example() -> dict[str, Any]:
    """The Memorandum Saling Pengertian example as data (do not edit: the fixture ``msp`` is a copy)."""
    return yaml.safe_load(MSP.read_text(encoding="utf-8"))


@pytest.fixture
def msp() -> dict[str, Any]:
    """The Memorandum Saling Pengertian example, a deep copy each time."""
    return copy.deepcopy(msp_example())


@cache
def _bpjs_data() -> dict[str, Any]:
    return yaml.safe_load(BPJS.read_text(encoding="utf-8"))


@pytest.fixture
def bpjs_path() -> Path:
    return BPJS


@pytest.fixture
def bpjs_text() -> str:
    return BPJS.read_text(encoding="utf-8")


@pytest.fixture
def bpjs_data() -> dict[str, Any]:
    """A deep copy each time: a test may edit it freely."""
    return copy.deepcopy(_bpjs_data())


# The registry tests run on SQLite, and on PostgreSQL when DRAFTING_TEST_PG_URL names a server
# (`.ci/run` starts one). Each test gets a database of its own, dropped afterwards.
PG_URL_VAR = "DRAFTING_TEST_PG_URL"


@pytest.fixture(params=["sqlite", "postgresql"])
def registry_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.db'}"
        return
    server = os.environ.get(PG_URL_VAR)
    if not server:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_URL_VAR} is not set: CI runs the registry tests on PostgreSQL too")
        pytest.skip(f"no PostgreSQL: set {PG_URL_VAR}=postgresql+psycopg://user@host:port/db")
    yield from _pg_database(server)


def _pg_database(server: str) -> Iterator[str]:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server)
    name = f"drafting_test_{uuid.uuid4().hex[:12]}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def at_once(count: int, args: list[str], folder: Path) -> tuple[list[str], list[int]]:
    """Run ``drafting ARGS`` in ``count`` processes that start their command at the same moment:
    each, once imported, says it is ready and waits for the go. Their outputs and exit codes."""
    go = folder / f"go-{uuid.uuid4().hex}"
    code = ("import pathlib, sys, time\nfrom drafting.cli import main\n"
            "pathlib.Path(sys.argv.pop(1)).touch()\n"
            f"while not pathlib.Path({str(go)!r}).exists(): time.sleep(0.002)\nmain()")
    ready = [folder / f"ready-{uuid.uuid4().hex}" for _ in range(count)]
    procs = [subprocess.Popen([sys.executable, "-c", code, str(r), *args], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for r in ready]
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    outputs = [p.communicate(timeout=300)[0] for p in procs]
    return outputs, [p.returncode for p in procs]
