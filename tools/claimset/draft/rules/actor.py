"""Who holds a claim: the holder of a cue, a described group, an experiencer, the author's "I"."""

from __future__ import annotations

import bisect

from ..actor_index import AUTHOR, RELATIONAL, ActorIndex
from ..clauses import is_negated, trim_span
from ..context import Context, resolve_anaphor
from ..lexicons import lexicons
from ..mentions import DOCUMENTS, Mention
from ..sentence import Sentence, clause_end, clause_start, skip_connectives
from ..types import Candidate
from ..words import BE, DETERMINERS, FINITE, GROUNDS, PARTICIPLES, is_past, is_verb


def find_holder(
    s: Sentence, cue: int, start: int, mentions: list[Mention], ctx: Context, speech: bool = False
) -> tuple[list[str], tuple[int, int] | None]:
    """Who holds an expectation cued at token `cue`: the nearest subject-like mention to its left.

    Falls back to the agent of a passive ("released by X") or the subject of an absolute
    participle ("with Putin calling ..."), to the subject a coordinated predicate or a trailing
    participle shares with the clause before ("X has worked with Y but has opposed ...", "X met
    Y, hoping ..."), to the subject of the main clause after a participial opener ("Pushing
    Moscow to ..., Seoul makes ..."), and then to the most salient recent actor (implicit
    holders, guidelines §6.2) — but a saying verb (`speech`) whose subject is a thing has none
    (`thing_subject`: the author reads the sign).
    """
    found = _subject_before(s, cue, start, mentions, ctx) or _agent(s, cue, start, mentions)
    if found is not None:
        return found
    ours = _our_agents(s, cue, start, ctx)
    if ours is not None:
        return ours
    if (
        _first_person_singular(s, cue, start)
        or _generic_you(s, cue, start)
        or _impersonal_ground(s, cue, start)
        or (ctx.speaks_for is None and _we_subject(s, cue, start) and s.low[cue] in _EPISTEMIC)
    ):
        return [AUTHOR], None  # "I think ...", "Let me conclude by noting ...": the author
    shared = _shared_subject(s, start, mentions, ctx)
    if shared is not None:
        return shared
    if start == cue and s.low[cue].endswith("ing"):
        end = clause_end(s, cue)
        for m in mentions:
            if m.i > end and not m.compound:
                refs = resolve_anaphor(s, m, mentions, ctx) if m.anaphor else [m.ref]
                if refs:
                    return refs, m.words
    group = _described_group(s, start, cue, ctx.actors)
    if group is not None:
        return [group[0]], group[1]
    if ctx.recent and not (speech and thing_subject(s, start, cue)):
        recent = ctx.recent
        if _we_subject(s, cue, start):
            # *we* is never a party its own attitude is directed at, named after the cue
            # (*We call on Moscow to ...*: Moscow does not call on itself).
            named = {m.ref for m in mentions if cue < m.i < clause_end(s, cue)}
            recent = [r for r in recent if r not in named]
        return (recent[:1], None) if recent else ([AUTHOR], None)
    return [AUTHOR], None


_Holder = tuple[list[str], tuple[int, int] | None]


def _our_agents(s: Sentence, cue: int, start: int, ctx: Context) -> _Holder | None:
    """In a speech, *our* + the people who act for a party (*Our military and intelligence
    leaders are confident ...*, *our diplomats believe ...*) is the party the speaker speaks
    for, as its *we* is (§6.1) and as *Russia's leaders* are Russia (§14.2); the whole phrase
    is the actor quote."""
    if ctx.speaks_for is None or start >= cue or s.low[start] != "our":
        return None
    agents = lexicons().agent_nouns
    head = None
    for k in range(start + 1, cue):
        w = s.low[k]
        if not (s.toks[k].isalpha() and s.toks[k].islower()) or w in FINITE or w in BE:
            break
        if w in agents:
            head = k  # the last one: "our military and intelligence leaders"
    return ([ctx.speaks_for], (start, head + 1)) if head is not None else None


