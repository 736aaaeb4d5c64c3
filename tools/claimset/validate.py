"""`claimset validate`: every problem in the corpus files, located and explained.

Each JSONL line takes one of two paths. The fast path (most lines) is for a line that a
pattern compiled from the models (`fastcheck`) recognizes as the canonical form of a
structurally valid record, which also rules out duplicate keys; orjson then parses it for the
checks below. Every other line takes the precise path:
strict decoding, json's error positions, a scanner for duplicate keys and columns, pydantic for
the structural messages. Both paths then run the same checks across fields, records and files.
One bad line never stops the others from being checked, and no input makes this module raise
anything but a ClaimsetError for a bad command line.

Memory grows with one document at a time (its seed, its sentence ids), not with the corpus.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ValidationError

from . import fastcheck
from .anchor import closest_passage, find_quote
from .canonical import Shape, field_names, fields
from .diagnostics import Diagnostic, Report, Severity
from .errors import ClaimsetError, SeedDecodeError
from .jsonio import byte_position
from .layout import Layout, Place, json_path, scan
from .layout import Path as JsonPath
from .models import (
    ACTOR_ID_PATTERN,
    CLAIM_ID_PATTERN,
    DOC_ID_PATTERN,
    HUMAN_STATUSES,
    SENTENCE_ID_PATTERN,
    SHA256_PATTERN,
    Actor,
    Document,
    SentenceRecord,
)
from .project import BOM, Project, read_seed

#: Longer lines are not parsed (no sentence record comes near): reported as `limit`.
MAX_LINE_BYTES = 1 << 20

_SENTENCE_ID = re.compile(SENTENCE_ID_PATTERN)
_ACTOR_ID = re.compile(ACTOR_ID_PATTERN)
_DOC_ID = re.compile(DOC_ID_PATTERN)

#: What each id pattern means, for messages.
_PATTERN_NAMES = {
    SENTENCE_ID_PATTERN: "a sentence id '<doc>:<ordinal>' (4 to 9 digits), like 'essay:0003'",
    DOC_ID_PATTERN: "a document id (letters, digits, '.', '_', '-'; starting with a letter or "
    "digit)",
    CLAIM_ID_PATTERN: "a claim id (letters, digits, '_', '-'), like 'c1'",
    ACTOR_ID_PATTERN: "an actor id (lowercase letters, digits and '_', starting with a letter), "
    "like 'south_korea'",
    SHA256_PATTERN: "a sha256 digest (64 lowercase hex digits)",
}

Where = Literal["value", "key", "object", "line"]


@dataclass(frozen=True)
class _Problem:
    """A diagnostic not yet located: a JSON path and what to point at there."""

    path: JsonPath
    code: str
    message: str
    severity: Severity = "error"
    at: Where = "value"


class _Line:
    """One raw line, decoded and scanned only when a diagnostic needs its columns."""

    __slots__ = ("_layout", "_text", "lineno", "offset", "raw")

    def __init__(self, lineno: int, raw: bytes) -> None:
        self.lineno = lineno
        self.raw = raw
        self.offset = 0
        self._text: str | None = None
        self._layout: Layout | None = None

    @property
    def text(self) -> str:
        """The line as JSON text: BOM and CR removed (`offset` counts a removed BOM)."""
        if self._text is None:
            text = self.raw.decode("utf-8", "replace")
            if self.lineno == 1 and text.startswith(BOM):
                text, self.offset = text[1:], 1
            self._text = text.removesuffix("\r")
        return self._text

    @property
    def source(self) -> str:
        """The line as shown under a diagnostic."""
        return self.raw.decode("utf-8", "replace").removesuffix("\r")

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            try:
                self._layout = scan(self.text)
            except Exception:  # only a text json rejected gets here; columns fall back to 1
                self._layout = Layout()
        return self._layout


def _quote(text: str, limit: int = 60) -> str:
    """repr() of a possibly long string, shortened in the middle."""
    if len(text) > limit:
        text = text[: limit // 2 - 1] + "…" + text[-(limit // 2 - 1) :]
    return repr(text)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({_quote(value, 30)})"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _describe(shape: Shape | None) -> str:
    """What a field holds, in words: `an integer ≥ 0 or null`."""
    if shape is None:
        return "a valid value"
    words = {
        "str": "a string",
        "int": "an integer",
        "bool": "true or false",
        "model": "an object",
        "list": "an array",
    }
    if shape.kind == "literal":
        text = "one of " + ", ".join(repr(c) for c in shape.choices)
    else:
        text = words.get(shape.kind or "", "a valid value")
    if shape.model is not None:
        text += f" ({shape.model.__name__})"
    if shape.item is not None and shape.item.kind == "model" and shape.item.model is not None:
        text += f" of {shape.item.model.__name__} objects"
    if shape.ge is not None:
        text += f" ≥ {shape.ge}"
    if shape.pattern is not None:
        text = _PATTERN_NAMES.get(shape.pattern, f"a string matching {shape.pattern}")
    return text + (" or null" if shape.nullable else "")


def _shape_at(model: type[BaseModel], loc: JsonPath) -> Shape | None:
    """The Shape of the field at `loc` in `model`, following nested models and lists."""
    shape = Shape("model", model=model)
    for part in loc:
        if shape.kind == "list" and isinstance(part, int) and shape.item is not None:
            shape = shape.item
        elif shape.kind == "model" and shape.model is not None and isinstance(part, str):
            found = [f.shape for f in fields(shape.model) if f.name == part]
            if not found:
                return None
            shape = found[0]
        else:
            return None
    return shape


def _field_description(model: type[BaseModel], loc: JsonPath) -> str:
    parent = _shape_at(model, loc[:-1])
    if parent is None or parent.model is None:
        return ""
    info = parent.model.model_fields.get(str(loc[-1]))
    return info.description or "" if info else ""


def _get(obj: Any, loc: JsonPath) -> Any:
    for part in loc:
        try:
            obj = obj[part]
        except (KeyError, IndexError, TypeError):
            return None
    return obj


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Registry:
    """The actor ids, and names and aliases for "did you mean" suggestions."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}  # lowercased name or alias -> id

    def add(self, record: dict[str, Any]) -> None:
        actor_id = record.get("id")
        if not isinstance(actor_id, str):
            return
        self.ids.add(actor_id)
        names = [record.get("name")]
        aliases = record.get("aliases")
        if isinstance(aliases, list):
            names.extend(aliases)
        for name in names:
            if isinstance(name, str):
                self.names.setdefault(name.lower(), actor_id)

    def suggest(self, ref: str) -> str:
        """` (did you mean 'russia'?)`, by id spelling or by name/alias, or ''."""
        by_name = self.names.get(ref.lower()) or self.names.get(ref.lower().replace("_", " "))
        if by_name is not None:
            return f" (did you mean {by_name!r}?)"
        return _did_you_mean(ref, sorted(self.ids))


