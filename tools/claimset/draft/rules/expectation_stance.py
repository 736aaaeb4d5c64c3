"""Stance frames: a party's attitude as an adjective or a noun (guidelines §6.1, §7.1).

*New Delhi is eager to expand trade*, *Seoul is fully aware how ...* (holder-adj); *Moscow's
priority is to sell more gas*, *Hopes were running high that ...* (holder-noun).
"""

from __future__ import annotations

from ..actors import AUTHOR, Mention, resolve_anaphor
from ..candidate import CueSite, build_candidate
from ..clauses import is_future
from ..lexicons import lexicons
from ..registry import frame
from ..sentence import clause_end
from ..types import Candidate
from ..words import DETERMINERS, QUOTES, WH
from .actor import find_holder

#: Linking verbs of a change or of staying, besides the copulas of syntax.json: *Tokyo has
#: grown uneasy about ...*, *Seoul became wary of ...*, *Hanoi remained sceptical that ...*.
_LINKING = frozenset(
    ["become", "grow", "grows", "grew", "grown", "remained", "stays", "stayed", "turned"]
)


#: Negations between the copula and the adjective (the claim is then `negative`, §10).
_NOT = frozenset(["not", "n't", "never"])


@frame("holder-adj")
def adjective_candidate(site: CueSite) -> Candidate | None:
    """A stance adjective after a copula: *is eager to*, *is convinced that*, *is fully aware
    how*, *is wary of any deal*, *is uneasy about the base*; the holder is the copula's
    subject."""
    s, i, j, start, cue, nxt = site.s, site.i, site.j, site.start, site.cue, site.nxt
    low = s.low
    k = i - 1
    while k >= 0 and (low[k].endswith("ly") or low[k] in QUOTES or low[k] in _NOT) and k > start:
        k -= 1  # "is deeply convinced", "is fully aware", 'is "willing to'", "is not keen to"
    contracted = low[k] == "re" and k > 0 and low[k - 1] in ("’", "'")  # "we’re interested in"
    if k < 0 or (low[k] not in lexicons().copulas and low[k] not in _LINKING and not contracted):
        return None
    if cue.words[-1] in ("in", "on", "about"):
        span_start = i
    elif nxt in ("to", "that"):
        span_start = j + 1
    elif nxt in WH:
        span_start = j
    elif nxt in ("of", "about", "over", "with", "at"):
        span_start = i  # "is wary of any deal", "is uneasy about the new base", "unhappy with"
    else:
        return None
    typ = cue.to_type if nxt == "to" and cue.to_type else cue.type  # "is ready to act"
    if cue.future_type and span_start > i and is_future(s, span_start, site.end):
        typ = cue.future_type  # "are convinced that the sanctions will be gone"
    holder, atoks = find_holder(s, k, start, site.mentions, site.ctx)
    return build_candidate(s, i, typ, "holder", holder, atoks, (span_start, site.end), start, cue)


@frame("holder-noun")
def noun_candidate(site: CueSite) -> Candidate | None:
    """ "X's priority (in ...) is to ...", "Hopes were running high that ...", "its aim is that"."""
    s, i, j, start, mentions, ctx = site.s, site.i, site.j, site.start, site.mentions, site.ctx
    low = s.low
    if site.prev in _HAVE_QUANTIFIERS and i > 1 and low[i - 2] in ("has", "have", "had"):
        return _had_noun(site)
    limit = min(s.n, j + 8)
    k = j
    span_start = None
    while k < limit and not s.stop[k]:
        if (
            low[k] in ("is", "are", "was", "were", "remains")
            and k + 1 < s.n
            and low[k + 1] in ("to", "that")
        ):
            span_start = k + 2
            break
        if low[k] == "that" and k > j and low[k - 1] not in DETERMINERS:
            span_start = k + 1
            break
        k += 1
    if span_start is None:
        return None
    owner = [m for m in mentions if m.j in (i, i - 1) and m.possessive]
    if owner:
        holder = [owner[-1].ref]
        atoks: tuple[int, int] | None = (owner[-1].i, owner[-1].j)
    elif site.prev in ("its", "their", "his", "her"):
        holder = resolve_anaphor(s, Mention("singular", i - 1, i, anaphor=True), mentions, ctx)
        atoks = (i - 1, i)
    elif i == start:
        holder, atoks = ctx.recent[:1] or [AUTHOR], None  # "Hopes were running high that ..."
    else:
        return None
    if not holder:
        return None
    span = (span_start, clause_end(s, span_start))
    return build_candidate(s, i, site.cue.type, "holder", holder, atoks, span, start, site.cue)


# The quantifiers of an attitude noun a party has (*has no intention of*, *has every interest in*).
_HAVE_QUANTIFIERS = frozenset(("no", "little", "every", "an", "a", "any"))


def _had_noun(site: CueSite) -> Candidate | None:
    """ "Beijing has no intention of backing down", "Moscow has little interest in a
    settlement", "Seoul has every intention of staying": the party that has the attitude noun
    holds it; *no* and *little* deny it (`negative`, §10). The span is the complement after *of*
    or *in*. *Has an interest in* is an objective interest, no attitude (§4.4)."""
    s, i, j = site.s, site.i, site.j
    if j + 1 >= s.n or s.low[j] not in ("of", "in"):
        return None
    if s.low[i] == "interest" and site.prev not in ("no", "little"):
        return None  # "Russia has an interest in ...": an objective interest, a fact (§4.4)
    subject = [m for m in site.mentions if m.j == i - 2 and not m.possessive and not m.anaphor]
    if not subject:
        return None
    span = (j + 1, clause_end(s, j + 1))
    holder, atoks = [subject[-1].ref], (subject[-1].i, subject[-1].j)
    cand = build_candidate(s, i, site.cue.type, "holder", holder, atoks, span, site.start, site.cue)
    if cand is not None and site.prev in ("no", "little"):
        cand.negative = True
    return cand
