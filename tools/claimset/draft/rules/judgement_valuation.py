"""Words of valuation (*important, difficult, an impediment*) as signals of the author's
judgement (guidelines §4.4): where they are predicated of the clause's subject or are part of
it (*The most important change was ...*, *membership was an impediment to ...*), not where they
describe an object (*sustained serious damage*, *gained valuable experience*)."""

from __future__ import annotations

from ..lexicons import lexicons, longest_match
from ..sentence import Sentence
from ..words import FINITE, is_past

#: Words between a copula and the word of valuation it predicates (*was an impediment*, *is
#: not very helpful*).
_PREDICATIVE_GAP = frozenset(
    ["a", "an", "the", "most", "more", "less", "very", "so", "too", "quite", "not", "also"]
)


def valuation_at(s: Sentence, i: int, k: int) -> bool:
    """Whether a word of valuation at token k of the clause starting at i judges: a phrase of
    several words (*at the expense of*), a word in the subject (before the clause's first
    finite or past verb), or one a copula predicates."""
    lex = lexicons()
    low = s.low
    if low[k] not in lex.valuation.firsts:
        return False
    found = longest_match(lex.valuation, low, k)
    if found is None:
        return False
    if found[0] > 1 or not any(w in FINITE or w in lex.copulas or is_past(w) for w in low[i:k]):
        return True
    t = k - 1
    while t > i and low[t] in _PREDICATIVE_GAP:
        t -= 1
    return low[t] in lex.copulas


def evaluative_at(s: Sentence, i: int, k: int) -> bool:
    """Whether token k of the clause starting at i opens an evaluative word (*unrealistic, the
    mistake, ruin*, anywhere) or a word of valuation that judges (`valuation_at`)."""
    lex = lexicons()
    if s.low[k] in lex.evaluative.firsts and longest_match(lex.evaluative, s.low, k):
        return True
    return valuation_at(s, i, k)