def _subject_before(
    s: Sentence, cue: int, start: int, mentions: list[Mention], ctx: Context
) -> _Holder | None:
    """The nearest subject-like mention left of the cue in its clause, or None."""
    lex = lexicons()
    for m in sorted(mentions, key=lambda m: -m.i):
        if m.j > cue or m.i < start or m.compound or m.after_preposition:
            continue
        if m.i in s.inserted and cue not in s.inserted:
            continue  # "the minister, who holds a Russian passport, vowed": not the holder
        if _object_owner(s, m, start) or _object_before_coordinator(s, m, cue):
            continue  # "He has joined Trump's coalition and offered to ...": not the holder
        if m.anaphor:
            between = s.low[m.j : cue]
            if any(
                t not in lex.auxiliaries and t not in (",", '"', "“") and not t.endswith("ly")
                for t in between
            ):  # 'it was "seeking ...': a quotation may open between the pronoun and the verb
                continue
            refs = resolve_anaphor(s, m, mentions, ctx)
            if refs:
                return refs, m.words
            continue
        return [m.ref], m.words
    return None


#: Words that may stand between the author's *I* (or *Let me*) and the verb of its frame (*I
#: would only add*, *Let me conclude by noting*, *I hasten to say*).
_BEFORE_FRAME = frozenset(
    ["would", "will", "can", "must", "should", "do", "also", "only", "just", "want", "to"]
) | frozenset(["hasten", "conclude", "begin", "close", "end", "by", "first", "again", "'d"])
#: The pieces of a contracted auxiliary after a pronoun (*I’m hoping*, *I’d expect*, *you’ll
#: find*) and the negations between a subject and its verb (*you don’t need*).
_CONTRACTED = frozenset(["’", "'", "m", "am", "d", "ll", "re", "ve", "are", "n't", "n’t", "not"])


def _first_person_singular(s: Sentence, cue: int, start: int) -> bool:
    """Whether the verb at token `cue` has the author's *I* (or *Let me*) as its subject: *I
    think*, *I would note*, *Let me conclude by noting*. The author holds it (guidelines §6.1:
    *I, me, my* name the author, also in a speech), never the party of the context."""
    low = s.low
    k = cue - 1
    while k >= start and (
        low[k] in _BEFORE_FRAME or low[k] in _CONTRACTED or low[k].endswith("ly")
    ):
        k -= 1
    return k >= start and (s.toks[k] == "I" or (low[k] == "me" and k > 0 and low[k - 1] == "let"))


def _we_subject(s: Sentence, cue: int, start: int) -> bool:
    """Whether the verb at token `cue` has *we* as its subject (*We call on*, *We would also
    expect*)."""
    low = s.low
    k = cue - 1
    while k >= start and (
        low[k] in _BEFORE_FRAME or low[k] in _CONTRACTED or low[k].endswith("ly")
    ):
        k -= 1
    return k >= start and low[k] == "we"


def _generic_you(s: Sentence, cue: int, start: int) -> bool:
    """Whether the verb at token `cue` has *you* as its subject (*unless you plan on starting a
    war*, *you cannot trust a ceasefire*): the reader is never a holder, and a generic *you* is
    the author's own voice (guidelines §6.1), never the party of the context."""
    low = s.low
    k = cue - 1
    while k >= start and (
        low[k] in _BEFORE_FRAME or low[k] in _CONTRACTED or low[k] in ("ca", "wo", "could", "may")
    ):
        k -= 1
    return k >= start and low[k] == "you"


#: Verbs of judging what is true (*we doubt that*, *we would guess that*, *as we see it*): an
#: institutional author's *we* that holds one states the author's own assessment.
_EPISTEMIC = frozenset(
    [
        *("doubt", "think", "believe", "guess", "suspect", "judge", "assume", "conclude"),
        *("see", "read", "estimate", "assess", "suppose", "reckon", "feel"),
    ]
)


def _impersonal_ground(s: Sentence, cue: int, start: int) -> bool:
    """Whether the attitude verb at `cue` is the infinitive of a ground an existential *there
    is* offers (*There is every reason to believe that ...*, *there is no reason to conclude
    that ...*): a generic thinker, so the author's own voice (guidelines §6.1, like a generic
    *you*), never the party of the context."""
    low = s.low
    if cue < 3 or low[cue - 1] != "to" or low[cue - 2] not in GROUNDS:
        return False
    there = [k for k in range(max(start, cue - 7), cue - 2) if low[k] == "there"]
    return bool(there) and there[-1] + 1 < cue and low[there[-1] + 1] in _EXISTENTIAL


