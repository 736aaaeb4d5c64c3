"""`claimset agree`: agreement between annotators, and the sentences where they differ."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape

from ._shared import find_project, handle_errors, print_numbers, stdout, text_or_json, writing

if TYPE_CHECKING:
    from ..agree import AgreementReport


@click.command("agree")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--name",
    "names",
    multiple=True,
    help=(
        "A name for each annotator, in the order of the paths (default: the file or folder "
        "name, with as many parent folders as tell the paths apart; the project's own "
        "corpus/annotations is named by that path)."
    ),
)
@click.option(
    "--disagreements",
    is_flag=True,
    help="Also list every sentence where the annotators differ, with each one's claims.",
)
@click.option(
    "--accept",
    "accept_ids",
    multiple=True,
    metavar="SENTENCE_ID",
    help="Adjudicate: put the second path's version of this sentence into the first path "
    "(the project's annotation files), status reviewed; repeatable.",
)
@click.option(
    "--reviewer",
    metavar="ID",
    help="With --accept: who reviewed (written as `reviewer`; the annotator is kept).",
)
@text_or_json
@handle_errors
def agree_cli(
    paths: tuple[Path, ...],
    names: tuple[str, ...],
    disagreements: bool,
    accept_ids: tuple[str, ...],
    reviewer: str | None,
    fmt_: str,
) -> None:
    """Cohen's kappa (2 annotators) and Krippendorff's alpha per field, span F1, disagreements.

    Each PATH is one annotator's annotation file or folder (two or more). Only sentences that
    all of them marked done or reviewed, with the same text, are compared. Claims are aligned
    by expectation-span overlap as in `claimset eval`; a measure with nothing to measure is n/a.

    With --accept (exactly two paths, GOLD then OTHER): OTHER's version of each named sentence
    replaces GOLD's, atomically under the project lock, status reviewed, `reviewer` set; ids
    not in both are refused and nothing is written.
    """
    from ..agree import agree
    from ..errors import UsageError

    if accept_ids or reviewer:
        _accept(paths, accept_ids, reviewer, fmt_)
        return
    if len(paths) < 2:
        raise UsageError("give at least two annotators' files or folders")
    if names and len(names) != len(paths):
        raise UsageError(f"{len(names)} --name for {len(paths)} paths")
    if len(set(names)) != len(names):
        raise UsageError("give each annotator a different --name")
    report = agree(list(paths), list(names) or None)
    if not disagreements:
        report.disagreements = []
    print_numbers(report, fmt_, render_agree)


def _accept(paths: tuple[Path, ...], ids: tuple[str, ...], reviewer: str | None, fmt_: str) -> None:
    from ..adjudicate import accept
    from ..errors import UsageError
    from ..models import ANNOTATOR_ID_PATTERN

    if not ids or not reviewer:
        raise UsageError("--accept and --reviewer go together")
    if not re.fullmatch(ANNOTATOR_ID_PATTERN, reviewer):
        raise UsageError(f"--reviewer {reviewer!r}: an annotator id such as `ann1`")
    if len(paths) != 2:
        raise UsageError("--accept takes exactly two paths: GOLD (the project's) and OTHER")
    project = find_project()
    gold, other = project.resolve(paths[0]), paths[1]  # OTHER may lie anywhere
    with writing(project, "agree --accept"):
        done = accept(project, gold, other, ids, reviewer)
    if fmt_ == "json":
        click.echo(json.dumps({"accepted": [asdict(item) for item in done]}, indent=2))
        return
    out = stdout()
    for item in done:
        out.print(
            escape(
                f"{item.file}: {item.sentence} now {item.annotator}'s version "
                f"(was {item.was}), reviewed by {reviewer}"
            )
        )


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
                # The lines above do not show links and cues: when those differ, they are shown.
                for line in _set_lines(claim, item.sentence, item.fields):
                    out.print(f"      {escape(line)}")


def _claim_line(claim: dict[str, Any]) -> str:
    e = claim["expectation"]
    return (
        f"{claim['actor']['ref']} → {e['type']} {e['quote']!r} target={e['target']} "
        f"{claim['hedge']['certainty']} {claim['polarity']}"
    )


def _set_lines(claim: dict[str, Any], sentence: str, fields: list[str]) -> list[str]:
    """The claim's evidence links and hedge cues, one a line, when the sentence differs in them."""
    lines = []
    if "evidence" in fields:
        for e in claim.get("evidence") or []:
            where = e.get("sentence") or sentence
            lines.append(f"evidence: {e.get('type')} {e.get('quote')!r} in {where}")
        lines = lines or ["evidence: none"]
    if "cues" in fields:
        cues = (claim.get("hedge") or {}).get("cues") or []
        lines += [f"cue: {c.get('kind')} {c.get('quote')!r}" for c in cues] or ["cues: none"]
    return lines
