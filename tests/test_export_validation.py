"""The validation an export runs: first on a small corpus, alongside the tables on a large one
(Linux only), and the timings the export reports for each."""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from claimset import jsonio
from claimset.errors import InvalidCorpus
from claimset.export import export
from claimset.export import validation as export_validation
from claimset.project import Project
from test_export import make_export_project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_export_project(tmp_path / "proj")


def _edit(
    project: Project, doc: str, lines: list[int], change: Callable[[dict[str, Any]], None]
) -> None:
    """Apply change(record) to some lines of an annotation file."""
    path = project.annotation_path(doc)
    records = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    for line in lines:
        change(records[line])
    jsonio.write_jsonl(path, records)


def _annotation_bytes(project: Project) -> int:
    return sum(p.stat().st_size for p in project.annotation_paths())


def test_validation_runs_alongside_from_the_threshold_on(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = _annotation_bytes(project)
    monkeypatch.setattr(export_validation, "CONCURRENT_VALIDATION_BYTES", size + 1)
    assert not export_validation.concurrent_validation(project)
    monkeypatch.setattr(export_validation, "CONCURRENT_VALIDATION_BYTES", size)
    assert export_validation.concurrent_validation(project)
    # Forking a process that runs threads is unsafe outside Linux: validation then runs first.
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not export_validation.concurrent_validation(project)


def test_a_small_corpus_is_validated_first_and_timed(project: Project) -> None:
    result = export(project)
    timings = result.timings
    assert sorted(timings) == [
        "card",
        "tables",
        "total",
        "validate",
    ]  # no wait: nothing ran alongside
    assert all(seconds >= 0 for seconds in timings.values())
    assert timings["validate"] + timings["tables"] + timings["card"] <= timings["total"]
    assert result.report.valid and not result.report.errors


def test_a_large_corpus_is_validated_alongside_and_timed(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_validation, "CONCURRENT_VALIDATION_BYTES", 0)
    result = export(project)
    timings = result.timings
    assert sorted(timings) == ["card", "tables", "total", "validate", "wait"]
    assert all(seconds >= 0 for seconds in timings.values())
    # The validator's seconds are its own, measured in the other process: under the total.
    assert timings["validate"] <= timings["total"]
    assert timings["wait"] + timings["tables"] + timings["card"] <= timings["total"]
    assert result.report.valid and not result.report.errors
    assert multiprocessing.active_children() == []  # the validating process is reaped


def test_an_interrupted_export_stops_its_validating_process(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C in a notebook while the tables are built: the validation running alongside is
    # waited for (not left running behind the caller's back) and the temporary folder removed.
    monkeypatch.setattr(export_validation, "CONCURRENT_VALIDATION_BYTES", 0)

    def interrupt(step: str) -> None:
        if step == "tables":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export(project, on_step=interrupt)
    assert multiprocessing.active_children() == []
    out = project.default_export_dir
    assert not out.exists() and [p.name for p in out.parent.iterdir()] == []


REFUSED = "export refused (fix them; `claimset validate` lists them)"


@pytest.mark.parametrize("concurrent", [False, True], ids=["first", "alongside"])
@pytest.mark.parametrize(
    ("shift", "message"),
    [
        (1, f"the corpus has 1 validation error: {REFUSED}"),
        (2, f"the corpus has 2 validation errors: {REFUSED}"),
    ],
)
def test_a_refusal_says_how_many_errors_and_carries_the_report(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    concurrent: bool,
    shift: int,
    message: str,
) -> None:
    if concurrent:
        monkeypatch.setattr(export_validation, "CONCURRENT_VALIDATION_BYTES", 0)

    def off_by_one(record: dict[str, Any]) -> None:
        for claim in record["claims"]:
            claim["expectation"]["start"] += 1

    lines = [1, 3][:shift]  # alpha's two done sentences with one claim each
    _edit(project, "alpha", lines, off_by_one)
    with pytest.raises(InvalidCorpus) as caught:
        export(project)
    assert str(caught.value) == message
    report = caught.value.report
    assert [(d.code, d.line) for d in report.errors] == [("offset-mismatch", n + 1) for n in lines]
    assert not project.default_export_dir.exists()


def test_unanchored_spans_refuse_the_export_with_the_report(project: Project) -> None:
    def unanchor(record: dict[str, Any]) -> None:
        record["claims"][0]["expectation"].update(start=None, end=None)
        record["claims"][0]["id"] = None

    _edit(project, "alpha", [3], unanchor)
    with pytest.raises(InvalidCorpus) as caught:
        export(project)
    assert str(caught.value) == (
        "2 span(s) without exact offsets or claim(s) without id: export refused (run "
        "`claimset fmt`, which fills them, then export again)"
    )
    report = caught.value.report
    codes = sorted(d.code for d in report.warnings)
    assert report.valid and codes == ["bom", "missing-id", "unanchored"]  # beta has a BOM


# -- how many processes validate -----------------------------------------------------------------

#: Where the audit hook logs each fork while a test listens (empty: not listening).
_FORK_LOG: list[Path] = []


def _log_fork(event: str, args: tuple[object, ...]) -> None:
    if event == "os.fork" and _FORK_LOG:
        with _FORK_LOG[0].open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")


_HOOKED: list[bool] = []


@pytest.fixture
def forks(tmp_path: Path) -> Iterator[Callable[[], Counter[int]]]:
    """The forks each process makes while the test runs, by the forking process's id.

    An audit hook (PEP 578) sees every `os.fork`, the way multiprocessing starts its processes;
    a forked process inherits it, so the validating process logs its own workers too. A hook
    cannot be removed: it stays installed, silent once the test is over.
    """
    if not _HOOKED:
        sys.addaudithook(_log_fork)
        _HOOKED.append(True)
    log = tmp_path / "forks.log"
    log.touch()
    _FORK_LOG.append(log)
    try:
        yield lambda: Counter(int(pid) for pid in log.read_text("utf-8").split())
    finally:
        _FORK_LOG.clear()


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def test_a_small_corpus_is_validated_in_the_export_s_own_process(
    project: Project, forks: Callable[[], Counter[int]]
) -> None:
    # Starting processes costs more than it saves on a small corpus: not one is forked.
    assert export(project).report.valid
    assert forks() == Counter()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="validates alongside on Linux")
def test_a_large_corpus_is_validated_by_one_process_with_a_worker_per_cpu(
    project: Project, monkeypatch: pytest.MonkeyPatch, forks: Callable[[], Counter[int]]
) -> None:
    monkeypatch.setattr(export_validation, "CONCURRENT_VALIDATION_BYTES", 0)
    assert export(project).report.valid
    counts = forks()
    assert counts.pop(os.getpid()) == 1  # the validating process, and only it
    # It checks the files with the validator's workers: one per CPU, at most one per document
    # (one worker is none: the files are then checked in the validating process itself).
    workers = min(_cpus(), len(project.annotation_paths()))
    assert list(counts.values()) == ([workers] if workers > 1 else [])
