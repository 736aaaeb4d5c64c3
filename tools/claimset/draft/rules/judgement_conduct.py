"""The speaker's own conduct, narrated: a report, not the author's judgement (guidelines §4.4).

*We are closely monitoring energy supplies*, *My administration is using every tool at our
disposal*, *I have been in constant contact with European leaders*, *We have already begun this
work*: the author (or the speaker of a speech) says what they are doing or have done. The
reader can only check the record, not read it differently: conduct is a report whatever the
tense ("Actions are reports, attitudes are claims"). Attitudes, aims (*we are seeking*), plans
(*we are going to*), evaluations and cues are left to the other tests. A stance voiced with an
attitude noun (*raised concerns about ...*) is reported conduct too (v1.3 change 20).
"""

from __future__ import annotations

from ..lexicons import lexicons, longest_match
from ..sentence import Sentence
from ..words import APOSTROPHES, MODALS, PARTICIPLES, is_past

_PROGRESSIVE = frozenset(["am", "is", "are", "re", "m"])
_PERFECT = frozenset(["have", "has", "ve"])
#: Verbs of aim and plan: in the progressive they state a standing aim (§4.4), a claim.
_AIMS = frozenset(["going", "seeking", "pursuing", "striving", "working", "trying", "planning"])
#: Verbs of perception and cognition: what the speaker saw or learned (*we've seen the
#: playbook come to pass*) is a reading of events, judged on its own, not conduct.
_PERCEPTION = frozenset(
    [
        "seen",
        "seeing",
        "heard",
        "hearing",
        "witnessed",
        "witnessing",
        "watched",
        "watching",
        "noticed",
        "noticing",
        "observed",
        "observing",
        "learned",
        "learnt",
        "learning",
        "found",
        "known",
        "felt",
        "realized",
        "realised",
        "understood",
        "concluded",
    ]
)
#: Head nouns of the speaker's side as a subject (*my administration*, *our government*).
_SIDE_NOUNS = frozenset(["administration", "government", "team", "country", "nation", "office"])


def speaker_conduct(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b narrates the speaker's own conduct in the progressive or the
    present perfect (module docstring): a first-person subject (*I*, *we*, *my / our* + a
    noun of the speaker's side), then *am / is / are* + a verb in -ing, or *have / has* + a
    participle or *been* + a verb in -ing or a preposition (*been in contact*). Anything that
    makes the clause a judgement (a cue, a modal, a negation, an evaluative or causal word,
    a *that*-clause after the verb) leaves it to the other tests."""
    low = s.low
    k = _after_subject(s, a, b)
    if k is None or k >= b:
        return False
    k = _past_adverbs(s, k, b)
    if k >= b:
        return False
    if low[k] in _PROGRESSIVE:
        v = _past_adverbs(s, k + 1, b)
        conduct = v < b and low[v].endswith("ing") and low[v] not in _AIMS
    elif low[k] in _PERFECT:
        v = _past_adverbs(s, k + 1, b)
        if v < b and low[v] == "been":
            v = _past_adverbs(s, v + 1, b)
            conduct = v < b and (
                (low[v].endswith("ing") and low[v] not in _AIMS)
                or low[v] in lexicons().prepositions
            )
        else:
            conduct = v < b and _participle(low[v])
    else:
        return False
    if v < b and low[v] in _PERCEPTION:
        return False
    if v + 1 < b and low[v + 1] == "that":
        return False  # "We have shown that P": P is asserted, judged on its own
    return conduct and not _judged(s, a, b)


def _after_subject(s: Sentence, a: int, b: int) -> int | None:
    """The token after a first-person subject at a (past a contraction's apostrophe), or None."""
    low = s.low
    if s.toks[a] == "I" or low[a] == "we":
        k = a + 1
    elif low[a] in ("my", "our") and a + 1 < b and low[a + 1] in _SIDE_NOUNS:
        k = a + 2
    else:
        return None
    return k + 1 if k < b and low[k] in APOSTROPHES else k


def _past_adverbs(s: Sentence, k: int, b: int) -> int:
    """The first token at or after k that is no adverb (*closely*, *already*, *now*)."""
    while k < b and (s.low[k] in ("already", "now", "also", "still", "just") or _ly(s.low[k])):
        k += 1
    return k


def _ly(w: str) -> bool:
    return w.endswith("ly") and len(w) > 4


def _participle(w: str) -> bool:
    """A past participle (*begun*, *signed*, *sent*, *shown*)."""
    return is_past(w) or w in PARTICIPLES or (w.endswith(("en", "wn", "un")) and len(w) > 3)


def _judged(s: Sentence, a: int, b: int) -> bool:
    """Whether anything in the clause a..b makes it more than narrated conduct: a hedge or
    booster, a modal, a negation, an evaluative or causal word."""
    lex = lexicons()
    low = s.low
    for k in range(a, b):
        w = low[k]
        if w in MODALS or w in ("not", "n't", "never"):
            return True
        for trie in (lex.hedges, lex.evaluative, lex.causal):
            if w in trie.firsts and longest_match(trie, low, k):
                return True
    return False


# Verbs that report a stance being voiced, and the attitude nouns they take (v1.3 change 20:
# *express / raise / voice* + an attitude noun report a public stance; the author judges nothing).
_VOICING = frozenset(["raised", "raise", "raises", "expressed", "express", "expresses", "voiced"])
_ATTITUDE_NOUNS = frozenset(
    ["concern", "concerns", "fears", "doubts", "hopes", "reservations", "support", "opposition"]
)


def expressed_attitude(s: Sentence, a: int, b: int) -> bool:
    """ "Policymakers have raised concerns about ...", "Seoul expressed its support for ...":
    a voiced attitude noun, a report (guidelines v1.3 change 20). Concerns raised *among*
    others (*The moves have raised concerns among observers*) name a cause of their attitude,
    not a holder voicing it: the author's judgement of an effect (§4.4)."""
    low = s.low
    return any(
        w in _VOICING
        and any(
            x in _ATTITUDE_NOUNS and low[n + 1 : n + 2] != ["among"]
            for n, x in enumerate(low[k + 1 : min(b, k + 4)], start=k + 1)
        )
        for k, w in enumerate(low[a:b], start=a)
    )


def caused_attitude(s: Sentence, a: int, b: int) -> bool:
    """ "Other moves have raised concerns among some observers": a cause of others' attitude
    (*raise / voice* + an attitude noun + *among*), a causal link the author asserts, so a
    judgement (guidelines §4.4, like *have led some observers to question ...*)."""
    low = s.low
    return any(
        w in _VOICING
        and any(
            x in _ATTITUDE_NOUNS and low[n + 1 : n + 2] == ["among"]
            for n, x in enumerate(low[k + 1 : min(b, k + 4)], start=k + 1)
        )
        for k, w in enumerate(low[a:b], start=a)
    )
