"""Evaluative verbs with an object are the speaker's beliefs (guidelines §4.5: *criticize, praise,
welcome, applaud, condemn, speak out against*), in any spelling and tense."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence

ACTORS = [{"id": "south_korea", "name": "South Korea", "kind": "state", "aliases": ["Seoul"]}]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Seoul criticised the new tariffs.", "criticised the new tariffs"),
        ("Seoul applauded the ceasefire.", "applauded the ceasefire"),
        (
            "In May, Seoul spoke out against the new visa rules.",
            "spoke out against the new visa rules",
        ),
        ("Seoul speaks out against the base.", "speaks out against the base"),
    ],
)
def test_an_evaluative_verb_is_the_subjects_belief(text: str, span: str) -> None:
    got = [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"])
        for c in draft_sentence(text, ACTORS)
    ]
    assert got == [("south_korea", "belief", span)]


def test_speaking_out_about_a_topic_is_no_evaluation() -> None:
    """Only *against* + an object evaluates; *speak out about* names a topic."""
    claims = draft_sentence("Seoul spoke out about the new visa rules in May.", ACTORS)
    assert not [c for c in claims if c["actor"]["ref"] == "south_korea"]
