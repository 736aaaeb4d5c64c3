"""The drafter's rules, one module per claim component.

Importing this package registers every rule (`..registry`): the frames of expectation cues
(`expectation_verbs`, `expectation_stance`, `expectation_author`), the complements verbs need
(`complements`), the hedge context rules (`hedge_context`) and the insertions that interrupt a
clause (`insertion`). The other modules hold the rules
the pipeline calls in order: `actor`, `coordination`, `judgement`, `hedge`, `report_frame`,
`target`, `evidence`.
"""

from __future__ import annotations

from . import (
    actor,
    complements,
    coordination,
    evidence,
    evidence_links,
    expectation,
    expectation_author,
    expectation_stance,
    expectation_verbs,
    hedge,
    hedge_context,
    insertion,
    judgement,
    report_frame,
    target,
)

__all__ = [
    "actor",
    "complements",
    "coordination",
    "evidence",
    "evidence_links",
    "expectation",
    "expectation_author",
    "expectation_stance",
    "expectation_verbs",
    "hedge",
    "hedge_context",
    "insertion",
    "judgement",
    "report_frame",
    "target",
]
