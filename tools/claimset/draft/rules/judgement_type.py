"""The type of the author's clause where its words alone mislead (guidelines §8.1, §8.2).

*There is still much more to be done* is a necessity frame, an obligation, not a belief; a modal
in a relative clause inside an adjunct (*inevitable in a competition like this that is not going
to resolve*) describes a noun and sets no time of the claim.
"""

from __future__ import annotations

from ..lexicons import lexicons
from ..sentence import Sentence
from ..words import FINITE, is_verb

#: Quantities of work that a "to be done" frame says is still needed.
_WORK = frozenset(["much", "more", "work", "lot", "plenty"])


def left_to_do(s: Sentence, a: int, b: int) -> bool:
    """*There is still much more to be done*, *Much remains to be done*: a necessity frame in
    the author's voice, an obligation (guidelines v1.3 §8.1, necessity frames), not a belief."""
    low = s.low
    before = low[a : b - 3]
    return (
        low[b - 3 : b] == ["to", "be", "done"]
        and any(w in _WORK for w in before)
        and any(w in ("is", "'s", "’s", "remains", "remain") for w in before)
    )


def relative_start(s: Sentence, a: int, b: int) -> int:
    """Where a relative clause describing a noun of the clause a..b starts, past the clause's
    own verb (*That's inevitable in a competition like this that is not going to resolve*),
    else b: its modal describes the noun and says nothing of the claim's time (§8.2: the
    claim's own verb decides). Not a *that* after a verb, an expletive *it* frame (*It is
    likely that ...*) or a result clause (*so weak that ...*)."""
    low = s.low
    if low[a] in ("it", "there"):
        return b
    for k in range(a + 2, b):
        if low[k] not in ("that", "which", "who"):
            continue
        before = low[a:k]
        prev = low[k - 1]
        verbs = [t for t in range(a, k) if low[t] in FINITE or low[t] in ("'s", "’s")]
        if not verbs or any(w in ("so", "such") for w in before):
            return b
        if prev in FINITE or is_verb(prev) or not prev.isalpha() or prev.endswith("ly"):
            return b
        # Only inside an adjunct (*in a competition like this that ...*): after a predicate
        # noun the relative clause may carry the claim (*This is a plan that will fail*).
        prepositions = lexicons().prepositions
        return k if any(w in prepositions for w in low[verbs[0] + 1 : k]) else b
    return b


#: Stance nouns the expectations lexicon does not list as holder nouns, with their type (§8.1:
#: support and opposition are desires, resolve and commitment intentions).
_STANCE_NOUNS = {
    "support": "desire",
    "opposition": "desire",
    "resolve": "intention",
    "determination": "intention",
    "commitment": "intention",
    "commitments": "intention",
    "pledge": "intention",
    "promise": "intention",
}
_POSSESSIVES = frozenset(["our", "its", "their", "his", "her", "my", "your", "'s", "’s"])


def stance_noun_type(s: Sentence, a: int, b: int) -> str | None:
    """The type of a clause whose predicate is the holder's stance noun after a copula: *That
    is our commitment* (an intention), *We are united in our support of Kyiv* (a desire), *We
    remain firm in our resolve to defend the alliance* (an intention): the noun names the
    attitude the clause ascribes (guidelines §4.2, signal 1; §8.1). None when the predicate
    is no such noun."""
    low = s.low
    copula = next((k for k in range(a, min(b, a + 6)) if low[k] in _COPULAS), None)
    if copula is None:
        return None
    k = copula + 1
    if k + 1 < b and low[k] not in _POSSESSIVES and low[k + 1] == "in":
        k += 2  # "united in", "firm in", "steadfast in"
    if k + 1 >= b or low[k] not in _POSSESSIVES:
        return None
    noun = low[k + 1]
    if noun in _STANCE_NOUNS:
        return _STANCE_NOUNS[noun]
    found = lexicons().expectations.get(noun)
    return next((cue.type for words, cue in found or () if cue.frame == "holder-noun"), None)


_COPULAS = frozenset(
    ["is", "are", "was", "were", "remain", "remains", "remained", "re", "'s", "’s"]
)
