"""Complements an expectation verb needs to count as a cue (expectations.json `needs`).

*agree* is an attitude only with a that-clause (*agreed that ...*, not *agreed a deal*), *regard*
only with *as* (*regards the visit as a provocation*), *call* with an object and an infinitive
(*called on Moscow to ...*). Each requirement is a registered `Complement`: the check of the
verb's context, and how the span and coordinated predicates treat it.
"""

from __future__ import annotations

from typing import NamedTuple

from ..clauses import bare_clause, names_object, opens_infinitive
from ..lexicons import ExpectationCue, lexicons
from ..mentions import Mention
from ..registry import Complement, complement
from ..sentence import Sentence
from ..words import DETERMINERS, FINITE, MONTHS, NUMBER, progressive


class VerbSite(NamedTuple):
    """An expectation verb in tokens [i, j) and what its complement checks read."""

    s: Sentence
    i: int
    j: int
    end: int  # end of the clause after the verb
    mentions: list[Mention]
    passive: bool  # *was seen as*
    bare: bool  # a complement clause without "that" follows (*thinks Cairo will ...*)
    to_at: int | None  # the first "to" a few words after the verb


def _always(s: Sentence, j: int, stop: int) -> bool:
    return True


def _that_or_bare(s: Sentence, j: int, stop: int) -> bool:
    return "that" in s.low[j : min(stop, j + 4)] or bare_clause(s, j, stop)


def _as_follows(s: Sentence, j: int, stop: int) -> bool:
    return "as" in s.low[j:stop]


@complement("any", bare_clause=True, in_conjunct=_always)
def any_complement(v: VerbSite) -> bool:
    """No requirement (*hopes that ...*, *wants to ...*, *thinks Cairo will ...*)."""
    return True


@complement("after-would", bare_clause=True)
def after_would(v: VerbSite) -> bool:
    """Only after *would* (*would like*, *'d prefer*)."""
    return any(w in ("would", "'d") for w in v.s.low[max(0, v.i - 3) : v.i])


@complement("that", bare_clause=True, in_conjunct=_that_or_bare)
def that_clause(v: VerbSite) -> bool:
    """A that-clause right after the verb, or after a date (*assessed in 2025 that ...*), or
    one without *that* (*agrees that ...*)."""
    low = v.s.low
    return (low[v.j] if v.j < v.s.n else "") == "that" or v.bare or _that_after_date(v)


def _that_after_date(v: VerbSite) -> bool:
    """*concluded in March 2024 that*, *assessed on April 8 that*: an adjunct of time between
    the verb and its that-clause, a preposition and then only numbers and month names."""
    s, j = v.s, v.j
    if j >= v.end or s.low[j] not in ("in", "on", "during", "since"):
        return False
    k = j + 1
    while k < min(v.end, j + 5) and (NUMBER.match(s.toks[k]) or s.toks[k] in MONTHS):
        k += 1
    return j + 1 < k < v.s.n and s.low[k] == "that"


@complement("that-near", bare_clause=True, in_conjunct=_that_or_bare, near_that=True)
def that_near(v: VerbSite) -> bool:
    """A that-clause within a few words (*warned Ankara that ...*), or one without *that*."""
    return near_that(v.s, v.j, v.end) is not None or v.bare


@complement("as", from_verb=True, in_conjunct=_as_follows)
def as_phrase(v: VerbSite) -> bool:
    """*Y as Z* (*regards the visit as a provocation*)."""
    return "as" in v.s.low[v.j : v.end]


def _on_follows(s: Sentence, j: int, stop: int) -> bool:
    return any(w in ("on", "upon") for w in s.low[j:stop])


@complement("on-condition", from_verb=True, in_conjunct=_on_follows)
def on_condition(v: VerbSite) -> bool:
    """*X conditioned Y on Z*, *has conditioned its support upon Z*: what X requires (guidelines
    §4.5, conditions are demands); not *a conditioned reflex*."""
    return not v.passive and _on_follows(v.s, v.j, v.end)


@complement("as-or-actor", from_verb=True, in_conjunct=_as_follows)
def as_or_actor(v: VerbSite) -> bool:
    """*Y as Z*, or a party right after the verb (*sees Moscow as ...*, *trusts Beijing*)."""
    return "as" in v.s.low[v.j : v.end] or any(
        m.i in (v.j, v.j + 1) and not m.anaphor for m in v.mentions
    )


