"""`claimset show`: sentences with their annotations highlighted (wraps `claimset.show`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ._shared import find_project, handle_errors, resolve_paths, stderr, stdout

if TYPE_CHECKING:
    from ..show import Highlight

#: The terminal style of each span kind.
SHOW_STYLES = {
    "evidence": "on grey23",
    "expectation": "underline bold green",
    "actor": "bold cyan",
    "hedge": "bold magenta",
    "booster": "bold red",
}


@click.command("show")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(["todo", "draft", "done", "reviewed"]),
    help="Only sentences with this status (repeatable).",
)
@click.option(
    "--id",
    "ids",
    multiple=True,
    help="Only this sentence id, or every sentence of this document id (repeatable).",
)
@handle_errors
def show_cli(paths: tuple[str, ...], statuses: tuple[str, ...], ids: tuple[str, ...]) -> None:
    """Show sentences with their annotations highlighted in the terminal.

    Actors are cyan, expectations green and underlined, hedge cues magenta, boosters red,
    evidence in the same sentence shaded; each claim gets a summary line (actor, type,
    target, certainty, evidence). Works on unfinished files: spans without offsets are
    located from their quotes, and unreadable lines are reported and skipped.
    """
    from ..show import iter_highlights

    project = find_project()
    render_show(
        iter_highlights(
            project,
            resolve_paths(project, paths),
            statuses=frozenset(statuses) or None,
            ids=frozenset(ids) or None,
        )
    )


def render_show(items: Iterable[Highlight | str]) -> None:
    """Each sentence painted, with its claim lines; unreadable lines as warnings on stderr."""
    from rich.text import Text

    from ..show import SPAN_KINDS

    out, err = stdout(), stderr()
    shown = 0
    for item in items:
        if isinstance(item, str):
            err.print(f"[yellow]warning:[/] {escape(item)}", markup=True, highlight=False)
            continue
        shown += 1
        who = f" {item.annotator}" if item.annotator else ""
        out.print(
            f"[bold]{escape(item.id)}[/] [dim]{escape(f'{item.status}{who} · {item.file}')}"
            f":{item.line}[/]"
        )
        text = Text(item.text)
        for kind in SPAN_KINDS:  # paint in a fixed order so overlaps look the same every time
            for mark in item.marks:
                if mark.kind == kind:
                    text.stylize(SHOW_STYLES[kind], mark.start, mark.end)
        out.print(text)
        for line in item.claims:
            out.print(f"  {escape(line)}", highlight=False)
        for problem in item.problems:
            err.print(f"  [yellow]warning:[/] {escape(problem)}", markup=True, highlight=False)
        out.print()
    if not shown:
        err.print("no sentences to show")
