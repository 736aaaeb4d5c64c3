"""Claims as a graph of typed spans and links: the shape brat and Label Studio both store.

A claim is one `Expectation` region carrying the claim's fields (id, type, certainty, polarity,
origin, target, and the actor ref when the actor is implicit), linked to an `Actor` region, its
`Evidence` regions and its `Hedge`/`Booster` cue regions. Offsets here are code points into the
whole document text. `to_graph` flattens sentence records into regions and links; `from_graph`
rebuilds the claims from them and reports, as `Problem`s, everything it cannot place: nothing is
dropped without a word.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from ..anchor import anchor
from ..canonical import canonical
from ..jsonio import dumps
from ..models import (
    ACTOR_ID_PATTERN,
    CERTAINTIES,
    CLAIM_ID_PATTERN,
    EVIDENCE_TYPES,
    EXPECTATION_TYPES,
    ORIGINS,
    POLARITIES,
    Claim,
    SentenceRecord,
    first_error,
)

Role = Literal["Actor", "Expectation", "Evidence", "Hedge", "Booster"]
ROLES: tuple[Role, ...] = ("Actor", "Expectation", "Evidence", "Hedge", "Booster")
CUE_ROLES: dict[str, str] = {"Hedge": "hedge", "Booster": "booster"}

#: The attributes each role carries, and the values each may take (None: an actor id).
ATTRIBUTES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "Actor": {"ref": None},
    "Expectation": {
        "claim": (),
        "type": EXPECTATION_TYPES,
        "certainty": CERTAINTIES,
        "polarity": POLARITIES,
        "origin": ORIGINS,
        "target": None,
        "actor": None,
    },
    "Evidence": {"type": EVIDENCE_TYPES},
    "Hedge": {},
    "Booster": {},
}

_ACTOR_ID = re.compile(ACTOR_ID_PATTERN)
_CLAIM_ID = re.compile(CLAIM_ID_PATTERN)


@dataclass(frozen=True)
class Problem:
    """Something a conversion could not carry over: where it is, and what was lost."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Region:
    """A typed span of the document text (code points, end-exclusive) with its attributes."""

    key: str
    role: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)
    where: str = ""


@dataclass(frozen=True)
class SentenceMeta:
    """What a sentence record holds besides its claims."""

    id: str
    start: int
    end: int
    status: str
    annotator: str | None
    claims_sha256: str = ""
    # Carried through the tools unchanged, so that a round trip loses nothing of the record.
    reviewer: str | None = None
    note: str | None = None


@dataclass
class Graph:
    """Regions in order, and links (expectation key, other key) in order."""

    regions: list[Region] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)


def claims_digest(claims: Sequence[Claim] | Sequence[dict[str, Any]]) -> str:
    """sha256 of a sentence's claims in canonical JSON: tells whether a tool changed them."""
    data = [
        canonical(c.model_dump(mode="json", exclude_unset=True), Claim)
        if isinstance(c, Claim)
        else c
        for c in claims
    ]
    return hashlib.sha256(dumps(data).encode("utf-8")).hexdigest()


def sentence_meta(record: SentenceRecord) -> SentenceMeta:
    return SentenceMeta(
        record.id,
        record.start,
        record.end,
        record.status,
        record.annotator,
        claims_digest(record.claims),
        record.reviewer,
        record.note,
    )


def _place(
    sentence: SentenceRecord, quote: str, start: int | None, where: str, problems: list[Problem]
) -> tuple[int, int] | None:
    """Document offsets of a span of `sentence`: its offsets if they hold the quote, else found
    by the quote (an unformatted file); None, with a problem, when the quote is not there."""
    if start is not None and sentence.text[start : start + len(quote)] == quote:
        return sentence.start + start, sentence.start + start + len(quote)
    found = anchor(sentence.text, quote, start)
    if found.start is None or found.end is None:
        problems.append(Problem(where, f"quote {quote!r} is {found.status} in its sentence"))
        return None
    return sentence.start + found.start, sentence.start + found.end


