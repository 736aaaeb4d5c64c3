"""The holder frame: a verb whose subject holds the expectation (guidelines §6.1, §7.1).

*Seoul hopes that Moscow will help*, *Beijing regards the visit as a provocation*, *Pushing Moscow
to condemn the test, Seoul ...*, *it was assumed that ...* (an implicit holder, §6.2). What the
verb needs after it (expectations.json `needs`) is a registered complement (`complements.py`).
"""

from __future__ import annotations

from typing import NamedTuple

from ..actor_index import AUTHOR
from ..candidate import CueSite, build_candidate
from ..clauses import (
    content_predicts,
    epistemic_must,
    epistemic_should,
    instrument_says,
    instrument_subject,
    is_future,
    opens_infinitive,
    states_fact,
)
from ..context import Context, resolve_anaphor
from ..lexicons import lexicons
from ..mentions import Mention
from ..predicates import attributive_participle, reduced_relative
from ..registry import Complement, frame
from ..relatives import relative_subject
from ..sentence import Sentence, clause_end
from ..types import Candidate
from ..words import (
    AGREEMENTS,
    BE,
    COMMITMENTS,
    DETERMINERS,
    FINITE,
    PARTICIPLES,
    PURPOSE_NOUNS,
    SUBORDINATORS,
    WH,
    is_past,
    is_verb,
)
from .actor import find_holder
from .attributive_names import after_demonym, after_modifying_name, object_of_past_verb
from .complements import (
    VerbSite,
    attitude_duration,
    bare_after,
    bracket_end,
    free_relative_object,
    infinitive_subject,
    near_that,
)
from .coordination import shared_subject
from .judgement_type import necessity_predicate
from .passive_hedges import passive_no_attitude

# Prepositions of an adjunct between a verb and its that-clause (*insisted at every round of
# talks that ...*, *agreed with Ankara that ...*).
_ADJUNCT_PREPOSITIONS = ("at", "in", "during", "with", "to", "throughout")


# Cue words not read as an attitude verb after "to" (the original rule: "to demand", "to plan").
_NOUN_AFTER_TO = ("demand", "plan", "hope")


_SOURCE_ADVERBS = frozenset(["reportedly", "allegedly", "apparently", "purportedly"])


class _Content(NamedTuple):
    """Where the span of a verb's claim starts, and what the complement says about the claim."""

    start: int
    type: str
    target_hint: str | None = None  # the addressee (*told Ankara that ...*)
    underspecified: bool = False  # *wonders whether ...*


@frame("holder")
def verb_candidate(site: CueSite) -> Candidate | None:
    """A party's attitude verb and its complement (*Seoul hopes that Moscow will help*)."""
    s, i = site.s, site.i
    if _not_a_verb(site):
        return None
    if instrument_subject(s, site.start, site.j, agreements=True) or instrument_says(s, i):
        return None  # "The bill would require ...": laws are never holders (v1.3 change 16)
    if i > 0 and s.toks[i][:1].isupper() and s.low[i - 1] not in ('"', "“", "(", ":"):
        return None  # "The Ukraine Support Act": a word of a name, not the verb
    if reduced_relative(site) or attributive_participle(s, i):
        return None  # "took part in talks seeking to persuade ...": a participle of a noun
    if _phrasal_directive(site):
        return None  # "Russia's leaders seem determined to press on": no one is pressed
    if _past_aim(s, i):
        return None  # "Sheinbaum initially sought to negotiate ...": narrated conduct (§4.4)
    if _relative_inside(s, i, site.start):
        # "endorsed X, who has vowed to ...", "capabilities, which analysts argue could ...":
        # a relative clause inside a noun phrase makes no claim, also with an attitude verb
        # and a holder of its own (guidelines §4.3).
        return None
    passive = _passive(s, i)
    if passive and passive_no_attitude(site):
        return None
    needs: Complement = site.cue.complement
    # "thinks Cairo will back down": a complement clause without "that" (§7.1: the span
    # starts at its subject).
    bare = bare_after(needs, s, i, site.j, site.end)
    to_at = next((k for k in range(site.j, min(site.end, site.j + 7)) if s.low[k] == "to"), None)
    verb = VerbSite(s, i, site.j, site.end, site.mentions, passive, bare, to_at)
    if _modifies_noun(site, passive, bare) or not needs.admits(verb):
        return None
    that_at = _that_at(site, needs)
    j = site.j
    while j < site.end - 1 and s.low[j].endswith("ly") and s.low[j + 1] in ("that", "to", *WH):
        j += 1  # "thought naively that"
    content = _content(site, verb, that_at, j)
    clause_end_ = bracket_end(s, i, _with_condition(s, content.start, site.end))
    end = attitude_duration(s, i, clause_end_)
    if content.start == i and j >= end:
        return None  # "than Beijing had hoped": no content, no claim
    typ = content.type
    if site.cue.future_type and content.start > i and content_predicts(s, content.start, end):
        typ = site.cue.future_type
    if passive:
        return _passive_candidate(site, typ, content.start, end)
    cand = _active_candidate(site, content, typ, end)
    if cand is not None:  # a duration left out of the span is still the clause's
        cand.region = (cand.region[0], max(cand.region[1], clause_end_))
    return cand


