"""The report and its reporters; every code is documented."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from claimset.diagnostics import CODES, Diagnostic, Report
from claimset.reporters import render_github, render_json, render_text
from claimset.validate import validate
from rich.console import Console
from samples import INVALID, VALID, sample_project

REPO = Path(__file__).resolve().parents[1]

REPORT = Report(
    files=2,
    records=7,
    diagnostics=[
        Diagnostic(
            "a.jsonl",
            3,
            9,
            "claims[0].actor.ref",
            "unknown-actor",
            "unknown actor 'rusia'",
            end_column=16,
            source='{"ref": "rusia", "x": 1}',
        ),
        Diagnostic("a.jsonl", 4, 1, "", "crlf", "CRLF, 50% of lines\nnext", "warning"),
    ],
)


def test_to_dict_has_exactly_the_spec_shape() -> None:
    assert REPORT.to_dict() == {
        "valid": False,
        "files": 2,
        "records": 7,
        "errors": [
            {
                "file": "a.jsonl",
                "line": 3,
                "column": 9,
                "path": "claims[0].actor.ref",
                "code": "unknown-actor",
                "message": "unknown actor 'rusia'",
            }
        ],
        "warnings": [
            {
                "file": "a.jsonl",
                "line": 4,
                "column": 1,
                "path": "",
                "code": "crlf",
                "message": "CRLF, 50% of lines\nnext",
            }
        ],
    }
    assert json.loads(render_json(REPORT)) == REPORT.to_dict()


def test_text() -> None:
    buffer = io.StringIO()
    render_text(REPORT, Console(file=buffer, width=200, color_system=None))
    assert buffer.getvalue().splitlines() == [
        "a.jsonl:3:9: claims[0].actor.ref: unknown actor 'rusia' [unknown-actor]",
        '    {"ref": "rusia", "x": 1}',
        "            ^^^^^^^",
        "a.jsonl:4:1: warning: CRLF, 50% of lines",
        "next [crlf]",
        "invalid: 1 error, 1 warning (2 files, 7 records checked)",
    ]


def test_github_escapes() -> None:
    assert render_github(REPORT).splitlines() == [
        "::error file=a.jsonl,line=3,col=9::claims[0].actor.ref: unknown actor 'rusia' "
        "[unknown-actor]",
        "::warning file=a.jsonl,line=4,col=1::CRLF, 50%25 of lines%0Anext [crlf]",
    ]


def test_strict_promotes_warnings() -> None:
    report = Report(diagnostics=list(REPORT.diagnostics))
    report.promote_warnings()
    assert not report.warnings and len(report.errors) == 2


def test_every_code_is_documented_and_every_emitted_code_is_known(tmp_path: Path) -> None:
    docs = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z-]+)`", docs, flags=re.M))
    assert documented == set(CODES)
    emitted = set()
    for sample in VALID + INVALID:
        emitted |= {
            d.code for d in validate(sample_project(tmp_path / sample.stem, sample)).diagnostics
        }
    assert emitted <= set(CODES)
    assert len(emitted) >= 20
