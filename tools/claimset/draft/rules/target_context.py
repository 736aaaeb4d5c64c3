"""Targets the span does not name (guidelines §9, extensions (a) and (b)): read from the
context's most salient party or from a clause of the sentence outside the span."""

from __future__ import annotations

from ..actor_index import AUTHOR, ActorIndex
from ..clauses import subject_end
from ..context import coordinated_mention, party_of
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence, clause_end
from ..types import Candidate
from ..words import DEMONSTRATIVES, DETERMINERS, FINITE, is_verb


def implicit_target(
    s: Sentence,
    cand: Candidate,
    mentions: list[Mention],
    actors: ActorIndex | None = None,
) -> str | None:
    """A party the span does not name (guidelines §9): the owner of a thing the claim refers
    back to (*resents this balancing act*, extension (b); *the economy has contracted*, a
    definite subject of the author's clause); the implicit doer of a demanded or
    obliged act in the passive (*insists that the restrictions must be lifted*, extension
    (a)); the agent named in a clause that describes the content (*a return to the quiet years,
    when Australian governments kept their criticism private*)."""
    others = [r for r in cand.recent if r not in cand.holder]
    if others and (_refers_back(s, cand) or _passive_act(s, cand)):
        return others[0]
    if _definite_subject(s, cand, mentions):
        # The owner of a thing of the context is a state or body, not a person (*the
        # economy*, *the elections*: the country's).
        kinds = actors.kinds if actors is not None else {}
        return next((r for r in others if kinds.get(r) != "person"), None)
    return _described_agent(s, cand, mentions)


#: Nouns of a relation, interaction or shared thing between parties (§9: *the relationship, the
#: process, the clash, the border, the situation*): their owner is no one party.
_SHARED = frozenset(
    [
        "relationship",
        "relations",
        "ties",
        "partnership",
        "alliance",
        "process",
        "talks",
        "agreement",
        "deal",
        "conflict",
        "war",
        "border",
        "situation",
        "dispute",
        "cooperation",
        "dialogue",
        "negotiations",
        "region",
        "world",
        "rivalry",
        "competition",
        "crisis",
        "fighting",
        "hostilities",
        "ceasefire",
        "truce",
        "rapprochement",
        "détente",
        "detente",
        "normalization",
        "normalisation",
        "reconciliation",
        "thaw",
        "engagement",
        "accord",
        "accords",
        "pact",
        "treaty",
        "summit",
        "meeting",
        "visit",
        "exchange",
        "exchanges",
        "trade",
        "peace",
        "tension",
        "tensions",
        "confrontation",
        "standoff",
        "escalation",
        "rift",
        "feud",
        "contest",
        "balance",
        "order",
        "clash",
        "door",
    ]
)
#: Words of a verb group before its main verb (*may have been*, *will not be*).
_VERB_GROUP = frozenset(
    [
        "may",
        "might",
        "could",
        "can",
        "will",
        "would",
        "should",
        "must",
        "not",
        "be",
        "been",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
    ]
)
_BE = frozenset(["is", "are", "was", "were", "be", "been"])


def _definite_subject(s: Sentence, cand: Candidate, mentions: list[Mention]) -> bool:
    """Whether the author's clause opens with a definite subject that names no party and refers
    back to a thing of the context's party (*the economy has contracted*, *the third phase is
    expected to end in May*): its owner is the target (§9 (b), rule 4). Not a relation or
    shared thing (*the relationship*, *the talks*: §9, never a target), nor a subject with a
    name or a phrase of its own (*the protection of ...*), nor a copular predicate (*the
    scale may be different*, *the question is whether ...*): the author's judgement of the
    thing itself, no event of its owner."""
    a, b = cand.span
    low = s.low
    if cand.holder != [AUTHOR] or low[a] != "the":
        return False
    end = subject_end(s, a, b)
    words = range(a + 1, end)
    if (
        end >= b
        or not 0 < end - a - 1 <= 4
        or any(a <= m.i < end for m in mentions)
        or any(not s.toks[k].isalpha() or not s.toks[k].islower() for k in words)
        or any(low[k] in _SHARED or low[k] in lexicons().prepositions for k in words)
    ):
        return False
    k = end
    while k < b and (low[k] in _VERB_GROUP or low[k].endswith("ly")):
        k += 1
    copular = any(w in _BE for w in low[end:k])
    return not copular or (k < b and low[k].endswith(("ed", "en")))


def _refers_back(s: Sentence, cand: Candidate) -> bool:
    """*this balancing act*, *that decision*: the span refers back to one thing of the context
    whose owner is the target (guidelines §9, extension (b)); also *such* (*Tokyo resents
    such pressure*). Not a demonstrative pronoun (*This means ...*, *This allowed ...*, *I
    say this not ...*), not *such* opening the author's claim (*Such measures rarely work*:
    the author generalises about things of a kind, no one owner's), not *such as* (it opens
    examples), not when the span names its own side (*we have begun this work*: the thing is
    ours), nor in an intention (*we intend to stick with this strategy*: a party's own course
    is about its own things)."""
    a, b = cand.span
    low = s.low
    if cand.type == "intention" or any(w in _FIRST_PERSON for w in low[a:b]):
        return False
    return any(
        (w in DEMONSTRATIVES or (w == "that" and k <= a + 1))
        and not (w == "such" and k == a and cand.frame == "author")
        and k + 1 < b
        and not (w == "such" and low[k + 1] == "as")
        and low[k + 1] not in DETERMINERS
        and s.toks[k + 1].isalpha()
        and s.toks[k + 1].islower()
        and not _pronoun_verb(w, low[k + 1])
        for k, w in enumerate(low[a:b], start=a)
    )


_FIRST_PERSON = frozenset(["we", "our", "us", "ours", "i", "my"])


def _pronoun_verb(demonstrative: str, word: str) -> bool:
    """Whether the word after a demonstrative shows it to be a pronoun, not a determiner: a
    verb (*This allowed*, *This is*), a singular demonstrative before a third-person verb
    form (*This means*, *this leads*: *this* takes no plural noun), or *not*."""
    if word in FINITE or word == "not" or is_verb(word):
        return True
    singular = demonstrative in ("this", "that")
    return singular and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _passive_act(s: Sentence, cand: Candidate) -> bool:
    """A demand or obligation in the agentless passive (*the restrictions must be lifted*)."""
    a, b = cand.span
    low = s.low
    return (
        cand.type in ("demand", "obligation")
        and "by" not in low[a:b]
        and any(
            w in ("be", "been") and k + 1 < b and low[k + 1].endswith(("ed", "en"))
            for k, w in enumerate(low[a:b], start=a)
        )
    )


def _described_agent(s: Sentence, cand: Candidate, mentions: list[Mention]) -> str | None:
    """For a party's claim, the one party named in a `, when/where ...` clause after the span."""
    b = cand.span[1]
    low = s.low
    if cand.frame == "author" or not (
        b + 1 < s.n and low[b] == "," and low[b + 1] in ("when", "where")
    ):
        return None
    end = clause_end(s, b + 2)
    clause = [m for m in mentions if b < m.i < end and not m.compound]
    named = {r for m in clause if (r := party_of(m)) is not None} - set(cand.holder)
    if len(named) == 1 and not any(coordinated_mention(s, m, mentions) for m in clause):
        return named.pop()
    return None
