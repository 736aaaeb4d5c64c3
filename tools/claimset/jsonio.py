"""Reading and writing JSON Lines: strict parsing, the canonical serialization, atomic writes."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ChangedOnDisk, ClaimsetError, InvalidLine
from .paths import TEMP_PREFIX, write_target

#: Separators of the canonical form: readable in diffs, like the SPEC's examples.
SEPARATORS = (", ", ": ")


class DuplicateKeyError(ValueError):
    "A JSON object has the same key twice."

    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}: JSON parsers silently keep only the last one")
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKeyError(key)
        obj[key] = value
    return obj


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_decoder = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)


def loads_strict(text: str) -> Any:
    """Parse one JSON value, refusing duplicate keys and NaN/Infinity.

    Raises json.JSONDecodeError, DuplicateKeyError or ValueError.
    """
    return _decoder.decode(text)


def dumps(obj: Any) -> str:
    """The canonical one-line serialization: UTF-8 text, no ASCII escapes."""
    return json.dumps(obj, ensure_ascii=False, separators=SEPARATORS, allow_nan=False)


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (code points) of byte `index` in a file's bytes."""
    before = data[:index]
    line = before.count(b"\n") + 1
    last = before.rfind(b"\n") + 1
    return line, len(before[last:].decode("utf-8", "replace")) + 1


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


def _record(path: Path, stat: os.stat_result, digest: str) -> None:
    _snapshots[os.path.realpath(path)] = Snapshot(stat.st_size, stat.st_mtime_ns, digest)


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, remembered (size, mtime, hash) so a later rewrite can check them."""
    path = Path(path)
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        data = handle.read()
    _record(path, stat, hashlib.sha256(data).hexdigest())
    return data


def iter_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """Yield (1-based line number, raw line without its newline) for each line of a file.

    Streams: memory does not grow with the file. A final line without newline is yielded too.
    A file read to the end is remembered like `read_bytes` does. Every reader here takes a
    `str` or a `Path`.
    """
    path = Path(path)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        for lineno, raw in enumerate(handle, start=1):
            digest.update(raw)
            yield lineno, raw.rstrip(b"\n")
    _record(path, stat, digest.hexdigest())


def _shown(path: Path) -> str:
    """A path for a message: relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _check_unchanged(path: Path) -> None:
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
        same = False
    if not same:
        raise ChangedOnDisk(
            f"{_shown(path)}: changed on disk since this command read it (saved in an editor, or "
            "by another program); it was not overwritten, so the newer version is kept. Run the "
            "command again."
        )


def iter_jsonl_lenient(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """Yield (1-based line number, record, problem) for each non-blank line, never refusing one.

    For commands that look at unfinished files (stats, show): `record` is None and `problem`
    says why ("not readable JSON", "not a JSON object") when the line holds no record;
    `validate` explains such lines in detail.
    """
    for lineno, raw in iter_lines(path):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:
            yield lineno, None, "not readable JSON"
            continue
        if isinstance(record, dict):
            yield lineno, record, ""
        else:
            yield lineno, None, "not a JSON object"


def read_jsonl(path: str | Path, display: str | None = None) -> list[Any]:
    """Read every record of a JSONL file strictly; raise InvalidLine on the first bad line.

    For commands that need well-formed input (split, export); `validate` reports every problem.
    """
    return [record for _, record in read_jsonl_numbered(path, display)]


def read_jsonl_numbered(path: str | Path, display: str | None = None) -> list[tuple[int, Any]]:
    """Like `read_jsonl`, with each record's 1-based line number (blank lines are skipped)."""
    name = display or str(path)
    records: list[tuple[int, Any]] = []
    for lineno, raw in iter_lines(path):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
            raise InvalidLine(
                f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})",
                file=name,
                line=lineno,
                column=column,
            ) from exc
        if lineno == 1 and text.startswith("\ufeff"):
            raise InvalidLine("byte order mark (BOM) at the start of the file", file=name, line=1)
        if text.endswith("\r"):
            raise InvalidLine("CRLF line ending (use LF)", file=name, line=lineno, column=len(text))
        if not text.strip():
            continue
        try:
            records.append((lineno, loads_strict(text)))
        except json.JSONDecodeError as exc:
            raise InvalidLine(exc.msg, file=name, line=lineno, column=exc.colno) from exc
        except ValueError as exc:
            raise InvalidLine(str(exc), file=name, line=lineno) from exc
    return records


class WriteFailed(ClaimsetError):
    "Writing a file failed (disk full, permission): the file named is as it was before."


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file atomically: a temp file in the same folder, fsync, rename over the target.

    A run killed halfway leaves the file either old or new, never truncated. A symbolic link
    is written through (its target is replaced, the link stays: the path policy of paths.py
    has checked the target lies inside the project). Raises ChangedOnDisk, touching nothing,
    if the file is no longer what this process read of it; WriteFailed (naming the file) if
    the disk is full or the folder not writable.
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
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        _check_unchanged(path)
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_failed(path, exc) from exc
        raise
    _record(path, os.stat(path), hashlib.sha256(data).hexdigest())
    _fsync_dir(path.parent)


def _write_failed(path: Path, exc: OSError) -> WriteFailed:
    reason = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded"}.get(
        exc.errno or 0, exc.strerror or str(exc)
    )
    return WriteFailed(f"{_shown(path)}: could not be written ({reason}); it was not changed")


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


def jsonl_bytes(records: Iterable[Any]) -> bytes:
    """Serialize records one per line in canonical form, with a final newline."""
    return "".join(dumps(record) + "\n" for record in records).encode("utf-8")


def write_jsonl(path: Path, records: Iterable[Any]) -> bool:
    """Atomically write records; return False (and touch nothing) if the bytes are unchanged."""
    data = jsonl_bytes(records)
    if path.exists() and path.read_bytes() == data:  # not `read_bytes()`: this read is no base
        return False
    atomic_write_bytes(path, data)
    return True