def _schema_problems(
    model: type[BaseModel], obj: dict[str, Any], skip: set[JsonPath], registry: _Registry
) -> list[_Problem]:
    """Structural problems, from pydantic, in claimset's words. `skip`: already reported."""
    try:
        model.model_validate(obj)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        return []
    problems: list[_Problem] = []
    suppressed: set[JsonPath] = set()
    # Unknown keys first: a misspelt required field is one mistake, reported once.
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        parent_shape = _shape_at(model, loc[:-1])
        known = list(field_names(parent_shape.model)) if parent_shape and parent_shape.model else []
        parent = _get(obj, loc[:-1])
        absent = [n for n in known if not isinstance(parent, dict) or n not in parent]
        name = str(loc[-1])
        guess = difflib.get_close_matches(name, absent, n=1, cutoff=0.6)
        if guess:
            suppressed.add((*loc[:-1], guess[0]))
            hint = f" (did you mean {guess[0]!r}?)"
        else:
            hint = _did_you_mean(name, known)
        problems.append(
            _Problem(
                loc,
                "unknown-field",
                f"unknown field {name!r}{hint}; allowed: {', '.join(known)}",
                at="key",
            )
        )
    for error in errors:
        kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
        if kind == "extra_forbidden" or loc in skip or loc in suppressed:
            continue
        shape = _shape_at(model, loc)
        if kind == "missing":
            what = _field_description(model, loc)
            problems.append(
                _Problem(
                    loc,
                    "missing-field",
                    f"missing required field {loc[-1]!r}" + (f": {what}" if what else ""),
                    at="object",
                )
            )
        elif kind == "literal_error" and isinstance(value, str) and shape is not None:
            choices = [str(c) for c in shape.choices]
            problems.append(
                _Problem(
                    loc,
                    "enum",
                    f"{value!r} is not allowed{_did_you_mean(value, choices)}; allowed: "
                    + ", ".join(choices),
                )
            )
        elif kind.endswith("_type") or kind in ("literal_error", "none_required"):
            problems.append(
                _Problem(loc, "type", f"expected {_describe(shape)}, got {_json_type(value)}")
            )
        elif kind == "string_pattern_mismatch":
            hint = ""
            if shape is not None and shape.pattern == ACTOR_ID_PATTERN and isinstance(value, str):
                hint = registry.suggest(value)
            problems.append(
                _Problem(loc, "value", f"{_quote(str(value))} is not {_describe(shape)}{hint}")
            )
        elif kind == "string_too_short":
            problems.append(_Problem(loc, "value", "must not be empty"))
        elif kind == "greater_than_equal":
            limit = (error.get("ctx") or {}).get("ge", 0)
            problems.append(_Problem(loc, "value", f"must be ≥ {limit}, got {value!r}"))
        else:
            problems.append(_Problem(loc, "value", error["msg"]))
    return problems


