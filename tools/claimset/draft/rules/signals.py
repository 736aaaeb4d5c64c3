"""Figures in the fact signals of `evidence.fact_signals` (guidelines §13.3, *Statistic vs. other
types*): a rank of size is a figure."""

from __future__ import annotations

from ..sentence import Sentence

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
