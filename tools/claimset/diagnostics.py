"""Diagnostics as data, the validation report, and its reporters (text, JSON, GitHub).

The library builds `Diagnostic`s; reporters only render them. See docs/diagnostics.md for every
code with an example and how to fix it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from .words import plural

Severity = Literal["error", "warning"]

#: Every diagnostic code, with a one-line meaning (docs/diagnostics.md has the long form).
CODES: dict[str, str] = {
    "encoding": "the file is not valid UTF-8 (or a string holds a lone surrogate)",
    "bom": "the file starts with a byte order mark",
    "crlf": "CRLF (Windows) line endings in a JSONL file",
    "limit": "a line too long or nested too deeply to be a record",
    "json-syntax": "the line is not valid JSON",
    "duplicate-key": "an object has the same key twice",
    "unknown-field": "a field the schema does not have",
    "missing-field": "a required field is absent",
    "type": "a value of the wrong JSON type",
    "enum": "a value outside the allowed set",
    "value": "a value breaks a constraint (pattern, minimum, empty string)",
    "offset-mismatch": "offsets that do not hold the text or quote they should",
    "quote-not-found": "a quote that does not occur in its sentence",
    "quote-ambiguous": "a quote that occurs more than once, without `start`",
    "unanchored": "a quote without offsets, or differing from the text in whitespace",
    "missing-id": "a claim without an id",
    "unknown-actor": "an actor ref or target not in corpus/actors.jsonl",
    "unknown-sentence": "evidence names a sentence that is not in the document",
    "unknown-document": "an annotation file with no record in corpus/documents.jsonl",
    "doc-mismatch": "a record's document differs from its file's",
    "duplicate-id": "an id used twice",
    "order": "sentences out of order, overlapping or missing",
    "sentence-count": "a file's sentence count differs from corpus/documents.jsonl",
    "stale-seed": "the seed changed since it was split",
    "missing-seed": "no readable seed for a document",
    "not-split": "a seed without an annotation file",
    "status": "a sentence's status contradicts its content",
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located: file (project-relative), 1-based line and column (code points).

    `path` is the JSON path inside the record (`claims[0].actor.ref`, empty for the whole
    line). `end_column` (exclusive) and `source` (the line's text) let reporters draw a caret
    under the offending span; they are not part of the JSON report.
    """

    file: str
    line: int
    column: int
    path: str
    code: str
    message: str
    severity: Severity = "error"
    end_column: int | None = field(default=None, compare=False)
    source: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The SPEC's JSON form: file, line, column, path, code, message."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "message": self.message,
        }

    def format(self) -> str:
        """`file:line:col: path: message [code]`, warnings marked `warning:`."""
        where = f"{self.file}:{self.line}:{self.column}: "
        path = f"{self.path}: " if self.path else ""
        level = "warning: " if self.severity == "warning" else ""
        return f"{where}{path}{level}{self.message} [{self.code}]"


@dataclass
class Report:
    """The outcome of `validate`: counts and every diagnostic, in file and line order."""

    files: int = 0
    records: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    def to_dict(self) -> dict[str, Any]:
        """Exactly SPEC's JSON shape."""
        return {
            "valid": self.valid,
            "files": self.files,
            "records": self.records,
            "errors": [d.to_dict() for d in self.errors],
            "warnings": [d.to_dict() for d in self.warnings],
        }

    def promote_warnings(self) -> None:
        """`--strict`: every warning becomes an error."""
        self.diagnostics = [
            replace(d, severity="error") if d.severity == "warning" else d for d in self.diagnostics
        ]


# -- reporters ------------------------------------------------------------------------------------

#: How many characters of a long line to show around the caret.
_WINDOW = 100


def _snippet(source: str, column: int, end_column: int | None) -> tuple[str, str]:
    """The source line (windowed around the span when long) and a caret line under the span."""
    start = max(column - 1, 0)
    end = max(end_column - 1 if end_column else start + 1, start + 1)
    end = min(end, start + _WINDOW)
    left = max(0, start - _WINDOW // 3)
    right = min(len(source), max(end, left + _WINDOW))
    shown = source[left:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(source) else ""
    # Tabs and control characters would shift the caret: show them as one visible character.
    shown = "".join(ch if ch.isprintable() else "·" for ch in shown)
    caret = " " * (len(prefix) + start - left) + "^" * max(1, min(end, right) - start)
    return prefix + shown + suffix, caret


def _summary(report: Report) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    checked = f"{plural(report.files, 'file')}, {plural(report.records, 'record')} checked"
    if errors:
        return f"invalid: {plural(errors, 'error')}, {plural(warnings, 'warning')} ({checked})"
    if warnings:
        return f"valid, with {plural(warnings, 'warning')} ({checked})"
    return f"valid ({checked})"


def render_text(report: Report, console: Console) -> None:
    """Print each diagnostic with its snippet and caret, then a summary line."""
    for diag in report.diagnostics:
        style = "red" if diag.severity == "error" else "yellow"
        line = Text(diag.format())
        line.stylize(f"bold {style}", len(diag.format()) - len(diag.code) - 2)
        console.print(line)
        if diag.source is not None and diag.source.strip():
            shown, caret = _snippet(diag.source, diag.column, diag.end_column)
            console.print(Text("    " + shown, style="dim"))
            console.print(Text("    " + caret, style=style))
    style = "red" if not report.valid else "green"
    console.print(f"[bold {style}]{escape(_summary(report))}[/]")


def render_json(report: Report) -> str:
    """The JSON report (SPEC's shape), pretty-printed, UTF-8 unescaped."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C::message` per line."""
    lines = []
    for diag in report.diagnostics:
        path = f"{diag.path}: " if diag.path else ""
        message = _escape_data(f"{path}{diag.message} [{diag.code}]")
        props = f"file={_escape_property(diag.file)},line={diag.line},col={diag.column}"
        lines.append(f"::{diag.severity} {props}::{message}")
    return "".join(line + "\n" for line in lines)
