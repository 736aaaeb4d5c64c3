"""The drafter's steps for one sentence, in the order docs/drafting.md describes."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import jsonio
from ..errors import ClaimsetError, InvalidLine
from ..models import Actor, SentenceRecord, first_error
from ..project import Project, read_seed
from .actors import (
    AUTHOR,
    ActorIndex,
    Context,
    Mention,
    coordinated_mention,
    find_mentions,
    load_actors,
    party_of,
    resolve_anaphor,
    salience,
)
from .candidate import Candidate, Cue, build_candidate
from .lexicons import ExpectationCue, HedgeCue, Trie, lexicons, longest_match
from .sentence import (
    Sentence,
    bare_clause,
    clause_end,
    clause_start,
    epistemic_should,
    evidence_clauses,
    has_verb,
    is_future,
    is_negated,
    main_clauses,
    names_object,
    opens_infinitive,
    relative_clause,
    skip_complementizer,
    skip_connectives,
    states_fact,
    subject_end,
    trim_span,
)
from .words import (
    BE,
    COORDINATORS,
    DEMONSTRATIVES,
    DETERMINERS,
    FEAR_FRAMES,
    FINITE,
    INTEREST,
    MODALS,
    MONTHS,
    NUMBER,
    PARTICIPLES,
    PRESENT,
    SENTENCE_ADVERBS,
    SIDES,
    WH,
    YEAR,
    inflection,
    is_past,
    is_verb,
    verbish,
)


def find_holder(
    s: Sentence, cue: int, start: int, mentions: list[Mention], ctx: Context
) -> tuple[list[str], tuple[int, int] | None]:
    """Who holds an expectation cued at token `cue`: the nearest subject-like mention to its left.

    Falls back to the agent of a passive ("released by X"), to the subject of the main clause
    after a participial opener ("Pushing Moscow to ..., Seoul makes ..."), and then to the most
    salient recent actor (implicit holders, guidelines §6.2).
    """
    lex = lexicons()
    for m in sorted(mentions, key=lambda m: -m.i):
        if m.j > cue or m.i < start or m.compound or m.after_preposition:
            continue
        if m.anaphor:
            between = s.low[m.j : cue]
            if any(t not in lex.auxiliaries and t != "," and not t.endswith("ly") for t in between):
                continue
            refs = resolve_anaphor(s, m, mentions, ctx)
            if refs:
                return refs, m.words
            continue
        return [m.ref], m.words
    for m in sorted(mentions, key=lambda m: -m.i):
        if start <= m.i and m.j <= cue and m.i > 0 and s.low[m.i - 1] == "by" and not m.anaphor:
            return [m.ref], m.words
    if start == cue and s.low[cue].endswith("ing"):
        end = clause_end(s, cue)
        for m in mentions:
            if m.i > end and not m.compound:
                refs = resolve_anaphor(s, m, mentions, ctx) if m.anaphor else [m.ref]
                if refs:
                    return refs, m.words
    group = _described_group(s, start, cue, ctx.actors)
    if group is not None:
        return [group[0]], group[1]
    if ctx.recent:
        return ctx.recent[:1], None
    return [AUTHOR], None


def _described_group(
    s: Sentence, start: int, cue: int, index: ActorIndex
) -> tuple[str, tuple[int, int]] | None:
    """A subject that describes a registered group or organization without naming it
    (*Business leaders in Perth and Adelaide* → the Australian business community): a content
    word of the subject that belongs to the names of exactly one such actor."""
    lex = lexicons()
    end = start
    while end < cue and s.low[end] not in lex.auxiliaries and s.low[end] not in FINITE:
        end += 1
    if end - start < 1 or end - start > 8:
        return None
    for k in range(start, end):
        ref = index.group_words.get(s.low[k])
        if ref is not None:
            return ref, trim_span(s, (start, end))
    return None


def find_target(s: Sentence, cand: Candidate, mentions: list[Mention]) -> str | None:
    """The party the expectation is directed at or about (guidelines §9), or None."""
    if cand.parent is not None and cand.target_hint is None and not cand.own_subject:
        return find_target(s, cand.parent, mentions)  # coordinated predicates share the target
    if cand.target_hint is not None:
        return cand.target_hint if cand.target_hint not in cand.holder else None
    found = _named_target(s, cand, mentions)
    if found is not None or _joint(s, cand, mentions):
        return found
    return _implicit_target(s, cand, mentions)


def _joint(s: Sentence, cand: Candidate, mentions: list[Mention]) -> bool:
    """Whether the span names parties jointly (*between Russia and Korea*, *both Koreas*)."""
    a, b = cand.span
    return (
        any(
            a <= m.i < b
            and not m.anaphor
            and m.ref not in cand.holder
            and coordinated_mention(s, m, mentions)
            for m in mentions
        )
        or any(a <= m.i < b and m.ref == "both" for m in mentions)
        or any(
            w in ("neither", "either", "each") and k + 1 < b and s.low[k + 1] in SIDES
            for k, w in enumerate(s.low[a:b], start=a)
        )
    )


def _named_target(s: Sentence, cand: Candidate, mentions: list[Mention]) -> str | None:
    """A party named (or referred to) in the span (guidelines §9, rules 3-5)."""
    a, b = cand.span
    pool = [
        m
        for m in mentions
        if a <= m.i
        and m.j <= b
        and (ref := party_of(m)) is not None
        and not m.compound
        and ref not in cand.holder
        and ref != AUTHOR
        and not coordinated_mention(s, m, mentions)
    ]
    if pool and any(
        coordinated_mention(s, m, mentions) and a <= m.i < pool[0].i and m.ref not in cand.holder
        for m in mentions
    ):
        # "deepen its cooperation with the United States, Japan and Australia in the Quad":
        # several parties jointly, no one target (guidelines §9, rule 6).
        return None
    if cand.frame != "author":
        return party_of(pool[0]) if pool else None
    if s.low[a] in FINITE:
        # A predicate split off by coordination ("and will not be expressing ..."): its subject
        # is the previous conjunct's.
        for m in sorted(mentions, key=lambda m: -m.i):
            if m.j <= a and not m.after_preposition and not m.compound and party_of(m) is not None:
                return party_of(m)
    subj_end = subject_end(s, a, b)
    first = (
        [m for m in pool if m.i < subj_end]
        or [m for m in pool if m.possessive]
        or [m for m in pool if not m.after_preposition]
    )
    if not first and cand.type == "obligation":
        # "If Russia expects ..., due attention should be paid": the condition names the agent.
        first = [m for m in mentions if m.j <= a and not m.after_preposition and not m.anaphor]
    return party_of(first[0]) if first else None


def _implicit_target(s: Sentence, cand: Candidate, mentions: list[Mention]) -> str | None:
    """A party the span does not name (guidelines §9): the owner of a thing the claim refers
    back to (*resents this balancing act*, extension (b)); the implicit doer of a demanded or
    obliged act in the passive (*insists that the restrictions must be lifted*, extension
    (a)); the agent named in a clause that describes the content (*a return to the quiet years,
    when Australian governments kept their criticism private*)."""
    a, b = cand.span
    low = s.low
    others = [r for r in cand.recent if r not in cand.holder]
    refers_back = any(
        (w in DEMONSTRATIVES or (w == "that" and k <= a + 1))
        and k + 1 < b
        and low[k + 1] not in DETERMINERS
        and s.toks[k + 1].isalpha()
        and s.toks[k + 1].islower()
        and low[k + 1] not in FINITE
        for k, w in enumerate(low[a:b], start=a)
    )
    if refers_back and others:
        return others[0]
    if (
        cand.type in ("demand", "obligation")
        and others
        and "by" not in low[a:b]
        and any(
            w in ("be", "been") and k + 1 < b and low[k + 1].endswith(("ed", "en"))
            for k, w in enumerate(low[a:b], start=a)
        )
    ):
        return others[0]
    if cand.frame != "author" and b + 1 < s.n and low[b] == "," and low[b + 1] in ("when", "where"):
        end = clause_end(s, b + 2)
        clause = [m for m in mentions if b < m.i < end and not m.compound]
        named = {r for m in clause if (r := party_of(m)) is not None} - set(cand.holder)
        if len(named) == 1 and not any(coordinated_mention(s, m, mentions) for m in clause):
            return named.pop()
    return None


def _expectation_candidates(s: Sentence, mentions: list[Mention], ctx: Context) -> list[Candidate]:
    lex = lexicons()
    out: list[Candidate] = []
    i = 0
    while i < s.n:
        if s.suppressed[i]:
            i += 1
            continue
        found = None
        width = 1
        for words, cue in lex.expectations.get(s.low[i], ()):
            if tuple(s.low[i : i + len(words)]) != words:
                continue
            found = verb_candidate(s, i, i + len(words), cue, mentions, ctx)
            if found is not None:
                width = len(words)
                break
        if found is not None:
            out.append(found)
            i = found.cue + width  # "would like": "like" is no second cue
        else:
            i += 1
    return out


def verb_candidate(
    s: Sentence, i: int, j: int, cue: ExpectationCue, mentions: list[Mention], ctx: Context
) -> Candidate | None:
    low = s.low
    lex = lexicons()
    nxt = low[j] if j < s.n else ""
    prev = low[i - 1] if i > 0 else ""
    end = clause_end(s, j)
    start = clause_start(s, i)
    if cue.frame == "author":
        return _author_candidate(s, i, j, cue, mentions, start, nxt, prev)
    if cue.frame == "holder-adj":
        k = i - 1
        while k >= 0 and low[k].endswith("ly") and k > start:
            k -= 1  # "is deeply convinced", "is fully aware"
        if k < 0 or low[k] not in lex.copulas:
            return None
        if cue.words[-1] in ("in", "on", "about"):
            span_start = i
        elif nxt in ("to", "that"):
            span_start = j + 1
        elif nxt in WH:
            span_start = j
        elif nxt in ("of",):
            span_start = i
        else:
            return None
        typ = cue.type
        if cue.future_type and span_start > i and is_future(s, span_start, end):
            typ = cue.future_type  # "are convinced that the sanctions will be gone"
        holder, atoks = find_holder(s, k, start, mentions, ctx)
        return build_candidate(s, i, typ, "holder", holder, atoks, (span_start, end), start, cue)
    if cue.frame == "holder-noun":
        return _noun_candidate(s, i, j, cue, mentions, ctx, start, prev)
    # A verb whose subject holds the expectation.
    if (
        prev in DETERMINERS
        or prev == "no"
        or (prev == "to" and low[i] in ("demand", "plan", "hope"))
    ):
        return None  # a noun: "the hope", "a push", "no doubt"
    if start > 0 and low[start - 1] == "," and low[start] in ("a", "an"):
        return None  # ", a promise they regard as long overdue": an apposition (§4.3)
    if cue.needs == "after-would" and not any(w in ("would", "'d") for w in low[max(0, i - 3) : i]):
        return None
    if "what" in low[max(start, i - 4) : i] or (start > 0 and low[start] in WH):
        return None  # "knows exactly what it wants", "What China wants ...": a free relative
    if prev == "to" and low[start] == "it":
        return None  # "it would be naive to think that ...": the author's judgement
    passive = prev in BE or (i > 1 and prev.endswith("ly") and low[i - 2] in BE)
    if passive and not (low[i].endswith(("ed", "en")) or low[i] in PARTICIPLES):
        passive = False  # "is urging": progressive, active
    if passive and i > 1 and low[i - 2] == "to":
        return None  # "leaves much to be desired"
    participle = low[i].endswith(("ed", "en")) or low[i] in PARTICIPLES
    # "thinks Cairo will back down": a complement clause without "that" (§7.1: the span
    # starts at its subject).
    bare = cue.needs not in ("as", "as-or-actor", "obj-to", "naming", "gerund") and bare_clause(
        s, j, end
    )
    if participle and not passive and prev not in lex.auxiliaries:
        # "The country routinely portrayed as ... was seen as ...": a participle modifying a
        # noun when a finite verb of the clause follows before any complement clause.
        for k in range(j, end):
            if low[k] in ("that", "whether") or low[k] in WH or bare:
                break
            if low[k] in FINITE:
                return None
    if i == start and not low[i].endswith("ing"):
        return None  # no subject before the verb: "Hopes were running high" is a noun
    if cue.needs == "that" and nxt != "that" and not bare:
        return None
    that_at = None
    if cue.needs == "that-near":
        that_at = next((k for k in range(j, min(end, j + 4)) if low[k] == "that"), None)
        if that_at is None and not bare:
            return None
    if that_at is None and nxt in ("at", "in", "during", "with", "to", "throughout"):
        # "insisted at every round of talks that ...", "agreed with Ankara that ...": an
        # adjunct between the verb and its that-clause.
        that_at = next(
            (
                k
                for k in range(j + 1, min(end, j + 9))
                if low[k] == "that" and low[k - 1] not in DETERMINERS
            ),
            None,
        )
        if that_at is not None and any(w in FINITE or w == "," for w in low[j:that_at]):
            that_at = None
    if cue.needs == "as" and "as" not in low[j:end]:
        return None
    if (
        cue.needs == "as-or-actor"
        and "as" not in low[j:end]
        and not any(m.i in (j, j + 1) and not m.anaphor for m in mentions)
    ):
        return None
    to_at = next((k for k in range(j, min(end, j + 7)) if low[k] == "to"), None)
    if cue.needs == "obj-to" and (
        to_at is None or to_at == j or not opens_infinitive(s, to_at) or names_object(s, j, to_at)
    ):
        return None  # "called the pact a threat to regional peace" names, it does not direct
    if cue.needs == "naming" and (passive or not names_object(s, j, end)):
        return None
    if cue.needs == "gerund" and not any(w.endswith("ing") for w in low[j : min(end, j + 3)]):
        return None  # "speaks of stabilising the relationship", not "speaks of a crisis"
    while j < end - 1 and low[j].endswith("ly") and low[j + 1] in ("that", "to", *WH):
        j += 1  # "thought naively that"
        nxt = low[j]
    typ = cue.type
    target_hint = None
    underspecified = False
    if that_at is not None:
        span_start = that_at + 1
        addressee = [m for m in mentions if j <= m.i and m.j <= that_at and not m.anaphor]
        target_hint = addressee[0].ref if addressee else None
    elif cue.needs in ("as", "as-or-actor", "naming"):
        span_start = i  # "regard that assurance as worthless": "that" is no complementizer
    elif nxt == "that":
        span_start = j + 1
    elif nxt in WH:
        underspecified = nxt == "whether"
        span_start = j + 1 if nxt in ("whether",) else j
    elif nxt == "to":
        span_start = j + 1
        typ = cue.to_type or typ
    elif (
        to_at is not None and to_at > j and "as" not in low[j:to_at] and opens_infinitive(s, to_at)
    ):
        span_start = j  # an infinitive with its own subject: "Pushing Moscow to condemn ..."
        typ = cue.obj_to_type or typ
    elif bare:
        span_start = j
    else:
        span_start = i  # a noun phrase, "Y as Z", an adjective: the verb itself (guidelines §7.1)
        if cue.words[0] in ("would", "'"):
            span_start = j - 1  # "would welcome a return": from the verb, "would" is shell
    if span_start < s.n and low[span_start] in ("if", "unless", "when", "once"):
        # "told reporters that if Australia made China its enemy, China would be its enemy":
        # the condition belongs to the content (guidelines §7.2).
        comma = next((k for k in range(span_start, end + 1) if k < s.n and low[k] == ","), None)
        if comma is not None and comma == end:
            end = clause_end(s, comma + 1)
    if span_start == i and j >= end:
        return None  # "than Beijing had hoped": no content, no claim
    if cue.future_type and span_start > i and is_future(s, span_start, end):
        typ = cue.future_type
    if passive:
        # "was suddenly seen as ...", "it was assumed that ...": the holder is implicit; a
        # clause-initial "In Beijing" names it, else the party of the context (§6.2).
        subject = [m for m in mentions if start <= m.i and m.j <= i and not m.after_preposition]
        place = [
            m
            for m in mentions
            if m.i < i and m.i > 0 and s.low[m.i - 1] in ("in", "among") and m.i - 1 <= start + 1
        ]
        implicit = [place[0].ref] if place else ctx.recent[:1] or [AUTHOR]
        atoks = place[0].words if place else None
        span = (span_start if span_start > i else i, end)
        cand = build_candidate(s, i, typ, "holder", implicit, atoks, span, start, cue)
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
    holder, atoks = find_holder(s, i, start, mentions, ctx)
    if (
        typ == "demand"
        and span_start > i
        and low[span_start - 1] == "that"
        and states_fact(s, span_start, end)
    ):
        # "insists that Egypt would never accept ...": a statement, not pressure to act; only
        # a deontic complement ("insists that the restrictions must be lifted") is a demand.
        typ = "prediction" if is_future(s, span_start, end) else "belief"
    if (
        cue.speech
        and typ == "prediction"
        and _own_conduct(s, span_start, end, holder, mentions, ctx)
    ):
        typ = "intention"  # "says that it will veto ...": a declared course of its own (§4.5)
    cand = build_candidate(s, i, typ, "holder", holder, atoks, (span_start, end), start, cue)
    if cand is not None:
        cand.target_hint = target_hint
        cand.underspecified = underspecified
        cand.speech = cue.speech and AUTHOR not in holder
    return cand


def _own_conduct(
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
    for m in mentions:
        if a <= m.i and m.j <= verb and not m.after_preposition and not m.possessive:
            refs = resolve_anaphor(s, m, mentions, ctx) if m.anaphor else [m.ref]
            return bool(refs) and refs[0] in holder
    return low[a] == "we" and AUTHOR not in holder


def _noun_candidate(
    s: Sentence,
    i: int,
    j: int,
    cue: ExpectationCue,
    mentions: list[Mention],
    ctx: Context,
    start: int,
    prev: str,
) -> Candidate | None:
    """ "X's priority (in ...) is to ...", "Hopes were running high that ...", "its aim is that"."""
    low = s.low
    limit = min(s.n, j + 8)
    k = j
    span_start = None
    while k < limit and not s.stop[k]:
        if (
            low[k] in ("is", "are", "was", "were", "remains")
            and k + 1 < s.n
            and low[k + 1]
            in (
                "to",
                "that",
            )
        ):
            span_start = k + 2
            break
        if low[k] == "that" and k > j and low[k - 1] not in DETERMINERS:
            span_start = k + 1
            break
        k += 1
    if span_start is None:
        return None
    owner = [m for m in mentions if m.j in (i, i - 1) and m.possessive]
    if owner:
        holder = [owner[-1].ref]
        atoks: tuple[int, int] | None = (owner[-1].i, owner[-1].j)
    elif prev in ("its", "their", "his", "her"):
        holder = resolve_anaphor(s, Mention("singular", i - 1, i, anaphor=True), mentions, ctx)
        atoks = (i - 1, i)
    elif i == start:
        holder, atoks = ctx.recent[:1] or [AUTHOR], None  # "Hopes were running high that ..."
    else:
        return None
    if not holder:
        return None
    return build_candidate(
        s,
        i,
        cue.type,
        "holder",
        holder,
        atoks,
        (span_start, clause_end(s, span_start)),
        start,
        cue,
    )


def _author_candidate(
    s: Sentence,
    i: int,
    j: int,
    cue: ExpectationCue,
    mentions: list[Mention],
    start: int,
    nxt: str,
    prev: str,
) -> Candidate | None:
    low = s.low
    word = cue.words[0]
    typ = cue.type
    if cue.needs == "advice":
        return _advice_candidate(s, i, j, cue, mentions, start)
    if word == "it" and nxt in ("that", "for"):
        return _impersonal_candidate(s, i, j, cue, mentions, start)
    if word in ("will", "shall", "wo") and (prev in DETERMINERS or prev in ("political", "good")):
        return None  # the noun "will"
    if word == "may" and s.toks[i] == "May" and i > 0:
        return None  # the month
    if word == "could" and nxt in ("not", "n't"):
        return None  # past inability: a report
    if word in ("need", "needs") and prev in DETERMINERS:
        return None
    if word == "should" and epistemic_should(s, j):
        typ = "prediction"
    if word == "must" and nxt == "have" and j + 1 < s.n and low[j + 1].endswith(("ed", "en", "wn")):
        typ = "belief"  # epistemic "they must have known"
    if j >= s.n or (not verbish(low[j]) and low[j] not in ("not", "n't")):
        return None
    if typ == "prediction":
        # "Seoul may be lauding ...", "Russia will want ...": the attitude verb makes the party
        # the holder (guidelines §6.1); the modal is a hedge on its claim (§11).
        k = j
        while k < s.n and (low[k] in ("be", "have", "not", "n't") or low[k].endswith("ly")):
            k += 1
        if _attitude_at(s, k, clause_end(s, k)) is not None:
            return None
        if word in ("may", "might", "could") and k < s.n and low[k] in INTEREST:
            typ = "belief"  # "may suit Ankara": what is good for a party now (§6.1)
    if (low[start] in WH and low[start] != "whether") or low[start] == "that":
        return None  # "what reasons they have to regard ...": inside a noun phrase
    if cue.type == "prediction" and word in ("is", "are", "was", "were") and nxt == "be":
        typ = "belief"  # "the real figure is sure to be much higher": now, not the future
    if low[start : start + 3] == ["it", "would", "be"] and i > start + 3:
        return None  # "it would be naive to think that P": the author's judgement of P (§6.1)
    framed = False
    for k in range(i - 1, start, -1):
        if low[k] in ("that", "whether") and not has_verb(s, k + 1, i):
            # "is there a risk that the process will ...", "it is unclear whether Ethiopia will
            # ...": the frame is shell.
            framed = low[k] == "whether"
            start = k + 1
            break
    else:
        start, framed = past_shell(s, start, i)
    whether = low[start] == "whether"
    if whether:
        start += 1  # "Whether Beijing will accept it is hard to say": the content, undecided
    end = clause_end(s, j)
    cand = build_candidate(s, i, typ, "author", [AUTHOR], None, (start, end), start, cue)
    if cand is not None:
        cand.underspecified = whether or framed
        if whether:
            # The frame follows the content: "... is hard to say" stops the span.
            for k in range(j, end):
                if low[k] in lexicons().copulas and k > j:
                    cand.span = trim_span(s, (start, k))
                    break
    return cand


def _advice_candidate(
    s: Sentence, i: int, j: int, cue: ExpectationCue, mentions: list[Mention], start: int
) -> Candidate | None:
    """ "The sensible course for Canberra is to keep talking", "the best option would be to
    wait": a recommendation phrased as an evaluation of a course of action is the author's
    obligation (guidelines §8.1); the span is the recommended action, the target the party
    after "for" (§9, rule 1)."""
    low = s.low
    advice = lexicons().advice
    k = i - 1
    adjective = False
    while k >= start and (low[k] in advice or low[k] in ("most", "only", "very")):
        adjective = adjective or low[k] in advice
        k -= 1
    if not adjective or k < start or low[k] not in DETERMINERS:
        return None
    verb = next(
        (
            t
            for t in range(j, min(s.n - 1, j + 8))
            if low[t] in ("is", "remains", "be") and low[t + 1] == "to"
        ),
        None,
    )
    if verb is None or any(s.stop[t] for t in range(j, verb)):
        return None
    content = verb + 2
    cand = build_candidate(
        s, i, cue.type, "author", [AUTHOR], None, (content, clause_end(s, content)), start, cue
    )
    if cand is not None:
        party = [m for m in mentions if j <= m.i < verb and low[m.i - 1] == "for" and not m.anaphor]
        cand.target_hint = party[0].ref if party else None
    return cand


def _impersonal_candidate(
    s: Sentence, i: int, j: int, cue: ExpectationCue, mentions: list[Mention], start: int
) -> Candidate | None:
    """ "It is essential that Addis Ababa shares its data", "it is time for Cairo to return":
    the impersonal frame is shell, the span is what ought to happen (guidelines §7.1); the
    party after "for" is the one required to act (§9, rule 1)."""
    low = s.low
    target = None
    if low[j] == "that":
        content = j + 1
    else:
        to_at = next((t for t in range(j + 1, min(s.n, j + 8)) if low[t] == "to"), None)
        if to_at is None or not opens_infinitive(s, to_at):
            return None
        party = [m for m in mentions if j < m.i < to_at and not m.anaphor]
        target = party[0].ref if party else None
        content = to_at + 1
    cand = build_candidate(
        s, i, cue.type, "author", [AUTHOR], None, (content, clause_end(s, content)), start, cue
    )
    if cand is not None:
        cand.target_hint = target
    return cand


def _coordinated(s: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """Siblings for coordinated predicates in a party's expectation: "hopes that Moscow will help
    it ... and employ whatever leverage ...", "to exercise restraint and to avoid escalation"."""
    out = list(cands)
    for cand in cands:
        end = cand.span[1]
        # "is to keep talking, to take every dispute to the WTO, and to say ...": a list of
        # infinitives after the span's own "to" (guidelines §7.1, coordinated infinitives).
        to_list = cand.span[0] > 0 and s.low[cand.span[0] - 1] == "to"
        while end < s.n and not s.suppressed[end] and (s.coord[end] or _to_item(s, end, to_list)):
            k = end + 1
            if k < s.n and s.low[k] in COORDINATORS:
                k += 1
            if k < s.n and s.low[k] == ",":  # ", above all,"
                k += 1
                while k < s.n and s.low[k] != ",":
                    k += 1
                k += 1
            if k < s.n and s.low[k] in MODALS:
                break  # "and will not ...": the author's own prediction (guidelines §5)
            if k < s.n and s.low[k] in ("to", "that"):
                k += 1
            stop = clause_end(s, k)
            typ, first = cand.type, k
            if (
                cand.frame == "holder"
                and k < s.n
                and inflection(s.low[cand.cue]) == inflection(s.low[k])
            ):
                # "aims to secure ... and regards ...": the same form as the first attitude verb,
                # so a predicate of the holder, not of the content ("argues that the submarines
                # are defensive and threaten no one").
                typ, first = _conjunct_attitude(s, k, stop, cand.type)
            own = typ != cand.type or first != k
            span = trim_span(s, (first, stop))
            if span[0] >= span[1]:
                break
            if typ == "belief" and is_future(s, span[0], span[1]):
                typ = "prediction"
            sib = Candidate(
                k,
                typ,
                cand.frame,
                cand.holder,
                cand.actor_tokens,
                span,
                (span[0], span[1]),
                is_negated(s, span[0], span[1]),
                parent=cand,
                target_hint=None if own else cand.target_hint,
            )
            sib.own_subject = own  # its own attitude verb: its own target (§9)
            out.append(sib)
            end = stop
    return sorted(out, key=lambda c: c.cue)