def to_graph(sentences: Sequence[SentenceRecord]) -> tuple[Graph, list[Problem]]:
    """Flatten one document's sentence records into regions and links.

    Identical non-expectation regions (same role, span and attributes) are shared between
    claims, as an annotator would draw them once; each claim keeps its own expectation region.
    """
    graph = Graph()
    problems: list[Problem] = []
    shared: dict[tuple[str, int, int, tuple[tuple[str, str], ...]], str] = {}
    by_id = {s.id: s for s in sentences}

    def add(role: str, span: tuple[int, int], attrs: dict[str, str], exp_key: str | None) -> str:
        signature = (role, span[0], span[1], tuple(sorted(attrs.items())))
        key = shared.get(signature) if role != "Expectation" else None
        if key is None:
            key = f"r{len(graph.regions) + 1}"
            graph.regions.append(Region(key, role, span[0], span[1], attrs))
            if role != "Expectation":
                shared[signature] = key
        if exp_key is not None:
            graph.links.append((exp_key, key))
        return key

    for sentence in sentences:
        for index, claim in enumerate(sentence.claims):
            where = f"{sentence.id} claim {claim.id or index + 1}"
            exp = claim.expectation
            exp_span = _place(sentence, exp.quote, exp.start, f"{where} expectation", problems)
            if exp_span is None:
                continue
            attrs: dict[str, str] = {
                "type": exp.type,
                "certainty": claim.hedge.certainty,
                "polarity": claim.polarity,
                "origin": claim.origin,
            }
            if claim.id is not None:
                attrs["claim"] = claim.id
            if exp.target is not None:
                attrs["target"] = exp.target
            if claim.actor.quote is None:
                attrs["actor"] = claim.actor.ref
            exp_key = add("Expectation", exp_span, attrs, None)
            if claim.actor.quote is not None:
                span = _place(
                    sentence, claim.actor.quote, claim.actor.start, f"{where} actor", problems
                )
                if span is not None:
                    add("Actor", span, {"ref": claim.actor.ref}, exp_key)
            for ev in claim.evidence:
                home = by_id.get(ev.sentence or sentence.id)
                if home is None:
                    problems.append(Problem(f"{where} evidence", f"no sentence {ev.sentence}"))
                    continue
                span = _place(home, ev.quote, ev.start, f"{where} evidence", problems)
                if span is not None:
                    add("Evidence", span, {"type": ev.type}, exp_key)
            for cue in claim.hedge.cues:
                span = _place(sentence, cue.quote, cue.start, f"{where} cue", problems)
                if span is not None:
                    add(cue.kind.capitalize(), span, {}, exp_key)
    return graph, problems


def _check_attrs(region: Region, problems: list[Problem]) -> bool:
    """True if the region's attributes are known and their values allowed."""
    ok = True
    allowed = ATTRIBUTES[region.role]
    for name, value in region.attrs.items():
        if name not in allowed:
            problems.append(Problem(region.where, f"{region.role} has no attribute {name!r}"))
            ok = False
            continue
        values = allowed[name]
        if values is None:
            valid = bool(_ACTOR_ID.fullmatch(value))
        elif values == ():
            valid = bool(_CLAIM_ID.fullmatch(value))
        else:
            valid = value in values
        if not valid:
            problems.append(Problem(region.where, f"{name} {value!r} is not allowed"))
            ok = False
    return ok


def _sentence_of(start: int, end: int, sentences: Sequence[SentenceMeta]) -> SentenceMeta | None:
    for meta in sentences:
        if meta.start <= start and end <= meta.end:
            return meta
    return None


