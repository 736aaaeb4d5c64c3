"""`validate --jobs N`: as many worker processes as asked, never more than CPUs or documents,
and the same report as one process.

The machine's CPUs are set by the test (`os.sched_getaffinity`, `os.cpu_count`) and the
worker pool is the real one, counted as it starts.
"""

from __future__ import annotations

import concurrent.futures
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any, ClassVar

import pytest
from claimset.project import Project
from claimset.validate import validate
from samples import copy_fixture
from test_fastcheck import add_document


class CountedPool(ProcessPoolExecutor):
    """The real pool, with the number of worker processes of each one started."""

    started: ClassVar[list[int]] = []

    def __init__(self, max_workers: int | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(max_workers, *args, **kwargs)
        CountedPool.started.append(self._max_workers)  # type: ignore[attr-defined]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the pools `validate` starts, on a machine of 3 CPUs (of 8) for this process."""
    CountedPool.started = []
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    return CountedPool.started


def corpus(tmp_path: Any, documents: int) -> Project:
    """The fixture project and `documents - 1` more documents of two sentences."""
    project = copy_fixture(tmp_path)
    for n in range(1, documents):
        add_document(project, f"doc{n:02d}", "One sentence. Another one.", [(0, 13), (14, 26)])
    return project


def test_workers_are_as_many_as_asked_at_most_one_per_cpu(tmp_path: Any, pools: list[int]) -> None:
    project = corpus(tmp_path, 5)
    alone = validate(project).to_dict()
    for jobs in (0, 200, 2):
        assert validate(project, jobs=jobs).to_dict() == alone
    assert pools == [3, 3, 2]  # -j 0: one per CPU this process may use
    assert alone["valid"] and alone["files"] == 7


def test_no_more_workers_than_documents(tmp_path: Any, pools: list[int]) -> None:
    project = corpus(tmp_path, 2)
    assert validate(project, jobs=0).to_dict() == validate(project).to_dict()
    assert pools == [2]


def test_one_process_checks_everything_itself(tmp_path: Any, pools: list[int]) -> None:
    assert validate(corpus(tmp_path, 3), jobs=1).valid
    assert pools == []


def test_cpus_are_counted_where_affinity_is_unknown(
    tmp_path: Any, pools: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)  # macOS, Windows
    project = corpus(tmp_path, 5)
    assert validate(project, jobs=0).valid
    assert pools == [5]  # 8 CPUs, 5 documents
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # unknown: one process
    assert validate(project, jobs=4).valid
    assert pools == [5]


def test_many_documents_per_worker_give_the_same_report(tmp_path: Any, pools: list[int]) -> None:
    # More than 8 documents per worker: they are sent in chunks of several.
    project = corpus(tmp_path, 18)
    path = project.annotation_path("doc07")
    path.write_text(path.read_text(encoding="utf-8").replace("Another", "Anther"), "utf-8")
    alone = validate(project).to_dict()
    assert validate(project, jobs=2).to_dict() == alone
    assert pools == [2]
    assert [(d["file"], d["line"], d["code"]) for d in alone["errors"]] == [
        ("corpus/annotations/doc07.jsonl", 2, "offset-mismatch")
    ]
