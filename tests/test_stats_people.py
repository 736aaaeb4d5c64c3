"""`claimset stats` per document and per annotator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from claimset.cli import cli
from click.testing import CliRunner

ESSAY = Path(__file__).resolve().parent / "data" / "essays" / "eu_turkey"


def test_progress_by_document_and_work_by_annotator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "p"
    shutil.copytree(ESSAY, root)
    path = root / "corpus" / "annotations" / "eu_turkey.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[0].update(status="reviewed", annotator="rev1")
    records[1].update(status="todo", annotator=None, claims=[])
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    monkeypatch.chdir(root)
    data = json.loads(CliRunner().invoke(cli, ["stats", "--format", "json"]).stdout)
    doc = data["documents"]["eu_turkey"]
    assert doc["sentences"] == len(records) and doc["todo"] == 1 and doc["reviewed"] == 1
    assert doc["progress"] == round((len(records) - 1) / len(records), 4)
    assert doc["claims"] == sum(len(r["claims"]) for r in records)
    by = data["annotators"]
    assert by["rev1"] == {"sentences": 1, "claims": len(records[0]["claims"])}
    assert sum(v["sentences"] for v in by.values()) == len(records) - 1
    text = CliRunner().invoke(cli, ["stats"]).stdout
    assert "Progress by document" in text and "eu_turkey" in text and "rev1" in text