def from_graph(
    text: str, sentences: Sequence[SentenceMeta], graph: Graph
) -> tuple[dict[str, list[Claim]], list[Problem]]:
    """Rebuild each sentence's claims from a graph; report every region or link left out.

    A claim needs an expectation region with a type and a certainty, and an actor (a linked
    Actor region with its ref, or the expectation's `actor` attribute). Its actor and cues must
    lie in its sentence; evidence may lie in any sentence of the document.
    """
    problems: list[Problem] = []
    regions = {r.key: r for r in graph.regions}
    valid = {r.key for r in graph.regions if r.role in ROLES and _check_attrs(r, problems)}
    for region in graph.regions:
        if region.role not in ROLES:
            problems.append(Problem(region.where, f"unknown span type {region.role!r}"))
    linked: dict[str, list[Region]] = {}
    used: set[str] = set()
    for exp_key, other_key in graph.links:
        a, b = regions.get(exp_key), regions.get(other_key)
        if a is None or b is None:
            missing = exp_key if a is None else other_key
            problems.append(Problem(f"link {exp_key}-{other_key}", f"no span {missing}"))
            continue
        if a.role != "Expectation" and b.role == "Expectation":
            a, b = b, a  # a link drawn from the other end
        if a.role != "Expectation" or b.role == "Expectation":
            problems.append(
                Problem(b.where, f"a link between {a.role} and {b.role} means nothing here")
            )
            continue
        linked.setdefault(a.key, []).append(b)

    claims: dict[str, list[Claim]] = {m.id: [] for m in sentences}
    for exp in graph.regions:
        if exp.role != "Expectation":
            continue
        parts = linked.get(exp.key, [])
        claim, part_keys = _claim(text, sentences, exp, parts, exp.key in valid, valid, problems)
        if claim is None:
            continue
        used.add(exp.key)
        used.update(part_keys)
        meta = _sentence_of(exp.start, exp.end, sentences)
        assert meta is not None  # _claim checked it
        claims[meta.id].append(claim)
    for region in graph.regions:
        if region.key in used or region.role not in ROLES or region.role == "Expectation":
            continue
        if region.key in valid and not any(region in p for p in linked.values()):
            problems.append(
                Problem(region.where, f"{region.role} span is not linked to an expectation")
            )
    _number_claims(claims)
    return claims, problems


def _claim(
    text: str,
    sentences: Sequence[SentenceMeta],
    exp: Region,
    parts: list[Region],
    exp_ok: bool,
    valid: set[str],
    problems: list[Problem],
) -> tuple[Claim | None, list[str]]:
    """One claim from its expectation region and linked regions, or None with the problems."""
    where = exp.where
    meta = _sentence_of(exp.start, exp.end, sentences)
    lost = f"; the claim and its {len(parts)} linked span(s) are not imported"
    refused = _refused_expectation(exp, meta is not None, exp_ok)
    if refused is not None or meta is None:
        problems.append(Problem(where, f"expectation {refused}{lost}"))
        return None, []
    base = meta.start
    local = text[meta.start : meta.end]
    actor: dict[str, Any] | None = None
    if "actor" in exp.attrs:
        actor = {"ref": exp.attrs["actor"], "quote": None, "start": None, "end": None}
    evidence: list[dict[str, Any]] = []
    cues: list[dict[str, Any]] = []
    keys: list[str] = []
    for part in parts:
        if part.key not in valid:
            problems.append(Problem(part.where, f"{part.role} span has invalid attributes"))
            continue
        quote = text[part.start : part.end]
        if part.role == "Evidence":
            link = _evidence(part, quote, sentences, problems)
            if link is None:
                continue
            evidence.append(link)
        elif not (meta.start <= part.start and part.end <= meta.end):
            problems.append(
                Problem(part.where, f"{part.role} span lies outside its claim's sentence")
            )
            continue
        elif part.role == "Actor":
            found = _actor(part, quote, base, actor is not None, problems)
            if found is None:
                continue
            actor = found
        else:
            kind = CUE_ROLES[part.role]
            cues.append(
                {"quote": quote, "start": part.start - base, "end": part.end - base, "kind": kind}
            )
        keys.append(part.key)
    if actor is None:
        problems.append(Problem(where, "claim has no actor (link an Actor span)" + lost))
        return None, []
    data = {
        "id": exp.attrs.get("claim"),
        "actor": actor,
        "expectation": {
            "quote": local[exp.start - base : exp.end - base],
            "start": exp.start - base,
            "end": exp.end - base,
            "type": exp.attrs["type"],
            "target": exp.attrs.get("target"),
        },
        "evidence": evidence,
        "hedge": {"certainty": exp.attrs["certainty"], "cues": cues},
        "polarity": exp.attrs.get("polarity", "positive"),
        "origin": exp.attrs.get("origin", "human"),
    }
    try:
        return Claim.model_validate(data), keys
    except ValidationError as exc:
        problems.append(Problem(where, first_error(exc) + lost))
        return None, []


