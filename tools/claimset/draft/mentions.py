"""Finding the parties a sentence names or refers to (`Mention`): registry forms, the phrase
naming one (*Turkish officials*, *President Erdogan*), a party's own documents, expletive *it*."""

from __future__ import annotations

from dataclasses import dataclass

from .actor_index import ActorIndex
from .affiliation import people_of
from .lexicons import lexicons, longest_match
from .sentence import Sentence
from .words import QUANTIFIERS


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
