"""Which evidence links to draft, chosen by held-out precision (docs/drafting.md, rule 11).

Usage (from the repository root; `make evidence-heldout`):
    PYTHONPATH=tools:benchmarks .venv/bin/python benchmarks/evidence_heldout.py [--by set|doc]
        [--min N] [--linear]

Every candidate link of the readable documents (`evidence_candidates.py`) falls in a cell of
a tree: the mechanism's family (an explicit support marker, adjacency, a report before the
claim, an unmarked report clause of the claim's sentence), the mechanism, whether a veto of
`rules/evidence_links.py` refuses it, whether the document narrates, whether the claim is alone
in its sentence, whether its sentence opens the paragraph. A cell is kept when its precision,
read at the deepest node of its path that holds at least `--min` candidates (default 4), is
0.6 or more. Held out: for each set (or document, `--by doc`) the cells are chosen on the
other sets only, and the set is scored with that choice. Prints the held-out precision /
recall / F1 per set and pooled beside the rules before the choice (in-sample), and the cells
chosen on all the sets: what the drafter ships (`topic-claim`). `--linear`: the same choice
made by a logistic regression instead (left out by document), for comparison.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from evidence_candidates import candidates, gold_links
from gold_sets import READABLE, documents

#: The precision a kept cell must reach (the issue's aim for evidence).
AIM = 0.6

Cell = tuple[Any, ...]

#: The veto this choice made (`topic-claim`, rules/evidence_links.py): left out of the tree,
#: whose levels below the veto are the conditions it states.
CHOSEN = "topic-claim"

#: Cells the tree drops on every readable set that `topic-claim` still links, with why: after
#: a sentence of several claims in a document that argues (0 right of 5 on the readable sets,
#: three documents), refusing the link cost blind3 (validation, pooled only) a right link and a
#: document's evidence floors (session 12). Marked `w` in the cells list.
WAITING: frozenset[Cell] = frozenset([("adjacency", "adjacency", False, False, False)])

#: The fewest candidates a node needs for its precision to decide (see `kept`).
DEFAULT_LEAST = 4

#: The mechanisms between sentences that an explicit marker makes.
_MARKERS = frozenset(["enumeration", "consequence"])


def cell(row: dict[str, Any]) -> Cell:
    """The path of a candidate in the tree, from the family down."""
    mech = row["mechanism"]
    # An explicit support marker, inside the sentence (*because*, a colon ...) or between
    # sentences (*For example,*, a consequence verb): one family, whatever their number.
    family = "marker" if mech.startswith("in:") or mech in _MARKERS else mech
    feats = row["features"]
    vetoed = any(v != CHOSEN for v in row["vetoes"])
    return (family, mech, vetoed, "narrating" in feats, "claims=1" in feats, "position=0" in feats)


def waiting(path: Cell) -> bool:
    """Whether a cell lies under one of `WAITING`."""
    return any(path[: len(w)] == w for w in WAITING)


def counts(rows: Iterable[dict[str, Any]]) -> dict[Cell, list[int]]:
    """Right and drafted candidates at every node of the tree."""
    out: dict[Cell, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        path = cell(row)
        for depth in range(1, len(path) + 1):
            out[path[:depth]][0] += row["right"]
            out[path[:depth]][1] += 1
    return out


def kept(stats: dict[Cell, list[int]], path: Cell, least: int) -> bool:
    """Whether the deepest node of the path with `least` candidates reaches the aim."""
    for depth in range(len(path), 0, -1):
        right, n = stats.get(path[:depth], (0, 0))
        if n >= least:
            return right / n >= AIM
    return False


def held_out(rows: list[dict[str, Any]], key: str, least: int) -> dict[str, tuple[int, int]]:
    """Per set, (right, drafted) of the links kept by the cells chosen without its group."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group in sorted({r[key] for r in rows}):
        stats = counts(r for r in rows if r[key] != group)
        for r in rows:
            if r[key] == group and kept(stats, cell(r), least):
                out[r["set"]][0] += r["right"]
                out[r["set"]][1] += 1
    return {s: (out[s][0], out[s][1]) for s in out}