def _refused_expectation(exp: Region, in_one_sentence: bool, exp_ok: bool) -> str | None:
    """Why an expectation region makes no claim (None: it makes one, its other parts allowing)."""
    if not in_one_sentence:
        return "does not lie within one sentence"
    if not exp_ok:
        return "has invalid attributes"
    missing = [name for name in ("type", "certainty") if name not in exp.attrs]
    return f"has no {' or '.join(missing)}" if missing else None


def _evidence(
    part: Region, quote: str, sentences: Sequence[SentenceMeta], problems: list[Problem]
) -> dict[str, Any] | None:
    """The evidence link of an Evidence region, in the sentence that holds it; None, with the
    problem, when it lies across sentences or has no type."""
    home = _sentence_of(part.start, part.end, sentences)
    if home is None or "type" not in part.attrs:
        why = "has no type" if home is not None else "does not lie within one sentence"
        problems.append(Problem(part.where, f"evidence {why}; not imported"))
        return None
    return {
        "quote": quote,
        "sentence": home.id,
        "start": part.start - home.start,
        "end": part.end - home.start,
        "type": part.attrs["type"],
    }


def _actor(
    part: Region, quote: str, base: int, second: bool, problems: list[Problem]
) -> dict[str, Any] | None:
    """The actor of an Actor region (offsets from `base`, its sentence's start); None, with the
    problem, when it names no actor id or the claim has an actor already (`second`)."""
    if "ref" not in part.attrs:
        problems.append(Problem(part.where, "actor span has no actor id; not imported"))
        return None
    if second:
        problems.append(Problem(part.where, "a second actor for one claim; not imported"))
        return None
    return {
        "ref": part.attrs["ref"],
        "quote": quote,
        "start": part.start - base,
        "end": part.end - base,
    }


def _number_claims(claims: dict[str, list[Claim]]) -> None:
    """Give claims without an id (or with one taken twice) a free `cN`, as `fmt` would."""
    for sentence_claims in claims.values():
        seen: set[str] = set()
        for claim in sentence_claims:
            if claim.id is not None and claim.id not in seen:
                seen.add(claim.id)
            else:
                claim.id = None
        number = 1
        for claim in sentence_claims:
            if claim.id is None:
                while f"c{number}" in seen:
                    number += 1
                claim.id = f"c{number}"
                seen.add(claim.id)


def records(
    doc: str, text: str, sentences: Iterable[SentenceMeta], claims: dict[str, list[Claim]]
) -> list[SentenceRecord]:
    """Sentence records from sentence metadata and rebuilt claims, statuses as given."""
    return [
        SentenceRecord(
            id=m.id,
            doc=doc,
            start=m.start,
            end=m.end,
            text=text[m.start : m.end],
            status=m.status,  # type: ignore[arg-type]
            annotator=m.annotator,
            claims=claims.get(m.id, []),
            # Set only when present: an optional field left unset is not written (record_json).
            **{k: v for k, v in (("reviewer", m.reviewer), ("note", m.note)) if v is not None},
        )
        for m in sentences
    ]
