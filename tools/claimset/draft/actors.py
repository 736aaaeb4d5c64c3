"""Actors: the registry compiled for matching, mentions in a sentence, anaphors and salience."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import jsonio
from ..errors import InvalidLine
from ..models import Actor, first_error
from ..project import Project
from .affiliation import affiliations, institution_state, people_of, publics
from .lexicons import Lexicons, build_trie, lexicons, longest_match
from .registry import demonym_rule
from .sentence import Sentence
from .types import Candidate
from .words import GENERIC, QUANTIFIERS, tokenize

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


@dataclass
class Mention:
    """An actor named in a sentence (tokens i..j)."""

    ref: str
    i: int
    j: int
    possessive: bool = False
    after_preposition: bool = False
    compound: bool = False  # part of "Russia-Korea ...": a modifier, not a participant
    anaphor: bool = False
    quote: tuple[int, int] | None = None  # the naming phrase, when wider ("Turkish officials")
    resolved: str | None = None  # the one party an anaphor stands for ("he", "the country")
    institution: bool = False  # "the Petro administration": the state the person leads
    leader: str | None = None  # the person an institution is named after (Petro)
    shared: bool = False  # named by a form two registered persons share ("Lee"): see shared_name

    @property
    def words(self) -> tuple[int, int]:
        """Tokens of the actor quote: the naming phrase (guidelines §6.3)."""
        return self.quote or (self.i, self.j)


def find_mentions(s: Sentence, index: ActorIndex) -> list[Mention]:
    """Every actor named or referred to in the sentence, left to right (longest form first)."""
    lex = lexicons()
    norm = ["the" if t == "the" else tok for t, tok in zip(s.low, s.toks, strict=True)]
    names, anaphors = index.trie.firsts, lex.anaphors.firsts
    out: list[Mention] = []
    i = 0
    while i < s.n:
        if norm[i] not in names and s.low[i] not in anaphors and norm[i] != "the":
            i += 1  # most words name no actor and refer to none
            continue
        if (
            s.low[i] == "the"
            and i + 3 < s.n
            and s.low[i + 1] in lex.agent_nouns
            and s.low[i + 2] in ("in", "of")
            and (g := longest_match(index.trie, norm, i + 3)) is not None
        ):
            # "the government in Kyiv", "the leadership of North Korea": the party named.
            j = i + 3 + g[0]
            out.append(
                Mention(
                    g[1],
                    i,
                    j,
                    after_preposition=i > 0 and s.low[i - 1] in lex.prepositions,
                )
            )
            i = j
            continue
        m = longest_match(index.trie, norm, i) if norm[i] in index.trie else None
        if m is not None:
            mention = _registry_mention(s, i, i + m[0], m[1], index, norm)
            out.append(mention)
            i = mention.j
            continue
        a = longest_match(lex.anaphors, s.low, i) if s.low[i] in lex.anaphors else None
        if a is not None and not (s.low[i] == "it" and is_expletive(s, i)):
            out.append(Mention(a[1], i, i + a[0], anaphor=True))
            i += a[0]
            continue
        i += 1
    return out


def _registry_mention(
    s: Sentence, i: int, j: int, ref: str, index: ActorIndex, norm: list[str]
) -> Mention:
    """The mention of a registry form at tokens i..j, with its naming phrase."""
    if index.kinds.get(ref) == "person" and _leads_institution(s, j):
        # "the Sheinbaum government", "Petro's administration": the state, not the person
        # (guidelines §14.2), resolved like "his government".
        k = j + 2 if s.low[j] in ("'s", "’s") else j + 1  # past the institution noun
        quote = _naming_phrase(s, i, j, "person") or (i, k)
        return Mention(
            "singular", i, k, anaphor=True, quote=(quote[0], k), institution=True, leader=ref
        )
    public = people_of(s, i, j, index.publics.get(ref))
    if public is not None:
        ref = public  # "Many Japanese are concerned ...": the public, not the state (§14.2)
    place = (
        j - i == 1
        and j < s.n
        and s.toks[j][:1].isupper()
        and s.toks[j].isalpha()
        and longest_match(index.trie, norm, j) is None
    )
    return Mention(
        ref,
        i,
        j,
        possessive=j < s.n and s.low[j] in ("'s", "’s", "'", "’"),
        after_preposition=i > 0 and s.low[i - 1] in lexicons().prepositions,
        # "Russia-Korea summit", "the Korean Peninsula": a modifier of a name.
        compound=(i > 0 and s.low[i - 1] in ("-", "–"))
        or (j < s.n and s.low[j] in ("-", "–"))
        or place,
        quote=_naming_phrase(s, i, j, index.kinds.get(ref, "")),
    )


_INSTITUTIONS = frozenset(["government", "administration", "cabinet"])


def _leads_institution(s: Sentence, j: int) -> bool:
    """Whether a person's name ending at token j heads a state's institution (*the Sheinbaum
    government*, *Petro's administration*, *the Trump Administration*)."""
    k = j + 1 if j < s.n and s.low[j] in ("'s", "’s") else j
    return k < s.n and s.low[k] in _INSTITUTIONS


#: Head nouns of documents that speak for the party that issued them.
DOCUMENTS = frozenset(
    [
        "strategy",
        "review",
        "report",
        "assessment",
        "statement",
        "doctrine",
        "paper",
        "plan",
        "declaration",
        "communique",
        "concept",
        "guidelines",
        "survey",
    ]
)


def issued_documents(s: Sentence, mentions: list[Mention], index: ActorIndex) -> ActorIndex:
    """The index with the abbreviation of a document a party issued, introduced as *Australia's
    National Defence Strategy (NDS)*: later *the NDS states that ...* speaks for that party."""
    for m in mentions:
        if not m.possessive or m.anaphor or index.kinds.get(m.ref) in ("person", None):
            continue
        k = m.j + 1
        while k < s.n and k < m.j + 8 and s.toks[k].isalpha() and s.low[k] not in DOCUMENTS:
            k += 1
        if not (k + 3 < s.n and s.low[k] in DOCUMENTS and s.toks[k + 1] == "("):
            continue
        abbreviation = s.toks[k + 2]
        if (
            s.toks[k + 3] == ")"
            and abbreviation.isupper()
            and abbreviation.isalpha()
            and 1 < len(abbreviation) < 7
            and (abbreviation,) not in index.forms
        ):
            index = index.with_form(abbreviation, m.ref)
    return index


def _naming_phrase(s: Sentence, i: int, j: int, kind: str) -> tuple[int, int] | None:
    """The whole phrase naming a party when it is wider than the registry form (guidelines
    §6.3): an agent noun after a demonym or possessive (*Turkish officials*, *Russia's
    leaders*, *a Chinese official*), a title before a person's name (*President Erdogan*)."""
    lex = lexicons()
    a, b = i, j
    k = j + 1 if j < s.n and s.low[j] in ("'s", "’s") else j
    if k < s.n and s.low[k] in lex.agent_nouns and s.toks[k].islower():
        b = k + 1
        if a > 0 and s.low[a - 1] in QUANTIFIERS:
            a -= 1
    elif a > 0 and s.low[a - 1] in ("most", "many", "some", "several"):
        a -= 1  # "Most economists"
    if a == i and a > 0 and s.low[a - 1] == "the" and (b > j or s.toks[i].isupper()):
        a -= 1  # "the Russian government", "the US": the determiner of the whole phrase
    if kind == "person":
        for start in range(max(0, i - 3), i):
            m = longest_match(lex.titles, s.low, start) if s.low[start] in lex.titles else None
            if m is not None and start + m[0] == i and s.toks[start][:1].isupper():
                a = start
                break
    return (a, b) if (a, b) != (i, j) else None


def is_expletive(s: Sentence, i: int) -> bool:
    """ "it" in "it is hard to say", "it seems", "it is likely that": no referent."""
    nxt = [w for w in s.low[i + 1 : i + 5] if w not in ('"', "“")][:3]
    if not nxt:
        return True
    if nxt[0] in ("is", "was") and len(nxt) > 1 and nxt[1].endswith("ing"):
        return nxt[1] in ("going", "becoming", "getting")  # 'it was "seeking ...': referential
    if nxt[0] in ("seems", "seemed", "appears", "appeared", "remains", "goes", "would", "'s"):
        return True
    return nxt[0] in ("is", "was") and len(nxt) > 1 and nxt[1] not in ("a", "an", "the")


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
