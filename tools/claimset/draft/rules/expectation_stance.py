"""Stance frames: a party's attitude as an adjective or a noun (guidelines §6.1, §7.1).

*New Delhi is eager to expand trade*, *Seoul is fully aware how ...* (holder-adj); *Moscow's
priority is to sell more gas*, *Hopes were running high that ...* (holder-noun).
"""

from __future__ import annotations

from ..actor_index import AUTHOR
from ..candidate import CueSite, build_candidate
from ..clauses import bare_clause, is_future
from ..context import resolve_anaphor
from ..lexicons import lexicons
from ..mentions import Mention
from ..registry import frame
from ..sentence import Sentence, clause_end
from ..types import Candidate
from ..words import APOSTROPHES, DETERMINERS, QUOTES, WH
from .actor import find_holder

#: Linking verbs of a change or of staying, besides the copulas of syntax.json: *Tokyo has
#: grown uneasy about ...*, *Seoul became wary of ...*, *Hanoi remained sceptical that ...*.
_LINKING = frozenset(
    ["become", "grow", "grows", "grew", "grown", "remained", "stays", "stayed", "turned"]
)


#: Negations between the copula and the adjective (the claim is then `negative`, §10).
_NOT = frozenset(["not", "n't", "never"])
#: Words of degree before a stance adjective (*will be very wary of*, *less inclined to*).
DEGREE = frozenset(["very", "so", "too", "less", "more", "most", "quite", "rather", "much"])


def _adjunct_before_to(s: Sentence, j: int) -> int | None:
    """The *to* after a short prepositional adjunct of time that follows the adjective at
    j - 1 (*reluctant in the short term to ...*, *willing for now to ...*), else None."""
    low = s.low
    if j >= s.n or low[j] not in ("in", "for", "at", "during"):
        return None
    for k in range(j + 2, min(s.n, j + 6)):
        if low[k] == "to":
            return k
        if not low[k].isalpha():
            return None
    return None


def stance_adjective_at(s: Sentence, k: int, before: str) -> bool:
    """Whether a stance adjective of the lexicon (*reluctant, willing, wary*; frame
    holder-adj) stands at token k, past words of degree, followed by the word `before` (past a
    short adjunct before *to*: *reluctant in the short term to*)."""
    while k < s.n and s.low[k] in DEGREE:
        k += 1
    for words, cue in lexicons().expectations.get(s.low[k] if k < s.n else "", ()):
        j = k + len(words)
        if cue.frame != "holder-adj" or tuple(s.low[k:j]) != words:
            continue
        if (j < s.n and s.low[j] == before) or (before == "to" and _adjunct_before_to(s, j)):
            return True
    return False


@frame("holder-adj")
def adjective_candidate(site: CueSite) -> Candidate | None:
    """A stance adjective after a copula: *is eager to*, *is convinced that*, *is fully aware
    how*, *is wary of any deal*, *is uneasy about the base*; the holder is the copula's
    subject."""
    s, i, j, start, cue, nxt = site.s, site.i, site.j, site.start, site.cue, site.nxt
    low = s.low
    k = i - 1
    while (
        k >= 0
        and (low[k].endswith("ly") or low[k] in QUOTES or low[k] in _NOT or low[k] in DEGREE)
        and k > start
    ):
        k -= 1  # "is deeply convinced", "is fully aware", 'is "willing to'", "is not keen to"
    # "we’re interested in", "I’m proud that" (guidelines v1.4: the copula is shell)
    contracted = low[k] in ("re", "m") and k > 0 and low[k - 1] in APOSTROPHES
    if k < 0 or (low[k] not in lexicons().copulas and low[k] not in _LINKING and not contracted):
        return None
    adjunct = _adjunct_before_to(s, j)
    if adjunct is not None:
        j, nxt = adjunct, "to"  # "will be reluctant in the short term to compromise"
    if nxt == "and" and j + 2 < s.n and low[j + 1].endswith("ed"):
        nxt = low[j + 2]  # "outraged and saddened by": the second adjective shares the object
    if cue.words[-1] in ("in", "on", "about"):
        span_start = i
    elif nxt in ("to", "that"):
        span_start = j + 1
    elif nxt in WH:
        span_start = j
    elif cue.type == "belief" and bare_clause(s, j, site.end):
        span_start = j  # "is confident they have the means": a content clause without *that*
    elif nxt in ("of", "about", "over", "with", "at") or (nxt == "by" and cue.type == "belief"):
        # "is wary of any deal", "is uneasy about the new base", "unhappy with"; a feeling
        # about a state of affairs "by" its cause (*was outraged by the attack*, §8.1 belief).
        span_start = i
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
    if j + 1 < s.n and low[j] == "to" and _stating_verb(s, i) is not None:
        return _stated_noun(site)
    expressed = _expressed(s, i) if i > start else 0
    if expressed and (j + 1 >= s.n or low[j] != "that"):
        return None  # "expressed concern about X": a public stance reported (§4.5), no claim
    span_start = j + 1 if expressed else _noun_content(s, j)
    if span_start is None:
        return None
    owner = [m for m in mentions if m.possessive and _owns(s, m.j, i)]
    if owner:
        holder = [owner[-1].ref]
        atoks: tuple[int, int] | None = (owner[-1].i, owner[-1].j)
    elif site.prev in ("its", "their", "his", "her"):
        holder = resolve_anaphor(s, Mention("singular", i - 1, i, anaphor=True), mentions, ctx)
        atoks = (i - 1, i)
    elif i == start:
        holder, atoks = ctx.recent[:1] or [AUTHOR], None  # "Hopes were running high that ..."
    elif expressed:
        # "Some Indonesians express concern that ...", "Tokyo voiced the hope that ...": the
        # attitude the noun names is the expressing verb's subject's (§6.1, a holder).
        holder, atoks = find_holder(s, expressed, start, mentions, ctx)
    else:
        return None
    if not holder:
        return None
    span = (span_start, clause_end(s, span_start))
    typ = site.cue.type
    if site.cue.future_type and is_future(s, span_start, span[1]):
        typ = site.cue.future_type  # "expressed confidence that the talks will resume"
    return build_candidate(s, i, typ, "holder", holder, atoks, span, start, site.cue)


