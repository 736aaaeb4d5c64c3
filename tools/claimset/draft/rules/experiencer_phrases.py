"""Experiencers named by *to X* after a verb of seeming or an adjective of value: *Vietnam is
important to the Thai*, *Loyalty seems to Turks not to pay* (guidelines §6.1, experiencer
constructions: *Y is more attractive to X* describes X's attitude)."""

from __future__ import annotations

from ..actor_index import AUTHOR
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence
from ..types import Candidate

#: Verbs of seeming whose *to X* names the one who perceives (*Loyalty seems to Turks not to
#: pay*): the experiencer of the author's clause.
_SEEMING = frozenset(["seems", "seem", "seemed", "appears", "appear", "appeared"])
#: Adjectives of value or feeling whose *to X* names the one who values or feels it (*is
#: important to Seoul*, *is more attractive to Tokyo*); not an effect on X (*a threat to X*).
_VALUED = frozenset(
    [
        *("important", "attractive", "unattractive", "acceptable", "unacceptable"),
        *("preferable", "desirable", "welcome", "unwelcome", "irritating", "galling"),
        *("worrying", "troubling", "reassuring", "frustrating", "disappointing", "painful"),
    ]
)


_PREFERRED = frozenset(["attractive", "preferable", "desirable", "welcome"])


def experiencer_to(s: Sentence, cands: list[Candidate], mentions: list[Mention]) -> None:
    """The author's clause whose predicate is a verb of seeming or an adjective of value with
    *to X* (*Vietnam is important to the Thai*, *Loyalty seems to Turks not to produce
    dividends*): X, one party, holds the view (guidelines §6.1, experiencer constructions, *Y
    is more attractive to X*), named by its words."""
    for c in cands:
        if c.holder != [AUTHOR] or c.frame != "author" or c.actor_tokens is not None:
            continue
        a, b = c.region
        for k in range(a + 1, b - 1):
            if s.low[k] != "to" or not _experiencing(s, a, k):
                continue
            m = next((m for m in mentions if m.i in (k + 1, k + 2) and not m.possessive), None)
            if m is None or m.anaphor or m.compound or (m.i == k + 2 and s.low[k + 1] != "the"):
                continue
            if m.j < s.n and s.low[m.j] in ("'s", "’s", "-"):
                continue
            c.holder, c.actor_tokens, c.frame = [m.ref], (m.i, m.j), "holder"
            if s.low[k - 1] in _PREFERRED:
                c.type = "desire"  # "Y is more attractive to X": X's preference (§6.1)
            break


def _experiencing(s: Sentence, a: int, k: int) -> bool:
    """Whether *to* at token k follows a verb of seeming or a predicative adjective of value
    (past a degree word) in the clause from a."""
    low = s.low
    if low[k - 1] in _SEEMING:
        return True
    p = k - 1
    return low[p] in _VALUED and any(w in lexicons().copulas for w in low[max(a, p - 3) : p])
