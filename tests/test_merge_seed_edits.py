"""The merge driver with real git when both branches add a sentence to the same seed.

Each branch's `split` gives its new sentence the same id (one past the highest ordinal): the
driver must keep two different sentences as two records, and `split` must then re-anchor both
with each annotator's status, annotator and claims.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_merge_git import claimset, git

ESSAY = (
    "Seoul hopes that Moscow will help. Tokyo fears that the deal will collapse.\n"
    "\n"
    "Washington expects Seoul to pay more.\n"
    "\n"
    "Analysts disagree about the outcome.\n"
    "\n"
    "Beijing says nothing. Everyone waits.\n"
)
DOC = "essay"
ANNOTATIONS = Path("corpus") / "annotations" / f"{DOC}.jsonl"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "corpus-repo"
    claimset("init", str(root), cwd=tmp_path)
    (root / "seeds" / f"{DOC}.txt").write_text(ESSAY, encoding="utf-8")
    claimset("split", cwd=root)
    git("init", "-q", "-b", "main", cwd=root)
    claimset("merge", "--setup", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-qm", "split", cwd=root)
    return root


def records(root: Path) -> list[dict[str, Any]]:
    text = (root / ANNOTATIONS).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def add_sentence(root: Path, after: str, added: str, annotator: str, quote: str) -> None:
    """Insert a sentence into the seed, split, and annotate it (done, one claim)."""
    seed = root / "seeds" / f"{DOC}.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace(after, f"{after} {added}"), "utf-8")
    claimset("split", cwd=root)
    lines = records(root)
    for record in lines:
        if record["text"] == added:
            record.update(status="done", annotator=annotator)
            record["claims"] = [
                {
                    "actor": {"ref": "author", "quote": None},
                    "expectation": {"quote": quote, "type": "belief"},
                    "hedge": {"certainty": "certain", "cues": []},
                }
            ]
    (root / ANNOTATIONS).write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    claimset("fmt", cwd=root)


def test_two_sentences_added_with_the_same_id_stay_two(repo: Path) -> None:
    one, two = "Branch one adds this sentence.", "Branch two adds one more sentence."
    git("checkout", "-q", "-b", "ann1", cwd=repo)
    add_sentence(repo, "the deal will collapse.", one, "ann1", "Branch one")
    git("commit", "-qam", "ann1", cwd=repo)
    git("checkout", "-q", "-b", "ann2", "main", cwd=repo)
    add_sentence(repo, "Beijing says nothing.", two, "ann2", "Branch two")
    git("commit", "-qam", "ann2", cwd=repo)
    ids = {r["text"]: r["id"] for r in records(repo)}
    git("checkout", "-q", "ann1", cwd=repo)
    assert {r["text"]: r["id"] for r in records(repo)}[one] == ids[two]  # the collision

    merged = git("merge", "--no-edit", "ann2", cwd=repo, check=False)
    said = merged.stdout + merged.stderr
    assert "claimset split" in said, said
    texts = [r["text"] for r in records(repo)]
    assert one in texts and two in texts  # two records, not one fused

    claimset("split", cwd=repo)
    got = {r["text"]: r for r in records(repo)}
    for text, annotator, quote in ((one, "ann1", "Branch one"), (two, "ann2", "Branch two")):
        record = got[text]
        assert (record["status"], record["annotator"]) == ("done", annotator)
        assert [c["expectation"]["quote"] for c in record["claims"]] == [quote]
        assert "conflicts" not in record
    assert len({r["id"] for r in got.values()}) == len(got)
    assert claimset("validate", "--strict", cwd=repo, check=False).returncode == 0
    git("add", "-A", cwd=repo)
    git("commit", "-qm", "merged", cwd=repo)
