"""Clauses of the author's voice that report, not judge (guidelines §4.4, §4.5): the perfect of
a narrated act, and what a law or agreement named in a fronted frame provides."""

from __future__ import annotations

from ..lexicons import lexicons, longest_match
from ..sentence import Sentence
from ..words import ACT_PARTICIPLES, AGREEMENTS, INSTRUMENTS

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


#: Heads of a legal or agreed instrument in a fronted frame (*Under the treaty,*, *As part of
#: the compact,*), besides `INSTRUMENTS` and `AGREEMENTS`.
_FRAME_HEADS = frozenset(
    [
        *("constitution", "charter", "convention", "protocol", "regulations", "rules"),
        *("terms", "arrangement", "arrangements", "system", "framework", "mandate"),
    ]
)
#: Openers of a frame that names the instrument the clause's content comes from.
_FRAME_OPENERS = (
    ("under",),
    ("as", "part", "of"),
    ("pursuant", "to"),
    ("in", "accordance", "with"),
    ("according", "to"),
)
#: Modals by which the author judges, not the instrument provides (*may suffer*, *should*).
_JUDGING_MODALS = frozenset(["may", "might", "could", "should", "ought"])


def instrument_frame(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b is the content of a law or agreement named in a fronted frame
    (*By law, the commission does not weigh ...*, *Under the treaty, each side provides ...*,
    *As part of the compact, a task force pursues ...*): what an instrument provides is a
    report of it, in any tense (guidelines §4.4; laws and agreements speak for nobody, §4.5).
    A judging modal, a cue, an evaluative or causal word leave the clause to the other tests
    (*Under the new law, exports may suffer*)."""
    low = s.low
    start = next((k + 1 for k in range(a - 1, -1, -1) if low[k] in (";", ":")), 0)
    if not _framed(s, start, a):
        return False
    lex = lexicons()
    for k in range(a, b):
        w = low[k]
        if w in _JUDGING_MODALS or (w in lex.hedges.firsts and longest_match(lex.hedges, low, k)):
            return False
        if (w in lex.evaluative.firsts and longest_match(lex.evaluative, low, k)) or (
            w in lex.causal.firsts and longest_match(lex.causal, low, k)
        ):
            return False
    return True


def _framed(s: Sentence, start: int, a: int) -> bool:
    """Whether a fronted phrase between start and the clause at a, closed by a comma, is an
    instrument frame: *By law* or an opener of `_FRAME_OPENERS` whose phrase ends in the head
    of an instrument (*Under its legal system*, *As part of the 2023 compact*)."""
    low = s.low
    piece = start
    for k in range(start, a + 1):
        if k < a and low[k] != ",":
            continue
        # tokens piece..k are one comma-delimited fronted phrase
        if k - piece == 2 and low[piece] == "by" and low[piece + 1] in ("law", "statute"):
            return True
        for opener in _FRAME_OPENERS:
            n = len(opener)
            if tuple(low[piece : piece + n]) == opener and piece + n < k <= piece + n + 8:
                head = low[k - 1]
                if head in INSTRUMENTS or head in AGREEMENTS or head in _FRAME_HEADS:
                    return True
        piece = k + 1
    return False
