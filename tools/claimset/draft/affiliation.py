"""The state a party belongs to (guidelines §9 v1.3, §14.2): a person's or body's own state, the
state of an institution named after its leader, and a state's registered public."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import Actor
from .lexicons import lexicons
from .sentence import Sentence
from .words import BE, FINITE, is_verb


def affiliations(
    actors: Sequence[Actor], forms: Mapping[tuple[str, ...], str], kinds: Mapping[str, str]
) -> dict[str, frozenset[str]]:
    """The states a group, organization or person belongs to: its registry `state`, else a
    word of its name that names a state (*Turkish exporters* → Turkey)."""
    out: dict[str, frozenset[str]] = {}
    for actor in actors:
        if actor.kind in ("author", "state"):
            continue
        if actor.state is not None and kinds.get(actor.state) == "state":
            out[actor.id] = frozenset([actor.state])  # "the Trump Administration": the US
            continue
        found = {
            forms[(word,)]
            for name in [actor.name, *actor.aliases]
            for word in name.split()
            if kinds.get(forms.get((word,), ""), "") == "state"
        }
        if found:
            out[actor.id] = frozenset(found)
    return out


def publics(actors: Sequence[Actor], affiliated: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """The registered public of a state: the one group named *the X public* or *the X people*
    that belongs to that state (*the Japanese public* → Japan)."""
    found: dict[str, set[str]] = {}
    for actor in actors:
        states = affiliated.get(actor.id, frozenset())
        words = {w.lower() for w in actor.name.split()}
        if actor.kind == "group" and len(states) == 1 and words & {"public", "people"}:
            found.setdefault(next(iter(states)), set()).add(actor.id)
    return {state: next(iter(ids)) for state, ids in found.items() if len(ids) == 1}


def institution_state(
    leader: str | None,
    named: Sequence[str],
    recent: Sequence[str],
    affiliated: Mapping[str, frozenset[str]],
    kinds: Mapping[str, str],
) -> list[str]:
    """The state of *the Sheinbaum government*, *the Trump Administration*: the one state the
    registry ties the leader to (`state`, or an alias *Mexican President Claudia Sheinbaum*),
    else the state of the context where the leader was met, else one named before in the
    sentence (`named`)."""
    own = sorted(r for r in affiliated.get(leader or "", ()) if kinds.get(r) == "state")
    if len(own) == 1:
        return own
    return [r for r in [*recent, *named] if kinds.get(r) == "state"][:1]


#: Quantifiers before a demonym used as a plural noun (*many Japanese*, *some Koreans*).
_PEOPLE_QUANTIFIERS = frozenset(["many", "most", "some", "few", "several", "ordinary", "all"])
_ADVERBS = frozenset(["also", "still", "now", "already", "often", "even", "increasingly"])


def people_of(s: Sentence, i: int, j: int, public: str | None) -> str | None:
    """The state's registered `public` when its demonym at tokens i..j is a plural noun of
    people, not an adjective or a name of the state (guidelines §14.2: the people of a country
    are a group): after a quantifier and before a predicate (*Many Japanese also are concerned*,
    *some Koreans fear*), not *many Japanese firms* nor *Japan*. None without a public."""
    if public is None or j - i != 1 or i == 0 or s.low[i - 1] not in _PEOPLE_QUANTIFIERS:
        return None
    w = s.low[j] if j < s.n else "."
    predicate = (
        w in FINITE
        or w in BE
        or w in _ADVERBS
        or w.endswith("ly")
        or is_verb(w)
        or w in lexicons().expectations  # "some Koreans fear that ...": an attitude verb
    )
    return public if predicate or not w[:1].isalpha() else None
