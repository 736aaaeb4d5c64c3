"""`claimset show`: sentences with their annotations highlighted (wraps `claimset.show`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ._shared import (
    find_project,
    handle_errors,
    keep_controls,
    paths_argument,
    resolve_paths,
    stderr,
    stdout,
)

if TYPE_CHECKING:
    from ..show import Highlight

#: One colour per claim of a sentence (in claim order), for its actor, expectation and id.
CLAIM_COLOURS = ("green", "yellow", "cyan", "blue", "bright_green", "bright_yellow", "bright_cyan")

#: The terminal style of each span kind; `{colour}` is the claim's colour.
SHOW_STYLES = {
    "evidence": "on grey23",
    "expectation": "underline bold {colour}",
    "actor": "bold reverse {colour}",
    "hedge": "bold magenta",
    "booster": "bold red",
}


@click.command("show")
@paths_argument
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
    """Show sentences with their annotations highlighted.

    On a terminal each claim has its colour (its actor in reverse, its expectation
    underlined), hedge cues are magenta, boosters red, evidence in the same sentence shaded.
    Piped or in a CI log, spans are marked in plain text, `[A Seoul] hopes that [E Moscow
    …]`, under a legend. Each claim gets a summary line (actor, type, target, certainty,
    evidence) and a line with its quotes. Works on unfinished files: spans without offsets
    are located from their quotes, and unreadable lines are reported and skipped.
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
    """Each sentence painted (plain marks when not on a colour terminal), with its claim lines;
    unreadable lines as warnings on stderr."""
    from rich.text import Text

    from ..show import LEGEND, SPAN_KINDS, marked_text

    out, err = stdout(), stderr()
    plain = not out.is_terminal or out.color_system is None
    shown = 0
    for item in items:
        if isinstance(item, str):
            err.print(f"[yellow]warning:[/] {escape(item)}", markup=True, highlight=False)
            continue
        if not shown and plain:
            out.print(Text(f"legend: {LEGEND}"))
            out.print()
        shown += 1
        who = f" {item.annotator}" if item.annotator else ""
        out.print(
            f"[bold]{escape(item.id)}[/] [dim]{escape(f'{item.status}{who} · {item.file}')}"
            f":{item.line}[/]"
        )
        colour = {
            cid: CLAIM_COLOURS[i % len(CLAIM_COLOURS)] for i, cid in enumerate(item.claim_ids)
        }
        if plain:
            out.print(Text(keep_controls(marked_text(item))))
        else:
            text = Text(keep_controls(item.text))
            for kind in SPAN_KINDS:  # paint in a fixed order so overlaps look the same every time
                for mark in item.marks:
                    if mark.kind == kind:
                        style = SHOW_STYLES[kind].format(colour=colour.get(mark.claim, "green"))
                        text.stylize(style, mark.start, mark.end)
            out.print(text)
        for cid, line, quotes in zip(item.claim_ids, item.claims, item.quotes, strict=True):
            summary = Text("  ")
            summary.append(cid, style="" if plain else f"bold {colour[cid]}")
            summary.append(line[len(cid) :])
            out.print(summary)
            if quotes:
                out.print(Text(f"      {quotes}", style="" if plain else "dim"))
        for problem in item.problems:
            err.print(f"  [yellow]warning:[/] {escape(problem)}", markup=True, highlight=False)
        out.print()
    if not shown:
        err.print("no sentences to show")
