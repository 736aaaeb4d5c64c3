"""Sample files for the validator and formatter tests, and the fixture project they live in.

tests/data/project/ is a small valid project (one seed, `demo`). A sample named
`actors_*.jsonl` replaces its corpus/actors.jsonl, `documents_*.jsonl` its documents.jsonl,
`annotators_*.jsonl` becomes its corpus/annotators.jsonl, `orphans_*.jsonl` becomes
corpus/orphans/demo.jsonl, and any other sample replaces its corpus/annotations/demo.jsonl.
Each sample's `.expected` file beside it holds the exact diagnostic lines `claimset validate`
prints for the project.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from claimset.project import Project

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "project"
VALID = sorted((DATA / "valid").glob("*.jsonl"))
INVALID = sorted((DATA / "invalid").glob("*.jsonl"))


def copy_fixture(tmp_path: Path) -> Project:
    """A fresh copy of the fixture project."""
    root = tmp_path / "proj"
    shutil.copytree(FIXTURE, root)
    return Project(root.resolve())


def target(project: Project, sample: Path) -> Path:
    """Where a sample goes in the project."""
    if sample.name.startswith("actors_"):
        return project.actors_path
    if sample.name.startswith("documents_"):
        return project.documents_path
    if sample.name.startswith("annotators_"):
        return project.annotators_path
    if sample.name.startswith("orphans_"):
        return project.corpus_dir / "orphans" / "demo.jsonl"
    return project.annotation_path("demo")


def sample_project(tmp_path: Path, sample: Path) -> Project:
    """The fixture project with `sample` in its place."""
    project = copy_fixture(tmp_path)
    path = target(project, sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(sample.read_bytes())
    return project


def expected_lines(sample: Path) -> list[str]:
    return sample.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
