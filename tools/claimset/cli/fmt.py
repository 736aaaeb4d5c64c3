"""`claimset fmt`: anchor quotes and rewrite files in canonical form (wraps `claimset.fmt.fmt`)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ..words import plural
from ._shared import (
    EXIT_INVALID,
    find_project,
    handle_errors,
    keep_controls,
    paths_argument,
    progress_bar,
    resolve_paths,
    stderr,
    stdout,
    writing,
)

if TYPE_CHECKING:
    from ..fmt import FmtResult


@click.command("fmt")
@paths_argument
@click.option(
    "--check", is_flag=True, help="Change nothing; exit 1 and list the files fmt would change."
)
@click.option("--diff", is_flag=True, help="Change nothing; print what would change as a diff.")
@handle_errors
def fmt_cli(paths: tuple[str, ...], check: bool, diff: bool) -> None:
    """Anchor quotes to offsets and rewrite data files in canonical form, atomically.

    Fills span start/end from the quotes (whole-word occurrences first; `occurrence` picks one;
    stale offsets move to the nearest occurrence), writes missing claim ids and the sentence id
    of evidence that names none (the claim's own sentence when its quote is there, else the one
    other sentence of the document that holds it, and says so; a quote in several sentences is
    listed, nearest first, for you to name one with `sentence`), orders keys as the schema does,
    one record per line. With no PATHS, formats every annotation file, every agreement file
    (agreement/<annotator>/<doc>.jsonl) and the registries: actors.jsonl, documents.jsonl and
    annotators.jsonl. Never changes meaning or deletes anything: a file with a line it cannot
    parse is left untouched (exit 1). Exits 1 too when it leaves a quote unanchored (ambiguous
    or not found), saying why.
    """
    from ..fmt import fmt

    project = find_project()
    with (
        nullcontext() if check or diff else writing(project, "fmt"),
        progress_bar("fmt") as on_progress,
    ):
        result = fmt(
            project,
            resolve_paths(project, paths),
            check=check,
            diff=diff,
            on_progress=on_progress,
        )
    render_fmt(result, check=check, diff=diff)
    if result.refused or result.unanchored or (check and result.changed):
        sys.exit(EXIT_INVALID)


def render_fmt(result: FmtResult, *, check: bool, diff: bool) -> None:
    """Per changed or refused file a line (and notes, and the diff), then a summary."""
    from rich.text import Text

    out, err = stdout(), stderr()
    for outcome in result.files:
        if outcome.refused:
            for message in outcome.messages:
                err.print(f"[red]error:[/] {escape(message)}")
            continue
        if not (outcome.changed or outcome.unanchored):
            continue
        if outcome.changed:
            verb = "would reformat" if check or diff else "reformatted"
            out.print(f"{verb} {escape(outcome.path)}")
        else:
            out.print(f"{escape(outcome.path)}: unchanged")
        for message in outcome.messages:
            out.print(f"  [dim]{escape(message)}[/]")
        if diff and outcome.diff:
            for line in outcome.diff.splitlines():
                style = {"+": "green", "-": "red", "@": "cyan"}.get(line[:1], "")
                out.print(Text(keep_controls(line), style=style))
    changed, refused = len(result.changed), len(result.refused)
    unchanged = len(result.files) - changed - refused
    verb = "would be reformatted" if check or diff else "reformatted"
    parts = [f"{plural(changed, 'file')} {verb}", f"{unchanged} unchanged"]
    if refused:
        parts.append(f"{refused} refused (cannot be parsed)")
    err.print(", ".join(parts))
    if result.unanchored:
        err.print(
            f"[red]error:[/] {plural(result.unanchored, 'span')} left unanchored (see above): "
            'fix the quotes, or add "occurrence", and run `claimset fmt` again'
        )
