"""Negation as written (guidelines §10; `clauses.is_negated`): a contraction with a typographic
apostrophe is a negation, and a focus construction that looks like one is none. The sentences
are written for these tests, none taken from a corpus document."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import registry

PARTIES = registry("author", "japan", "south_korea")


def polarities(text: str) -> list[str]:
    return [c["polarity"] for c in draft_sentence(text, PARTIES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "n’t" with a typographic apostrophe negates like "n't".
        ("Tokyo doesn’t need a new base.", ["negative"]),
        ("Tokyo doesn't need a new base.", ["negative"]),
        ("The old policy isn’t working.", ["negative"]),
        # Focus constructions add or restrict a focus: the predicate stays positive (§10, v1.3).
        ("The pact will not only calm Seoul but also reassure Tokyo.", ["positive"]),
        (
            "It would be a mistake to dismiss the protest as nothing more than theatre.",
            ["positive"],
        ),
        ("The pact is nothing but a delay.", ["positive"]),
        # A plain negation stays negative.
        ("The pact will not calm Seoul.", ["negative"]),
    ],
)
def test_negation_as_written(text: str, expected: list[str]) -> None:
    assert polarities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A negation among the auxiliaries or in the subject governs every coordinated predicate.
        ("Tokyo will not protest and recall its ambassador.", ["negative", "negative"]),
        ("Nothing Seoul could do could calm Tokyo and restore trust.", ["negative", "negative"]),
        # A negation inside the first predicate's object does not.
        ("Tokyo will protest nothing and recall its ambassador.", ["negative", "positive"]),
    ],
)
def test_negated_auxiliary_governs_every_conjunct(text: str, expected: list[str]) -> None:
    assert polarities(text) == expected
