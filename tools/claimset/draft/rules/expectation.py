"""Expectation cues (expectations.json): each occurrence is handed to its frame's rule.

The frames are registered rules: `holder` (an attitude verb, `expectation_verbs.py`),
`holder-adj` and `holder-noun` (stance adjectives and nouns, `expectation_stance.py`), `author`
and `advice` (the author's modals and frames, `expectation_author.py`).
"""

from __future__ import annotations

from bisect import bisect_left

from ..candidate import CueSite
from ..context import Context
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence, clause_end, clause_start
from ..types import Candidate
from ..words import DETERMINERS, SUBORDINATORS, is_verb, positions


def expectation_candidates(s: Sentence, mentions: list[Mention], ctx: Context) -> list[Candidate]:
    """A candidate claim for every expectation cue outside conditions and concessions; of two
    cues starting at one token the longest that makes a claim wins."""
    lex = lexicons()
    out: list[Candidate] = []
    cues = lex.expectations
    # Only the tokens that may open a cue are tried (most words are no expectation cue);
    # `at` indexes them, and `bisect` finds the first one at or after a token.
    tried = positions(s.low, cues.firsts)
    at = 0
    while at < len(tried):
        i = tried[at]
        if (
            s.suppressed[i]
            or i in s.asides
            or _in_condition(s, i)
            or contact_relative(s, i)
            or asked_about(s, i)
        ):
            # Not asserted, or a side statement between commas (*the minister, who wants calm,
            # ...*), or a relative clause without a relative pronoun (*the policies he regards
            # as vital*): inside a noun phrase it makes no claim (guidelines §4.3); nor does
            # an embedded question (*questions about how he intends to govern*).
            at += 1
            continue
        found = None
        width = 1
        for words, cue in cues[s.low[i]]:
            j = i + len(words)
            # The last word first: most longer forms fail there, without building a tuple.
            if j > s.n or s.low[j - 1] != words[-1] or tuple(s.low[i:j]) != words:
                continue
            prev, nxt = s.low[i - 1] if i > 0 else "", s.low[j] if j < s.n else ""
            start, end = clause_start(s, i), clause_end(s, j)
            found = cue.build(CueSite(s, i, j, cue, mentions, ctx, start, end, prev, nxt))
            if found is not None:
                width = len(words)
                break
        if found is not None:
            out.append(found)
            at = bisect_left(tried, found.cue + width)  # "would like": "like" is no second cue
        else:
            at += 1
    return out


def _in_condition(s: Sentence, i: int) -> bool:
    """Whether token i is inside a condition that closes its clause (*Seoul will talk only if
    Tokyo wants to*, *You need no troops unless you plan a war*): not asserted, so an attitude
    cue in it makes no claim (guidelines §4.3, §4.6); the condition stays in the span of the
    clause it restricts (§7.2). Conditions that open a clause are `Sentence.suppressed`."""
    between = s.low[clause_start(s, i) + 1 : i]
    return "if" in between or "unless" in between


#: Subjects of a relative clause without a relative pronoun (*the positions it regards as ...*,
#: *an outcome few may have foreseen*).
_CONTACT_SUBJECTS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "few", "many", "most", "some", "others"]
)
#: Words between that subject and the cue: auxiliaries, modals, negations.
_AUXILIARY = frozenset(
    [
        *("may", "might", "could", "would", "will", "can", "should", "must", "not", "n't"),
        *("has", "have", "had", "is", "are", "was", "were", "do", "does", "did", "also", "still"),
    ]
)
#: Nouns of time that open a clause with a subject (*Last year he planned to retire*).
_TIME_NOUNS = frozenset(["year", "month", "week", "day", "time", "decade", "moment", "today"])


def contact_relative(s: Sentence, i: int) -> bool:
    """Whether the cue at token i is the verb of a relative clause without a relative pronoun
    that describes a noun (*other policies he perceives as linked to sovereignty*, *the
    positions it regards as its own territory*, *an outcome few may have foreseen*): a pronoun
    subject right after a common noun that a determiner opens (guidelines §4.3: a relative
    clause inside a noun phrase makes no claim). A verb before the pronoun (*the leaders say
    they want ...*) is a complement's frame, not a noun."""
    low = s.low
    p = i - 1
    while p > 0 and (low[p] in _AUXILIARY or low[p].endswith("ly")):
        p -= 1
    if p < 2 or low[p] not in _CONTACT_SUBJECTS:
        return False
    noun = p - 1
    if not _common_noun(s, noun) or low[noun] in _TIME_NOUNS:
        return False
    k = noun - 1
    while k > noun - 4 and k >= 0 and _common_noun(s, k):
        k -= 1  # adjectives and nouns of the noun phrase (*other government policies*)
    opener = low[k] in DETERMINERS or low[k] in ("other", "such", "'s", "’s")
    return k >= 0 and opener and low[k] != "that"  # not the complementizer *that*


def _common_noun(s: Sentence, k: int) -> bool:
    """A lower-case word that may be a noun or an adjective: no verb, determiner, preposition,
    conjunction or attitude word of the lexicon."""
    w = s.low[k]
    lex = lexicons()
    return (
        s.toks[k].isalpha()
        and s.toks[k].islower()
        and not is_verb(w)
        and w not in DETERMINERS
        and w not in lex.prepositions
        and w not in ("and", "or", "but", "that", "which", "who", "other", "such", "so", "as")
        and w not in SUBORDINATORS
        and lex.expectations.get(w) is None
    )


#: Words that open an embedded question.
_QUESTION = frozenset(["how", "whether", "why", "what", "if"])


def asked_about(s: Sentence, i: int) -> bool:
    """Whether the cue at token i lies in an embedded question that a preposition introduces
    (*raises questions about how he intends to govern*, *doubts over whether Seoul wants a
    deal*): the question is not asserted, so its attitude is no claim (guidelines §4.3,
    "Embedded questions are not asserted")."""
    low = s.low
    for k in range(i - 1, max(0, i - 6), -1):
        if low[k] in _QUESTION:
            return low[k - 1] in lexicons().prepositions and low[k - 1] != "to"
        if not low[k].isalpha():
            return False
    return False
