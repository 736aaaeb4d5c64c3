"""What the drafter's tests share: registry entries to build small registries from, a summary
of drafted claims by named fields, a small registry with its claim summary for rule tests, and
the words a sentence's insertions hold."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from claimset.draft import ActorIndex, draft_sentence
from claimset.draft.sentence import Sentence

#: Registry entries the tests draw on, by id: the author, states with their capitals as
#: aliases, a group of analysts and two persons. A test that needs another spelling of one
#: (an alias more, no alias) writes its own entry.
ENTRIES: dict[str, dict[str, Any]] = {
    "author": {"id": "author", "name": "The essay's author", "kind": "author"},
    "japan": {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
    "south_korea": {
        "id": "south_korea",
        "name": "South Korea",
        "aliases": ["Seoul"],
        "kind": "state",
    },
    "china": {"id": "china", "name": "China", "aliases": ["Beijing"], "kind": "state"},
    "russia": {"id": "russia", "name": "Russia", "aliases": ["Moscow"], "kind": "state"},
    "india": {"id": "india", "name": "India", "aliases": ["New Delhi"], "kind": "state"},
    "analysts": {"id": "analysts", "name": "analysts", "aliases": ["experts"], "kind": "group"},
    "park": {"id": "park", "name": "Park Jin", "kind": "person"},
    "putin": {"id": "putin", "name": "Vladimir Putin", "kind": "person"},
}


def registry(*entries: str | dict[str, Any]) -> ActorIndex:
    """A registry of the named `ENTRIES` and of entries given whole, in this order."""
    return ActorIndex([ENTRIES[e] if isinstance(e, str) else e for e in entries])


#: The fields of a drafted claim the tests compare, by name.
FIELDS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "holder": lambda c: c["actor"]["ref"],
    "actor_quote": lambda c: c["actor"]["quote"],
    "type": lambda c: c["expectation"]["type"],
    "span": lambda c: c["expectation"]["quote"],
    "target": lambda c: c["expectation"]["target"],
    "certainty": lambda c: c["hedge"]["certainty"],
    "polarity": lambda c: c["polarity"],
    "cues": lambda c: [q["quote"] for q in c["hedge"]["cues"]],
    "evidence": lambda c: [e["quote"] for e in c["evidence"]],
}


def fields(claims: Iterable[dict[str, Any]], *names: str) -> list[tuple[Any, ...]]:
    """The named fields (`FIELDS`) of each claim, in order."""
    return [tuple(FIELDS[name](c) for name in names) for c in claims]


#: The author and two states, each with its capital as an alias.
PARTIES = registry("author", "japan", "south_korea")


def claims(text: str) -> list[tuple[str, str, str]]:
    """(holder, type, span) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES), "holder", "type", "span")


def inserted(text: str) -> str:
    """The words of the sentence's insertions, joined."""
    s = Sentence(text)
    return " ".join(s.toks[k] for k in sorted(s.inserted))
