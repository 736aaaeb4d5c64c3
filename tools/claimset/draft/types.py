"""The types the drafter's modules share, in a module that imports none of them.

A claim in the making (`Candidate`) and its hedge or booster cues (`Cue`) are plain data, used
from the actors to the pipeline. The registries and the lexicons name the signatures of the
rules they hold, and those rules take a sentence (`sentence.Sentence`) or what they look at:
where a cue was found (`candidate.CueSite`, `rules.complements.VerbSite`) or a proposed link
(`rules.evidence_links.LinkSite`). Those modules read the lexicons, so the signatures name them
by protocols defined here: `Tokens`, `Site` and `Link`. With every shared type below the
modules that use it, not even an annotation makes an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol


class Tokens(Protocol):
    """A sentence as the rules' signatures name it: its text and tokens (`sentence.Sentence`)."""

    @property
    def text(self) -> str: ...

    @property
    def toks(self) -> Sequence[str]: ...

    @property
    def low(self) -> Sequence[str]: ...  # the tokens lower-cased

    @property
    def n(self) -> int: ...  # how many tokens


class Site(Protocol):
    """Where a rule looks: tokens [i, j) of sentence `s` (a `CueSite`, a `VerbSite`)."""

    @property
    def s(self) -> Tokens: ...

    @property
    def i(self) -> int: ...

    @property
    def j(self) -> int: ...


class Link(Protocol):
    """A link between sentences a rule may refuse: a fact of sentence `fact_s` for a claim of
    an earlier sentence `claim_s` (a `rules.evidence_links.LinkSite`)."""

    @property
    def claim_s(self) -> Tokens: ...

    @property
    def fact_s(self) -> Tokens: ...

    @property
    def distance(self) -> int: ...  # sentences from the claim's to the fact's


class Cue(NamedTuple):
    """A hedge or booster cue: tokens [start, end) of the sentence."""

    start: int
    end: int
    kind: str  # hedge | booster
    certainty: str  # what the cue alone implies (possible, probable, ...)


@dataclass
class Candidate:
    """A claim in the making."""

    cue: int  # first token of the cue that made the claim
    type: str
    frame: str  # holder (a party's attitude) | author
    holder: list[str]
    actor_tokens: tuple[int, int] | None
    span: tuple[int, int]  # tokens [i, j)
    region: tuple[int, int]  # the tokens of the whole clause: holder, cue and span
    negative: bool = False
    cues: list[Cue] = field(default_factory=list)
    underspecified: bool = False  # framed by "whether"
    target_hint: str | None = None  # addressee, passive subject, antecedent
    parent: Candidate | None = None  # the first conjunct, for coordinated siblings
    embedded: bool = False  # a relative clause made a claim by its cue
    speech: bool = False  # a party's reported speech (a `statement` for other claims)
    own_subject: bool = False  # a coordinated clause with a subject of its own
    recent: tuple[str, ...] = ()  # parties of the context, most salient first (for §9 (a), (b))
    certainty: str = "certain"  # from the hedges (guidelines §12)
    target: str | None = None  # the party it is directed at or about (guidelines §9)
    # Each holder's own naming phrase when several parties hold the claim ("Paris and Berlin").
    holder_tokens: dict[str, tuple[int, int]] = field(default_factory=dict)


#: A frame (expectations.json `frame`): the candidate claim an expectation cue makes at its
#: site (a `candidate.CueSite`), or None.
Frame = Callable[[Site], Candidate | None]
#: A check `(sentence, i, j) -> bool` of the tokens [i, j) in their sentence (a hedge's context
#: rule; whether a coordinated verb has its complement).
TokenCheck = Callable[[Tokens, int, int], bool]
#: An insertion rule (syntax.json "insertions" `rule`): at token i of a sentence, the last token
#: of the insertion opened there, or 0.
Insertion = Callable[[Tokens, int], int]
