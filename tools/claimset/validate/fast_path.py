"""The validator's fast path: the structural check of a line without pydantic's error
machinery, and the record checks written flat for the records that pass it.

Two ways onto it, both only ever saying "valid" when the precise path (pydantic, through
`checks.structure`) would:

- `pattern`: a regular expression derived from the pydantic models (`derive.py`, written to
  `patterns.py` so that this path needs no pydantic), that matches exactly the canonical lines
  of structurally valid records (what `claimset fmt` writes). Cheapest.
- `valid_record`: any other spelling (keys in any order, any spacing, defaults left out, as
  scripts and annotators write): orjson parses, a repeated key is detected by counting colons
  (see `valid_record`), and a checker generated from the models (`checkers.py`) answers what
  pydantic would, without building the models' objects. A record it refuses takes the
  precise path.

Most lines of a corpus are valid and already in `claimset fmt`'s canonical form. For those,
running pydantic and a position-tracking parser is wasted work. The canonical form is rigid
(every key, in schema order, `", "` and `": "` separators, the shortest escapes), and the
schema has no recursion, so "a canonical line of a valid record" is a regular language: keys
are literals, enums are alternations of literals, ids are their patterns, offsets are
non-negative integers, lists are `[item(, item)*]`. One `fullmatch` on the raw bytes then
checks the structure, the key order, and that no key is repeated (a JSON parser silently keeps
the last of two), all at C speed. Anything it does not match takes the slow, precise path
(pydantic), so the fast path can only ever say "valid" when pydantic would; the tests check that
on generated records. A model with a constraint `derive` cannot express gets no pattern, and
all its canonical lines take `valid_record`.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import orjson

from ..vocabulary import HUMAN_STATUSES
from .checkers import CHECKERS
from .patterns import PATTERNS
from .state import AnnotationState

if TYPE_CHECKING:
    from pydantic import BaseModel


@functools.cache
def pattern(name: str) -> re.Pattern[bytes] | None:
    """The compiled pattern of canonical valid lines of the model named `name` (`patterns.py`,
    derived from the models), or None if it has none."""
    source = PATTERNS.get(name)
    if source is None:
        return None
    if sys.version_info < (3, 11):  # no possessive quantifiers (see `derive`): the same language
        source = source.replace(b"*+", b"*").replace(b"?+", b"?").replace(b"}+", b"}")
    return re.compile(source)


def canonical_and_valid(model: type[BaseModel], line: bytes) -> bool:
    """Whether `line` (without its newline) is a canonical line of a structurally valid record.

    Structurally: what pydantic checks (types, enums, patterns, required fields, no unknown
    fields). A line can match and still not be UTF-8: the caller's JSON parser finds that.
    """
    compiled = pattern(model.__name__)
    return compiled is not None and compiled.fullmatch(line) is not None


# -- any other spelling of a valid record ----------------------------------------------------------


@functools.cache
def _validator(name: str) -> Callable[[Any], bool]:
    """Whether pydantic accepts a record of the model named `name`: its checker generated from
    the models (`checkers.py`), or, for a model without one, pydantic's compiled validator
    (pydantic imported only then)."""
    found = CHECKERS.get(name)
    if found is not None:
        return found
    from pydantic import ValidationError

    from .. import models

    validate = getattr(models, name).__pydantic_validator__.validate_python

    def accepted(obj: Any) -> bool:
        try:
            validate(obj)
        except ValidationError:
            return False
        return True

    return accepted


def structurally_valid(name: str, obj: Any) -> bool:
    """Whether `obj`, a value as parsed, is structurally valid as a record of the model named
    `name`: the generated checker's answer. False may still be valid (the checker may refuse
    more than pydantic, never less): ask pydantic then."""
    return _validator(name)(obj)


def valid_record(name: str, raw: bytes) -> dict[str, Any] | None:
    """The record on a line (without its newline) if it is structurally valid as a record of
    the model named `name`, else None.

    None sends the line to the precise path, which explains it; so None is always safe, and
    is also the answer for everything the precise path reports before pydantic runs: a CR
    line end (kept for the CRLF check), a BOM, invalid UTF-8, NaN, lone surrogates (orjson
    refuses the last four), and a repeated key. orjson keeps the last of two equal keys
    silently; the pair it drops takes its colon with it, so a line whose colons outnumber
    those of orjson's own serialization of the record had a repeated key. Strings spell
    their colons literally in orjson's output; a line spelling one as an escape (`\\u003a`)
    is left to the precise path, so that the counts can only differ by a dropped key.
    """
    if raw[-1:] == b"\r" or b"\\u003" in raw:
        return None
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if type(obj) is not dict or raw.count(b":") != orjson.dumps(obj).count(b":"):
        return None
    return obj if structurally_valid(name, obj) else None


# -- the record checks, for a record the pattern accepted -----------------------------------------
#
# `accepts` mirrors the annotation file's record checks (`files.AnnotationFile.semantic`) for
# structurally valid records (well-typed; fields with a default may be absent), answering only
# "no problem at all?"; written flat because it runs for nearly every line. It may be stricter
# than the checks (which then run, and find nothing), never more lenient. The tests run every
# sample, canonical versions of them and fuzzed files with and without it and require the same
# diagnostics.


def _sentence_accepted(state: AnnotationState, obj: dict[str, Any], seed: str) -> bool:
    """The record's sentence itself: its document, its place after the previous one, its
    text in the seed, an id not seen before."""
    rid, start, end = obj["id"], obj["start"], obj["end"]
    return (
        rid.rpartition(":")[0] == state.doc_id
        and obj["doc"] == state.doc_id
        and start >= state.prev_end
        and end >= start
        and seed[start:end] == obj["text"]
        and rid not in state.ids
    )


def accepts(state: AnnotationState, obj: dict[str, Any], lineno: int) -> bool:
    """True if the checks would find nothing in this record; then its sentence is recorded."""
    rid: str = obj["id"]
    start, end, text = obj["start"], obj["end"], obj["text"]
    seed = state.seed_text
    if seed is None or not _sentence_accepted(state, obj, seed):
        return False
    status, claims = obj["status"], obj.get("claims")
    if obj.get("annotator") is None and status in HUMAN_STATUSES:
        return False
    if claims:
        if status == "todo":
            return False
        if len(claims) > 1 and len({claim.get("id") for claim in claims}) < len(claims):
            return False  # a repeated claim id
        for claim in claims:
            if not _claim_accepted(state, claim, rid, text, seed):
                return False
    return _accepted(state, rid, start, end, lineno)


def _accepted(state: AnnotationState, rid: str, start: int, end: int, lineno: int) -> bool:
    """Enter an accepted sentence in the file's state (what the checks of later lines read)."""
    state.sentences += 1
    state.ids[rid] = lineno
    state.prev_start, state.prev_end, state.prev_end_line = start, end, lineno
    state.spans.append((start, end, lineno))
    state.texts[rid] = (start, end)
    return True


