"""Passive cues that are the author's hedge, not an implicit party's attitude (guidelines
Appendix B: *is suspected of*, *is alleged to*, *is believed to (the author's, not a
source's)*)."""

from __future__ import annotations

from ..candidate import CueSite

#: Passive participles that with *of / to* are hedge cues of Appendix B (*is suspected of*,
#: *is accused of*, *is alleged to*), not an implicit party's attitude.
_HEDGE_PASSIVES = frozenset(["suspected", "accused", "alleged"])


def passive_no_attitude(site: CueSite) -> bool:
    """Whether a passive cue states no one's attitude: *leaves much to be desired*, or the
    hedge phrase of Appendix B (*visas that are suspected of being used ...*, *is alleged to*:
    the author's doubt, v1.3), not an attitude of an implicit holder."""
    s, i = site.s, site.i
    if i > 1 and s.low[i - 2] == "to":
        return True
    return (s.low[i] in _HEDGE_PASSIVES and site.nxt in ("of", "to")) or _weasel_passive(site)


# Passive participles that, in the present with *to* and no agent, are the author's hedge of
# Appendix B (*is believed to, are thought to, is said to*), not an implicit party's attitude.
_WEASEL_PASSIVES = frozenset(["believed", "thought", "said", "reported", "rumoured", "rumored"])


def _weasel_passive(site: CueSite) -> bool:
    """Whether the passive cue is a present *is / are believed to* with no agent (*The minister
    is believed to be drifting away from the leader*): the author's hedge (guidelines Appendix
    B, *is believed to (the author's, not a source's)*) on the author's clause, never an
    attitude of the party of the context (a past *was seen as* stays the context's, §6.2)."""
    s, i = site.s, site.i
    low = s.low
    return (
        low[i] in _WEASEL_PASSIVES
        and low[i - 1] in ("is", "are")
        and site.nxt == "to"
        and "by" not in low[i : site.end]
    )
