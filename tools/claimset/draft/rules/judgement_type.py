"""The type of the author's clause where its words alone mislead (guidelines §8.1, §8.2).

*There is still much more to be done* is a necessity frame, an obligation, not a belief; a modal
in a relative clause inside an adjunct (*inevitable in a competition like this that is not going
to resolve*) describes a noun and sets no time of the claim.
"""

from __future__ import annotations

from ..lexicons import lexicons
from ..sentence import Sentence
from ..words import FINITE, OPTATIVE_SUBJECTS, POSSESSIVES, is_verb

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


def describing_relative_start(s: Sentence, a: int, b: int) -> int:
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


def frame_type(s: Sentence, region_start: int, a: int, b: int) -> str | None:
    """The type a frame of the author's clause (region from `region_start`, proposition a..b)
    gives it, where the words alone would mislead; None when no frame applies."""
    if left_to_do(s, a, b) or necessity_predicate(s, a, b):
        return "obligation"  # "there is still much more to be done": a necessity (v1.3)
    if (stance := stance_noun_type(s, region_start, b)) is not None:
        return stance  # "That is our commitment"
    if optative(s, a):
        return "desire"  # "May God protect our troops": a wish (§8.1)
    return None


def optative(s: Sentence, a: int) -> bool:
    """Whether the clause from token a is an optative *may* before its subject (*May God
    protect our troops*, *and may the alliance endure*): a wish of the author's, a desire;
    the epistemic *may* follows its subject (*Tokyo may agree*)."""
    low = s.low
    if a + 2 >= s.n or low[a] != "may":
        return False
    nxt = low[a + 1]
    return nxt in OPTATIVE_SUBJECTS or nxt in ("the", "this", "our", "their")


#: Predicates of necessity or advisability (v1.3 §8.1: *X is necessary / essential*, *the best
#: option*, are obligations; *X matters, X is important* judge importance and stay beliefs).
_NECESSARY = frozenset(
    ["necessary", "essential", "warranted", "advisable", "imperative", "indispensable"]
)
_ADVISED = frozenset(["best", "wisest", "sensible"])
_COURSES = frozenset(["option", "options", "course", "path", "bet"])
_PRESENT_COPULAS = frozenset(["is", "are", "remains", "remain", "'s", "’s"])


def necessity_predicate(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b says its subject is needed or advised now: *Caution is
    warranted*, *Diversifying is Tokyo's best option for ...*, *Restraint remains essential*
    (an obligation in the author's voice, a demand in a party's, §8.1). The past (*was
    necessary*) judges what was done: a belief."""
    low = s.low
    copula = next((k for k in range(a + 1, min(b, a + 20)) if low[k] in _PRESENT_COPULAS), None)
    if copula is None or any(w in FINITE for w in low[a:copula]):
        return False
    k = copula + 1
    while k < b and (low[k].endswith("ly") or low[k] in ("still", "also")):
        k += 1
    if k < b and low[k] in _NECESSARY:
        return True
    words = low[k : min(b, k + 5)]
    return any(
        w in _ADVISED and n < len(words) - 1 and words[n + 1] in _COURSES
        for n, w in enumerate(words)
    )


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
    if k + 1 < b and low[k] not in POSSESSIVES and low[k + 1] == "in":
        k += 2  # "united in", "firm in", "steadfast in"
    if k + 1 >= b or low[k] not in POSSESSIVES:
        return None
    noun = low[k + 1]
    if noun in _STANCE_NOUNS:
        return _STANCE_NOUNS[noun]
    found = lexicons().expectations.get(noun)
    return next((cue.type for words, cue in found or () if cue.frame == "holder-noun"), None)


_COPULAS = frozenset(
    ["is", "are", "was", "were", "remain", "remains", "remained", "re", "'s", "’s"]
)


def likelihood_predicate(s: Sentence, a: int, b: int) -> bool:
    """ "A limited thaw is possible", "a deal is likely": a predicative adjective of likelihood
    with a noun-phrase subject says that something may happen (guidelines §8.2)."""
    low = s.low
    k = b - 1
    return (
        k > a + 1
        and low[k] in ("possible", "likely", "probable", "unlikely", "inevitable", "imminent")
        and (low[k - 1] in lexicons().copulas or low[k - 2] in lexicons().copulas)
        and low[a] != "it"
    )


def conditional_ability(s: Sentence, a: int, b: int) -> bool:
    """ "If we provide aid, we can gain influence", "By responding now, Seoul can show ...":
    ability that a condition or a means still to be taken makes possible, in a future frame
    (guidelines §8.2: ability in a future frame is a prediction)."""
    low = s.low
    if "can" not in low[a:b] or a == 0 or s.n < 3:
        return False
    return low[0] == "if" or (low[0] == "by" and low[1].endswith("ing"))
