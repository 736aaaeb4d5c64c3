"""The author's judgements (guidelines §4.4): which main clauses are the author's claims."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence


def spans(text: str) -> list[tuple[str, str, str]]:
    """(actor, type, span) of every claim drafted for one sentence."""
    return [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"])
        for c in draft_sentence(text)
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Taiwan held its elections without incident, in part because all sides "
            "worked to reduce misperception.",
            "Taiwan held its elections without incident",
        ),
        (
            "Seoul cancelled the talks in 2019 because Tokyo refused to apologize.",
            "Seoul cancelled the talks in 2019",
        ),
        ("The talks collapsed, largely because of the cost.", "The talks collapsed"),
    ],
)
def test_a_narrated_fact_the_author_explains_is_a_judgement(text: str, span: str) -> None:
    """A causal link the author asserts (*because*) makes a past report the author's belief."""
    assert spans(text) == [("author", "belief", span)]


@pytest.mark.parametrize(
    "text",
    [
        "Seoul cancelled the talks in 2019.",
        "The talks collapsed in May, and the envoys went home.",
        "Seoul cancelled the talks in 2019, a year after the summit.",
    ],
)
def test_a_narrated_fact_without_an_explanation_stays_a_report(text: str) -> None:
    assert spans(text) == []
