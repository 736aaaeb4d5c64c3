"""The speaker's *we* in a speech (guidelines v1.3 §6.1).

In a speech the speaker is the author, and the document record says which party the speaker
speaks for (`speaks_for` in corpus/documents.jsonl). Then:

- an institutional *we* that holds an attitude or declares a policy (*we intend to*, *we hope*,
  *we will keep*, *we are ready to*) is that party, the pronoun its actor quote;
- a deontic *we need to / have to / should* stays the author's obligation, its target the party
  *we* denotes: the speaker's party, unless the clause makes it joint (*work together*);
- an institutional *we* as the subject of a copula or *remain* with a predicate of state (*we're
  united in our support of Ukraine*, *we're clear-eyed about the challenges*, *we remain open to
  diplomacy*) states that party's own stance: it holds the author's judgement of that clause;
- *we* and *our* never name the author (only *I*, *my* do): the author's claims get no actor
  quote from them;
- the speaker's own declared course (*I will not send ...*, *I'm going to ask Congress ...*)
  is the author's intention, quoted *I*, as *we will* is the party's; a comparative state
  (*we will be more formidable*) or a hedged one (*we'll probably have more to say*) stays the
  author's prediction. The span keeps a negation (*not send ...*, §7.1);
- the author's prediction whose clause opens with the speaker's *we* (*we will be more
  formidable*, *we would have run the risk*) is directed at that party, its agent (§9 rule 3).

Without `speaks_for` *we* is the author's (an essay); the party it denotes is unknown, so the
author's clause whose subject it is gets no target (never the party of its object, §9).
"""

from __future__ import annotations

from ..actor_index import AUTHOR
from ..candidate import build_candidate
from ..clauses import is_negated
from ..context import coordinated_mention
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence, clause_end
from ..types import Candidate
from ..words import APOSTROPHES
from .actor import first_person_tokens

#: The pieces of a contraction after *we* (*we’re*, *we’ll*, *we’ve*, *we’d*) and adverbs that
#: may stand between a subject and its verb.
_CONTRACTED = frozenset(["’", "'", "re", "ll", "ve", "d"])
_ADVERBS = frozenset(["also", "still", "now", "already", "always", "only", "just", "even", "so"])
_NEGATORS = frozenset(["not", "n't", "n’t", "never"])
#: What declares a policy after *we*: a future modal, or *are going / ready / prepared /
#: willing / determined to*.
_FUTURE = frozenset(["will", "shall", "ll", "wo"])
_READY = frozenset(["going", "ready", "prepared", "willing", "determined"])
#: Verbs after *will* that make the clause deontic (*we will need to*), not a declared policy.
_DEONTIC = frozenset(["need", "have", "must", "should"])
#: After *will be*: a comparative state of the party is an outcome the speaker predicts (*we
#: will be more formidable if ...*), not a course of action.
_COMPARATIVE = frozenset(["more", "less", "better", "worse", "stronger", "weaker", "safer"])
#: Hedges between the modal and the verb (*we'll probably have more to say*): a prediction.
_HEDGED = frozenset(["probably", "likely", "perhaps", "possibly", "maybe"])
#: Words by which the clause makes *we* two or more parties (*we need to work together*), and
#: those that do right after it (*we both*, *we each*).
_JOINT = frozenset(["together", "jointly"])
_JOINT_AFTER = frozenset(["both", "each", "all"])


def speaker_we(
    s: Sentence, cands: list[Candidate], mentions: list[Mention], party: str | None
) -> None:
    """Give the speaker's party its *we* (see the module's docstring); `party` is the
    document's `speaks_for` (None: an essay, nothing changes)."""
    we = [k for k in first_person_tokens(s) if s.low[k] == "we"]
    if party is None:
        _unknown_we(s, cands, mentions, we)
        return
    for cand in cands:
        k = _we_subject(s, cand.cue, we)
        if k is None:
            continue
        if cand.frame == "holder" and cand.actor_tokens is None:
            _hold(cand, party, k)  # "we intend to", "we hope", "we are ready to"
            for sib in cands:
                if sib.parent is cand and not sib.own_subject:
                    _hold(sib, party, k)
        elif (
            cand.frame == "author"
            and cand.type == "obligation"
            and not _joint(s, k, cand.region, mentions, party)
        ):
            cand.target_hint = party  # "we have to keep working at this"
    for k in we:
        _declared_policy(s, cands, party, k)
        _stated_stance(s, cands, party, k)
    for cand in cands:
        k = cand.span[0]
        if (
            cand.frame == "author"
            and cand.type == "prediction"
            and cand.target_hint is None
            and k in we
            and not _joint(s, k, cand.region, mentions, party)
        ):
            # "we will be more formidable": the party is the agent of the outcome. Not the
            # author's belief (*We have stood by you*, *we're working with ...*): the party's
            # narrated conduct, no outcome the speaker predicts of it.
            cand.target_hint = party
    for k in first_person_tokens(s):
        if s.toks[k] == "I":
            _declared_policy(s, cands, AUTHOR, k)  # "I will not send ...": the speaker's course


