"""The sentence's main clauses, where the author's judgements are looked for (docs/drafting.md,
step 6): boundaries, fronted adverbials skipped, verbless pieces left out (a claim needs a
predicate, `predicates.py`)."""

from __future__ import annotations

from .clauses import has_verb, trim_span
from .lexicons import lexicons
from .openings import adverbial_yet, finite_in, mid_repair, subordinate
from .predicates import (
    cut_fragment,
    holds_predicate,
    list_tail,
    phrase_contrast,
    subject_follows,
)
from .sentence import Sentence, past_false_start, skip_connectives
from .words import FINITE, is_verb


def main_clauses(s: Sentence) -> list[tuple[int, int]]:
    """The sentence's main clauses (token ranges), split at ";", "but", coordinating "and";
    each cut at its first comma that is not parenthetical, past a leading adverbial."""
    out = []
    k = 0
    while k < s.n:
        end = _clause_end(s, k)
        a, b = _past_fronted_phrases(s, _clause_start(s, k, end), end)
        while (after := apposition_end(s, a, b, end)) is not None:
            b = _stretch_end(s, after, end)  # *Takaichi's party, the LDP, has governed ...*
        span = trim_span(s, (a, b))
        if span[1] - span[0] >= 3 and not cut_fragment(s, *span):
            out.append(span)
        k = end + 1
    return out


def _clause_end(s: Sentence, k: int) -> int:
    """Where the clause from k ends: a coordinating *and*, *;*, *but* (not *but not* between
    phrases), *yet* (not the adverb), a colon, a question mark, *because*, or a dash."""
    end = k
    while end < s.n and not (
        s.coord[end]
        or (
            s.low[end] in (";", "but", "yet", ":", "?", "because")
            and not adverbial_yet(s.low, end)
            and not phrase_contrast(s, end)
            and not _contrast_phrase(s, end)
        )
        or (
            s.low[end] == "–"
            and end > k + 2
            and end not in s.inserted
            and end not in s.broken
            and not mid_repair(s.low, end)
        )
    ):
        end += 1
    return end


def _contrast_phrase(s: Sentence, k: int) -> bool:
    """Whether the *but* at k adds a verbless phrase to its clause (*is not a threat, but a
    fact of life*): the clause boundaries left it no boundary, outside an insertion."""
    return s.low[k] == "but" and not s.stop[k] and k not in s.inserted


def _clause_start(s: Sentence, k: int, end: int) -> int:
    """The clause's first token: past connectives, every condition, concession and premise
    before it, however many (*If Tokyo wins, although Beijing will object, Seoul will lose*,
    guidelines §4.3), a false start and a leading adverbial."""
    a = skip_connectives(s, k, end)
    while a < end and s.suppressed[a]:
        while a < end and s.suppressed[a]:
            a += 1
        a = skip_connectives(s, a, end)
    return _past_leading_adverbial(s, past_false_start(s, a, end), end)


def _past_fronted_phrases(s: Sentence, a: int, end: int) -> tuple[int, int]:
    """The stretch a..b of the clause past its fronted adverbial clauses and verbless phrases
    before a comma, which frame the clause that follows (§4.3, §7.1)."""
    b = _stretch_end(s, a, end)
    while _fronted_clause(s, a, b, end):
        # *Even as we do so, we'll aim ...*, *As China rises, the old order ...*
        a, b = skip_connectives(s, b + 1, end), _stretch_end(s, b + 1, end)
    while _fronted_phrase(s, a, b, end):
        # *In 2026, less than four months after taking office, she led ...*, *To fulfil its
        # goal, Japan is procuring ...*, *..., and a small population, Latvia is ...*
        a, b = skip_connectives(s, b + 1, end), _stretch_end(s, b + 1, end)
    return a, b