def _noun_content(s: Sentence, j: int) -> int | None:
    """Where the content of the stance noun ending at token j starts: after *is to / is that*,
    a later *that*, or *include* + gerund; None when it has none in its clause."""
    low = s.low
    for k in range(j, min(s.n, j + 8)):
        if s.stop[k]:
            return None
        if (
            low[k] in ("is", "are", "was", "were", "remains")
            and k + 1 < s.n
            and low[k + 1] in ("to", "that")
        ):
            return k + 2
        if low[k] == "that" and k > j and low[k - 1] not in DETERMINERS:
            return k + 1
        if low[k] in _INCLUDE and k == j and k + 1 < s.n and low[k + 1].endswith("ing"):
            # "Takaichi's priorities include increasing defense spending and tackling inflation":
            # each course the list names is the owner's aim, as with "is to" (§4.2, §5).
            return k + 1
    return None


#: Verbs that express an attitude noun as their object (*expressed concern that ...*).
_EXPRESSING = frozenset(
    ["express", "expresses", "expressed", "expressing", "voice", "voices", "voiced", "voicing"]
) | frozenset(["raise", "raises", "raised", "raising"])


def _expressed(s: Sentence, i: int) -> int:
    """The token of the verb that expresses the stance noun at i (*expressed concern*, *voiced
    the hope*, *expressed deep concern*), or 0."""
    k = i - 1
    while k > 0 and (s.low[k] in _BEFORE_NOUN or s.low[k].endswith("ly")):
        k -= 1
    return k if k > 0 and s.low[k] in _EXPRESSING else 0


#: Determiners and adjectives of degree between an expressing verb and its noun.
_BEFORE_NOUN = frozenset(
    ["the", "a", "its", "their", "his", "her", "some", "deep", "grave", "serious", "growing"]
) | frozenset(["strong", "great", "renewed", "continued"])


def _owns(s: Sentence, j: int, i: int) -> bool:
    """Whether a possessive mention ending at token j owns the stance noun at i: right before
    it, or past its possessive ending and up to two adjectives (*Seoul's main priority*,
    *Takaichi's legislative priorities*)."""
    if j in (i, i - 1):
        return True
    between = s.toks[j + 1 : i]
    return (
        j < i
        and s.low[j] in ("'s", "’s")
        and len(between) <= 2
        and all(w.isalpha() and w.islower() and w not in DETERMINERS for w in between)
    )


# Verbs that state or signal an attitude noun naming the party's own course (*has stated its
# intent to ...*, *indicated their intention to ...*).
_STATING = frozenset(
    [
        "stated",
        "states",
        "indicated",
        "indicates",
        "announced",
        "announces",
        "declared",
        "declares",
        "signaled",
        "signalled",
        "signals",
        "reaffirmed",
        "reaffirms",
        # Publishing a plan states it too (*released plans to raise spending*).
        "released",
        "releases",
        "unveiled",
        "unveils",
        "published",
        "publishes",
        "outlined",
        "outlines",
        "presented",
        "presents",
    ]
)
#: Determiners between a stating verb and its noun (*announced its plan*, *unveiled a plan*).
_NOUN_DETERMINERS = frozenset(["its", "their", "his", "her", "our", "a", "an", "the", "new"])


def _stating_verb(s: Sentence, i: int) -> int | None:
    """The token of the stating verb right before the stance noun at i (past one determiner:
    *announced its plan*, *unveiled a plan*, *released plans*, *has laid out plans*), or None."""
    low = s.low
    k = i - 2 if i >= 2 and low[i - 1] in _NOUN_DETERMINERS else i - 1
    if k < 1:
        return None
    if low[k] in _STATING or (low[k] == "out" and low[k - 1] in ("laid", "lays", "set", "sets")):
        return k
    return None


def _stated_noun(site: CueSite) -> Candidate | None:
    """ "The government has stated its intent to help reopen the strait", "Some Members have
    indicated their intention to introduce measures", "Tokyo unveiled a plan to ...": a noun
    naming an expected action, stated by its owner, makes a claim of the noun's type
    (guidelines §4.5, "Expressing an attitude noun"): the holder is the stating verb's subject,
    the span the action after *to*."""
    s, i, j = site.s, site.i, site.j
    verb = _stating_verb(s, i)
    if verb is None:
        return None
    holder, atoks = find_holder(s, verb, site.start, site.mentions, site.ctx)
    if not holder:
        return None
    span = (j + 1, clause_end(s, j + 1))
    return build_candidate(s, i, site.cue.type, "holder", holder, atoks, span, site.start, site.cue)


# A plural stance noun that lists its contents (*X's goals include reducing ...*).
_INCLUDE = frozenset(["include", "includes", "included"])


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
