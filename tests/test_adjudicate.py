"""Notes and reviewers on records, and adjudication in one step (`claimset agree --accept`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from claimset.canonical import canonical
from claimset.cli import cli
from claimset.models import SentenceRecord
from claimset.validate.fast_path import canonical_and_valid
from click.testing import CliRunner

ESSAY = Path(__file__).resolve().parent / "data" / "essays" / "eu_turkey"
GOLD = Path("corpus/annotations/eu_turkey.jsonl")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "eu_turkey"
    shutil.copytree(ESSAY, root)
    monkeypatch.chdir(root)
    return root


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


def _second_annotator(root: Path) -> Path:
    """ann2's copy: sentence 0002 with another expectation type and a note, 0001 unchanged."""
    records = _lines(root / GOLD)
    for record in records:
        record["annotator"] = "ann2"
    records[2]["claims"][0]["expectation"]["type"] = "belief"
    records[2]["claims"][0]["note"] = "desire or belief?"
    records[2]["note"] = "hard one"
    path = root / "agreement" / "ann2" / "eu_turkey.jsonl"
    _write(path, records)
    return path


# -- note and reviewer --------------------------------------------------------------------------


def test_note_and_reviewer_are_data_but_absent_from_the_canonical_form() -> None:
    line = _first_line()
    assert canonical(line, SentenceRecord) == line  # absent: not filled in
    assert "note" not in SentenceRecord.model_validate(line).model_dump(mode="json")
    noted = {**line, "note": "check the actor", "reviewer": "rev1"}
    noted["claims"] = [{**line["claims"][0], "note": "desire or belief?"}]
    record = SentenceRecord.model_validate(noted)
    assert record.note == "check the actor" and record.reviewer == "rev1"
    assert record.claims[0].note == "desire or belief?"
    assert record.model_dump(mode="json") == canonical(noted, SentenceRecord)
    # A noted line is not in the fast path's pattern: it takes the precise path.
    assert canonical_and_valid(SentenceRecord, json.dumps(line, ensure_ascii=False).encode())
    assert not canonical_and_valid(SentenceRecord, json.dumps(noted, ensure_ascii=False).encode())


def _first_line() -> dict[str, Any]:
    return _lines(ESSAY / GOLD)[0]


def test_a_note_validates_and_fmt_keeps_it(project: Path) -> None:
    records = _lines(project / GOLD)
    records[0]["claims"][0]["note"] = "desire or belief?"
    records[1]["note"] = "no claim here?"
    _write(project / GOLD, records)
    before = (project / GOLD).read_bytes()
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 0
    result = CliRunner().invoke(cli, ["fmt", "--check"])
    assert result.exit_code == 0, result.output
    assert (project / GOLD).read_bytes() == before
    records[1]["note"] = ""
    _write(project / GOLD, records)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1 and "eu_turkey.jsonl:2" in result.output


def test_notes_and_reviewer_are_exported_as_nullable_strings() -> None:
    from claimset.features import config_columns

    sentences = {c.name: c for c in config_columns("sentences")}
    claims = {c.name: c for c in config_columns("claims")}
    for column in (sentences["note"], sentences["reviewer"], claims["note"], claims["reviewer"]):
        assert column.kind == "string" and column.nullable
    claim = next(c for c in sentences["claims"].item.fields if c.name == "note")  # type: ignore[union-attr]
    assert claim.kind == "string" and claim.nullable


# -- adjudication -------------------------------------------------------------------------------


def test_accept_puts_the_other_version_into_the_gold(project: Path) -> None:
    other = _second_annotator(project)
    before = (project / GOLD).read_bytes().splitlines(keepends=True)
    result = CliRunner().invoke(
        cli, ["agree", str(GOLD), str(other), "--accept", "eu_turkey:0002", "--reviewer", "rev1"]
    )
    assert result.exit_code == 0, result.output
    assert "eu_turkey:0002 now ann2's version (was done), reviewed by rev1" in result.output
    after = (project / GOLD).read_bytes().splitlines(keepends=True)
    assert len(after) == len(before)
    # Every other line is kept byte for byte.
    assert [a for i, a in enumerate(after) if i != 2] == [b for i, b in enumerate(before) if i != 2]
    accepted = json.loads(after[2])
    assert accepted["status"] == "reviewed" and accepted["reviewer"] == "rev1"
    assert accepted["annotator"] == "ann2"
    assert accepted["note"] == "hard one"
    assert accepted["claims"][0]["expectation"]["type"] == "belief"
    assert accepted["claims"][0]["note"] == "desire or belief?"
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 0
    assert CliRunner().invoke(cli, ["fmt", "--check"]).exit_code == 0
    # The two now agree on that sentence.
    listed = CliRunner().invoke(cli, ["agree", str(GOLD), str(other), "--disagreements"])
    assert "eu_turkey:0002 differs" not in listed.output


def test_accept_refuses_ids_not_in_both_and_writes_nothing(project: Path) -> None:
    other = _second_annotator(project)
    records = _lines(other)
    _write(other, [r for r in records if r["id"] != "eu_turkey:0003"])
    before = (project / GOLD).read_bytes()
    args = ["agree", str(GOLD), str(other), "--reviewer", "rev1", "--accept", "eu_turkey:0002"]
    for missing in ("eu_turkey:0003", "eu_turkey:9999"):
        result = CliRunner().invoke(cli, [*args, "--accept", missing])
        assert result.exit_code == 1, result.output
        assert f"{missing}: not in" in result.output and "nothing accepted" in result.output
        assert (project / GOLD).read_bytes() == before


def test_accept_needs_the_project_gold_two_paths_and_a_reviewer(project: Path) -> None:
    other = _second_annotator(project)
    runner = CliRunner()
    sid = ["--accept", "eu_turkey:0002"]
    no_reviewer = runner.invoke(cli, ["agree", str(GOLD), str(other), *sid])
    assert no_reviewer.exit_code == 2 and "--reviewer" in no_reviewer.output
    bad = runner.invoke(cli, ["agree", str(GOLD), str(other), *sid, "--reviewer", "a b"])
    assert bad.exit_code == 2
    reversed_ = runner.invoke(cli, ["agree", str(other), str(GOLD), *sid, "--reviewer", "rev1"])
    assert reversed_.exit_code == 1 and "the gold must be" in reversed_.output
    three = runner.invoke(
        cli, ["agree", str(GOLD), str(other), str(other), *sid, "--reviewer", "r"]
    )
    assert three.exit_code == 2


def test_accept_refuses_a_different_sentence_text(project: Path) -> None:
    other = _second_annotator(project)
    records = _lines(other)
    records[2]["text"] = records[2]["text"].upper()
    _write(other, records)
    result = CliRunner().invoke(
        cli, ["agree", str(GOLD), str(other), "--accept", "eu_turkey:0002", "--reviewer", "rev1"]
    )
    assert result.exit_code == 1 and "not the same sentence" in result.output
