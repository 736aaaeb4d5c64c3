"""Reading one JSONL file line by line, on the fast path or the precise one.

The fast path (most lines) is for a structurally valid record: a line that the pattern compiled
from the models (`fast_path.pattern`) recognizes as the canonical form of one, which also rules
out duplicate keys, then parsed by orjson; or any other spelling that `fast_path.valid_record`
vouches for (orjson, a repeated-key test, pydantic's compiled validator). The file's record
checks then run (or their fast equivalent, `quick`). Every other line takes the precise path:
strict decoding, json's error positions, a scanner for duplicate keys and columns, pydantic for
the structural messages, then the same record checks. One bad line never stops the others from
being checked.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from .. import limits
from ..conflict_markers import marker
from ..diagnostics import Diagnostic
from ..errors import ClaimsetError
from ..project import BOM
from ..rejoin import find_spread
from . import fast_path
from .checks import markers, syntax
from .checks.conflicts import recorded_conflicts, without_conflicts
from .checks.structure import structure
from .lines import Line
from .positions import Path as JsonPath
from .positions import Place, json_path
from .problems import ActorIndex, Problem

if TYPE_CHECKING:
    from pydantic import BaseModel

#: Longer lines are not parsed (no sentence record comes near): reported as `limit`. The same
#: limit for every command (limits.py).
MAX_LINE_BYTES = limits.MAX_LINE_BYTES


def _never(obj: dict[str, Any], lineno: int) -> bool:
    return False


class _Conflict:
    """An open git conflict block: where it starts, its labels, where each side is."""

    def __init__(self, start: int, label: str, source: str) -> None:
        self.start = start
        self.label = label
        self.source = source
        self.ours_end: int | None = None
        self.theirs_start: int | None = None

    def ours(self, here: int) -> tuple[str, tuple[int, int]]:
        end = self.ours_end if self.ours_end is not None else here
        return self.label, (self.start + 1, end)


class JsonlFile:
    """Checks one JSONL file line by line; subclasses add the record-level checks."""

    #: The name of the records' model in `claimset.models`: the model itself (and pydantic) is
    #: imported only for a line off the canonical pattern (`model`).
    model_name = "SentenceRecord"

    def __init__(self, path: Path, rel: str, actors: ActorIndex) -> None:
        self.path = path
        self.rel = rel
        self.actors = actors
        self.diagnostics: list[Diagnostic] = []
        self.records = 0
        self.crlf_lines = 0
        self.first_crlf = 0
        self.unparsed = 0  # lines that are not JSON objects
        # Consecutive lines holding no record, with their diagnostics: maybe one record an
        # editor spread over lines, reported once (`syntax.spread_record`) when the run ends.
        self.broken: list[tuple[Line, list[Diagnostic]]] = []
        # An open git conflict block: [first line, ours label, ours lines, theirs start line].
        self.conflict: _Conflict | None = None
        compiled = fast_path.pattern(self.model_name)
        self.canonical_and_valid = compiled.fullmatch if compiled is not None else None
        #: For a structurally valid record: True if `semantic` would find nothing. Then it
        #: has also done what `semantic` does to the file's state; otherwise it has changed
        #: nothing and `semantic` runs. Only a speed-up: the default always defers.
        self.quick: Callable[[dict[str, Any], int], bool] = _never
        #: `quick` for a record on a line the pattern matched (same answers, fewer lookups).
        self.quick_canonical: Callable[[dict[str, Any], int], bool] = _never

    @functools.cached_property
    def model(self) -> type[BaseModel]:
        """The records' pydantic model (looked up once per file)."""
        from .. import models

        found: type[BaseModel] = getattr(models, self.model_name)
        return found

    # -- reporting

    def report(self, line: Line, problems: Sequence[Problem]) -> None:
        for problem in problems:
            self.diagnostics.append(self.locate(line, problem))

    def locate(self, line: Line, problem: Problem) -> Diagnostic:
        """A Diagnostic with the columns of the problem's path in the line."""
        place: Place | None
        start, end = 0, None
        # A removed BOM shifts the columns of everything after it, but not "the line".
        offset = 0 if problem.at == "line" else line.offset
        if problem.at == "line":
            place = None
        elif problem.at == "object":
            place = line.layout.place(problem.path[:-1])
            if place is not None:
                start, end = place.start, place.start + 1
        else:
            place = line.layout.place(problem.path)
            if place is not None:
                start, end = place.start, place.end
                if problem.at == "key" and place.key_start is not None:
                    start, end = place.key_start, place.key_end
        return Diagnostic(
            file=self.rel,
            line=line.lineno,
            column=start + offset + 1,
            path=json_path(problem.path),
            code=problem.code,
            message=problem.message,
            severity=problem.severity,
            end_column=end + offset + 1 if end is not None else None,
            source=line.source[:10000],
        )

    # -- reading

    def run(self) -> None:
        try:
            # A buffer of 256 KiB: most annotation files are read in one system call.
            handle = self.path.open("rb", buffering=1 << 18)
        except OSError as exc:
            raise ClaimsetError(f"{self.rel}: cannot read: {exc.strerror}") from exc
        limit = MAX_LINE_BYTES
        # Locals for the fast path, which runs for nearly every line.
        canonical_and_valid, loads = self.canonical_and_valid, orjson.loads
        quick, quick_canonical = self.quick, self.quick_canonical
        valid_record = fast_path.valid_record
        fast_records = 0
        with handle:
            lineno = 0
            readline = handle.readline
            while raw := readline(limit):
                lineno += 1
                if raw[-1] == 10:  # b"\n"
                    # The fast path reads the line with its newline (the pattern up to it,
                    # orjson as whitespace): no copy of the line for nearly every line.
                    end = len(raw) - 1
                    obj = None
                    accepted = quick
                    if self.conflict is not None:
                        pass  # inside a merge conflict: every line takes the precise path
                    elif canonical_and_valid is not None and canonical_and_valid(raw, 0, end):
                        try:
                            obj = loads(raw)
                            accepted = quick_canonical
                        except orjson.JSONDecodeError:
                            pass  # invalid UTF-8 inside a string, or a number too large
                    elif end:
                        obj = valid_record(self.model_name, raw[:end])
                    if obj is not None:
                        fast_records += 1
                        if not accepted(obj, lineno):
                            line = Line(lineno, raw[:end])
                            self.report(line, self.semantic(obj, line))
                        continue
                    raw = raw[:end]
                elif len(raw) == limit:
                    while (rest := readline(limit)) and rest[-1:] != b"\n":
                        pass
                    self.records += 1
                    self.unparsed += 1
                    self.unidentified()
                    self.diagnostics.extend(syntax.too_long(self.rel, lineno, limit))
                    continue
                self.line(lineno, raw)
        self.records += fast_records
        self._end_broken_run()
        if self.conflict is not None:  # never closed
            block = self.conflict
            self.diagnostics.extend(
                markers.merge_conflict(
                    self.rel, block.start, None, block.ours(lineno), None, block.source
                )
            )
        self.diagnostics.extend(syntax.crlf_lines(self.rel, self.crlf_lines, self.first_crlf))
        self.finish()

    def line(self, lineno: int, raw: bytes) -> None:
        if not raw or raw.isspace():
            return  # blank lines hold no record; fmt drops them
        self.records += 1
        self.slow(lineno, raw)

    def slow(self, lineno: int, raw: bytes) -> None:
        """The precise path: every syntax-level problem, then pydantic, then the same checks."""
        line = Line(lineno, raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.diagnostics.extend(syntax.invalid_utf8(self.rel, line, exc))
            self._recover(line)
            return
        problems: list[Problem] = []
        if lineno == 1 and text.startswith(BOM):
            problems.extend(syntax.byte_order_mark())
        if text.endswith("\r"):
            if not self.crlf_lines:
                self.first_crlf = lineno
            self.crlf_lines += 1
        text = line.text
        if (text[:1] in "<|=>" or self.conflict is not None) and self._in_conflict(line):
            return
        if not text.strip():  # blank but for a BOM or Unicode spaces: no record either
            self.records -= 1  # (`line` counted it as one)
            self.report(line, problems)
            return
        obj = self._parse(line, problems)
        if obj is None:
            return
        problems.extend(self.semantic(obj, line))
        self.report(line, problems)

    def _parse(self, line: Line, problems: list[Problem]) -> dict[str, Any] | None:
        """The line's record with its structural problems, or None (then all is reported)."""
        try:
            obj = json.loads(line.text)  # permissive: NaN and duplicate keys: the scanner's
        except json.JSONDecodeError as exc:
            located = [self.locate(line, problem) for problem in problems]
            self._broken(line, [*located, *syntax.json_syntax(self.rel, line, exc)])
            self._unparsed()
            self.unreadable(line)
            return None
        except RecursionError:
            problems.extend(syntax.too_deep())
            self.report(line, problems)
            self._unparsed()
            self.unreadable(line)  # its id may still be legible, as after a syntax error
            return None
        except ValueError as exc:  # an integer of more digits than Python converts
            problems.extend(syntax.number_too_long(str(exc)))
            self.report(line, problems)
            self._unparsed()
            self.unreadable(line)
            return None
        problems.extend(syntax.duplicate_keys(line))
        constants = syntax.non_finite_numbers(line)
        strings = syntax.lone_surrogates(obj)
        problems.extend(constants)
        problems.extend(strings)
        not_object = syntax.not_an_object(obj)
        if not_object:
            problems.extend(not_object)
            self._broken(line, [self.locate(line, problem) for problem in problems])
            self._unparsed()
            return None
        # A merge's conflicts list is reported as such, and the record checked without it.
        problems.extend(recorded_conflicts(obj))
        obj = without_conflicts(obj)
        # Already reported: pydantic would repeat them, rawly.
        skip: set[JsonPath] = {p.path for p in constants} | {p.path for p in strings}
        problems.extend(structure(self.model, obj, skip, self.actors))
        return obj

    def _broken(self, line: Line, diagnostics: list[Diagnostic]) -> None:
        """Hold a line that holds no record: it may be part of a spread record."""
        if self.broken and self.broken[-1][0].lineno != line.lineno - 1:
            self._end_broken_run()
        self.broken.append((line, diagnostics))

    def _end_broken_run(self) -> None:
        """Report the held lines: a spread record once, every other line as it is."""
        if not self.broken:
            return
        run, self.broken = self.broken, []
        spreads = find_spread([(line.lineno, line.text) for line, _ in run], json.loads)
        inside = {n: spread for spread in spreads for n in range(spread.first, spread.last + 1)}
        for line, diagnostics in run:
            spread = inside.get(line.lineno)
            if spread is None:
                self.diagnostics.extend(diagnostics)
            elif spread.first == line.lineno:
                self.diagnostics.extend(syntax.spread_record(self.rel, line, spread))

    def _in_conflict(self, line: Line) -> bool:
        """Follow git's conflict markers; True for a line that belongs to a conflict block
        (a marker, or a line of one side: not checked, but it may hold any sentence)."""
        found = marker(line.text)
        block = self.conflict
        if found is None:
            if block is None:
                return False
            # A record of one side: not checked, but learnt (evidence elsewhere may cite it);
            # counted as unreadable, so that the sentence count and coverage wait for the fix.
            if line.text.strip():
                try:
                    obj = json.loads(line.text)
                except (ValueError, RecursionError):
                    obj = None
                if isinstance(obj, dict):
                    self.semantic(obj, line)
                self._unparsed()
            return True
        kind, label = found
        if block is None and kind != "ours":
            return False  # a stray marker is reported as the JSON error it is
        self.records -= 1  # a marker holds no record: `line` counted it as one
        if block is None:
            self.conflict = _Conflict(line.lineno, label, line.source)
            return True
        if kind == "base" and block.ours_end is None:
            block.ours_end = line.lineno - 1
        elif kind == "theirs" and block.theirs_start is None:
            if block.ours_end is None:
                block.ours_end = line.lineno - 1
            block.theirs_start = line.lineno + 1
        elif kind == "end":
            theirs = (label, (block.theirs_start or line.lineno, line.lineno - 1))
            self.diagnostics.extend(
                markers.merge_conflict(
                    self.rel,
                    block.start,
                    line.lineno,
                    block.ours(line.lineno - 1),
                    theirs,
                    block.source,
                )
            )
            self.conflict = None
        return True

    def _unparsed(self) -> None:
        self.unparsed += 1
        self.unidentified()

    def _recover(self, line: Line) -> None:
        """After an encoding error: learn the line's sentence id, if any, for later lines.

        Its problems are not reported: they would repeat the encoding error in other words.
        """
        try:
            obj = json.loads(line.text)
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict):
            self.semantic(self.repaired(obj), line)
        else:
            self._unparsed()

    # -- hooks

    def repaired(self, obj: dict[str, Any]) -> dict[str, Any]:
        """A record read with U+FFFD for invalid bytes, made fit to stand in for later checks."""
        return obj

    def semantic(self, obj: dict[str, Any], line: Line) -> list[Problem]:
        """Checks across fields and records; `obj` may be structurally invalid."""
        return []

    def unidentified(self) -> None:
        """Note a line whose record cannot be known (unparsable, or not an object)."""

    def unreadable(self, line: Line) -> None:
        """Note a line that is not valid JSON (its id may still be legible)."""

    def finish(self) -> None:
        """Checks that need the whole file."""
