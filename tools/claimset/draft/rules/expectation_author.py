"""The author's voice: modals, semi-modals and impersonal frames (guidelines §6.1, §8).

*Russia should withdraw* (obligation), *Beijing may accept* (prediction), *It is essential that
Addis Ababa shares its data* (impersonal), *The sensible course for Canberra is to keep talking*
(advice): the author holds the expectation and the span is the clause past its shell.
"""

from __future__ import annotations

from ..actor_index import AUTHOR
from ..candidate import CueSite, build_candidate
from ..clauses import (
    conjecture_now,
    epistemic_must,
    epistemic_should,
    has_verb,
    instrument_content,
    instrument_subject,
    listed_question,
    opens_infinitive,
    trim_span,
)
from ..lexicons import lexicons
from ..registry import frame
from ..relatives import relative_start
from ..sentence import Sentence, clause_end
from ..types import Candidate
from ..words import DETERMINERS, INTEREST, OPTATIVE_SUBJECTS, WH, WILL_NOUN_BEFORE, verbish
from .coordination import attitude_at
from .expectation_stance import stance_adjective_at
from .judgement import skip_shell
from .judgement_reports import instrument_after


@frame("author")
def author_candidate(site: CueSite) -> Candidate | None:
    """A modal or construction voiced by the author; the span is its clause past the shell."""
    s, i, j = site.s, site.i, site.j
    if site.cue.words[0] == "it" and site.nxt in ("that", "for"):
        return _impersonal_candidate(site)
    typ = _modal_type(site)
    if typ is None:
        return None
    start, framed = _proposition_start(s, site.start, i)
    relative = start
    if all(s.low[k].endswith("ly") for k in range(start, i)):
        relative = relative_start(s, start)  # "ways that may erode ...": its subject, §7.1
    if relative < start:
        start = relative
    whether = s.low[start] == "whether"
    if whether:
        start += 1  # "Whether Beijing will accept it is hard to say": the content, undecided
    end = site.end
    cand = build_candidate(s, i, typ, "author", [AUTHOR], None, (start, end), start, site.cue)
    if cand is not None and s.low[start] in ("which", "who", "that") and start < i:
        # A relative clause's claim is about its antecedent, when that is a party right before
        # it (*Russia, which might grow into a rival*; *ways that may erode ...*: none).
        cand.target_hint = next(
            (m.ref for m in site.mentions if m.j in (start, start - 1) and not m.anaphor), None
        )
        cand.embedded = True  # not asked by a question around it (§12)
    if cand is not None:
        cand.underspecified = whether or framed
        if whether:
            # The frame follows the content: "... is hard to say" stops the span.
            for k in range(j, end):
                if s.low[k] in lexicons().copulas and k > j:
                    cand.span = trim_span(s, (start, k))
                    break
    return cand


def _modal_type(site: CueSite) -> str | None:
    """The type of the author's claim a modal makes here, or None when the word is no modal of
    the author's (the noun *will*, the month *May*, past *could not*, a party's attitude)."""
    if _other_use(site) or _no_claim_here(site):
        return None
    s, j, word = site.s, site.j, site.cue.words[0]
    typ = _epistemic_type(site)
    if typ == "prediction":
        typ = _prediction_type(s, j, word)
    if typ is None:
        return None
    if (
        site.cue.type == "prediction"
        and word in ("is", "are", "was", "were")
        and site.nxt == "be"
        and not _passive_event(s, j)
    ):
        typ = "belief"  # "the real figure is sure to be much higher": now, not the future
    return typ


def _passive_event(s: Sentence, k: int) -> bool:
    """Whether *be* at token k opens a passive (*is expected to be completed by 2028*): an event
    still to happen, a prediction, unlike a state (*is sure to be much higher*)."""
    nxt = s.low[k + 1] if k + 1 < s.n else ""
    return nxt.endswith(("ed", "en")) and len(nxt) > 4 and nxt not in ("open", "often")


def _other_use(site: CueSite) -> bool:
    """The word is not the author's modal here: a noun, a month, an optative, a bill's words."""
    s, i, j, prev, nxt, start = site.s, site.i, site.j, site.prev, site.nxt, site.start
    word = site.cue.words[0]
    return (
        # the noun "will"
        (word in ("will", "shall", "wo") and (prev in DETERMINERS or prev in WILL_NOUN_BEFORE))
        or (word == "may" and s.toks[i] == "May" and i > 0)  # the month
        # an optative, "may he rest in peace": no claim about the future
        or (word == "may" and nxt in OPTATIVE_SUBJECTS)
        # "The act would expand sanctions": what the bill says, not a prediction
        or (word == "would" and instrument_subject(s, start, j))
        # "The Act stipulates that funds may not be used": the law's content, no prediction
        or instrument_content(s, i)
        or listed_question(s, i)  # "..., and how the pact may be expanded" (§4.3)
        # "The ministry must vet every recipient, pursuant to several laws": the law's duty
        or (word in ("must", "shall", "will", "can") and _obeys_instrument(s, j, site.end))
        # "will need to", "will also have to": the need's obligation
        or (word in ("will", "shall", "would") and _need_follows(s, j))
        or (word == "could" and nxt in ("not", "n't"))  # past inability: a report
        or (word in ("need", "needs") and prev in DETERMINERS)
    )


