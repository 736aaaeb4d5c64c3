"""`claimset fmt`: anchor quotes to offsets and write every data file in canonical form.

Canonical form: one record per line, keys in schema order with defaults written out, unknown
keys kept after the known ones (for `validate` to report), UTF-8 without ASCII escapes, LF line
ends, a final newline. fmt never changes meaning and never deletes anything: a file with a line
it cannot parse is left untouched and reported. Each file is replaced atomically.

What fmt does to one record (key order, quotes anchored, claim ids) is in `fmt_record`; here,
files: streamed line by line, or read whole (`format_text`) when one needs explaining or repair.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import atomic, jsonio
from .agreement_files import agreement_paths
from .conflict_markers import explain, marker

# `claimset.fmt.format_record` is public API: it lives in fmt_record, with the rest of what
# fmt does to one record.
from .fmt_record import format_record as format_record
from .fmt_record import record_line
from .fmt_stream import stream
from .limits import MAX_LINE_BYTES, too_long
from .models import Actor, Annotator, Document, Record, SentenceRecord
from .project import BOM, Project
from .rejoin import find_spread
from .validate.checks.syntax import unescaped_quote


@dataclass
class FileFormat:
    """What fmt did (or would do) to one file."""

    path: str
    changed: bool = False
    refused: bool = False
    messages: list[str] = field(default_factory=list)
    unanchored: int = 0  # spans whose quote fmt could not anchor (ambiguous or not found)
    diff: str = ""


@dataclass
class FmtResult:
    """The outcome of `fmt` over several files."""

    files: list[FileFormat] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFormat]:
        return [f for f in self.files if f.changed]

    @property
    def refused(self) -> list[FileFormat]:
        return [f for f in self.files if f.refused]

    @property
    def unanchored(self) -> int:
        """Spans left without offsets: `validate` will report them."""
        return sum(f.unanchored for f in self.files)

    @property
    def ok(self) -> bool:
        return not self.refused


def format_text(data: bytes, model: type[Record], rel: str) -> tuple[bytes | None, list[str], int]:
    """The canonical bytes of a JSONL file, or None when it cannot be parsed; notes; and the
    number of spans left unanchored."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line, column = jsonio.byte_position(data, exc.start)
        problem = f"invalid UTF-8 (byte 0x{data[exc.start]:02x}): fix the file first"
        return None, [f"{rel}:{bad_line}:{column}: {problem}"], 0
    messages: list[str] = []
    if text.startswith(BOM):
        text = text[1:]
        messages.append(f"{rel}: removed the byte order mark")
    read = _read_lines(text, rel)
    if read.errors:
        messages += _rejoin_spread_records(read, rel)
    if read.errors:
        refused = f"{rel}: not formatted: fix the lines above (see `claimset validate`)"
        return None, [*read.errors.values(), refused], 0
    if read.crlf:
        messages.append(f"{rel}: converted CRLF line endings to LF")
    return _format_lines(read.records, model, rel, messages)


@dataclass
class _Lines:
    """A file's lines as `format_text` reads them: the records by line number, the lines that
    hold no record alone, and the errors that refuse the file unless rejoining explains them."""

    records: list[tuple[int, Any]] = field(default_factory=list)
    # Lines holding no record alone (not JSON, or not an object): maybe one record an editor
    # spread over lines, which is rejoined; any other such line refuses the file.
    loose: list[tuple[int, str]] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    crlf: bool = False


def _read_lines(text: str, rel: str) -> _Lines:
    """Parse each line of the file: blank lines and conflict blocks (one error, at the start)
    hold no record."""
    read = _Lines()
    for lineno, raw_line in enumerate(text.split("\n"), start=1):
        line = raw_line
        if line.endswith("\r"):
            line, read.crlf = line[:-1], True
        if not line.strip():
            continue
        conflict = marker(line)
        if conflict is not None and conflict[0] == "ours":
            read.errors[lineno] = f"{rel}:{lineno}: {explain(line)}"
            continue
        if conflict is not None:
            continue  # the rest of a conflict block: reported once, at its start
        _read_line(read, lineno, line, rel)
    return read


def _read_line(read: _Lines, lineno: int, line: str, rel: str) -> None:
    """Add one line's record to `read`, or its error (and the line, for rejoining)."""
    try:
        value = jsonio.loads_strict(line)
    except json.JSONDecodeError as exc:
        hint = " (an unescaped quote?)" if unescaped_quote(line, exc.pos, exc.msg) else ""
        read.errors[lineno] = f"{rel}:{lineno}:{exc.colno}: invalid JSON: {exc.msg}{hint}"
        read.loose.append((lineno, line))
        return
    except (ValueError, RecursionError) as exc:
        read.errors[lineno] = f"{rel}:{lineno}: {jsonio.readable_reason(str(exc))}"
        read.loose.append((lineno, line))
        return
    read.records.append((lineno, value))
    if not isinstance(value, dict):
        read.loose.append((lineno, line))


def _rejoin_spread_records(read: _Lines, rel: str) -> list[str]:
    """Rejoin the records an editor spread over several lines, clearing those lines' errors;
    the notes saying so."""
    messages = []
    for spread in find_spread(read.loose, jsonio.loads_strict):
        covered = range(spread.first, spread.last + 1)
        if not any(n in read.errors for n in covered):
            continue
        for lineno in covered:
            read.errors.pop(lineno, None)
        read.records = [r for r in read.records if r[0] not in covered]
        read.records.append((spread.first, spread.value))
        messages.append(
            f"{rel}:{spread.first}: rejoined lines {spread.first}-{spread.last} into one "
            "record (an editor had spread it over several lines)"
        )
    read.records.sort(key=lambda record: record[0])
    return messages