def _string_problems(value: Any, path: JsonPath = ()) -> Iterator[_Problem]:
    """Lone surrogates (`"\\ud800"`): valid JSON, but not characters, so not writable."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            yield _Problem(
                path,
                "encoding",
                f"lone surrogate \\u{ord(value[exc.start]):04x} in a string: not a Unicode "
                "character; fix the \\u escape",
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_problems(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _string_problems(item, (*path, index))


# -- one JSONL file -------------------------------------------------------------------------------


class _JsonlCheck:
    """Checks one JSONL file line by line; subclasses add the record-level checks."""

    model: type[BaseModel] = SentenceRecord

    def __init__(self, path: Path, rel: str, registry: _Registry) -> None:
        self.path = path
        self.rel = rel
        self.registry = registry
        self.diagnostics: list[Diagnostic] = []
        self.records = 0
        self.crlf_lines = 0
        self.first_crlf = 0
        self.unparsed = 0  # lines that are not JSON objects
        compiled = fastcheck.pattern(self.model)
        self.canonical_and_valid = compiled.fullmatch if compiled is not None else None

    # -- reporting

    def report(self, line: _Line, problems: list[_Problem]) -> None:
        for problem in problems:
            self.diagnostics.append(self.locate(line, problem))

    def locate(self, line: _Line, problem: _Problem) -> Diagnostic:
        """A Diagnostic with the columns of the problem's path in the line."""
        message = problem.message
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
            message=message,
            severity=problem.severity,
            end_column=end + offset + 1 if end is not None else None,
            source=line.source[:10000],
        )

    def file_problem(self, code: str, message: str, severity: Severity = "error") -> None:
        """A problem of the whole file, reported at its line 1."""
        self.diagnostics.append(Diagnostic(self.rel, 1, 1, "", code, message, severity))

    # -- reading

    def run(self) -> None:
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise ClaimsetError(f"{self.rel}: cannot read: {exc.strerror}") from exc
        limit = MAX_LINE_BYTES
        # Locals for the fast path, which runs for nearly every line.
        canonical_and_valid, quick, loads = self.canonical_and_valid, self.quick, orjson.loads
        fast_records = 0
        with handle:
            lineno = 0
            readline = handle.readline
            while raw := readline(limit):
                lineno += 1
                if raw[-1] == 10:  # b"\n"
                    raw = raw[:-1]
                    if canonical_and_valid is not None and canonical_and_valid(raw) is not None:
                        try:
                            obj = loads(raw)
                        except orjson.JSONDecodeError:
                            pass  # invalid UTF-8 inside a string, or a number too large
                        else:
                            fast_records += 1
                            if not quick(obj, lineno):
                                line = _Line(lineno, raw)
                                self.report(line, self.semantic(obj, line))
                            continue
                elif len(raw) == limit:
                    while (rest := readline(limit)) and rest[-1:] != b"\n":
                        pass
                    self.records += 1
                    self.unparsed += 1
                    self.unidentified()
                    self.diagnostics.append(
                        Diagnostic(
                            self.rel,
                            lineno,
                            1,
                            "",
                            "limit",
                            f"line longer than {limit} bytes: not a record "
                            "(a missing newline between records, or pasted data?)",
                        )
                    )
                    continue
                self.line(lineno, raw)
        self.records += fast_records
        if self.crlf_lines:
            self.diagnostics.append(
                Diagnostic(
                    self.rel,
                    self.first_crlf,
                    1,
                    "",
                    "crlf",
                    f"CRLF line endings on {self.crlf_lines} line(s), first here: use LF "
                    "(`claimset fmt` converts them; set your editor or git's core.autocrlf)",
                )
            )
        self.finish()

    def line(self, lineno: int, raw: bytes) -> None:
        if not raw or raw.isspace():
            return  # blank lines hold no record; fmt drops them
        self.records += 1
        self.slow(lineno, raw)

    def slow(self, lineno: int, raw: bytes) -> None:
        """The precise path: every syntax-level problem, then pydantic, then the same checks."""
        line = _Line(lineno, raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
            self.diagnostics.append(
                Diagnostic(
                    self.rel,
                    lineno,
                    column,
                    "",
                    "encoding",
                    f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}): save the file as UTF-8",
                    end_column=column + 1,
                    source=line.source,
                )
            )
            self._recover(line)
            return
        problems: list[_Problem] = []
        if lineno == 1 and text.startswith(BOM):
            problems.append(
                _Problem(
                    (),
                    "bom",
                    "byte order mark at the start of the file: save it as UTF-8 without BOM "
                    "(`claimset fmt` removes it)",
                    at="line",
                )
            )
        if text.endswith("\r"):
            if not self.crlf_lines:
                self.first_crlf = lineno
            self.crlf_lines += 1
        text = line.text
        if not text.strip():
            self.report(line, problems)
            return
        try:
            obj = json.loads(text)  # permissive: NaN and duplicate keys are found by the scanner
        except json.JSONDecodeError as exc:
            self.report(line, problems)
            self.diagnostics.append(self._syntax(line, exc))
            self.unparsed += 1
            self.unidentified()
            return
        except RecursionError:
            problems.append(_Problem((), "limit", "nested too deeply to be a record", at="line"))
            self.report(line, problems)
            self.unparsed += 1
            self.unidentified()
            return
        layout = line.layout
        skip: set[JsonPath] = set()
        for path, first, _ in layout.duplicates:
            problems.append(
                _Problem(
                    path,
                    "duplicate-key",
                    f"duplicate key {path[-1]!r} (also at column {first.start + line.offset + 1}):"
                    " JSON parsers silently keep only the last value; remove one",
                    at="key",
                )
            )
        for path, _place, constant in layout.constants:
            skip.add(path)
            problems.append(
                _Problem(path, "json-syntax", f"{constant} is not valid JSON: use a number or null")
            )
        strings = list(_string_problems(obj))
        skip.update(problem.path for problem in strings)  # pydantic would repeat them, rawly
        problems.extend(strings)
        if not isinstance(obj, dict):
            problems.append(
                _Problem(
                    (),
                    "type",
                    f"a record must be a JSON object {{...}}, not {_json_type(obj)}",
                    at="line",
                )
            )
            self.report(line, problems)
            self.unparsed += 1
            self.unidentified()
            return
        problems.extend(_schema_problems(self.model, obj, skip, self.registry))
        problems.extend(self.semantic(obj, line))
        self.report(line, problems)

    def _recover(self, line: _Line) -> None:
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
            self.unparsed += 1
            self.unidentified()

    def repaired(self, obj: dict[str, Any]) -> dict[str, Any]:
        """A record read with U+FFFD for invalid bytes, made fit to stand in for later checks."""
        return obj

    def _syntax(self, line: _Line, exc: json.JSONDecodeError) -> Diagnostic:
        hints = {
            "Expecting property name enclosed in double quotes": " (a trailing comma, or a key "
            "in single quotes?)",
            "Extra data": " (two records on one line? each record goes on its own line)",
            "Unterminated string starting at": " (a missing closing quote?)",
            "Invalid control character at": " (a tab or control character inside a string: "
            "write it as \\t or \\u00XX)",
            "Expecting value": " (a missing value, a trailing comma, or a truncated line?)",
            "Expecting ',' delimiter": " (a missing comma, or a truncated line?)",
        }
        column = exc.pos + line.offset + 1
        return Diagnostic(
            self.rel,
            line.lineno,
            column,
            "",
            "json-syntax",
            f"invalid JSON: {exc.msg}{hints.get(exc.msg, '')}",
            end_column=column + 1,
            source=line.source[:10000],
        )

    # -- hooks

    def semantic(self, obj: dict[str, Any], line: _Line) -> list[_Problem]:
        """Checks across fields and records; `obj` may be structurally invalid."""
        return []

    def unidentified(self) -> None:
        """Note a line whose record cannot be known (unparsable, or not an object)."""

    def quick(self, obj: dict[str, Any], lineno: int) -> bool:
        """For a structurally valid record: True if `semantic` would find nothing.

        Then it has also done what `semantic` does to the file's state; otherwise it has
        changed nothing and `semantic` runs. Only a speed-up: the default always defers.
        """
        return False

    def finish(self) -> None:
        """Checks that need the whole file."""


