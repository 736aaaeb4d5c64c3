"""Files replaced whole or not at all, and never over a save made since they were read.

Every rewrite goes through here: a temporary file beside the target, its data on disk, then one
rename. What this process read of each file (size, mtime, sha256) is remembered, so a file saved
meanwhile by an editor or another command is refused (`ChangedOnDisk`) instead of overwritten.
The readers in `jsonio` call `remember` for what they read.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ChangedOnDisk, ClaimsetError
from .paths import TEMP_PREFIX, write_target


@dataclass(frozen=True)
class Snapshot:
    """A file as a command read it: size, modification time and sha256 of the bytes read."""

    size: int
    mtime_ns: int
    sha256: str


#: What this process last read (or wrote) of each file, by real path: before replacing a file,
#: `atomic_write_bytes` checks it is still what was read, so a save made meanwhile (an
#: annotator's editor, another command) is never overwritten. `locking.project_lock` clears it
#: when a command starts.
_snapshots: dict[str, Snapshot] = {}


def forget_snapshots() -> None:
    """Forget what was read: the next write of a file checks nothing it did not read since."""
    _snapshots.clear()


def remember(path: Path, stat: os.stat_result, digest: str) -> None:
    _snapshots[os.path.realpath(path)] = Snapshot(stat.st_size, stat.st_mtime_ns, digest)


def shown(path: Path) -> str:
    """A path for a message: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def check_unchanged(path: Path) -> None:
    """Raise ChangedOnDisk if `path` is no longer what this process read (or wrote) of it."""
    before = _snapshots.get(os.path.realpath(path))
    if before is None:
        return
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_size == before.size and stat.st_mtime_ns == before.mtime_ns:
                same = hashlib.sha256(handle.read()).hexdigest() == before.sha256
            else:
                # A touched file with the same bytes loses nothing; anything else is a save.
                same = (
                    stat.st_size == before.size
                    and hashlib.sha256(handle.read()).hexdigest() == before.sha256
                )
    except FileNotFoundError:
        return  # deleted since: writing it again overwrites no newer save
    if not same:
        raise ChangedOnDisk(
            f"{shown(path)}: changed on disk since this command read it (saved in an editor, or "
            "by another program); it was not overwritten, so the newer version is kept. Run the "
            "command again."
        )


class WriteFailed(ClaimsetError):
    "Writing a file failed (disk full, permission): the file named is as it was before."


