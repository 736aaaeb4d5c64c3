"""The lexicons shipped in `claimset/lexicons/`, read once and compiled for lookup."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .words import TOKEN


def _read_lexicon(name: str) -> Any:
    text = (resources.files("claimset") / "lexicons" / name).read_text(encoding="utf-8")
    return json.loads(text)["entries"]


def words_of(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in TOKEN.finditer(text))


@dataclass(frozen=True)
class HedgeCue:
    """An entry of hedges.json."""

    words: tuple[str, ...]
    kind: str
    certainty: str
    rule: str | None
    negative: bool


@dataclass(frozen=True)
class ExpectationCue:
    """A form of an entry of expectations.json."""

    words: tuple[str, ...]
    type: str
    frame: str  # holder | holder-adj | holder-noun | author
    needs: str | None
    negative: bool
    to_type: str | None  # type when the cue takes a bare to-infinitive ("expects to ...")
    obj_to_type: str | None  # type with an object and a to-infinitive ("expects X to ...")
    future_type: str | None  # type when the content is about the future ("thought that ... would")
    speech: bool = False  # reported speech: also a `statement` for other claims (§13.1)


Trie = dict[str, list[tuple[tuple[str, ...], Any]]]


def build_trie(items: Iterable[tuple[tuple[str, ...], Any]]) -> Trie:
    trie: Trie = {}
    for words, value in items:
        trie.setdefault(words[0], []).append((words, value))
    for entries in trie.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest match first
    return trie


@dataclass(frozen=True)
class Lexicons:
    """Every lexicon, compiled for lookup."""

    hedges: Trie
    expectations: Trie
    evidence: Trie
    demonyms: dict[str, tuple[str, ...]]
    anaphors: Trie
    agent_nouns: frozenset[str]
    titles: Trie
    negators: Trie
    subordinators: Trie
    concessive: Trie
    evaluative: Trie
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


@functools.cache
def lexicons() -> Lexicons:
    """The shipped lexicons (read once per process)."""
    hedges = [
        (
            words_of(e["cue"]),
            HedgeCue(
                words_of(e["cue"]),
                e["kind"],
                e["certainty"],
                e.get("rule"),
                bool(e.get("negative")),
            ),
        )
        for e in _read_lexicon("hedges.json")
    ]
    expectations = []
    for e in _read_lexicon("expectations.json"):
        for form in e["forms"]:
            words = words_of(form)
            expectations.append(
                (
                    words,
                    ExpectationCue(
                        words,
                        e["type"],
                        e["frame"],
                        e.get("needs"),
                        bool(e.get("negative")),
                        e.get("to"),
                        e.get("obj_to"),
                        e.get("future"),
                        bool(e.get("speech")),
                    ),
                )
            )
    evidence = [(words_of(e["cue"]), e["type"]) for e in _read_lexicon("evidence.json")]
    actor_lex = _read_lexicon("actors.json")
    demonyms = {e["name"]: tuple(e["forms"]) for e in actor_lex["demonyms"] if "name" in e}
    anaphors = build_trie((words_of(e["form"]), e["number"]) for e in actor_lex["anaphors"])
    agent_nouns = frozenset(e["form"] for e in actor_lex["agent_nouns"])
    titles = build_trie((words_of(e["form"]), True) for e in actor_lex["titles"])
    syntax = _read_lexicon("syntax.json")

    def group_words(group: str) -> list[tuple[tuple[str, ...], bool]]:
        return [(words_of(item), True) for item in syntax[group]["items"]]

    def single(group: str) -> frozenset[str]:
        return frozenset(item.lower() for item in syntax[group]["items"])

    return Lexicons(
        hedges=build_trie(hedges),
        expectations=build_trie(expectations),
        evidence=build_trie(evidence),
        demonyms=demonyms,
        anaphors=anaphors,
        agent_nouns=agent_nouns,
        titles=titles,
        negators=build_trie(group_words("negators")),
        subordinators=build_trie(group_words("subordinators")),
        concessive=build_trie(group_words("concessive")),
        evaluative=build_trie(group_words("evaluative")),
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
    )


def longest_match(trie: Trie, low: Sequence[str], i: int) -> tuple[int, Any] | None:
    """The longest entry of `trie` starting at token i: (token count, value)."""
    for words, value in trie.get(low[i], ()):
        n = len(words)
        if tuple(low[i : i + n]) == words:
            return n, value
    return None
