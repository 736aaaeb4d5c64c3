"""A small registry and a claim summary shared by the drafter's rule tests."""

from __future__ import annotations

from claimset.draft import ActorIndex, draft_sentence

#: The author and two states, each with its capital as an alias.
PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The essay's author", "kind": "author"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
    ]
)


def claims(text: str) -> list[tuple[str, str, str]]:
    """(holder, type, span) of each drafted claim."""
    return [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"])
        for c in draft_sentence(text, PARTIES)
    ]