class _ActorCheck(_JsonlCheck):
    """corpus/actors.jsonl: the registry. Builds the registry while checking it."""

    model = Actor

    def __init__(self, path: Path, rel: str, registry: _Registry) -> None:
        super().__init__(path, rel, registry)
        self.ids: dict[str, int] = {}

    def semantic(self, obj: dict[str, Any], line: _Line) -> list[_Problem]:
        self.registry.add(obj)
        actor_id = obj.get("id")
        if not isinstance(actor_id, str):
            return []
        first = self.ids.setdefault(actor_id, line.lineno)
        if first != line.lineno:
            return [
                _Problem(("id",), "duplicate-id", f"actor {actor_id!r} already on line {first}")
            ]
        return []


@dataclass(frozen=True)
class _DocRecord:
    line: int
    sha256: Any
    sentence_count: Any


class _DocumentCheck(_JsonlCheck):
    """corpus/documents.jsonl: one record per document."""

    model = Document

    def __init__(self, path: Path, rel: str, registry: _Registry) -> None:
        super().__init__(path, rel, registry)
        self.documents: dict[str, _DocRecord] = {}

    def semantic(self, obj: dict[str, Any], line: _Line) -> list[_Problem]:
        doc_id = obj.get("id")
        if not isinstance(doc_id, str):
            return []
        if doc_id in self.documents:
            first = self.documents[doc_id].line
            return [
                _Problem(("id",), "duplicate-id", f"document {doc_id!r} already on line {first}")
            ]
        self.documents[doc_id] = _DocRecord(
            line.lineno, obj.get("sha256"), obj.get("sentence_count")
        )
        return []


