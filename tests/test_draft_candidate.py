"""`build_candidate`, where every expectation rule turns a cue into a claim in the making: its
region (what the hedge and actor rules read as the claim's clause) and its polarity."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from claimset.draft.candidate import build_candidate
from claimset.draft.sentence import Sentence
from draft_samples import registry

PARTIES = registry("russia", "south_korea")

# Tokens: Tokyo(0) said(1) that(2) Seoul(3) wants(4) Moscow(5) to(6) stay(7) neutral(8) .(9)
SENTENCE = "Tokyo said that Seoul wants Moscow to stay neutral."


@pytest.mark.parametrize(
    ("cue", "holder", "span", "start", "region"),
    [
        (4, (3, 4), (5, 9), 0, (0, 9)),  # the clause start comes first
        (4, (3, 4), (5, 9), 5, (3, 9)),  # the holder's name does
        (4, None, (5, 9), 5, (4, 9)),  # the cue does
        (6, None, (3, 9), 5, (3, 9)),  # the span does
    ],
)
def test_the_region_runs_from_the_first_of_clause_holder_cue_and_span(
    cue: int,
    holder: tuple[int, int] | None,
    span: tuple[int, int],
    start: int,
    region: tuple[int, int],
) -> None:
    # Whatever the rule passed as the clause start, the region covers the holder's name, the
    # cue and the span: a hedge or an actor there is read as this claim's.
    cand = build_candidate(
        Sentence(SENTENCE), cue, "desire", "holder", ["x"], holder, span, start, None
    )
    assert cand is not None
    assert cand.region == region
    assert cand.span == span


def test_an_empty_span_makes_no_candidate() -> None:
    s = Sentence(SENTENCE)
    assert build_candidate(s, 4, "desire", "holder", ["x"], (3, 4), (5, 5), 0, None) is None


def test_a_negation_before_the_holder_does_not_negate_the_attitude() -> None:
    # The holder's negation is looked for between the holder's name and the cue: a "not" in
    # an adverbial before the name is not the attitude's.
    (claim,) = draft_sentence("Not surprisingly Seoul wants Moscow to stay neutral.", PARTIES)
    assert claim["actor"]["ref"] == "south_korea"
    assert claim["polarity"] == "positive"
    (claim,) = draft_sentence("Seoul does not want Moscow to stay neutral.", PARTIES)
    assert claim["polarity"] == "negative"
