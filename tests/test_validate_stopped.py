"""`validate --format json|github` when validation cannot run (a link out of the project): the
error reaches stdout in the format asked for, so CI's report file and annotations are not empty."""

from __future__ import annotations

import json
import os
from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset


def linked_out(tmp_path: Path) -> Path:
    project = copy_fixture(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("secret\n", encoding="utf-8")
    os.symlink(outside, project.root / "corpus" / "annotations" / "evil.jsonl")
    return project.root


def test_json_report_holds_the_error(tmp_path: Path) -> None:
    root = linked_out(tmp_path)
    done = claimset("validate", "--format", "json", cwd=root, check=False)
    assert done.returncode == 2
    report = json.loads(done.stdout)
    assert report["valid"] is False and report["errors"] == []
    assert report["error"]["file"] == "corpus/annotations/evil.jsonl"
    assert report["error"]["exit_code"] == 2
    assert "outside the project" in report["error"]["message"]
    assert "secret" not in done.stdout + done.stderr


def test_github_format_annotates_the_file(tmp_path: Path) -> None:
    root = linked_out(tmp_path)
    done = claimset("validate", "--format", "github", cwd=root, check=False)
    assert done.returncode == 2
    assert done.stdout.startswith("::error file=corpus/annotations/evil.jsonl::")
    assert "outside the project" in done.stdout and done.stdout.count("\n") == 1


def test_text_format_keeps_stdout_empty(tmp_path: Path) -> None:
    root = linked_out(tmp_path)
    done = claimset("validate", cwd=root, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert "outside the project" in done.stderr