def _to_item(s: Sentence, end: int, to_list: bool) -> bool:
    """Whether a comma at token `end` goes on with another infinitive of a list (*, to take
    ...*, *, and to say ...*)."""
    if not to_list or end + 2 >= s.n or s.low[end] != ",":
        return False
    k = end + 1 if s.low[end + 1] == "to" else end + 2
    return (
        (k == end + 1 or s.low[end + 1] in COORDINATORS)
        and s.low[k] == "to"
        and opens_infinitive(s, k)
    )


def _conjunct_attitude(s: Sentence, k: int, stop: int, typ: str) -> tuple[str, int]:
    """The type and the span start of a coordinated predicate: its own attitude verb decides
    (*aims to secure a treaty and regards the dam as a threat*: the second is a belief,
    guidelines §5), else it shares the first conjunct's type."""
    if k == 0 or k >= s.n or s.low[k - 1] == "to":
        return typ, k  # "and to say ...": another action of the same kind
    cue = _attitude_at(s, k, stop)
    if cue is None:
        return typ, k
    j = k + len(cue.words)
    nxt = s.low[j] if j < stop else ""
    if nxt in ("that", "to") and cue.needs not in ("as", "as-or-actor", "obj-to"):
        first = j + 1
        own = cue.to_type if nxt == "to" and cue.to_type else cue.type
    else:
        first, own = k, cue.type
    if cue.future_type and first > k and is_future(s, first, stop):
        own = cue.future_type
    return own, first


