"""Writing files so that a failure leaves nothing behind: a temporary file beside the target,
then an atomic rename. A reader sees the old file or the new one, never half of one; a target
that cannot be written (a read-only folder, a path through a file, ``/proc``) is an
``OutputError`` naming it, in the drafter's words."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError, os_reason


def write_atomic(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise OutputError(str(path), "adalah folder; sebutkan nama berkas")
    for folder in path.parents:  # the nearest one that exists must be a folder
        if folder.exists() or folder.is_symlink():
            if not folder.is_dir():
                raise OutputError(str(path), f"sebagian jalurnya ({folder}) adalah berkas, bukan folder")
            break
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
