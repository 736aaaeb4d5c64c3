"""The target of a claim: the party the expectation is directed at or about (guidelines §9)."""

from __future__ import annotations

from ..actor_index import AUTHOR, ActorIndex
from ..clauses import subject_end
from ..context import coordinated_mention, party_of
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence
from ..types import Candidate
from ..words import FINITE, PARTICIPLES, SIDES, inflection, is_verb
from .coordination import shared_subject, split_predicate
from .target_context import implicit_target


def find_target(
    s: Sentence,
    cand: Candidate,
    mentions: list[Mention],
    actors: ActorIndex | None = None,
) -> str | None:
    """The party the expectation is directed at or about (guidelines §9), or None. With the
    registry (`actors`), the state a holder belongs to by name counts as the holder itself
    (v1.3: *Russian President Putin has said Russia might help North Korea* → `north_korea`)."""
    named = mentions
    if actors is not None:
        mentions = [m for m in mentions if not _own_side(cand, m, actors)]
    if cand.parent is not None and cand.target_hint is None and not cand.own_subject:
        # Coordinated predicates share the target (*hopes that Moscow will help … and employ
        # …*: Moscow acts in both), unless the second is the holder's own predicate, in the
        # form of its attitude verb, naming its own party (*pledged to strengthen ties and
        # offered "full support" to de la Espriella*).
        parent, a = cand.parent, cand.span[0]
        holders_own = (
            parent.frame == "holder"
            and inflection(s.low[parent.cue]) == inflection(s.low[a]) != ""
            and a == cand.cue
        )
        # The speaker's own declared course names its own party in each predicate (*I'm
        # going to take action and make sure the pain falls on the Russian economy*).
        speakers = parent.frame == "holder" and AUTHOR in parent.holder
        own = _named_target(s, cand, mentions) if holders_own or speakers else None
        return own or find_target(s, parent, mentions, actors)
    if cand.target_hint is not None:
        return cand.target_hint if cand.target_hint not in cand.holder else None
    if _joint_subject(s, cand, mentions):
        return None
    found = _named_target(s, cand, mentions)
    if found is not None or _joint(s, cand, mentions):
        return found
    side = set(cand.holder) | {m.ref for m in named if m not in mentions}
    return _partner_in_compound(s, cand, named, side) or implicit_target(s, cand, mentions, actors)


def _own_side(cand: Candidate, m: Mention, actors: ActorIndex) -> bool:
    """Whether the mention names the holder's own state (a person or body of a state counts as
    that state, guidelines §9 v1.3), so it is "the actor itself", never the target. A group
    does not: the public of a country is no part of its state (§14.2), and *Some Indonesians
    fear that Indonesia's democracy may suffer* is about Indonesia."""
    ref = party_of(m)
    return ref is not None and any(
        h != ref and actors.kinds.get(h) != "group" and actors.allied(h, ref) for h in cand.holder
    )


def _partner_in_compound(
    s: Sentence, cand: Candidate, mentions: list[Mention], side: set[str]
) -> str | None:
    """ "Seoul hopes to revive Seoul-Moscow ties": in a compound pairing two parties, the
    holder's partner (a relation named from both sides is directed at the other one). The
    holder's side is the holder and its own state (v1.3: *President Moon has vowed to revive
    Korea-Japan ties* → Japan)."""
    a, b = cand.span
    for m in mentions:
        if m.anaphor or not (a <= m.i and m.j < b) or s.low[m.j] not in ("-", "–"):
            continue
        other = next((o for o in mentions if o.i == m.j + 1 and not o.anaphor), None)
        if other is None or other.j > b or _chained(s, m, other):
            continue
        if m.ref in side and other.ref not in side:
            return other.ref
        if other.ref in side and m.ref not in side:
            return m.ref
    return None


def _chained(s: Sentence, m: Mention, other: Mention) -> bool:
    """Whether the compound of two parties goes on past them (*the Washington-Tokyo-Seoul
    alliance*): three or more parties jointly, no one partner (§9, rule 6)."""
    before = m.i > 0 and s.low[m.i - 1] in ("-", "–")
    return before or (other.j < s.n and s.low[other.j] in ("-", "–"))


# Adjectives that make the thing they qualify several parties' at once (*bilateral efforts*).
_JOINT = frozenset(["bilateral", "trilateral", "multilateral", "joint", "mutual"])
# Number words of a group of parties (*the three countries*).
_SEVERAL = frozenset(["two", "three", "four", "five", "several"])


