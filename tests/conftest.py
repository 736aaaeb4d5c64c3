"""Shared fixtures: a fresh claimset project in a temporary folder, and the seed essay."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from claimset.project import Project
from claimset.scaffold import init

REPO = Path(__file__).resolve().parents[1]
SEED_PATH = REPO / "seeds" / "000_a59439a6f7a726ad.txt"


@pytest.fixture
def new_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """An empty project made by `claimset init`, with the working directory inside it."""
    root = tmp_path / "proj"
    init(root)
    monkeypatch.chdir(root)
    return Project(root.resolve())


@pytest.fixture
def seeded_project(new_project: Project) -> Project:
    """A new project holding the seed essay (not yet split)."""
    (new_project.seeds_dir / SEED_PATH.name).write_bytes(SEED_PATH.read_bytes())
    return new_project


def offline_env(tmp: Path) -> dict[str, str]:
    """The environment for a fresh process that loads exports with `datasets`, offline."""
    env = dict(os.environ)
    env.update(
        HF_DATASETS_OFFLINE="1",
        HF_HUB_OFFLINE="1",
        HF_HOME=str(tmp / "hf-home"),
        HF_DATASETS_CACHE=str(tmp / "hf-cache"),
        HF_HUB_DISABLE_TELEMETRY="1",
    )
    return env
