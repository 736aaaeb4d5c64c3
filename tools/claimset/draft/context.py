"""What the drafter knows beyond one sentence (`Context`): anaphors resolved against the
parties named before, the party a mention stands for, and salience (the recent parties)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .actor_index import AUTHOR, ActorIndex
from .affiliation import institution_state
from .mentions import Mention
from .sentence import Sentence
from .types import Candidate


@dataclass
class Context:
    """What the drafter knows beyond the sentence: the registry and recently named actors."""

    actors: ActorIndex
    recent: list[str] = field(default_factory=list)  # most salient first
    # Persons of shared forms (ActorIndex.shared) named in full: in the sentences before, the
    # most recent first; later in the same paragraph, the nearest first.
    named: list[str] = field(default_factory=list)
    later: list[str] = field(default_factory=list)
    # In a speech, the party the speaker speaks for (the document's `speaks_for`, §6.1).
    speaks_for: str | None = None
    # The party the sentence before opened with as its subject (`centering.opening_subject`).
    subject: str | None = None


def resolve_anaphor(
    s: Sentence, mention: Mention, mentions: list[Mention], ctx: Context
) -> list[str]:
    """Actor ids an anaphor stands for: an earlier subject of this sentence, else recent ones."""
    number = mention.ref
    named = [m for m in mentions if not m.anaphor and m.i < mention.i and not m.compound]
    if number == "indefinite":
        # "Some thought naively ...": the party of the context (§6.2); in a speech not the
        # speaker's own party, which the speaker calls "we": those are outside voices.
        if ctx.speaks_for is not None and ctx.recent[:1] == [ctx.speaks_for]:
            voices = ctx.actors.forms.get(("analysts",))
            return [voices] if voices is not None else []
        return ctx.recent[:1]
    if number == "person":
        pool = [*(m.ref for m in reversed(named)), *ctx.recent]
        return [r for r in pool if kind_of(ctx, r) == "person"][:1]
    if number == "both":
        both: list[str] = []
        for ref in [*(m.ref for m in reversed(named)), *ctx.recent]:
            if ref not in both and ref != AUTHOR:
                both.append(ref)
        return both[:2] if len(both) >= 2 else []
    subjects = _clause_subjects(s, mention, named)
    pool = [*(m.ref for m in subjects[:1]), *ctx.recent]
    if s.low[mention.j - 1] in _STATE_NOUNS:
        # "the government", "his Cabinet", "the country": a state, not a person or group of
        # the context (guidelines §14.2).
        pool = [r for r in pool if kind_of(ctx, r) == "state"]
    elif s.low[mention.i] in ("his", "her"):
        # "His government perhaps hopes ...": the state, not the person (guidelines §14.2).
        pool = [r for r in pool if kind_of(ctx, r) != "person"]
    if mention.institution:
        # "the Sheinbaum government": the state of the person, else of the context.
        index = ctx.actors
        named_refs = [m.ref for m in named]
        return institution_state(
            mention.leader, named_refs, ctx.recent, index.affiliations, index.kinds
        )
    return pool[:1]


def _clause_subjects(s: Sentence, mention: Mention, named: list[Mention]) -> list[Mention]:
    """The subjects named before an anaphor, those of the clause a semicolon opens first
    (*Oman welcomed the truce; the UAE said it was seeking ...*: "it" is the UAE)."""
    subjects = [m for m in named if not m.after_preposition]
    semicolon = max((k for k in range(mention.i) if s.low[k] == ";"), default=-1)
    return [m for m in subjects if m.i > semicolon] or subjects


#: Heads of anaphors that stand for a state (*the government*, *his cabinet*, *the country*).
_STATE_NOUNS = frozenset(["government", "administration", "cabinet", "country", "state"])


def kind_of(ctx: Context, ref: str) -> str:
    """The registry kind of an actor id (`other` when unknown)."""
    return ctx.actors.kinds.get(ref, "other")


def coordinated_mention(s: Sentence, m: Mention, mentions: list[Mention]) -> bool:
    """ "Greece and Cyprus", "between Russia and Korea": parties named jointly."""
    for o in mentions:
        if o is m or o.anaphor:
            continue
        if o.i == m.j + 1 and s.low[m.j] in ("and", "or", ","):
            return True
        if m.i == o.j + 1 and s.low[o.j] in ("and", "or", ","):
            return True
    return m.i > 0 and s.low[m.i - 1] in ("between", "among")


def party_of(m: Mention) -> str | None:
    """The party a mention names: its registry id, or what its anaphor was resolved to."""
    return m.resolved if m.anaphor else m.ref


def salience(mentions: list[Mention], cands: list[Candidate], ctx: Context) -> list[str]:
    """Recent actors after a sentence: its holders and subject first (centering), then the rest."""
    order: list[str] = []
    for c in cands:
        order.extend(r for r in c.holder if r != AUTHOR)
    named = [m for m in mentions if not m.anaphor and not m.compound]
    order.extend(m.ref for m in named if not m.after_preposition)
    order.extend(m.ref for m in named)
    order.extend(ctx.recent)
    out: list[str] = []
    for ref in order:
        if ref not in out:
            out.append(ref)
    return out[:6]