def _joint_subject(s: Sentence, cand: Candidate, mentions: list[Mention]) -> bool:
    """Whether the subject of a clause that opens the span is several unnamed parties acting
    jointly (*Bilateral efforts led to ...*, *the three governments agreed ...*): joint agents
    give no target (guidelines §9, rule 3), even when a single party is named later in the
    span. A subject that names a partner (*joint exercises with Tokyo will resume*) is left to
    rules 3-5: the actor does not count, the partner is the target."""
    a, b = cand.span
    if cand.frame != "author" and not (a > 0 and s.low[a - 1] == "that"):
        return False  # an infinitive or noun-phrase content has no subject of its own
    end = min(subject_end(s, a, b), a + 6)
    if any(a <= m.i < end for m in mentions):
        return False
    low = s.low
    return any(
        w in _JOINT or (w in _SEVERAL and k > a and low[k - 1] in ("the", "these", "those"))
        for k, w in enumerate(low[a:end], start=a)
    )


# Words after *and* that join a party with unnamed others (*Seoul and other countries*).
_OTHERS = frozenset(["other", "others", "its", "their", "our", "your", "partners", "allies"])


def _with_others(s: Sentence, m: Mention) -> bool:
    """Whether the party is coordinated with unnamed others (*Seoul and other countries*,
    *Tokyo and its partners*): several parties jointly (guidelines §9, rule 6)."""
    return m.j + 1 < s.n and s.low[m.j] in ("and", "or") and s.low[m.j + 1] in _OTHERS


def _second_of_between(s: Sentence, m: Mention) -> bool:
    """Whether the party is the second of *between X and Y*, X a pronoun or a description
    (*tension between them and their Soviet advisers*): a relation, no one target (rule 6)."""
    k = m.i - 1
    while k > 0 and s.low[k] in ("their", "its", "his", "her", "the", "our"):
        k -= 1
    if k < 2 or s.low[k] != "and":
        return False
    return any(s.low[t] == "between" for t in range(max(0, k - 4), k - 1))


def _joined_to_a_name(s: Sentence, m: Mention) -> bool:
    """Whether the party is coordinated with a capitalised name or demonym the registry does not
    hold (*Soviet and Cuban efforts*, *the Soviets or Cubans*): parties named jointly."""
    toks, low = s.toks, s.low
    after = m.j + 1 < s.n and low[m.j] in ("and", "or") and toks[m.j + 1][:1].isupper()
    before = m.i > 2 and low[m.i - 1] in ("and", "or") and toks[m.i - 2][:1].isupper()
    return after or before


def _joint(s: Sentence, cand: Candidate, mentions: list[Mention]) -> bool:
    """Whether the span names parties jointly (*between Russia and Korea*, *both Koreas*,
    *Seoul and other countries*)."""
    a, b = cand.span
    return (
        any(a <= m.i < b and not m.anaphor and _with_others(s, m) for m in mentions)
        or any(
            a <= m.i < b
            and not m.anaphor
            and m.ref not in cand.holder
            and coordinated_mention(s, m, mentions)
            for m in mentions
        )
        or any(a <= m.i < b and m.ref == "both" for m in mentions)
        or any(
            w in ("neither", "either", "each") and k + 1 < b and s.low[k + 1] in SIDES
            for k, w in enumerate(s.low[a:b], start=a)
        )
    )


def _named_target(s: Sentence, cand: Candidate, mentions: list[Mention]) -> str | None:
    """A party named (or referred to) in the span (guidelines §9, rules 3-5)."""
    pool = _parties_in_span(s, cand, mentions)
    if any(_second_of_between(s, m) or _joined_to_a_name(s, m) for m in pool):
        # "tension between them and their advisers", "Soviet and Cuban efforts": a relation
        # or several parties jointly, no one target (rule 6)
        return None
    if pool and _joint_before(s, cand, mentions, pool[0]):
        # "deepen its cooperation with the United States, Japan and Australia in the Quad":
        # several parties jointly, no one target (guidelines §9, rule 6).
        return None
    if cand.frame != "author":
        return party_of(_content_subject(s, cand, pool) or pool[0]) if pool else None
    return _author_target(s, cand, mentions, pool)


