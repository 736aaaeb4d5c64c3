"""The named types the rules pass around: a claim in the making (`Candidate`), the hedge or
booster cue it carries (`Cue`) and the place where an expectation cue was found (`CueSite`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .actors import Context, Mention
from .clauses import is_negated, trim_span
from .lexicons import ExpectationCue
from .sentence import Sentence


class Cue(NamedTuple):
    """A hedge or booster cue: tokens [start, end) of the sentence."""

    start: int
    end: int
    kind: str  # hedge | booster
    certainty: str  # what the cue alone implies (possible, probable, ...)


class CueSite(NamedTuple):
    """Where an expectation cue was found: tokens [i, j) of sentence `s`."""

    s: Sentence
    i: int
    j: int
    cue: ExpectationCue
    mentions: list[Mention]
    ctx: Context
    start: int  # first token of the clause holding the cue
    end: int  # end of the clause going on after the cue (exclusive)
    prev: str  # the word before the cue ("" at the start)
    nxt: str  # the word after the cue ("" at the end)


@dataclass
class Candidate:
    """A claim in the making."""

    cue: int  # first token of the cue that made the claim
    type: str
    frame: str  # holder (a party's attitude) | author
    holder: list[str]
    actor_tokens: tuple[int, int] | None
    span: tuple[int, int]  # tokens [i, j)
    region: tuple[int, int]  # the tokens of the whole clause: holder, cue and span
    negative: bool = False
    cues: list[Cue] = field(default_factory=list)
    underspecified: bool = False  # framed by "whether"
    target_hint: str | None = None  # addressee, passive subject, antecedent
    parent: Candidate | None = None  # the first conjunct, for coordinated siblings
    embedded: bool = False  # a relative clause made a claim by its cue
    speech: bool = False  # a party's reported speech (a `statement` for other claims)
    own_subject: bool = False  # a coordinated clause with a subject of its own
    recent: tuple[str, ...] = ()  # parties of the context, most salient first (for §9 (a), (b))
    certainty: str = "certain"  # from the hedges (guidelines §12)
    target: str | None = None  # the party it is directed at or about (guidelines §9)
    # Each holder's own naming phrase when several parties hold the claim ("Paris and Berlin").
    holder_tokens: dict[str, tuple[int, int]] = field(default_factory=dict)


def build_candidate(
    s: Sentence,
    i: int,
    typ: str,
    frame: str,
    holder: list[str],
    atoks: tuple[int, int] | None,
    span: tuple[int, int],
    start: int,
    cue: ExpectationCue | None,
) -> Candidate | None:
    """A candidate cued at token i with its span trimmed, its region (the clause from `start`)
    and its polarity (a negated attitude or content); None when nothing is left of the span."""
    span = trim_span(s, span)
    if span[0] >= span[1]:
        return None
    region = (min(start, span[0], atoks[0] if atoks else start, i), span[1])
    negative = bool(cue and cue.negative)
    if frame == "holder" and is_negated(s, atoks[1] if atoks else start, i):
        negative = not negative  # "Seoul does not want ..."
    if is_negated(s, span[0], span[1]):
        negative = not negative
    return Candidate(i, typ, frame, holder, atoks, span, region, negative)
