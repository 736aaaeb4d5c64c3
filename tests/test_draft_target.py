"""The target of a claim (guidelines §9, `rules/target.py`), rule by rule.

Each rule has examples and non-examples written for these tests, none taken from a corpus
document; `recent` stands for the parties of the sentences before."""

from __future__ import annotations

import pytest
from claimset.draft import ActorIndex, draft_sentence

PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The essay's author", "kind": "author"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
        {"id": "china", "name": "China", "aliases": ["Beijing"], "kind": "state"},
        {
            "id": "united_states",
            "name": "the United States",
            "aliases": ["Washington"],
            "kind": "state",
        },
        {
            "id": "us_congress",
            "name": "the U.S. Congress",
            "aliases": ["Congress"],
            "kind": "government",
        },
        {"id": "analysts", "name": "analysts", "aliases": ["observers"], "kind": "group"},
    ]
)


def targets(text: str, recent: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    """(span, target) of each claim drafted for the sentence."""
    return [
        (c["expectation"]["quote"], c["expectation"]["target"])
        for c in draft_sentence(text, PARTIES, recent=recent)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner of one thing the claim refers back to (extension (b)): the party of the
        # context.
        ("Seoul resents this balancing act.", [("resents this balancing act", "japan")]),
        (
            "Beijing regards that assurance as worthless.",
            [("regards that assurance as worthless", "japan")],
        ),
        ("These talks will fail.", [("These talks will fail", "japan")]),
        ("Seoul resents such pressure.", [("resents such pressure", "japan")]),
        # Not a demonstrative pronoun, nor *such* opening the author's claim (things of a
        # kind), nor a thing of the
        # span's own side (*we*), nor in a party's own course (an intention).
        ("This means higher tariffs.", [("This means higher tariffs", None)]),
        ("Such measures rarely work.", [("Such measures rarely work", None)]),
        ("We have already begun this work.", [("We have already begun this work", None)]),
        ("Seoul intends to keep this policy.", [("keep this policy", None)]),
    ],
)
def test_owner_of_a_thing_referred_back_to(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert targets(text, recent=("japan", "china")) == expected
