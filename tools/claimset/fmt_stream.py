"""`claimset fmt` on a file line by line, in memory that does not grow with the file.

A file whose every line parses is formatted one line at a time into a file beside it
(`atomic.Rewrite`, from the first line that changes). Any other file (a line that does not
parse, which may be a record spread over lines to rejoin; invalid UTF-8; a lone surrogate; a
formatted line over the limit; sentence lines out of document order; evidence typed without
`sentence`, which may be in any sentence of the file) is left to
`fmt.format_text`, which holds it whole and explains or repairs it. For the files both can
format they give the same bytes and notes.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import atomic, jsonio
from .fmt_record import cites_unnamed, quick_line
from .limits import MAX_LINE_BYTES
from .models import Record, SentenceRecord
from .project import BOM


class Notes(Protocol):
    """What formatting one record says (`fmt.Notes`)."""

    messages: list[str]
    unanchored: int


#: Formats one record: (record, sentence texts by id, model) -> (canonical line, notes).
FormatRecord = Callable[[Any, Mapping[str, str] | None, type[Record]], tuple[str, Notes]]

#: How many of the sentences just read fmt keeps the text of, for evidence quotes to be anchored
#: in: evidence nearly always cites a nearby sentence. The texts of the others it cites (a
#: later sentence, or one further back) are fetched by a second reading of the file, so memory
#: grows only with such far citations, not with the file.
WINDOW = 4096

_BOM_BYTES = BOM.encode("utf-8")


class _Texts(Mapping[str, str]):
    """Sentence texts by id for anchoring evidence: the last WINDOW read, and the far ones.

    Lookups that find nothing are remembered in `missing`, for the second reading.
    """

    def __init__(self, far: dict[str, str]) -> None:
        self.recent: dict[str, str] = {}
        self.far = far
        self.missing: set[str] = set()

    def add(self, rid: str, text: str) -> None:
        self.recent.pop(rid, None)
        self.recent[rid] = text
        if len(self.recent) > WINDOW:
            del self.recent[next(iter(self.recent))]

    def __getitem__(self, rid: str) -> str:
        found = self.recent.get(rid)
        if found is None:
            found = self.far.get(rid)
        if found is None:
            self.missing.add(rid)
            raise KeyError(rid)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter({**self.far, **self.recent})

    def __len__(self) -> int:
        return len({**self.far, **self.recent})


def _parse(line: bytes) -> Any:
    """The JSON value of a line as `jsonio.loads_strict` reads it (which raises its errors);
    read by orjson when that gives the same value (`jsonio.loads_quick`)."""
    value = jsonio.loads_quick(line)
    return value if value is not None else jsonio.loads_strict(line.decode("utf-8"))


@dataclass
class _Pass:
    """One reading of a file: whether it changed, the notes, the far citations."""

    changed: bool = False
    messages: list[str] = field(default_factory=list)
    unanchored: int = 0
    missing: set[str] = field(default_factory=set)


def _format_pass(
    lines: Iterable[bytes],
    model: type[Record],
    rel: str,
    far: dict[str, str],
    format_record: FormatRecord,
    write: Callable[[bytes, bytes], None] | None,
) -> _Pass | None:
    """Format the lines one at a time (to `write(new, read)`, if given); None: `format_text`."""
    outcome = _Pass()
    head: list[str] = []
    notes: list[str] = []
    crlf = False
    texts = _Texts(far)
    # Sentence records out of document order are put back in order by `format_text` (which
    # sorts them when every record has integer offsets): a line before the previous one sends
    # the file there.
    ordered, previous = model is SentenceRecord, (-1, -1)
    for lineno, raw in enumerate(lines, start=1):
        line = raw[:-1] if raw[-1:] == b"\n" else raw
        if lineno == 1 and line.startswith(_BOM_BYTES):
            head.append(f"{rel}: removed the byte order mark")
            line = line[len(_BOM_BYTES) :]
        if line[-1:] == b"\r":
            line, crlf = line[:-1], True
        quick = quick_line(line, texts, model)
        if quick is not None:
            record, formatted = quick
        else:
            try:
                record = _parse(line)
            except json.JSONDecodeError:
                if line.decode("utf-8").strip():
                    return None  # not JSON: explained, or rejoined, by `format_text`
                outcome.changed = True  # a blank line, dropped
                if write is not None:
                    write(b"", raw)
                continue
            except (ValueError, RecursionError):  # invalid UTF-8, a repeated key, NaN, too deep
                return None
        if ordered:
            start = record.get("start") if isinstance(record, dict) else None
            end = record.get("end") if isinstance(record, dict) else None
            if type(start) is not int or type(end) is not int:
                ordered = False  # never sorted: validate reports the offsets
            elif (start, end) < previous:
                return None
            else:
                previous = (start, end)
        if quick is None:
            if model is SentenceRecord and cites_unnamed(record):
                return None  # looked for in every sentence of the file: `format_text` has them
            formatted, record_notes = format_record(record, texts, model)
            if record_notes.messages:
                notes.extend(f"{rel}:{lineno}: {note}" for note in record_notes.messages)
                outcome.unanchored += record_notes.unanchored
        if isinstance(record, dict):
            rid, text = record.get("id"), record.get("text")
            if isinstance(rid, str) and isinstance(text, str):
                texts.add(rid, text)
        try:
            out = (formatted + "\n").encode("utf-8")
        except UnicodeEncodeError:
            return None  # a lone surrogate
        if len(out) > MAX_LINE_BYTES:
            return None
        if out != raw:
            outcome.changed = True
        if write is not None:
            write(out, raw)
    if crlf:
        head.append(f"{rel}: converted CRLF line endings to LF")
    outcome.messages = head + notes
    outcome.missing = texts.missing
    return outcome


def _far_texts(lines: Iterable[bytes], wanted: set[str]) -> dict[str, str]:
    """The texts of the wanted sentence ids (the last line with the id wins, as in a dict)."""
    found: dict[str, str] = {}
    for raw in lines:
        try:
            record = _parse(raw.rstrip(b"\r\n").removeprefix(_BOM_BYTES))
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict):
            rid, text = record.get("id"), record.get("text")
            if rid in wanted and isinstance(text, str):
                found[rid] = text
    return found


def stream(
    path: Path,
    model: type[Record],
    rel: str,
    format_record: FormatRecord,
    pending: list[atomic.Rewrite] | None,
) -> _Pass | None:
    """Format a file line by line; None: use `format_text`. With `pending`, a changed file's
    new version is written beside it and added there, for `atomic.commit_all`."""
    lines = functools.partial(jsonio.iter_raw_lines, path)
    # Written only from the first line that changes: an unchanged file is never touched.
    writer = atomic.Rewrite(path) if pending is not None else None
    try:
        write = writer.line if writer else None
        result = _format_pass(lines(), model, rel, {}, format_record, write)
        if result is not None and result.missing:
            far = _far_texts(lines(), result.missing)
            if far:  # read again, now with the texts those citations need
                if writer is not None:
                    writer.discard()
                result = _format_pass(lines(), model, rel, far, format_record, write)
    except BaseException:
        if writer is not None:
            writer.discard()
        raise
    if writer is not None and pending is not None:
        if result is not None and result.changed:
            writer.close()
            pending.append(writer)
        else:
            writer.discard()
    return result