# Particles that make a directive verb a phrasal verb of going on or resisting.
_PARTICLES = frozenset(("ahead", "forward", "back", "on"))


def _phrasal_directive(site: CueSite) -> bool:
    """Whether a directive verb is the phrasal verb with a particle (*press on*, *push ahead
    with*, *push back against*): it directs no one, so it makes no `demand`. *on* followed by
    a noun phrase is a preposition (*pressed on Moscow the need to ...*)."""
    s, j = site.s, site.j
    if site.cue.type != "demand" or j >= s.n or s.low[j] not in _PARTICLES:
        return False
    after = s.toks[j + 1] if j + 1 < s.n else ""
    return s.low[j] != "on" or not (after.lower() in DETERMINERS or after[:1].isupper())


# Simple-past forms of the verbs of aim (expectations.json: seek, aim, strive, endeavour).
_PAST_AIMS = frozenset(
    ("sought", "aimed", "strived", "strove", "endeavoured", "endeavored", "pursued")
)
# Adverbs between an auxiliary and its verb (*has long sought*, *had repeatedly sought*).
_AUXILIARY_ADVERBS = frozenset(("long", "also", "not", "never", "always", "still", "so", "far"))


def _past_aim(s: Sentence, i: int) -> bool:
    """Whether the verb at i is a verb of aim in the simple or past perfect tense: narrated
    conduct, a report (guidelines §4.4, tense rule: *Sheinbaum initially sought to negotiate
    ...* → no claim). The present perfect describes an aim that still holds (*Congress has
    sought to foster ...*, *others have long sought to limit ...*): a claim; the passive
    (*policies which are aimed at ...*) is left to the passive frame."""
    if s.low[i] not in _PAST_AIMS:
        return False
    k = i - 1
    while k >= 0 and (s.low[k].endswith("ly") or s.low[k] in _AUXILIARY_ADVERBS):
        k -= 1
    prev = s.low[k] if k >= 0 else ""
    return prev not in ("has", "have", "'ve", "having") and prev not in BE


