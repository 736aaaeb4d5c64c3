"""Reading and writing JSON Lines: strict parsing, the canonical serialization, whole files.

The atomic replacement of a file (and the check that nobody saved it since it was read) is
`atomic`'s; the readers here tell it what they read.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from .atomic import atomic_write_bytes, remember, shown
from .conflict_markers import explain, marker
from .errors import ClaimsetError, InvalidLine
from .limits import MAX_LINE_BYTES, too_long

#: Separators of the canonical form: readable in diffs, like the SPEC's examples.
SEPARATORS = (", ", ": ")


class DuplicateKeyError(ValueError):
    "A JSON object has the same key twice."

    def __init__(self, key: str) -> None:
        super().__init__(f"duplicate key {key!r}: JSON parsers silently keep only the last one")
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)  # called for every object read: the common case in one C call
    if len(obj) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return obj


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e400: valid JSON, but no JSON writer can write it back
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


_decoder = json.JSONDecoder(
    object_pairs_hook=_no_duplicates, parse_constant=_reject_constant, parse_float=_finite_float
)


def loads_strict(text: str) -> Any:
    """Parse one JSON value, refusing duplicate keys, NaN/Infinity and out-of-range numbers.

    Raises json.JSONDecodeError, DuplicateKeyError or ValueError (also for an integer of more
    digits than Python converts, or a value nested too deeply to parse).
    """
    try:
        return _decoder.decode(text)
    except RecursionError:
        raise ValueError("nested too deeply to be a record") from None


#: Every digit to 0, everything else to a space: a run of 19 zeros then marks a number orjson
#: could read differently from json (an integer beyond 64 bits, which it reads as a float).
#: (`bytes.translate` and `in` run at C speed; a regular expression here costs more than the
#: whole parse.)
_DIGITS = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_LONG_NUMBER = b"0" * 19


def loads_quick(line: bytes) -> Any:
    """The JSON value of a line as `loads_strict` reads it, read by orjson (several times
    faster), or None: then read it with `loads_strict`, which also explains what is wrong.

    orjson reads it when that gives the same value: no repeated key (orjson keeps the last of
    two equal keys silently; the pair it drops takes its colon with it, so a line whose colons
    outnumber those of orjson's own serialization of the value had a repeated key), no escaped
    colon (`\\u003a`, which would spoil that count), no integer beyond 64 bits. orjson refuses
    the rest that `loads_strict` refuses (NaN, out-of-range numbers, invalid UTF-8, lone
    surrogates, a BOM); the caller checks line ends (a CR is whitespace to both).
    """
    if b"\\u003" in line or _LONG_NUMBER in line.translate(_DIGITS):
        return None
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return value if line.count(b":") == orjson.dumps(value).count(b":") else None


def loads_lenient(text: bytes | str) -> Any:
    """Parse one JSON value as json.loads does; ValueError for what it cannot (too deep)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply to be a record") from None


#: One encoder for every line written (json.dumps builds a new one per call). JSON data has no
#: cycles, so the circular-reference check is off: it costs a dict insert per container.
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=SEPARATORS, allow_nan=False, check_circular=False
)


#: The C encoder inside `_ENCODER`, built once: `JSONEncoder.encode` builds a new one per call,
#: a tenth of the time of encoding a sentence record (`fmt` encodes every record it reads).
#: None where the json module has no C speed-ups; then `_ENCODER.encode` does the same.
_make_c_encoder = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODER = (
    _make_c_encoder(
        None,  # no circular-reference markers, as check_circular=False
        _ENCODER.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # no indent
        SEPARATORS[1],
        SEPARATORS[0],
        False,  # sort_keys
        False,  # skipkeys
        False,  # allow_nan
    )
    if _make_c_encoder is not None
    else None
)


def dumps(obj: Any) -> str:
    """The canonical one-line serialization: UTF-8 text, no ASCII escapes."""
    if _C_ENCODER is not None:
        return "".join(_C_ENCODER(obj, 0))
    return _ENCODER.encode(obj)


