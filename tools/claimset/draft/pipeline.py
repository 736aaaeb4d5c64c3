"""The drafter's steps for one sentence, in the order docs/drafting.md describes.

`STEPS` is the whole analysis, top to bottom: each `Step` names what it fills in (fields of the
`Analysis` or of its candidate claims), as spaCy's pipeline components declare what they assign.
`claim_records` then writes the candidates as claims in the record format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models import Actor
from .actor_index import AUTHOR, ActorIndex
from .centering import resolve_opening_it
from .context import Context, resolve_anaphor
from .mentions import Mention, find_mentions
from .rules.actor import coordinated_holders, experiencer, first_person, shared_name
from .rules.coordination import coordinated
from .rules.evidence import Fact, evidence_link, sentence_facts
from .rules.expectation import expectation_candidates
from .rules.experiencer_phrases import experiencer_to
from .rules.hedge import assign_cues, certainty_of, hedge_cues
from .rules.judgement import author_judgements
from .rules.report_frame import give_to_speaker, report_frames
from .rules.reported_content import give_content_to_speaker
from .rules.speaker import speaker_we
from .rules.target import find_target
from .sentence import Sentence
from .types import Candidate


@dataclass
class Analysis:
    """One sentence as the steps fill it in: tokens and clauses (step 1 of docs/drafting.md,
    done by `Sentence`, which also marks what is not asserted, step 3), then the rest."""

    s: Sentence
    ctx: Context
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    """One step of the analysis and the fields it sets (`Analysis.x` or `Candidate.x`)."""

    name: str
    run: Callable[[Analysis], None]
    assigns: tuple[str, ...]

    @property
    def doc(self) -> str:
        """The first line of the step's docstring."""
        return (self.run.__doc__ or "").strip().splitlines()[0]


def _actors(a: Analysis) -> None:
    """Actors named or referred to (registry forms, descriptions, pronouns)."""
    a.mentions = find_mentions(a.s, a.ctx.actors)


def _anaphors(a: Analysis) -> None:
    """The one party "he", "the country", "his government" stand for."""
    s = a.s
    # "Turkey is a good bet. Its debt is modest.": the subject of the sentence before.
    resolve_opening_it(s, a.mentions, a.ctx.subject)
    for m in a.mentions:
        # "it", "its" and "they" as often stand for a thing or several parties: no target.
        if m.anaphor and m.ref in ("singular", "person") and s.low[m.i] not in ("it", "its"):
            refs = resolve_anaphor(s, m, a.mentions, a.ctx)
            m.resolved = refs[0] if len(refs) == 1 and refs[0] != AUTHOR else None


def _shared_names(a: Analysis) -> None:
    """A short name two registered persons share names the one the text names in full."""
    shared_name(a.s, a.mentions, a.ctx)


def _expectations(a: Analysis) -> None:
    """A candidate claim for each expectation cue: holder, span, type, polarity (rules 4, 5, 10)."""
    a.candidates = expectation_candidates(a.s, a.mentions, a.ctx)


def _coordination(a: Analysis) -> None:
    """Coordinated predicates become sibling claims sharing holder, type and target."""
    a.candidates = coordinated(a.s, a.candidates)


def _coordinated_holders(a: Analysis) -> None:
    """Parties coordinated as an attitude's subject each hold the claim (one claim each)."""
    coordinated_holders(a.s, a.candidates, a.mentions)


def _outermost_cues(a: Analysis) -> None:
    """A cue inside another claim's span belongs to that claim: the leftmost cue wins."""
    kept: list[Candidate] = []
    for c in sorted(a.candidates, key=lambda c: (c.cue, c.parent is not None)):
        if c.parent is not None:
            if c.parent in kept:
                kept.append(c)
            continue
        outer = [k for k in kept if k.span[0] <= c.cue < k.span[1]]
        if outer and _innermost_holder(a.s, c, outer[-1]):
            kept[kept.index(outer[-1])] = c  # "X said Y is willing to ...": Y's intention
            continue
        if outer:
            continue  # "hopes that Moscow will help", "has to realize that ..."
        if c.frame == "author" and any(c.span[0] <= k.cue < c.span[1] for k in kept):
            continue
        kept.append(c)
    a.candidates = kept