def _not_a_verb(site: CueSite) -> bool:
    """Whether the cue word is no attitude verb with a subject here: a noun (*the hope*), an
    apposition, a free relative (*what it wants*), the author's *it would be naive to think*."""
    s, i, start, prev = site.s, site.i, site.start, site.prev
    low = s.low
    if (
        prev in DETERMINERS
        or prev in ("no", "'s", "’s")
        or (prev == "to" and low[i] in ("demand", "plan", "hope"))
        # an infinitive is bare: "tied the pact to demands on security" is the noun
        or (prev == "to" and low[i].endswith("s") and not low[i].endswith(("ss", "us")))
    ):
        return True  # a noun: "the hope", "a push", "no doubt", "Moscow's plan"
    if _noun_phrase_head(s, i, site.j):
        return True  # "No detailed plan has been published", "The demands were ignored"
    if after_demonym(site) or after_modifying_name(site) or object_of_past_verb(site):
        return True  # "Chinese pressure on Lithuania backfired", "resisted U.S. demands"
    participle = low[i].endswith("ed") and not low[i].endswith("eed")  # not "to proceed"
    if (
        prev in lexicons().prepositions
        and not low[i].endswith("ing")
        and (prev != "to" or participle)
    ):
        return True  # "a variety of aims", "due to perceived risk": no verb
    if start > 0 and low[start - 1] == "," and low[start] in ("a", "an"):
        return True  # ", a promise they regard as long overdue": an apposition (§4.3)
    if "what" in low[max(start, i - 4) : i] or (start > 0 and low[start] in WH):
        return True  # "knows exactly what it wants", "What China wants ...": a free relative
    if prev == "to" and low[start] == "it":
        return True  # "it would be naive to think that ...": the author's judgement
    # No subject before the verb: "Hopes were running high" is a noun; but a predicate
    # coordinated with the one before shares its subject ("..., but also urged X to ...",
    # "Tokyo has a plan and wants Seoul to join").
    return (
        i == start
        and not low[i].endswith("ing")
        and not _coordinated_predicate(s, i)
        and shared_subject(s, i, site.mentions) is None
    )


def _coordinated_predicate(s: Sentence, i: int) -> bool:
    """Whether the verb at token i follows *and / but / yet* (past *also*, an auxiliary) after
    a clause of its own: a coordinated predicate (*criticized X, but also urged Y to ...*)."""
    low = s.low
    k = i - 1
    while k > 0 and (
        low[k] in ("also", "then", "later", "has", "have", "had") or low[k].endswith("ly")
    ):
        k -= 1
    # Past forms only: "..., and hopes for a deal rose" is a noun.
    return k > 1 and low[k] in ("and", "but", "yet") and (low[i].endswith("ed") or is_past(low[i]))


# Endings of adjectives that may stand between a determiner and a noun (*no detailed plan*,
# *the ambitious plan*, *a formal demand* is left out: -al also ends nouns such as *official*).
_ATTRIBUTIVE = ("ed", "ive", "ous", "ful", "less")


def _noun_phrase_head(s: Sentence, i: int, j: int) -> bool:
    """Whether the cue word (tokens i..j) heads a noun phrase rather than being a verb: a finite
    verb, or *reportedly* and a past verb, follows it (*plan has been published*, *the plan
    reportedly restated*: the noun is the subject), or adjectives lead back to a determiner
    (*no detailed plan*, *the bold demand*). A verb in -ed or -ing is never read as a noun."""
    low = s.low
    word = low[i]
    if word.endswith(("ed", "ing")):
        return False
    nxt = j + 1 if j + 1 < s.n and low[j] in _SOURCE_ADVERBS and is_past(low[j + 1]) else j
    if nxt < s.n and (low[nxt] in FINITE or nxt > j) and low[nxt] not in ("do", "does", "did"):
        return True
    k = i - 1
    while k >= 0 and low[k].endswith(_ATTRIBUTIVE) and s.toks[k].islower() and low[k] not in FINITE:
        k -= 1  # not -al, -an, -ese: "a Chinese official told reporters" has a verb
    if k < i - 1 and k >= 0 and (low[k] in DETERMINERS or low[k] == "no"):
        return True
    return _indefinite_compound(s, i)


def _indefinite_compound(s: Sentence, i: int) -> bool:
    """Whether the cue word in its bare form ends a compound after *a* / *an* (*a February 2026
    action plan on minerals*): after a singular indefinite a verb would take -s (*a minister
    plans*), so the bare form is the noun. Modifiers are names, numbers and lower-case words
    that are no verb; a comma or a verb in between ends the search."""
    low, toks = s.low, s.toks
    if low[i].endswith("s") or is_verb(low[i]):
        return False  # "a minister plans", "a Russian official told": verbs
    for k in range(i - 1, max(-1, i - 7), -1):
        if low[k] in ("a", "an"):
            return k < i - 1
        if not toks[k][:1].isalnum() or is_verb(low[k]) or low[k] in lexicons().prepositions:
            return False
    return False


