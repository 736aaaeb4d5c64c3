"""`claimset draft --jobs N`: the files drafted in N real processes give the same bytes as one
process, the outcomes in the files' order, and a bad file is an error outcome, not a crash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from claimset import lifeline
from claimset.cli import cli
from claimset.draft import draft
from claimset.draft import files as draft_files
from claimset.project import Project
from claimset.split import split
from click.testing import CliRunner

ESSAYS = Path(__file__).resolve().parent / "data" / "essays"


def project_of_essays(root: Path) -> Project:
    """A project holding every essay under tests/data/essays, split, nothing annotated."""
    (root / "seeds").mkdir(parents=True)
    (root / "corpus" / "annotations").mkdir(parents=True)
    registry: dict[str, str] = {}  # the essays' registries merged, by actor id
    for essay in sorted(p for p in ESSAYS.iterdir() if p.is_dir()):
        shutil.copy(essay / "seeds" / f"{essay.name}.txt", root / "seeds")
        for line in (essay / "corpus" / "actors.jsonl").read_text(encoding="utf-8").splitlines():
            registry.setdefault(json.loads(line)["id"], line)
    text = "".join(line + "\n" for line in registry.values())
    (root / "corpus" / "actors.jsonl").write_text(text, encoding="utf-8")
    project = Project(root)
    split(project)
    return project


def files(project: Project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in project.annotation_paths()}


def test_drafting_in_two_processes_writes_the_same_bytes(tmp_path: Path) -> None:
    one = project_of_essays(tmp_path / "one")
    two = project_of_essays(tmp_path / "two")
    assert files(one) == files(two)
    first = draft(one, jobs=1)
    second = draft(two, jobs=2)
    assert [o.path for o in second.outcomes] == [o.path for o in first.outcomes]
    assert [(o.drafted, o.claims) for o in second.outcomes] == [
        (o.drafted, o.claims) for o in first.outcomes
    ]
    assert all(o.drafted > 0 for o in second.outcomes)
    assert files(two) == files(one)
    # Again with --redo, every CPU asked for (0).
    redone = draft(one, redo=True, jobs=1)
    again = draft(two, redo=True, jobs=0)
    assert [o.drafted for o in again.outcomes] == [o.drafted for o in redone.outcomes]
    assert all(o.drafted > 0 for o in again.outcomes)
    assert files(two) == files(one)


def test_a_bad_file_is_an_error_and_the_others_are_drafted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = project_of_essays(tmp_path / "p")
    bad = sorted(project.annotation_paths())[1]
    broken = bad.read_bytes() + b'{"broken\n'
    bad.write_bytes(broken)
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["draft", "-j", "2"])
    assert result.exit_code == 1, result.output
    assert f"{bad.name}:" in result.output and "Traceback" not in result.output
    assert bad.read_bytes() == broken  # refused untouched
    others = [p for p in project.annotation_paths() if p != bad]
    assert all(b'"status": "draft"' in p.read_bytes() for p in others)


def test_the_default_uses_every_cpu_only_for_files_worth_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--jobs 0` (the default): small files in this process, where workers cost more than
    they save; past the threshold, one process per CPU, and still the same bytes."""
    project = project_of_essays(tmp_path / "p")
    paths = project.annotation_paths()
    assert sum(p.stat().st_size for p in paths) < draft_files.AUTO_JOBS_BYTES
    assert draft_files.processes_for(0, paths) == 1
    assert draft_files.processes_for(2, paths) == lifeline.processes(2, len(paths))
    assert draft_files.processes_for(1, paths) == 1
    one = project_of_essays(tmp_path / "one")
    draft(one, jobs=1)
    monkeypatch.setattr(draft_files, "AUTO_JOBS_BYTES", 1)  # every corpus is now large
    assert draft_files.processes_for(0, paths) == lifeline.processes(0, len(paths))
    result = draft(project)  # the default, in real worker processes where there are CPUs
    assert result.ok and all(o.drafted > 0 for o in result.outcomes)
    assert files(project) == files(one)
