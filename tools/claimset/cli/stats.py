"""`claimset stats`: progress and counts (wraps `claimset.stats.compute_stats`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..words import plural
from ._shared import (
    find_project,
    handle_errors,
    keep_controls,
    paths_argument,
    print_numbers,
    resolve_paths,
    stderr,
    stdout,
    text_or_json,
)

if TYPE_CHECKING:
    from ..stats import Stats


@click.command("stats")
@paths_argument
@text_or_json
@handle_errors
def stats_cli(paths: tuple[str, ...], fmt_: str) -> None:
    """Annotation progress and counts: status, actors, types, certainty, cues, evidence.

    Progress is also shown per document, and the work per annotator (done and reviewed
    sentences, and their claims).

    With no PATHS, counts every corpus/annotations/*.jsonl.
    """
    from ..stats import compute_stats

    project = find_project()
    stats = compute_stats(project, resolve_paths(project, paths))
    print_numbers(stats, fmt_, render_stats)


def render_stats(stats: Stats) -> None:
    """A summary line, then a table of counts per field (the numbers of `Stats.to_dict()`)."""
    from rich.table import Table
    from rich.text import Text

    data = stats.to_dict()
    out = stdout()
    total = data["sentences"]
    out.print(
        f"[bold]{plural(data['files'], 'file')}[/], [bold]{plural(total, 'sentence')}[/], "
        f"[bold]{plural(data['claims'], 'claim')}[/] in "
        f"{plural(data['claim_sentences'], 'sentence')}; "
        f"{data['progress']:.0%} done or reviewed",
        markup=True,
    )
    if data["skipped_lines"]:
        stderr().print(
            f"[yellow]warning:[/] {plural(data['skipped_lines'], 'line')} could not be read; "
            "run `claimset validate`"
        )

    def table(title: str, counts: dict[str, int], limit: int = 15) -> None:
        if not counts:
            return
        t = Table(title=title, title_justify="left", show_edge=False)
        t.add_column("value")
        t.add_column("count", justify="right")
        t.add_column("share", justify="right")
        whole = sum(counts.values()) or 1
        for key, count in list(counts.items())[:limit]:
            t.add_row(Text(keep_controls(key)), str(count), f"{count / whole:.0%}")
        if len(counts) > limit:
            t.add_row(f"... {len(counts) - limit} more", "", "")
        out.print(t)

    table("Sentences by status", data["status"])
    table("Claims by actor", data["actors"])
    table("Claims by target", data["targets"])
    table("Expectation types", data["expectation_types"])
    table("Certainty", data["certainty"])
    table("Polarity", data["polarity"])
    table("Origin", data["origin"])
    for kind, cues in data["cues"].items():
        table(f"Most frequent {kind} cues", cues, limit=10)
    table("Evidence types", data["evidence_types"])
    progress = Table(title="Progress by document", title_justify="left", show_edge=False)
    widest = max((len(doc) for doc in data["documents"]), default=8)
    progress.add_column("document", no_wrap=True, min_width=widest)
    for column in ("sentences", "todo", "draft", "done", "reviewed", "done %"):
        progress.add_column(column, justify="right")
    progress.add_column("claims", justify="right")
    for doc, row in data["documents"].items():
        progress.add_row(
            Text(keep_controls(doc)),
            *(str(row[k]) for k in ("sentences", "todo", "draft", "done", "reviewed")),
            f"{row['progress']:.0%}",
            str(row["claims"]),
        )
    if data["documents"]:
        out.print(progress)
    people = Table(
        title="By annotator (done and reviewed sentences)", title_justify="left", show_edge=False
    )
    for column in ("annotator", "sentences", "claims"):
        people.add_column(column, justify="left" if column == "annotator" else "right")
    for who, row in data["annotators"].items():
        people.add_row(Text(keep_controls(who)), str(row["sentences"]), str(row["claims"]))
    if data["annotators"]:
        out.print(people)
    out.print(
        f"{data['evidence']} evidence links, {data['cross_sentence_evidence']} to other "
        f"sentences; {data['implicit_actors']} implicit (unnamed, non-author) actors"
    )
