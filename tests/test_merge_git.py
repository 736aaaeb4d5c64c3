"""The merge driver with real git: two annotators on two branches, merged."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ESSAY = (
    "Seoul hopes that Moscow will help. Tokyo fears that the deal will collapse.\n"
    "Washington expects Seoul to pay more. Beijing says nothing.\n"
)
DOC = "essay"


def run(args: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd.parent),
    }
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done


def claimset(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "claimset", *args], cwd, check)


def git(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run(["git", *args], cwd, check)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "corpus-repo"
    claimset("init", str(root), cwd=tmp_path)
    (root / "seeds" / f"{DOC}.txt").write_text(ESSAY, encoding="utf-8")
    actors = root / "corpus" / "actors.jsonl"
    with actors.open("a", encoding="utf-8") as handle:
        for actor_id, name in (("south_korea", "Seoul"), ("russia", "Moscow"), ("japan", "Tokyo")):
            handle.write(
                json.dumps(
                    {"id": actor_id, "name": name, "aliases": [], "kind": "state"},
                    separators=(", ", ": "),
                )
                + "\n"
            )
    claimset("split", cwd=root)
    git("init", "-q", "-b", "main", cwd=root)
    setup = claimset("merge", "--setup", cwd=root)
    assert "merge.claimset.driver" in setup.stdout
    git("add", "-A", cwd=root)
    git("commit", "-qm", "split", cwd=root)
    return root


def records(root: Path) -> list[dict[str, Any]]:
    path = root / "corpus" / "annotations" / f"{DOC}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def annotate(root: Path, ordinal: int, annotator: str, kind: str, quote: str) -> None:
    path = root / "corpus" / "annotations" / f"{DOC}.jsonl"
    lines = records(root)
    record = lines[ordinal]
    record.update(status="done", annotator=annotator)
    record["claims"].append(
        {
            "actor": {"ref": "author", "quote": None},
            "expectation": {"quote": quote, "type": kind},
            "hedge": {"certainty": "certain", "cues": []},
        }
    )
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8"
    )
    claimset("fmt", cwd=root)


def branch(root: Path, name: str, change: Any) -> None:
    git("checkout", "-q", "-b", name, "main", cwd=root)
    change()
    git("commit", "-qam", name, cwd=root)


def test_adjacent_sentences_merge_cleanly(repo: Path) -> None:
    branch(repo, "ann1", lambda: annotate(repo, 0, "ann1", "desire", "Moscow will help"))
    branch(repo, "ann2", lambda: annotate(repo, 1, "ann2", "prediction", "the deal will collapse"))
    git("checkout", "-q", "ann1", cwd=repo)
    before = git("rev-parse", "HEAD", cwd=repo).stdout.strip()
    merged = git("merge", "-q", "--no-edit", "ann2", cwd=repo, check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    got = records(repo)
    assert [(r["status"], r["annotator"]) for r in got[:2]] == [("done", "ann1"), ("done", "ann2")]
    assert claimset("validate", "--strict", cwd=repo).returncode == 0
    # A plain line merge of the same histories conflicts: the driver is what avoids it.
    git("config", "--unset", "merge.claimset.driver", cwd=repo)
    git("reset", "-q", "--hard", before, cwd=repo)
    assert git("merge", "--no-edit", "ann2", cwd=repo, check=False).returncode != 0


def test_identical_edits_and_claims_added_on_both_sides(repo: Path) -> None:
    def both() -> None:
        annotate(repo, 2, "ann1", "demand", "Seoul to pay more")

    branch(repo, "ann1", both)
    branch(repo, "ann2", both)
    git("checkout", "-q", "ann1", cwd=repo)
    annotate(repo, 0, "ann1", "desire", "Moscow will help")
    git("commit", "-qam", "more", cwd=repo)
    git("checkout", "-q", "ann2", cwd=repo)
    annotate(repo, 0, "ann1", "belief", "Seoul hopes that Moscow will help")
    git("commit", "-qam", "more", cwd=repo)
    merged = git("merge", "-q", "--no-edit", "ann1", cwd=repo, check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    first = records(repo)[0]
    assert sorted(c["expectation"]["type"] for c in first["claims"]) == ["belief", "desire"]
    assert len({c["id"] for c in first["claims"]}) == 2
    assert len(records(repo)[2]["claims"]) == 1


def test_same_field_changed_two_ways_is_a_reported_conflict(repo: Path) -> None:
    annotate(repo, 0, "ann1", "desire", "Moscow will help")
    git("commit", "-qam", "base claim", cwd=repo)

    def retype(kind: str) -> Any:
        def change() -> None:
            path = repo / "corpus" / "annotations" / f"{DOC}.jsonl"
            lines = records(repo)
            lines[0]["claims"][0]["expectation"]["type"] = kind
            path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
            claimset("fmt", cwd=repo)

        return change

    branch(repo, "ann1", retype("belief"))
    branch(repo, "ann2", retype("prediction"))
    git("checkout", "-q", "ann1", cwd=repo)
    merged = git("merge", "--no-edit", "ann2", cwd=repo, check=False)
    assert merged.returncode != 0
    assert "claims[c1].expectation.type changed two ways" in merged.stdout + merged.stderr
    text = (repo / "corpus" / "annotations" / f"{DOC}.jsonl").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    first = records(repo)[0]  # valid JSON, ours in place, both versions kept
    assert first["claims"][0]["expectation"]["type"] == "belief"
    assert first["conflicts"][0]["theirs"] == "prediction"
