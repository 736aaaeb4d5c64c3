"""A party's name that modifies a noun is no subject: the cue word after it is a noun.

*Chinese pressure on Lithuania backfired*, *Seoul resisted U.S. demands for higher payments*,
*the two states advocate continued EU pressure on Ankara*: the demonym or the name is an
attributive modifier inside a noun phrase, so the attitude word after it heads that noun phrase
and states no attitude of the party (guidelines §4.3: content presupposed inside a noun phrase
is no claim). *The Chinese hope that ...* and *The U.S. demands that ...*, where the name opens
the clause, keep their verb.
"""

from __future__ import annotations

from ..candidate import CueSite
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence
from ..words import FINITE

# Endings of demonyms used as adjectives (*Chinese, Turkish, Russian, Korean, American*); a
# state's name rarely ends so (*Japan, Iran* do not).
_DEMONYM_ENDINGS = ("ese", "ish", "ian", "ean", "can")


def after_demonym(site: CueSite) -> bool:
    """Whether the cue word follows a demonym that names its party (*Chinese pressure*, *Russian
    demands*, *Korean hopes*): the demonym modifies a noun, so the word is no verb."""
    s, i = site.s, site.i
    if i == 0 or not s.toks[i - 1][:1].isupper() or not s.low[i - 1].endswith(_DEMONYM_ENDINGS):
        return False
    if i > 1 and s.low[i - 2] == "the":
        return False  # "The Chinese hope that ...": the people, the subject of the verb
    return any(m.j == i and not m.possessive for m in site.mentions)


def after_modifying_name(site: CueSite) -> bool:
    """Whether the cue word follows a party's name (and at most one adjective) that itself
    follows a preposition or a participle: *resisted U.S. demands for ...*, *advocating for
    continued U.S. economic pressure on ...*, *vulnerable to Russian and PRC pressure*. Such a
    name sits inside a noun phrase (an object or a prepositional object), never as a subject.
    Not a verb form (*with President Putin calling ...*, *released by the ministry called on
    ...*: a subject of its own) nor a noun with a content of its own (*restated U.S. demands
    that Iran ...*: §4.5, the content)."""
    s, i = site.s, site.i
    if s.low[i].endswith(("ing", "ed")) or site.nxt in ("that", "to"):
        return False
    k = i - 1
    if k >= 0 and _adjective(s, k):
        k -= 1  # "U.S. economic pressure"
    name = next((m for m in site.mentions if m.j == k + 1 and not m.possessive), None)
    if name is None or name.anaphor:
        return False
    first = _first_of_coordination(s, name, site.mentions)
    if first == 0:
        return False
    before = s.low[first - 1]
    if before in ("between", "among"):
        return False  # "Talks between Russia and China want calm": left to the joint phrase
    return before in lexicons().prepositions or (
        s.toks[first - 1].islower() and before.endswith("ed") and before not in FINITE
    )


def _adjective(s: Sentence, k: int) -> bool:
    """A lower-case word that is neither finite nor an adverb, read as an adjective (*economic*,
    *continued*, *military*) between a name and its noun."""
    w = s.low[k]
    return (
        s.toks[k].isalpha()
        and s.toks[k].islower()
        and w not in FINITE
        and not w.endswith("ly")
        and w not in lexicons().prepositions
        and w not in ("and", "or", "but", "to", "not", "will", "would", "also")
    )


def _first_of_coordination(s: Sentence, name: Mention, mentions: list[Mention]) -> int:
    """The first token of a coordination of names ending in `name` (*Russian and PRC*)."""
    first = name.i
    while first >= 2 and s.low[first - 1] in ("and", "or", ","):
        prev = next((m for m in mentions if m.j == first - 1 and not m.possessive), None)
        if prev is None:
            break
        first = prev.i
    return first


#: Verbs by which a party voices the attitude its noun names (*restated U.S. demands that
#: ...*, *renewed calls for ...*): the noun's content is then that party's claim (§4.5).
_VOICING = frozenset(
    [
        *("restated", "reiterated", "repeated", "renewed", "issued", "made", "voiced"),
        *("expressed", "submitted", "presented", "delivered", "sent", "raised", "stated"),
    ]
)


def object_of_past_verb(site: CueSite) -> bool:
    """Whether the cue word in -s is the object of a past verb right before it, or past a
    party's name there (*Tokyo rejected demands to apologize*, *had granted requests to
    importers*, *declined U.S. requests to lead the force*): a finite verb cannot follow
    another one, so the word is a noun; the attitude it names belongs to no predicate of its
    own, and the sentence narrates what was done with it (guidelines §4.3, "an attitude noun
    with no predicate of its own"). A content stated in a that-clause (*rejected Beijing
    demands that Seoul withdraw*, §4.5) or a verb that voices the noun (*restated demands*)
    keeps it, and so does a reduced relative clause (*the plan Seoul announced calls for ...*:
    a noun before the past verb's subject makes the cue word the main verb)."""
    s, i = site.s, site.i
    low = s.low
    if not low[i].endswith("s") or low[i].endswith(("ss", "us")) or i < 2:
        return False
    if site.nxt == "that":
        return False  # "rejected Beijing demands that Seoul withdraw": the demand's content
    k = i - 1
    name = next((m for m in site.mentions if m.j == i and not m.possessive), None)
    if name is not None and not name.anaphor:
        k = name.i - 1
    verb = low[k]
    if k < 1 or not verb.endswith("ed") or verb in FINITE or verb in _VOICING:
        return False
    if not s.toks[k].islower() or low[k - 1] in ("be", "been", "being", "is", "are", "was", "were"):
        return False  # a passive participle before its agent's name is left to other tests
    subject = next((m for m in site.mentions if m.j == k and not m.possessive), None)
    if subject is not None and subject.i > 0:
        before = s.toks[subject.i - 1]
        # "the plan Seoul announced calls for ...": a noun before the subject
        return not (before.isalpha() and before.islower() and before not in ("and", "or"))
    return True
