"""Diagnostics as data, and the validation report that holds them.

The library builds `Diagnostic`s; `reporters.py` renders them (text, JSON, GitHub). See
docs/diagnostics.md for every code with an example and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

Severity = Literal["error", "warning"]

#: Every diagnostic code, with a one-line meaning (docs/diagnostics.md has the long form).
CODES: dict[str, str] = {
    "encoding": "the file is not valid UTF-8 (or a string holds a lone surrogate)",
    "bom": "the file starts with a byte order mark",
    "crlf": "CRLF (Windows) line endings in a JSONL file",
    "limit": "a line too long or nested too deeply to be a record",
    "json-syntax": "the line is not valid JSON",
    "merge-conflict": "git's conflict markers (<<<<<<< ======= >>>>>>>) left in a file",
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
    "shared-alias": "a person's alias is a part of another person's name or alias",
    "order": "sentences out of order, overlapping or missing",
    "sentence-count": "a file's sentence count differs from corpus/documents.jsonl",
    "stale-seed": "the seed changed since it was split",
    "missing-seed": "no readable seed for a document",
    "not-split": "a seed without an annotation file",
    "broken-link": "an annotation file that is a symbolic link to nothing",
    "status": "a sentence's status contradicts its content",
    "conflict": "a record holds a conflict left by `claimset merge` (a field changed two ways)",
    "orphan": "a claim split could not place after the seed changed (corpus/orphans/)",
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