def _unknown_we(
    s: Sentence, cands: list[Candidate], mentions: list[Mention], we: list[int]
) -> None:
    """Without `speaks_for` the party *we* denotes is unknown, but it is still the party that
    should act, or the agent, of the author's clause whose subject it is (§9 rules 1 and 3):
    *We should not underestimate the effect of the crisis on Tokyo* is directed at *we*, never
    at the party of the object (Tokyo). The hint names the holder's own side, so the target is
    none: better none than the wrong party (§9)."""
    for cand in cands:
        if cand.frame != "author" or cand.target_hint is not None:
            continue
        k = cand.span[0] if cand.span[0] in we else None
        if k is None and cand.type == "obligation":
            k = _we_subject(s, cand.cue, we)
        if k is not None and not _joint(s, k, cand.region, mentions, None):
            cand.target_hint = AUTHOR


def _joint(
    s: Sentence, k: int, region: tuple[int, int], mentions: list[Mention], party: str | None
) -> bool:
    """Whether the *we* at token k is two or more parties in its clause (*we need to work
    together*, *we each need to*, *we need to leverage American and Indian innovation*):
    then it denotes no one party."""
    a, b = region
    after = s.low[k + 1] if k + 1 < s.n else ""
    return (
        after in _JOINT_AFTER
        or any(w in _JOINT for w in s.low[a:b])
        or any(
            m.ref == party and a <= m.i < b and coordinated_mention(s, m, mentions)
            for m in mentions
        )
    )


def _hold(cand: Candidate, party: str, k: int) -> None:
    cand.holder = [party]
    cand.actor_tokens = (k, k + 1)


def _we_subject(s: Sentence, cue: int, we: list[int]) -> int | None:
    """The *we* that is the subject of the verb at token `cue` (past auxiliaries, contracted
    forms, negations and adverbs), or None."""
    lex = lexicons()
    k = cue - 1
    while k >= 0 and (
        s.low[k] in lex.auxiliaries
        or s.low[k] in _CONTRACTED
        or s.low[k] in _NEGATORS
        or s.low[k] in _ADVERBS
        or s.low[k] in _JOINT_AFTER
        or s.low[k] in ("will", "would", "shall", "can", "could", "do", "does", "did", "am")
        or s.low[k].endswith("ly")
    ):
        k -= 1
    return k if k >= 0 and k in we else None


def _declared_policy(s: Sentence, cands: list[Candidate], party: str, k: int) -> None:
    """ "We'll continue to uphold freedom of navigation": the party's intention, the span the
    action after the modal. The author's prediction or judgement of that clause becomes it; a
    *we* inside another claim's span (*China believes we will fail*) is left alone."""
    found = _policy_action(s, k)
    if found is None or s.suppressed[k] or k in s.inserted:
        return
    modal, action, negative = found
    # "will not send", "'ll never forget": the span keeps the negation, not a contracted one.
    start = next((t for t in range(modal + 1, action) if s.low[t] in ("not", "never")), action)
    span = (start, clause_end(s, action))
    own = [c for c in cands if c.frame == "author" and c.span[0] == k]
    if any(c.region[0] <= k < c.region[1] for c in cands if c not in own and c.parent not in own):
        return  # inside another claim, or already its holder ("we are ready to")
    cand = build_candidate(s, modal, "intention", "holder", [party], (k, k + 1), span, k, None)
    if cand is None:
        return
    # The negation before the action (kept in the span) or one on its clause; a second one
    # inside it (*will not send troops with no expectation of success*) does not cancel it.
    cand.negative = negative or is_negated(s, max(cand.span[0], action), cand.span[1])
    if not own:
        cands.append(cand)
        return
    first = own[0]
    for c in [first, *(c for c in cands if c.parent is first and not c.own_subject)]:
        c.type, c.frame, c.holder, c.actor_tokens = "intention", "holder", [party], (k, k + 1)
    first.cue, first.span, first.negative = modal, cand.span, cand.negative
    first.region = (min(first.region[0], k), max(first.region[1], cand.span[1]))