@complement("obj-to")
def object_and_infinitive(v: VerbSite) -> bool:
    """An object and a to-infinitive (*called on Moscow to withdraw*); not *called the pact
    a threat to regional peace*, which names rather than directs."""
    return not (
        v.to_at is None
        or v.to_at == v.j
        or not opens_infinitive(v.s, v.to_at)
        or names_object(v.s, v.j, v.to_at)
    )


@complement("naming", from_verb=True)
def naming(v: VerbSite) -> bool:
    """An object and a predicate noun, active (*called the pact a threat*)."""
    return not v.passive and names_object(v.s, v.j, v.end)


def _regards_as(low: list[str], j: int, stop: int) -> bool:
    """Whether an *as* of predication follows (*considers the pact as a threat*), not the *as*
    of an example or an addition (*other options, such as sanctions*, *as well as*)."""
    return any(
        low[k] == "as" and low[k - 1] not in ("such", "well") and low[k + 1 : k + 2] != ["well"]
        for k in range(j, stop)
    )


def _judges(s: Sentence, j: int, stop: int) -> bool:
    low = s.low
    nxt = low[j] if j < s.n else ""
    if _gerund(nxt):
        return False  # "is considering targeting 2028 as ...": a course, deliberated
    if nxt == "that" or nxt == "it" or _regards_as(low, j, stop) or bare_clause(s, j, stop):
        return True
    return names_object(s, j, stop) or "to be" in " ".join(low[j : min(stop, j + 6)])


@complement("judging", bare_clause=True, in_conjunct=_judges)
def judging(v: VerbSite) -> bool:
    """A judgement, not a deliberation (guidelines v1.3, §4.4: *consider* + one's own course is
    an intention, *Congress could consider* the author's prediction): *considers that ...*,
    *considers Cairo will ...*, *considers the pact a threat*, *considers it unwise*, *Y as Z*,
    *is considered (to be) a partner*; not *could consider examining ...*, *consider measures
    to codify ...*, *consider several areas for oversight*."""
    return v.passive or _judges(v.s, v.j, v.end)


def _gerund(word: str) -> bool:
    return word.endswith("ing") and word not in ("being", "nothing", "something", "anything")


#: Modals before a verb of deliberation that make it the author's option (*Congress could
#: consider ...*, guidelines §8.2 "Options offered to a legislature").
_OPTION_MODALS = frozenset(["could", "may", "might", "should", "would", "can"])


@complement("course")
def course(v: VerbSite) -> bool:
    """A course of action deliberated by the subject, a gerund (*Seoul is considering targeting
    2028 as a completion date*: Seoul's intention, v1.3 §8.1 "Consider / review / study + the
    actor's own course"); not after a modal, where the author lists an option (*Congress could
    consider examining ...*, §8.2)."""
    low = v.s.low
    nxt = low[v.j] if v.j < v.s.n else ""
    return _gerund(nxt) and not any(w in _OPTION_MODALS for w in low[max(0, v.i - 3) : v.i])


#: Objects that state no aim (guidelines §6.1, "Unstated content → author": *Korea pursues its
#: own interests* is the author's characterisation of Korea, not Korea's intention).
_UNSTATED = frozenset(["interest", "interests", "agenda", "goals", "aims", "objectives"])


@complement("stated-aim")
def stated_aim(v: VerbSite) -> bool:
    """A verb of aim with its aim as object and a party as subject (*Australia is pursuing
    updates to its force structure*: its intention, §4.4 standing aims); not *to pursue*, a noun,
    or an object that only says that there is an aim (*pursues its own interests*)."""
    low = v.s.low
    prev = low[v.i - 1] if v.i > 0 else ""
    nxt = low[v.j] if v.j < v.s.n else ""
    if prev in ("to", "'s", "’s") or prev in DETERMINERS or not nxt.isalpha():
        return False
    if nxt in FINITE or nxt in ("and", "or", "of", "for", "from", "in"):
        return False
    head = next((w for w in low[v.j : min(v.end, v.j + 4)] if w not in _POSSESSED), "")
    return head not in _UNSTATED and _party_subject(v.s, v.i, v.mentions)


_POSSESSED = frozenset(["its", "their", "his", "her", "our", "own", "national", "narrow"])


