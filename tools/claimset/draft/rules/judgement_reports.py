"""Clauses of the author's voice that report, not judge (guidelines §4.4, §4.5): the perfect of
a narrated act."""

from __future__ import annotations

from ..sentence import Sentence
from ..words import ACT_PARTICIPLES

#: Auxiliaries of the perfect.
_PERFECT = frozenset(["has", "have", "had", "'ve", "’ve"])
#: Adverbs between the auxiliary and its participle (*has already taken*, *have not sold*).
_BETWEEN = frozenset(["already", "also", "since", "now", "recently", "not", "never", "just"])


def perfect_of_act(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j hold the perfect of an act with an irregular participle (*have taken
    several steps*, *has sold its stake*): narrated conduct, like *has signed* (guidelines §4.4,
    "Actions are reports, attitudes are claims"); the other tests (evaluative and causal words,
    a present or modal verb) still decide."""
    low = s.low
    for k in range(i + 1, j):
        if low[k] not in ACT_PARTICIPLES:
            continue
        aux = k - 1
        while aux > i and low[aux] in _BETWEEN:
            aux -= 1
        if low[aux] in _PERFECT:
            return True
    return False