def _attitude_at(s: Sentence, k: int, stop: int) -> ExpectationCue | None:
    """The attitude verb at token k (a holder cue whose complement is there: *agree* needs
    a *that*, *regard* an *as*), or None."""
    cue: ExpectationCue
    for words, cue in lexicons().expectations.get(s.low[k] if k < s.n else "", ()):
        if cue.frame != "holder" or tuple(s.low[k : k + len(words)]) != words:
            continue
        j = k + len(words)
        if (
            cue.needs in ("after-would", "naming", "obj-to")
            or not s.toks[k].islower()
            or (
                cue.needs in ("that", "that-near")
                and "that" not in s.low[j : min(stop, j + 4)]
                and not bare_clause(s, j, stop)
            )
            or (cue.needs in ("as", "as-or-actor") and "as" not in s.low[j:stop])
        ):
            continue
        return cue
    return None


def _hedge_cues(s: Sentence, mentions: Sequence[Mention] = ()) -> list[Cue]:
    """Every hedge and booster cue (i, j, kind, certainty), after the context rules."""
    lex = lexicons()
    out: list[Cue] = []
    i = 0
    while i < s.n:
        m = longest_match(lex.hedges, s.low, i) if s.low[i] in lex.hedges else None
        if m is None or (s.suppressed[i] and not _conceded(s, i)):
            i += 1
            continue
        width, cue = m
        if cue_applies(s, i, i + width, cue) and not (
            cue.rule in ("followed-by-that", "doubt-hedge")
            and any(
                clause_start(s, i) <= m.i < i and not m.after_preposition and not m.compound
                for m in mentions
            )
        ):
            # "Moscow suggests that ...", "Seoul doubts that ...": the party's attitude, not a
            # hedge of the author's (guidelines §11.2).
            if cue.kind == "booster" and i > 0 and s.low[i - 1] in ("not", "n't"):
                # A negated booster ("not clear", "not certain") withholds commitment.
                out.append((i - 1, i + width, "hedge", "underspecified"))
            else:
                out.append((i, i + width, cue.kind, cue.certainty))
            i += width
        else:
            i += 1
    return out