def _obeys_instrument(s: Sentence, j: int, end: int) -> bool:
    """Whether a comma after token j, up to the clause's end, opens a frame naming the law the
    clause obeys (*..., pursuant to several laws*, `instrument_after`)."""
    return any(s.low[k] == "," and instrument_after(s, k) for k in range(j, min(s.n, end + 1)))


def _no_claim_here(site: CueSite) -> bool:
    """The modal heads no claim of the author's: a frame, no verb, a noun phrase, a question."""
    s, i, j, start = site.s, site.i, site.j, site.start
    low, word = s.low, site.cue.words[0]
    return (
        # "My view would be that P": a frame, P is judged alone
        (word in ("would", "will") and low[j : j + 2] == ["be", "that"])
        or j >= s.n
        or (not verbish(low[j]) and low[j] not in ("not", "n't"))
        # "what reasons they have to regard ...": inside a noun phrase
        or (low[start] in WH and low[start] != "whether")
        or low[start] == "that"
        # "truths about how our democracies will grow": an embedded question
        or any(low[k] in ("how", "why", "what") for k in range(start + 1, i))
        # "it would be naive to think that P": the author's judgement of P (§6.1)
        or (low[start : start + 3] == ["it", "would", "be"] and i > start + 3)
    )


def _epistemic_type(site: CueSite) -> str | None:
    """The cue's type, or what an epistemic should/must makes of it (None: a party's attitude)."""
    s, j, word = site.s, site.j, site.cue.words[0]
    if word == "should" and epistemic_should(s, j):
        return "prediction"
    if word == "must" and epistemic_must(s, j):
        # Epistemic "they must have known", "Ankara must be calculating that ...": the author's
        # conclusion (a booster), or the party's attitude when an attitude verb follows.
        k = j + 1
        return None if attitude_at(s, k, clause_end(s, k)) is not None else "belief"
    return str(site.cue.type)


def _need_follows(s: Sentence, j: int) -> bool:
    """Whether *need to* or *have to* follows token j, past adverbs (*will also need to*)."""
    low = s.low
    k = j
    while k < s.n and (low[k] in ("also", "still", "now", "then") or low[k].endswith("ly")):
        k += 1
    return k + 1 < s.n and low[k] in ("need", "have") and low[k + 1] == "to"


#: Modals of prediction and possibility (not the deontic *should, must*).
_PREDICTIVE = frozenset(["will", "would", "may", "might", "could", "can"])


def _prediction_type(s: Sentence, j: int, word: str) -> str | None:
    """ "Seoul may be lauding ...", "Russia will want ...": None, the attitude verb makes the
    party the holder (guidelines §6.1; the modal is a hedge on its claim, §11); "may suit
    Ankara": a belief about what is good for a party now (§6.1); else a prediction."""
    low = s.low
    k = j
    while k < s.n and (low[k] in ("be", "have", "not", "n't") or low[k].endswith("ly")):
        k += 1
    if attitude_at(s, k, clause_end(s, k)) is not None:
        return None
    if word in _PREDICTIVE and k > j and low[k - 1] == "be" and stance_adjective_at(s, k, "to"):
        # "Rallis will be reluctant to ...", "he may be willing to ...": an adjective that
        # heads the party's course is its attitude (§6.1), the modal a hedge on it; "will be
        # wary of any deal" stays the author's prediction.
        return None
    if word in ("may", "might", "could") and k < s.n and low[k] in INTEREST:
        return "belief"
    if word in ("may", "might", "could") and conjecture_now(s, j):
        return "belief"
    return "prediction"


def _proposition_start(s: Sentence, start: int, i: int) -> tuple[int, bool]:
    """Where the author's proposition starts before the modal at token i, past a frame (*is
    there a risk that*, *it is unclear whether*) or a shell, and whether it is undecided."""
    low = s.low
    for k in range(i - 1, start, -1):
        if low[k] in ("that", "whether") and not has_verb(s, k + 1, i) and not _pointing(s, k):
            # "is there a risk that the process will ...", "it is unclear whether Ethiopia will
            # ...": the frame is shell.
            return k + 1, low[k] == "whether"
    return skip_shell(s, start, i)


def _pointing(s: Sentence, k: int) -> bool:
    """Whether the *that* at token k points at a noun after a preposition (*risks to that
    effort may ...*, *on that issue Seoul may ...*): a demonstrative, no complementizer."""
    return s.low[k] == "that" and k > 0 and s.low[k - 1] in lexicons().prepositions


@frame("advice")
def advice_candidate(site: CueSite) -> Candidate | None:
    """ "The sensible course for Canberra is to keep talking", "the best option would be to
    wait": a recommendation phrased as an evaluation of a course of action is the author's
    obligation (guidelines §8.1); the span is the recommended action, the target the party
    after "for" (§9, rule 1)."""
    s, i, j, start, cue, mentions = site.s, site.i, site.j, site.start, site.cue, site.mentions
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


def _impersonal_candidate(site: CueSite) -> Candidate | None:
    """ "It is essential that Addis Ababa shares its data", "it is time for Cairo to return":
    the impersonal frame is shell, the span is what ought to happen (guidelines §7.1); the
    party after "for" is the one required to act (§9, rule 1)."""
    s, i, j, start, cue, mentions = site.s, site.i, site.j, site.start, site.cue, site.mentions
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