def byte_position(data: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (code points) of byte `index` in a file's bytes."""
    before = data[:index]
    line = before.count(b"\n") + 1
    last = before.rfind(b"\n") + 1
    return line, len(before[last:].decode("utf-8", "replace")) + 1


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, remembered (size, mtime, hash) so a later rewrite can check them."""
    path = Path(path)
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        data = handle.read()
    remember(path, stat, hashlib.sha256(data).hexdigest())
    return data


def iter_lines(path: str | Path) -> Iterator[tuple[int, bytes | None]]:
    """Yield (1-based line number, raw line without its newline) for each line of a file.

    Streams: memory does not grow with the file, nor with a line: a line longer than
    MAX_LINE_BYTES is skipped and yielded as None (the callers report it, as validate does). A
    final line without newline is yielded too. A file read to the end is remembered like
    `read_bytes` does. Every reader here takes a `str` or a `Path`.
    """
    path = Path(path)
    digest = hashlib.sha256()
    limit = MAX_LINE_BYTES
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        lineno = 0
        while raw := handle.readline(limit):
            lineno += 1
            digest.update(raw)
            if raw[-1:] == b"\n" or len(raw) < limit:
                yield lineno, raw.rstrip(b"\n")
                continue
            while (rest := handle.readline(limit)) and rest[-1:] != b"\n":
                digest.update(rest)
            digest.update(rest)
            yield lineno, None
    remember(path, stat, digest.hexdigest())


def first_long_line(path: Path) -> int | None:
    """The number of the first line of MAX_LINE_BYTES or more (its newline not counted: the
    lines `iter_lines` skips), or None; in bounded memory, reading blocks of 1 MiB.

    A file smaller than the limit has no such line, and is not read at all (`fmt` asks this
    of every file before reading it).
    """
    limit = MAX_LINE_BYTES
    if os.stat(path).st_size < limit:
        return None  # (a stat, not an open: `fmt` asks this of every file)
    with Path(path).open("rb") as handle:
        lineno, run = 1, 0  # run: bytes of the current line read so far
        while block := handle.read(1 << 20):
            start = 0
            while (newline := block.find(b"\n", start)) >= 0:
                if run + newline - start >= limit:
                    return lineno
                lineno, run, start = lineno + 1, 0, newline + 1
            run += len(block) - start
            if run >= limit:
                return lineno
    return None


def iter_raw_lines(path: Path) -> Iterator[bytes]:
    """Yield each line of a file as read, with its newline (the last one may have none).

    Streams, and remembers the file like `iter_lines` when it was read to the end.
    """
    digest = hashlib.sha256()
    # A buffer of 256 KiB: most annotation files are read in one system call.
    with path.open("rb", buffering=1 << 18) as handle:
        stat = os.fstat(handle.fileno())
        for raw in handle:
            digest.update(raw)
            yield raw
    remember(path, stat, digest.hexdigest())


def iter_jsonl_lenient(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """Yield (1-based line number, record, problem) for each non-blank line, never refusing one.

    For commands that look at unfinished files (stats, show): `record` is None and `problem`
    says why ("not readable JSON", "not a JSON object") when the line holds no record;
    `validate` explains such lines in detail.
    """
    for lineno, raw in iter_lines(path):
        if raw is None:
            yield lineno, None, too_long()
            continue
        if not raw.strip():
            continue
        try:
            record = loads_lenient(raw)
        except ValueError:  # invalid JSON, too deep, or a number of too many digits
            yield lineno, None, "not readable JSON"
            continue
        if isinstance(record, dict):
            yield lineno, record, ""
        else:
            yield lineno, None, "not a JSON object"


def object_or_empty(value: Any) -> dict[str, Any]:
    """A field of a record read leniently (`iter_jsonl_lenient`): the value when it is a JSON
    object, else an empty one, so that an unfinished record is looked into without checks."""
    return value if isinstance(value, dict) else {}


def read_jsonl(path: str | Path, display: str | None = None) -> list[Any]:
    """Read every record of a JSONL file strictly; raise InvalidLine on the first bad line.

    For commands that need well-formed input (split, export); `validate` reports every problem.
    """
    return [record for _, record in read_jsonl_numbered(path, display)]


#: The UTF-8 byte order mark, which some editors put at the start of a file.
BOM = "\ufeff".encode()


def read_jsonl_numbered(
    path: str | Path, display: str | None = None, *, any_line_ends: bool = False
) -> list[tuple[int, Any]]:
    """Like `read_jsonl`, with each record's 1-based line number (blank lines are skipped).

    With `any_line_ends`, a byte order mark and CRLF line ends are read as `fmt` would write
    the file (for a reader that rewrites the file in canonical form anyway, like `split`).
    """
    name = display or str(path)
    records: list[tuple[int, Any]] = []
    for lineno, raw in iter_lines(path):
        if any_line_ends and raw is not None:
            if lineno == 1 and raw.startswith(BOM):
                raw = raw[len(BOM) :]
            if raw.endswith(b"\r"):
                raw = raw[:-1]
        value = parse_line(raw, lineno, name)
        if value is not BLANK:
            records.append((lineno, value))
    return records


#: What `parse_line` returns for a blank line (None is a JSON value).
BLANK: Any = object()


def parse_line(raw: bytes | None, lineno: int, name: str) -> Any:
    """The JSON value of one line as `iter_lines` yields it, read strictly, or BLANK; raise
    InvalidLine (located in file `name`) for a line that holds no valid JSON."""
    if raw is None:
        raise InvalidLine(too_long(), file=name, line=lineno)
    # Most lines: orjson reads them (`draft` reads every record of every file it drafts).
    if raw[-1:] != b"\r" and (value := loads_quick(raw)) is not None:
        return value
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
        return BLANK
    try:
        return loads_strict(text)
    except json.JSONDecodeError as exc:
        if marker(text) is not None:
            raise InvalidLine(explain(text), file=name, line=lineno) from exc
        raise InvalidLine(exc.msg, file=name, line=lineno, column=exc.colno) from exc
    except ValueError as exc:
        raise InvalidLine(readable_reason(str(exc)), file=name, line=lineno) from exc


def readable_reason(reason: str) -> str:
    """A parse error in the project's words: Python's refusal of an integer of too many digits
    (which suggests changing an interpreter setting) becomes what `validate` says."""
    return number_too_long(reason) if "integer string conversion" in reason else reason


def number_too_long(reason: str) -> str:
    """What to say about an integer Python will not convert (`reason` is its message)."""
    digits = reason.split("value has ")[-1].split(" digits")[0] if "value has" in reason else ""
    size = f" ({digits} digits)" if digits.isdigit() else ""
    return f"a number too long to be read{size}: no offset or count comes near; fix the value"


def line_bytes(record: Any) -> bytes:
    """One record's line in canonical form, with its newline."""
    try:
        return (dumps(record) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form: keep it as a \u escape
        return (json.dumps(record, separators=SEPARATORS, allow_nan=False) + "\n").encode()


class LineTooLong(ClaimsetError):
    "A record would be written as a line longer than the limit every command reads."


def jsonl_bytes(records: Iterable[Any]) -> bytes:
    """Serialize records one per line in canonical form, with a final newline.

    Raises LineTooLong for a record longer than MAX_LINE_BYTES: no command writes what
    `validate` would refuse.
    """
    return joined_lines([line_bytes(record) for record in records])


def joined_lines(lines: list[bytes]) -> bytes:
    """Lines made by `line_bytes`, as a file's bytes; LineTooLong as `jsonl_bytes` says."""
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_BYTES:
            raise LineTooLong(
                f"record {number} would be a line of {len(line)} bytes, over the limit of "
                f"{MAX_LINE_BYTES} that every claimset command reads; nothing was written"
            )
    return b"".join(lines)


def write_jsonl(path: Path, records: Iterable[Any]) -> bool:
    """Atomically write records; return False (and touch nothing) if the bytes are unchanged."""
    return write_lines(path, [line_bytes(record) for record in records])


def write_lines(
    path: Path, lines: list[bytes], *, sync_folder: bool = True, changed: bool = False
) -> bool:
    """`write_jsonl` for records already serialized by `line_bytes` (`sync_folder`: see
    `atomic_write_bytes`). `changed`: the caller changed a record it read from the file, so
    the bytes differ, and the file is not read again to compare."""
    try:
        data = joined_lines(lines)
    except LineTooLong as exc:
        raise LineTooLong(f"{shown(path)}: {exc}") from None
    if not changed and path.exists() and path.read_bytes() == data:  # (no base: not remembered)
        return False
    atomic_write_bytes(path, data, sync_folder=sync_folder)
    return True