def _passive(s: Sentence, i: int) -> bool:
    """*was seen as*, *is widely regarded as* (not the progressive *is urging*)."""
    low, prev = s.low, (s.low[i - 1] if i > 0 else "")
    passive = prev in BE or (i > 1 and prev.endswith("ly") and low[i - 2] in BE)
    return passive and (low[i].endswith(("ed", "en")) or low[i] in PARTICIPLES)


def _relative_inside(s: Sentence, i: int, start: int) -> bool:
    """Whether the cue at token i stands in a relative clause inside a noun phrase: one opened
    by *who / which / whom* (*endorsed Kim, who has vowed to ...*), or by a *that* right before
    it as its subject (*signed an agreement that expects to see ...*)."""
    low = s.low
    if start > 1 and low[start - 1] in ("who", "which", "whom"):
        return True
    k = i - 1
    while k > 0 and (low[k].endswith("ly") or low[k] in ("also", "still")):
        k -= 1
    return k > 0 and relative_subject(s, k) and low[k] == "that"


def _modifies_noun(site: CueSite, passive: bool, bare: bool) -> bool:
    """ "The country routinely portrayed as ... was seen as ...": a participle modifying a
    noun when a finite verb of the clause follows before any complement or adverbial clause
    (*threatened war unless his demands were met*: *were* is the adverbial clause's)."""
    s, i = site.s, site.i
    participle = s.low[i].endswith(("ed", "en")) or s.low[i] in PARTICIPLES
    if not participle or passive or site.prev in lexicons().auxiliaries:
        return False
    for k in range(site.j, site.end):
        if s.low[k] in ("that", "whether") or s.low[k] in WH or s.low[k] in SUBORDINATORS or bare:
            return False
        if s.low[k] in FINITE:
            return True
    return False


def _that_at(site: CueSite, needs: Complement) -> int | None:
    """The "that" of the verb's that-clause when it does not follow right away: a few words on
    (*warned Ankara that*), or past an adjunct (*insisted at every round of talks that*)."""
    s, j, end = site.s, site.j, site.end
    that_at = near_that(s, j, end) if needs.near_that else None
    infinitive = site.nxt == "to" and opens_infinitive(s, j)  # "hopes to build ties that …"
    if that_at is None and site.nxt in _ADJUNCT_PREPOSITIONS and not infinitive:
        that_at = next(
            (
                k
                for k in range(j + 1, min(end, j + 9))
                if s.low[k] == "that" and s.low[k - 1] not in DETERMINERS
            ),
            None,
        )
        if that_at is not None and any(w in FINITE or w == "," for w in s.low[j:that_at]):
            that_at = None
    return that_at


def _content(site: CueSite, verb: VerbSite, that_at: int | None, j: int) -> _Content:
    """Where the span starts (guidelines §7.1): after "that", after "to" for an infinitive
    without its own subject, at the subject for *X to do*, at the verb for noun phrases, *Y as
    Z* and adjectives; with the type an infinitive gives the cue (*expects to* / *expects X to*)."""
    s, i, cue = site.s, site.i, site.cue
    low = s.low
    nxt = low[j] if j < s.n else ""
    if that_at is not None:
        addressee = [m for m in site.mentions if j <= m.i and m.j <= that_at and not m.anaphor]
        if low[i].startswith("testif"):
            addressee = []  # "testified to Congress that ...": a hearing, no addressee (§9)
        return _Content(that_at + 1, cue.type, addressee[0].ref if addressee else None)
    if cue.complement.from_verb:
        return _Content(i, cue.type)  # "regard that assurance as worthless": no complementizer
    if nxt == "that":
        return _Content(j + 1, cue.type)
    if nxt == "what" and free_relative_object(cue):
        # "criticized what they view as poor planning": a free relative is a noun phrase, so
        # the span starts at the verb (§7.1), not at "what" as an embedded question would.
        return _Content(i, cue.type)
    if nxt in WH:
        whether = nxt == "whether"
        return _Content(j + 1 if whether else j, cue.type, underspecified=whether)
    if nxt == "to" or (cue.words[-1] == "to" and opens_infinitive(s, j - 1)):
        return _Content(j + (nxt == "to"), cue.to_type or cue.type)  # also "offered to host"
    to_at = verb.to_at
    if to_at is not None and to_at > j and infinitive_subject(s, j, to_at):
        # An infinitive with its own subject: "Pushing Moscow to condemn ...".
        return _Content(j, cue.obj_to_type or cue.type)
    if verb.bare:
        return _Content(j, cue.type)
    # A noun phrase, "Y as Z", an adjective: the verb itself (guidelines §7.1); "would welcome a
    # return": from the verb, "would" is shell.
    return _Content(j - 1 if cue.words[0] in ("would", "'") else i, cue.type)


