"""`claimset show`: highlights located from offsets or quotes; unreadable lines reported."""

from __future__ import annotations

import json

import pytest
from claimset.cli import cli
from claimset.project import Project
from claimset.show import LEGEND, Highlight, Mark, highlight, marked_text
from click.testing import CliRunner

TEXT = "Seoul hopes that Moscow will perhaps help. It may not."


def claim(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "c1",
        "actor": {"ref": "south_korea", "quote": "Seoul"},
        "expectation": {"quote": "Moscow will perhaps help", "type": "desire", "target": "russia"},
        "evidence": [{"quote": "Rain fell", "sentence": "d:0001", "type": "event"}],
        "hedge": {"certainty": "possible", "cues": [{"quote": "perhaps", "kind": "hedge"}]},
        "polarity": "positive",
        "origin": "auto",
    }
    base.update(extra)
    return base


def test_highlight_locates_spans_without_offsets_and_summarises_claims() -> None:
    record = {"id": "d:0000", "status": "draft", "text": TEXT, "claims": [claim()]}
    hl = highlight(record, {"d:0001": "Rain fell."}, "f.jsonl", 1)
    assert sorted(hl.marks, key=lambda m: m.start) == [
        Mark(0, 5, "actor", "c1"),
        Mark(17, 41, "expectation", "c1"),
        Mark(29, 36, "hedge", "c1"),
    ]
    assert hl.claims == [
        "c1: south_korea desire → russia · possible · evidence: event in 0001 · auto"
    ]
    assert hl.problems == []


def test_highlight_reports_quotes_it_cannot_find() -> None:
    bad = claim(actor={"ref": "x", "quote": "Tokyo"}, polarity="negative")
    hl = highlight({"id": "d:0000", "status": "done", "text": TEXT, "claims": [bad]}, {}, "f", 1)
    assert "c1: actor quote 'Tokyo' not found" in hl.problems
    assert "c1: evidence quote not found in d:0001" in hl.problems
    assert hl.claims[0].startswith("c1: x not desire")


def test_show_cli_filters_and_reports_unreadable_lines(new_project: Project) -> None:
    rec = {"id": "d:0000", "doc": "d", "status": "done", "annotator": "ann1", "text": TEXT}
    rec["claims"] = [claim()]
    other = {"id": "d:0001", "doc": "d", "status": "todo", "text": "Rain fell.", "claims": []}
    path = new_project.annotations_dir / "d.jsonl"
    path.write_text(json.dumps(rec) + "\n{broken\n" + json.dumps(other) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", "--status", "done"])
    assert result.exit_code == 0
    assert result.stdout == (
        f"legend: {LEGEND}\n"
        "\n"
        "d:0000 done ann1 · corpus/annotations/d.jsonl:1\n"
        "[A Seoul] hopes that [E Moscow will [H perhaps] help]. It may not.\n"
        "  c1: south_korea desire → russia · possible · evidence: event in 0001 · auto\n"
        '      actor "Seoul" · expectation "Moscow will perhaps help" · hedge "perhaps" · '
        'evidence (0001) "Rain fell"\n'
        "\n"
    )
    assert "corpus/annotations/d.jsonl:2: not readable JSON" in result.stderr
    result = CliRunner().invoke(cli, ["show", "--id", "d:0001", "corpus/annotations/d.jsonl"])
    assert result.stdout.splitlines()[2:4] == [
        "d:0001 todo · corpus/annotations/d.jsonl:3",
        "Rain fell.",
    ]
    result = CliRunner().invoke(cli, ["show", "--id", "nothing"])
    assert result.exit_code == 0 and "no sentences to show" in result.stderr


def test_show_cli_prints_brackets_literally_and_takes_folders(new_project: Project) -> None:
    rec = {"id": "d:0000", "doc": "d", "status": "done", "annotator": "[bold]ann[/]"}
    rec.update(
        text="Seoul [sic] hopes.",
        claims=[claim(expectation={"quote": "x", "type": "desire", "target": "[/]"})],
    )
    (new_project.annotations_dir / "d.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", "corpus"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n", 2)[2].startswith(
        "d:0000 done [bold]ann[/] · corpus/annotations/d.jsonl:1\n[A Seoul] [sic] hopes.\n"
        "  c1: south_korea desire → [/] · possible"
    )
    assert "c1: expectation quote 'x' not found" in result.stderr


def test_plain_marks_nest_cross_and_name_the_claim() -> None:
    item = Highlight("f", 1, "d:0000", "done", "a", "abcdefghij")
    item.marks = [Mark(0, 6, "expectation", "c1"), Mark(3, 9, "actor", "c1")]
    item.claim_ids, item.claims = ["c1"], ["c1: x"]
    assert marked_text(item) == "[E abc[A def]][A ghi]j"  # crossing: closed and reopened
    item.marks = [Mark(0, 4, "expectation", "c1"), Mark(5, 9, "expectation", "c2")]
    item.claim_ids, item.claims = ["c1", "c2"], ["c1: x", "c2: y"]
    assert marked_text(item) == "[E:c1 abcd]e[E:c2 fghi]j"


def test_show_on_a_terminal_gives_each_claim_its_colour(
    new_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from claimset.cli import show as show_cli
    from rich.console import Console

    rec = {"id": "d:0000", "doc": "d", "status": "done", "annotator": "ann1", "text": TEXT}
    second = claim(id="c2", actor={"ref": "author", "quote": None}, evidence=[])
    second["expectation"] = {"quote": "It may not", "type": "prediction"}
    rec["claims"] = [claim(), second]
    (new_project.annotations_dir / "d.jsonl").write_text(json.dumps(rec) + "\n", "utf-8")
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=200)
    monkeypatch.setattr(show_cli, "stdout", lambda: console)
    assert CliRunner().invoke(cli, ["show"]).exit_code == 0
    painted = buffer.getvalue()
    assert "legend" not in painted and "[E" not in painted
    assert "\x1b[1;4;32mMoscow will " in painted  # c1: underlined green
    assert "\x1b[1;4;33mIt may not" in painted  # c2: underlined yellow
