"""Clause boundaries of `draft/sentence.py` seen in the drafted claims: where a span ends (an
adverbial *as* clause with its own subject and finite verb), and the commas of a list or of
two adjectives that do not end it. Sentences written for these tests, none taken from a corpus
document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import ActorIndex, draft_sentence

PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The essay's author", "kind": "author"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
        {"id": "china", "name": "China", "aliases": ["Beijing", "Chinese"], "kind": "state"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "russia", "name": "Russia", "kind": "state"},
        {"id": "allies", "name": "the allies", "kind": "group"},
    ]
)


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span, quotes of the evidence in the sentence) of each drafted claim."""
    return [
        (
            c["actor"]["ref"],
            c["expectation"]["type"],
            c["expectation"]["quote"],
            [e["quote"] for e in c["evidence"]],
        )
        for c in draft_sentence(text, PARTIES)
    ]


WIN = "Seoul will probably win the vote"


@pytest.mark.parametrize(
    "clause",
    [
        "as Tokyo has withdrawn",
        "as the rivals have split",
        "as they have split",
        "as its rivals and allies have split",
        "as Tokyo and Beijing have split",
    ],
)
def test_an_as_clause_with_its_own_subject_and_verb_ends_the_span_and_supports_it(
    clause: str,
) -> None:
    assert claims(f"{WIN} {clause}.") == [
        ("author", "prediction", WIN, [clause.removeprefix("as ")])
    ]


@pytest.mark.parametrize(
    "clause",
    [
        # A relative clause after the noun: *as* before a noun phrase, no clause of its own.
        "as its rivals who lost have split",
        "as its rivals that lost have split",
        # An indefinite noun phrase: *as* its role (*as a rival*), whatever follows.
        "as a rival has withdrawn",
        "as an ally has withdrawn",
        # No finite verb: a phrase.
        "as a result",
        "as part of the deal",
    ],
)
def test_an_as_phrase_stays_in_the_span(clause: str) -> None:
    assert claims(f"{WIN} {clause}.") == [("author", "prediction", f"{WIN} {clause}", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two adjectives of one noun, and a list of long items after *including*.
        (
            "At the 2024 summit, the allies welcomed recent and planned projects that advance a "
            "free and open Pacific, including work on port security, undersea cables, new "
            "technology, and disaster relief.",
            (
                "allies",
                "belief",
                "welcomed recent and planned projects that advance a free and open Pacific, "
                "including work on port security, undersea cables, new technology, and disaster "
                "relief",
            ),
        ),
        (
            "The alliance has implications for Japan, including trade flows in the region, the "
            "cost of sanctions against Russia and China, and the strength of Japan's navy and "
            "coast guard.",
            (
                "author",
                "belief",
                "The alliance has implications for Japan, including trade flows in the region, "
                "the cost of sanctions against Russia and China, and the strength of Japan's navy "
                "and coast guard",
            ),
        ),
        # A list of short items with a serial comma.
        (
            "Seoul has criticized Chinese tariffs, quotas, and bans on imports as meddling in "
            "its economy, but also urged its firms to diversify.",
            (
                "south_korea",
                "belief",
                "criticized Chinese tariffs, quotas, and bans on imports as meddling in its "
                "economy",
            ),
        ),
    ],
)
def test_the_commas_of_a_list_do_not_end_the_span(text: str, expected: tuple[str, ...]) -> None:
    assert [c[:3] for c in claims(text)] == [expected]