def _with_condition(s: Sentence, span_start: int, end: int) -> int:
    """ "told reporters that if Australia made China its enemy, China would be its enemy": a
    leading condition belongs to the content (guidelines §7.2), so the span goes on past it."""
    if span_start < s.n and s.low[span_start] in ("if", "unless", "when", "once"):
        comma = next((k for k in range(span_start, end + 1) if k < s.n and s.low[k] == ","), None)
        if comma is not None and comma == end:
            return clause_end(s, comma + 1)
    return end


def _passive_candidate(site: CueSite, typ: str, span_start: int, end: int) -> Candidate | None:
    """ "was suddenly seen as ...", "it was assumed that ...": the holder is implicit; a
    clause-initial "In Beijing" names it, else the party of the context (§6.2)."""
    s, i, start, mentions, ctx = site.s, site.i, site.start, site.mentions, site.ctx
    subject = [m for m in mentions if start <= m.i and m.j <= i and not m.after_preposition]
    place = [
        m
        for m in mentions
        if m.i < i and m.i > 0 and s.low[m.i - 1] in ("in", "among") and m.i - 1 <= start + 1
    ]
    if not place and _agentless_expected(site):  # the author's forecast (§8.2)
        return build_candidate(
            s, i, "prediction", "author", [AUTHOR], None, (start, end), start, site.cue
        )
    implicit = [place[0].ref] if place else ctx.recent[:1] or [AUTHOR]
    atoks = place[0].words if place else None
    span = (span_start if span_start > i else i, end)
    cand = build_candidate(s, i, typ, "holder", implicit, atoks, span, start, site.cue)
    if cand is not None and subject and not place:
        if subject[0].anaphor:
            # "The country ... was suddenly seen as ...": the most recent party other than
            # the implicit holder.
            pool = [m.ref for m in reversed(mentions) if not m.anaphor and m.i < i]
            others = [r for r in [*pool, *ctx.recent] if r not in implicit and r != AUTHOR]
            cand.target_hint = others[0] if others else None
        else:
            cand.target_hint = subject[0].ref
    return cand


def _agentless_expected(site: CueSite) -> bool:
    """A present *is / are expected* with no agent (*by X*): *The elections are expected in July*
    is the author's forecast (§8.2); the past is someone's past expectation (§6.2)."""
    s, i = site.s, site.i
    low = s.low
    return low[i] == "expected" and low[i - 1] in ("is", "are") and "by" not in low[i : site.end]


def _active_candidate(site: CueSite, content: _Content, typ: str, end: int) -> Candidate | None:
    """The holder is the verb's subject; reported speech states, demands or declares."""
    s, i, cue, mentions, ctx = site.s, site.i, site.cue, site.mentions, site.ctx
    span_start = content.start
    shared = shared_subject(s, i, mentions) if i == site.start else None
    if shared is not None:
        # "Tokyo has a plan and wants Seoul to join": the subject both predicates share.
        refs = resolve_anaphor(s, shared, mentions, ctx) if shared.anaphor else [shared.ref]
        holder, atoks = (
            (refs, shared.words) if refs else find_holder(s, i, site.start, mentions, ctx)
        )
    else:
        holder, atoks = find_holder(s, i, site.start, mentions, ctx, speech=cue.speech)
    if typ == "intention" and _joint_commitment(s, i, site.start, holder):
        return None  # "In the treaty, the two sides pledged to ...": the terms, a report
    if typ == "demand" and _purpose_adjunct(s, i):
        return None  # "used tariffs to pressure Mexico to act": an act and its aim, a report
    if (
        typ == "demand"
        and span_start > i
        and s.low[span_start - 1] == "that"
        and states_fact(s, span_start, end)
    ):
        # "insists that Egypt would never accept ...": a statement, not pressure to act; only
        # a deontic complement ("insists that the restrictions must be lifted") is a demand.
        typ = "prediction" if is_future(s, span_start, end) else "belief"
    typ = _reported_type(site, typ, holder, span_start, end)
    cand = build_candidate(s, i, typ, "holder", holder, atoks, (span_start, end), site.start, cue)
    if cand is not None and atoks is not None and atoks[0] < site.start:
        # A subject shared with the predicate before (*X has worked with Y but has opposed
        # ...*): the claim's clause is its own predicate, not the first one's.
        cand.region = (min(site.start, cand.span[0], i), cand.region[1])
    if cand is not None:
        cand.target_hint = content.target_hint
        cand.underspecified = content.underspecified
        cand.speech = cue.speech and AUTHOR not in holder
    return cand


