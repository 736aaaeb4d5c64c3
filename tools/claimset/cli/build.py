"""`claimset build`: split → fmt → validate → export (wraps `claimset.build.build`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

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
from .fmt import render_fmt
from .split import render_split

if TYPE_CHECKING:
    from ..build import BuildResult


@click.command("build")
@out_option
@include_drafts_option
@force_option
@handle_errors
def build_cli(out_dir: Path | None, include_drafts: bool, force: bool) -> None:
    """The main job: split → fmt → validate → export, with progress and a summary.

    Stops at the first step that fails (exit 1) and shows why: a seed that changed under
    annotated sentences, a file fmt cannot parse, or the validation errors.
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
    if not result.ok:
        stopped = result.stopped_at
        if stopped == "split":
            render_split(result.results["split"])
        elif stopped == "fmt":
            render_fmt(result.results["fmt"], check=False, diff=False)
        else:
            from ..reporters import render_text

            render_text(result.results["validate"], err)
        err.print(f"[bold red]Error:[/] build stopped at {stopped}")


def describe_step(name: str, value: Any) -> str:
    """One line per build step for the summary table."""
    if name == "split":
        n = sum(o.sentences for o in value.outcomes)
        return f"{plural(len(value.outcomes), 'seed')}, {plural(n, 'sentence')}"
    if name == "fmt":
        return f"{plural(len(value.changed), 'file')} reformatted"
    if name == "validate":
        files, records = plural(value.files, "file"), plural(value.records, "record")
        return f"{files}, {records}, {plural(len(value.errors), 'error')}"
    if name == "export":
        rows = ", ".join(
            f"{config} {sum(splits.values())}" for config, splits in value.rows.items()
        )
        return f"{value.out_dir} ({rows} rows)"
    return ""
