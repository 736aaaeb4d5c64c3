"""Clauses that state no fact although they look like one (guidelines §13.1, tests 1 and 3):
an imperative or a formula with no subject, gerund items after a colon, a comparison of
states after *as*, an elliptic *as* clause, and a means the main clause only supposes. Used by
`evidence.py` when it cuts a sentence into facts."""

from __future__ import annotations

from ..lexicons import lexicons
from ..sentence import Sentence
from ..words import BE, DETERMINERS, MODALS, is_past, is_verb, may_be_present

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


#: Auxiliaries and pro-verbs that may close an elliptic clause (*as we are doing*, *as they did*).
_ELLIPTIC_ENDS = (
    BE
    | frozenset(["do", "does", "did", "doing", "done", "has", "have", "had", "so", "too"])
    | MODALS
)


def elliptic_as(s: Sentence, i: int, j: int) -> bool:
    """Whether the clause in tokens [i, j), after *as*, is elliptic: a subject and an
    auxiliary or pro-verb only (*..., as we are doing*, *as others have*, *as it did*). It
    says the claim's act is done elsewhere too, a comparison: no reason and no fact (§13.1
    test 1); *as it did in the January operation* names an act and is left alone."""
    if s.low[i] == "as":  # ", as we are doing": the clause from its conjunction
        i += 1
    words = [w for w in s.low[i:j] if w.isalpha()]
    return (
        i > 0
        and s.low[i - 1] == "as"
        and 2 <= len(words) <= 4
        and words[-1] in _ELLIPTIC_ENDS
        and all(w in _ELLIPTIC_ENDS or w in _SUBJECTS for w in words[1:])
    )


#: Pronoun subjects of an elliptic clause.
_SUBJECTS = frozenset(["we", "i", "you", "they", "it", "he", "she", "others", "many", "most"])


def role_as(s: Sentence, i: int) -> bool:
    """Whether the *as* before token i names a role (*He was instrumental as Coordination
    Minister in ...*, *As Education Minister from 1974, he ...*, *as an ally of ...*): a title
    or an *a/an* noun phrase of a few words, then a preposition or a comma, and no word that
    may be a verb (§13.1 test 1: *as* of reason opens a finite clause, *as the talks failed*)."""
    if i < s.n and s.low[i] == "as":  # ", as a way of keeping ...": from its conjunction
        i += 1
    if i <= 0 or i >= s.n or s.low[i - 1] != "as":
        return False
    k = i + (s.low[i] in ("a", "an"))
    if k == i and not s.toks[i][:1].isupper():
        return False  # no article: a title (*as Defense Minister*), not *as their use grew*
    start = k
    preps = lexicons().prepositions
    while k < s.n and k < start + 3 and s.toks[k].isalpha() and s.low[k] not in preps:
        word = s.low[k]
        present = s.toks[k][:1].islower() and may_be_present(word, s.low[k - 1])
        if is_verb(word) or word in BE or word in MODALS or present or word in _SUBJECTS:
            return False
        k += 1
    return k > start and k < s.n and (s.low[k] == "," or s.low[k] in preps)


def supposed_means(s: Sentence, j: int) -> bool:
    """Whether the main clause after a fronted *by* + gerund, from token j, holds a modal
    (*By responding to their need, we can show ...*): the means of an act the clause only
    supposes, not a report of one (§13.1 test 1: a participle of means is evidence when it
    reports the holder's act)."""
    end = next((k for k in range(j, s.n) if s.low[k] in (";", ":")), s.n)
    return any(w in MODALS for w in s.low[j:end])


def future_as(s: Sentence, a: int, j: int) -> bool:
    """Whether the *as* at token a, with no comma before it, opens a clause of time: its
    clause in the present (no past form) after a main clause with a modal (*support will be
    forthcoming as they work to leave the pact*, *we can act as the talks go on*). English
    puts a clause of time about the future in the present: the *as* means *while*, part of
    what is predicted or recommended, no reason (guidelines §7.2: a temporal *as* stays)."""
    if a < 1 or s.low[a - 1] == ",":
        return False
    low = s.low
    if any(
        low[k] in _PAST_AUXILIARIES or (is_past(low[k]) and low[k - 1] not in DETERMINERS)
        for k in range(a + 1, j)
    ):
        return False  # "as their use grew"; "its forced marriage" is an adjective
    start = max((k for k in range(a) if low[k] in (",", ";", ":")), default=-1) + 1
    return any(w in MODALS for w in low[start:a])


#: Auxiliaries of a past or perfect clause (*as their use has grown*): a reason may be told.
_PAST_AUXILIARIES = frozenset(["was", "were", "had", "has", "have", "did"])