def _reported_type(site: CueSite, typ: str, holder: list[str], a: int, b: int) -> str:
    """The type of a party's reported content in tokens a..b: a speaker's future about its own
    conduct is its intention (§4.5); a deontic modal or a necessity is its demand, or its
    intention on its own conduct (§8.2, v1.3 change 25); so is a proposal (v1.4 §8.1)."""
    s, cue = site.s, site.cue
    if cue.speech and typ == "prediction" and own_conduct(s, a, b, holder, site.mentions, site.ctx):
        return "intention"  # "says that it will veto ...": a declared course of its own (§4.5)
    if typ not in ("belief", "prediction"):
        return typ
    if (cue.speech or cue.type == "belief") and (_deontic(s, a, b) or necessity_predicate(s, a, b)):
        # "Seoul said that Tokyo must apologize": a party's should / must on another party is
        # its demand (§8.2); on its own conduct its intention (v1.3 change 25).
        return "intention" if own_conduct(s, a, b, holder, site.mentions, site.ctx) else "demand"
    if _proposal(s, site.i, a, b):
        # "suggested that the OAS could play a larger role": a proposal asks the party of the
        # content by words, a demand; with the holder's own action an offer (v1.4 §8.1).
        return "intention" if own_conduct(s, a, b, holder, site.mentions, site.ctx) else "demand"
    return typ


def _proposal(s: Sentence, i: int, a: int, b: int) -> bool:
    """Whether a verb of proposing at token i (*suggest, propose*) takes a that-clause in tokens
    a..b whose modal puts an action to its subject (*suggested that the OAS could play a larger
    role*, *should join*): a proposal (guidelines v1.4 §8.1, demand). With a state or a past
    (*may be preparing*, *could have known*) it is the epistemic verb, a belief or prediction."""
    low = s.low
    if not low[i].startswith(("suggest", "propos")) or a == 0 or low[a - 1] != "that":
        return False
    k = next((t for t in range(a, min(b, a + 12)) if low[t] in FINITE), None)
    if k is None or low[k] not in ("could", "should", "might", "can", "ought"):
        return False
    v = k + 1
    while v < b and (low[v] in ("also", "potentially", "not") or low[v].endswith("ly")):
        v += 1
    return v < b and low[v] not in ("be", "have", "to") and s.toks[v].isalpha()