class _AnnotationCheck(_JsonlCheck):
    """corpus/annotations/<doc>.jsonl: sentence records against their seed and the registry."""

    model = SentenceRecord

    def __init__(
        self, path: Path, rel: str, registry: _Registry, doc_id: str, seed_text: str | None
    ) -> None:
        super().__init__(path, rel, registry)
        self.doc_id = doc_id
        self.seed_text = seed_text
        self.seed_rel = f"seeds/{doc_id}.txt"
        self.actor_ids = registry.ids
        self.ids: dict[str, int] = {}  # sentence id -> line
        # Where to find each sentence's text for evidence quotes: (start, end) into the seed
        # when the text matches it (no copy kept), else the text itself.
        self.texts: dict[str, tuple[int, int] | str] = {}
        self.pending: list[tuple[_Line, JsonPath, str, dict[str, Any]]] = []
        self.prev_ordinal = -1
        self.prev_id: str | None = None
        self.prev_end = 0
        self.prev_end_line = 0
        # Lines without a usable sentence id (unparsable, not an object, a malformed id): the
        # sentences they hold are not "missing", and evidence may point at them.
        self.anonymous_since = 0
        self.anonymous = 0
        self.sentences = 0

    def unidentified(self) -> None:
        """Note a line whose sentence id cannot be known."""
        self.anonymous_since += 1
        self.anonymous += 1

    def repaired(self, obj: dict[str, Any]) -> dict[str, Any]:
        # Evidence elsewhere may quote this sentence: check it against the seed's text, not
        # against the replacement characters.
        start, end, text = obj.get("start"), obj.get("end"), obj.get("text")
        if (
            self.seed_text is not None
            and type(start) is int
            and type(end) is int
            and type(text) is str
            and "\ufffd" in text
        ):
            return {**obj, "text": self.seed_text[start:end]}
        return obj

    def semantic(self, obj: dict[str, Any], line: _Line) -> list[_Problem]:
        out: list[_Problem] = []
        self.sentences += 1
        rid = obj.get("id")
        if type(rid) is str and _SENTENCE_ID.fullmatch(rid):
            if not self._check_id(rid, line, out):
                rid = None  # a duplicate: its text must not stand in for the first one's
                self.unidentified()
        else:
            rid = None
            self.unidentified()
        doc = obj.get("doc")
        if type(doc) is str and doc != self.doc_id:
            out.append(
                _Problem(
                    ("doc",),
                    "doc-mismatch",
                    f"document {doc!r} in the file of document {self.doc_id!r}: a file holds "
                    "the sentences of one document (its name is the document id)",
                )
            )
        text, start, end = obj.get("text"), obj.get("start"), obj.get("end")
        if type(start) is int and type(end) is int:
            self._check_order(start, end, line, out)
            if type(text) is str:
                self._check_text(rid, start, end, text, out)
        elif rid is not None and type(text) is str:
            self.texts[rid] = text
        if type(text) is not str:
            return out
        claims = obj.get("claims")
        status = obj.get("status")
        if type(status) is str:
            self._check_status(obj, status, claims, out)
        if type(claims) is list:
            seen: dict[str, int] = {}
            for index, claim in enumerate(claims):
                if type(claim) is dict:
                    self._check_claim(claim, index, rid, text, seen, line, out)
        return out

    def _check_id(self, rid: str, line: _Line, out: list[_Problem]) -> bool:
        """Id checks; False for a duplicate id."""
        prefix, _, digits = rid.rpartition(":")
        if prefix != self.doc_id:
            out.append(
                _Problem(
                    ("id",),
                    "doc-mismatch",
                    f"id {rid!r} names document {prefix!r}, but this file is {self.doc_id!r} "
                    "(sentence ids are '<doc>:<ordinal>')",
                )
            )
        first = self.ids.get(rid)
        if first is not None:
            out.append(
                _Problem(("id",), "duplicate-id", f"sentence {rid!r} already on line {first}")
            )
            return False
        self.ids[rid] = line.lineno
        ordinal = int(digits)
        expected = self.prev_ordinal + 1
        anonymous, self.anonymous_since = self.anonymous_since, 0
        if ordinal != expected and not (expected < ordinal <= expected + anonymous):
            if self.prev_id is None:
                message = (
                    f"the first sentence is {rid!r}: ordinals start at 0 "
                    f"({self.doc_id}:{0:04d}); sentences are missing"
                )
            elif ordinal < expected:
                message = (
                    f"sentence {rid!r} comes after {self.prev_id!r}: sentences must be in "
                    "document order"
                )
            else:
                gap = ordinal - expected
                message = (
                    f"sentence {rid!r} follows {self.prev_id!r}: {gap} sentence"
                    f"{'s are' if gap > 1 else ' is'} missing (restore from git, or re-run "
                    "`claimset split`)"
                )
            out.append(_Problem(("id",), "order", message))
        self.prev_ordinal = ordinal
        self.prev_id = rid
        return True

    def _check_order(self, start: int, end: int, line: _Line, out: list[_Problem]) -> None:
        if end < start:
            out.append(_Problem(("end",), "offset-mismatch", f"end {end} is before start {start}"))
        if start < self.prev_end:
            out.append(
                _Problem(
                    ("start",),
                    "order",
                    f"starts at {start}, before the previous sentence ends ({self.prev_end}, "
                    f"line {self.prev_end_line}): sentences must not overlap and must be in "
                    "document order",
                )
            )
        if end >= self.prev_end:
            self.prev_end, self.prev_end_line = end, line.lineno

    def _check_text(
        self, rid: str | None, start: int, end: int, text: str, out: list[_Problem]
    ) -> None:
        seed = self.seed_text
        if seed is None:
            if rid is not None:
                self.texts[rid] = text
            return
        if seed[start:end] == text:
            if rid is not None:
                self.texts[rid] = (start, end)
            return
        if rid is not None:
            self.texts[rid] = text
        if end < start:
            return  # reported with the order checks
        at = seed.find(text) if text else -1
        if at >= 0:
            message = (
                f"the text is at {at}..{at + len(text)} of {self.seed_rel}, not at "
                f"{start}..{end}: the offsets are wrong (re-run `claimset split`)"
            )
        else:
            message = (
                f"the text differs from {self.seed_rel}[{start}:{end}] "
                f"({_quote(seed[start:end])}): sentence text is never edited by hand; restore "
                "it from the seed, or re-run `claimset split` if the seed changed"
            )
        out.append(_Problem(("text",), "offset-mismatch", message))

    def _check_status(
        self, obj: dict[str, Any], status: str, claims: Any, out: list[_Problem]
    ) -> None:
        if status in HUMAN_STATUSES and obj.get("annotator") is None:
            out.append(
                _Problem(
                    ("annotator",),
                    "status",
                    f'status {status!r} needs an annotator: add "annotator": "<your id>" '
                    "(or set the status to 'draft')",
                    at="value" if "annotator" in obj else "object",
                )
            )
        elif status == "todo" and type(claims) is list and claims:
            out.append(
                _Problem(
                    ("status",),
                    "status",
                    f"status 'todo' but {len(claims)} claim(s): set it to 'draft' (machine "
                    "suggestions) or 'done' (a person annotated the sentence)",
                )
            )

    def _check_claim(
        self,
        claim: dict[str, Any],
        index: int,
        rid: str | None,
        text: str,
        seen: dict[str, int],
        line: _Line,
        out: list[_Problem],
    ) -> None:
        base: JsonPath = ("claims", index)
        cid = claim.get("id")
        if cid is None:
            out.append(
                _Problem(
                    (*base, "id"),
                    "missing-id",
                    "claim without an id: `claimset fmt` assigns the next free c<n>",
                    "warning",
                    at="object" if "id" not in claim else "value",
                )
            )
        elif type(cid) is str:
            if cid in seen:
                out.append(
                    _Problem(
                        (*base, "id"),
                        "duplicate-id",
                        f"claim id {cid!r} is also claims[{seen[cid]}]'s: ids are unique within "
                        "a sentence (rename one, or remove it and run `claimset fmt`)",
                    )
                )
            else:
                seen[cid] = index
        actor = claim.get("actor")
        if type(actor) is dict:
            self._check_ref(actor.get("ref"), (*base, "actor", "ref"), out)
            if actor.get("quote") is None:
                if actor.get("start") is not None or actor.get("end") is not None:
                    out.append(
                        _Problem(
                            (*base, "actor", "start"),
                            "offset-mismatch",
                            "offsets without a quote: give the quote, or set start and end to "
                            "null for an implicit actor",
                        )
                    )
            else:
                self._check_span(actor, (*base, "actor"), text, None, out)
        expectation = claim.get("expectation")
        if type(expectation) is dict:
            self._check_span(expectation, (*base, "expectation"), text, None, out)
            target = expectation.get("target")
            if target is not None:
                self._check_ref(target, (*base, "expectation", "target"), out)
        evidence = claim.get("evidence")
        if type(evidence) is list:
            for number, item in enumerate(evidence):
                if type(item) is not dict:
                    continue
                path: JsonPath = (*base, "evidence", number)
                sentence = item.get("sentence")
                if sentence is None or sentence == rid:
                    self._check_span(item, path, text, None, out)
                elif type(sentence) is str and _SENTENCE_ID.fullmatch(sentence):
                    if sentence.rpartition(":")[0] != self.doc_id:
                        out.append(
                            _Problem(
                                (*path, "sentence"),
                                "unknown-sentence",
                                f"sentence {sentence!r} is in another document: evidence comes "
                                f"from the claim's own document ({self.doc_id})",
                            )
                        )
                    elif sentence in self.texts:
                        other = self._text_of(sentence)
                        self._check_span(item, path, other, sentence, out)
                    else:  # a later sentence: checked when the file has been read
                        self.pending.append((line, path, sentence, item))
        hedge = claim.get("hedge")
        if type(hedge) is dict:
            cues = hedge.get("cues")
            if type(cues) is list:
                for number, cue in enumerate(cues):
                    if type(cue) is dict:
                        self._check_span(cue, (*base, "hedge", "cues", number), text, None, out)

    def _text_of(self, sentence: str) -> str:
        stored = self.texts[sentence]
        if isinstance(stored, tuple):
            assert self.seed_text is not None
            return self.seed_text[stored[0] : stored[1]]
        return stored

    def quick(self, obj: dict[str, Any], lineno: int) -> bool:
        # Mirrors `semantic` for records the compiled pattern accepted (every field present and
        # well-typed), answering only "no problem at all?"; written flat because it runs for
        # nearly every line. It may be stricter than `semantic` (which then runs, and finds
        # nothing), never more lenient. The tests run every sample and fuzzed files with and
        # without it and require the same diagnostics.
        rid: str = obj["id"]
        prefix, _, digits = rid.rpartition(":")
        start, end, text = obj["start"], obj["end"], obj["text"]
        seed = self.seed_text
        if (
            prefix != self.doc_id
            or obj["doc"] != prefix
            or start < self.prev_end
            or end < start
            or seed is None
            or seed[start:end] != text
            or rid in self.ids
        ):
            return False
        ordinal = int(digits)
        if ordinal != self.prev_ordinal + 1:
            return False
        status, claims = obj["status"], obj["claims"]
        if obj["annotator"] is None and status in HUMAN_STATUSES:
            return False
        if claims:
            if status == "todo":
                return False
            if len(claims) > 1 and len({claim["id"] for claim in claims}) < len(claims):
                return False  # a repeated claim id
            actors, texts = self.actor_ids, self.texts
            for claim in claims:
                if claim["id"] is None:
                    return False
                span = claim["actor"]
                if span["ref"] not in actors:
                    return False
                quote, a, b = span["quote"], span["start"], span["end"]
                if quote is None:
                    if a is not None or b is not None:
                        return False
                elif a is None or b is None or text[a:b] != quote:
                    return False
                span = claim["expectation"]
                a, b = span["start"], span["end"]
                if a is None or b is None or text[a:b] != span["quote"]:
                    return False
                target = span["target"]
                if target is not None and target not in actors:
                    return False
                for span in claim["evidence"]:
                    a, b = span["start"], span["end"]
                    if a is None or b is None:
                        return False
                    sentence = span["sentence"]
                    if sentence is None or sentence == rid:
                        if text[a:b] != span["quote"]:
                            return False
                        continue
                    stored = texts.get(sentence)
                    if stored is None or sentence.rpartition(":")[0] != prefix:
                        return False
                    if type(stored) is tuple:
                        # That sentence's text is seed[at:to]: compare within the seed, no copy.
                        at, to = stored
                        if b > to - at or seed[at + a : at + b] != span["quote"]:
                            return False
                    elif stored[a:b] != span["quote"]:
                        return False
                for span in claim["hedge"]["cues"]:
                    a, b = span["start"], span["end"]
                    if a is None or b is None or text[a:b] != span["quote"]:
                        return False
        self.sentences += 1
        self.ids[rid] = lineno
        self.prev_ordinal, self.prev_id, self.anonymous_since = ordinal, rid, 0
        self.prev_end, self.prev_end_line = end, lineno
        self.texts[rid] = (start, end)
        return True

    def _check_ref(self, ref: Any, path: JsonPath, out: list[_Problem]) -> None:
        if type(ref) is not str or ref in self.registry.ids or not _ACTOR_ID.fullmatch(ref):
            return  # a malformed ref is a `value` problem, with the same suggestion
        out.append(
            _Problem(
                path,
                "unknown-actor",
                f"unknown actor {ref!r}{self.registry.suggest(ref)}: actors are listed in "
                "corpus/actors.jsonl (fix the ref, or add the actor there)",
            )
        )

    def _check_span(
        self,
        span: dict[str, Any],
        path: JsonPath,
        text: str,
        sentence: str | None,
        out: list[_Problem],
    ) -> None:
        quote, start, end = span.get("quote"), span.get("start"), span.get("end")
        if type(quote) is not str:
            return
        has_start, has_end = type(start) is int, type(end) is int
        if has_start and has_end and text[start:end] == quote:
            return  # the common case: anchored and exact
        if (start is not None and not has_start) or (end is not None and not has_end):
            return  # offsets of the wrong type: a `type` problem already
        if not quote.strip():
            if quote:
                out.append(_Problem((*path, "quote"), "value", "the quote is blank"))
            return
        where = f"sentence {sentence}" if sentence else "the sentence"
        occurrences = find_quote(text, quote)
        if not occurrences:
            closest = closest_passage(text, quote)
            hint = ""
            if closest is not None:
                a, b = closest
                hint = f"; closest passage: {_quote(text[a:b])} at {a}..{b}"
            out.append(
                _Problem(
                    (*path, "quote"),
                    "quote-not-found",
                    f"quote {_quote(quote)} not found in {where}{hint}",
                )
            )
            return
        listing = ", ".join(str(a) for a, _ in occurrences[:20])
        if has_start and has_end:
            if (start, end) in occurrences:
                out.append(
                    _Problem(
                        (*path, "quote"),
                        "unanchored",
                        f"the quote differs from the text at {start}..{end} in whitespace: "
                        f"`claimset fmt` rewrites it to {_quote(text[start:end])}",
                        "warning",
                    )
                )
                return
            old_start = int(start or 0)
            old_end = int(end or 0)
            held = text[old_start:old_end] if 0 <= old_start <= old_end else ""
            a, b = min(occurrences, key=lambda occ: (abs(occ[0] - old_start), occ[0]))
            out.append(
                _Problem(
                    (*path, "start"),
                    "offset-mismatch",
                    f"offsets {start}..{end} hold {_quote(held)}, not the quote, which is at "
                    f"{a}..{b}: run `claimset fmt` to re-anchor",
                )
            )
        elif has_start or has_end:
            index = 0 if has_start else 1
            given = start if has_start else end
            name = "start" if has_start else "end"
            if any(occ[index] == given for occ in occurrences):
                out.append(
                    _Problem(
                        path,
                        "unanchored",
                        "the span is not fully anchored: run `claimset fmt` to fill start and end",
                        "warning",
                    )
                )
            else:
                out.append(
                    _Problem(
                        (*path, name),
                        "offset-mismatch",
                        f"no occurrence of the quote has {name} {given}; it "
                        f"{'starts' if has_start else 'ends'} at "
                        + ", ".join(str(occ[index]) for occ in occurrences[:20]),
                    )
                )
        elif len(occurrences) == 1:
            out.append(
                _Problem(
                    (*path, "quote"),
                    "unanchored",
                    "the quote has no offsets: run `claimset fmt` to fill start and end",
                    "warning",
                )
            )
        else:
            out.append(
                _Problem(
                    (*path, "quote"),
                    "quote-ambiguous",
                    f"the quote occurs {len(occurrences)} times in {where}, at start "
                    f'{listing}: add "start": <one of these>, or quote more words',
                )
            )

    def finish(self) -> None:
        for line, path, sentence, item in self.pending:
            stored = self.texts.get(sentence)
            out: list[_Problem] = []
            if stored is None:
                known = f" ({min(self.ids)}..{max(self.ids)})" if self.ids else ""
                if self.anonymous:
                    known += (
                        f"; {self.anonymous} line(s) of this file have no readable id and "
                        "may hold it"
                    )
                out.append(
                    _Problem(
                        (*path, "sentence"),
                        "unknown-sentence",
                        f"no sentence {sentence!r} in this document{known}",
                    )
                )
            else:
                self._check_span(item, path, self._text_of(sentence), sentence, out)
            self.report(line, out)
        self.pending.clear()