def _conceded(s: Sentence, i: int) -> bool:
    """Whether token i lies in a concessive clause (*although a ruling is unlikely to ...*):
    not asserted, but a cue in it still makes a claim (guidelines §4.3, the cue rule wins)."""
    k = i
    while k > 0 and s.suppressed[k - 1]:
        k -= 1
    return s.low[k] in ("although", "though", "even", "whereas")


def cue_applies(s: Sentence, i: int, j: int, cue: HedgeCue) -> bool:
    low = s.low
    prev = low[i - 1] if i > 0 else ""
    nxt = low[j] if j < s.n else ""
    rule = cue.rule
    if rule is None:
        return True
    if rule == "not-month":
        return not (s.toks[i] == "May" and i > 0)
    if rule == "could-epistemic":
        return nxt not in ("not", "n't") and verbish(nxt)
    if rule == "should-epistemic":
        return epistemic_should(s, j)
    if rule == "must-epistemic":
        return nxt == "have" and j + 1 < s.n and low[j + 1].endswith(("ed", "en", "wn"))
    if rule == "appear-epistemic":
        return nxt in ("to", "that", ",") or prev == "it"
    if rule == "followed-by-that":
        return nxt == "that"
    if rule == "first-person":
        return prev in ("i", "we")
    if rule == "possible-adj":
        # "as soon as possible", "everything possible": not epistemic.
        return prev not in ("as", "everything", "all", "if", "where", "when", "whenever", "made")
    if rule == "doubt-hedge":
        return prev not in ("no", "without", "little", "beyond")
    if rule == "really-epistemic":
        return verbish(nxt) and not nxt.endswith(("ly",)) and nxt not in ("much", "very")
    if rule == "clearly-manner":
        # Manner: "stated clearly", "clearly defined/demarcated" (a participle after it); a
        # sentence adverb or "clearly prefers" boosts.
        if prev.endswith(("ed", "en")) and prev not in lexicons().auxiliaries:
            return False
        return not (nxt.endswith("ed") and nxt not in ("need", "needed", "wanted"))
    return True


_LEVEL = {"certain": 3, "probable": 2, "possible": 1, "underspecified": 0}


def certainty_of(cues: list[Cue], underspecified: bool) -> str:
    """Guidelines §12: question or "whether" → underspecified; else the lowest hedge; else
    certain."""
    if underspecified:
        return "underspecified"
    hedges = [c[3] for c in cues if c[2] == "hedge"]
    if not hedges:
        return "certain"
    return min(hedges, key=lambda c: _LEVEL[c])


_EVIDENCE_ORDER = ("statistic", "expert", "statement", "example", "event", "reasoning")


