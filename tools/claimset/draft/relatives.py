"""Relative clauses: where one opens and whether its pronoun is its subject, for the claims a
relative clause makes by itself (guidelines §4.3 cue rule, §7.1: the span starts at the relative
pronoun, *which might grow into ...*, *the fees that Tokyo reportedly charged*)."""

from __future__ import annotations

from .lexicons import lexicons
from .sentence import Sentence
from .words import DETERMINERS, FINITE, is_verb

#: Words before *that* after which it is no relative pronoun (*and that may be true*, *so that*).
_NOT_ANTECEDENTS = frozenset(
    ["and", "or", "but", "yet", "so", "because", "since", "as", "if", "while", "now", "than"]
)


def relative_subject(s: Sentence, k: int) -> bool:
    """Whether token k is a relative pronoun that is its clause's subject (*ways **that** may
    erode ...*, *, **which** may cost ...*): *which* and *who* always, *that* after a noun
    (not a complementizer after a verb, *said that*, nor a demonstrative, *and that may ...*)."""
    low = s.low
    if low[k] in ("which", "who"):
        return True
    if low[k] != "that" or k == 0:
        return False
    prev = low[k - 1]
    return (
        prev.isalpha()
        and prev not in _NOT_ANTECEDENTS
        and prev not in DETERMINERS
        and prev not in lexicons().prepositions
        and not is_verb(prev)
        and not (k + 1 < s.n and low[k + 1] in DETERMINERS)
    )


def relative_start(s: Sentence, start: int) -> int:
    """The start of an author's claim in a relative clause, its relative pronoun included
    (guidelines §7.1: *that may erode U.S. security*, *which may cost some $10 billion*):
    `start` moved back over adverbs to the pronoun that is the clause's subject, else itself."""
    k = start - 1
    while k > 0 and s.low[k].endswith("ly"):
        k -= 1
    return k if k >= 0 and relative_subject(s, k) else start


def relative_clause(s: Sentence, i: int) -> int | None:
    """The relative pronoun that opens the clause holding token i, if any (*which might ...*,
    *visas that are suspected of ...*), a preposition before it included (*an incident in which
    police reportedly detained ...*), past the clause's own subject (*the fees that Iran
    reportedly has charged*): where a cue-rule claim starts (guidelines §4.3, §7.1)."""
    k = i - 1
    while k > 0 and not s.stop[k] and i - k <= 4:
        if s.low[k] in ("which", "who") and s.low[k - 1] != ",":
            return k
        if s.low[k] == "that" and relative_subject(s, k):
            return k
        if not (s.low[k] in FINITE or s.low[k] in ("not", "n't") or s.low[k].endswith("ly")):
            return _object_relative(s, k)
        k -= 1
    return None


def _object_relative(s: Sentence, k: int) -> int | None:
    """The relative pronoun before the subject that ends at token k (*that Iran*, *in which
    PRC police*, *which the two sides*): a name, or a short noun phrase opened by a determiner
    or a capital, right after the pronoun; None when no such pronoun is there."""
    low = s.low
    for p in range(k, max(0, k - 5), -1):
        w = low[p]
        if s.stop[p] or w in FINITE or is_verb(w) or not w[:1].isalnum():
            return None
        pron = p - 1
        if low[pron] in ("which", "whom") or (
            low[pron] == "that" and pron > 0 and low[pron - 1].isalpha() and _noun_before(s, pron)
        ):
            subject_like = s.toks[p][:1].isupper() or w in DETERMINERS or low[pron] != "that"
            if not subject_like or low[pron - 1] == "," or low[pron - 1] in _SHELL_NOUNS:
                return None  # "the fact that Iran ...": the noun's content, no relative clause
            if low[pron] != "that" and low[pron - 1] in lexicons().prepositions:
                return pron - 1  # "in which ...": the preposition opens the clause
            return pron
    return None


#: Nouns whose *that*-clause is their content, not a relative clause (Schmid 2000, shell
#: nouns): *the fact that Iran reportedly charged fees* states the fact.
_SHELL_NOUNS = frozenset(
    [
        "fact",
        "idea",
        "view",
        "notion",
        "belief",
        "claim",
        "claims",
        "assumption",
        "hope",
        "hopes",
        "fear",
        "fears",
        "concern",
        "concerns",
        "news",
        "sense",
        "argument",
        "evidence",
        "sign",
        "signs",
        "suggestion",
        "possibility",
        "prospect",
        "risk",
        "danger",
        "reports",
    ]
)


def _noun_before(s: Sentence, pron: int) -> bool:
    """Whether the word before the *that* at `pron` can be a noun it modifies (not a verb, a
    determiner, a preposition or a conjunction: *said that*, *and that*)."""
    prev = s.low[pron - 1]
    return (
        prev not in _NOT_ANTECEDENTS
        and prev not in DETERMINERS
        and prev not in lexicons().prepositions
        and not is_verb(prev)
        and prev not in FINITE
    )