# -- the project ----------------------------------------------------------------------------------


@dataclass
class _DocTask:
    """Everything one worker needs to check one document's annotation file."""

    doc_id: str
    annotation: Path | None
    annotation_rel: str
    seed: Path | None
    record: _DocRecord | None
    documents_rel: str
    annotation_exists: bool  # even when out of scope: then the seed is not "not split"


@dataclass
class _DocResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    records: int = 0
    checked: bool = False


def _check_document(task: _DocTask, registry: _Registry) -> _DocResult:
    """The checks of one document: its seed, its record, and its annotation file."""
    result = _DocResult()
    seed_rel = f"seeds/{task.doc_id}.txt"
    seed_text: str | None = None
    seed_sha: str | None = None
    unreadable = ""
    if task.seed is not None:
        try:
            seed = read_seed(task.seed, task.doc_id)
        except SeedDecodeError as exc:
            data = task.seed.read_bytes()
            cause = exc.__cause__
            index = cause.start if isinstance(cause, UnicodeDecodeError) else 0
            line, column = byte_position(data, index)
            result.diagnostics.append(
                Diagnostic(
                    seed_rel,
                    line,
                    column,
                    "",
                    "encoding",
                    f"invalid UTF-8 at byte {index}: save the seed as UTF-8",
                )
            )
            unreadable = f"{seed_rel} is not valid UTF-8"
        except OSError as exc:
            unreadable = f"{seed_rel} cannot be read ({exc.strerror})"
        else:
            seed_text, seed_sha = seed.text, seed.sha256
            if seed.had_bom:
                result.diagnostics.append(
                    Diagnostic(
                        seed_rel,
                        1,
                        1,
                        "",
                        "bom",
                        "byte order mark at the start of the seed: it is not part of the text "
                        "(offsets ignore it); save the seed without BOM",
                        "warning",
                    )
                )
        if not _DOC_ID.match(task.doc_id):
            result.diagnostics.append(
                Diagnostic(
                    seed_rel,
                    1,
                    1,
                    "",
                    "value",
                    f"{task.doc_id!r} is not {_PATTERN_NAMES[DOC_ID_PATTERN]}: rename the file",
                )
            )
        if not task.annotation_exists:
            result.diagnostics.append(
                Diagnostic(
                    seed_rel,
                    1,
                    1,
                    "",
                    "not-split",
                    "this seed has no annotation file yet: run `claimset split`",
                    "warning",
                )
            )
    record = task.record
    if record is not None and task.seed is None:
        result.diagnostics.append(
            Diagnostic(
                task.documents_rel,
                record.line,
                1,
                "id",
                "missing-seed",
                f"document {task.doc_id!r} has no seed file {seed_rel}: restore it, or remove "
                "this record",
            )
        )
    stale = (
        record is not None
        and seed_sha is not None
        and isinstance(record.sha256, str)
        and record.sha256 != seed_sha
    )
    if stale and task.annotation is None:
        assert record is not None
        result.diagnostics.append(
            Diagnostic(
                task.documents_rel,
                record.line,
                1,
                "sha256",
                "stale-seed",
                f"{seed_rel} changed since it was split: run `claimset split`",
            )
        )
    if task.annotation is None:
        return result
    check = _AnnotationCheck(task.annotation, task.annotation_rel, registry, task.doc_id, seed_text)
    if task.seed is None:
        check.file_problem(
            "missing-seed",
            f"no seed {seed_rel} for this file: sentence offsets cannot be checked (restore "
            "the seed, or remove this file)",
        )
    elif unreadable:
        check.file_problem("missing-seed", f"{unreadable}: sentence offsets are not checked")
    if not _DOC_ID.match(task.doc_id):
        check.file_problem(
            "value",
            f"{task.doc_id!r} is not {_PATTERN_NAMES[DOC_ID_PATTERN]}: rename the file",
        )
    if stale:
        assert record is not None and seed_sha is not None
        check.file_problem(
            "stale-seed",
            f"{seed_rel} changed since it was split (its sha256 is {seed_sha[:12]}…, "
            f"{task.documents_rel} line {record.line} has {str(record.sha256)[:12]}…): run "
            "`claimset split`; offsets below may point at the old text",
        )
    elif record is None and task.seed is not None:
        check.file_problem(
            "unknown-document",
            f"no record for {task.doc_id!r} in {task.documents_rel}: run `claimset split` to "
            "add it",
        )
    check.run()
    if (
        record is not None
        and not stale
        and not check.unparsed
        and isinstance(record.sentence_count, int)
        and record.sentence_count != check.sentences
    ):
        check.file_problem(
            "sentence-count",
            f"{check.sentences} sentence records, but {task.documents_rel} line {record.line} "
            f"counts {record.sentence_count}: sentences were added or removed by hand (restore "
            "them from git, or re-run `claimset split`)",
        )
    result.diagnostics.extend(check.diagnostics)
    result.records = check.records
    result.checked = True
    return result


