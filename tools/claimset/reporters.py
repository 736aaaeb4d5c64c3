"""Reporters: a validation `Report` rendered as text, JSON or GitHub Actions annotations.

The checks only build `Diagnostic`s (diagnostics.py); how they are shown lives here, one function
per `claimset validate --format`: `text` for a person (each diagnostic with its snippet and a caret
under the span), `json` for programs (SPEC's report shape), `github` for CI logs.
"""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from .diagnostics import Report
from .words import plural

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


def render_json_error(message: str, exit_code: int, file: str | None) -> str:
    """The JSON report of a validation that could not run: SPEC's shape, `valid` false, no
    file checked, and the reason in `error` (with the file it concerns and the exit code)."""
    report = {
        "valid": False,
        "files": 0,
        "records": 0,
        "errors": [],
        "warnings": [],
        "error": {"message": message, "file": file, "exit_code": exit_code},
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def render_github_error(message: str, file: str | None) -> str:
    """A GitHub Actions `::error` annotation for a validation that could not run."""
    props = f" file={_escape_property(file)}" if file else ""
    return f"::error{props}::{_escape_data(message)}\n"
