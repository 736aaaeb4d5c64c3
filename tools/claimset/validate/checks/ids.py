"""Sentence ids and documents: each sentence once, in order, in its document's file."""

from __future__ import annotations

from ..problems import Problem
from ..registry import check
from ..state import AnnotationState


@check("id-document", {"doc-mismatch": "error"})
def id_document(state: AnnotationState, rid: str) -> list[Problem]:
    """A sentence id names the document of its file (`<doc>:<ordinal>`)."""
    prefix = rid.rpartition(":")[0]
    if prefix == state.doc_id:
        return []
    message = (
        f"id {rid!r} names document {prefix!r}, but this file is {state.doc_id!r} "
        "(sentence ids are '<doc>:<ordinal>')"
    )
    return [Problem(("id",), "doc-mismatch", message)]


@check("sentence-once", {"duplicate-id": "error"})
def repeated_sentence(state: AnnotationState, rid: str) -> list[Problem]:
    """A sentence id is used once in its file."""
    first = state.ids.get(rid)
    if first is None:
        return []
    return [Problem(("id",), "duplicate-id", f"sentence {rid!r} already on line {first}")]


def _order_message(state: AnnotationState, rid: str, ordinal: int, expected: int) -> str:
    if state.prev_id is None:
        return (
            f"the first sentence is {rid!r}: ordinals start at 0 "
            f"({state.doc_id}:{0:04d}); sentences are missing"
        )
    if ordinal < expected:
        return (
            f"sentence {rid!r} comes after {state.prev_id!r}: sentences must be in document order"
        )
    gap = ordinal - expected
    return (
        f"sentence {rid!r} follows {state.prev_id!r}: {gap} sentence"
        f"{'s are' if gap > 1 else ' is'} missing (restore from git, or re-run "
        "`claimset split`)"
    )


@check("sentence-ordinals", {"order": "error"})
def sentence_ordinal(state: AnnotationState, rid: str) -> list[Problem]:
    """Ordinals count from 0 with no gap (lines that cannot be read may hold the missing ones)."""
    ordinal = int(rid.rpartition(":")[2])
    expected = state.prev_ordinal + 1
    anonymous, state.anonymous_since = state.anonymous_since, 0
    out = []
    if ordinal != expected and not (expected < ordinal <= expected + anonymous):
        out.append(Problem(("id",), "order", _order_message(state, rid, ordinal, expected)))
    state.prev_ordinal = ordinal
    state.prev_id = rid
    return out


@check("record-document", {"doc-mismatch": "error"})
def record_document(state: AnnotationState, doc: str) -> list[Problem]:
    """A record's `doc` is the document its file is named after."""
    if doc == state.doc_id:
        return []
    message = (
        f"document {doc!r} in the file of document {state.doc_id!r}: a file holds "
        "the sentences of one document (its name is the document id)"
    )
    return [Problem(("doc",), "doc-mismatch", message)]