def _policy_action(s: Sentence, k: int) -> tuple[int, int, bool] | None:
    """After the *we* at token k, a declared course: the modal's token, the first token of the
    action and whether it is negated; None when none follows."""
    low, n = s.low, s.n

    def past(j: int, words: frozenset[str]) -> int:
        while j < n and (
            low[j] in words or low[j] in _ADVERBS or low[j].endswith("ly") or j in s.inserted
        ):
            j += 1  # past adverbs and what interrupts the clause (*we'll always, always ...*)
        return j

    j = past(k + 1, APOSTROPHES)
    if j >= n:
        return None
    if low[j] in _FUTURE:
        modal = j
    elif low[j] in ("are", "re", "am", "m") and (r := past(j + 1, frozenset())) + 1 < n:
        if low[r] not in _READY or low[r + 1] != "to":
            return None
        modal = r + 1
    else:
        return None
    action = past(modal + 1, _NEGATORS)
    negative = any(w in _NEGATORS for w in low[modal + 1 : action])
    if action >= n or low[action] in _DEONTIC or not low[action].isalpha():
        return None  # "we will need to ...": an obligation (the author's)
    if any(w in _HEDGED for w in low[modal + 1 : action]):
        return None  # "we'll probably have more to say": the author's prediction
    if low[action] == "be" and action + 1 < n and low[action + 1] in _COMPARATIVE:
        return None  # "we will be more formidable if ...": an outcome, predicted
    return modal, action, negative


#: Copulas after the speaker's *we* (*we are*, *we’re*, *we were*) and linking verbs of staying
#: that belong to the stance itself (*we remain open to diplomacy*).
_COPULAS = frozenset(["are", "re", "were", "am"])
#: The types of the author's judgement a stated stance takes over (a stance noun may have typed
#: it: *united in our support* is a desire).
_STANCES = frozenset(["belief", "desire", "intention"])
_STAYING = frozenset(["remain", "stay"])


def _stated_stance(s: Sentence, cands: list[Candidate], party: str, k: int) -> None:
    """ "We're united in our support of Ukraine", "we remain open to diplomacy": the author's
    judgement of a clause whose subject is the speaker's *we* and whose predicate is a state
    (an adjective, a participle used as one, *open to*) is the party's belief, the span the
    predicate. An action in progress (*we are monitoring supplies*) is a report: left alone."""
    own = next(
        (c for c in cands if c.frame == "author" and c.type in _STANCES and c.span[0] == k), None
    )
    if own is None or s.suppressed[k] or k in s.inserted:
        return
    j = k + 1
    while j < s.n and (s.low[j] in APOSTROPHES or s.low[j] in _ADVERBS or s.low[j].endswith("ly")):
        j += 1
    if j >= s.n or (s.low[j] not in _COPULAS and s.low[j] not in _STAYING):
        return
    start = j if s.low[j] in _STAYING else j + 1
    p = start + 1 if s.low[start] in _STAYING else start
    while p < s.n and (s.low[p] in _ADVERBS or s.low[p] in _NEGATORS or s.low[p].endswith("ly")):
        p += 1
    if p >= s.n or not s.low[p].isalpha() or s.low[p].endswith("ing") or s.low[p] in _NOT_STATE:
        return  # "we are monitoring ...", "we’re not going ...", "we are a nation ..."
    for c in [own, *(c for c in cands if c.parent is own and not c.own_subject)]:
        c.frame, c.holder, c.actor_tokens = "holder", [party], (k, k + 1)
    own.span = (start, own.span[1])


#: Words after *we are* that open no predicate of state: determiners of a predicate noun
#: (*we are a nation of immigrants*: a description, not a stance) and auxiliaries.
_NOT_STATE = frozenset(["a", "an", "the", "going", "being", "here", "there", "all", "to"])
