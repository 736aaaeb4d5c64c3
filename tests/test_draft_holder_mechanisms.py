"""Holders and types of claims that exist, by mechanism (guidelines §4.3, §4.5, §6.1, §8):
a party's name modifying a noun holds nothing, a verb phrase with its particle keeps its
frame. The sentences are written for these tests, none taken from a corpus document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import ActorIndex, draft_sentence

PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The essay's author", "kind": "author"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
        {"id": "united_states", "name": "United States", "aliases": ["U.S."], "kind": "state"},
        {"id": "eu", "name": "European Union", "aliases": ["EU"], "kind": "organization"},
        {"id": "analysts", "name": "analysts", "aliases": ["experts"], "kind": "group"},
    ]
)


def claims(text: str, speaks_for: str | None = None) -> list[tuple[Any, ...]]:
    """(holder, type, span) of each drafted claim."""
    return [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"])
        for c in draft_sentence(text, PARTIES, speaks_for=speaks_for)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name inside an object or a prepositional object modifies the noun after it: the
        # attitude word is a noun, its party holds nothing (§4.3).
        (
            "Seoul resisted U.S. demands for higher payments.",
            [],
        ),
        (
            "The ruling weakened EU pressure on Tokyo.",
            [],
        ),
        (
            "Seoul remains exposed to EU and U.S. economic pressure.",
            [],
        ),
        # A name that opens the clause is its subject: the verb stays a verb.
        (
            "The U.S. demands that Tokyo lift the ban.",
            [("united_states", "demand", "Tokyo lift the ban")],
        ),
        # A noun with a content of its own keeps it (§4.5): the party's demand.
        (
            "The plan restated U.S. demands that Tokyo lift the ban.",
            [("united_states", "demand", "Tokyo lift the ban")],
        ),
    ],
)
def test_a_name_that_modifies_a_noun_holds_nothing(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


def test_a_progressive_verb_keeps_its_particle() -> None:
    # "advocating for X" is the verb with its particle, not the noun "advocate for".
    assert claims("Seoul has been advocating for a ceasefire.") == [
        ("south_korea", "demand", "advocating for a ceasefire")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A source the text does not name is an outside commentator's (§14.2): the party's
        # "must" in its words is its demand (§8.2).
        (
            "According to one analysis, Tokyo must reopen the talks.",
            [("analysts", "demand", "Tokyo must reopen the talks")],
        ),
        (
            "According to a recent study, the sanctions are a mistake.",
            [("analysts", "belief", "the sanctions are a mistake")],
        ),
        # A figure stays a report, whoever gives it (§4.5).
        ("According to one estimate, Seoul spent $4 billion on the base.", []),
        # A named party stays the holder; a view noun names it too.
        (
            "In the appraisal of Seoul, the sanctions are a mistake.",
            [("south_korea", "belief", "the sanctions are a mistake")],
        ),
    ],
)
def test_a_source_frame_without_a_party(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date between a verb of judgement and its that-clause: the party's claim.
        (
            "Seoul concluded in March 2024 that the pact is a mistake.",
            [("south_korea", "belief", "the pact is a mistake")],
        ),
        (
            "Tokyo assessed in 2025 that the talks are a dead end.",
            [("japan", "belief", "the talks are a dead end")],
        ),
        # Not a relative clause of an object (*knew ... the deal that ...*).
        ("Tokyo knew in 2016 the deal that was signed.", []),
    ],
)
def test_a_date_before_the_that_clause(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unnamed critics, scholars, an expert: the one group of outside commentators (§14.2).
        (
            "Some critics of the deal warn that it could collapse.",
            [("analysts", "prediction", "it could collapse")],
        ),
        (
            "One scholar argued that the pact is a mistake.",
            [("analysts", "belief", "the pact is a mistake")],
        ),
    ],
)
def test_unnamed_commentators_are_one_group(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


def test_commentators_need_the_group_in_the_registry() -> None:
    # Without a registered group of commentators, the holder is the party of the context.
    parties = ActorIndex(
        [
            {"id": "author", "name": "The essay's author", "kind": "author"},
            {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        ]
    )
    found = draft_sentence(
        "Some critics argue that the pact is a mistake.", parties, recent=["japan"]
    )
    assert [c["actor"]["ref"] for c in found] == ["japan"]
