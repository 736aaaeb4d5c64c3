"""`validate --format json|github` puts the reason it cannot run on stdout in that format, also
for a usage error of its options (a typo in a CI workflow), and names the path it concerns."""

from __future__ import annotations

import json
from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset


def test_an_option_error_still_writes_the_report(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    done = claimset("validate", "--jobs", "-1", "--format", "json", cwd=root, check=False)
    assert done.returncode == 2
    report = json.loads(done.stdout)
    assert report["valid"] is False and report["error"]["exit_code"] == 2
    assert "--jobs" in report["error"]["message"]
    done = claimset("validate", "--format=github", "--jobs", "x", cwd=root, check=False)
    assert done.returncode == 2 and done.stdout.startswith("::error::Invalid value for '--jobs'")
    done = claimset("validate", "--jobs", "-1", cwd=root, check=False)  # text: stderr only
    assert done.returncode == 2 and done.stdout == ""


def test_the_report_names_the_path_it_concerns(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    done = claimset("validate", "--format", "json", "nosuch.jsonl", cwd=root, check=False)
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["file"] == "nosuch.jsonl"
    (root / "notes.txt").write_text("x\n", encoding="utf-8")
    done = claimset("validate", "--format", "github", "notes.txt", cwd=root, check=False)
    assert done.returncode == 2 and done.stdout.startswith("::error file=notes.txt::"), done.stdout
