"""Stance nouns (rules/expectation_stance.py, guidelines §4.2, §4.5): a party's attitude named by
a noun it owns or states."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields

ACTORS = [
    {"id": "south_korea", "name": "South Korea", "kind": "state", "aliases": ["Seoul"]},
    {"id": "japan", "name": "Japan", "kind": "state", "aliases": ["Tokyo"]},
]


def claims(text: str) -> list[tuple[str, str, str]]:
    """(actor, type, span) of every claim drafted for one sentence."""
    return fields(draft_sentence(text, ACTORS), "holder", "type", "span")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul's main priority is to sell more cars.",
            [("south_korea", "desire", "sell more cars")],
        ),
        (
            "Seoul's priority in the talks with Tokyo is to gain access to Japan's ports.",
            [("south_korea", "desire", "gain access to Japan's ports")],
        ),
        (
            "Tokyo's legislative priorities include raising the sales tax.",
            [("japan", "desire", "raising the sales tax")],
        ),
        (
            "Seoul's goals include expanding trade with Hanoi.",
            [("south_korea", "intention", "expanding trade with Hanoi")],
        ),
    ],
)
def test_a_stance_noun_its_owner_holds(text: str, expected: list[tuple[str, str, str]]) -> None:
    """*X's (adjective) N is to ...* and *X's goals include V-ing ...*: the owner's aim, each
    course the list names (an adjective or two may stand between owner and noun)."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Seoul's exports include cars and ships.",
        "Tokyo's priorities include the budget.",
    ],
)
def test_include_without_a_course_is_no_stance(text: str) -> None:
    """What a noun that names no attitude includes, or a list with no course of action, is no
    aim of the owner's (the author may still judge it)."""
    assert all(actor == "author" for actor, _, _ in claims(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo has stated its intent to help reopen the strait.",
            [("japan", "intention", "help reopen the strait")],
        ),
        (
            "Seoul indicated its intention to join the talks in May.",
            [("south_korea", "intention", "join the talks in May")],
        ),
        (
            "Seoul announced its plan to build a new port.",
            [("south_korea", "intention", "build a new port")],
        ),
    ],
)
def test_a_stated_noun_naming_an_action_is_a_claim_of_its_type(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """*stated its intent to X*, *indicated its intention to X*: the noun names an expected
    action, so the statement is a claim of the noun's type (guidelines §4.5)."""
    assert claims(text) == expected


def test_voicing_an_attitude_noun_stays_a_report() -> None:
    """*expressed concern about X* reports a public stance (v1.3 change 20): no claim."""
    assert claims("Seoul expressed its concern about the new base.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo unveiled a plan to double its coast guard.",
            [("japan", "intention", "double its coast guard")],
        ),
        (
            "Seoul published its plans to cut coal imports by half.",
            [("south_korea", "intention", "cut coal imports by half")],
        ),
        (
            "Tokyo has laid out plans to open two new consulates.",
            [("japan", "intention", "open two new consulates")],
        ),
    ],
)
def test_a_published_plan_is_a_stated_noun_too(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """Publishing, unveiling or laying out a plan states it (guidelines §4.5): an intention of
    the publisher, with or without a determiner, the plural too."""
    assert claims(text) == expected


def test_a_plan_that_is_a_subject_is_no_stated_noun() -> None:
    """*The plans to raise taxes failed*: no one states them here (a report)."""
    assert claims("The plans to raise taxes failed in parliament.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A feeling about an existing state of affairs is the holder's belief (§8.1), also with
        # its cause after "by" and two coordinated adjectives ...
        (
            "Tokyo was appalled by the missile test.",
            [("japan", "belief", "appalled by the missile test")],
        ),
        (
            "Seoul was outraged and saddened by the loss of life at the border.",
            [("south_korea", "belief", "outraged and saddened by the loss of life at the border")],
        ),
        (
            "Seoul remains clear-eyed about the risks of the deal.",
            [("south_korea", "belief", "clear-eyed about the risks of the deal")],
        ),
        (
            "Tokyo mourns the loss of its sailors.",
            [("japan", "belief", "mourns the loss of its sailors")],
        ),
        # ... but a passive "by" names an agent, no feeling.
        ("The crimes were committed by Japanese units.", []),
        ("The talks were hosted by Seoul in 2024.", []),
    ],
)
def test_a_feeling_about_a_state_of_affairs_is_a_belief(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An attitude noun expressed with a that-clause: the content is the speaker's claim.
        (
            "Tokyo has voiced concern that the talks will fail.",
            [("japan", "prediction", "the talks will fail")],
        ),
        (
            "Seoul expressed deep concern that Tokyo may rearm.",
            [("south_korea", "prediction", "Tokyo may rearm")],
        ),
        (
            "Seoul expressed confidence that the talks will resume.",
            [("south_korea", "prediction", "the talks will resume")],
        ),
        (
            "Tokyo voiced the hope that the talks will resume.",
            [("japan", "desire", "the talks will resume")],
        ),
    ],
)
def test_an_expressed_attitude_noun_with_a_that_clause_is_a_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """*expressed concern that P* states P as the holder's (reported speech, §4.5); *expressed
    concern about X* stays a report (below)."""
    assert claims(text) == expected


def test_an_expressed_attitude_noun_about_a_thing_stays_a_report() -> None:
    assert claims("Tokyo voiced deep concern about the new base.") == []