@complement("that-party", bare_clause=True, in_conjunct=_that_or_bare)
def that_party(v: VerbSite) -> bool:
    """A that-clause right after the verb and a party as subject (*Trump found that the aid is
    in the national interest*: his judgement); a document's or a study's finding (*the report
    found that ...*) is no party's."""
    nxt = v.s.low[v.j] if v.j < v.s.n else ""
    # A predicate coordinated after "and / but" shares the subject before (*Trump kept Colombia
    # on the list but found that ...*).
    shared = v.i > 1 and v.s.low[v.i - 1] in ("and", "but") and _party_subject(v.s, v.i - 2)
    return nxt == "that" and (shared or _party_subject(v.s, v.i, v.mentions))


@complement("gerund", in_conjunct=_always)
def gerund(v: VerbSite) -> bool:
    """A gerund (*speaks of stabilising the relationship*, not *speaks of a crisis*)."""
    return any(w.endswith("ing") for w in v.s.low[v.j : min(v.end, v.j + 3)])


def near_that(s: Sentence, j: int, end: int) -> int | None:
    """The "that" within the four tokens from j, if any; within seven past an adjunct of time
    or place (*testified to Congress in April 2026 that ...*)."""
    near = next((k for k in range(j, min(end, j + 4)) if s.low[k] == "that"), None)
    if near is not None or j >= end or s.low[j] not in ("to", "in", "on", "at", "during"):
        return near
    return next(
        (
            k
            for k in range(j + 4, min(end, j + 7))
            if s.low[k] == "that" and not any(w in FINITE or w == "," for w in s.low[j:k])
        ),
        None,
    )


# Words that, as the first word of a subject, introduce a thing rather than name a party.
_THING_OPENERS = frozenset(["such", "many", "some", "most", "all", "both", "higher", "lower"])


def _party_subject(s: Sentence, k: int, mentions: list[Mention] | None = None) -> bool:
    """Whether the clause's subject before the verb at token k names a party: a registered
    party, a pronoun, an agent noun (*officials*) or a name; not a thing (*Such operations
    could require approval*, *The deal requires ...*)."""
    from ..lexicons import lexicons
    from ..sentence import clause_start

    start = clause_start(s, k)
    if mentions is not None and any(start <= m.i < k for m in mentions):
        return True
    lex = lexicons()
    for t in range(start, k):
        w, tok = s.low[t], s.toks[t]
        if w in ("it", "they", "he", "she", "we", "i", "who") or w in lex.agent_nouns:
            return True
        opener = t == start and (w in DETERMINERS or w in _THING_OPENERS)
        if tok[:1].isupper() and tok.isalpha() and not opener:
            return True
    return False


def _party_subject_conjunct(s: Sentence, j: int, stop: int) -> bool:
    return _party_subject(s, j - 1)


@complement("party-subject", in_conjunct=_party_subject_conjunct)
def party_subject(v: VerbSite) -> bool:
    """A party as the subject (*Washington requires Seoul to pay*); with a thing as subject
    the verb states a relation, no attitude (*Such operations could require Senate approval*:
    the author's prediction)."""
    return _party_subject(v.s, v.i, v.mentions)


_NOT_BEFORE_VERB = frozenset(
    ["to", "of", "for", "with", "in", "has", "have", "had", "'s", "’s", "and", "or", "his"]
) | frozenset(["her", "its", "their", "our", "my", "your", "full", "strong", "broad"])
_NOT_AFTER_VERB = frozenset(["for", "from", "of", "to", "in", "among", "and", "or"])


@complement("finite-object")
def finite_object(v: VerbSite) -> bool:
    """A finite verb with a noun-phrase object and a party as subject (*Seoul supports a
    tougher policy*, *Others support continued cooperation*); not a noun (*full support*, *has
    support from*), a purpose infinitive (*to support recovery*) or a thing's relation (*the
    economy supports jobs*)."""
    low = v.s.low
    prev = low[v.i - 1] if v.i > 0 else ""
    if prev in _NOT_BEFORE_VERB or prev in DETERMINERS:
        return False  # "to support", "has support", "their support": no finite verb
    nxt = low[v.j] if v.j < v.s.n else ""
    if nxt == "for" and progressive(low, v.i):
        return _party_subject(v.s, v.i, v.mentions)  # "have been advocating for X": a verb
    if not nxt[:1].isalnum() or nxt in FINITE or nxt in _NOT_AFTER_VERB:
        return False  # "support for", "support may prove": a noun
    return _party_subject(v.s, v.i, v.mentions)  # "the economy supports jobs": no attitude