def _innermost_holder(s: Sentence, inner: Candidate, outer: Candidate) -> bool:
    """Whether a party's reported speech ascribes an attitude to another party named inside it
    (*Rubio said the United States is "willing to do everything necessary"*): the innermost
    named holder holds the claim, the speaker is the channel (guidelines §4.5)."""
    return (
        outer.frame == "holder"
        and (outer.speech or outer.actor_tokens is None)  # or a source no party names
        and inner.frame in ("holder", "holder-adj")
        and inner.actor_tokens is not None
        and outer.span[0] <= inner.actor_tokens[0]
        # Not a relative clause on a noun (*echoing officials who maintained ...*, §4.3).
        and not (inner.cue > 0 and s.low[inner.cue - 1] in ("who", "which", "that"))
    )


def _experiencers(a: Analysis) -> None:
    """The party after a clause-initial "For X," holds the view that follows."""
    experiencer(a.s, a.candidates, a.mentions)


def _judgements(a: Analysis) -> None:
    """Main clauses no cue covers that are no plain report: the author's beliefs (rule 6), or
    the views of an experiencer their predicate names (*is important to X*, §6.1)."""
    author_judgements(a.s, a.candidates)
    experiencer_to(a.s, a.candidates, a.mentions)


def _speaker_we(a: Analysis) -> None:
    """In a speech, the speaker's "we" that holds an attitude or declares a policy is the party
    the speaker speaks for; a deontic "we" is the author's, directed at that party (§6.1)."""
    speaker_we(a.s, a.candidates, a.mentions, a.ctx.speaks_for)


def _hedges(a: Analysis) -> None:
    """Hedge and booster cues go to the claims they qualify, or make one (rule 7)."""
    assign_cues(a.s, a.candidates, hedge_cues(a.s, a.mentions), a.mentions)


def _report_frames(a: Analysis) -> None:
    """A report frame after, around or before the content ("P, Tokyo says.") gives the
    author's claims in it, with their hedges, to the speaker (§4.5)."""
    frames = report_frames(a.s, a.mentions, a.ctx)
    if frames:
        give_to_speaker(a.s, a.candidates, frames, a.mentions, a.ctx)


def _reported_contents(a: Analysis) -> None:
    """A speaker's verb governs its whole content (a concession in it, a second that-clause, a
    coordinated predicate, a quotation after a comma): the author's claims there are its (§4.5)."""
    give_content_to_speaker(a.s, a.candidates, a.mentions, a.ctx)


def _questions(a: Analysis) -> None:
    """A question's claims are undecided (rule 8)."""
    if a.s.text.rstrip().endswith("?"):
        for c in a.candidates:
            c.underspecified = c.underspecified or not c.embedded


def _context(a: Analysis) -> None:
    """Claims in text order, each with the parties of the context (for implicit targets)."""
    a.candidates.sort(key=lambda c: c.span[0])
    recent = tuple(r for r in a.ctx.recent if r != AUTHOR)
    for c in a.candidates:
        c.recent = recent


def _certainty(a: Analysis) -> None:
    """Certainty: underspecified for questions and whether, else the lowest hedge (rule 8)."""
    for c in a.candidates:
        c.certainty = certainty_of(c.cues, c.underspecified)


def _targets(a: Analysis) -> None:
    """The party each claim is directed at or about (rule 9)."""
    for c in a.candidates:
        c.target = find_target(a.s, c, a.mentions, a.ctx.actors)


_CLAIM = ("cue", "type", "frame", "holder", "actor_tokens", "span", "region", "negative")

#: The analysis of one sentence, in order (docs/drafting.md, "How a sentence is analysed").
STEPS = (
    Step("actors", _actors, ("Analysis.mentions",)),
    Step("shared-names", _shared_names, ("Mention.ref", "Mention.shared")),
    Step("anaphors", _anaphors, ("Mention.resolved",)),
    Step(
        "expectations",
        _expectations,
        (
            "Analysis.candidates",
            *(f"Candidate.{name}" for name in _CLAIM),
            "Candidate.target_hint",
            "Candidate.underspecified",
            "Candidate.speech",
        ),
    ),
    Step(
        "coordination",
        _coordination,
        ("Analysis.candidates", "Candidate.parent", "Candidate.own_subject"),
    ),
    Step(
        "coordinated-holders",
        _coordinated_holders,
        ("Candidate.holder", "Candidate.holder_tokens"),
    ),
    Step("outermost-cues", _outermost_cues, ("Analysis.candidates",)),
    Step("experiencers", _experiencers, ("Analysis.candidates",)),
    Step(
        "judgements",
        _judgements,
        (
            "Analysis.candidates",
            *(f"Candidate.{name}" for name in ("holder", "actor_tokens", "frame", "type")),
        ),
    ),
    Step(
        "speaker-we",
        _speaker_we,
        (
            "Analysis.candidates",
            *(f"Candidate.{name}" for name in ("cue", "type", "frame", "holder", "actor_tokens")),
            *(f"Candidate.{name}" for name in ("span", "region", "negative", "target_hint")),
        ),
    ),
    Step("hedges", _hedges, ("Analysis.candidates", "Candidate.cues", "Candidate.embedded")),
    Step(
        "report-frames",
        _report_frames,
        ("Analysis.candidates", "Candidate.holder", "Candidate.actor_tokens", "Candidate.type"),
    ),
    Step(
        "reported-contents",
        _reported_contents,
        ("Analysis.candidates", "Candidate.holder", "Candidate.actor_tokens", "Candidate.type"),
    ),
    Step("questions", _questions, ("Candidate.underspecified",)),
    Step("context", _context, ("Analysis.candidates", "Candidate.recent")),
    Step("certainty", _certainty, ("Candidate.certainty",)),
    Step("targets", _targets, ("Candidate.target",)),
)


