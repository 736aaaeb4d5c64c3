"""Mechanisms of clause and attribution that recur across real documents, each with its own
example sentences (written for these tests, none taken from a corpus document): a list of
predicative adjectives after a linking verb."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import ActorIndex, draft_sentence
from claimset.draft.predicative_lists import in_predicative_list
from claimset.draft.sentence import Sentence

PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The essay's author", "kind": "author"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
        {"id": "analysts", "name": "analysts", "aliases": ["experts"], "kind": "group"},
        {
            "id": "taro_kono",
            "name": "Taro Kono",
            "aliases": ["Foreign Minister Kono"],
            "kind": "person",
            "state": "japan",
        },
    ]
)


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span) of each drafted claim."""
    return [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"])
        for c in draft_sentence(text, PARTIES)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of predicative adjectives after a linking verb is one predicate: the span takes
        # the whole list (§7.2), past a serial comma and an adjective with its complement.
        (
            "Experts assess that the alliance remains underfunded, understaffed, and unable "
            "to deter state-sponsored raids.",
            [
                (
                    "analysts",
                    "belief",
                    "the alliance remains underfunded, understaffed, and unable to deter "
                    "state-sponsored raids",
                )
            ],
        ),
        # Items may be pairs of adjectives joined by "and" or "but", with adverbs of degree.
        (
            "Tokyo wants a Seoul that is stable and prosperous, open to trade but wary of "
            "debt, and firmly committed to the alliance.",
            [
                (
                    "japan",
                    "desire",
                    "wants a Seoul that is stable and prosperous, open to trade but wary of "
                    "debt, and firmly committed to the alliance",
                )
            ],
        ),
        # A report frame after the list is no item of it.
        (
            "The plan is costly, slow and unpopular, officials say.",
            [("author", "belief", "The plan is costly, slow and unpopular")],
        ),
    ],
)
def test_a_list_of_predicative_adjectives_is_one_predicate(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo is weak, Seoul is strong, and Beijing is rising.",  # clauses with subjects
        "The talks were cordial, and both sides agreed to meet again.",
        "Seoul is wary, but Tokyo is calm.",
        "The plan is costly, and Seoul knows it.",  # two adjectives are no such list
        # An adverbial clause after the adjective is no item.
        "A thaw is possible, as the leaders met in May and agreed to talk.",
    ],
)
def test_clauses_after_an_adjective_are_no_predicative_list(text: str) -> None:
    s = Sentence(text)
    assert not any(in_predicative_list(s, i) for i in range(s.n) if s.low[i] in (",", "but"))
