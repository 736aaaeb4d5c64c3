"""A speaker's false start: words broken off at a dash and begun again (guidelines §7.1: the
span is the proposition stated; the broken-off words state nothing). Examples and non-examples
are our own sentences (no sentence of the real essays under corpus/)."""

from __future__ import annotations

import pytest
from claimset.draft.sentence import Sentence
from test_draft_spans import claims


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("This will be — this will blunt fuel prices.", "this will blunt fuel prices"),
        ("We can't -- we won't wait for Tokyo.", "we won't wait for Tokyo"),
        ("Tokyo will be - Tokyo will remain a partner.", "Tokyo will remain a partner"),
        ("Seoul hopes — Seoul hopes that Tokyo will agree.", "Tokyo will agree"),
        (
            "But as they will — but as they leave, Moscow will gain ground.",
            "Moscow will gain ground",
        ),
        ("Some of them – some of them may defect.", "some of them may defect"),
    ],
)
def test_the_repair_is_the_clause_and_the_false_start_makes_no_claim(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A dash before a new clause with another first word: two statements.
        (
            "Seoul will grow — its exports will double.",
            ["Seoul will grow", "its exports will double"],
        ),
        # A parenthesis between two dashes repeats a word but breaks nothing off.
        ("Moscow — Moscow alone — will decide.", ["Moscow — Moscow alone — will decide"]),
        # A long first stretch is a statement, not a false start.
        (
            "Tokyo will raise its budget for the navy — Tokyo will need it.",
            ["Tokyo will raise its budget for the navy", "Tokyo will need it"],
        ),
        # A hyphen inside a word is no dash.
        ("The long-term plan will hold.", ["The long-term plan will hold"]),
    ],
)
def test_no_false_start(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans
    assert not Sentence(text).broken