def analyse(text: str, ctx: Context) -> tuple[Sentence, list[Mention], list[Candidate]]:
    """Run every step on one sentence: its tokens, mentions and candidate claims."""
    a = Analysis(Sentence(text), ctx)
    for step in STEPS:
        step.run(a)
    return a.s, a.mentions, a.candidates


def claim_records(
    s: Sentence, cands: list[Candidate], facts: Sequence[Fact] = (), *, speech: bool = False
) -> list[dict[str, Any]]:
    """The candidates as claims in the record format (one per holder), with the evidence
    links the facts of their own sentence give them (rule 11). In a speech (`speech`: the
    document speaks for a party) only *I* and *my* are the author's actor quote."""
    claims: list[dict[str, Any]] = []
    for n, cand in enumerate(cands):
        evidence = [evidence_link(s, f, None) for f in facts if f.owner == n]
        for ref in cand.holder:
            x0, x1 = s.chars(*cand.span)
            claims.append(
                {
                    "id": f"c{len(claims) + 1}",
                    "actor": _actor_record(s, cand, ref, speech),
                    "expectation": {
                        "quote": s.text[x0:x1],
                        "start": x0,
                        "end": x1,
                        "type": cand.type,
                        "target": cand.target,
                    },
                    "evidence": [dict(e) for e in evidence],
                    "hedge": {"certainty": cand.certainty, "cues": _cue_records(s, cand)},
                    "polarity": "negative" if cand.negative else "positive",
                    "origin": "auto",
                }
            )
    return claims


def _actor_record(s: Sentence, cand: Candidate, ref: str, speech: bool) -> dict[str, Any]:
    """The actor of a claim: the naming phrase, or the author's first-person pronoun."""
    actor: dict[str, Any] = {"ref": ref, "quote": None, "start": None, "end": None}
    if cand.actor_tokens is not None and ref != AUTHOR:
        a, b = s.chars(*cand.holder_tokens.get(ref, cand.actor_tokens))
        actor.update(quote=s.text[a:b], start=a, end=b)
    elif ref == AUTHOR and (me := first_person(s, cand, speech)) is not None:
        a, b = s.chars(me, me + 1)  # "In my view, ...": the pronoun only (§6.1)
        actor.update(quote=s.text[a:b], start=a, end=b)
    return actor


def _cue_records(s: Sentence, cand: Candidate) -> list[dict[str, Any]]:
    """The claim's hedge and booster cues in text order."""
    cues = []
    for c in sorted(set(cand.cues)):
        a, b = s.chars(c.start, c.end)
        cues.append({"quote": s.text[a:b], "start": a, "end": b, "kind": c.kind})
    return cues


def draft_sentence(
    text: str,
    actors: ActorIndex | Iterable[Actor | Mapping[str, Any]] | None = None,
    *,
    recent: Sequence[str] = (),
    speaks_for: str | None = None,
) -> list[dict[str, Any]]:
    """Suggested claims for one sentence, as dicts in the record format (origin `auto`).

    Args:
        text: The sentence.
        actors: The actor registry (an ActorIndex, or Actor records); None means only the author.
        recent: Actor ids named in the preceding sentences, most salient first, for "it",
            "the country", "both sides".
        speaks_for: In a speech, the actor id of the party the speaker speaks for (the
            document's `speaks_for`): its "we" (guidelines §6.1).

    Evidence links to other sentences need the document: see `draft_document`.
    """
    index = actors if isinstance(actors, ActorIndex) else ActorIndex(actors or [])
    s, _, cands = analyse(text, Context(index, list(recent), speaks_for=speaks_for))
    facts = sentence_facts(s, cands, not cands)
    return claim_records(s, cands, facts, speech=speaks_for is not None)
