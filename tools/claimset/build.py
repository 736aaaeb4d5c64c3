"""`claimset build`: split → fmt → validate → export, stopping at the first step that fails."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .project import Project

STEPS = ("split", "fmt", "validate", "export")


@dataclass
class BuildResult:
    """What each step returned; `stopped_at` names the step that failed, if any."""

    results: dict[str, Any] = field(default_factory=dict)
    stopped_at: str | None = None
    #: Why the step named by `stopped_at` failed, when its result alone does not say (export's
    #: validation refuses warnings too: spans without offsets, claims without id).
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.stopped_at is None


def build(
    project: Project,
    *,
    out_dir: Path | None = None,
    include_drafts: bool = False,
    on_step: Callable[[str], None] | None = None,
    force: bool = False,
) -> BuildResult:
    """Run the pipeline on the whole project; never raises for invalid data, reports it instead."""
    from .errors import InvalidCorpus
    from .export import export
    from .fmt import fmt
    from .split import split

    result = BuildResult()

    def step(name: str) -> None:
        if on_step is not None:
            on_step(name)

    step("split")
    # All or nothing: a seed split would refuse stops the build before any file is written.
    result.results["split"] = split_result = split(project, all_or_nothing=True)
    if not split_result.ok:
        result.stopped_at = "split"
        return result
    step("fmt")
    result.results["fmt"] = fmt_result = fmt(project)
    if not fmt_result.ok:
        result.stopped_at = "fmt"
        return result
    # export validates first (refusing an invalid corpus), so validation is not run twice here.
    try:
        exported = export(
            project, out_dir, include_drafts=include_drafts, on_step=on_step, force=force
        )
    except InvalidCorpus as exc:
        result.results["validate"] = exc.report
        result.stopped_at = "validate"
        result.reason = str(exc)
        return result
    result.results["validate"] = exported.report
    result.results["export"] = exported
    return result