def _format_lines(
    records: list[tuple[int, Any]], model: type[Record], rel: str, messages: list[str]
) -> tuple[bytes | None, list[str], int]:
    """`format_text` for a file whose every record parsed: the canonical bytes (None for a
    formatted line over the limit or a lone surrogate), the notes after `messages`, and the
    number of spans left unanchored."""
    if model is SentenceRecord:
        records = _in_document_order(records, rel, messages)
    # In document order: evidence typed without `sentence` is looked for nearest first.
    texts = {
        r["id"]: r["text"]
        for _, r in records
        if isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("text"), str)
    }
    lines = []
    unanchored = 0
    for lineno, record in records:
        line, notes = record_line(record, texts, model)
        messages.extend(f"{rel}:{lineno}: {note}" for note in notes.messages)
        unanchored += notes.unanchored
        lines.append(line + "\n")
        if len(lines[-1]) > MAX_LINE_BYTES // 4 and len(lines[-1].encode()) > MAX_LINE_BYTES:
            return None, [f"{rel}:{lineno}: formatted, {too_long()}; not formatted"], 0
    try:
        return "".join(lines).encode("utf-8"), messages, unanchored
    except UnicodeEncodeError:
        surrogate = f"{rel}: a string holds a lone surrogate (\\ud800-\\udfff escape)"
        return None, [*messages, surrogate], 0


def _in_document_order(
    records: list[tuple[int, Any]], rel: str, messages: list[str]
) -> list[tuple[int, Any]]:
    """Sentence records sorted by their offsets (lines an editor or a merge moved), when every
    record has integer offsets; otherwise as they are (validate reports the offsets)."""
    keys = []
    for _, record in records:
        start = record.get("start") if isinstance(record, dict) else None
        end = record.get("end") if isinstance(record, dict) else None
        if type(start) is not int or type(end) is not int:
            return records
        keys.append((start, end))
    order = sorted(range(len(records)), key=lambda k: keys[k])
    if order == list(range(len(records))):
        return records
    moved = sum(1 for position, k in enumerate(order) if k != position)
    messages.append(f"{rel}: put {moved} lines back in document order (by their offsets)")
    return [records[k] for k in order]


def _targets(project: Project, paths: list[Path] | None) -> list[tuple[Path, type[Record]]]:
    # An annotator's agreement file is hand-edited sentence records too (not its orphans,
    # nor the registry an annotator may keep beside it, which validate does not check either).
    sentences = [*project.annotation_paths(), *agreement_paths(project)]
    kinds: dict[Path, type[Record]] = {p.resolve(): SentenceRecord for p in sentences}
    registries: tuple[tuple[Path, type[Record]], ...] = (
        (project.actors_path, Actor),
        (project.documents_path, Document),
        (project.annotators_path, Annotator),
    )
    for path, model in registries:
        if path.is_file():
            kinds[path.resolve()] = model
    if paths is None:
        return sorted(kinds.items(), key=lambda item: str(item[0]))
    what = (
        "a file claimset formats "
        "(corpus/annotations/*.jsonl, agreement/<annotator>/<doc>.jsonl, corpus/actors.jsonl, "
        "corpus/documents.jsonl, corpus/annotators.jsonl)"
    )
    return [(path, kinds[path]) for path in project.select(paths, kinds, what)]


def fmt(
    project: Project,
    paths: list[Path] | None = None,
    *,
    check: bool = False,
    diff: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> FmtResult:
    """Format the given data files (default: every annotation and agreement file, and the
    actor, document and annotator registries).

    With `check` or `diff` nothing is written; `diff` adds a unified diff to each changed file.
    A file that cannot be parsed is refused (left untouched). Raises UsageError for a path
    that is not a data file. `on_progress(done, total)` is called before each file.
    """
    result = FmtResult()
    pending: list[atomic.Rewrite] = []  # new versions of the files streamed, swapped in at the end
    try:
        for number, (path, model) in enumerate(targets := _targets(project, paths)):
            if on_progress is not None:
                on_progress(number, len(targets))
            result.files.append(_fmt_file(project, path, model, check, diff, pending))
        atomic.commit_all(pending)
    except BaseException:
        for rewrite in pending:
            rewrite.discard()
        raise
    return result


def _fmt_file(
    project: Project,
    path: Path,
    model: type[Record],
    check: bool,
    diff: bool,
    pending: list[atomic.Rewrite],
) -> FileFormat:
    """Format one file: streamed (its new version added to `pending`), or whole."""
    rel = project.relative(path)
    outcome = FileFormat(rel)
    long_line = jsonio.first_long_line(path)  # before reading it whole: bounded memory
    if long_line is not None:
        outcome.refused = True
        outcome.messages = [f"{rel}:{long_line}: {too_long()}; not formatted"]
        return outcome
    if not diff:
        streamed = stream(path, model, rel, record_line, None if check else pending)
        if streamed is not None:
            outcome.changed, outcome.messages = streamed.changed, streamed.messages
            outcome.unanchored = streamed.unanchored
            return outcome
    data = jsonio.read_bytes(path)
    new, outcome.messages, outcome.unanchored = format_text(data, model, rel)
    if new is None:
        outcome.refused = True
        return outcome
    if new == data:
        return outcome
    outcome.changed = True
    if diff:
        old_lines = data.decode("utf-8").removeprefix(BOM).splitlines(keepends=True)
        outcome.diff = "".join(
            difflib.unified_diff(
                old_lines,
                new.decode("utf-8").splitlines(keepends=True),
                fromfile=f"a/{rel}",
                tofile=f"b/{rel}",
            )
        )
    if not (check or diff):
        atomic.atomic_write_bytes(path, new)
    return outcome
