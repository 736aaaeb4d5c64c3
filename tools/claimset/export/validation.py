"""The validation an export runs first, or alongside the table building on a large corpus."""

from __future__ import annotations

import multiprocessing
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..errors import InvalidCorpus
from ..lifeline import die_with_parent
from ..project import Project
from ..words import plural

#: Validation warnings that make a corpus unfit for export: spans `fmt` has not anchored (no
#: offsets, or a quote that differs from the text in whitespace) and claims without id.
UNEXPORTABLE = frozenset({"unanchored", "missing-id"})

#: From this many bytes of annotation files on, validation runs alongside the table building
#: (on a small corpus, starting another process costs more than it saves).
CONCURRENT_VALIDATION_BYTES = 4 << 20


def _validation_report(project: Project, jobs: int) -> tuple[Any, float]:
    """Run the validator; return its report and the seconds it took."""
    from ..validate import validate

    started = time.perf_counter()
    report = validate(project, jobs=jobs)
    return report, time.perf_counter() - started


class Validation:
    """The validator's run: beforehand, or alongside the table building for large corpora.

    On a large corpus validation costs about as much as building the tables, so it runs in a
    forked process (which checks the files with the validator's own worker processes) while
    this process builds the tables into the temporary folder; nothing is swapped in unless the
    report is clean. The fork happens before this export starts any thread of its own. On a
    small corpus, or where fork is not the safe default (anything but Linux), it runs first.
    """

    def __init__(self, project: Project, concurrent: bool) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[tuple[Any, float]] | None = None
        self._result: tuple[Any, float] | None = None
        if concurrent:
            self._pool = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent
            )
            self._future = self._pool.submit(_validation_report, project, 0)
        else:
            self._result = _validation_report(project, 1)

    @property
    def concurrent(self) -> bool:
        return self._future is not None

    def close(self) -> None:
        """Stop waiting: cancel the run if it has not started, reap the process."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def result(self) -> tuple[Any, float]:
        """The report and the validator's seconds (waits for the process if needed)."""
        if self._result is None:
            assert self._future is not None and self._pool is not None
            try:
                self._result = self._future.result()
            finally:
                self._pool.shutdown()
        return self._result

    def check(self) -> float:
        """Raise InvalidCorpus unless the corpus is valid and anchored; return the seconds."""
        report, seconds = self.result()
        if not report.valid:
            raise InvalidCorpus(
                f"the corpus has {plural(len(report.errors), 'validation error')}: export refused "
                "(fix them; `claimset validate` lists them)",
                report,
            )
        unfit = [d for d in report.warnings if d.code in UNEXPORTABLE]
        if unfit:
            raise InvalidCorpus(
                f"{len(unfit)} span(s) without exact offsets or claim(s) without id: export "
                "refused (run `claimset fmt`, which fills them, then export again)",
                report,
            )
        return float(seconds)


def concurrent_validation(project: Project) -> bool:
    """Whether to validate alongside the table building: a large corpus, on Linux."""
    if not sys.platform.startswith("linux"):
        return False
    size = sum(p.stat().st_size for p in project.annotation_paths())
    return size >= CONCURRENT_VALIDATION_BYTES
