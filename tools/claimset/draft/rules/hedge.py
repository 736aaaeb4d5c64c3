"""Hedges and boosters (hedges.json; Hyland 2005): finding the cues, giving each to the claim it
qualifies, and the certainty they leave (guidelines §11, §12).

Whether an ambiguous word is a cue here is decided by its registered context rule
(`hedge_context.py`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..actor_index import AUTHOR
from ..clauses import (
    has_verb,
    instrument_content,
    is_future,
    is_negated,
    listed_question,
    skip_complementizer,
    trim_span,
)
from ..cue_forms import (
    denied_possibility,
    in_embedded_question,
    no_likelihood,
    seems_to_someone,
    widened,
)
from ..lexicons import HedgeCue, lexicons, longest_match
from ..mentions import Mention
from ..relatives import relative_clause
from ..sentence import Sentence, clause_end, clause_start
from ..types import Candidate, Cue
from ..words import positions


def hedge_cues(s: Sentence, mentions: Sequence[Mention] = ()) -> list[Cue]:
    """Every hedge and booster cue (i, j, kind, certainty), after the context rules."""
    lex = lexicons()
    out: list[Cue] = []
    # Only the tokens that may open a cue are tried; `at` indexes them (see
    # `expectation_candidates`).
    tried = positions(s.low, lex.hedges.firsts)
    at = 0
    while at < len(tried):
        i = tried[at]
        m = longest_match(lex.hedges, s.low, i)
        if m is None or (s.suppressed[i] and not _conceded(s, i)):
            at += 1
            continue
        width, cue = m
        if _applies(s, i, i + width, cue) and not (
            cue.context is not None
            and cue.context.party_attitude
            and any(
                clause_start(s, i) <= m.i < i and not m.after_preposition and not m.compound
                for m in mentions
            )
        ):
            # "Moscow suggests that ...", "Seoul doubts that ...": the party's attitude, not a
            # hedge of the author's (guidelines §11.2).
            if cue.kind == "booster" and i > 0 and s.low[i - 1] in ("not", "n't"):
                # A negated booster ("not clear", "not certain") withholds commitment.
                out.append(Cue(i - 1, i + width, "hedge", "underspecified"))
                end = i + width
            elif (
                cue.content
                or (s.low[i] in _LIKELIHOOD and no_likelihood(s, i))
                or denied_possibility(s, i)
            ):
                # "was no longer possible", "we doubt that P": no cue, but the claim stays.
                end = i + width
                out.append(Cue(i, end, CONTENT, "certain"))
            else:
                start, end = widened(s, i, i + width)  # "it is also possible that"
                out.append(Cue(start, end, cue.kind, cue.certainty))
            at = bisect_left(tried, end)
        else:
            at += 1
    return out


def _applies(s: Sentence, i: int, j: int, cue: HedgeCue) -> bool:
    """Whether the lexicon entry is a cue at tokens [i, j): its context rule says so, and it
    is no modal in an embedded question."""
    if in_embedded_question(s, i) or seems_to_someone(s, i, j):
        return False
    return cue.context is None or cue.context.applies(s, i, j)


#: Adjectives of likelihood that a negation or a comparison makes content (`cue_forms.py`).
_LIKELIHOOD = frozenset(["possible", "likely"])
#: The kind of a lexicon word that is the claim's content, not a cue (*no longer possible*,
#: *less likely that*): it still makes the claim a cue would, and is then dropped.
CONTENT = "content"


def _conceded(s: Sentence, i: int) -> bool:
    """Whether token i lies in a concessive clause (*although a ruling is unlikely to ...*):
    not asserted, but a cue in it still makes a claim (guidelines §4.3, the cue rule wins)."""
    k = i
    while k > 0 and s.suppressed[k - 1]:
        k -= 1
    return s.low[k] in ("although", "though", "even", "whereas")


_LEVEL = {"certain": 3, "probable": 2, "possible": 1, "underspecified": 0}


def certainty_of(cues: list[Cue], underspecified: bool) -> str:
    """Guidelines §12: question or "whether" → underspecified; else the lowest hedge; else
    certain."""
    if underspecified:
        return "underspecified"
    hedges = [c.certainty for c in cues if c.kind == "hedge"]
    if not hedges:
        return "certain"
    return min(hedges, key=lambda c: _LEVEL[c])


def assign_cues(
    s: Sentence, cands: list[Candidate], cues: list[Cue], mentions: list[Mention]
) -> None:
    """Give each cue to the claim it qualifies; a cue that qualifies none makes an author claim
    (a cue always qualifies a claim)."""
    for cue in cues:
        if listed_question(s, cue.start):
            continue  # "..., and how the pact may be expanded": asked, not claimed (§4.3)
        if instrument_content(s, cue.start) and not _given_to_claim(s, cands, cue):
            continue  # "The Act stipulates that funds may not be used": the law's modal
        _authors_inference(cands, cue, s)
        rel = relative_clause(s, cue.start)
        if rel is not None and _claimed_already(cands, cue, rel):
            rel = None
        attitude = _attitude_in_relative(cands, cue, rel) if rel is not None else None
        if attitude is not None:
            attitude.cues.append(cue)  # "China (which reportedly urged Iran to ...)": China's
        elif rel is not None:
            cands.append(_relative_claim(s, cue, rel, mentions))
        elif not _given_to_claim(s, cands, cue) and not _adjunct_cue(s, cands, cue):
            claim = _cue_claim(s, cands, cue)
            if claim is not None:
                cands.append(claim)
    for cand in cands:
        cand.cues[:] = [c for c in cand.cues if c.kind != CONTENT]
    _share_with_siblings(s, cands)


def _share_with_siblings(s: Sentence, cands: list[Candidate]) -> None:
    """What the subject and auxiliaries of coordinated predicates carry goes to every
    predicate: the modal or adverb's hedge (*Congress may assess X and consider Y*, *Tokyo will
    probably protest and recall its envoy*: guidelines §11.5, repeat a shared cue in each) and
    a negation (*Tokyo will not protest and recall its envoy*, *Nothing X could do could bring
    Y and restore Z*: §10)."""
    for cand in cands:
        parent = cand.parent
        if parent is None or parent.frame != "author" or cand.own_subject:
            continue
        shared = [
            c
            for c in parent.cues
            if (c.start == parent.cue or _before_the_verbs(s, c)) and c not in cand.cues
        ]
        cand.cues[:0] = shared
        cand.negative = cand.negative or _negated_before_the_verbs(s, parent)


def _before_the_verbs(s: Sentence, cue: Cue) -> bool:
    """Whether a one-word cue stands among the auxiliaries before the coordinated verbs
    (*Tokyo will probably protest and recall its envoy*, *Tokyo probably will protest and ...*):
    it scopes over every conjunct, like the modal (guidelines §11.5)."""
    if cue.end - cue.start != 1:
        return False
    auxiliaries = lexicons().auxiliaries
    before = s.low[cue.start - 1] if cue.start > 0 else ""
    after = s.low[cue.end] if cue.end < s.n else ""
    return before in auxiliaries or after in auxiliaries


def _negated_before_the_verbs(s: Sentence, parent: Candidate) -> bool:
    """Whether the first conjunct is negated by its subject (*Nothing X could do*, *No
    government*) or by a negator among its auxiliaries (*will not*, *could never*), not by a
    negation inside its own object."""
    if not parent.negative:
        return False
    a, b = parent.span
    if s.low[a] in ("nothing", "nobody", "none", "no", "neither"):
        return True
    auxiliaries = lexicons().auxiliaries
    return any(
        s.low[k] in ("not", "n't", "n’t", "never", "cannot") and s.low[k - 1] in auxiliaries
        for k in range(a + 1, b)
    )


def _claimed_already(cands: list[Candidate], cue: Cue, rel: int) -> bool:
    """Whether the relative clause opened at `rel` has its claim already: the *that* is the
    complementizer of a claim's content (*warn that Iran reportedly ...*), or the author's modal
    made the clause's claim (*ways that may erode ...*), whose span then starts at the pronoun
    (guidelines §7.1: *the fees that Iran may charge*, not from the main clause's subject)."""
    claimed = False
    for c in cands:
        if c.span[0] == rel + 1 or rel <= c.span[0] <= cue.start < c.span[1]:
            claimed = True
        elif c.cue == cue.start and c.span[0] < rel and c.frame == "author":
            c.span = (rel, c.span[1])
            claimed = True
    return claimed


def _adjunct_cue(s: Sentence, cands: list[Candidate], cue: Cue) -> bool:
    """A cue on a verbless adjunct set off by a comma (*..., possibly in violation of the
    sanctions*, *Perhaps in response to the sanctions, the bank may ...*): no claim of its own,
    the cue joins the claim of the clause the adjunct belongs to, the one before it, else the
    one after it (guidelines v1.3 change 33). False when the sentence has no such claim."""
    start, end = clause_start(s, cue.start), clause_end(s, cue.end)
    if has_verb(s, start, end) or not (
        (start > 0 and s.low[start - 1] == ",") or (end < s.n and s.low[end] == ",")
    ):
        return False
    before = [c for c in cands if c.region[1] <= start]
    after = [c for c in cands if c.region[0] >= end]
    owner = (
        max(before, key=lambda c: c.region[1])
        if before
        else min(after, key=lambda c: c.region[0], default=None)
    )
    if owner is None:
        return False
    owner.cues.append(cue)
    return True


#: Verbs of inference: the author's hedge when no party is their subject (hedge_context.py).
_INFERENCE = frozenset(["suggest", "suggests", "suggested", "indicate", "indicates", "indicated"])


def _authors_inference(cands: list[Candidate], cue: Cue, s: Sentence) -> None:
    """ "His record with Widodo suggests his coalition may continue ...": the verb of inference
    is the author's hedge here (no party is its subject), so the claim it frames is the
    author's, not a party's speech found from the context (guidelines §11.4, Appendix B)."""
    if s.low[cue.start] not in _INFERENCE:
        return
    for c in cands:
        if c.cue == cue.start and c.frame.startswith("holder"):
            c.holder, c.actor_tokens, c.speech = [AUTHOR], None, False


def _attitude_in_relative(cands: list[Candidate], cue: Cue, rel: int) -> Candidate | None:
    """A party's attitude or speech claimed by the relative clause that holds the cue (*Beijing,
    which reportedly urged Pyongyang to return to talks*): the cue is that claim's, no author
    claim is made (guidelines §4.3, "A cue-rule clause whose content is a party's attitude or
    speech is the party's claim")."""
    return next(
        (
            c
            for c in cands
            if c.frame == "holder"
            and AUTHOR not in c.holder
            and rel < c.cue
            and cue.start < c.cue
            and c.cue - cue.end <= 3
        ),
        None,
    )


def _relative_claim(s: Sentence, cue: Cue, rel: int, mentions: list[Mention]) -> Candidate:
    """ "... Russia which might grow into Korea's competitor": the cue makes the relative
    clause a claim of the author's (guidelines §4.3, the cue rule wins)."""
    span = trim_span(s, (rel, clause_end(s, cue.end)))
    # The party the pronoun refers to, right before it (*Russia which might ...*), else the
    # clause's own subject (*the fees that Tokyo reportedly charged*), else the party whose
    # act the main clause tells (*Israel launched operations that reportedly killed ...*; not
    # *competition with China that ...*, *America’s strengths that ...*).
    before = rel - 1 if rel > 0 and s.low[rel - 1] == "," else rel
    earlier = [m for m in mentions if m.j <= rel and not m.anaphor and not m.compound]
    own = [m for m in mentions if rel < m.i and m.j <= cue.start and not m.compound]
    actors = [m for m in earlier if not (m.after_preposition or m.possessive)][-1:]
    antecedent = [m for m in earlier if m.j == before] or own[:1] or actors
    modal = s.low[cue.start] in ("might", "may", "could", "will")
    typ = "prediction" if modal or is_future(s, span[0], span[1]) else "belief"
    cand = Candidate(
        rel, typ, "author", [AUTHOR], None, span, span, is_negated(s, span[0], span[1]), [cue]
    )
    cand.target_hint = antecedent[-1].ref if antecedent else None
    cand.embedded = True
    return cand


def _given_to_claim(s: Sentence, cands: list[Candidate], cue: Cue) -> bool:
    """Give the cue to the claim whose clause holds it, or whose span follows it (*The data
    suggest that Russia will win*); False when there is none."""
    i = cue.start
    inside = [c for c in cands if c.region[0] <= i < c.region[1]]
    if inside:
        owner = min(inside, key=lambda c: c.region[1] - c.region[0])
        if not _party_content(owner, cue) or _evidential(s, cue):
            owner.cues.append(cue)
        return True
    after = skip_complementizer(s, cue.end, s.n)
    nxt_claim = [c for c in cands if after < s.n and c.span[0] == after]
    if after > cue.end and nxt_claim:
        nxt_claim[0].cues.append(cue)
        return True
    return False


def _party_content(owner: Candidate, cue: Cue) -> bool:
    """Whether the cue lies inside a party's reported content (*Seoul said Moscow **may**
    accept*, *working together **should** be a win-win*): the hedge is the party's, part of the
    content, not the author's cue (guidelines §11.2, v1.3 Appendix B). A cue in the shell
    (*reportedly said*, *are known to have said*) stays the author's, and so does one in the
    author's own content (*The data suggest that Seoul **may** accept*, *I think P **may***)."""
    return (
        owner.frame.startswith("holder")
        and AUTHOR not in owner.holder
        and owner.span[0] <= cue.start < owner.span[1]
    )


#: Adverbs that name the author's source of a report (*reportedly*): the author's hedge
#: wherever they stand, also inside a party's content (guidelines §11.2).
_EVIDENTIALS = frozenset(["reportedly", "allegedly", "purportedly", "reputedly"])


def _evidential(s: Sentence, cue: Cue) -> bool:
    """*Lee has pledged to raise spending to 3.5% reportedly by 2035*: a party does not
    report its own words as hearsay, so the adverb is the author's, unless the party's own
    quoted words hold it (an odd number of quotation marks before it)."""
    quoted = sum(w in ('"', "“", "”") for w in s.low[: cue.start]) % 2 == 1
    return s.low[cue.start] in _EVIDENTIALS and not quoted


def _cue_claim(s: Sentence, cands: list[Candidate], cue: Cue) -> Candidate | None:
    """The author's claim a cue qualifying no other claim makes (None when it went to the
    claims it opens, or nothing is left to qualify)."""
    i = cue.start
    start = clause_start(s, i)
    opener = cue.end < s.n and s.low[cue.end] == ","
    if start == i or opener:
        # The cue opens the clause ("Obviously, ...", "The impression is that ..."): it
        # governs what follows.
        opened = _opened_span(s, cands, cue, opener)
        if opened is None:
            return None
        span, underspecified = opened
    else:
        lead = longest_match(lexicons().concessive, s.low, start) if s.suppressed[start] else None
        first = start + lead[0] if lead is not None and start + lead[0] <= i else start
        span = trim_span(s, (first, clause_end(s, cue.end)))  # "Although P": P
        underspecified = False
    if span[0] >= span[1] or any(c.span[0] <= span[0] < c.span[1] for c in cands):
        return None
    typ = (
        "prediction"
        if is_future(s, span[0], span[1])
        or s.low[i] in ("might", "may", "could")
        or (s.low[cue.end - 1] == "to" and s.low[cue.end - 2] in ("likely", "unlikely"))
        else "belief"
    )
    negative = is_negated(s, span[0], span[1]) != (
        cue.kind == "hedge" and "unlikely" in s.low[i : cue.end]
    )
    region = (min(start, span[0]), span[1])
    cand = Candidate(i, typ, "author", [AUTHOR], None, span, region, negative, [cue])
    cand.underspecified = underspecified
    return cand


def _opened_span(
    s: Sentence, cands: list[Candidate], cue: Cue, opener: bool
) -> tuple[tuple[int, int], bool] | None:
    """The span a clause-opening cue qualifies and whether a *whether* leaves it undecided;
    None when the cue went to the claims after it instead."""
    follow = [c for c in cands if c.region[0] >= cue.end]
    if follow and opener:
        # "Obviously, Russia intends ... and will not ...": one cue, every claim.
        # "No doubt, A but B": a concession covers the first conjunct only (§4.6).
        if any(s.low[t] == "but" for t in range(cue.end, s.n)):
            follow = follow[:1]
        for c in follow:
            c.cues.append(cue)
        return None
    span_start = cue.end
    while span_start < s.n and (
        s.low[span_start] in lexicons().complementizers or s.low[span_start] in (",", ":")
    ):  # "Make no mistake: P", "The truth is, P"
        span_start += 1
    span = trim_span(s, (span_start, clause_end(s, span_start)))
    if follow and span[0] <= follow[0].cue < span[1]:
        follow[0].cues.append(cue)
        return None
    return span, any(s.low[t] == "whether" for t in range(cue.end, min(s.n, cue.end + 2)))