_EXISTENTIAL = frozenset(["is", "are", "was", "were", "seems", "seem", "remains", "'s", "’s"])


def _agent(s: Sentence, cue: int, start: int, mentions: list[Mention]) -> _Holder | None:
    """The agent of a passive (*released by X*) or the subject of an absolute participle."""
    for m in sorted(mentions, key=lambda m: -m.i):
        if start <= m.i and m.j <= cue and _passive_by(s, m.i - 1) and not m.anaphor:
            return [m.ref], m.words
    absolute = _absolute_subject(s, cue, mentions)
    if absolute is not None:
        return [absolute.ref], absolute.words
    # No actor tokens: the "I" stands before the frame's own negation ("not as a skeptic").
    return ([AUTHOR], None) if _self_description(s, cue, start) is not None else None


def _passive_by(s: Sentence, k: int) -> bool:
    """Whether *by* at token k introduces the agent of a passive participle (*released by X*,
    *backed jointly by X*), not a preposition of a noun (*attacks on and by Iran underscore
    ...*: the attacks are the subject, Iran holds nothing)."""
    if k < 1 or s.low[k] != "by":
        return False
    t = k - 1
    while t > 0 and s.low[t].endswith("ly") and s.toks[t].islower():
        t -= 1
    return is_past(s.low[t]) or s.low[t] in PARTICIPLES or s.low[t].endswith("en")


#: The heads of a self-description (*as someone who believes*, *as one who thinks*).
_SELF = frozenset(["someone", "one", "somebody", "person"])


def _self_description(s: Sentence, cue: int, start: int) -> int | None:
    """ "I say this ... as someone who fully believes P": the author describing itself holds
    P (guidelines §4.3, the author's self-description); the token of its *I*, or None."""
    low = s.low
    k = cue - 1
    while k > start and low[k].endswith("ly"):
        k -= 1
    if k < 2 or low[k] != "who" or low[k - 1] not in _SELF:
        return None
    as_at = k - 2 if low[k - 2] == "as" else k - 3 if low[k - 3 : k - 1] == ["as", "a"] else -1
    if as_at < 0:
        return None
    return next((t for t in range(as_at - 1, -1, -1) if s.toks[t] == "I"), None)


def _absolute_subject(s: Sentence, cue: int, mentions: list[Mention]) -> Mention | None:
    """ "..., with Russian President Putin calling the troops heroes": after *with*, the party
    right before a participle is its subject (an absolute construction), not an object."""
    if not s.low[cue].endswith("ing"):
        return None
    return next(
        (
            m
            for m in mentions
            if m.j == cue and m.i > 0 and s.low[m.i - 1] == "with" and not m.anaphor
        ),
        None,
    )


#: Words that coordinate a predicate with the one before it (*has worked with X but has
#: opposed ...*) and adverbs that may follow them (*but also urged*).
_PREDICATE_COORDINATORS = frozenset(["and", "but", "yet"])
_AFTER_COORDINATOR = frozenset(["also", "then", "later", "still", "has", "have", "had", "not"])


def _shared_subject(
    s: Sentence, start: int, mentions: list[Mention], ctx: Context
) -> _Holder | None:
    """The subject of the predicate before a coordinated one without its own (*President
    Sheinbaum has worked with the United States but has opposed ...*, *criticized X, but also
    urged Y to ...*): the holder of the first predicate holds the second (guidelines §5, §6.1).
    None when the clause has a subject of its own or the first one names no party."""
    k = start - 1
    while k > 0 and (s.low[k] in _AFTER_COORDINATOR or s.low[k].endswith("ly")):
        k -= 1
    participle = k == start - 1 and s.low[k] == "," and s.low[start].endswith("ing")
    if k < 1 or (s.low[k] not in _PREDICATE_COORDINATORS and not participle):
        return None  # neither "X did A but B-ed ..." nor "X did A, hoping ..."
    end = k - 1 if s.low[k - 1] == "," else k
    if end < 1:
        return None
    first = skip_connectives(s, clause_start(s, end - 1), end)
    # The first predicate's subject, at the clause's start (not a party inside its object,
    # *criticized Chinese tariffs ..., but also urged*).
    for m in mentions:
        if not first <= m.i < end or m.compound or m.after_preposition:
            continue
        if any(s.toks[x][:1].islower() and s.low[x] not in DETERMINERS for x in range(first, m.i)):
            return None
        refs = resolve_anaphor(s, m, mentions, ctx) if m.anaphor else [m.ref]
        return (refs, m.words) if refs else None
    return None


