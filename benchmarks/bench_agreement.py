"""Inter-annotator agreement: `claimset eval` of each second annotation against its gold.

Writes the figures into docs/agreement.md (between the `agreement:start/end` markers), which the
dataset card includes, and prints them. Run: `.venv/bin/python benchmarks/bench_agreement.py`.

Studies:
- held-out essays (tests/data/essays/<name>/): gold by one annotator, a second annotation
  (agreement/heldout/<ann>/<name>.jsonl) by an independent annotator who read only SPEC and
  the guidelines;
- the seed essay: the corpus gold against agreement/ann2/ (also scored by `claimset export`).
"""

from __future__ import annotations

import re
from pathlib import Path

from claimset.evaluate import MEASURES, evaluate

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "agreement.md"
# Every measure `claimset eval` reports, but the span-only cue score (cues says it all here).
SHOWN = [key for key in MEASURES if key != "cues_span"]


def studies() -> list[tuple[str, Path, Path]]:
    """(label, gold file, second annotation) for every second annotation on disk."""
    found = []
    for other in sorted((REPO / "agreement" / "heldout").glob("*/*.jsonl")):
        name = other.stem
        gold = REPO / "tests/data/essays" / name / "corpus/annotations" / f"{name}.jsonl"
        if gold.is_file():
            found.append((f"{name} (held out) vs {other.parent.name}", gold, other))
    for other in sorted((REPO / "agreement").glob("ann*/*.jsonl")):
        gold = REPO / "corpus/annotations" / other.name
        if gold.is_file():
            found.append((f"{other.stem[:12]}… (seed) vs {other.parent.name}", gold, other))
    return found


def table() -> str:
    rows = []
    header = ["measure (F1)", *(label for label, _, _ in studies())]
    reports = [evaluate([gold], [other]).to_dict() for _, gold, other in studies()]
    for key in SHOWN:
        cells = [f"{r['scores'][key]['f1']:.3f}" for r in reports]
        rows.append([MEASURES[key], *cells])
    for key in ("certainty", "expectation_type", "target"):
        cells = [f"{r['accuracy'][key]['accuracy']:.3f}" for r in reports if key in r["accuracy"]]
        if len(cells) == len(reports):
            rows.append([f"{key} accuracy on paired claims", *cells])
    claims = [f"{r['claims']['gold']} / {r['claims']['predicted']}" for r in reports]
    rows.append(["claims (gold / second)", *claims])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    text = table()
    doc = DOC.read_text(encoding="utf-8")
    doc = re.sub(
        r"<!-- agreement:start -->.*?<!-- agreement:end -->",
        lambda _m: f"<!-- agreement:start -->\n{text}\n<!-- agreement:end -->",
        doc,
        flags=re.S,
    )
    DOC.write_text(doc, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
