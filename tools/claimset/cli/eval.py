"""`claimset eval`: PRED's claims scored against GOLD's (wraps `claimset.evaluate.evaluate`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape

from ._shared import handle_errors, print_numbers, stderr, stdout, text_or_json

if TYPE_CHECKING:
    from ..eval_errors import SentenceErrors
    from ..evaluate import EvalReport


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path))
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="Also list every false positive and negative, per sentence and field, gold beside "
    "prediction.",
)
@click.option(
    "--baseline",
    "with_baseline",
    is_flag=True,
    help="Also score the trivial baseline (one certain author belief spanning each sentence) on "
    "the same gold, and show PRED's margin over it.",
)
@text_or_json
@handle_errors
def eval_cli(gold: Path, pred: Path, show_errors: bool, with_baseline: bool, fmt_: str) -> None:
    """Precision, recall and F1 of PRED's claims against GOLD's, per field.

    GOLD and PRED are annotation files or folders of them; only `done` and `reviewed` gold
    sentences are scored, each against the PRED sentence of the same id, or of the same place
    (document, offsets, text) when the ids differ. Claims are paired within a sentence by the
    largest expectation-span overlap. Hedge cues are scored as in CoNLL-2010 (exact span and
    kind). A measure with nothing to measure (precision without predictions, recall without
    gold, an accuracy without paired claims) prints n/a (null in JSON), never 0.
    """
    from ..evaluate import evaluate

    report = evaluate([gold], [pred], errors=show_errors, baseline=with_baseline)
    if not report.sentences:
        stderr().print(
            f"[yellow]warning:[/] no sentence scored: {escape(str(gold))} holds no `done` or "
            "`reviewed` sentence whose text PRED shares (the order is GOLD PRED)"
        )
    print_numbers(_Measured(report), fmt_, lambda shown: render_eval(shown.report))


class _Measured:
    """The report as `eval` prints it: n/a (JSON null) where there is nothing to measure."""

    def __init__(self, report: EvalReport) -> None:
        self.report = report

    def to_dict(self) -> dict[str, Any]:
        return self.report.to_dict(measured_only=True)


def _ratio(value: float | None, spec: str = ".3f") -> str:
    return "n/a" if value is None else format(value, spec)


def render_eval(report: EvalReport) -> None:
    """The scores, the accuracies and the certainty confusion (of `EvalReport.to_dict()`)."""
    from rich.table import Table

    from ..evaluate import MEASURES

    data = report.to_dict(measured_only=True)
    out = stdout()
    sents, claims = data["sentences"], data["claims"]
    out.print(
        f"{sents['scored']} gold sentences scored ({sents['missing_prediction']} without "
        f"prediction, {sents['text_mismatch']} with another text skipped); "
        f"{claims['gold']} gold claims, {claims['predicted']} predicted, {claims['paired']} paired"
    )
    if report.errors is not None:
        render_errors(report.errors)
    base = data.get("baseline", {}).get("scores")
    t = Table(show_edge=False)
    for name, justify in (("measure", "left"), ("P", "right"), ("R", "right"), ("F1", "right")):
        t.add_column(name, justify=justify)  # type: ignore[arg-type]
    for name in ("TP", "FP", "FN") + (("baseline F1", "margin") if base else ()):
        t.add_column(name, justify="right")
    for key, label in MEASURES.items():
        s = data["scores"][key]
        cells = [_ratio(s["precision"]), _ratio(s["recall"]), _ratio(s["f1"])]
        cells += [str(s["tp"]), str(s["fp"]), str(s["fn"])]
        if base:
            cells += [_ratio(base[key]["f1"]), _ratio(data["margin"][key], "+.3f")]
        t.add_row(label, *cells)
    out.print(t)
    acc = Table(show_edge=False)
    acc.add_column("on paired claims")
    acc.add_column("accuracy", justify="right")
    acc.add_column("n", justify="right")
    for key, value in data["accuracy"].items():
        acc.add_row(key.replace("_", " "), _ratio(value["accuracy"]), str(value["total"]))
    out.print(acc)
    conf = Table(title="certainty: gold (rows) × predicted", title_justify="left", show_edge=False)
    conf.add_column("")
    labels = list(data["certainty_confusion"])
    for label in labels:
        conf.add_column(label, justify="right")
    for label in labels:
        row = data["certainty_confusion"][label]
        conf.add_row(label, *(str(row[p]) for p in labels))
    out.print(conf)


def render_errors(errors: list[SentenceErrors]) -> None:
    """Each sentence with a disagreement: its id and text, then field | gold | predicted."""
    from rich.table import Table

    from ..eval_errors import count_fields

    out = stdout()
    for sentence in errors:
        out.print(f"[bold]{escape(sentence.id)}[/]  {escape(sentence.text)}")
        t = Table(show_edge=False, show_header=False, padding=(0, 1))
        t.add_column("field", style="cyan")
        t.add_column("gold", overflow="fold", ratio=1)
        t.add_column("predicted", overflow="fold", ratio=1)
        for e in sentence.errors:
            t.add_row(
                escape(e.field),
                escape(f"gold: {e.gold}") if e.gold is not None else "[dim]gold: —[/]",
                escape(f"pred: {e.predicted}") if e.predicted is not None else "[dim]pred: —[/]",
            )
        out.print(t)
        out.print()
    counts = count_fields(errors)
    summary = ", ".join(f"{field} {n}" for field, n in sorted(counts.items(), key=lambda x: -x[1]))
    out.print(f"{len(errors)} sentences with errors ({summary or 'none'})")
    out.print()
