"""Figures and saying words in the fact signals (`draft/rules/signals.py`): which facts are
`statistic`, `event` or `statement` evidence (guidelines §13.3)."""

from __future__ import annotations

import pytest
from claimset.draft import draft_document
from claimset.draft.rules.signals import day_of_month, statement_in_names_only
from claimset.draft.sentence import Sentence
from draft_samples import registry

PARTIES = registry(
    "author",
    "japan",
    "south_korea",
    {
        "id": "united_states",
        "name": "United States",
        "aliases": ["Washington"],
        "kind": "state",
    },
)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Talks resumed on April 9 in Tokyo.", "9", True),
        ("On August 10, 2025, Seoul cut its imports.", "10", True),
        # an amount after a month's name is no day; a year is a date of its own kind
        ("In May 2025 Seoul cut 40 percent of its imports.", "40", False),
        ("In May 2025 Seoul cut its imports.", "2025", False),
    ],
)
def test_day_of_month(text: str, word: str, expected: bool) -> None:
    s = Sentence(text)
    assert day_of_month(s, s.toks.index(word)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States has invested in ports in Tokyo.", True),
        ("The United States states that the ports are ready.", False),  # a saying verb too
        ("The strategy states that the ports are ready.", False),
        ("The United States has invested in ports.", True),
        ("Tokyo has invested in ports.", False),  # no saying word at all
    ],
)
def test_statement_in_names_only(text: str, expected: bool) -> None:
    s = Sentence(text)
    assert statement_in_names_only(s, 0, s.n - 1) is expected


CLAIM = "Seoul is plainly a key partner of Tokyo."


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        ("In 2024 Seoul's deficit with Tokyo exceeded 80 billion dollars.", "statistic"),
        ("Talks with Seoul resumed on April 9.", "event"),
        ("The United States has invested in ports in Seoul since 2019.", "event"),
        ("In 2024 Tokyo said that it would invest in ports in Seoul.", "statement"),
    ],
)
def test_the_type_of_a_linked_fact(fact: str, expected: str) -> None:
    claims = draft_document([CLAIM, fact], PARTIES)[0] or []
    assert [e["type"] for e in claims[0]["evidence"]] == [expected]
