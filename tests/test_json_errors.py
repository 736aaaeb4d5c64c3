"""Typing JSON by hand: an unescaped quote, and a record an editor spread over lines.

Real command lines on the fixture project; each message is checked exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.cli import cli
from click.testing import CliRunner
from samples import copy_fixture

FIXTURE_LINES = (
    (Path(__file__).parent / "data" / "project" / "corpus" / "annotations" / "demo.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = copy_fixture(tmp_path)
    monkeypatch.chdir(project.root)
    return project.annotation_path("demo")


def diagnostics(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("corpus/")]


def test_an_unescaped_quote_is_named_and_its_knock_on_error_folded(demo: Path) -> None:
    lines = list(FIXTURE_LINES)
    # Line 1's evidence cites demo:0001, the sentence of the broken line 2.
    lines[1] = lines[1].replace("did not side with", 'did not "side" with')
    demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run("validate")
    assert code == 1
    column = lines[1].index('"side"') + 1  # the quote that ends the string early
    assert diagnostics(out) == [
        f"corpus/annotations/demo.jsonl:2:{column}: invalid JSON: Expecting ',' delimiter (an "
        'unescaped quote? this " ends the string early: inside a string, write it as \\") '
        "[json-syntax]"
    ]
    code, _, err = run("fmt")
    assert code == 1
    assert err.splitlines()[0] == (
        f"error: corpus/annotations/demo.jsonl:2:{column + 1}: invalid JSON: Expecting ',' "
        "delimiter (an unescaped quote?)"
    )


def test_a_missing_comma_is_not_called_an_unescaped_quote(demo: Path) -> None:
    lines = list(FIXTURE_LINES)
    lines[1] = lines[1].replace('"status": "done",', '"status": "done"')
    demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, out, _ = run("validate")
    (line,) = diagnostics(out)
    assert line.endswith(
        "invalid JSON: Expecting ',' delimiter (a missing comma, or a truncated "
        "line?) [json-syntax]"
    )


def spread_file(demo: Path, index: int = 2, indent: int = 2) -> list[str]:
    lines = list(FIXTURE_LINES)
    pretty = json.dumps(json.loads(lines[index]), indent=indent, ensure_ascii=False)
    lines[index : index + 1] = pretty.splitlines()
    demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


def test_a_spread_record_is_one_problem_and_fmt_rejoins_it(demo: Path) -> None:
    original = demo.read_bytes()
    lines = spread_file(demo)
    last = len(lines) - 1
    code, out, _ = run("validate")
    assert code == 1
    assert diagnostics(out) == [
        f"corpus/annotations/demo.jsonl:3:1: a record spread over lines 3-{last} (pretty-printed "
        "by an editor?): each record goes on one line; `claimset fmt` rejoins it [json-syntax]"
    ]
    code, out, _ = run("fmt")
    assert code == 0
    assert out.splitlines() == [
        "reformatted corpus/annotations/demo.jsonl",
        f"  corpus/annotations/demo.jsonl:3: rejoined lines 3-{last} into one record (an editor "
        "had spread it over several lines)",
    ]
    assert demo.read_bytes() == original
    assert run("validate")[0] == 0


def test_two_spread_records_in_a_row_are_both_rejoined(demo: Path) -> None:
    original = demo.read_bytes()
    lines = list(FIXTURE_LINES)
    pretty = [json.dumps(json.loads(line), indent=4).splitlines() for line in lines[1:3]]
    demo.write_text("\n".join([lines[0], *pretty[0], *pretty[1], lines[3]]) + "\n", "utf-8")
    code, out, _ = run("fmt")
    assert code == 0, out
    assert demo.read_bytes() == original


def test_anything_ambiguous_is_refused_untouched(demo: Path) -> None:
    lines = spread_file(demo)
    lines[5] += ","  # a trailing comma: the joined lines are not one record
    demo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = demo.read_bytes()
    code, _, err = run("fmt")
    assert code == 1 and demo.read_bytes() == before
    assert "not formatted: fix the lines above" in err
    _, out, _ = run("validate")
    assert len(diagnostics(out)) > 1  # no record to fold into: each line says what it is


def test_a_spread_record_shows_its_first_line_and_is_about_no_field(demo: Path) -> None:
    lines = spread_file(demo)
    code, out, _ = run("validate")
    assert code == 1
    first = out.splitlines()
    at = next(k for k, line in enumerate(first) if line.startswith("corpus/"))
    assert first[at + 1 : at + 3] == ["    {", "    ^"]  # the record's first line, shown
    assert lines[2] == "{"
    code, out, _ = run("validate", "--format", "json")
    assert code == 1
    (error,) = json.loads(out)["errors"]
    assert (error["line"], error["column"], error["path"]) == (3, 1, "")
