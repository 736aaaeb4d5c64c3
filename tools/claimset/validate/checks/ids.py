"""Sentence ids and documents: each sentence once, in its document's file.

Ids are identifiers, not positions: a sentence added by a later edit of the seed gets a free
ordinal, so ordinals need not be consecutive nor increasing (see the README, "Sentence ids").
Document order is the order of the offsets (`offsets.py`).
"""

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
