"""`claimset agree` compares evidence links as the schema reads them (a link that names no
sentence is in the claim's own), and shows the links and cues of a sentence that differs in
them: the claim lines alone would print the two sides the same."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def _with_evidence(path: Path, item: dict[str, Any]) -> None:
    """demo:0002's claim citing `item` (it cites nothing in the fixture)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    record["claims"][0]["evidence"] = [item]
    lines[2] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_link_without_sentence_is_in_the_claims_own(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    second = root / "agreement" / "bob" / "demo.jsonl"
    second.parent.mkdir(parents=True)
    second.write_bytes((root / DEMO).read_bytes())
    quote = "invest in the Far East"
    anchored = {"quote": quote, "sentence": "demo:0002", "start": 23, "end": 45, "type": "event"}
    _with_evidence(root / DEMO, anchored)
    _with_evidence(second, {"quote": quote, "type": "event"})  # typed, fmt not run
    args = ("agree", str(DEMO), "agreement/bob/demo.jsonl", "--disagreements")
    said = claimset(*args, cwd=root, check=False).stdout
    assert "differs" not in said, said
    _with_evidence(second, {"quote": quote, "type": "statistic"})
    said = claimset(*args, cwd=root, check=False).stdout
    assert "demo:0002 differs in evidence" in said, said
    assert "evidence: event 'invest in the Far East' in demo:0002" in said
    assert "evidence: statistic 'invest in the Far East' in demo:0002" in said
