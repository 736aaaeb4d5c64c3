"""The evidence veto chosen by held-out figures is still what its method chooses
(`benchmarks/evidence_heldout.py`, docs/drafting.md rule 11): when a change to the drafter
moves the cells' figures so that the choice changes, re-run `make evidence-heldout` and
change `topic-claim` (or its conditions) with it. The cells the tree drops but validation
refused (`WAITING`) are checked to stay what they are."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from evidence_candidates import candidates
from evidence_heldout import CHOSEN, DEFAULT_LEAST, cell, counts, kept, waiting
from gold_sets import READABLE, documents


def test_topic_claim_refuses_exactly_the_adjacency_cells_the_tree_drops() -> None:
    rows = [
        {**row, "set": name}
        for name in READABLE
        for doc, root in documents(name)
        for row in candidates(doc, root)
    ]
    stats = counts(rows)
    adjacency = [
        r
        for r in rows
        if r["mechanism"] == "adjacency" and not any(v != CHOSEN for v in r["vetoes"])
    ]
    assert adjacency
    differ = [
        (r["doc"], r["target"], r["source"])
        for r in adjacency
        if not waiting(cell(r)) and kept(stats, cell(r), DEFAULT_LEAST) == (CHOSEN in r["vetoes"])
    ]
    assert not differ, f"the tree and `{CHOSEN}` disagree on {differ}"
    # The cells left waiting (`WAITING`, refused by validation) are still ones the tree drops
    # and `topic-claim` links: when either changes, choose again.
    waits = [r for r in adjacency if waiting(cell(r))]
    assert waits
    assert not any(kept(stats, cell(r), DEFAULT_LEAST) or CHOSEN in r["vetoes"] for r in waits)
