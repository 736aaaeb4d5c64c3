"""One writer at a time per project: an advisory lock held by the commands that write.

`claimset fmt` and `claimset draft` started together would each read a file, change it and
rename their version over it: the second rename drops the first command's work. Commands that
write (split, fmt, draft, build, export, schema) therefore hold the project's lock, a `flock` on
`.claimset.lock` at the project root that the system releases when the process ends (also on
`kill -9`, so a stale lock never needs removing). The file holds the holder's pid and command,
for the message the next command prints while it waits, and if it gives up. Reading commands
(validate, stats, show) take no lock: every write is an atomic rename, so they never see half a
file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import atomic
from .errors import ProjectLocked
from .paths import DATA_FOLDERS, TEMP_PREFIX

try:
    import fcntl
except ImportError:  # Windows: no flock; commands run unlocked there
    fcntl = None  # type: ignore[assignment]

#: The lock file's name, at the project root (init's .gitignore lists it).
LOCK_NAME = ".claimset.lock"

#: How long a command waits for another one to finish before refusing (seconds); pre-commit
#: runs hooks on batches of files in parallel, and those must queue, not fail.
WAIT_SECONDS = float(os.environ.get("CLAIMSET_LOCK_TIMEOUT", "60"))

# Locks this process holds, by project root, with their depth: `build` runs split and fmt, each
# of which takes the lock too (flock on a second descriptor would wait for ourselves).
_held: dict[Path, tuple[int, int]] = {}


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "another claimset command"
    return f"another claimset command ({text})" if text else "another claimset command"


@contextmanager
def project_lock(root: Path, command: str, wait: float | None = None) -> Iterator[None]:
    """Hold the project's write lock for the duration of the block.

    Waits up to `wait` seconds (default WAIT_SECONDS) for another command to finish, then
    raises ProjectLocked naming it (its pid and command). On taking the lock, forgets earlier
    reads (jsonio's snapshots) and removes the temporary files that killed runs left behind.
    """
    root = Path(os.path.realpath(root))
    if root in _held or fcntl is None:
        depth = _held.get(root, (-1, 0))
        _held[root] = (depth[0], depth[1] + 1)
        try:
            yield
        finally:
            fd, count = _held.pop(root)
            if count > 1:
                _held[root] = (fd, count - 1)
        return
    path = root / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ProjectLocked(
                        f"{_holder(path)} is writing this project (it holds {LOCK_NAME}); "
                        "nothing was changed: wait for it to finish and run the command again"
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}: claimset {command}\n".encode())
        _held[root] = (fd, 1)
        atomic.forget_snapshots()
        remove_leftovers(root)
        try:
            yield
        finally:
            _held.pop(root, None)
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the flock


def remove_leftovers(root: Path) -> list[Path]:
    """Remove the temporary files killed runs left in the data folders; return them.

    Only files named `.claimset-tmp-*` (what `atomic.atomic_write_bytes` creates); called under
    the lock, so no running command is writing them.
    """
    removed: list[Path] = []
    for name in DATA_FOLDERS:
        folder = root / name
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in folder.glob(f"{TEMP_PREFIX}*"):
            if path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed
