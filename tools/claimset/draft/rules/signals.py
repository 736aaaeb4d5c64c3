"""Figures and saying words in the fact signals of `evidence.fact_signals` (guidelines §13.3,
*Statistic vs. other types*): a rank of size is a figure; a number after a month is a day, no
figure; a saying word inside a name (*the United States*) makes no `statement`."""

from __future__ import annotations

from ..lexicons import lexicons, longest_match
from ..sentence import Sentence
from ..words import MONTHS

# Superlatives of size that rank a party or thing by an amount (*the sixth-largest trade
# partner*, *its biggest export market*), and the nouns *top* ranks that way (*the top source of
# investment*; not *a top priority*, an attitude).
_RANKS = frozenset(["largest", "biggest", "smallest"])
_RANKED_BY_TOP = frozenset(
    ["partner", "source", "destination", "supplier", "exporter", "importer", "investor", "market"]
)


_OF_TRADE = frozenset(["trade", "trading", "export", "import", "gas", "oil", "arms"])


def ranking(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j rank something by an amount: a figure stated as a rank (*Japan is the
    sixth-largest U.S. trade partner*, *China is India's second largest trading partner*), a
    report like any figure and `statistic` evidence (guidelines §4.1, §4.4, §13.3)."""
    low = s.low
    if _RANKS.isdisjoint(low[i:j]) and "top" not in low[i:j]:
        return False  # (most stretches: the words are looked for in C first)
    for k in range(i, j):
        w = low[k]
        if w in _RANKS:
            return True
        if w == "top" and k + 1 < j:
            # past a noun of trade that modifies the head (*the top trade partner*)
            at = k + 2 if low[k + 1] in _OF_TRADE and k + 2 < j else k + 1
            if low[at].rstrip("s") in _RANKED_BY_TOP:
                return True
    return False


def day_of_month(s: Sentence, k: int) -> bool:
    """Whether token k is the day of a date (*as of April 9*, *on August 10, 2025*): a number
    of one or two digits right after a month names a day, not an amount, so it dates the fact
    and makes no `statistic` of it."""
    tok = s.toks[k]
    return k > 0 and s.toks[k - 1] in MONTHS and tok.isdigit() and len(tok) <= 2


def statement_in_names_only(s: Sentence, i: int, j: int) -> bool:
    """Whether every saying word of tokens i..j is a word of a proper name (*the United
    **States** has invested in ...*): *states* says something only in lower case (*the NDS
    states that ...*), so such a fact is typed by what it reports, not as a `statement`. (The
    claim rules still read the name as a report signal: that is left as it was.)"""
    lex = lexicons()
    found = False
    for k in range(i, j):
        if s.low[k] not in lex.evidence.firsts:
            continue
        m = longest_match(lex.evidence, s.low, k)
        if m is not None and m[1] == "statement":
            if not (k > 0 and s.toks[k][:1].isupper() and s.toks[k - 1][:1].isupper()):
                return False
            found = True
    return found
