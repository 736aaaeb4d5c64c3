"""The registry files: each actor and each document listed once."""

from __future__ import annotations

from ..problems import Problem
from ..registry import check


@check("actor-once", {"duplicate-id": "error"})
def repeated_actor(actor_id: str, first: int, lineno: int) -> list[Problem]:
    """An actor id is listed once in corpus/actors.jsonl."""
    if first == lineno:
        return []
    return [Problem(("id",), "duplicate-id", f"actor {actor_id!r} already on line {first}")]


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
