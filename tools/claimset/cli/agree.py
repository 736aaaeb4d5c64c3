"""`claimset agree`: agreement between annotators, and the sentences where they differ."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape

from ._shared import handle_errors, print_numbers, stdout, text_or_json

if TYPE_CHECKING:
    from ..agree import AgreementReport


@click.command("agree")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--name",
    "names",
    multiple=True,
    help="A name for each annotator, in the order of the paths (default: from the paths).",
)
@click.option(
    "--disagreements",
    is_flag=True,
    help="Also list every sentence where the annotators differ, with each one's claims.",
)
@text_or_json
@handle_errors
def agree_cli(
    paths: tuple[Path, ...], names: tuple[str, ...], disagreements: bool, fmt_: str
) -> None:
    """Cohen's kappa (2 annotators) and Krippendorff's alpha per field, span F1, disagreements.

    Each PATH is one annotator's annotation file or folder (two or more). Only sentences that
    all of them marked done or reviewed, with the same text, are compared. Claims are aligned
    by expectation-span overlap as in `claimset eval`; a measure with nothing to measure is n/a.
    """
    from ..agree import agree
    from ..errors import UsageError

    if len(paths) < 2:
        raise UsageError("give at least two annotators' files or folders")
    if names and len(names) != len(paths):
        raise UsageError(f"{len(names)} --name for {len(paths)} paths")
    report = agree(list(paths), list(names) or None)
    if not disagreements:
        report.disagreements = []
    print_numbers(report, fmt_, render_agree)


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_agree(report: AgreementReport) -> None:
    """The agreement table, then the disagreements (if asked for) sentence by sentence."""
    from rich.table import Table

    out = stdout()
    who = ", ".join(f"{name} ({report.claims.get(name, 0)} claims)" for name in report.annotators)
    out.print(f"{report.sentences} sentences compared; {escape(who)}")
    table = Table(show_edge=False)
    for column in ("field", "units", "observed", "kappa", "alpha"):
        table.add_column(column, justify="left" if column == "field" else "right")
    rows = [("claim-bearing sentence", report.claim_sentences), *report.fields.items()]
    for label, f in rows:
        table.add_row(
            label.replace("_", " "),
            str(f.units),
            _number(f.observed),
            _number(f.kappa),
            _number(f.alpha),
        )
    out.print(table)
    out.print(
        f"expectation span F1: exact {_number(report.span_exact_f1)}, "
        f"overlap {_number(report.span_overlap_f1)}"
    )
    for item in report.disagreements:
        out.print(f"\n[bold]{escape(item.sentence)}[/] differs in {escape(', '.join(item.fields))}")
        out.print(f"  {escape(item.text)}")
        for name, claims in item.versions.items():
            out.print(f"  {escape(name)}:" + ("" if claims else " no claim"))
            for claim in claims:
                out.print(f"    {escape(_claim_line(claim))}")


def _claim_line(claim: dict[str, Any]) -> str:
    e = claim["expectation"]
    return (
        f"{claim['actor']['ref']} → {e['type']} {e['quote']!r} target={e['target']} "
        f"{claim['hedge']['certainty']} {claim['polarity']}"
    )