def _object_before_coordinator(s: Sentence, m: Mention, cue: int) -> bool:
    """Whether the mention is the object of a verb before a coordinated predicate (*Park Jin
    visited Tokyo and urged Seoul to ...*): Tokyo is visited, not the one who urges."""
    return (
        m.i > 0
        and is_verb(s.low[m.i - 1])
        and s.toks[m.i - 1].islower()
        and any(w in _PREDICATE_COORDINATORS for w in s.low[m.j : cue])
    )


def _object_owner(s: Sentence, m: Mention, start: int) -> bool:
    """Whether a possessive mention owns the object of a verb before it (*has joined President
    Trump's coalition*): it determines a noun after the clause's verb, it is no subject."""
    return (
        m.possessive
        and m.quote is None
        and any(is_verb(w) and s.toks[k].islower() for k, w in enumerate(s.low[start : m.i], start))
    )


def thing_subject(s: Sentence, start: int, cue: int) -> bool:
    """Whether the active verb at token `cue` has a subject that is a thing, not a party or a
    voice: *His current partnership with Widodo suggests that ...*, *The figures show that
    ...*. A thing speaks for nobody, so no party of the context is the implicit holder of
    such a saying verb (guidelines §6.2 is for unnamed holders): the author reads the sign. A
    document speaks for its issuer (*The strategy says ...*, §14.2), an agent noun names
    people (*officials say*) and a relational noun parties (*the two sides pledged*): those
    keep the party of the context."""
    lex = lexicons()
    if cue - start < 2 or s.low[cue - 1] in BE:
        return False  # no subject phrase, or a passive (*is expected to*: an unnamed holder)
    head = -1
    for k in range(start, cue):
        w = s.low[k]
        if w in lex.prepositions or w in FINITE or w in BE or not w.isalpha():
            break
        head = k
    if head <= start or not s.toks[head].islower():
        return False
    h = s.low[head]
    first = s.low[start]
    return (
        (first in DETERMINERS or first in ("his", "her", "its", "their", "our"))
        and h not in lex.agent_nouns
        and h not in RELATIONAL
        and h not in DOCUMENTS
        and h.removesuffix("s") not in DOCUMENTS
    )


def _described_group(
    s: Sentence, start: int, cue: int, index: ActorIndex
) -> tuple[str, tuple[int, int]] | None:
    """A subject that describes a registered group or organization without naming it
    (*Business leaders in Perth and Adelaide* → the Australian business community): a content
    word of the subject that belongs to the names of exactly one such actor. A person's thing
    (*His current partnership with Widodo*) describes no group."""
    if s.low[start] in ("his", "her"):
        return None
    lex = lexicons()
    end = start
    while end < cue and s.low[end] not in lex.auxiliaries and s.low[end] not in FINITE:
        end += 1
    if end - start < 1 or end - start > 8:
        return None
    if s.low[end - 1] == "people" and end - start <= 2 and ("analysts",) in index.forms:
        # "people have referred to ...": a generic plural with no party, §6.2 → commentators.
        return index.forms[("analysts",)], (start, end)
    for k in range(start, end):
        ref = index.group_words.get(s.low[k])
        if ref is not None:
            return ref, trim_span(s, (start, end))
    return None


