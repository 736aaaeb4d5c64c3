"""Expectation cues (expectations.json): each occurrence is handed to its frame's rule.

The frames are registered rules: `holder` (an attitude verb, `expectation_verbs.py`),
`holder-adj` and `holder-noun` (stance adjectives and nouns, `expectation_stance.py`), `author`
and `advice` (the author's modals and frames, `expectation_author.py`).
"""

from __future__ import annotations

from ..actors import Context, Mention
from ..candidate import CueSite
from ..lexicons import lexicons
from ..sentence import Sentence, clause_end, clause_start
from ..types import Candidate


def expectation_candidates(s: Sentence, mentions: list[Mention], ctx: Context) -> list[Candidate]:
    """A candidate claim for every expectation cue outside conditions and concessions; of two
    cues starting at one token the longest that makes a claim wins."""
    lex = lexicons()
    out: list[Candidate] = []
    i = 0
    cues = lex.expectations
    firsts = cues.firsts
    while i < s.n:
        if s.low[i] not in firsts:
            i += 1  # most words are no expectation cue
            continue
        if s.suppressed[i] or i in s.asides or _in_condition(s, i):
            # Not asserted, or a side statement between commas (*the minister, who wants calm,
            # ...*: a relative clause inside a noun phrase makes no claim, guidelines §4.3).
            i += 1
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
            i = found.cue + width  # "would like": "like" is no second cue
        else:
            i += 1
    return out


def _in_condition(s: Sentence, i: int) -> bool:
    """Whether token i is inside a condition that closes its clause (*Seoul will talk only if
    Tokyo wants to*, *You need no troops unless you plan a war*): not asserted, so an attitude
    cue in it makes no claim (guidelines §4.3, §4.6); the condition stays in the span of the
    clause it restricts (§7.2). Conditions that open a clause are `Sentence.suppressed`."""
    start = clause_start(s, i)
    return any(s.low[k] in ("if", "unless") for k in range(start + 1, i))