_worker_registry: _Registry | None = None


def _init_worker(registry: _Registry) -> None:
    global _worker_registry
    _worker_registry = registry


def _run_task(task: _DocTask) -> _DocResult:
    assert _worker_registry is not None
    return _check_document(task, _worker_registry)


def _scope(project: Project, paths: list[Path]) -> set[Path]:
    """The data files named by `paths` (folders expand to the data files inside)."""
    known = {
        *project.annotation_paths(),
        *project.seed_paths(),
        *(p for p in (project.actors_path, project.documents_path) if p.is_file()),
    }
    what = (
        "a file claimset validates (corpus/annotations/*.jsonl, corpus/actors.jsonl, "
        "corpus/documents.jsonl, seeds/*.txt)"
    )
    return set(project.select(paths, {p.resolve() for p in known}, what))


def validate(
    project: Project, paths: list[Path] | None = None, *, strict: bool = False, jobs: int = 1
) -> Report:
    """Check the project's data files and report every problem.

    With `paths` (files or folders inside the project), only those files are reported on, but
    the actor registry, documents.jsonl and the seeds are still read, since the checks need
    them. `strict` turns warnings into errors. `jobs` > 1 checks annotation files in that many
    processes (0: one per CPU). Raises UsageError for a path that is not a data file.
    """
    scope = _scope(project, paths) if paths is not None else None
    scope_rel = {project.relative(p) for p in scope} if scope is not None else None

    def in_scope(path: Path) -> bool:
        return scope is None or path.resolve() in scope

    report = Report()
    registry = _Registry()
    diagnostics: list[Diagnostic] = []
    actors = _ActorCheck(project.actors_path, project.relative(project.actors_path), registry)
    documents = _DocumentCheck(
        project.documents_path, project.relative(project.documents_path), registry
    )
    for registry_check in (actors, documents):  # actors first: the registry the others need
        if registry_check.path.is_file():
            registry_check.run()
            if in_scope(registry_check.path):
                report.files += 1
                report.records += registry_check.records
                diagnostics.extend(registry_check.diagnostics)

    seeds = {p.stem: p for p in project.seed_paths()}
    annotations = {p.stem: p for p in project.annotation_paths()}
    # Computed once: resolving paths per document would cost more than checking small files.
    documents_path = project.documents_path
    documents_rel = project.relative(documents_path)
    annotations_rel = project.relative(project.annotations_dir)

    def tasks() -> Iterator[_DocTask]:
        for doc_id in sorted(set(seeds) | set(annotations) | set(documents.documents)):
            annotation = annotations.get(doc_id)
            seed = seeds.get(doc_id)
            record = documents.documents.get(doc_id)
            wanted = [p for p in (annotation, seed) if p is not None]
            if record is not None:
                wanted.append(documents_path)
            if scope is not None and not any(in_scope(p) for p in wanted):
                continue
            yield _DocTask(
                doc_id,
                annotation if annotation is not None and in_scope(annotation) else None,
                f"{annotations_rel}/{annotation.name}" if annotation else "",
                seed,
                record,
                documents_rel,
                annotation is not None,
            )

    if jobs == 0:
        jobs = os.cpu_count() or 1
    results: Iterator[_DocResult]
    if jobs > 1:
        todo = list(tasks())
        pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(registry,))
        with pool:
            chunk = max(1, len(todo) // (jobs * 8))
            results = iter(list(pool.map(_run_task, todo, chunksize=chunk)))
    else:
        # One document at a time: memory does not grow with the corpus.
        results = (_check_document(task, registry) for task in tasks())
    for result in results:
        diagnostics.extend(result.diagnostics)
        if result.checked:
            report.files += 1
            report.records += result.records
    if scope is not None:  # a seed named on the command line is a file checked too
        report.files += sum(1 for p in seeds.values() if p.resolve() in scope)
    if scope_rel is not None:
        diagnostics = [d for d in diagnostics if d.file in scope_rel]
    report.diagnostics = sorted(diagnostics, key=lambda d: (d.file, d.line, d.column))
    if strict:
        report.promote_warnings()
    return report


def schema_errors(obj: Any, model: type[BaseModel] = SentenceRecord) -> list[tuple[str, str]]:
    """The structural problems of one parsed record as (path, code): what JSON Schema checks.

    For comparing claimset with other validators; `validate` gives the full diagnostics.
    """
    if not isinstance(obj, dict):
        return [("", "type")]
    problems = _schema_problems(model, obj, set(), _Registry())
    return [(json_path(p.path), p.code) for p in problems]