def shared_name(s: Sentence, mentions: list[Mention], ctx: Context) -> None:
    """A short name two registered persons share (*Lee*, *President Lee*: a part of both *Lee
    Myung-bak*'s and *Lee Jae Myung*'s names) names the one of them the text names in full
    nearest before it: in this sentence, else in the sentences before (the most recent), else
    later in the same paragraph. With none named in full, the registry's owner of the form."""
    shared = ctx.actors.shared
    if not shared:
        return
    first = ctx.actors.shared_first
    forms: list[tuple[Mention, tuple[str, ...] | None]] = []
    for m in mentions:
        if m.anaphor or ("the" if s.low[m.i] == "the" else s.toks[m.i]) not in first:
            forms.append((m, None))  # most mentions: no shared form starts with their word
            continue
        low, toks = s.low[m.i : m.j], s.toks[m.i : m.j]
        words = tuple("the" if w == "the" else t for w, t in zip(low, toks, strict=True))
        forms.append((m, shared.get(words)))
    if all(options is None for _, options in forms):
        return
    full = [m for m, options in forms if options is None and not m.anaphor]
    for m, options in forms:
        if options is None:
            continue
        m.shared = True
        here = [o for o in full if o.ref in options]
        before = [o.ref for o in here if o.i < m.i][-1:]
        after = [o.ref for o in here if o.i > m.i][:1]
        chosen = next((r for r in [*before, *after, *ctx.named, *ctx.later] if r in options), None)
        m.ref = chosen or options[0]


def named_in_full(mentions: list[Mention], ctx: Context) -> list[str]:
    """`Context.named` after a sentence: the persons of shared forms it names in full, the last
    first, then those named before."""
    persons = ctx.actors.shared_persons
    if not persons:
        return ctx.named
    found = [
        m.ref for m in reversed(mentions) if not m.anaphor and not m.shared and m.ref in persons
    ]
    if not found:
        return ctx.named
    out: list[str] = []
    for ref in [*found, *ctx.named]:
        if ref not in out:
            out.append(ref)
    return out


def experiencer(s: Sentence, cands: list[Candidate], mentions: list[Mention]) -> None:
    """ "For South Korea, consensus with the US is a prerequisite": the party after a clause-
    initial "For" holds the view (guidelines §6.1, experiencer constructions)."""
    a = skip_connectives(s, 0, s.n)
    if a >= s.n or s.low[a] != "for":
        return
    holder = next((m for m in mentions if m.i == a + 1 and not m.anaphor), None)
    if holder is None:
        return
    k = holder.j
    while (
        k < s.n
        and s.low[k] not in (",",)
        and not (s.toks[k][:1].islower() and s.low[k] in ("the", "a", "an", "consensus"))
    ):
        k += 1
    k = skip_connectives(s, k, s.n)
    if any(c.region[0] <= k < c.region[1] for c in cands):
        return
    if k + 1 < s.n and s.low[k] in ("it", "this") and s.low[k + 1] not in BE:
        return  # "For Congress, it raises questions ...": an effect on X, the author's (§6.1)
    span = trim_span(s, (k, clause_end(s, k)))
    if span[1] - span[0] < 3:
        return
    parts = [span]
    while parts[-1][1] < s.n and s.coord[parts[-1][1]]:
        nxt = trim_span(s, (parts[-1][1] + 1, clause_end(s, parts[-1][1] + 1)))
        if nxt[0] >= nxt[1]:
            break
        parts.append(nxt)
    first: Candidate | None = None
    for part in parts:
        words = set(s.low[part[0] : part[1]])
        typ = "desire" if words & {"attractive", "preferable", "desirable", "better"} else "belief"
        cand = Candidate(
            part[0],
            typ,
            "holder",
            [holder.ref],
            holder.words,
            part,
            (a if first is None else part[0], part[1]),
            is_negated(s, part[0], part[1]),
            parent=first,
        )
        cand.own_subject = True
        first = first or cand
        cands.append(cand)


def first_person_tokens(s: Sentence) -> list[int]:
    """The first-person pronouns of a sentence outside quotation marks, in order (computed once
    per sentence: a scan per candidate made long sentences quadratic)."""
    cached: list[int] | None = getattr(s, "_first_person", None)
    if cached is not None:
        return cached
    found: list[int] = []
    quoted = False
    for k in range(s.n):
        if s.low[k] in ('"', "“", "”"):
            quoted = not quoted
        elif not quoted and (s.toks[k] == "I" or s.low[k] in ("my", "we", "our")):
            found.append(k)
    s._first_person = found  # type: ignore[attr-defined]
    return found


