"""The registry files: each actor and each document listed once, an actor's state a state."""

from __future__ import annotations

from ..problems import ACTOR_ID, Problem
from ..registry import check


@check("actor-once", {"duplicate-id": "error"})
def repeated_actor(actor_id: str, first: int, lineno: int) -> list[Problem]:
    """An actor id is listed once in corpus/actors.jsonl."""
    if first == lineno:
        return []
    return [Problem(("id",), "duplicate-id", f"actor {actor_id!r} already on line {first}")]


@check("person-alias-shared", {"shared-alias": "warning"})
def shared_alias(alias: str, index: int, others: dict[str, list[str]]) -> list[Problem]:
    """A person's alias that is a part of another person's name or alias (a warning)."""
    if not others:
        return []
    named = "; ".join(
        f"{actor_id!r} ({', '.join(repr(form) for form in forms)})"
        for actor_id, forms in others.items()
    )
    message = (
        f"{alias!r} is also a part of a name of {named}: `claimset draft` gives each mention of "
        "it to the person named in full nearest before it (this one when none is); make the "
        "alias longer if it always means this person"
    )
    return [Problem(("aliases", index), "shared-alias", message, "warning")]


@check("actor-state", {"unknown-actor": "error", "value": "error"})
def actor_state(state: str, kinds: dict[str, str]) -> list[Problem]:
    """An actor's `state` is the id of a state in corpus/actors.jsonl."""
    kind = kinds.get(state)
    if kind == "state" or not ACTOR_ID.fullmatch(state):
        return []  # a malformed id is a `value` problem already
    if kind is None:
        message = (
            f"unknown actor {state!r}: an actor's state is the id of a state listed in "
            "corpus/actors.jsonl (fix the id, or add the state there)"
        )
        return [Problem(("state",), "unknown-actor", message)]
    message = f"{state!r} is a {kind}, not a state: `state` names the state the actor serves"
    return [Problem(("state",), "value", message)]


def part_of(small: str, big: str) -> bool:
    """Whether the words of `small` occur together, in order, inside `big` (or are `big`)."""
    words, within = small.split(), big.split()
    n = len(words)
    return n > 0 and any(within[k : k + n] == words for k in range(len(within) - n + 1))


@check("annotator-once", {"duplicate-id": "error"})
def repeated_annotator(annotator_id: str, first: int, lineno: int) -> list[Problem]:
    """An annotator id is listed once in corpus/annotators.jsonl."""
    if first == lineno:
        return []
    return [Problem(("id",), "duplicate-id", f"annotator {annotator_id!r} already on line {first}")]


@check("document-once", {"duplicate-id": "error"})
def repeated_document(doc_id: str, first: int) -> list[Problem]:
    """A document id is listed once in corpus/documents.jsonl (`first`: its first line)."""
    return [Problem(("id",), "duplicate-id", f"document {doc_id!r} already on line {first}")]