def _fact_signals(s: Sentence, i: int, j: int) -> set[str]:
    """Signs that tokens i..j report a fact: evidence-cue types, "date", "figure", "past"."""
    lex = lexicons()
    low, toks = s.low, s.toks
    found: set[str] = set()
    k = i
    while k < j:
        m = longest_match(lex.evidence, low, k) if low[k] in lex.evidence else None
        if m is not None:
            found.add(m[1])
            if is_past(low[k]):
                found.add("past")  # "met", "signed": an event cue in the past tense
            k += m[0]
            continue
        tok = toks[k]
        if YEAR.match(tok) or (tok in MONTHS and k > i):
            found.add("date")
        elif NUMBER.match(tok) or tok == "%":
            found.add("statistic")
        elif is_past(low[k]):
            found.add("past")
        elif low[k] in PRESENT:
            found.add("present")
        k += 1
    return found


def _evidence_type(found: set[str]) -> str | None:
    """The evidence type for a set of fact signals, in the guidelines' order (§13.3)."""
    for typ in _EVIDENCE_ORDER:
        if typ in found:
            return typ
    if found & {"date", "past"}:
        return "event"
    return None


def _is_report(s: Sentence, i: int, j: int) -> bool:
    """A plain report (figures, a statement, past events), not the author's judgement (§4.4)."""
    lex = lexicons()
    found = _fact_signals(s, i, j)
    for k in range(i, j):
        w = s.low[k]
        if (w in lex.evaluative and longest_match(lex.evaluative, s.low, k)) or (
            w in lex.causal and longest_match(lex.causal, s.low, k)
        ):
            return False
    if "statistic" in found:
        return True
    if "present" in found or s.low[-1] == "?":
        return False
    # Event nouns alone ("the talks resume") are no report: only past narration, dates and
    # reported statements are.
    return bool(found & {"past", "date", "statement"})


def analyse(text: str, ctx: Context) -> tuple[Sentence, list[Mention], list[Candidate]]:
    s = Sentence(text)
    mentions = find_mentions(s, ctx.actors)
    for m in mentions:
        # "he", "the country", "his government" pick out one party; "it", "its" and "they"
        # as often stand for a thing or several parties, so they give no target.
        if m.anaphor and m.ref in ("singular", "person") and s.low[m.i] not in ("it", "its"):
            refs = resolve_anaphor(s, m, mentions, ctx)
            m.resolved = refs[0] if len(refs) == 1 and refs[0] != AUTHOR else None
    cands = _coordinated(s, _expectation_candidates(s, mentions, ctx))
    # A cue inside another claim's span belongs to that claim ("hopes that Moscow will help",
    # "has to realize that ..."): the leftmost, outermost cue wins.
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.cue, c.parent is not None)):
        if c.parent is not None:
            if c.parent in kept:
                kept.append(c)
            continue
        if any(k.span[0] <= c.cue < k.span[1] for k in kept):
            continue
        if c.frame == "author" and any(c.span[0] <= k.cue < c.span[1] for k in kept):
            continue
        kept.append(c)
    _experiencer(s, kept, mentions)
    author_judgements(s, kept)
    assign_cues(s, kept, _hedge_cues(s, mentions), mentions)
    if s.text.rstrip().endswith("?"):
        for c in kept:
            c.underspecified = c.underspecified or not c.embedded
    kept.sort(key=lambda c: c.span[0])
    for c in kept:
        c.recent = tuple(r for r in ctx.recent if r != AUTHOR)
    return s, mentions, kept


def _experiencer(s: Sentence, cands: list[Candidate], mentions: list[Mention]) -> None:
    """ "For South Korea, consensus with the US is a prerequisite": the party after a clause-
    initial "For" holds the view (guidelines §6.1, experiencer constructions)."""
    a = skip_connectives(s, 0, s.n)
    if a >= s.n or s.low[a] != "for":
        return
    holder = next((m for m in mentions if m.i == a + 1 and not m.anaphor), None)
    if holder is None:
        return
    k = holder.j
    while (
        k < s.n
        and s.low[k] not in (",",)
        and not (s.toks[k][:1].islower() and s.low[k] in ("the", "a", "an", "consensus"))
    ):
        k += 1
    k = skip_connectives(s, k, s.n)
    if any(c.region[0] <= k < c.region[1] for c in cands):
        return
    span = trim_span(s, (k, clause_end(s, k)))
    if span[1] - span[0] < 3:
        return
    parts = [span]
    while parts[-1][1] < s.n and s.coord[parts[-1][1]]:
        nxt = trim_span(s, (parts[-1][1] + 1, clause_end(s, parts[-1][1] + 1)))
        if nxt[0] >= nxt[1]:
            break
        parts.append(nxt)
    first: Candidate | None = None
    for part in parts:
        words = set(s.low[part[0] : part[1]])
        typ = "desire" if words & {"attractive", "preferable", "desirable", "better"} else "belief"
        cand = Candidate(
            part[0],
            typ,
            "holder",
            [holder.ref],
            holder.words,
            part,
            (a if first is None else part[0], part[1]),
            is_negated(s, part[0], part[1]),
            parent=first,
        )
        cand.own_subject = True
        first = first or cand
        cands.append(cand)


def assign_cues(
    s: Sentence, cands: list[Candidate], cues: list[Cue], mentions: list[Mention]
) -> None:
    """Give each cue to the claim it qualifies; a cue that qualifies none makes an author claim
    (a cue always qualifies a claim)."""
    for cue in cues:
        i = cue[0]
        rel = relative_clause(s, i)
        if rel is not None:
            # "... Russia which might grow into Korea's competitor": the cue makes the relative
            # clause a claim of the author's (guidelines §4.3, the cue rule wins).
            span = trim_span(s, (rel, clause_end(s, cue[1])))
            antecedent = [m for m in mentions if m.j <= rel and not m.anaphor and not m.compound]
            typ = "prediction" if s.low[i] in ("might", "may", "could", "will") else "belief"
            cand = Candidate(
                rel,
                typ,
                "author",
                [AUTHOR],
                None,
                span,
                span,
                is_negated(s, span[0], span[1]),
                [cue],
            )
            cand.target_hint = antecedent[-1].ref if antecedent else None
            cand.embedded = True
            cands.append(cand)
            continue
        inside = [c for c in cands if c.region[0] <= i < c.region[1]]
        if inside:
            owner = min(inside, key=lambda c: c.region[1] - c.region[0])
            if cue[3] == "probable" and s.low[i] == "should" and owner.frame == "holder":
                continue  # epistemic "should" in a party's words is the party's (§11.2)
            owner.cues.append(cue)
            continue
        after = skip_complementizer(s, cue[1], s.n)
        nxt_claim = [c for c in cands if after < s.n and c.span[0] == after]
        if after > cue[1] and nxt_claim:
            nxt_claim[0].cues.append(cue)  # "The data suggest that Russia will win"
            continue
        start = clause_start(s, i)
        opener = cue[1] < s.n and s.low[cue[1]] == ","
        if start == i or opener:
            # The cue opens the clause ("Obviously, ...", "The impression is that ..."): it
            # governs what follows.
            follow = [c for c in cands if c.region[0] >= cue[1]]
            if follow and opener:
                # "Obviously, Russia intends ... and will not ...": one cue, every claim.
                # "No doubt, A but B": a concession covers the first conjunct only (§4.6).
                if any(s.low[t] == "but" for t in range(cue[1], s.n)):
                    follow = follow[:1]
                for c in follow:
                    c.cues.append(cue)
                continue
            span_start = cue[1]
            while span_start < s.n and (
                s.low[span_start] in lexicons().complementizers or s.low[span_start] == ","
            ):
                span_start += 1
            span = trim_span(s, (span_start, clause_end(s, span_start)))
            if follow and span[0] <= follow[0].cue < span[1]:
                follow[0].cues.append(cue)
                continue
            underspecified = any(s.low[t] == "whether" for t in range(cue[1], min(s.n, cue[1] + 2)))
        else:
            lead = (
                longest_match(lexicons().concessive, s.low, start) if s.suppressed[start] else None
            )
            first = start + lead[0] if lead is not None and start + lead[0] <= i else start
            span = trim_span(s, (first, clause_end(s, cue[1])))  # "Although P": P
            underspecified = False
        if span[0] >= span[1]:
            continue
        if any(c.span[0] <= span[0] < c.span[1] for c in cands):
            continue
        typ = (
            "prediction"
            if is_future(s, span[0], span[1])
            or s.low[i] in ("might", "may", "could")
            or (s.low[cue[1] - 1] == "to" and s.low[cue[1] - 2] in ("likely", "unlikely"))
            else "belief"
        )
        cand = Candidate(
            i,
            typ,
            "author",
            [AUTHOR],
            None,
            span,
            (min(start, span[0]), span[1]),
            is_negated(s, span[0], span[1])
            != (cue[2] == "hedge" and "unlikely" in s.low[i : cue[1]]),
            [cue],
        )
        cand.underspecified = underspecified
        cands.append(cand)


