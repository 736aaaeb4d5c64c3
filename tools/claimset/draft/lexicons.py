"""The lexicons shipped in `claimset/lexicons/`, read once and compiled for lookup."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

from .registry import (
    COMPLEMENTS,
    DEMONYM_RULES,
    FRAMES,
    HEDGE_RULES,
    INSERTIONS,
    Complement,
    HedgeRule,
    Registry,
)
from .types import Frame, Insertion
from .words import tokenize

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover
    from importlib.abc import Traversable

T = TypeVar("T")


def _read_lexicon(folder: Traversable, name: str) -> Any:
    return json.loads((folder / name).read_text(encoding="utf-8"))["entries"]


def words_of(text: str) -> tuple[str, ...]:
    """The lower-cased tokens of a lexicon form."""
    return tuple(text[a:b].lower() for a, b in tokenize(text))


@dataclass(frozen=True)
class HedgeCue:
    """An entry of hedges.json."""

    words: tuple[str, ...]
    kind: str
    certainty: str
    context: HedgeRule | None  # the registered context rule its `rule` names
    negative: bool
    content: bool = False  # makes the claim a cue would, but is its content, no cue (*doubt*)


@dataclass(frozen=True)
class ExpectationCue:
    """A form of an entry of expectations.json."""

    words: tuple[str, ...]
    type: str
    frame: str  # the registered frame: holder | holder-adj | holder-noun | author | advice
    complement: Complement  # the registered complement its `needs` names ("any" without one)
    negative: bool
    to_type: str | None  # type when the cue takes a bare to-infinitive ("expects to ...")
    obj_to_type: str | None  # type with an object and a to-infinitive ("expects X to ...")
    future_type: str | None  # type when the content is about the future ("thought that ... would")
    speech: bool  # reported speech: also a `statement` for other claims (§13.1)
    build: Frame = field(compare=False)  # the frame's rule, given a `candidate.CueSite`


def _registered(registry: Registry[T], name: str, n: int, cue: str) -> T:
    if name not in registry:
        raise registry.unknown(name, f"#{n} ({cue!r})")
    return registry[name]


def _hedge_entries(folder: Traversable) -> list[tuple[tuple[str, ...], HedgeCue]]:
    out = []
    for n, e in enumerate(_read_lexicon(folder, "hedges.json"), start=1):
        rule = e.get("rule")
        context = _registered(HEDGE_RULES, rule, n, e["cue"]) if rule is not None else None
        words = words_of(e["cue"])
        negative, content = bool(e.get("negative")), bool(e.get("content"))
        cue = HedgeCue(words, e["kind"], e["certainty"], context, negative, content)
        out.append((words, cue))
    return out


def _expectation_entries(folder: Traversable) -> list[tuple[tuple[str, ...], ExpectationCue]]:
    out = []
    for n, e in enumerate(_read_lexicon(folder, "expectations.json"), start=1):
        build = _registered(FRAMES, e["frame"], n, e["cue"])
        complement = _registered(COMPLEMENTS, e.get("needs") or "any", n, e["cue"])
        for form in e["forms"]:
            words = words_of(form)
            cue = ExpectationCue(
                words,
                e["type"],
                e["frame"],
                complement,
                bool(e.get("negative")),
                e.get("to"),
                e.get("obj_to"),
                e.get("future"),
                bool(e.get("speech")),
                build,
            )
            out.append((words, cue))
    return out


Entry = tuple[tuple[str, ...], Any]  # (words, value)

#: A first word with more entries than this is also looked up by length and words.
_SCAN_LIMIT = 3


class Trie(dict[str, list[Entry]]):
    """Entries by their first word, the longest first, for `longest_match`; for a first word
    of many entries (the registry's *the ...* forms), also a table per length, longest first,
    so that a lookup tries each length once instead of each entry."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[tuple[int, dict[tuple[str, ...], Any]]]] = {}
        # Per first word, the second words of its longer entries: most lookups start at a word
        # like *the* or *in* whose next word goes on with none of them, and one set lookup
        # then answers (the one-word entry, or no match) without trying each entry.
        self.seconds: dict[str, frozenset[str]] = {}
        # Per first word, the value of its first one-word entry, if it has one.
        self.singles: dict[str, Any] = {}
        # The first words in a plain dict: `word in trie.firsts` answers `word in trie` at half
        # the cost. (CPython's dict defines `__contains__` as a method, so `in` on a subclass
        # of dict looks the method up and calls it; the loops that ask for every token of every
        # sentence ask here, about 150 times a sentence. A dict, not a set: its lookup of a
        # string is the quicker.)
        self.firsts: dict[str, None] = {}


def build_trie(items: Iterable[Entry]) -> Trie:
    """Entries by their first word, the longest first, for `longest_match`."""
    trie = Trie()
    for words, value in items:
        trie.setdefault(words[0], []).append((words, value))
    for first, entries in trie.items():
        entries.sort(key=lambda e: -len(e[0]))  # longest match first
        trie.seconds[first] = frozenset(words[1] for words, _ in entries if len(words) > 1)
        singles = [value for words, value in entries if len(words) == 1]
        if singles:
            trie.singles[first] = singles[0]  # first one wins (the sort is stable)
        if len(entries) > _SCAN_LIMIT:
            by_length: dict[int, dict[tuple[str, ...], Any]] = {}
            for words, value in entries:
                by_length.setdefault(len(words), {}).setdefault(words, value)  # first one wins
            trie.tables[first] = sorted(by_length.items(), reverse=True)
    trie.firsts = dict.fromkeys(trie)
    return trie


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon, compiled for lookup."""

    hedges: Trie
    expectations: Trie
    evidence: Trie
    demonyms: dict[str, tuple[str, ...]]
    demonym_rules: tuple[Callable[[str], list[str]], ...]  # productive derivations, in order
    anaphors: Trie
    agent_nouns: frozenset[str]
    titles: Trie
    negators: Trie
    subordinators: Trie
    concessive: Trie
    evaluative: Trie
    valuation: Trie
    advice: frozenset[str]
    causal: Trie
    connectives: Trie
    enumeration: Trie
    conclusion: Trie
    contrast: Trie
    relatives: frozenset[str]
    complementizers: frozenset[str]
    prepositions: frozenset[str]
    copulas: frozenset[str]
    auxiliaries: frozenset[str]
    #: the registered insertion rules syntax.json names, in the order they are tried
    insertions: tuple[Insertion, ...] = ()


@functools.cache
def lexicons() -> Lexicons:
    """The shipped lexicons (read once per process)."""
    return load_lexicons(resources.files("claimset") / "lexicons")


def load_lexicons(folder: Traversable) -> Lexicons:
    """The lexicon files of `folder`, compiled, their rule names resolved to the registered
    rules: a name that no rule registers raises `RuleNameError` naming the file and entry."""
    evidence = [(words_of(e["cue"]), e["type"]) for e in _read_lexicon(folder, "evidence.json")]
    actor_lex = _read_lexicon(folder, "actors.json")
    demonyms = {e["name"]: tuple(e["forms"]) for e in actor_lex["demonyms"] if "name" in e}
    demonym_rules = tuple(
        _registered(DEMONYM_RULES, e["rule"], n, e.get("example", ""))
        for n, e in enumerate(actor_lex["demonyms"], start=1)
        if "rule" in e
    )
    anaphors = build_trie((words_of(e["form"]), e["number"]) for e in actor_lex["anaphors"])
    agent_nouns = frozenset(e["form"] for e in actor_lex["agent_nouns"])
    titles = build_trie((words_of(e["form"]), True) for e in actor_lex["titles"])
    syntax = _read_lexicon(folder, "syntax.json")

    def group_words(group: str) -> list[tuple[tuple[str, ...], bool]]:
        return [(words_of(item), True) for item in syntax[group]["items"]]

    def single(group: str) -> frozenset[str]:
        return frozenset(item.lower() for item in syntax[group]["items"])

    return Lexicons(
        hedges=build_trie(_hedge_entries(folder)),
        expectations=build_trie(_expectation_entries(folder)),
        evidence=build_trie(evidence),
        demonyms=demonyms,
        demonym_rules=demonym_rules,
        anaphors=anaphors,
        agent_nouns=agent_nouns,
        titles=titles,
        negators=build_trie(group_words("negators")),
        subordinators=build_trie(group_words("subordinators")),
        concessive=build_trie(group_words("concessive")),
        evaluative=build_trie(group_words("evaluative")),
        valuation=build_trie(group_words("valuation")),
        advice=single("advice"),
        causal=build_trie(group_words("causal")),
        connectives=build_trie(group_words("connectives")),
        enumeration=build_trie(group_words("enumeration")),
        conclusion=build_trie(group_words("conclusion")),
        contrast=build_trie(group_words("contrast")),
        relatives=single("relatives"),
        complementizers=single("complementizers"),
        prepositions=single("prepositions"),
        copulas=single("copulas"),
        auxiliaries=single("auxiliaries"),
        insertions=tuple(
            _registered(INSERTIONS, e["rule"], n, e["example"])
            for n, e in enumerate(syntax["insertions"]["items"], start=1)
        ),
    )


def longest_match(trie: Trie, low: Sequence[str], i: int) -> tuple[int, Any] | None:
    """The longest entry of `trie` starting at token i: (token count, value)."""
    first = low[i]
    entries = trie.get(first)
    if entries is None:
        return None
    if i + 1 == len(low) or low[i + 1] not in trie.seconds[first]:
        # No longer entry goes on with the next word (most lookups): the one-word entry.
        return (1, trie.singles[first]) if first in trie.singles else None
    tables = trie.tables.get(first)
    if tables is not None:
        for n, table in tables:
            if i + n <= len(low) and (words := tuple(low[i : i + n])) in table:
                return n, table[words]
        return None
    for words, value in entries:
        n = len(words)
        # The last word first: most multi-word entries fail there, without building a tuple.
        if n == 1 or (
            i + n <= len(low) and low[i + n - 1] == words[-1] and tuple(low[i : i + n]) == words
        ):
            return n, value
    return None
