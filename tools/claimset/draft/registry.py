"""The registries of the drafter's rules: each rule is registered under the name a lexicon uses.

A lexicon entry chooses its rule by name (`"rule": "could-epistemic"` in hedges.json, `"frame":
"holder-adj"` and `"needs": "that-near"` in expectations.json). Every name a lexicon uses must be
registered, and no name twice: loading the lexicons (`lexicons.load_lexicons`, run when
`claimset.draft` is imported) fails loudly on a misspelt or unknown name instead of letting the
entry silently do nothing, and registering a name twice fails at once.

This module imports no rule, so every rule module can register itself here.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ..errors import ClaimsetError
from .types import Frame, Insertion, Link, Site, TokenCheck

T = TypeVar("T")


class RuleNameError(ClaimsetError):
    """A rule registered twice, or a lexicon naming a rule nobody registered."""


class Registry(Generic[T]):
    """Rules of one kind by name, and where the lexicons name them (file and field)."""

    def __init__(self, kind: str, lexicon: str, field: str, group: str | None = None) -> None:
        self.kind = kind
        self.lexicon = lexicon
        self.field = field
        self.group = group  # the list of entries within the lexicon, when it has several
        self._units: dict[str, T] = {}

    def add(self, name: str, unit: T) -> None:
        """Register `unit` under `name`; a second rule with the same name is an error."""
        if name in self._units:
            raise RuleNameError(f"{self.kind} {name!r} is registered twice")
        self._units[name] = unit

    def __getitem__(self, name: str) -> T:
        return self._units[name]

    def __contains__(self, name: object) -> bool:
        return name in self._units

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._units))

    def unknown(self, name: str, entry: str) -> RuleNameError:
        """The error for a lexicon entry that names no registered rule, with the close match."""
        close = difflib.get_close_matches(name, list(self._units), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(self)})"
        return RuleNameError(
            f"lexicons/{self.lexicon}: entry {entry} names the {self.kind} {name!r}, "
            f"which is not registered{hint}"
        )


# -- the rule kinds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HedgeRule:
    """A context rule deciding whether an ambiguous word is a hedge or booster cue here."""

    name: str
    applies: TokenCheck  # given the sentence and the cue's tokens [i, j)
    party_attitude: bool  # with a party as subject the word is its attitude, not the author's


@dataclass(frozen=True)
class Complement:
    """What an expectation verb needs after it to count as a cue (expectations.json `needs`)."""

    name: str
    admits: Callable[[Site], bool]  # whether the verb at a `VerbSite` has the complement
    bare_clause: bool  # a complement clause without "that" also counts (*thinks Cairo will*)
    from_verb: bool  # the span starts at the verb (*regards Y as Z*, *called the pact a threat*)
    in_conjunct: TokenCheck | None  # the complement of a coordinated verb (sentence, j, stop)
    near_that: bool = False  # its "that" may come a few words after the verb (*warned X that*)


#: expectations.json `frame`: how the holder and the span are found for a cue.
FRAMES: Registry[Frame] = Registry("frame", "expectations.json", "frame")
#: expectations.json `needs`: the complement an expectation verb requires.
COMPLEMENTS: Registry[Complement] = Registry("complement", "expectations.json", "needs")
#: hedges.json `rule`: the context rule of an ambiguous hedge or booster.
HEDGE_RULES: Registry[HedgeRule] = Registry("hedge rule", "hedges.json", "rule")
#: actors.json demonyms `rule`: a productive derivation of demonyms (*Russia* → *Russian*).
DEMONYM_RULES: Registry[Callable[[str], list[str]]] = Registry(
    "demonym rule", "actors.json", "rule", group="demonyms"
)
#: syntax.json "insertions" `rule`: a stretch that interrupts a clause without ending it.
INSERTIONS: Registry[Insertion] = Registry(
    "insertion rule", "syntax.json", "rule", group="insertions"
)
REGISTRIES = (FRAMES, COMPLEMENTS, HEDGE_RULES, DEMONYM_RULES, INSERTIONS)


@dataclass(frozen=True)
class LinkRule:
    """A reason not to draft an evidence link between sentences (guidelines §13.1).

    No lexicon names these rules: every one registered is applied to every link the
    adjacency pattern proposes, and one that says no is enough (precision first)."""

    name: str
    refuses: Callable[[Link], bool]  # given a `LinkSite`


#: The vetoes on links between sentences (any one refusing is enough).
LINK_RULES: Registry[LinkRule] = Registry("evidence link rule", "evidence.json", "rule")

F = TypeVar("F", bound=Callable[..., Any])


def frame(name: str) -> Callable[[F], F]:
    """Register a function building a candidate claim for a cue of the `name` frame."""

    def register(build: F) -> F:
        FRAMES.add(name, build)
        return build

    return register


def demonym_rule(name: str) -> Callable[[F], F]:
    """Register a derivation `(name) -> forms` of demonyms under `name`."""

    def register(derive: F) -> F:
        DEMONYM_RULES.add(name, derive)
        return derive

    return register


def insertion(name: str) -> Callable[[F], F]:
    """Register an insertion rule `(sentence, i) -> last token of the insertion opened at
    token i, or 0` under `name`."""

    def register(find: F) -> F:
        INSERTIONS.add(name, find)
        return find

    return register


def hedge_rule(name: str, *, party_attitude: bool = False) -> Callable[[F], F]:
    """Register a hedge context rule `(sentence, i, j) -> bool` under `name`."""

    def register(applies: F) -> F:
        HEDGE_RULES.add(name, HedgeRule(name, applies, party_attitude))
        return applies

    return register


def link_rule(name: str) -> Callable[[F], F]:
    """Register a veto `(site) -> bool` on drafted evidence links under `name`."""

    def register(refuses: F) -> F:
        LINK_RULES.add(name, LinkRule(name, refuses))
        return refuses

    return register


def complement(
    name: str,
    *,
    bare_clause: bool = False,
    from_verb: bool = False,
    in_conjunct: Callable[..., bool] | None = None,
    near_that: bool = False,
) -> Callable[[F], F]:
    """Register the check `(site) -> bool` of the complement `name` (see `Complement`).

    The checks take a `VerbSite`, `in_conjunct` a `Sentence` (typed loosely here, as the
    decorated check is: the registry stores them by the protocols of `types`).
    """

    def register(admits: F) -> F:
        COMPLEMENTS.add(
            name, Complement(name, admits, bare_clause, from_verb, in_conjunct, near_that)
        )
        return admits

    return register
