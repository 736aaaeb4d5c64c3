"""`draft` renames each drafted file into place and syncs the folder once, for all of them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from claimset import atomic
from claimset.draft import draft
from claimset.draft.afresh import todo_copy
from claimset.project import Project

ROOT = Path(__file__).resolve().parent.parent


def todo_project(dest: Path, count: int) -> Project:
    """A project of the corpus's first `count` documents, every sentence `todo`."""
    docs = [p.stem for p in sorted((ROOT / "corpus" / "annotations").glob("*.jsonl"))[:count]]
    return todo_copy(ROOT, dest, docs)


def synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths fsynced from now on (files and folders), in order."""
    paths: list[str] = []
    real = os.fsync

    def recorded(fd: int) -> None:
        paths.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", recorded)
    return paths


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("jobs", [1, 2])
def test_draft_syncs_each_file_and_its_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    project = todo_project(tmp_path / "p", 3)
    folder = str(project.annotations_dir.resolve())
    paths = synced(monkeypatch)
    result = draft(project, jobs=jobs)
    assert [o.action for o in result.outcomes] == ["updated"] * 3
    assert paths.count(folder) == 1 and paths[-1] == folder  # once, after every rename
    if jobs == 1:  # (the workers' own fsyncs are not seen here)
        assert len(paths) == 4  # each file's data, then the folder
    paths.clear()
    draft(project, redo=True)  # nothing changed: nothing written, nothing synced
    assert paths == []


def test_a_write_can_leave_its_folder_to_be_synced_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = synced(monkeypatch)
    files = [tmp_path / "a" / "x.jsonl", tmp_path / "a" / "y.jsonl", tmp_path / "b" / "z.jsonl"]
    for path in files:
        atomic.atomic_write_bytes(path, b"{}\n", sync_folder=False)
    assert all(p.read_bytes() == b"{}\n" for p in files)
    assert not any(os.path.isdir(p) for p in paths)  # the files' data only
    paths.clear()
    atomic.sync_folders(files)
    assert paths == [str((tmp_path / "a").resolve()), str((tmp_path / "b").resolve())]
