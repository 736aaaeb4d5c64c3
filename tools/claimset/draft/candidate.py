"""Where an expectation cue was found (`CueSite`), and the claim in the making it starts
(`build_candidate`). `Candidate` itself is plain data in `types` (importable from here too)."""

from __future__ import annotations

from typing import NamedTuple

from .clauses import is_negated, trim_span
from .context import Context
from .lexicons import ExpectationCue
from .mentions import Mention
from .sentence import Sentence
from .types import Candidate as Candidate


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
    if span[0] >= span[1] or i in s.broken:
        return None  # nothing left, or a cue in a false start the speaker broke off
    region = (min(start, span[0], atoks[0] if atoks else start, i), span[1])
    negative = bool(cue and cue.negative)
    if frame == "holder" and is_negated(s, atoks[1] if atoks else start, i):
        negative = not negative  # "Seoul does not want ..."
    if is_negated(s, span[0], span[1]):
        negative = not negative
    return Candidate(i, typ, frame, holder, atoks, span, region, negative)
