"""`claimset build`: split → fmt → validate → export (wraps `claimset.build.build`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape

from ..words import plural
from ._shared import (
    EXIT_INVALID,
    find_project,
    force_option,
    handle_errors,
    include_drafts_option,
    out_option,
    stderr,
    stdout,
    writing,
)
from .split import render_split_messages

if TYPE_CHECKING:
    from ..build import BuildResult
    from ..fmt import FmtResult


@click.command("build")
@out_option
@include_drafts_option
@force_option
@handle_errors
def build_cli(out_dir: Path | None, include_drafts: bool, force: bool) -> None:
    """The main job: split → fmt → validate → export, with progress and a summary.

    Shows every warning of every step (claims re-anchored or orphaned by split, quotes fmt
    could not anchor, validation warnings). Stops at the first step that fails (exit 1) and
    shows why: a seed or annotation file split cannot read (then nothing at all is written),
    a file fmt cannot parse, or the validation errors.
    """
    from ..build import build

    project = find_project()
    with writing(project, "build"), stderr().status("building…") as status:
        result = build(
            project,
            out_dir=out_dir,
            include_drafts=include_drafts,
            force=force,
            on_step=lambda name: status.update(f"{name}…"),
        )
    render_build(result)
    if not result.ok:
        sys.exit(EXIT_INVALID)


def render_fmt_messages(result: FmtResult) -> None:
    """fmt's notes on the files it changed or refused (quotes moved, not found, ambiguous)."""
    err = stderr()
    for outcome in result.files:
        if outcome.refused:
            for message in outcome.messages:
                err.print(f"[red]error:[/] {escape(message)}", highlight=False)
        elif outcome.changed:
            for message in outcome.messages:
                err.print(f"fmt: {escape(message)}", highlight=False)


def render_build(result: BuildResult) -> None:
    """A table with one line per step, then why the build stopped, if it did."""
    from rich.table import Table

    from ..build import STEPS

    err = stderr()
    summary = Table(title="claimset build", title_justify="left", show_edge=False)
    summary.add_column("step")
    summary.add_column("result")
    for name in STEPS:
        if name in result.results:
            failed = name == result.stopped_at
            text = describe_step(name, result.results[name])
            summary.add_row(name, f"[red]failed[/] {text}" if failed else f"[green]ok[/] {text}")
        else:
            summary.add_row(name, "[dim]not run[/]")
    stdout().print(summary)
    # Every step's messages, also when the build succeeds: nothing is hidden.
    if "split" in result.results:
        render_split_messages(result.results["split"])
    if "fmt" in result.results:
        render_fmt_messages(result.results["fmt"])
    report = result.results.get("validate")
    if report is not None and report.diagnostics:
        from ..reporters import render_text

        render_text(report, err)
    if not result.ok:
        stopped = result.stopped_at
        if stopped == "split":
            err.print("[bold red]Error:[/] build stopped at split; nothing was written")
        else:
            why = f": {escape(result.reason)}" if result.reason else ""
            err.print(f"[bold red]Error:[/] build stopped at {stopped}{why}")


def describe_step(name: str, value: Any) -> str:
    """One line per build step for the summary table."""
    if name == "split":
        n = sum(o.sentences for o in value.outcomes)
        text = f"{plural(len(value.outcomes), 'seed')}, {plural(n, 'sentence')}"
        updated = sum(1 for o in value.outcomes if o.action == "updated")
        orphaned = sum(o.orphaned for o in value.outcomes)
        refused = sum(1 for o in value.outcomes if o.action in ("refused", "error"))
        if refused:  # say which part failed: the counts alone read like what was done
            text = f"{refused} of {plural(len(value.outcomes), 'seed')} refused (see below)"
        if updated:
            text += f", {plural(updated, 'seed')} re-split"
        if orphaned:
            text += f", {plural(orphaned, 'claim')} orphaned"
        return text
    if name == "fmt":
        return f"{plural(len(value.changed), 'file')} reformatted"
    if name == "validate":
        from ..export.validation import UNEXPORTABLE

        files, records = plural(value.files, "file"), plural(value.records, "record")
        text = f"{files}, {records}, {plural(len(value.errors), 'error')}"
        # Warnings that stop the export: without them "failed … 0 errors" would say nothing.
        blocking = sum(1 for d in value.warnings if d.code in UNEXPORTABLE)
        if blocking:
            text += f", {plural(blocking, 'warning')} that stop the export (run claimset fmt)"
        return text
    if name == "export":
        rows = ", ".join(
            f"{config} {sum(splits.values())}" for config, splits in value.rows.items()
        )
        return f"{value.out_dir} ({rows} rows)"
    return ""