def author_judgements(s: Sentence, cands: list[Candidate]) -> None:
    """The author's judgements: every main clause that no other claim covers and that is not a
    plain report is a claim of the author (guidelines §4.2, signal 3; §4.4)."""
    if not s.text.rstrip().endswith((".", "!", "?", "…", '"', "”", "’", "'", ")")):
        return  # a heading (no final punctuation, SPEC "Segmentation") states no judgement
    for n, (a, b) in enumerate(main_clauses(s)):
        if any(c.region[0] < b and a < c.region[1] for c in cands):
            continue
        if n > 0 and not any(is_verb(w) for w in s.low[a:b]):
            continue  # "but in no way – Korea's views": no clause of its own
        if _is_report(s, a, b):
            continue
        if _objective_need(s, a, b):
            continue  # "Ethiopia needs the electricity": a fact, not an attitude (§4.4)
        region = (a, b)
        a, whether = past_shell(s, a, b)
        if s.low[a] == "whether":
            # "Whether Egypt can afford it is unclear": the content, before its frame.
            frame = next((k for k in range(a + 2, b) if s.low[k] in lexicons().copulas), None)
            if frame is not None:
                a, b, whether = a + 1, frame, True
        a, b = trim_span(s, (a, b))
        if a >= b:
            continue
        region_start = region[0]
        fear = any(w in FEAR_FRAMES for w in s.low[region_start:a])  # "The danger is that P"
        typ = "prediction" if fear or is_future(s, a, b) or _predicted(s, a, b) else "belief"
        if s.low[region_start : region_start + 3] == ["it", "would", "be"]:
            typ = "belief"  # "it would be naive to think that ...": a hypothetical judgement
        cand = Candidate(a, typ, "author", [AUTHOR], None, (a, b), region, is_negated(s, a, b))
        cand.underspecified = whether
        cands.append(cand)


def _predicted(s: Sentence, a: int, b: int) -> bool:
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


def past_shell(s: Sentence, a: int, b: int) -> tuple[int, bool]:
    """Where the proposition of the author's clause in tokens a..b starts, past its shell
    (guidelines §7.1: leading cues and frames are excluded), and whether a *whether* frame
    leaves it undecided: *The impression is that P*, *It is unclear whether P*, *Perhaps P*,
    *No doubt P*, *The danger is that P*."""
    low = s.low
    lead = longest_match(lexicons().hedges, low, a) if low[a] in lexicons().hedges else None
    if lead is not None and a + lead[0] < b:
        words = tuple(low[a : a + lead[0]])
        after = low[a + lead[0]]
        if after in ("that", "whether", ","):
            return skip_complementizer(s, a + lead[0], b), after == "whether"
        if words[-1] in ("that", "whether"):
            return a + lead[0], words[-1] == "whether"
        adverb = words in SENTENCE_ADVERBS or (
            len(words) == 1 and words[0].endswith("ly") and words[0] not in ("likely", "unlikely")
        )
        if adverb and after[:1].isalnum():
            return a + lead[0], False
    if low[a] in ("the", "a", "one", "another"):
        # "The danger is that ...", "The real problem for Cairo is that ...": a frame noun
        # phrase whose predicate is the that-clause.
        for k in range(a + 1, min(b - 2, a + 8)):
            w = low[k]
            if w in ("is", "was", "remains") and low[k + 1] == "that":
                return k + 2, False
            if not w.isalpha() or w in FINITE or w in ("that", "which", "who"):
                break
    return a, False


def _objective_need(s: Sentence, a: int, b: int) -> bool:
    """ "Ethiopia needs the electricity", "Chinese buyers need Australian barley": a need with
    a noun-phrase object, the clause's verb, is a fact (guidelines §4.4)."""
    low = s.low
    verb = next(
        (k for k in range(a, b) if low[k] in FINITE or low[k] in ("need", "needs", "needed")),
        None,
    )
    if verb is None or low[verb] not in ("need", "needs", "needed") or verb == a:
        return False
    nxt = low[verb + 1] if verb + 1 < b else ""
    return nxt not in ("to", "not", "n't", "never") and low[verb - 1] not in DETERMINERS


def claim_records(
    s: Sentence,
    mentions: list[Mention],
    cands: list[Candidate],
    facts: Sequence[Fact] = (),
) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = []
    for n, cand in enumerate(cands):
        evidence = [evidence_link(s, f, None) for f in facts if f.owner == n]
        for ref in cand.holder:
            actor: dict[str, Any] = {"ref": ref, "quote": None, "start": None, "end": None}
            if cand.actor_tokens is not None and ref != AUTHOR:
                a, b = s.chars(*cand.actor_tokens)
                actor.update(quote=s.text[a:b], start=a, end=b)
            elif ref == AUTHOR and (me := _first_person(s, cand)) is not None:
                a, b = s.chars(me, me + 1)  # "In my view, ...": the pronoun only (§6.1)
                actor.update(quote=s.text[a:b], start=a, end=b)
            x0, x1 = s.chars(*cand.span)
            cues = []
            for c in sorted(set(cand.cues)):
                a, b = s.chars(c[0], c[1])
                cues.append({"quote": s.text[a:b], "start": a, "end": b, "kind": c[2]})
            claims.append(
                {
                    "id": f"c{len(claims) + 1}",
                    "actor": actor,
                    "expectation": {
                        "quote": s.text[x0:x1],
                        "start": x0,
                        "end": x1,
                        "type": cand.type,
                        "target": find_target(s, cand, mentions),
                    },
                    "evidence": [dict(e) for e in evidence],
                    "hedge": {
                        "certainty": certainty_of(cand.cues, cand.underspecified),
                        "cues": cues,
                    },
                    "polarity": "negative" if cand.negative else "positive",
                    "origin": "auto",
                }
            )
    return claims


def _first_person(s: Sentence, cand: Candidate) -> int | None:
    """A first-person pronoun naming the author in the claim's clause (*In my view*, *I
    think*, *we should*), outside quotation marks."""
    quoted = False
    for k in range(min(cand.region[1], s.n)):
        if s.low[k] in ('"', "“", "”"):
            quoted = not quoted
        elif (
            not quoted
            and (s.toks[k] == "I" or s.low[k] in ("my", "we", "our"))
            and (k >= clause_start(s, cand.region[0]) or k < cand.region[0] <= k + 4)
        ):
            return k
    return None


@dataclass
class Fact:
    """A report, a reason given with a support marker, or reported speech: something that can
    support a claim (guidelines §13.1, test 1)."""

    i: int  # tokens [i, j) of its sentence
    j: int
    type: str
    owner: int | None = None  # the claim of its own sentence that a support marker ties it to
    cross: bool = True  # may support claims of neighbouring sentences (adjacency, test 2b)
    speech: bool = False  # a party's reported speech


def evidence_link(s: Sentence, fact: Fact, sentence: str | None) -> dict[str, Any]:
    a, b = s.chars(fact.i, fact.j)
    return {"quote": s.text[a:b], "sentence": sentence, "start": a, "end": b, "type": fact.type}


def _verbless_phrase(s: Sentence, i: int, j: int) -> bool:
    """A prepositional phrase with no verb of its own (a detail of the clause before it)."""
    return s.low[i] in lexicons().prepositions and not any(is_verb(w) for w in s.low[i:j])


def _premise(s: Sentence, i: int) -> bool:
    k = i
    while k > 0 and s.suppressed[k - 1]:
        k -= 1
    return s.low[k] in ("given", "due", "because", "since")


