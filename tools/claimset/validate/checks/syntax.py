"""Reading a line: bytes, encoding, JSON syntax, and what json lets through (duplicate keys,
NaN, lone surrogates). These run on the precise path only: a line the fast path takes has none
of these problems.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ... import jsonio
from ...diagnostics import Diagnostic
from ...rejoin import Spread
from ..lines import Line
from ..positions import Path as JsonPath
from ..problems import Problem, json_type
from ..registry import check

#: What a json error message usually means, added to it.
_HINTS = {
    "Expecting property name enclosed in double quotes": " (a trailing comma, or a key "
    "in single quotes?)",
    "Extra data": " (two records on one line? each record goes on its own line)",
    "Unterminated string starting at": " (a missing closing quote?)",
    "Invalid control character at": " (a tab or control character inside a string: "
    "write it as \\t or \\u00XX)",
    "Expecting value": " (a missing value, a trailing comma, or a truncated line?)",
    "Expecting ',' delimiter": " (a missing comma, or a truncated line?)",
}


@check("utf8", {"encoding": "error"})
def invalid_utf8(rel: str, line: Line, exc: UnicodeDecodeError) -> list[Diagnostic]:
    """The line is valid UTF-8 (the column is that of the first bad byte)."""
    raw = line.raw
    column = len(raw[: exc.start].decode("utf-8", "replace")) + 1
    return [
        Diagnostic(
            rel,
            line.lineno,
            column,
            "",
            "encoding",
            f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}): save the file as UTF-8",
            end_column=column + 1,
            source=line.source,
        )
    ]


@check("byte-order-mark", {"bom": "error"})
def byte_order_mark() -> list[Problem]:
    """A JSONL file does not start with a byte order mark."""
    message = (
        "byte order mark at the start of the file: save it as UTF-8 without BOM "
        "(`claimset fmt` removes it)"
    )
    return [Problem((), "bom", message, at="line")]


_DELIMITERS = ("Expecting ',' delimiter", "Expecting ':' delimiter")
_LITERALS = re.compile(r"(?:true|false|null)\b|[-0-9\"\[{]")


def unescaped_quote(text: str, pos: int, msg: str) -> int | None:
    """Where a `"` inside a string was likely left unescaped, or None.

    The parser read a string that ended early, at a `"` the annotator meant as text, and then
    found more words where a `,` or `:` should be: `"quote": "he said "no" to"`.
    """
    if msg not in _DELIMITERS or pos >= len(text):
        return None
    before = text[:pos].rstrip()
    if not before.endswith('"') or _LITERALS.match(text, pos):
        return None  # a value after a string: more likely a missing comma
    return len(before) - 1


@check("json-syntax", {"json-syntax": "error"})
def json_syntax(rel: str, line: Line, exc: json.JSONDecodeError) -> list[Diagnostic]:
    """The line is valid JSON; the column is where the parser stopped.

    When an unescaped quote is the likely cause, the column is that of the `"` that ended the
    string early.
    """
    column = exc.pos + line.offset + 1
    message = f"invalid JSON: {exc.msg}{_HINTS.get(exc.msg, '')}"
    quote_at = unescaped_quote(line.text, exc.pos, exc.msg)
    if quote_at is not None:
        column = quote_at + line.offset + 1
        message = (
            f'invalid JSON: {exc.msg} (an unescaped quote? this " ends the string early: '
            'inside a string, write it as \\")'
        )
    return [
        Diagnostic(
            rel,
            line.lineno,
            column,
            "",
            "json-syntax",
            message,
            end_column=column + 1,
            source=line.source[:10000],
        )
    ]


@check("spread-record", {"json-syntax": "error"})
def spread_record(rel: str, line: Line, spread: Spread) -> list[Diagnostic]:
    """A record is on one line: one spread over several (pretty-printed) is one problem.

    `line` is the first line of the record; the lines after it are not reported on their own.
    """
    message = (
        f"a record spread over lines {spread.first}-{spread.last} (pretty-printed by an "
        "editor?): each record goes on one line; `claimset fmt` rejoins it"
    )
    return [Diagnostic(rel, line.lineno, 1, "", "json-syntax", message, source=line.source)]


@check("nesting-limit", {"limit": "error"})
def too_deep() -> list[Problem]:
    """A line is not nested too deeply to parse."""
    return [Problem((), "limit", "nested too deeply to be a record", at="line")]


@check("number-limit", {"limit": "error"})
def number_too_long(reason: str) -> list[Problem]:
    """A number is short enough to read (Python converts integers of up to 4,300 digits)."""
    return [Problem((), "limit", jsonio.number_too_long(reason), at="line")]


@check("line-limit", {"limit": "error"})
def too_long(rel: str, lineno: int, limit: int) -> list[Diagnostic]:
    """A line is at most MAX_LINE_BYTES long (no record comes near)."""
    message = (
        f"line longer than {limit} bytes: not a record (a missing newline between records, "
        "or pasted data?)"
    )
    return [Diagnostic(rel, lineno, 1, "", "limit", message)]


@check("duplicate-keys", {"duplicate-key": "error"})
def duplicate_keys(line: Line) -> list[Problem]:
    """No object has the same key twice (parsers silently keep the last value)."""
    return [
        Problem(
            path,
            "duplicate-key",
            f"duplicate key {path[-1]!r} (also at column {first.start + line.offset + 1}):"
            " JSON parsers silently keep only the last value; remove one",
            at="key",
        )
        for path, first, _ in line.layout.duplicates
    ]


@check("non-finite-numbers", {"json-syntax": "error"})
def non_finite_numbers(line: Line) -> list[Problem]:
    """No NaN or Infinity (not JSON, though Python's json reads them)."""
    return [
        Problem(path, "json-syntax", f"{constant} is not valid JSON: use a number or null")
        for path, _place, constant in line.layout.constants
    ]


def _surrogates(value: Any, path: JsonPath = ()) -> Iterator[Problem]:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            yield Problem(
                path,
                "encoding",
                f"lone surrogate \\u{ord(value[exc.start]):04x} in a string: not a Unicode "
                "character; fix the \\u escape",
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _surrogates(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _surrogates(item, (*path, index))


@check("lone-surrogates", {"encoding": "error"})
def lone_surrogates(value: Any) -> list[Problem]:
    """No string holds a lone surrogate escape (`"\\ud800"`): valid JSON, not a character."""
    return list(_surrogates(value))


@check("record-is-object", {"type": "error"})
def not_an_object(value: Any) -> list[Problem]:
    """Each line holds a JSON object."""
    if isinstance(value, dict):
        return []
    message = f"a record must be a JSON object {{...}}, not {json_type(value)}"
    return [Problem((), "type", message, at="line")]


@check("line-endings", {"crlf": "error"})
def crlf_lines(rel: str, count: int, first: int) -> list[Diagnostic]:
    """A JSONL file has LF line endings (reported once, at the first CRLF)."""
    if not count:
        return []
    message = (
        f"CRLF line endings on {count} line(s), first here: use LF "
        "(`claimset fmt` converts them; set your editor or git's core.autocrlf)"
    )
    return [Diagnostic(rel, first, 1, "", "crlf", message)]
