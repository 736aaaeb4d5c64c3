"""Claims: ids, actor and target refs, implicit actors, and evidence from the document."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...diagnostics import Severity
from ..lines import Line
from ..positions import Path as JsonPath
from ..problems import ACTOR_ID, SENTENCE_ID, ActorIndex, Problem, Where
from ..registry import check
from ..state import AnnotationState
from .spans import span

_ID_CODES: dict[str, Severity] = {"missing-id": "warning", "duplicate-id": "error"}


@check("claim-id", _ID_CODES)
def claim_id(
    claim: dict[str, Any], base: JsonPath, index: int, seen: dict[str, int]
) -> list[Problem]:
    """Every claim has an id (fmt assigns one), unique within its sentence."""
    cid = claim.get("id")
    if cid is None:
        message = "claim without an id: `claimset fmt` assigns the next free c<n>"
        where: Where = "object" if "id" not in claim else "value"
        return [Problem((*base, "id"), "missing-id", message, "warning", at=where)]
    if type(cid) is not str:
        return []
    if cid in seen:
        message = (
            f"claim id {cid!r} is also claims[{seen[cid]}]'s: ids are unique within "
            "a sentence (rename one, or remove it and run `claimset fmt`)"
        )
        return [Problem((*base, "id"), "duplicate-id", message)]
    seen[cid] = index
    return []


@check("actor-ref", {"unknown-actor": "error"})
def actor_ref(actors: ActorIndex, ref: Any, path: JsonPath) -> list[Problem]:
    """An actor ref, a target or a document's `speaks_for` is an id in corpus/actors.jsonl."""
    if type(ref) is not str or ref in actors.ids or not ACTOR_ID.fullmatch(ref):
        return []  # a malformed ref is a `value` problem, with the same suggestion
    message = (
        f"unknown actor {ref!r}{actors.suggest(ref)}: actors are listed in "
        "corpus/actors.jsonl (fix the ref, or add the actor there)"
    )
    return [Problem(path, "unknown-actor", message)]


@check("implicit-actor", {"offset-mismatch": "error"})
def implicit_actor(actor: dict[str, Any], base: JsonPath) -> list[Problem]:
    """An actor without a quote (implicit) has no offsets."""
    if actor.get("start") is None and actor.get("end") is None:
        return []
    message = (
        "offsets without a quote: give the quote, or set start and end to "
        "null for an implicit actor"
    )
    return [Problem((*base, "actor", "start"), "offset-mismatch", message)]


@check("evidence-sentence", {"unknown-sentence": "error"})
def evidence_from_other_document(
    state: AnnotationState, sentence: str, path: JsonPath
) -> list[Problem]:
    """Evidence comes from a sentence of the claim's own document."""
    if sentence.rpartition(":")[0] == state.doc_id:
        return []
    message = (
        f"sentence {sentence!r} is in another document: evidence comes "
        f"from the claim's own document ({state.doc_id})"
    )
    return [Problem((*path, "sentence"), "unknown-sentence", message)]


@check("evidence-exists", {"unknown-sentence": "error"})
def evidence_exists(state: AnnotationState, sentence: str, path: JsonPath) -> list[Problem]:
    """Evidence names a sentence of the file (checked once the file has been read).

    A sentence on a line that is not valid JSON counts as there: that line's own error is the
    one to fix, and this one would only repeat it.
    """
    if sentence in state.texts or sentence in state.unreadable_ids:
        return []
    known = f" ({min(state.ids)}..{max(state.ids)})" if state.ids else ""
    if state.anonymous:
        known += f"; {state.anonymous} line(s) of this file have no readable id and may hold it"
    message = f"no sentence {sentence!r} in this document{known}"
    return [Problem((*path, "sentence"), "unknown-sentence", message)]


def claim_problems(
    state: AnnotationState,
    actors: ActorIndex,
    claim: dict[str, Any],
    index: int,
    rid: str | None,
    text: str,
    seen: dict[str, int],
    line: Line,
) -> list[Problem]:
    """Every check of one claim, in the order of its fields."""
    base: JsonPath = ("claims", index)
    out = claim_id(claim, base, index, seen)
    actor = claim.get("actor")
    if type(actor) is dict:
        out += actor_ref(actors, actor.get("ref"), (*base, "actor", "ref"))
        if actor.get("quote") is None:
            out += implicit_actor(actor, base)
        else:
            out += span(actor, (*base, "actor"), text, None)
    expectation = claim.get("expectation")
    if type(expectation) is dict:
        out += span(expectation, (*base, "expectation"), text, None)
        target = expectation.get("target")
        if target is not None:
            out += actor_ref(actors, target, (*base, "expectation", "target"))
    evidence = claim.get("evidence")
    if type(evidence) is list:
        for number, item in enumerate(evidence):
            if type(item) is dict:
                out += _evidence(state, item, (*base, "evidence", number), rid, text, line)
    hedge = claim.get("hedge")
    cues = hedge.get("cues") if type(hedge) is dict else None
    if type(cues) is list:
        for number, cue in enumerate(cues):
            if type(cue) is dict:
                out += span(cue, (*base, "hedge", "cues", number), text, None)
    return out


#: Said of an evidence quote typed without `sentence` that its claim's sentence lacks.
_UNNAMED = (
    " (an item without `sentence`: `claimset fmt` looks for the quote in the document's other "
    "sentences and names the one that holds it, guidelines §15)"
)


def _evidence(
    state: AnnotationState,
    item: dict[str, Any],
    path: JsonPath,
    rid: str | None,
    text: str,
    line: Line,
) -> list[Problem]:
    sentence = item.get("sentence")
    if sentence == rid:
        return span(item, path, text, None)
    if sentence is None:  # typed without one: fmt looks in the other sentences too
        return [
            replace(problem, message=problem.message + _UNNAMED)
            if problem.code == "quote-not-found"
            else problem
            for problem in span(item, path, text, None)
        ]
    if type(sentence) is not str or not SENTENCE_ID.fullmatch(sentence):
        return []
    elsewhere = evidence_from_other_document(state, sentence, path)
    if elsewhere:
        return elsewhere
    if sentence in state.texts:
        return span(item, path, state.text_of(sentence), sentence)
    state.pending.append((line, path, sentence, item))  # a later sentence
    return []


def pending_evidence(state: AnnotationState) -> list[tuple[Line, list[Problem]]]:
    """Evidence that cited sentences after it, now that the whole file has been read."""
    found = []
    for line, path, sentence, item in state.pending:
        out = evidence_exists(state, sentence, path)
        if not out and sentence in state.texts:  # (not when its line is unreadable)
            out = span(item, path, state.text_of(sentence), sentence)
        found.append((line, out))
    state.pending.clear()
    return found