def line(name: str, per_set: dict[str, tuple[int, int]], gold: dict[str, int]) -> str:
    """Precision / recall / F1 of one set (or pooled)."""
    right = sum(per_set.get(s, (0, 0))[0] for s in gold)
    drafted = sum(per_set.get(s, (0, 0))[1] for s in gold)
    total = sum(gold.values())
    p = right / drafted if drafted else 0.0
    r = right / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:8s} P {p:.2f} R {r:.2f} F1 {f:.2f}  ({right} right of {drafted}, {total} gold)"


def before_choice(row: dict[str, Any]) -> bool:
    """Whether the rules before this choice draft the candidate."""
    mech = row["mechanism"]
    drafted = mech in ("adjacency", "enumeration", "consequence") or mech.startswith("in:")
    return drafted and not any(v != CHOSEN for v in row["vetoes"])


def report(rows: list[dict[str, Any]], gold: dict[str, int], key: str, least: int) -> None:
    """The held-out table, today's rules beside it, and the cells chosen on every set."""
    now = {s: (0, 0) for s in gold}
    for r in rows:
        if before_choice(r):
            a, n = now[r["set"]]
            now[r["set"]] = (a + r["right"], n + 1)
    chosen = held_out(rows, key, least)
    print(f"held out by {key} (cells chosen without the {key}), beside today's rules in-sample:")
    for s in gold:
        print(f"  {line(s, chosen, {s: gold[s]})}   today {line('', now, {s: gold[s]})[9:]}")
    print(f"  {line('pooled', chosen, gold)}   today {line('', now, gold)[9:]}")
    stats = counts(rows)
    print("cells on every set (right/candidates; + kept):")
    leaves = sorted({cell(r) for r in rows}, key=str)
    for path in leaves:
        right, n = stats[path]
        mark = "+" if kept(stats, path, least) else "w" if waiting(path) else " "
        print(f"  {mark} {right:3d}/{n:3d}  {' '.join(map(str, path))}")


def linear_held_out(rows: list[dict[str, Any]], gold: dict[str, int], least: int) -> None:
    """The same choice made by a logistic regression (`benchmarks/linear.py`) instead of the
    tree, for the links between sentences (adjacency, a report before the claim), left out
    one document at a time; the links inside a sentence keep the tree's choice."""
    from linear import train

    def features(row: dict[str, Any]) -> list[str]:
        vetoes = [f"veto={v}" for v in row["vetoes"] if v != CHOSEN]
        return [*row["features"], *vetoes, "vetoed" if vetoes else "unvetoed"]

    between = ("adjacency", "before")
    scored: list[tuple[float, dict[str, Any]]] = []
    for doc in sorted({r["doc"] for r in rows}):
        examples = [
            (features(r), "right" if r["right"] else "wrong")
            for r in rows
            if r["doc"] != doc and r["mechanism"] in between
        ]
        model = train(examples, ["right", "wrong"])
        stats = counts(r for r in rows if r["doc"] != doc)
        for r in rows:
            if r["doc"] != doc:
                continue
            if r["mechanism"] in between:
                scored.append((model.probabilities(features(r))["right"], r))
            elif kept(stats, cell(r), least):
                scored.append((1.0, r))
    print("logistic regression for the links between sentences, left out by document:")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        per_set: dict[str, tuple[int, int]] = {}
        for p, r in scored:
            if p >= threshold:
                a, n = per_set.get(r["set"], (0, 0))
                per_set[r["set"]] = (a + r["right"], n + 1)
        print(f"  {line(f'p>={threshold}', per_set, gold)}")


def main(argv: list[str]) -> int:
    key = "set"
    least = DEFAULT_LEAST
    if "--by" in argv:
        key = argv[argv.index("--by") + 1]
    if "--min" in argv:
        least = int(argv[argv.index("--min") + 1])
    rows: list[dict[str, Any]] = []
    gold: dict[str, int] = {}
    for name in READABLE:
        gold[name] = gold_links(name)
        for doc, root in documents(name):
            for row in candidates(doc, root):
                row["set"] = name
                rows.append(row)
    report(rows, gold, key, least)
    if "--linear" in argv:
        linear_held_out(rows, gold, least)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
