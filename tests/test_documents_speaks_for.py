"""A document's `speaks_for` (a speech: the party its speaker speaks for, guidelines §6.1):
optional in the record, checked against the actor registry, written by `fmt` only when given,
exported in the `documents` table and described on the card."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from claimset import jsonio
from claimset.export import export
from claimset.features import config_columns
from claimset.fmt import fmt
from claimset.models import Document
from claimset.project import Project
from claimset.validate import validate
from samples import copy_fixture
from test_export import make_export_project


def _speaks_for(project: Project, value: object) -> None:
    """Set `speaks_for` on the first document record."""
    records = jsonio.read_jsonl(project.documents_path)
    records[0]["speaks_for"] = value
    jsonio.write_jsonl(project.documents_path, records)


def test_a_registered_party_is_valid(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    _speaks_for(project, "russia")
    report = validate(project)
    assert report.valid and not report.diagnostics


def test_an_unknown_party_is_reported_at_its_value(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    _speaks_for(project, "rusia")
    line = project.documents_path.read_text("utf-8").splitlines()[0]
    (found,) = [d for d in validate(project).diagnostics]
    assert (found.file, found.line, found.path, found.code, found.severity) == (
        "corpus/documents.jsonl",
        1,
        "speaks_for",
        "unknown-actor",
        "error",
    )
    assert found.column == line.index('"rusia"') + 1
    assert found.message.startswith("unknown actor 'rusia' (did you mean 'russia'?)")


def test_a_malformed_party_is_a_structural_problem(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    _speaks_for(project, "Russia")
    codes = [(d.path, d.code) for d in validate(project).diagnostics]
    assert codes == [("speaks_for", "value")]


def test_fmt_writes_speaks_for_last_and_only_when_given(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    records = jsonio.read_jsonl(project.documents_path)
    records[0] = {"speaks_for": "russia", **records[0]}  # typed first by an annotator
    jsonio.write_jsonl(project.documents_path, records)
    fmt(project, [project.documents_path])
    first = json.loads(project.documents_path.read_text("utf-8").splitlines()[0])
    assert list(first) == [*Document.model_fields][: len(first)]
    assert list(first)[-1] == "speaks_for"
    # A record without it stays without it (no `"speaks_for": null` is added).
    records = jsonio.read_jsonl(project.documents_path)
    del records[0]["speaks_for"]
    jsonio.write_jsonl(project.documents_path, records)
    fmt(project, [project.documents_path])
    assert "speaks_for" not in project.documents_path.read_text("utf-8")


def test_export_and_card_carry_speaks_for(tmp_path: Path) -> None:
    project = make_export_project(tmp_path / "proj")
    records = jsonio.read_jsonl(project.documents_path)
    records[1]["speaks_for"] = "russia"  # beta: the test split
    jsonio.write_jsonl(project.documents_path, records)
    out = tmp_path / "out"
    export(project, out)
    column = config_columns("documents")[-1]
    assert (column.name, column.kind, column.nullable) == ("speaks_for", "string", True)
    values = {}
    for path in (out / "documents").glob("*.parquet"):
        table = pq.read_table(path).to_pylist()
        values.update({row["id"]: row["speaks_for"] for row in table})
    assert values == {"alpha": None, "beta": "russia", "gamma": None}
    card = (out / "README.md").read_text("utf-8")
    assert "| `speaks_for` | string, nullable |" in card
    row = next(line for line in card.splitlines() if line.startswith("| `beta` |"))
    assert "| `russia` |" in row
    assert "| speaker speaks for |" in card
