"""The pre-commit hooks and CI workflow `claimset init` writes, run by the real `pre-commit`.

Offline: the hooks are `repo: local` with `language: python`, so pre-commit builds an
environment of its own and pip-installs claimset from this checkout (and its dependencies from
the configured package index), without an activated virtual environment on PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from claimset.scaffold import init, install_source, scaffold_files

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_a59439a6f7a726ad.txt"
SOURCE = f"claimset @ {REPO.as_uri()}"


def test_init_writes_fmt_first_and_a_whole_project_validate() -> None:
    files = scaffold_files("x", SOURCE)
    config = yaml.safe_load(files[".pre-commit-config.yaml"])
    (repo,) = config["repos"]
    hooks = repo["hooks"]
    assert repo["repo"] == "local"
    assert [h["id"] for h in hooks] == [
        "claimset-fmt",
        "claimset-validate",
        "claimset-validate-project",
    ]
    for hook in hooks:
        assert hook["language"] == "python" and hook["additional_dependencies"] == [SOURCE]
    import re

    project = re.compile(hooks[2]["files"])
    for path in ("seeds/essay.txt", "corpus/actors.jsonl", "corpus/documents.jsonl"):
        assert project.search(path), path
    assert not project.search("corpus/annotations/essay.jsonl")
    assert hooks[2]["pass_filenames"] is False
    # The same files as the published hooks (agreement files among them).
    published = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for ours, theirs in zip(hooks, published, strict=True):
        assert ours["files"] == theirs["files"] and ours.get("exclude") == theirs.get("exclude")


def test_the_workflow_installs_from_a_source_that_exists() -> None:
    workflow = yaml.safe_load(
        scaffold_files("x", "claimset==0.1.0")[".github/workflows/corpus.yml"]
    )
    runs = [step.get("run") for step in workflow["jobs"]["validate"]["steps"]]
    assert 'pip install "claimset==0.1.0"' in runs and "pip install claimset" not in runs
    local = scaffold_files("x", SOURCE)[".github/workflows/corpus.yml"].decode()
    assert "CI\n      # runners cannot reach" in local  # a folder: the file says so
    # This test environment installed claimset from this checkout, and init says where.
    assert install_source() == SOURCE


def test_the_workflow_init_writes_is_the_one_docs_ci_shows() -> None:
    # One recipe: the README (docs/ci.md) says "save this", and init has written it already.
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    shown = yaml.safe_load(text.split("```yaml\n")[1].split("```")[0])
    written = yaml.safe_load(scaffold_files("x", "claimset==0.1.0")[".github/workflows/corpus.yml"])

    def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            step
            for step in workflow["jobs"]["validate"]["steps"]
            if not str(step.get("run", "")).startswith("pip install")
        ]

    assert steps(written) == steps(shown)
    assert {k: v for k, v in written.items() if k != "jobs"} == {
        k: v for k, v in shown.items() if k != "jobs"
    }


def _git(root: Path, *args: str, env: dict[str, str]) -> tuple[int, str]:
    """Run git; its exit code and everything it (and the hooks) printed."""
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.slow
def test_the_hooks_catch_what_ci_catches(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    root = tmp_path / "corpus-repo"
    init(root, source=SOURCE)
    shutil.copy(SEED, root / "seeds" / SEED.name)
    subprocess.run([sys.executable, "-m", "claimset", "split"], cwd=root, check=True)
    # No activated virtual environment: the venv's bin folder is not on PATH.
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if Path(p) != Path(sys.executable).parent
    )
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    assert _git(root, "init", "-q", env=env)[0] == 0
    install = subprocess.run(
        [str(pre_commit), "install"], cwd=root, env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr

    # An annotation typed without offsets: fmt fills them in, so the first commit stops there.
    path = root / "corpus" / "annotations" / f"{SEED.stem}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[2].update(
        status="done",
        annotator="ann1",
        claims=[
            {
                "actor": {"ref": "author"},
                "expectation": {"quote": "Korea pursues its own interests", "type": "belief"},
                "hedge": {"certainty": "certain", "cues": []},
            }
        ],
    )
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _git(root, "add", "-A", env=env)
    code, out = _git(root, "commit", "-qm", "first", env=env)
    assert code == 1 and "files were modified by this hook" in out, out
    assert out.index("claimset fmt") < out.index("claimset validate")
    _git(root, "add", "-A", env=env)
    code, out = _git(root, "commit", "-qm", "first", env=env)
    assert code == 0, out

    # Deleting an actor still in use: only actors.jsonl is committed, and the hooks see it.
    (root / "corpus" / "actors.jsonl").write_text("", encoding="utf-8")
    _git(root, "add", "corpus/actors.jsonl", env=env)
    code, out = _git(root, "commit", "-qm", "no actors", env=env)
    assert code == 1 and "unknown actor 'author'" in out and "[unknown-actor]" in out, out
    _git(root, "reset", "-q", env=env)
    _git(root, "checkout", "--", "corpus/actors.jsonl", env=env)

    # A seed edited without re-splitting: stale offsets, caught by the whole-project validate.
    seed = root / "seeds" / SEED.name
    seed.write_text("A new first sentence. " + seed.read_text(encoding="utf-8"), encoding="utf-8")
    _git(root, "add", "seeds", env=env)
    code, out = _git(root, "commit", "-qm", "seed", env=env)
    assert code == 1 and "[stale-seed]" in out, out
    _git(root, "reset", "-q", env=env)
    _git(root, "checkout", "--", "seeds", env=env)

    # A second annotator's agreement file is hand-edited too: fmt anchors it, validate checks
    # it; the annotator's own actor registry beside it is left to the whole-project validate.
    second = root / "agreement" / "ann2" / path.name
    second.parent.mkdir(parents=True)
    records[2]["annotator"] = "ann2"
    copied = [json.dumps(r) + "\n" for r in records]  # the corpus's, but for line 3
    second.write_text("".join(copied), encoding="utf-8")
    (second.parent / "actors.jsonl").write_text(
        json.dumps({"id": "korea", "name": "Korea"}) + "\n", encoding="utf-8"
    )
    _git(root, "add", "-A", env=env)
    code, out = _git(root, "commit", "-qm", "second", env=env)
    assert code == 1 and "files were modified by this hook" in out, out
    assert '"start": 11, "end": 42' in second.read_text(encoding="utf-8")
    records[2]["claims"][0]["actor"] = {"ref": "koreaa"}  # not in either registry
    second.write_text("".join([*copied[:2], json.dumps(records[2]) + "\n", *copied[3:]]), "utf-8")
    _git(root, "add", "-A", env=env)
    code, out = _git(root, "commit", "-qm", "second", env=env)
    assert code == 1 and "agreement/ann2/" in out and "[unknown-actor]" in out, out
    records[2]["claims"][0]["actor"] = {"ref": "korea"}  # the annotator's own registry's
    second.write_text("".join([*copied[:2], json.dumps(records[2]) + "\n", *copied[3:]]), "utf-8")
    _git(root, "add", "-A", env=env)
    assert _git(root, "commit", "-qm", "second", env=env)[0] == 1  # fmt writes it canonical
    _git(root, "add", "-A", env=env)
    code, out = _git(root, "commit", "-qm", "second", env=env)
    assert code == 0, out