def _content_subject(s: Sentence, cand: Candidate, pool: list[Mention]) -> Mention | None:
    """In a party's clausal content (*assessed that by receiving Russian technology, North
    Korea may pose a threat*), the party that is the clause's subject, right before its finite
    verb or modal: the agent of rule 3, whatever adjuncts come first."""
    a = cand.span[0]
    if a == 0 or s.low[a - 1] != "that":
        return None
    for m in pool:
        k = m.j
        while k < s.n and s.low[k].endswith("ly"):
            k += 1
        if k < s.n and s.low[k] in FINITE and not m.after_preposition:
            return m
    return None


def _parties_in_span(s: Sentence, cand: Candidate, mentions: list[Mention]) -> list[Mention]:
    """Mentions in the span naming one party other than the holder and the author."""
    a, b = cand.span
    return [
        m
        for m in mentions
        if a <= m.i
        and m.j <= b
        and (ref := party_of(m)) is not None
        and not m.compound
        and ref not in cand.holder
        and ref != AUTHOR
        and not coordinated_mention(s, m, mentions)
        and not _with_others(s, m)
        and not (m.i in s.inserted and s.low[m.i - 1] in ("(", "including"))
        and not _foil(s, a, m)
        and not _place(s, a, m)
        and not _in_example(s, a, m)
        and not _in_adverbial_clause(s, a, m)
        and not _people_of(s, m, mentions)
    ]


#: Nouns of a state's people (*the American people*, *Korean workers*): persons of a
#: nationality, not the state (§14.2: the public of a country is no part of its state).
_PEOPLE = frozenset(
    [
        "people",
        "peoples",
        "citizens",
        "nationals",
        "workers",
        "residents",
        "civilians",
        "students",
        "voters",
        "migrants",
        "refugees",
        "laborers",
        "labourers",
        "tourists",
        "population",
        "populations",
    ]
)


def _people_of(s: Sentence, m: Mention, mentions: list[Mention]) -> bool:
    """Whether the mention modifies a noun of people (*the American people*, *Chinese
    workers*, *Korean and Japanese citizens*): the persons are no party (§9)."""
    k = m.j
    while k < s.n and (any(o.i == k for o in mentions) or s.low[k] in ("and", ",")):
        k = next((o.j for o in mentions if o.i == k), k + 1)
    return k < s.n and s.low[k] in _PEOPLE and not m.possessive


# Conjunctions that open an adverbial clause of time, cause or condition inside a span.
_ADVERBIAL_CLAUSES = frozenset(
    [
        "since",
        "when",
        "after",
        "before",
        "while",
        "because",
        "until",
        "once",
        "whenever",
    ]
)


def _in_adverbial_clause(s: Sentence, a: int, m: Mention) -> bool:
    """Whether the mention is the subject of an adverbial clause inside the span (*relations
    have improved dramatically since Russia launched its invasion*): its party is the agent of
    the background event, not of the claim (§9, rule 3; §4.3 temporal clauses)."""
    low = s.low
    k = m.i - 1
    while k > a and (low[k] in ("the", "its", "their") or s.toks[k][:1].isupper()):
        k -= 1
    if k <= a or low[k] not in _ADVERBIAL_CLAUSES:
        return False
    t = m.j
    while t < s.n and low[t].endswith("ly"):
        t += 1
    return t < s.n and (low[t] in FINITE or is_verb(low[t]))


# Prepositions of place: a state named right after one is where something happens (§9).
_LOCATIVE = frozenset(["in", "inside", "within", "throughout", "across"])
# Words that open examples embedded in a span (§7.2 keeps them in the span).
_EXAMPLES = frozenset(["including", "especially", "particularly", "notably", "like"])


def _place(s: Sentence, a: int, m: Mention) -> bool:
    """Whether the mention names a place, not a party (guidelines §9, "Places are not
    parties"): a state right after *in*, *within*, *across* inside the span (*operations in
    Mexico*), not its possessive (*in Mexico's interest*), nor a frame opening the span (*that
    in Russia the economy is mismanaged*: Russia's economy, §9 rule 4)."""
    return m.i - 1 > a and s.low[m.i - 1] in _LOCATIVE and not m.possessive