def first_person(s: Sentence, cand: Candidate, speech: bool = False) -> int | None:
    """A first-person pronoun naming the author in the claim's clause (*In my view*, *I
    think*, *we should*), outside quotation marks. In a speech (`speech`) only *I* and *my*:
    the speaker's *we* and *our* are a party's, or several parties' (§6.1)."""
    tokens = first_person_tokens(s)
    if speech:
        tokens = [k for k in tokens if s.low[k] not in ("we", "our")]
    start, end = cand.region[0], min(cand.region[1], s.n)
    found: list[int] = []
    # Just before the region (*I think* + claim), or anywhere from the clause's start.
    k = bisect.bisect_left(tokens, max(0, start - 4))
    if k < len(tokens) and tokens[k] < min(start, end):
        found.append(tokens[k])
    k = bisect.bisect_left(tokens, clause_start(s, start))
    if k < len(tokens) and tokens[k] < end:
        found.append(tokens[k])
    return min(found, default=None)


def coordinated_holders(s: Sentence, cands: list[Candidate], mentions: list[Mention]) -> None:
    """Parties coordinated as the subject of an attitude (*Paris and Berlin feared that ...*,
    *Japan, Korea and Australia have said ...*) hold it each: one claim per party, each with
    its own name as the actor quote and the same span (guidelines §14.3). *Neither Washington
    nor Beijing wants a war* denies the attitude of each: one `negative` claim per party (§10:
    *neither, nor* on the main predicate)."""
    for cand in cands:
        if cand.frame != "holder" or len(cand.holder) != 1 or cand.actor_tokens is None:
            continue
        last = next((m for m in mentions if m.words == cand.actor_tokens), None)
        if last is None or last.anaphor or last.after_preposition:
            continue
        if _relative_follows(s, last.words[1], cand.cue):
            continue  # "Russia, and China (which urged Iran to ...)": the last conjunct only
        chain = _subject_list(s, last, mentions)
        if len(chain) == 1 or chain[-1].possessive or last.possessive:
            continue
        first = chain[-1].words[0]
        neither = first > 0 and s.low[first - 1] == "neither"
        if (s.low[last.words[0] - 1] == "nor") != neither:
            continue  # "nor" without "neither" (or "neither ... and") is no subject list
        if s.low[first - 1 : first] == ["between"]:
            continue
        refs = [m.ref for m in reversed(chain)]
        if len(set(refs)) != len(refs) or AUTHOR in refs:
            continue
        cand.holder = refs
        cand.holder_tokens = {m.ref: m.words for m in chain}
        if neither:
            cand.negative = True


def _relative_follows(s: Sentence, k: int, cue: int) -> bool:
    """Whether a relative clause opens right after the holder's name (token k) and holds the
    cue: its pronoun refers to that name alone, not to the list it ends."""
    if k < s.n and s.low[k] in ("(", ","):
        k += 1
    return k < cue and k < s.n and s.low[k] in ("which", "who")


def _subject_list(s: Sentence, last: Mention, mentions: list[Mention]) -> list[Mention]:
    """The parties coordinated with `last` before it, from the last back to the first (just
    `last` when it is not the last item of a list of names)."""
    chain = [last]
    while True:
        k = chain[-1].words[0] - 1
        # The last conjunct follows "and" (or "nor"); the others a comma ("Congress, Members
        # may" is no list).
        if k < 1 or s.low[k] not in (("and", "nor") if len(chain) == 1 else (",",)):
            return chain
        serial = s.low[k] == "and" and s.low[k - 1] == ","
        if serial:
            k -= 1  # the serial comma: "Japan, Korea, and Australia"
        prev = next((m for m in mentions if m.words[1] == k), None)
        if prev is None or prev.anaphor or prev.compound or prev.after_preposition:
            return chain
        if serial and (prev.words[0] < 1 or s.low[prev.words[0] - 1] != ","):
            return chain  # "dependent on China and Russia, and some analysts assess": a clause
        chain.append(prev)
