"""`claimset draft`: suggested claims for `todo` sentences (wraps `claimset.draft.draft`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ..words import plural
from ._shared import (
    EXIT_INVALID,
    find_project,
    handle_errors,
    jobs_option,
    progress_bar,
    resolve_paths,
    stderr,
    stdout,
    writing,
)

if TYPE_CHECKING:
    from ..draft import DraftResult


@click.command("draft")
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--redo", is_flag=True, help="Also re-draft sentences that are already `draft`.")
@jobs_option(
    "Draft the files (the same output)",
    default=0,
    zero="one per CPU when the files pass 256 KiB in all, about 900 todo sentences; else one",
)
@handle_errors
def draft_cli(files: tuple[str, ...], redo: bool, jobs: int) -> None:
    """Suggest claims for `todo` sentences (they become `draft`, also when none is found).

    With no FILES, drafts every corpus/annotations/*.jsonl. `done` and `reviewed` sentences are
    never touched; `draft` ones only with --redo. Rules and lexicons only (see
    docs/drafting.md): the same input always gives the same output.
    """
    from ..draft import draft

    project = find_project()
    with writing(project, "draft"), progress_bar("draft") as on_progress:
        result = draft(
            project,
            resolve_paths(project, files),
            redo=redo,
            jobs=jobs,
            on_progress=on_progress,
        )
    render_draft(result)
    if not result.ok:
        sys.exit(EXIT_INVALID)


def render_draft(result: DraftResult) -> None:
    """One line per file; errors and the sentences left alone on stderr."""
    out, err = stdout(), stderr()
    for o in result.outcomes:
        if o.action == "error":
            err.print(f"[red]error:[/] {escape(o.message)}", markup=True, highlight=False)
            continue
        out.print(
            f"{escape(o.path)}: {plural(o.drafted, 'sentence')} drafted, "
            f"{plural(o.claims, 'claim')} suggested, {o.kept} left alone ({o.action})"
        )
        for sid in o.protected:
            err.print(
                f"[yellow]warning:[/] {escape(o.path)}: {escape(sid)} left alone: it holds human "
                "claims (set its status to done when it is finished)"
            )
    if not result.outcomes:
        err.print("[yellow]warning:[/] no annotation files (run `claimset split` first)")
