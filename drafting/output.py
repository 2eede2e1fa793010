"""Writing files so that a failure leaves nothing behind: a temporary file beside the target,
then an atomic rename. A reader sees the old file or the new one, never half of one; a target
that cannot be written (a read-only folder, a path through a file, ``/proc``) is an
``OutputError`` naming it, in the drafter's words.

Nor is a file the command has read ever replaced by what it writes: every reader of a file (an
input, a library file, a naskah, a sheet, the registry's SQLite file) marks it with ``reading``,
and ``write_atomic`` refuses a target that is one of them, under whatever name (a link). The
marks last one command (``commands_inputs``, which the CLI wraps every command in)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from .errors import OutputError, os_reason

_read: ContextVar[list[Path] | None] = ContextVar("read", default=None)


@contextmanager
def commands_inputs() -> Iterator[None]:
    """The files read from here on are inputs that no write may replace, until the block ends."""
    token = _read.set([])
    try:
        yield
    finally:
        _read.reset(token)


def reading(path: Path) -> None:
    """``path`` is read by the command running: nothing it writes may replace it."""
    read = _read.get()
    if read is not None and path not in read:
        read.append(path)


def not_read(path: Path) -> None:
    """Refuses ``path`` as a target if the command has read it; a command writing several files
    asks before the first, so that none is written."""
    for source in _read.get() or ():
        if same_file(path, source):
            raise OutputError(str(path), f"itu berkas yang dibaca perintah ini ({source}), yang tidak pernah "
                                         "ditimpa: pilih nama keluaran lain")


def write_atomic(path: Path, data: bytes) -> None:
    not_read(path)
    try:
        _writable(path)
    except OSError as exc:  # a name too long, a folder that cannot be looked into
        raise OutputError(str(path), os_reason(exc)) from None
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(str(path), os_reason(exc)) from None
    finally:
        if tmp is not None and os.path.lexists(tmp):
            Path(tmp).unlink(missing_ok=True)


def _writable(path: Path) -> None:
    """Refuses a target that is a folder, or under a file, before a temporary file is made."""
    if path.is_dir():
        raise OutputError(str(path), "adalah folder; sebutkan nama berkas")
    for folder in path.parents:  # the nearest one that exists must be a folder
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                raise OutputError(str(path), f"sebagian jalurnya ({folder}) adalah berkas, bukan folder")
            break


def same_file(a: Path, b: Path) -> bool:
    """Whether writing ``a`` would replace ``b``: the same path once resolved, or the same file
    under another name (a hard or symbolic link)."""
    try:
        if a.resolve() == b.resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop
        pass
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist: then writing one cannot replace the other
        return False
