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
    # fmt first: it fills in offsets and ids, so validate then sees the canonical form.
    assert list(by_id) == ["claimset-fmt", "claimset-validate", "claimset-validate-project"]
    for hook_id, hook in by_id.items():
        assert hook["language"] == "python"
        program, command = hook["entry"].split()
        assert program == "claimset" and command in cli.commands  # type: ignore[attr-defined]
        assert hook_id.startswith(f"claimset-{command}")
    fmt = re.compile(by_id["claimset-fmt"]["files"])
    assert fmt.search("corpus/annotations/x.jsonl") and fmt.search("corpus/actors.jsonl")
    assert not fmt.search("seeds/x.txt")
    changed = re.compile(by_id["claimset-validate"]["files"])
    assert changed.search("corpus/annotations/x.jsonl")
    # An annotator's agreement file is hand-edited JSONL too: formatted and validated; its
    # orphans are validated, not formatted; a registry kept beside it is neither.
    fmt_skips = re.compile(by_id["claimset-fmt"]["exclude"])
    changed_skips = re.compile(by_id["claimset-validate"]["exclude"])

    def formatted(path: str) -> bool:
        return bool(fmt.search(path)) and not fmt_skips.search(path)

    def validated(path: str) -> bool:
        return bool(changed.search(path)) and not changed_skips.search(path)

    for path in ("agreement/ann2/x.jsonl", "agreement/heldout/ann3/x.jsonl"):
        assert formatted(path) and validated(path), path
    assert not formatted("corpus/orphans/x.jsonl")
    assert not formatted("agreement/ann2/orphans/x.jsonl")
    assert validated("agreement/ann2/orphans/x.jsonl")
    for path in ("agreement/ann2/actors.jsonl", "agreement/real/ann6/actors.jsonl"):
        assert not formatted(path) and not validated(path), path
    # What every annotation file depends on validates the whole project, as CI does.
    project = by_id["claimset-validate-project"]
    assert project["pass_filenames"] is False
    for path in (
        "seeds/x.txt",
        "corpus/actors.jsonl",
        "corpus/documents.jsonl",
        "agreement/real/ann6/actors.jsonl",
    ):
        assert re.compile(project["files"]).search(path), path


def test_this_repository_uses_them_and_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    published = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in local["hooks"]] == [h["id"] for h in published]
    for ours, theirs in zip(local["hooks"], published, strict=True):
        assert ours["files"] == theirs["files"] and ours.get("exclude") == theirs.get("exclude")
    ruff = next(r for r in config["repos"] if "ruff" in r["repo"])
    assert {h["id"] for h in ruff["hooks"]} == {"ruff-check", "ruff-format"}


def test_the_ci_example_runs_both_checks() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.split("```yaml\n")[1].split("```")[0])
    steps = [step.get("run", "") for step in workflow["jobs"]["validate"]["steps"]]
    assert "claimset validate --format github" in steps
    assert "claimset fmt --check --diff" in steps