def atomic_write_bytes(path: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Write a file atomically: a temp file in the same folder, fsync, rename over the target.

    A run killed halfway leaves the file either old or new, never truncated. A symbolic link
    is written through (its target is replaced, the link stays: the path policy of paths.py
    has checked the target lies inside the project). Raises ChangedOnDisk, touching nothing,
    if the file is no longer what this process read of it; WriteFailed (naming the file) if
    the disk is full or the folder not writable. `sync_folder=False` leaves the fsync of the
    folder (which makes the rename durable) to the caller: `sync_folders`.
    """
    path = write_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{path.name}.")
    except OSError as exc:
        raise _write_failed(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600): give it the mode the file had, or the one a
        # new file gets from the user's umask, as with any other program.
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        check_unchanged(path)
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_failed(path, exc) from exc
        raise
    remember(path, os.stat(path), hashlib.sha256(data).hexdigest())
    if sync_folder:
        _fsync_dir(path.parent)


def sync_folders(paths: Iterable[Path]) -> None:
    """Make the renames of files written with `atomic_write_bytes(..., sync_folder=False)`
    durable: one fsync per folder for all of them. (An fsync costs a journal commit, a few
    milliseconds, and about a third of the time `draft` spends writing a file: a command
    that writes many files syncs their folder once, at the end. A crash before then leaves
    each file old or new, never truncated.)"""
    for folder in sorted({write_target(path).parent for path in paths}):
        _fsync_dir(folder)


class AtomicWriter:
    """A file written piece by piece beside its target, then swapped in whole or not at all.

    For outputs too large to hold in memory (`fmt` on a big file). `commit()` does what
    `atomic_write_bytes` does after writing: fsync, the unchanged-since-read check, the
    rename; `discard()` removes the temporary file. One of them must be called.
    """

    def __init__(self, path: Path) -> None:
        self.path = write_target(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(
                dir=self.path.parent, prefix=f"{TEMP_PREFIX}{self.path.name}."
            )
        except OSError as exc:
            raise _write_failed(self.path, exc) from exc
        # A large buffer: a file is written in a few system calls, not one per 8 KB.
        self._handle = os.fdopen(fd, "wb", buffering=1 << 20)
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        try:
            self._handle.write(data)
        except OSError as exc:
            self.discard()
            raise _write_failed(self.path, exc) from exc
        self._digest.update(data)

    def close(self) -> None:
        """Close the temporary file, written whole, to be committed later (frees its handle)."""
        try:
            self._handle.close()
        except OSError as exc:
            self.discard()
            raise _write_failed(self.path, exc) from exc

    def commit(self, sync_dir: bool = True, synced: bool = False) -> None:
        """Swap the file in. `synced`: the file was closed before a sync of the whole system
        (`commit_all`), so its data is on disk already."""
        path, tmp = self.path, self._tmp
        try:
            if self._handle.closed and synced:
                pass  # closed before the sync: its data is on disk
            elif self._handle.closed:
                fd = os.open(tmp, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            else:
                self._handle.flush()
                os.fsync(self._handle.fileno())
                self._handle.close()
            # As `atomic_write_bytes`: the mode the file had, or the umask's for a new file.
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK)
            check_unchanged(path)
            os.replace(tmp, path)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):
                raise _write_failed(path, exc) from exc
            raise
        remember(path, os.stat(path), self._digest.hexdigest())
        if sync_dir:
            _fsync_dir(path.parent)

    def discard(self) -> None:
        # The buffer may not flush (a full disk): the temporary file goes anyway.
        with contextlib.suppress(OSError):
            self._handle.close()
        if os.path.exists(self._tmp):
            os.unlink(self._tmp)


#: How much of an unchanged start `Rewrite` copies at a time from the file into its new version.
_COPY_CHUNK = 1 << 20


class Rewrite:
    """The rewrite of a file read line by line, written only if some line changes.

    `line(new, old)` gives each line's new bytes beside the bytes read. While they match,
    nothing is written; at the first difference an `AtomicWriter` opens beside the file and
    the matching start is copied from the file into it. `finish()` swaps the new file in if
    one was opened; a file that did not change is never touched (same inode, same mtime).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._same = 0  # bytes at the start of the file that the output repeats
        self._writer: AtomicWriter | None = None
        # Lines are written in blocks of about BLOCK bytes: one write and one hash update per
        # block rather than per line (fmt writes every line of a corpus through here).
        self._block: list[bytes] = []
        self._size = 0

    BLOCK = 1 << 20

    def line(self, new: bytes, old: bytes) -> None:
        if self._writer is None:
            if new == old:
                self._same += len(old)
                return
            self._writer = self._open()
        self._block.append(new)
        self._size += len(new)
        if self._size >= self.BLOCK:
            self._flush(self._writer)

    def _flush(self, writer: AtomicWriter) -> None:
        block, self._block, self._size = self._block, [], 0
        if block:
            writer.write(b"".join(block))

    def _open(self) -> AtomicWriter:
        writer = AtomicWriter(self.path)
        if not self._same:
            return writer  # nothing to copy from the file
        try:
            with self.path.open("rb") as handle:
                left = self._same
                while left:
                    chunk = handle.read(min(left, _COPY_CHUNK))
                    if not chunk:
                        break
                    writer.write(chunk)
                    left -= len(chunk)
        except OSError as exc:
            writer.discard()
            raise _write_failed(self.path, exc) from exc
        return writer

    def finish(self, sync_dir: bool = True, synced: bool = False) -> bool:
        """Replace the file if a line changed; whether it was replaced."""
        if self._writer is None:
            return False
        self._flush(self._writer)
        self._writer.commit(sync_dir, synced)
        return True

    def close(self) -> None:
        """Close the new file (if any), to `commit_all` later with others."""
        if self._writer is not None:
            self._flush(self._writer)
            self._writer.close()

    def discard(self) -> None:
        if self._writer is not None:
            self._writer.discard()
            self._writer = None
        self._same = 0
        self._block, self._size = [], 0


def commit_all(rewrites: list[Rewrite]) -> None:
    """Swap in many closed rewrites: one sync of the file system for all their data, then each
    file's unchanged-since-read check and rename, then one fsync per folder.

    One fsync per file costs a journal commit each (3-8 ms here, even for a file already
    synced): formatting 2,000 files would spend 10-30 s waiting for the disk. On Linux,
    sync(2) waits for the writes to complete, which gives "the same guarantees as fsync()
    called on every file in the system" (its manual page), so after it no file is fsynced
    again; elsewhere sync may return before the data is written, and each file is fsynced
    (quick after the sync). Each file is still replaced atomically, with its data on disk
    before the rename; if one fails, it and the ones after it are discarded (left as they
    were) and the error raised.
    """
    try:
        synced = False
        if len(rewrites) > 1 and hasattr(os, "sync"):
            os.sync()
            synced = sys.platform.startswith("linux")
        for rewrite in rewrites:
            rewrite.finish(sync_dir=False, synced=synced)
    except BaseException:
        for rewrite in rewrites:
            rewrite.discard()  # the ones committed already have nothing left to discard
        raise
    finally:
        for folder in sorted({r.path.parent for r in rewrites}):
            _fsync_dir(folder)


def _write_failed(path: Path, exc: OSError) -> WriteFailed:
    reason = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded"}.get(
        exc.errno or 0, exc.strerror or str(exc)
    )
    return WriteFailed(f"{shown(path)}: could not be written ({reason}); it was not changed")


def _read_umask() -> int:
    # The umask can only be read by setting it; done once, at import.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not supported on every platform, hence best effort.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
