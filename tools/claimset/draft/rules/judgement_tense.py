"""The tense of a clause the author's judgement is tested on: a past form that is only a
participle (*the continued attacks*, *nationality-based groups*, *at being treated*) narrates
nothing (guidelines §4.4: past narration is a report, a present judgement is not)."""

from __future__ import annotations

from ..sentence import Sentence, skip_connectives
from ..words import DETERMINERS, FINITE, PRESENT, is_past

#: Demonstratives, also pronouns that can be a subject (*These included ...*).
_DEMONSTRATIVES = frozenset(["this", "that", "these", "those"])
#: Words after which a form in -ed is a participle, not a finite past verb: a determiner or
#: possessive before an attributive participle (*the continued attacks*), the hyphen of a
#: compound (*nationality-based groups*), a passive or progressive auxiliary of a non-finite
#: phrase (*being treated*, *to be seen*).
_BEFORE_PARTICIPLE = (DETERMINERS - _DEMONSTRATIVES) | frozenset(
    ["-", "being", "be", "'s", "’s", "so"]
)


def untensed(s: Sentence, i: int, j: int) -> bool:
    """Whether the clause i..j, which opens the sentence and has a verb of its own, has a
    past form only as a participle (*The continued attacks reinforce nationalism*, *groups
    based in the north have a potential for ...*): no past narration. A later piece (*and then
    an Ordered Departure for ...*, an apposition) or a verbless one is left alone."""
    if skip_connectives(s, 0, s.n) < i or _finite_past(s, i, j):
        return False
    return any(
        w in FINITE or w in PRESENT or (k > i and _present_s(s, k))
        for k, w in enumerate(s.low[i:j], start=i)
    )


def _present_s(s: Sentence, k: int) -> bool:
    """A present verb in -s after a noun and before its object (*the difficulty involves
    Thai sensitivity*, *Seoul controls the strait*)."""
    low = s.low
    w = low[k]
    return (
        w.endswith("s")
        and not w.endswith(("ss", "us", "is", "'s", "’s"))
        and s.toks[k].islower()
        and low[k - 1].isalpha()
        and low[k - 1] not in DETERMINERS
        and k + 1 < s.n
        and (low[k + 1] in DETERMINERS or s.toks[k + 1][:1].isupper())
    )


def _attributive(word: str) -> bool:
    """A regular participle in -ed, the form that serves as an adjective (*the continued
    attacks*); an irregular past form after a determiner stays a verb or a noun (*Lee's
    left-of-center party*: no participle the rule may set aside)."""
    return word.endswith("ed")


def _finite_past(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j hold a past form that can be the clause's finite verb: not one
    used as an adjective or inside a non-finite phrase (the clause's tense is its verb's,
    guidelines §4.4: past narration is a report, a present judgement is not)."""
    low = s.low
    return any(
        (is_past(low[k]) and not (_attributive(low[k]) and low[k - 1] in _BEFORE_PARTICIPLE))
        # a perfect passive (*have long been used by*): narrated, whatever the participle
        or (low[k] == "been" and k + 1 < j and low[k + 1].endswith("ed"))
        or (low[k] == "yet" and low[k + 1 : k + 2] == ["to"])  # "have yet to exchange"
        for k in range(i, j)
    )
