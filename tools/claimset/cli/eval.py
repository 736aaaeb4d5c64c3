"""`claimset eval`: PRED's claims scored against GOLD's (wraps `claimset.evaluate.evaluate`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ._shared import handle_errors, print_numbers, stderr, stdout, text_or_json

if TYPE_CHECKING:
    from ..evaluate import EvalReport


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("pred", type=click.Path(path_type=Path))
@text_or_json
@handle_errors
def eval_cli(gold: Path, pred: Path, fmt_: str) -> None:
    """Precision, recall and F1 of PRED's claims against GOLD's, per field.

    GOLD and PRED are annotation files or folders of them; only `done` and `reviewed` gold
    sentences are scored. Claims are paired within a sentence by the largest expectation-span
    overlap. Hedge cues are scored as in CoNLL-2010 (exact span and kind).
    """
    from ..evaluate import evaluate

    report = evaluate([gold], [pred])
    if not report.sentences:
        stderr().print(
            f"[yellow]warning:[/] no sentence scored: {escape(str(gold))} holds no `done` or "
            "`reviewed` sentence whose text PRED shares (the order is GOLD PRED)"
        )
    print_numbers(report, fmt_, render_eval)


def render_eval(report: EvalReport) -> None:
    """The scores, the accuracies and the certainty confusion (of `EvalReport.to_dict()`)."""
    from rich.table import Table

    from ..evaluate import MEASURES

    data = report.to_dict()
    out = stdout()
    sents, claims = data["sentences"], data["claims"]
    out.print(
        f"{sents['scored']} gold sentences scored ({sents['missing_prediction']} without "
        f"prediction, {sents['text_mismatch']} with another text skipped); "
        f"{claims['gold']} gold claims, {claims['predicted']} predicted, {claims['paired']} paired"
    )
    t = Table(show_edge=False)
    for name, justify in (("measure", "left"), ("P", "right"), ("R", "right"), ("F1", "right")):
        t.add_column(name, justify=justify)  # type: ignore[arg-type]
    for name in ("TP", "FP", "FN"):
        t.add_column(name, justify="right")
    for key, label in MEASURES.items():
        s = data["scores"][key]
        t.add_row(
            label,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
        )
    out.print(t)
    acc = Table(show_edge=False)
    acc.add_column("on paired claims")
    acc.add_column("accuracy", justify="right")
    acc.add_column("n", justify="right")
    for key, value in data["accuracy"].items():
        acc.add_row(key.replace("_", " "), f"{value['accuracy']:.3f}", str(value["total"]))
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