def _in_example(s: Sentence, a: int, m: Mention) -> bool:
    """Whether the mention stands in an example embedded in the span (*develop a new class of
    submarines, including cutting-edge U.S. technologies*; *several areas, such as AUKUS
    objectives*): an example is no participant of the proposition (§9, rules 3-5). An example
    inserted between commas ends at the comma before the main clause's verb (*investment,
    particularly in mining, is Seoul's best option*: Seoul is in the main clause); a verb of a
    relative clause inside it does not (*including nations that are members of NATO*)."""
    low = s.low
    for t in range(m.i - 1, a, -1):
        if low[t] in _EXAMPLES or low[t - 1 : t + 1] == ["such", "as"]:
            return True
        if (s.stop[t] and low[t] != ",") or (low[t] in FINITE and low[t - 1] == ","):
            return False
    return False


def _foil(s: Sentence, a: int, m: Mention) -> bool:
    """Whether the mention is in the foil of a comparison or contrast (*much more attractive
    than the frameworks proposed by Moscow*, *instead of Beijing*): a party named as a foil is
    no agent of the claim (guidelines §9, rule 3). *more than 10,000 troops* compares no
    party."""
    low = s.low
    for t in range(max(a, m.i - 8), m.i):
        foil = low[t] in ("than", "unlike") or low[t : t + 2] == ["instead", "of"]
        if foil and not low[t + 1][:1].isdigit():
            return not any(s.stop[x] for x in range(t + 1, m.i))
    return False


def _joint_before(s: Sentence, cand: Candidate, mentions: list[Mention], first: Mention) -> bool:
    """Parties named jointly in the span before its first single party."""
    a = cand.span[0]
    return any(
        coordinated_mention(s, m, mentions) and a <= m.i < first.i and m.ref not in cand.holder
        for m in mentions
    )


def _author_target(
    s: Sentence, cand: Candidate, mentions: list[Mention], pool: list[Mention]
) -> str | None:
    """For the author's claims: the party in or owning the subject; for an obligation without
    one, the party named in the condition."""
    a, b = cand.span
    coordinated_it = _coordinated_it(s, cand, mentions)
    if coordinated_it is not None:
        return coordinated_it
    if split_predicate(s, a):
        return _split_predicate_target(s, a, mentions)
    if s.low[a] in FINITE:
        # After "but" (*may be lauding … but has to regard them as …*): the second conjunct
        # of a concession is often the party's own constrained view (§8.2), whose target is
        # what it regards: the party named last before it.
        for m in sorted(mentions, key=lambda m: -m.i):
            if m.j <= a and not m.after_preposition and not m.compound and party_of(m) is not None:
                return party_of(m)
    agent = _passive_agent(s, cand, pool)
    if agent is not None:
        return agent
    subj_end = subject_end(s, a, b)
    if _several_in_subject(s, cand, mentions, pool, subj_end):
        return None
    first = (
        [m for m in pool if m.i < subj_end]
        or [m for m in pool if m.possessive]
        or [m for m in pool if not m.after_preposition]
        or _agents_of_action_nouns(s, pool)
    )
    if not first and cand.type == "obligation":
        # "If Russia expects ..., due attention should be paid": the condition names the agent.
        first = [m for m in mentions if m.j <= a and not m.after_preposition and not m.anaphor]
    return party_of(first[0]) if first else None


def _agents_of_action_nouns(s: Sentence, pool: list[Mention]) -> list[Mention]:
    """The parties named as the agent of an action noun (*set the stage for provocations by
    Tokyo*), not of a passive participle (*the version referenced by Tokyo*)."""
    return [m for m in pool if m.i > 1 and s.low[m.i - 1] == "by" and not is_verb(s.low[m.i - 2])]


def _split_predicate_target(s: Sentence, a: int, mentions: list[Mention]) -> str | None:
    """A predicate split off by coordination ("and will not be expressing ...", ", and hosts
    ..."): its subject is the previous conjunct's, else the party named last before it as no
    object of a preposition (not a state's people, *Importing Korean workers has helped Japan
    grow and kept ...*: Japan)."""
    subject = shared_subject(s, a, mentions)
    if subject is not None and not _people_of(s, subject, mentions):
        return party_of(subject)
    return next(
        (
            party_of(m)
            for m in sorted(mentions, key=lambda m: -m.i)
            if m.j <= a
            and not m.after_preposition
            and not m.compound
            and party_of(m)
            and not _people_of(s, m, mentions)
        ),
        None,
    )


