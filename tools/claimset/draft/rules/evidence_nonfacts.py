"""Clauses that state no fact although they look like one (guidelines §13.1, tests 1 and 3):
an imperative or a formula with no subject, gerund items after a colon, and a comparison of
states after *as*. Used by
`evidence.py` when it cuts a sentence into facts."""

from __future__ import annotations

from ..lexicons import lexicons
from ..sentence import Sentence
from ..words import BE, DETERMINERS, is_verb

#: Words that open a directive with no subject: a negative imperative (*Don't.*), *let* and
#: *please* (*Let me be clear*).
_DIRECTIVE_OPENERS = frozenset(["let", "please"])
#: Object pronouns right after a clause's first word: that word is a verb with no subject.
_OBJECT_PRONOUNS = frozenset(["you", "me", "us", "them", "him"])


def directive(s: Sentence, i: int) -> bool:
    """Whether the clause opening at token i is an imperative or a formula with no subject
    (*Don't.*, *Thank you.*, *Let me be clear*, *Believe me*): it addresses the audience or a
    party and states no fact (guidelines §13.1 test 1: a report tells an event, act or figure;
    §6.1: imperatives organise the text or make a demand)."""
    low, preps = s.low, lexicons().prepositions
    if low[i] in _DIRECTIVE_OPENERS:
        return True
    if low[i] == "do" and i + 1 < s.n and low[i + 1] in ("n't", "n’t", "not"):
        return True  # a declarative clause never opens with "do not"
    nxt = low[i + 1] if i + 1 < s.n else ""
    return (
        nxt in _OBJECT_PRONOUNS
        and low[i].isalpha()
        and low[i] not in preps
        and low[i] not in DETERMINERS
        and not is_verb(low[i])
    )


def gerund_item(s: Sentence, i: int) -> bool:
    """Whether the piece at token i opens with a gerund (*pursuing the threat*, *taking out
    Bin Laden*): after a colon such a list names the acts a noun before it refers to (*honor
    what they accomplished: pursuing ...*), the object of the claim (§13.1 test 3), not its
    grounds, which a colon introduces as a clause with a subject."""
    word = s.low[i]
    gerund = word.endswith("ing") and not word.endswith("thing") and len(word) > 5
    return gerund and s.toks[i][:1].islower()  # not "nothing has changed": a clause


#: Pronoun subjects of a comparison clause after *as* (*a world as it was*).
_COMPARED = frozenset(["it", "they", "this", "that", "things"])


def comparison(s: Sentence, i: int) -> bool:
    """Whether the clause at token i, after *as*, compares a state (*a world as it was 20
    years ago*, *the region as it is today*): a pronoun and a copula, no act and no reason
    (§13.1 test 1); *as it did in the January operation* reports an act and is left alone."""
    return (
        i > 0
        and s.low[i - 1] == "as"
        and s.low[i] in _COMPARED
        and i + 1 < s.n
        and s.low[i + 1] in BE
    )
