"""`claimset eval` prints n/a (JSON null) where there is nothing to measure, as `agree` does:
precision with no prediction, accuracy with no paired claim, F1 with neither gold nor
prediction. The library's default numbers stay as they were."""

from __future__ import annotations

import json
from pathlib import Path

from claimset import jsonio
from claimset.cli import cli
from claimset.evaluate import evaluate
from click.testing import CliRunner
from samples import copy_fixture


def predictions_without_claims(tmp_path: Path) -> tuple[Path, Path]:
    project = copy_fixture(tmp_path)
    gold = project.annotation_path("demo")
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record.update(status="draft", claims=[])
    pred = tmp_path / "pred" / "demo.jsonl"
    pred.parent.mkdir()
    jsonio.write_jsonl(pred, records)
    gold_records = [json.loads(line) for line in gold.read_text("utf-8").splitlines()]
    for record in gold_records:
        record["status"] = "done"
    jsonio.write_jsonl(gold, gold_records)
    return gold, pred


def test_nothing_measured_is_n_a_in_text_and_null_in_json(tmp_path: Path) -> None:
    gold, pred = predictions_without_claims(tmp_path)
    text = CliRunner().invoke(cli, ["eval", str(gold), str(pred)], terminal_width=200)
    assert text.exit_code == 0, text.output
    rows = {
        cells[0]: cells[1:]
        for line in text.stdout.splitlines()
        if len(cells := [c.strip() for c in line.split("│")]) > 2
    }
    assert rows["actor refs"][:3] == ["n/a", "0.000", "0.000"]  # no prediction: P is 0/0
    assert rows["negative polarity"][:3] == ["n/a", "n/a", "n/a"]  # nothing on either side
    assert rows["expectation type"] == ["n/a", "0"]  # no paired claim: accuracy is 0/0
    data = json.loads(
        CliRunner().invoke(cli, ["eval", str(gold), str(pred), "--format", "json"]).stdout
    )
    assert data["scores"]["actors"]["precision"] is None
    assert data["scores"]["actors"]["recall"] == 0.0
    assert data["scores"]["polarity_negative"]["f1"] is None
    assert data["accuracy"]["expectation_type"] == {"accuracy": None, "correct": 0, "total": 0}
    # The library keeps numbers, for scripts that compare figures.
    assert evaluate([gold], [pred]).to_dict()["scores"]["actors"]["precision"] == 0.0