def _fronted_clause(s: Sentence, a: int, b: int, end: int) -> bool:
    """Whether a..b is a fronted adverbial clause (a subordinator or an absolute *with*)
    before a comma, a clause with a verb of its own after it."""
    return (
        b < end
        and s.low[b] == ","
        and subordinate(s.low, a)
        and (finite_in(s.low, b + 1, end) or holds_predicate(s, b + 1, end))
    )


def _fronted_phrase(s: Sentence, a: int, b: int, end: int) -> bool:
    """Whether a..b is a verbless phrase before a comma that is no clause of its own, the verb
    coming after it: an adverbial, a phrase of time, or a list's last items before a clause
    with its own subject."""
    if b >= end or s.low[b] != "," or has_verb(s, a, b) or not has_verb(s, b + 1, end):
        return False
    return (
        _adverbial_opening(s, a)
        or any(w in _TIME_WORDS for w in s.low[a:b])
        or (list_tail(s, a, b) and subject_follows(s, b + 1, end))
    )


def _stretch_end(s: Sentence, a: int, end: int) -> int:
    """The end of the stretch from a: the first comma, adverbial *as* or premise (*due to*,
    *given*) that bounds a clause, a full stop, else `end` (an adverbial "as" clause, *...
    volatile as officials used ...*, and a premise, *... delayed due to the war*, are cut)."""
    b = a
    while (
        b < end
        and not (s.low[b] in (",", "as", "due", "given") and s.stop[b])
        and s.low[b] not in (".", "!")
    ):
        b += 1
    return b


def _past_leading_adverbial(s: Sentence, a: int, end: int) -> int:
    """Past a leading adverbial phrase ending in a comma (*In the early 1990ies, ...*)."""
    comma = next((t for t in range(a, end) if s.low[t] == "," and s.stop[t]), None)
    opener = a < s.n and (
        s.low[a] in lexicons().prepositions
        or s.low[a] in ("at", "during", "after", "before")
        or s.low[a : a + 2] == ["according", "to"]
    )
    if comma is not None and opener and comma - a <= 8:
        return skip_connectives(s, comma + 1, end)
    return a


# Words that make a verbless stretch a phrase of time (*a year after the vote*, *two days ago*).
_TIME_WORDS = frozenset(["after", "before", "ago", "later", "earlier"])


def _adverbial_opening(s: Sentence, a: int) -> bool:
    """Whether the verbless stretch at a is an adverbial, not a subject: it opens with a
    preposition, an infinitive's *to*, an adverb in -ly, a participle in -ing, or a measure of
    time or amount (*less than four months after ...*, *nearly a year on*)."""
    w = s.low[a] if a < s.n else ""
    return (
        w in lexicons().prepositions
        or w in ("to", "less", "more", "nearly", "almost", "just", "only", "shortly", "soon")
        or (w.endswith("ly") and len(w) > 4)
        or (w.endswith("ing") and len(w) > 5)
        or w[:1].isdigit()
    )


def apposition_end(s: Sentence, a: int, b: int, end: int) -> int | None:
    """Where the comma after an apposition to the subject is (*Takaichi's party, the
    conservative LDP, has governed ...*; *the UAE's main defense company, EDGE, bought ...*):
    the subject a..b and the phrase after its comma have no verb, and the clause's finite verb
    follows the second comma. The commas set off a name for the subject, not a clause boundary;
    None where b is no such comma."""
    low = s.low
    if b >= end or low[b] != "," or any(is_verb(w) for w in low[a:b]) or b - a > 8:
        return None
    close = next((t for t in range(b + 1, min(end, b + 10)) if low[t] == ","), None)
    if close is None or close == b + 1 or any(is_verb(w) for w in low[b + 1 : close]):
        return None
    if low[b + 1] in lexicons().relatives or low[b + 1] in ("and", "or", "but"):
        return None
    verb = close + 1
    while verb < end and verb < close + 3 and low[verb].endswith("ly"):
        verb += 1  # *, EDGE, reportedly bought*
    if verb < end and (low[verb] in FINITE or is_verb(low[verb])):
        return close + 1
    return None