def bare_after(needs: Complement, s: Sentence, i: int, j: int, end: int) -> bool:
    """Whether a complement clause without *that* follows the verb at token i (*thinks Cairo
    will back down*), where its complement admits one: not after a gerund (*maintaining their
    support may prove ...* has an object), but after a progressive (*I'm hoping diplomacy is
    still available*)."""
    gerund = s.low[i].endswith("ing") and not progressive(s.low, i)
    return needs.bare_clause and not gerund and bare_clause(s, j, end)


# Endings of abstract nouns an infinitive completes (*decision, refusal, commitment, ability*).
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ity", "ness", "al", "ure", "ives")
_ABSTRACT = frozenset(["right", "move", "moves", "bid", "plan", "plans", "effort", "efforts"])
# Nouns of those endings that name an agent, who may be an infinitive's subject.
_AGENTS = frozenset(
    [
        *("government", "administration", "opposition", "coalition", "nation", "population"),
        *("organization", "organisation", "delegation", "federation", "association"),
        *("commission", "authority", "community", "majority", "minority", "alliance", "union"),
    ]
)


def infinitive_subject(s: Sentence, j: int, to_at: int) -> bool:
    """Whether tokens j..to_at are the subject of the infinitive at `to_at` (*urged Tokyo to
    lift the ban*, *wants Tokyo's navy to leave*: the span starts at the subject, guidelines
    §7.1), not a noun phrase the infinitive completes: a possessed abstract noun (*welcomed
    Tokyo's decision to lift the ban*, *attacked Kyiv's right to exist*: the span starts at the
    verb) or *Y as Z*."""
    words = s.low[j:to_at]
    # The head comes before a prepositional phrase: *sought authorization from the parliament
    # to use force* completes *authorization*; *urged the leaders of Japan to act* has a subject.
    preposition = next((k for k, w in enumerate(words) if k and w in lexicons().prepositions), None)
    head = words[preposition - 1] if preposition else words[-1] if words else ""
    abstract = head not in _AGENTS and (head.endswith(_ABSTRACT_ENDINGS) or head in _ABSTRACT)
    possessed = abstract and ("'s" in words or "’s" in words)
    completed = abstract and preposition is not None  # "authorization from X to use force"
    return "as" not in words and not possessed and not completed and opens_infinitive(s, to_at)


#: Participles of aim and desire whose continuing perfect a duration can measure.
_AIMED = frozenset(["sought", "wanted", "hoped", "wished", "aimed", "pursued", "striven"])
#: Nouns of a stretch of time that *for* measures (*for decades*, *for two years*).
_SPANS_OF_TIME = frozenset(["years", "decades", "months", "weeks", "generations", "ages"])


def attitude_duration(s: Sentence, i: int, end: int) -> int:
    """The span's end before a closing duration adverbial that measures the attitude, not the
    content: after the continuing perfect of the attitude verb (*has sought to lead the country
    for decades*, *have wanted a deal for years*) it is shell (guidelines v1.4 §7.2); after any
    other form it is the content's (*will keep up the pretence for years*)."""
    if i < 1 or s.low[i - 1] not in ("has", "have") or end - i < 4 or s.low[i] not in _AIMED:
        return end
    last = s.low[end - 1]
    for k in range(end - 2, max(i + 1, end - 5), -1):
        if s.low[k] == "for" and last in _SPANS_OF_TIME:
            return k
    return end


def bracket_end(s: Sentence, i: int, end: int) -> int:
    """The span of a verb inside brackets ends at the closing bracket (*China (which reportedly
    encouraged Iran to agree) reacted ...*): what follows belongs to the clause around it."""
    opened = next((k for k in range(i - 1, max(-1, i - 12), -1) if s.low[k] in ("(", ")")), None)
    if opened is None or s.low[opened] != "(":
        return end
    close = next((k for k in range(i + 1, end) if s.low[k] == ")"), None)
    return close if close is not None else end


def free_relative_object(cue: ExpectationCue) -> bool:
    """Whether a "what" after the verb of `cue` opens a free relative, a noun phrase (*praised
    what it called a bold step*): after a verb of evaluation or wanting that takes no clause
    (`needs` any, a belief or desire, no saying verb), not after a verb of predicting or
    saying, whose "what" opens an embedded question (*predicts what will happen*)."""
    return cue.complement.name == "any" and cue.type in ("belief", "desire") and not cue.speech