def accepts_canonical(state: AnnotationState, obj: dict[str, Any], lineno: int) -> bool:
    """`accepts` for a record on a line the pattern matched: the same answer, found faster.

    The pattern guarantees every key but the omitted ones (no `occurrence`), and the types,
    so the values are read directly, not with `.get`. The tests hold the two to the same
    answers on every canonical record they generate.
    """
    rid: str = obj["id"]
    start, end, text = obj["start"], obj["end"], obj["text"]
    seed = state.seed_text
    if seed is None or not _sentence_accepted(state, obj, seed):
        return False
    status, claims = obj["status"], obj["claims"]
    if obj["annotator"] is None and status in HUMAN_STATUSES:
        return False
    if claims:
        if status == "todo":
            return False
        if len(claims) > 1 and len({claim["id"] for claim in claims}) < len(claims):
            return False  # a repeated claim id
        for claim in claims:
            if not _canonical_claim_accepted(state, claim, rid, text, seed):
                return False
    return _accepted(state, rid, start, end, lineno)


def _canonical_claim_accepted(
    state: AnnotationState, claim: dict[str, Any], rid: str, text: str, seed: str
) -> bool:
    """`_claim_accepted` for a claim of a line the pattern matched (every key present)."""
    actors = state.actor_ids
    span = claim["actor"]
    quote = span["quote"]
    if claim["id"] is None or span["ref"] not in actors:
        return False
    if quote is None:
        if span["start"] is not None or span["end"] is not None:
            return False
    elif (a := span["start"]) is None or (b := span["end"]) is None or text[a:b] != quote:
        return False
    span = claim["expectation"]
    a, b, target = span["start"], span["end"], span["target"]
    if a is None or b is None or text[a:b] != span["quote"]:
        return False
    if target is not None and target not in actors:
        return False
    for span in claim["hedge"]["cues"]:
        a, b = span["start"], span["end"]
        if a is None or b is None or text[a:b] != span["quote"]:
            return False
    evidence = claim["evidence"]
    return not evidence or _evidence_accepted(state, evidence, rid, text, seed)


def _claim_accepted(
    state: AnnotationState, claim: dict[str, Any], rid: str, text: str, seed: str
) -> bool:
    actors = state.actor_ids
    if claim.get("id") is None:
        return False
    span = claim["actor"]
    if span["ref"] not in actors:
        return False
    # An `occurrence` (input-only: fmt resolves it) is always reported: never on this path.
    # Only records off the canonical pattern can hold one.
    quote, a, b = span.get("quote"), span.get("start"), span.get("end")
    if span.get("occurrence") is not None:
        return False
    if quote is None:
        if a is not None or b is not None:
            return False
    elif a is None or b is None or text[a:b] != quote:
        return False
    span = claim["expectation"]
    a, b = span.get("start"), span.get("end")
    if a is None or b is None or text[a:b] != span["quote"] or span.get("occurrence") is not None:
        return False
    target = span.get("target")
    if target is not None and target not in actors:
        return False
    for span in claim["hedge"].get("cues", ()):
        a, b = span.get("start"), span.get("end")
        if a is None or b is None or span.get("occurrence") is not None:
            return False
        if text[a:b] != span["quote"]:
            return False
    return _evidence_accepted(state, claim.get("evidence", ()), rid, text, seed)


def _evidence_accepted(
    state: AnnotationState, evidence: Iterable[dict[str, Any]], rid: str, text: str, seed: str
) -> bool:
    texts, doc_id = state.texts, state.doc_id
    for span in evidence:
        a, b = span.get("start"), span.get("end")
        if a is None or b is None or span.get("occurrence") is not None:
            return False
        sentence = span.get("sentence")
        if sentence is None or sentence == rid:
            if text[a:b] != span["quote"]:
                return False
            continue
        stored = texts.get(sentence)
        if stored is None or sentence.rpartition(":")[0] != doc_id:
            return False
        if type(stored) is tuple:
            # That sentence's text is seed[at:to]: compare within the seed, no copy.
            at, to = stored
            if b > to - at or seed[at + a : at + b] != span["quote"]:
                return False
        elif stored[a:b] != span["quote"]:
            return False
    return True
