"""Coordinated predicates and clauses: one claim per conjunct, same holder (guidelines §5)."""

from __future__ import annotations

from ..clauses import is_future, is_negated, opens_infinitive, trim_span
from ..conjuncts import named_subject
from ..context import party_of
from ..lexicons import ExpectationCue, lexicons, longest_match
from ..mentions import Mention
from ..sentence import Sentence, clause_end, clause_start
from ..types import Candidate
from ..words import (
    CLAUSE_OPENING_PRONOUNS,
    COORDINATORS,
    DETERMINERS,
    FINITE,
    MODALS,
    SUBJECT_PRONOUNS,
    inflection,
)


def coordinated(s: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """Siblings for coordinated predicates in a party's expectation: "hopes that Moscow will help
    it ... and employ whatever leverage ...", "to exercise restraint and to avoid escalation"."""
    out = list(cands)
    for cand in cands:
        end = cand.span[1]
        # "is to keep talking, to take every dispute to the WTO, and to say ...": a list of
        # infinitives after the span's own "to" (guidelines §7.1, coordinated infinitives).
        to_list = cand.span[0] > 0 and s.low[cand.span[0] - 1] == "to"
        moved = _past_comma(s, end)
        comma, end = moved != end, moved
        while end < s.n and not s.suppressed[end] and (s.coord[end] or _to_item(s, end, to_list)):
            k = _conjunct_start(s, end)
            if not comma and _continues_infinitive(s, cand, end, k):
                # "encouraged Tokyo's moves to raise spending and expand its forces": the verb
                # goes on the infinitive inside the content, one proposition (§7.1, §5).
                cand.span = trim_span(s, (cand.span[0], clause_end(s, k)))
                cand.region = (cand.region[0], max(cand.region[1], cand.span[1]))
                end = cand.span[1]
                continue
            if _not_a_sibling(s, cand, cands, k, comma):
                break
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
            # A conjunct with a named subject of its own (*and Rallis can ...*) finds its own
            # target too (§9 rule 3: its subject is the agent).
            own = typ != cand.type or first != k or named_subject(s, k)
            own = own or (cand.frame == "author" and _subject_verb(s, k))
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
            end, comma = stop, False
    return sorted(out, key=lambda c: c.cue)


def _subject_verb(s: Sentence, k: int) -> bool:
    """Whether the conjunct at token k opens with a subject pronoun or an existential *there*
    and a finite verb (*and there are many signs that ...*, *and it will end*): a clause of its
    own, whose target is its own (§9)."""
    return (
        k + 1 < s.n
        and (s.low[k] in SUBJECT_PRONOUNS or s.low[k] == "there")
        and s.low[k + 1] in FINITE
    )


def _conjunct_start(s: Sentence, end: int) -> int:
    """The first token of the conjunct after the coordinator at `end`, past the coordinator
    and a parenthesis between commas (*and, above all, to keep ...*)."""
    k = end + 1
    if k < s.n and s.low[k] in COORDINATORS:
        k += 1
    if k < s.n and s.low[k] == ",":  # ", above all,"
        k += 1
        while k < s.n and s.low[k] != ",":
            k += 1
        k += 1
    return k


def _continues_infinitive(s: Sentence, cand: Candidate, end: int, k: int) -> bool:
    """Whether the bare verb at token k, after the coordinator at `end`, goes on an infinitive
    embedded in the content (*welcomed Tokyo's moves to raise spending and expand its forces*,
    *do what we need to do to protect our interests and defend our allies*): the content starts
    at the attitude verb (a noun phrase, §7.1) or holds two infinitives, so the infinitive is
    no content of its own. Not *urged Tokyo to lift the ban and reopen the port*."""
    if k >= s.n or not (s.toks[k].isalpha() and s.toks[k].islower()):
        return False
    w = s.low[k]
    if (
        w.endswith(("s", "ed", "ing"))
        or w in DETERMINERS
        or w in MODALS
        or w in CLAUSE_OPENING_PRONOUNS
    ):
        return False
    a = cand.span[0]
    infinitives = [t for t in range(a, end) if s.low[t] == "to" and opens_infinitive(s, t)]
    return bool(infinitives) and (a == cand.cue or len(infinitives) >= 2)


def _not_a_sibling(
    s: Sentence, cand: Candidate, cands: list[Candidate], k: int, comma: bool
) -> bool:
    """Whether the conjunct at token k makes no sibling of `cand` (guidelines §5): the
    author's own prediction (*and will not ...*), a verb that made its own claim (*aims to ...
    and regards X as Y*), a clause with its own subject after a comma (*Seoul will hold, and
    Tokyo will not*), or what the holder did (*supports a policy and has joined ...*)."""
    return (
        (k < s.n and s.low[k] in MODALS)
        or any(c.cue == k for c in cands)
        or (comma and not _predicate_after_comma(s, k))
        or _new_report(s, cand, k)
    )


def _past_comma(s: Sentence, end: int) -> int:
    """Past the comma (or a connective set off by commas) at the span's end, onto the
    coordinator after it: *will hold the line, and keep the talks going*, *will hold the line,
    however, and keep the talks going* are two predictions, as without the comma (§5)."""
    if end + 1 >= s.n or s.low[end] != ",":
        return end
    k = end
    m = longest_match(lexicons().connectives, s.low, end + 1)
    if m is not None and end + 1 + m[0] < s.n and s.low[end + 1 + m[0]] == ",":
        k = end + 1 + m[0]
    return k + 1 if k + 1 < s.n and s.coord[k + 1] else end


def _predicate_after_comma(s: Sentence, k: int) -> bool:
    """Whether the conjunct at token k, after ", and", is a predicate sharing the first one's
    subject (*, and keep the talks going*): a lower-case verb with its object, not a clause with
    a subject of its own (*, and Tokyo will not*, *, and ministers have met*), which is drafted
    on its own."""
    return (
        k + 1 < s.n
        and s.toks[k].isalpha()
        and s.toks[k].islower()
        and s.low[k] not in DETERMINERS
        and s.low[k] not in CLAUSE_OPENING_PRONOUNS
        and (s.low[k + 1] in DETERMINERS or s.low[k + 1] in ("any", "all", "no", "some", "more"))
    )


def _new_report(s: Sentence, cand: Candidate, k: int) -> bool:
    """Whether the conjunct at token k is a finite predicate of the holder's own (*has
    joined*, *was*) after an attitude whose span starts at its verb (*supports a policy*,
    *criticized the visit*): outside the attitude, and no attitude verb of its own."""
    if cand.frame != "holder" or k >= s.n:
        return False
    if cand.span[0] != cand.cue:
        return _holder_auxiliary(s, cand, k)
    if s.low[k] not in FINITE or s.low[k] in MODALS:
        return False
    return not any(attitude_at(s, t, clause_end(s, t)) for t in range(k + 1, min(s.n, k + 4)))


def _holder_auxiliary(s: Sentence, cand: Candidate, k: int) -> bool:
    """Whether the conjunct at token k repeats the auxiliary of the holder's verb, which its
    content lacks (*Kim has said he will never disarm and has boosted ties with Moscow*): the
    holder's own predicate, narrated, not a second content clause (*Tokyo said it will help and
    will pay*, *has said that Seoul has erred and has lied* go on with the content)."""
    aux = s.low[cand.cue - 1] if cand.cue > 0 else ""
    return (
        aux in FINITE
        and aux not in MODALS
        and s.low[k] == aux
        and aux not in s.low[cand.span[0] : cand.span[1]]
    )


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
    cue = attitude_at(s, k, stop)
    if cue is None:
        return typ, k
    j = k + len(cue.words)
    nxt = s.low[j] if j < stop else ""
    if nxt in ("that", "to") and not cue.complement.from_verb:
        first = j + 1
        own = cue.to_type if nxt == "to" and cue.to_type else cue.type
    else:
        first, own = k, cue.type
    if cue.future_type and first > k and is_future(s, first, stop):
        own = cue.future_type
    return own, first


def attitude_at(s: Sentence, k: int, stop: int) -> ExpectationCue | None:
    """The attitude verb at token k (a holder cue whose complement is there: *agree* needs
    a *that*, *regard* an *as*), or None."""
    cue: ExpectationCue
    for words, cue in lexicons().expectations.get(s.low[k] if k < s.n else "", ()):
        if cue.frame != "holder" or tuple(s.low[k : k + len(words)]) != words:
            continue
        heads = cue.complement.in_conjunct  # None: the verb never heads a coordinated predicate
        if heads is not None and s.toks[k].islower() and heads(s, k + len(words), stop):
            return cue
    return None


def shared_subject(s: Sentence, i: int, mentions: list[Mention]) -> Mention | None:
    """The subject a predicate at token i shares with the conjunct before it (*Tokyo has a
    plan and wants Seoul to join*, guidelines §5): when the verb follows a coordinating "and"
    (or a list's comma), the first party named outside a prepositional phrase in the clause
    of the conjunct before, over a list of predicates (*has unfrozen …, is facilitating …,
    and hosts …*); None when the verb opens no such predicate."""
    start = i
    while start == i or (0 < start < i and split_predicate(s, start)):
        if not split_predicate(s, start):
            return None
        k = start - 1
        while k > 0 and (s.low[k] in ("and", ",", "or") or s.low[k].endswith("ly")):
            k -= 1
        start = clause_start(s, k)
    for m in mentions:
        outside = not m.after_preposition and not m.compound
        if start <= m.i and m.j <= i and outside and party_of(m) is not None:
            return m
    return None


def split_predicate(s: Sentence, a: int) -> bool:
    """Whether token a is a finite verb right after "and" or a comma (*…, and hosts the
    workers*, *and wants*): a predicate whose subject coordination split off (§7.1). Before a
    preposition it is rather a noun (*and hopes of its own*)."""
    nxt = s.low[a + 1] if a + 1 < s.n else ""
    k = a - 1
    while k > 0 and s.low[k].endswith("ly") and s.toks[k].islower():
        k -= 1  # "and reportedly reprogrammed"
    return (
        a > 0
        and (nxt == "to" or nxt not in lexicons().prepositions)
        and s.low[k] in ("and", ",", "or")
        and s.toks[a].isalpha()
        and s.toks[a].islower()
        and (s.low[a] in FINITE or inflection(s.low[a]) != "")
        and s.low[a] not in DETERMINERS
    )
