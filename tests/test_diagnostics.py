"""The report and its reporters; every code is documented."""

from __future__ import annotations

import inspect
import io
import json
import os
import re
from pathlib import Path

import pytest
from claimset.diagnostics import CODES, Diagnostic, Report
from claimset.reporters import render_github, render_json, render_text
from claimset.validate import validate
from claimset.validate.registry import (
    CHECKS,
    Check,
    RegistryError,
    UndeclaredCode,
    check,
    declared_codes,
)
from rich.console import Console
from samples import DATA, INVALID, VALID, copy_fixture, sample_project

SEED_SAMPLES = sorted((DATA / "invalid").glob("*.txt"))

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
    for seed in SEED_SAMPLES:
        project = copy_fixture(tmp_path / f"seed-{seed.stem}")
        (project.seeds_dir / seed.name).write_bytes(seed.read_bytes())
        emitted |= {d.code for d in validate(project).diagnostics}
    # A link to nothing cannot be a sample file: made here.
    project = copy_fixture(tmp_path / "broken-link")
    project.annotation_path("demo").unlink()
    project.annotation_path("demo").symlink_to("nowhere.jsonl")
    emitted |= {d.code for d in validate(project).diagnostics}
    # Every code has a sample in tests/data (its expected output beside it).
    assert emitted == set(CODES)


# -- the registry of checks -----------------------------------------------------------------------


def test_every_code_is_declared_by_a_check_and_every_check_has_a_doc() -> None:
    assert declared_codes() == set(CODES)
    for unit in CHECKS.values():
        assert unit.doc and unit.doc.endswith("."), unit
        assert set(unit.codes) <= set(CODES)
        assert set(unit.codes.values()) <= {"error", "warning"}
        assert unit.module.startswith("claimset.validate.checks."), unit


def test_the_docs_name_the_checks_of_each_code() -> None:
    docs = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", docs, flags=re.M)[1:]
    for section in sections:
        code = re.match(r"`([a-z-]+)`", section)
        assert code is not None, section[:40]
        named = re.findall(r"^Checked by: (.*)\.$", section, flags=re.M)
        expected = sorted(u.name for u in CHECKS.values() if code.group(1) in u.codes)
        assert named == [", ".join(f"`{name}`" for name in expected)], code.group(1)


def test_the_registry_refuses_a_bad_name_an_unknown_code_a_duplicate_or_no_doc() -> None:
    def documented() -> list[Diagnostic]:
        """A check."""
        return []

    def undocumented() -> list[Diagnostic]:
        return []

    before = dict(CHECKS)
    with pytest.raises(RegistryError, match="unknown code"):
        check("test-unknown", {"no-such-code": "error"})(documented)
    with pytest.raises(RegistryError, match="declares no code"):
        check("test-nothing", {})(documented)
    with pytest.raises(RegistryError, match="not lowercase words"):
        check("Test_Name", {"value": "error"})(documented)
    with pytest.raises(RegistryError, match="registered twice"):
        check("span", {"value": "error"})(documented)
    with pytest.raises(RegistryError, match="no docstring"):
        check("test-undocumented", {"value": "error"})(undocumented)
    assert before == CHECKS


def test_a_check_reporting_what_it_does_not_declare_fails_the_tests() -> None:
    def reports_type() -> list[Diagnostic]:
        """Reports a code it does not declare."""
        return [Diagnostic("a.jsonl", 1, 1, "", "type", "x")]

    def reports_a_warning() -> list[Diagnostic]:
        """Reports its code with the wrong severity."""
        return [Diagnostic("a.jsonl", 1, 1, "", "value", "x", "warning")]

    try:
        for func in (reports_type, reports_a_warning):
            name = "test-" + func.__name__.replace("_", "-")
            checked = check(name, {"value": "error"})(func)
            with pytest.raises(UndeclaredCode, match=name):
                checked()
    finally:
        CHECKS.pop("test-reports-type", None)
        CHECKS.pop("test-reports-a-warning", None)


def test_a_registered_check_is_recorded_with_its_first_doc_line_and_module() -> None:
    def two_lines() -> list[Diagnostic]:
        """Says what it checks.

        More words, not recorded."""
        return []

    try:
        check("test-recorded", {"value": "error", "type": "warning"})(two_lines)
        assert CHECKS["test-recorded"] == Check(
            "test-recorded", {"value": "error", "type": "warning"}, "Says what it checks.", __name__
        )
    finally:
        CHECKS.pop("test-recorded", None)


def test_unknown_codes_are_all_named_with_where_the_codes_are_listed() -> None:
    def documented() -> list[Diagnostic]:
        """A check."""
        return []

    with pytest.raises(RegistryError) as raised:
        check("test-unknown", {"zz-code": "error", "value": "error", "aa-code": "error"})(
            documented
        )
    assert str(raised.value) == (
        "check 'test-unknown' declares unknown code(s) aa-code, zz-code: the codes are listed in "
        "claimset.diagnostics.CODES (and docs/diagnostics.md)"
    )


def test_an_undeclared_code_is_warned_about_where_the_check_was_called() -> None:
    if os.environ.get("MUTANT_UNDER_TEST"):
        pytest.skip("mutmut's trampoline adds frames: its stacklevel mutants are planted by hand")

    def reports_type() -> list[Diagnostic]:
        """Reports a code it does not declare."""
        return [Diagnostic("a.jsonl", 1, 1, "", "type", "x")]

    try:
        checked = check("test-warned-at-caller", {"value": "error"})(reports_type)
        with pytest.warns(UndeclaredCode) as warned:
            line = inspect.currentframe().f_lineno + 1  # type: ignore[union-attr]
            checked()
        [warning] = warned.list
        assert (Path(warning.filename).name, warning.lineno) == (Path(__file__).name, line)
    finally:
        CHECKS.pop("test-warned-at-caller", None)