def _pieces(s: Sentence, a: int, b: int) -> list[tuple[int, int]]:
    """Tokens a..b cut into the clauses that can state separate facts: at ";" and at a comma
    before a coordinating "and" (*China answered with tariffs ..., and duties ... followed*).
    Predicates sharing a subject (*was concluded in 1995 and covers ...*) and a *but* clause stay
    one fact (guidelines §13.1, "How many links")."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        end = k
        while end < b and not (
            s.low[end] == ";" or (s.low[end] == "," and end + 1 < b and s.coord[end + 1])
        ):
            end += 1
        start = skip_connectives(s, k, end)
        if start < end and s.low[start] == "according":  # "According to the UN, ..."
            comma = next((t for t in range(start, end) if s.low[t] == ","), None)
            if comma is not None:
                start = skip_connectives(s, comma + 1, end)
        piece = trim_span(s, (start, end))
        if piece[1] - piece[0] >= 2:
            out.append(piece)
        k = end + 1
        if k < b and s.low[k] == "and":
            k += 1
    return out


def _claim_before(cands: list[Candidate], i: int) -> int:
    """The claim a fact after token i supports: the nearest one ending before it."""
    best, end = 0, -1
    for n, c in enumerate(cands):
        if c.region[1] <= i + 1 and c.region[1] > end:
            best, end = n, c.region[1]
    return best


def _claim_after(cands: list[Candidate], j: int) -> int:
    """The claim a fact before token j supports: the first one starting after it."""
    after = [n for n, c in enumerate(cands) if c.region[0] >= j]
    return min(after, key=lambda n: cands[n].region[0]) if after else 0


def _sentence_facts(s: Sentence, cands: list[Candidate], claimless: bool) -> list[Fact]:
    """The facts a sentence offers (guidelines §13.1, test 1), each with the claim of its own
    sentence it supports when a support marker ties it to one (test 2a)."""
    if not s.text.rstrip().endswith((".", "!", "…", '"', "”", "’", "'", ")")):
        return []  # a heading or a question reports nothing
    if claimless:
        # A sentence with no claim is a report: one fact per clause that states one.
        facts: list[Fact] = []
        for n, (i, j) in enumerate(_pieces(s, 0, s.n)):
            typ = _evidence_type(_fact_signals(s, i, j))
            if typ is not None or n == 0:
                facts.append(Fact(i, j, typ or "event"))
        return facts
    if not cands:
        return []
    out: list[Fact] = []
    colon = next((k for k in range(s.n) if s.low[k] == ":"), None)
    if colon is not None and any(c.region[1] <= colon + 1 for c in cands):
        # "They may be right: Chinese buyers need ..., and the coal ban has ... been eased": the
        # colon introduces the grounds of the claim before it.
        grounded = _claim_before(cands, colon)
        for i, j in _pieces(s, colon + 1, s.n):
            typ = _evidence_type(_fact_signals(s, i, j))
            out.append(Fact(i, j, typ or "reasoning", grounded, cross=typ is not None))
        limit = colon
    else:
        limit = s.n
    for i, j in evidence_clauses(s):
        if i >= limit:
            break
        prev = s.low[i - 1] if i > 0 else ""
        marker = prev in ("because", "since") or (s.low[i] == "as" and prev == ",")
        if any(
            c.region[0] < j and i < c.region[1] and not (marker and c.region[0] >= i) for c in cands
        ):
            continue
        typ = _evidence_type(_fact_signals(s, i, j))
        if s.suppressed[i] or (i > 0 and s.suppressed[i - 1]):
            # A premise ("given that ...", "due to ...") is reasoning for the claim it opens; a
            # condition or a concession is not evidence.
            if _premise(s, i):
                out.append(Fact(i, j, "reasoning", _claim_after(cands, j), cross=False))
            continue
        if marker:
            # "..., because the alliance is the one guarantee ...", "..., as the two leaders met
            # in Kazan ...": a finite adverbial clause of reason (test 2a).
            out.append(Fact(i, j, typ or "reasoning", _claim_before(cands, i), cross=False))
            continue
        if prev in ("which", "who", "whose", "where") and i > 1 and s.low[i - 2] == ",":
            # ", which still takes about a third of its exports": a comma-delimited relative
            # clause after the claim adds a fact about it.
            out.append(Fact(i - 1, j, typ or "reasoning", _claim_before(cands, i), cross=False))
            continue
        if prev == "," and s.low[i] in ("a", "an") and j >= trim_span(s, (0, s.n))[1]:
            # ", a promise they regard as long overdue", ", a region which Russia remains
            # unable to revitalize": a closing apposition.
            out.append(Fact(i, j, typ or "reasoning", _claim_before(cands, i), cross=False))
            continue
        if typ is None or (prev == "," and _verbless_phrase(s, i, j)):
            continue  # ", from the exclusion of X to the funding of Y,": a detail, no clause
        owner: int | None = None
        if j + 1 < s.n and s.low[j] == "," and s.coord[j + 1]:
            # "Since 2016 the EU has paid ..., and the money has clearly bought ...": a report
            # and the author's conclusion from it.
            nxt = _claim_after(cands, j)
            if cands[nxt].frame == "author" and cands[nxt].region[0] <= j + 3:
                owner = nxt
        out.append(Fact(i, j, typ, owner))
    for c in cands:
        if c.speech and c.parent is None:
            out.append(Fact(c.region[0], c.span[1], "statement", speech=True))
    return out


def _opens_with(s: Sentence, trie: Trie, *, inside: bool = False) -> int:
    """Tokens of a marker that opens the sentence (past quotes and "And"), or with `inside`
    also one between commas or right after the subject early in the sentence; 0 if none."""
    k = 0
    while k < s.n and s.low[k] in ('"', "“", "(", "and"):
        k += 1
    m = longest_match(trie, s.low, k) if k < s.n and s.low[k] in trie else None
    if m is not None:
        return m[0]
    if inside:
        for t in range(k + 1, min(s.n, k + 10)):
            if s.low[t] in trie and s.low[t] != "so" and (m := longest_match(trie, s.low, t)):
                return m[0]
    return 0


def _enumeration(s: Sentence) -> str | None:
    """ "first" when the sentence opens a list or gives an example ("First, ...", "For
    example, ..."), "next" for a later item ("Secondly, ..."), else None."""
    lex = lexicons()
    m = longest_match(lex.enumeration, s.low, 0) if s.n and s.low[0] in lex.enumeration else None
    if m is None or m[0] >= s.n or s.low[m[0]] != ",":
        return None
    return "first" if s.low[0] in ("first", "firstly", "for", "to", "a") else "next"


def _item_fact(s: Sentence, cands: list[Candidate]) -> Fact | None:
    """An enumerated item, quoted by its first clause (guidelines §13.1, "How many links")."""
    if not cands:
        return None
    first = min(cands, key=lambda c: c.region[0])
    a = skip_connectives(s, 0, s.n)
    i, j = trim_span(s, (min(a, first.span[0]), first.span[1]))
    if i >= j:
        return None
    return Fact(i, j, "reasoning" if s.text.rstrip().endswith("?") else "example")


def draft_sentence(
    text: str,
    actors: ActorIndex | Iterable[Actor | Mapping[str, Any]] | None = None,
    *,
    recent: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Suggested claims for one sentence, as dicts in the record format (origin `auto`).

    Args:
        text: The sentence.
        actors: The actor registry (an ActorIndex, or Actor records); None means only the author.
        recent: Actor ids named in the preceding sentences, most salient first, for "it",
            "the country", "both sides".

    Evidence links to other sentences need the document: see `draft_document`.
    """
    index = actors if isinstance(actors, ActorIndex) else ActorIndex(actors or [])
    s, mentions, cands = analyse(text, Context(index, list(recent)))
    return claim_records(s, mentions, cands, _sentence_facts(s, cands, not cands))


#: How many claim-less sentences may stand between facts and the author's claim they lead up to
#: (facts-then-claim, guidelines §13.1 test 2b: *[06], [07], [08] → [09]*).
EVIDENCE_WINDOW = 3


def draft_document(
    texts: Sequence[str],
    actors: ActorIndex,
    *,
    paragraph_starts: Sequence[bool] | None = None,
    only: Sequence[bool] | None = None,
    fixed_claims: Mapping[int, list[dict[str, Any]]] | None = None,
    ids: Sequence[str] | None = None,
) -> list[list[dict[str, Any]] | None]:
    """Draft a document's sentences in order; None for a sentence not drafted.

    Args:
        texts: The sentences, in document order.
        actors: The registry.
        paragraph_starts: True where a sentence opens a paragraph (evidence never crosses one,
            except for an enumerated item).
        only: True for the sentences to draft (default: all); the others give context only.
        fixed_claims: Human claims of sentences not drafted (they count as claims when deciding
            which sentences are plain facts, and which hold a claim of the author).
        ids: Sentence ids, for evidence in other sentences (default: ordinal strings).
    """
    n = len(texts)
    starts = list(paragraph_starts) if paragraph_starts is not None else [i == 0 for i in range(n)]
    todo = list(only) if only is not None else [True] * n
    fixed = fixed_claims or {}
    ctx = Context(actors)
    results: list[list[dict[str, Any]] | None] = []
    analysed: list[tuple[Sentence, list[Candidate]]] = []
    facts: list[list[Fact]] = []
    para: list[int] = []
    for k, text in enumerate(texts):
        s, mentions, cands = analyse(text, ctx)
        own = cands if todo[k] else []
        claimless = not (cands if todo[k] else fixed.get(k))
        found = _sentence_facts(s, cands, claimless) if text.strip() else []
        analysed.append((s, cands))
        facts.append(found)
        results.append(claim_records(s, mentions, own, found) if todo[k] else None)
        ctx.recent = salience(mentions, cands, ctx)
        para.append((para[-1] if para else 0) + (1 if k and k < len(starts) and starts[k] else 0))
    claims_at = [results[k] if todo[k] else fixed.get(k, []) for k in range(n)]
    author = [any(c["actor"]["ref"] == AUTHOR for c in cl or []) for cl in claims_at]
    speech = [todo[k] and any(c.speech for c in analysed[k][1]) for k in range(n)]
    lex = lexicons()

    def attach(target: int, source: int, fact: Fact) -> None:
        claims = results[target]
        if not todo[target] or not claims:
            return  # human claims are never changed
        link = evidence_link(
            analysed[source][0], fact, ids[source] if ids is not None else str(source)
        )
        for claim in claims:
            if not any(
                e["sentence"] == link["sentence"] and e["start"] == link["start"]
                for e in claim["evidence"]
            ):
                claim["evidence"].append(dict(link))

    anchor: int | None = None  # the claim an enumeration answers
    for k in range(n):
        s, cands = analysed[k]
        # Enumerated items and examples answer the claim before the list, also across a
        # paragraph break (test 2a: *First* [03], *Secondly* [13] → [02]).
        item = _enumeration(s) if claims_at[k] else None
        if item == "first":
            anchor = next((p for p in range(k - 1, -1, -1) if claims_at[p]), None)
        if item is not None and anchor is not None and (fact := _item_fact(s, cands)):
            attach(anchor, k, fact)
        elif item is None and starts[k]:
            anchor = None
        cross = [f for f in facts[k] if f.cross]
        if not cross:
            continue
        # Claim-then-facts (test 2b): the facts support the nearest claim before them in the
        # paragraph, unless they are set against it ("however", "but", test 3). A party's
        # reported speech does not support another party's reported speech (two positions side
        # by side): it goes back to the claim the statements answer.
        if not _opens_with(s, lex.contrast, inside=True):
            for group in (
                [f for f in cross if not f.speech],
                [f for f in cross if f.speech],
            ):
                p = k - 1
                while (
                    p >= 0
                    and para[p] == para[k]
                    and (not claims_at[p] or (group[:1] and group[0].speech and speech[p]))
                ):
                    p -= 1
                if group and p >= 0 and para[p] == para[k]:
                    for fact in group:
                        attach(p, k, fact)
        # Facts-then-claim: the next claim of the author's in the paragraph draws on the facts
        # before it (parties' claims do not interrupt), unless it is a conclusion from a wider
        # stretch ("therefore", test 2a) or is set against them.
        q = k + 1
        while q < n and q - k <= EVIDENCE_WINDOW and para[q] == para[k] and not claims_at[q]:
            q += 1
        if (
            q < n
            and q - k <= EVIDENCE_WINDOW
            and para[q] == para[k]
            and author[q]
            and not _opens_with(analysed[q][0], lex.conclusion, inside=True)
            and not _opens_with(analysed[q][0], lex.contrast, inside=True)
        ):
            for fact in cross:
                attach(q, k, fact)
    return results


@dataclass
class DraftOutcome:
    """What happened to one annotation file."""

    path: str
    action: str  # updated | unchanged | error
    drafted: int = 0  # sentences drafted
    claims: int = 0  # claims suggested
    kept: int = 0  # sentences left alone (done, reviewed, or draft without --redo)
    message: str = ""
    protected: list[str] = field(default_factory=list)  # ids left alone: they hold human claims


@dataclass
class DraftResult:
    """The outcome of `draft` per file."""

    outcomes: list[DraftOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.action != "error" for o in self.outcomes)


def _paragraph_starts(project: Project, records: list[SentenceRecord]) -> list[bool] | None:
    """Where paragraphs begin, from the gaps between sentences in the seed (None if unknown)."""
    if not records:
        return []
    seed_path = project.seeds_dir / f"{records[0].doc}.txt"
    if not seed_path.is_file():
        return None
    try:
        text = read_seed(seed_path, records[0].doc).text
    except ClaimsetError:
        return None
    if any(text[r.start : r.end] != r.text for r in records):
        return None  # a stale seed: the gaps mean nothing
    blank = re.compile(r"\n[ \t\r\f\v]*\n")
    soft = blank.search(text) is not None
    starts = [True]
    for prev, cur in itertools.pairwise(records):
        gap = text[prev.end : cur.start]
        starts.append(bool(blank.search(gap)) if soft else "\n" in gap or "\r" in gap)
    return starts


def draft_file(project: Project, path: Path, actors: ActorIndex, *, redo: bool) -> DraftOutcome:
    """Draft one annotation file in place (atomic write; untouched when nothing is drafted)."""
    display = project.relative(path)
    numbered = jsonio.read_jsonl_numbered(path, display)
    raw = [item for _, item in numbered]
    records: list[SentenceRecord] = []
    for lineno, item in numbered:
        try:
            records.append(SentenceRecord.model_validate(item))
        except ValidationError as exc:
            raise InvalidLine(
                f"not a valid sentence record ({first_error(exc)}); fix it first "
                "(`claimset validate` lists every problem)",
                file=display,
                line=lineno,
            ) from exc
    todo = [r.status == "todo" or (redo and r.status == "draft") for r in records]
    # A person's claims are never replaced by machine suggestions, whatever the status says.
    protected = [
        k for k, r in enumerate(records) if todo[k] and any(c.origin == "human" for c in r.claims)
    ]
    for k in protected:
        todo[k] = False
    outcome = DraftOutcome(display, "unchanged", kept=len(records) - sum(todo))
    outcome.protected = [records[k].id for k in protected]
    if not any(todo):
        return outcome
    fixed = {k: [c.model_dump(mode="json") for c in r.claims] for k, r in enumerate(records)}
    drafted = draft_document(
        [r.text for r in records],
        actors,
        paragraph_starts=_paragraph_starts(project, records),
        only=todo,
        fixed_claims={k: v for k, v in fixed.items() if not todo[k]},
        ids=[r.id for r in records],
    )
    out: list[Any] = []
    for k, record in enumerate(records):
        claims = drafted[k]
        if claims is None:
            out.append(raw[k])
            continue
        for claim in claims:
            for ev in claim["evidence"]:
                if ev["sentence"] is None:
                    ev["sentence"] = record.id
        # Built through the model, so nothing invalid is ever written.
        fields = record.model_dump(mode="json")
        fields.update(status="draft", claims=claims)
        out.append(SentenceRecord.model_validate(fields).model_dump(mode="json"))
        outcome.drafted += 1
        outcome.claims += len(claims)
    if jsonio.write_jsonl(path, out):
        outcome.action = "updated"
    return outcome


def draft(
    project: Project, paths: Sequence[Path] | None = None, *, redo: bool = False
) -> DraftResult:
    """Fill `todo` sentences of the given annotation files (default: all) with suggested claims.

    Every processed sentence becomes `draft`, also when nothing was found. `done` and `reviewed`
    sentences are never touched; `draft` ones are re-drafted only with `redo`. Deterministic:
    the same input gives byte-identical output.
    """
    actors = load_actors(project)
    result = DraftResult()
    for path in project.annotation_files(paths):
        try:
            result.outcomes.append(draft_file(project, path, actors, redo=redo))
        except ClaimsetError as exc:
            result.outcomes.append(DraftOutcome(project.relative(path), "error", message=str(exc)))
    return result
