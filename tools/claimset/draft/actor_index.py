"""The registry compiled for matching: each party's forms (its name, aliases, derived demonyms,
publics and affiliations), the short names persons share, and reading corpus/actors.jsonl."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import jsonio
from ..errors import InvalidLine
from ..models import Actor, first_error
from ..project import Project
from .affiliation import affiliations, publics
from .lexicons import Lexicons, build_trie, lexicons
from .registry import demonym_rule
from .words import GENERIC, tokenize

AUTHOR = "author"

_PARENS = re.compile(r"\(([^()]*)\)")


def _plural(demonym: str) -> str:
    """The plural noun of a demonym (*Brazilian* → *Brazilians*, *Pakistani* → *Pakistanis*);
    *Chinese*, *French*, *British*, *Swiss* stay as they are."""
    if demonym.endswith(("an", "i")) and demonym[-1:].isalpha():
        return demonym + "s"
    return demonym


def _derived_demonyms(name: str) -> list[str]:
    """Demonyms of a one-word name or the last word of a multiword name (*South Korea* → *South
    Korean*) by the productive derivations actors.json lists (the first that applies)."""
    if not name or not name[:1].isupper() or not name.isalpha():
        return []
    for derive in lexicons().demonym_rules:
        forms = derive(name)
        if forms:
            return forms
    return []


@demonym_rule("ia-ian")
def ia_to_ian(name: str) -> list[str]:
    """-ia → -ian (*Russia* → *Russian*, *Russians*; *India* → *Indian*)."""
    return [name + "n", name + "ns"] if name.endswith("ia") else []


@demonym_rule("a-an")
def a_to_an(name: str) -> list[str]:
    """-a → -an (*Korea* → *Korean*, *Koreans*; *Africa* → *African*)."""
    return [name + "n", name + "ns"] if name.endswith("a") else []


class ActorIndex:
    """The actor registry compiled for matching: surface forms → actor id.

    Forms come from each actor's name and aliases, plus derived forms: without a leading "the",
    demonyms (`lexicons/actors.json` and the -ian/-an rules). A registry form always wins over a
    derived one, and a derived form claimed by two actors is dropped.
    """

    def __init__(self, actors: Iterable[Actor | Mapping[str, Any]]) -> None:
        lex = lexicons()
        explicit: dict[tuple[str, ...], str] = {}
        derived: dict[tuple[str, ...], set[str]] = {}
        self.kinds: dict[str, str] = {}
        actors_seen: list[Actor] = []
        for raw in actors:
            actor = raw if isinstance(raw, Actor) else Actor.model_validate(dict(raw))
            actors_seen.append(actor)
            self.kinds[actor.id] = actor.kind
            if actor.kind == "author":
                continue
            names = [actor.name, *actor.aliases]
            for name in names:
                key = self._key(name)
                if key and not _PARENS.search(name):
                    explicit.setdefault(key, actor.id)
            for name in names:
                extra = _derived_forms(name, actor.kind, lex)
                for form in extra:
                    key = self._key(form)
                    if key:
                        derived.setdefault(key, set()).add(actor.id)
        self.group_words = _group_words(actors_seen, explicit)
        self.forms = dict(explicit)
        for key, ids in derived.items():
            if key not in self.forms and len(ids) == 1:
                self.forms[key] = next(iter(ids))
        self.trie = build_trie(self.forms.items())
        self.affiliations = affiliations(actors_seen, self.forms, self.kinds)
        self.publics = publics(actors_seen, self.affiliations)
        self._index_shared_names(actors_seen)

    def _index_shared_names(self, actors: list[Actor]) -> None:
        """`shared` (see `_shared_names`), its persons, and the first words of its forms."""
        self.shared, self._full_names = _shared_names(actors, self.forms, self._key)
        self.shared_persons = frozenset(ref for refs in self.shared.values() for ref in refs)
        self.shared_first = frozenset(form[0] for form in self.shared)  # a quick test first
        # The first word of each full name: a substring test for them spares most sentences
        # the pattern's scan, which tries every name at every character.
        owners = self._full_names[1] if self._full_names is not None else {}
        self._full_name_starts = frozenset(name.split()[0] for name in owners)

    def full_names(self, text: str) -> list[str]:
        """The persons of `shared` forms that `text` names in full (by a form of theirs that is
        no shared one), in text order."""
        if self._full_names is None or not any(w in text for w in self._full_name_starts):
            return []
        pattern, owners = self._full_names
        return [owners[m.group()] for m in pattern.finditer(text)]

    def allied(self, a: str, b: str) -> bool:
        """Whether two parties are one, or one belongs to the other by name."""
        return a == b or b in self.affiliations.get(a, ()) or a in self.affiliations.get(b, ())

    def with_form(self, form: str, ref: str) -> ActorIndex:
        """A copy of the index where `form` (a single token) also names actor `ref`."""
        other = copy.copy(self)
        other.forms = {**self.forms, (form,): ref}
        other.trie = build_trie(other.forms.items())
        return other

    @staticmethod
    def _key(form: str) -> tuple[str, ...]:
        words = [form[a:b] for a, b in tokenize(form)]
        if words and words[0].lower() == "the":
            words[0] = "the"
        while len(words) > 1 and words[-1] in (".", ",", ";", ":") and len(words[-2]) > 1:
            words.pop()  # "EU." → "EU" (but "U.S." keeps its dots)
        if not any(w[:1].isalnum() for w in words) or words == ["the"]:
            return ()  # "—", ".", "the": no name (a registry typo must not match everything)
        return tuple(words)


def _derived_forms(name: str, kind: str, lex: Lexicons) -> list[str]:
    """The forms one registry name implies besides itself: its parts around a bracketed
    abbreviation, without a leading "the", demonyms and their plurals, a person's surname, the
    name after a title, a derived adjective, and a lower-case name capitalised."""
    extra: list[str] = []
    inner = _PARENS.search(name)
    if inner:
        # "European Union (EU)", "(EU)": the name and the abbreviation alone.
        extra += [inner.group(1).strip(), _PARENS.sub(" ", name).strip()]
        name = " ".join(_PARENS.sub(" ", name).split()) or name
    bare = name[4:] if name.lower().startswith("the ") else name
    if bare != name:
        extra.append(bare)
    demonyms = [*lex.demonyms.get(name, ()), *lex.demonyms.get(bare, ())]
    extra += demonyms
    extra += [_plural(d) for d in demonyms if _plural(d) != d]
    if kind == "person" and len(bare.split()) > 1:
        last = bare.split()[-1]
        if last.isalpha() and last[:1].isupper() and len(last) > 2:
            extra.append(last)  # "Vladimir Putin" → "Putin"
    for first in ("Mr", "Ms", "Mrs", "Dr"):
        if bare.startswith(first + " "):
            extra.append(bare[len(first) + 1 :])
    head, _, last = bare.rpartition(" ")
    if any(w[:1].islower() for w in bare.split()):
        last = ""  # "Republic of Korea": no derived adjective
    for form in _derived_demonyms(last):
        extra.append(f"{head} {form}" if head else form)
    if bare[:1].islower():
        extra.append(bare[:1].upper() + bare[1:])  # "analysts" opening a sentence
    return extra


def _part_of(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """Whether the words `small` occur together, in order, inside the longer `big`."""
    n = len(small)
    return n < len(big) and any(big[k : k + n] == small for k in range(len(big) - n + 1))


def _shared_names(
    actors: list[Actor],
    forms: Mapping[tuple[str, ...], str],
    key: Callable[[str], tuple[str, ...]],
) -> tuple[dict[tuple[str, ...], tuple[str, ...]], tuple[re.Pattern[str], dict[str, str]] | None]:
    """A person's forms that are a part of another registered person's name or alias (*Lee*
    and *President Lee* of Lee Myung-bak inside *Lee Jae Myung*): form → the persons it may
    name, its owner first; and a pattern finding the persons of such forms named in full.

    Persons only: a short name of a person names whoever of that name the text is about,
    while a state's short name is a convention of its own (*Korea* for South Korea).
    """
    names = {
        actor.id: [name for name in [actor.name, *actor.aliases] if key(name)]
        for actor in actors
        if actor.kind == "person"
    }
    keys = {ref: [key(name) for name in found] for ref, found in names.items()}
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for form, owner in forms.items():
        if owner not in keys:
            continue
        others = sorted(
            ref
            for ref, own in keys.items()
            if ref != owner and (form in own or any(_part_of(form, k) for k in own))
        )
        if others:
            shared[form] = (owner, *others)
    if not shared:
        return shared, None
    persons = {ref for refs in shared.values() for ref in refs}
    owners = {
        name: ref
        for ref in sorted(persons)
        for name in names[ref]
        if key(name) not in shared and not _PARENS.search(name)
    }
    if not owners:
        return shared, None
    alternatives = "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True))
    return shared, (re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), owners)


#: Nouns that name a relation to another party, not a group of its own: *the partners
#: welcomed ...* names whoever the context makes partners, not the registered "AUKUS partners".
RELATIONAL = frozenset(
    ["partners", "allies", "neighbours", "neighbors", "members", "sides", "parties", "rivals"]
)


#: Unnamed outside commentators, and people named only by their stance in a debate: the one
#: registered group of commentators, *analysts* (§14.2, v1.4), unless the registry says more.
COMMENTATORS = (
    frozenset(["critics", "critic", "skeptics", "skeptic", "sceptics", "scholars", "scholar"])
    | frozenset(["academics", "researchers", "pundits", "analyst", "expert", "observer"])
    | frozenset(["commentator", "supporters", "opponents", "proponents", "detractors"])
)


def _group_words(actors: list[Actor], explicit: Mapping[tuple[str, ...], str]) -> dict[str, str]:
    """Common nouns of group and organization names (*business* of "the Australian business
    community") that belong to exactly one actor and are no name of their own.

    Only words written in lower case outside brackets: a capitalised word is part of a proper
    name (*North Atlantic Treaty Organization*, *United Kingdom*), and a bracketed gloss
    describes the entry for readers (*Members of Congress (individually or some of them)*,
    *AUKUS (... security partnership)*), so neither describes the group in running text."""
    names = {w.lower() for key in explicit for w in key}
    owners: dict[str, set[str]] = {}
    for actor in actors:
        if actor.kind not in ("group", "organization"):
            continue
        for name in [actor.name, *actor.aliases]:
            for word in _PARENS.sub(" ", name).split():
                word = word.strip(",.;:")
                if (
                    len(word) > 3
                    and word.isalpha()
                    and word.islower()
                    and word not in GENERIC
                    and word not in RELATIONAL
                ):
                    owners.setdefault(word, set()).add(actor.id)
    single_words = {key[0].lower() for key in explicit if len(key) == 1}
    words = {
        w: next(iter(ids))
        for w, ids in owners.items()
        if len(ids) == 1 and w not in single_words and not (w[:1].isupper() and w in names)
    }
    commentators = explicit.get(("analysts",))
    if commentators is not None:
        for w in COMMENTATORS:
            if w not in single_words:
                words.setdefault(w, commentators)
    return words


def load_actors(project: Project) -> ActorIndex:
    """The project's actor registry (corpus/actors.jsonl; missing means only the author)."""
    path = project.actors_path
    if not path.exists():
        return ActorIndex([])
    return load_actor_file(path, project.relative(path))


def load_actor_file(path: Path, display: str | None = None) -> ActorIndex:
    """An actor registry read from a JSONL file (`actors.jsonl`) anywhere."""
    display = display or str(path)
    actors = []
    for lineno, record in jsonio.read_jsonl_numbered(path, display):
        try:
            actors.append(Actor.model_validate(record))
        except ValidationError as exc:
            raise InvalidLine(
                f"not a valid actor ({first_error(exc)}); run `claimset validate`",
                file=display,
                line=lineno,
            ) from exc
    return ActorIndex(actors)