def _deontic(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause in tokens a..b has a deontic *should / must / ought to* as its first
    modal, within a few words of its start (*Tokyo must apologize*); not an epistemic one (*must
    have known*, *should be a win-win*)."""
    low = s.low
    k = next((t for t in range(a, min(b, a + 8)) if low[t] in FINITE or low[t] == "ought"), None)
    if k is None or low[k] not in ("should", "must", "ought"):
        return False
    if low[k] == "should":
        return not epistemic_should(s, k + 1)
    if low[k] == "must":
        return not epistemic_must(s, k + 1)
    return low[k + 1 : k + 2] == ["to"]


def _joint_commitment(s: Sentence, i: int, start: int, holder: list[str]) -> bool:
    """Whether the commitment verb at token i is made jointly or under an agreement: parties
    pledging or agreeing together (*Seoul and Tokyo pledged to ...*, *the two sides agreed
    to ...*) or in a treaty (*In the treaty, Moscow pledged to ...*) state the terms of an
    agreement, a report, not one party's intention (guidelines v1.3 §4.4). One party's own
    promise (*Seoul pledged to expand trade*) stays its intention."""
    if not s.low[i].startswith(COMMITMENTS):
        return False
    low = s.low
    # The subject right before the verb, past any insertion (*X, who holds U.S. and Italian
    # citizenship, has vowed*: one party).
    subject = next((k + 1 for k in range(i - 1, start - 1, -1) if low[k] == ","), start)
    if len(holder) > 1 or any(low[k] in _JOINT for k in range(subject, i)):
        return True
    return any(
        low[k] in AGREEMENTS and low[k - 1] in DETERMINERS and low[k - 2] in ("in", "under")
        for k in range(max(2, start), i)
    )


#: Words of a subject that names parties jointly (*Seoul and Tokyo*, *the two sides*, *both*).
_JOINT = frozenset(["and", "both", "two", "sides", "allies", "parties"])


#: Verbs of pressure (not of asking or expecting: *realistic to expect X to ...* stays).
_PRESSURE = ("pressur", "press", "push", "compel", "forc", "persuad", "coerc", "induc")


def _purpose_adjunct(s: Sentence, i: int) -> bool:
    """Whether the verb of pressure at token i is the infinitive of a narrated act's purpose
    (*used tariff threats and other measures to pressure Mexico to act*, *in an effort to
    compel Y to ...*): the act and its aim are reported, no demand (guidelines v1.3 §4.4).
    After a verb (*tried to press*) or an attitude (*wants to push*, which holds it) it stays
    a directive."""
    low = s.low
    if i < 2 or low[i - 1] != "to" or not low[i].startswith(_PRESSURE):
        return False
    before = low[i - 2]
    if before in PURPOSE_NOUNS:
        return True
    return (
        before.isalpha()
        and not is_verb(before)
        and not before.endswith("ly")
        and before not in DETERMINERS
        and before not in lexicons().prepositions
        and lexicons().expectations.get(before) is None
    )


def own_conduct(
    s: Sentence, a: int, b: int, holder: list[str], mentions: list[Mention], ctx: Context
) -> bool:
    """Whether the clause in tokens a..b is about the holder's own conduct: its subject (past
    a leading condition, *if Australia made China its enemy, China would ...*) is the holder."""
    low = s.low
    if a < b and low[a] in ("if", "unless", "once"):
        comma = next((k for k in range(a, b) if low[k] == ","), None)
        if comma is None:
            return False
        a = comma + 1
    verb = next((k for k in range(a, b) if low[k] in FINITE), None)
    if verb is None or verb - a > 6:
        return False
    if verb == a + 1 and _pronoun_of_speaker(s, a, verb):
        return True  # "announced it would work with Congress": the speaker's own course
    for m in mentions:
        if a <= m.i and m.j <= verb and not m.after_preposition and not m.possessive:
            if m.anaphor and m.i > a and s.low[m.i - 1] in lexicons().prepositions:
                continue  # "at some point we will ...": no subject
            refs = resolve_anaphor(s, m, mentions, ctx) if m.anaphor else [m.ref]
            # Its own state counts as itself (*Putin has said Russia might help*, §4.5).
            return bool(refs) and any(ctx.actors.allied(h, refs[0]) for h in holder)
    # "we will ...", "at some point we will have to ...": the speaker's own side.
    adjunct = low[a] in lexicons().prepositions and low[verb - 1] == "we"
    return (low[a] == "we" or adjunct) and AUTHOR not in holder


def _pronoun_of_speaker(s: Sentence, a: int, verb: int) -> bool:
    """Whether the content's subject is a pronoun right before *will / would* and an action,
    in a speech report: it stands for the speaker (*the Treasury issued a statement asserting
    that it would impose sanctions*), not an expletive (*it would be difficult to ...*)."""
    low = s.low
    return (
        low[a] in ("it", "they")
        and low[verb] in ("will", "would")
        and verb + 1 < s.n
        and low[verb + 1] not in ("be", "have", "not", "n't")
    )
