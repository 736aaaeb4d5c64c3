"""`claimset split`: seeds/*.txt into sentence records (wraps `claimset.split.split`)."""

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
    resolve_paths,
    stderr,
    stdout,
    writing,
)

if TYPE_CHECKING:
    from ..split import SplitResult


@click.command("split")
@click.argument("seeds", nargs=-1, type=click.Path())
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; exit 1 and list the files split would rewrite (for CI: the committed "
    "files are what split makes of the seeds).",
)
@handle_errors
def split_cli(seeds: tuple[str, ...], check: bool) -> None:
    """Segment seed essays into corpus/annotations/<doc>.jsonl.

    With no SEEDS, splits every seeds/*.txt; an agreement file given instead of a seed stands
    for its document's seed. Idempotent: an unchanged seed leaves its file
    byte-identical. When a seed changed, its annotations are carried over: unchanged sentences
    keep their record and id, edited ones keep their claims where every quote is found again
    (fuzzy matches are reported), new sentences come as todo with new ids. A claim that fits
    nowhere goes to corpus/orphans/<doc>.jsonl, never lost. The document's agreement files
    (agreement/<annotator>/<doc>.jsonl) are carried over the same way, their orphans beside them.
    Refuses (exit 1, nothing changed) an annotation or orphans file it cannot parse.
    """
    from ..split import split

    project = find_project()
    if check:
        result = split(project, resolve_paths(project, seeds), check=True)
        render_split_messages(result)
        for path in result.would_write:
            stdout().print(f"would rewrite {escape(project.relative(path))}", highlight=False)
        count = plural(len(result.would_write), "file")
        stdout().print(f"{count} would be rewritten", highlight=False)
        if result.would_write or not result.ok:
            sys.exit(EXIT_INVALID)
        return
    with writing(project, "split"):
        result = split(project, resolve_paths(project, seeds))
    render_split(result)
    if not result.ok:
        sys.exit(EXIT_INVALID)


def render_split_messages(result: SplitResult) -> None:
    """What split has to say (errors, warnings, what re-anchoring did), on stderr."""
    err = stderr()
    for outcome in result.outcomes:
        for level, text in outcome.messages:
            if level == "info":
                err.print(escape(text), markup=True, highlight=False)
                continue
            style = "red" if level == "error" else "yellow"
            err.print(f"[{style}]{level}:[/] {escape(text)}", markup=True, highlight=False)


def render_split(result: SplitResult) -> None:
    """Messages on stderr, then one line per split seed."""
    out, err = stdout(), stderr()
    render_split_messages(result)
    for outcome in result.outcomes:
        if outcome.action in ("created", "updated", "unchanged"):
            count = plural(outcome.sentences, "sentence")
            orphaned = f", {plural(outcome.orphaned, 'claim')} orphaned" if outcome.orphaned else ""
            out.print(f"{escape(outcome.path)}: {count} ({outcome.action}{orphaned})")
    if not result.outcomes:
        err.print("[yellow]warning:[/] no seeds to split (put essays in seeds/*.txt)")
