"""The validator's small checks, each by what a user sees: the message, where it points, the exit
code (orphans, the registries, status, sentence ids, merge conflicts, git's markers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.project import Project
from click.testing import CliRunner
from samples import copy_fixture


def invoke(project: Project, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout


def shown(out: str, first: str) -> tuple[str, str]:
    """The snippet and caret lines printed under the diagnostic line starting with `first`."""
    lines = out.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith(first))
    return lines[at + 1], lines[at + 2]


def test_an_orphan_is_a_warning_about_its_whole_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    orphans = project.corpus_dir / "orphans" / "demo.jsonl"
    orphans.parent.mkdir()
    record = (
        '{"doc": "demo", "sentence": "demo:0004", "text": "Moscow will help.", "status": null, '
        '"annotator": null, "reason": "", "claim": {"actor": {"ref": "russia"}}}'
    )
    orphans.write_text(record + "\n", encoding="utf-8")
    code, out = invoke(project, monkeypatch)
    assert code == 0
    snippet, caret = shown(out, "corpus/orphans/demo.jsonl:1:1: warning: a claim of sentence")
    # The line as a whole, not the record underlined: one caret at its first character.
    assert snippet == "    " + record[:100] + "…"
    assert caret == "    ^"
    assert invoke(project, monkeypatch, "--strict")[0] == 1
