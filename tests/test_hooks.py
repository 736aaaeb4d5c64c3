"""The published pre-commit hooks and this repository's own pre-commit configuration."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from claimset.cli import cli

REPO = Path(__file__).resolve().parents[1]


def test_published_hooks() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"claimset-validate", "claimset-fmt"}
    for hook_id, hook in by_id.items():
        assert hook["language"] == "python"
        assert hook["files"] == r"^corpus/.*\.jsonl$"
        program, command = hook["entry"].split()
        assert program == "claimset" and command in cli.commands  # type: ignore[attr-defined]
        assert hook_id == f"claimset-{command}"
        pattern = re.compile(hook["files"])
        assert pattern.search("corpus/annotations/x.jsonl") and pattern.search(
            "corpus/actors.jsonl"
        )
        assert not pattern.search("seeds/x.txt")


def test_this_repository_uses_them_and_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    assert [h["id"] for h in local["hooks"]] == ["claimset-fmt", "claimset-validate"]
    ruff = next(r for r in config["repos"] if "ruff" in r["repo"])
    assert {h["id"] for h in ruff["hooks"]} == {"ruff-check", "ruff-format"}


def test_the_ci_example_runs_both_checks() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.split("```yaml\n")[1].split("```")[0])
    steps = [step.get("run", "") for step in workflow["jobs"]["validate"]["steps"]]
    assert "claimset validate --format github" in steps
    assert "claimset fmt --check --diff" in steps
