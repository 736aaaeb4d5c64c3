"""The state a person or body serves (guidelines §9 v1.3, §14.2) and the public of a state.

The registry ties a person to a state by an optional `state` (`"state": "south_korea"`) or by
a name with a demonym (*Israeli Prime Minister Benjamin Netanyahu*). Then *the Netanyahu
government* is that state, and the state is the person's own side: never the target of the
person's claims. A demonym used as a plural noun of people (*many Japanese*) names the state's
registered public, not the state."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import ActorIndex, draft_sentence
from draft_samples import fields

PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The author", "kind": "author"},
        {"id": "united_states", "name": "the United States", "aliases": ["US"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul", "ROK"], "kind": "state"},
        {"id": "china", "name": "China", "aliases": ["Beijing", "Chinese"], "kind": "state"},
        {"id": "israel", "name": "Israel", "aliases": ["Israeli"], "kind": "state"},
        {"id": "iran", "name": "Iran", "aliases": ["Tehran"], "kind": "state"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo", "Japanese"], "kind": "state"},
        {"id": "japanese_public", "name": "the Japanese public", "kind": "group"},
        {
            "id": "lee",
            "name": "Lee Jae Myung",
            "aliases": ["Lee"],
            "kind": "person",
            "state": "south_korea",
        },
        {
            "id": "trump",
            "name": "Donald Trump",
            "aliases": ["Trump"],
            "kind": "person",
            "state": "united_states",
        },
        {"id": "moon", "name": "Moon Jae-in", "aliases": ["Moon"], "kind": "person"},
        {
            "id": "netanyahu",
            "name": "Benjamin Netanyahu",
            "aliases": ["Israeli Prime Minister Benjamin Netanyahu", "Netanyahu"],
            "kind": "person",
        },
    ]
)


def claims(text: str, recent: list[str]) -> list[tuple[Any, ...]]:
    """(actor ref, actor quote, target) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES, recent=recent), "holder", "actor_quote", "target")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The registry's `state` of the person the institution is named after ...
        (
            "The Trump Administration has sought to expand the alliance.",
            [("united_states", "Trump Administration", None)],
        ),
        # ... or the state its name ties it to, whatever the context was about.
        (
            "The Netanyahu government has vowed to strike Iran again.",
            [("israel", "The Netanyahu government", "iran")],
        ),
        (
            "Netanyahu's government hopes that Tehran will back down.",
            [("israel", "Netanyahu's government", "iran")],
        ),
    ],
)
def test_an_institution_named_after_a_leader_is_the_leaders_state(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text, ["iran", "south_korea"]) == expected


def test_without_a_state_the_institution_is_the_state_of_the_context() -> None:
    assert claims("The Moon government has vowed to expand trade.", ["south_korea"]) == [
        ("south_korea", "The Moon government", None)
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # The person's own state is the actor itself: the target is the other party (§9).
        ("Lee has argued that South Korea should not be overly accommodating to China.", "china"),
        ("Lee has pledged to boost ROK defense spending.", None),
        ("Trump wants Seoul to pay more.", "south_korea"),
    ],
)
def test_a_persons_own_state_is_never_its_target(text: str, target: str | None) -> None:
    assert [c[2] for c in claims(text, [])] == [target]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # A demonym after a quantifier and before a predicate: people, the state's public.
        ("Many Japanese also are concerned that Beijing may retaliate.", "japanese_public"),
        ("Some Japanese fear that Beijing will retaliate.", "japanese_public"),
        # An adjective of a noun, a name of the state, a state without a registered public.
        ("Many Japanese firms fear that Beijing will retaliate.", "japan"),
        ("Japanese officials fear that Beijing will retaliate.", "japan"),
        ("Tokyo fears that Beijing will retaliate.", "japan"),
        ("Many Chinese fear that Tokyo will rearm.", "china"),
    ],
)
def test_a_demonym_of_people_is_the_public(text: str, holder: str) -> None:
    assert [c[0] for c in claims(text, ["japan"])] == [holder]