def _several_in_subject(
    s: Sentence, cand: Candidate, mentions: list[Mention], pool: list[Mention], end: int
) -> bool:
    """Whether the subject of the author's clause (up to token `end`) is a thing of two or more
    parties: a compound pairing them, several parties in it (§9 rules 4 and 6)."""
    if _paired_subject(s, cand, mentions, end):
        return True
    return end < cand.span[1] and _thing_of_several(s, cand.span[0], [m for m in pool if m.i < end])


def _paired_subject(s: Sentence, cand: Candidate, mentions: list[Mention], end: int) -> bool:
    """Whether the subject of the author's clause (tokens up to its first verb) is a thing of
    two parties named in a compound (*Sino-Japanese relations have soured*, *the Seoul-Tokyo
    talks will fail*): a relation between parties, none the actor, gives none (§9, rule 6), even
    when a party is named later in the span. The compound opens the subject (after at most a
    determiner and two modifiers, no party before it): *Seoul's view of Sino-Japanese ties* is
    Seoul's (rule 4)."""
    a = cand.span[0]
    return any(
        a <= m.i <= a + 3
        and not any(a <= x.i < m.i for x in mentions)
        and o.j <= end
        and o.i == m.j + 1
        and s.low[m.j] in ("-", "–")
        and party_of(m) != party_of(o)
        and not {party_of(m), party_of(o)} & set(cand.holder)
        for m in mentions
        for o in mentions
    )


def _thing_of_several(s: Sentence, a: int, in_subject: list[Mention]) -> bool:
    """Whether the subject is a thing described with two or more parties (§9, rule 4: *a thing
    described with two parties gives two parties*): several parties modify its head (*Korean
    and Japanese-born Chinese students*), or none does and several are named in its
    prepositional phrases (*support for Seoul in its row with Tokyo*). One party before the
    first preposition is the thing's agent or owner (*Chinese involvement in the selection of
    Seoul's envoy*, rules 3-4) and so is a possessive one; a party in an apposition is the
    head itself (*Seoul, a Tokyo ally, is ...*)."""
    if any(m.possessive for m in in_subject):
        return False
    head = next(
        (k for k in range(a, s.n) if s.low[k] in lexicons().prepositions or s.low[k] == ","),
        s.n,
    )
    before = {party_of(m) for m in in_subject if m.i < head}
    return len(before) > 1 or (not before and len({party_of(m) for m in in_subject}) > 1)


def _coordinated_it(s: Sentence, cand: Candidate, mentions: list[Mention]) -> str | None:
    """ "Seoul should keep the channels open, and it ought to invite Beijing": the pronoun
    subject of a coordinated clause is the party that opens the sentence as its subject, the
    agent (rule 3); not a party inside an opening clause (*Whether Beijing will accept it
    ..., but it is ...*)."""
    a = cand.span[0]
    if not (s.low[a] == "it" and a > 1 and s.low[a - 1] in ("and", "but")):
        return None
    subject = next((m for m in mentions if not m.anaphor), None)
    if (
        subject is not None
        and (subject.i == 0 or (subject.i == 1 and s.low[0] == "the"))
        and subject.j < s.n
        and is_verb(s.low[subject.j])
        and subject.ref not in cand.holder
    ):
        return subject.ref
    return None


#: Forms of *be* before the participle of a passive (*will be influenced by*).
_PASSIVE_BE = frozenset(["be", "been", "being", "is", "are", "was", "were"])


def _passive_agent(s: Sentence, cand: Candidate, pool: list[Mention]) -> str | None:
    """The agent of a passive in the author's clause, named after *by* (*he will be influenced
    by Tokyo*, *visas suspected of being used by Chinese firms*): the agent of the action the
    claim is about (§9 rule 3), before the party of its subject, which undergoes it (rule 4).
    The participle follows a form of *be* and stands at most four words before *by* (*be urged
    on in this by*); *by* + a gerund is a means (*by selling arms*), no agent."""
    a = cand.span[0]
    low = s.low
    for m in pool:
        k = m.i - 1 if low[m.i - 1] != "the" else m.i - 2
        if not a < k or low[k] != "by" or m.possessive:
            continue
        for t in range(k - 1, max(a, k - 5), -1):
            if s.stop[t]:
                break
            participle = low[t].endswith(("ed", "en")) or low[t] in PARTICIPLES
            v = t - 1
            while v > a and low[v].endswith("ly"):
                v -= 1
            if participle and low[v] in _PASSIVE_BE:
                return party_of(m)
    return None
