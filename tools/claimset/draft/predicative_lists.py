"""A list of predicative adjectives after a linking verb (*the force remains underfunded,
understaffed, and unable to act*; *a country that is safe and prosperous, open to trade but
wary of debt, and committed to the alliance*): one predicate, so its commas and a *but*
between two of its adjectives are no clause boundaries (guidelines §7.2 keeps lists in the
span; §5: one proposition).
"""

from __future__ import annotations

from typing import Protocol

from .lexicons import lexicons
from .words import CLAUSE_OPENING_PRONOUNS, COORDINATORS, DETERMINERS, FINITE, WH, is_verb

#: Linking verbs whose complement may be a list of adjectives (Quirk et al. 1985, §16.21:
#: copular verbs of current and resulting attribute).
LINKING = frozenset(
    [
        *("is", "are", "was", "were", "be", "been", "being", "am"),
        *("remain", "remains", "remained", "remaining"),
        *("become", "becomes", "became", "seem", "seems", "seemed"),
        *("appear", "appears", "appeared", "stay", "stays", "stayed"),
        *("prove", "proves", "proved", "proven", "grow", "grows", "grew", "grown"),
    ]
)

#: Adverbs of degree that may open an item before its adjective (*more isolated*).
_DEGREE = frozenset(["more", "less", "most", "least", "very", "too", "so", "not", "still"])


#: How many words an item (or its complement) may have.
_ITEM = 10


class Tokens(Protocol):
    """What the rule reads of a sentence (`sentence.Sentence` has it)."""

    toks: list[str]
    low: list[str]
    n: int


def in_predicative_list(s: Tokens, i: int) -> bool:
    """Whether the comma or *but* at token i lies inside a list of three or more predicative
    adjectives (or adjective phrases) after one linking verb, the last after *and* / *or*."""
    # Found once per sentence and kept on it: every comma of every sentence asks.
    inside: frozenset[int] | None = getattr(s, "predicative", None)
    if inside is None:
        inside = _list_positions(s)
        setattr(s, "predicative", inside)  # noqa: B010 (Tokens need not declare it)
    return i in inside


def _list_positions(s: Tokens) -> frozenset[int]:
    """The commas and *but*s inside the sentence's predicative lists."""
    low = s.low
    if "," not in low:
        return frozenset()
    out: set[int] = set()
    for k in range(s.n - 1):
        if low[k] in LINKING and (end := _list_end(s, k + 1)):
            out.update(t for t in range(k + 1, end) if low[t] in (",", "but"))
    return frozenset(out)


def _list_end(s: Tokens, k: int) -> int:
    """The token after the last item of a predicative list opened at token k, or 0 when no
    such list opens there: segments between commas, each one adjective or several joined by
    *and / or / but*, three adjectives at least, the last segment opened by a coordinator
    (*A, B, and C*) or holding one (*A, B and C*)."""
    low, n = s.low, s.n
    segments = adjectives = best = 0
    while True:
        opened = segments > 0 and k < n and low[k] in COORDINATORS
        end = _item_end(s, k + 1 if opened else k)
        if end == 0:
            return best
        adjectives += 1
        joined = opened
        while end + 1 < n and low[end] in ("but", *COORDINATORS):
            more = _item_end(s, end + 1)
            if more == 0:
                break
            joined = joined or low[end] in COORDINATORS
            adjectives += 1
            end = more
        segments += 1
        if segments >= 2 and adjectives >= 3 and joined:
            best = end
        if opened or not (end + 1 < n and low[end] == ","):
            return best
        k = end + 1


def _item_end(s: Tokens, k: int) -> int:
    """The token after an item opened at token k: an adjective (past an adverb of degree, and
    the parts of a hyphenated compound), then nothing or a complement opened by a preposition
    or *to* (*unable to act*, *open to trade*, *protective of its values*), up to a comma,
    coordinator or *but*; 0 when token k opens no such item (*as the leaders met*: a clause)."""
    low, n = s.low, s.n
    while k + 1 < n and (low[k] in _DEGREE or low[k].endswith("ly")) and _adjective_like(s, k + 1):
        k += 1  # "more isolated", "fiscally austere" (not "costly," itself)
    if k >= n or not _adjective_like(s, k):
        return 0
    e = k + 1
    while e + 1 < n and low[e] in ("-", "‑") and s.toks[e + 1].isalpha():
        e += 2  # "investor-friendly"
    if e < n and (low[e] == "to" or low[e] in lexicons().prepositions):
        e = _complement_end(s, e)
    if e >= n:
        return n if e == n else 0
    w = low[e]
    return e if w in (",", "but", *COORDINATORS, *_CLOSING) else 0


#: Punctuation that closes the last item of a list with its clause.
_CLOSING = frozenset([".", ";", ":", "!", "?", ")", "(", "—", "–"])


def _complement_end(s: Tokens, e: int) -> int:
    """The token after an adjective's complement opened at token e (*to quell the violence*,
    *of debt*): up to a comma, coordinator, *but* or closing punctuation; n (no item) when it
    holds a clause (a finite or past verb after its first word, a pronoun, a *that*)."""
    low, n = s.low, s.n
    for t in range(e + 1, min(n, e + _ITEM)):
        w = low[t]
        if w in (",", "but", *COORDINATORS, *_CLOSING):
            return t
        if w in ("-", "‑", "'s", "’s"):
            continue
        clause = (
            w in FINITE
            or w in CLAUSE_OPENING_PRONOUNS
            or w in WH
            or w == "that"
            or not w[:1].isalnum()
        )
        if clause or (t > e + 1 and is_verb(w) and low[t - 1] not in ("-", "‑")):
            return n + 1
    return n + 1 if e + _ITEM < n else n


def _adjective_like(s: Tokens, k: int) -> bool:
    """Whether token k may be a predicative adjective or participle (*underfunded*, *safe*,
    *investor-friendly*): a lower-case word that is no determiner, pronoun, finite verb,
    preposition, gerund or connective."""
    w = s.low[k]
    tok = s.toks[k]
    return (
        tok[:1].islower()
        and w.replace("-", "").isalpha()
        and w not in DETERMINERS
        and w not in CLAUSE_OPENING_PRONOUNS
        and w not in FINITE
        and w not in WH
        and w not in ("to", "that", "not", "as", "so", "than")
        and w not in lexicons().subordinators
        and not w.endswith("ing")
        and w not in lexicons().prepositions
        and w not in lexicons().connectives
    )
