"""Evidence inside a sentence (guidelines §13.1): the facts a sentence states, and the links a
support marker makes to a claim of its own sentence. Links between sentences: `document.py`."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..clauses import evidence_clauses, trim_span
from ..lexicons import lexicons, longest_match
from ..openings import temporal_since
from ..sentence import Sentence, skip_connectives
from ..types import Candidate
from ..words import (
    BE,
    CLAUSE_OPENING_PRONOUNS,
    DETERMINERS,
    EVIDENTIAL_CUES,
    FINITE,
    MODALS,
    MONTHS,
    NUMBER,
    PRESENT,
    YEAR,
    is_past,
    is_verb,
    may_be_present,
)
from .evidence_nonfacts import (
    comparison,
    directive,
    elliptic_as,
    future_as,
    gerund_item,
    role_as,
    supposed_means,
)
from .fact_clauses import (
    claim_and,
    main_clause_after_comma,
    quantified_relative,
    realized_condition,
    supporting_relative,
    time_clause,
    verbless,
    verbless_claim,
)
from .signals import day_of_month, ranking, statement_in_names_only

_EVIDENCE_ORDER = ("statistic", "expert", "statement", "example", "event", "reasoning")


# Auxiliaries of "has yet to", "is yet to" (an event that has not happened so far).
_PERFECT = frozenset(("has", "have", "had", "is", "are", "was", "were"))


def fact_signals(s: Sentence, i: int, j: int) -> set[str]:
    """Signs that tokens i..j report a fact: evidence-cue types, "date", "figure", "past"."""
    lex = lexicons()
    low, toks, cues = s.low, s.toks, lex.evidence.firsts
    found: set[str] = set()
    k = i
    while k < j:
        m = longest_match(lex.evidence, low, k) if low[k] in cues else None
        if m is not None:
            if not (low[k] == "since" and temporal_since(low, k)):
                found.add(m[1])
            if is_past(low[k]):
                found.add("past")  # "met", "signed": an event cue in the past tense
            k += m[0]
            continue
        if low[k] == "yet" and k > i and low[k - 1] in _PERFECT and low[k + 1 : k + 2] == ["to"]:
            # "the two presidents have yet to exchange a visit": what has not happened so far
            # is narrated like what has (a report, guidelines §4.4), not the author's judgement.
            found.add("past")
        inside, first = _token_signal(toks[k])
        # (a day of the month is digits: the test of the token spares most tokens the call)
        if toks[k].isdigit() and day_of_month(s, k):
            inside = first = "date"
        signal = inside if k > i else first
        if signal is not None:
            found.add(signal)
        k += 1
    if "statistic" not in found and ranking(s, i, j):
        found.add("statistic")
    return found


@functools.lru_cache(maxsize=1 << 16)  # asked for every token: a corpus has few distinct words
def _token_signal(tok: str) -> tuple[str | None, str | None]:
    """The fact signal of a token inside a stretch, and as its first token (a month there is
    no date: *May* opening a sentence is the modal)."""
    if YEAR.match(tok):
        return "date", "date"
    low = tok.lower()
    signal = None
    if NUMBER.match(tok) or tok == "%":
        signal = "statistic"
    elif is_past(low):
        signal = "past"
    elif low in PRESENT:
        signal = "present"
    return ("date" if tok in MONTHS else signal), signal


def _fact_type(s: Sentence, i: int, j: int) -> str | None:
    """The evidence type of the fact in tokens i..j (§13.3)."""
    found = fact_signals(s, i, j)
    if "statement" in found and statement_in_names_only(s, i, j):
        found.discard("statement")  # "the United States has invested ...": no saying
    return _evidence_type(found)


def _evidence_type(found: set[str]) -> str | None:
    """The evidence type for a set of fact signals, in the guidelines' order (§13.3)."""
    for typ in _EVIDENCE_ORDER:
        if typ in found:
            return typ
    if found & {"date", "past"}:
        return "event"
    return None


@dataclass
class Fact:
    """A report, a reason given with a support marker, or reported speech: something that can
    support a claim (guidelines §13.1, test 1)."""

    i: int  # tokens [i, j) of its sentence
    j: int
    type: str
    owner: int | None = None  # the claim of its own sentence that a support marker ties it to
    cross: bool = True  # may support claims of neighbouring sentences (adjacency, test 2b)
    speech: bool = False  # a party's reported speech
    speaker: str | None = None  # the party whose speech it is
    rule: str = "report"  # what made it a fact: the branch of this module (for error analysis)


def evidence_link(s: Sentence, fact: Fact, sentence: str | None) -> dict[str, Any]:
    """The evidence record of a fact (its sentence id filled in by the caller)."""
    a, b = s.chars(fact.i, fact.j)
    return {"quote": s.text[a:b], "sentence": sentence, "start": a, "end": b, "type": fact.type}


def _verbless_phrase(s: Sentence, i: int, j: int) -> bool:
    """A prepositional or noun phrase with no verb of its own (a detail of the clause before
    it, an item of a list: *, the maintenance of sanctions*, *, a lack of perceived
    transparency*; a past form after a determiner or preposition is an adjective)."""
    low, preps = s.low, lexicons().prepositions
    if low[i] not in preps and low[i] not in DETERMINERS:
        return False
    return not any(
        is_verb(low[k]) and not (low[k - 1] in DETERMINERS or low[k - 1] in preps)
        for k in range(i + 1, j)
    ) and not is_verb(low[i])


def fragment(s: Sentence, i: int, j: int) -> bool:
    """Tokens i..j are no clause of their own, so they state no fact: an adverbial with no
    verb (*In March 2024*, *On September 16*, *During an October visit*, *since World War
    II*) or with a participle or gerund only (*Under the AUKUS pact announced in September
    2021*, *beyond defending the peninsula*), a participle with no subject (*introduced in May
    2025*, a detail of the noun before it), or a closing time clause (*the quiet years before
    2017, when Australian governments kept their criticism private*: when the noun before it
    was, its background, test 3), a fronted one (*When all is said and done, ...*) or a stretch
    with no verb (*, worth $2 billion over eight years*; see `fact_clauses`)."""
    low = s.low
    if time_clause(s, i, j) or verbless(s, i, j):
        return True
    if low[i] in lexicons().prepositions and low[i] != "to":
        return not any(_finite_in_phrase(s, k) for k in range(i + 1, j))
    if i > 0 and low[i - 1] in ("since", "because", "as") and not _finite(s, i, j):
        return True  # "... since World War II": a time, no reason clause
    if low[i] == "when" and i > 0 and low[i - 1] == ",":
        return True  # "..., when most expected ...": a time clause dating the noun before it
    # After a comma, not after "and" (*..., and deployed the military*: a predicate of its own).
    participle = is_past(low[i]) and low[i] not in FINITE and s.toks[i][:1].islower()
    return participle and i > 0 and low[i - 1] == ","


#: Words after a past form that make it a participle in a phrase (*the pact announced in
#: 2021*, *challenges posed by China*), not a finite verb (*agreed that*, *handed journalists*).
_AFTER_PARTICIPLE = frozenset(["in", "by", "at", "on", "for", "from", "during", "under", "with"])


def _finite_in_phrase(s: Sentence, k: int) -> bool:
    """Whether token k of a phrase opening with a preposition is a finite verb, the sign of a
    clause of its own (*In 2016 the two sides agreed that ...*): an auxiliary, a modal or a
    past form not followed by a preposition. A participle (*Under the AUKUS pact announced in
    September 2021*, *beyond defending ... challenges posed by China*) or a gerund (*with
    Putin calling the troops heroes*) makes no clause."""
    low = s.low
    if low[k] in PRESENT or low[k] in FINITE:
        return s.toks[k] not in MONTHS  # "in May 2021": a month, not the modal
    return is_past(low[k]) and not (k + 1 < s.n and low[k + 1] in _AFTER_PARTICIPLE)


def _premise(s: Sentence, i: int) -> bool:
    """Whether token i lies in a premise (*given that*, *due to*, *because*, *since*)."""
    k = i
    while k > 0 and s.suppressed[k - 1]:
        k -= 1
    return s.low[k] in ("given", "due", "because", "since")


def _pieces(s: Sentence, a: int, b: int) -> list[tuple[int, int]]:
    """Tokens a..b cut into the clauses that can state separate facts: at ";" and at a comma
    before a coordinating "and" (*China answered with tariffs ..., and duties ... followed*).
    Predicates sharing a subject (*was concluded in 1995 and covers ...*) and a *but* clause stay
    one fact (guidelines §13.1, "How many links")."""
    out: list[tuple[int, int]] = []
    k = a
    while k < b:
        end = k
        while end < b and not (
            s.low[end] == ";"
            or (s.low[end] == "," and end + 1 < b and s.coord[end + 1] and _clause_after(s, end))
        ):
            end += 1
        start = skip_connectives(s, k, end)
        if start < end and s.low[start] == "according":  # "According to the UN, ..."
            comma = next((t for t in range(start, end) if s.low[t] == ","), None)
            if comma is not None:
                start = skip_connectives(s, comma + 1, end)
        piece = trim_span(s, (start, end))
        if piece[1] - piece[0] >= 2 and not fragment(s, *piece) and not directive(s, piece[0]):
            out.append(piece)
        k = end + 1
        if k < b and s.low[k] == "and":
            k += 1
    return out


def _clause_after(s: Sentence, comma: int) -> bool:
    """Whether the *, and* at token `comma` opens a clause, not a second object of the
    predicate before it: a bare noun with its *that* clause (*involves their sensitivity to
    X, and displeasure that Y*) is one (a list of objects of one predicate is one fact)."""
    k = comma + 2  # past ", and"
    noun = k + 1 < s.n and s.toks[k][:1].islower() and s.low[k + 1] == "that"
    return not (noun and s.low[k] not in CLAUSE_OPENING_PRONOUNS and not is_verb(s.low[k]))


def _claim_before(cands: list[Candidate], i: int) -> int | None:
    """The claim a fact after token i supports: the nearest one ending before it (None when
    every claim comes later: a clause before a claim is no marked support of it)."""
    best, end = None, -1
    for n, c in enumerate(cands):
        if c.region[1] <= i + 1 and c.region[1] > end:
            best, end = n, c.region[1]
    return best


def _claim_after(cands: list[Candidate], j: int) -> int:
    """The claim a fact before token j supports: the first one starting after it."""
    after = [n for n, c in enumerate(cands) if c.region[0] >= j]
    return min(after, key=lambda n: cands[n].region[0]) if after else 0


def evidential_report(s: Sentence, cand: Candidate) -> bool:
    """An author's claim that is one only through an evidential cue (*That year, North Korea
    reportedly began transferring munitions*): a report for evidence (guidelines v1.3), so it
    may support the claim before it and neither collects nor interrupts facts."""
    return (
        cand.frame == "author"
        and bool(cand.cues)
        and all(" ".join(s.low[c.start : c.end]) in EVIDENTIAL_CUES for c in cand.cues)
    )


def sentence_facts(s: Sentence, cands: list[Candidate], claimless: bool) -> list[Fact]:
    """The facts a sentence offers (guidelines §13.1, test 1), each with the claim of its own
    sentence it supports when a support marker ties it to one (test 2a)."""
    if not s.text.rstrip().endswith((".", "!", "…", '"', "”", "’", "'", ")")):
        return []  # a heading or a question reports nothing
    if claimless:
        return _report_facts(s)
    if not cands:
        return []
    out: list[Fact] = []
    colon = next((k for k in range(s.n) if s.low[k] == ":"), None)
    limit = s.n
    if colon is not None and any(c.region[1] <= colon + 1 for c in cands):
        # "They may be right: Chinese buyers need ..., and the coal ban has ... been eased": the
        # colon introduces the grounds of the claim before it; after an open phrase (*support
        # for:*) its list completes the claim and states no fact.
        grounded = _claim_before(cands, colon) or 0  # a claim ends before the colon
        # "...: e.g., X; Y", "...: for example, X": instances of the claim before the colon
        # (test 2a), which they answer; no support for a neighbour's claim.
        instances = _example_marker(s, colon + 1)
        for i, j in _pieces(s, colon + 1, s.n) if _grounds_colon(s, colon) else []:
            if gerund_item(s, i):
                continue  # "what they accomplished: pursuing ..., taking out ...": items
            typ = _fact_type(s, i, j)
            cross = typ is not None and not instances
            out.append(Fact(i, j, typ or "reasoning", grounded, cross=cross, rule="colon"))
        limit = colon
    for i, j in evidence_clauses(s):
        if i >= limit:
            break
        fact = _continued(s, out[-1] if out else None, i, j) or _clause_fact(s, cands, i, j)
        if fact is not None:
            out.append(fact)
    for fact in out:
        if fact.owner is not None and verbless_claim(s, cands[fact.owner]):
            fact.owner = None  # "C-SIPA, which is an executive agreement, ...": no claim
    for c in cands:
        # Not a phrase with no clause of its own (*with Putin calling the troops heroes*).
        if c.speech and c.parent is None and not fragment(s, c.region[0], c.span[1]):
            speaker = c.holder[0] if c.holder else None
            out.append(
                Fact(
                    c.region[0], c.span[1], "statement", speech=True, speaker=speaker, rule="speech"
                )
            )
    return out


def _example_marker(s: Sentence, k: int) -> bool:
    """Whether token k opens an exemplification marker (*e.g.*, *for example*, *for instance*)."""
    low = s.low
    return k < s.n and (
        low[k] == "e.g." or (low[k] == "for" and low[k + 1 : k + 2] in (["example"], ["instance"]))
    )


#: Words before a colon that leave their phrase open: what follows is its object, a list.
_LIST_OPENERS = frozenset(["include", "includes", "included", "including", "following", "follows"])


def _grounds_colon(s: Sentence, colon: int) -> bool:
    """Whether the colon at token `colon` may introduce the grounds of the claim before it
    (test 2a: *They may be right: Chinese buyers need ...*): after a complete clause. After a
    preposition or *include* the phrase is still open and the colon introduces its objects
    (*support for: an expedited transfer ...; ROK acquisition of ...*), items of the claim,
    not its support."""
    before = s.low[colon - 1] if colon > 0 else ""
    # "The two effects are: ...": after a copula the colon introduces its complement.
    opens = before in BE or before in _LIST_OPENERS
    return before not in lexicons().prepositions and not opens


def _continued(s: Sentence, last: Fact | None, i: int, j: int) -> Fact | None:
    """The clause in tokens [i, j) as a second predicate of the marked fact right before it,
    sharing its subject after *and* (*... as U.S. officials have used tariff threats to
    pressure Mexico **and tied** the future of USMCA to demands ...*): a distinct act, so a
    link of its own, for the same claim (guidelines §13.1, "How many links")."""
    if last is None or last.owner is None or last.cross or last.j != i - 1:
        return None
    # "tied", "died": past forms too short for `is_past`, which leaves out the short words.
    if s.low[i - 1] != "and" or not (is_verb(s.low[i]) or s.low[i].endswith("ied")):
        return None
    typ = _fact_type(s, i, j) or last.type
    return Fact(i, j, typ, last.owner, cross=False, rule="second-predicate")


def _report_facts(s: Sentence) -> list[Fact]:
    """A sentence with no claim is a report: one fact per clause that states one."""
    facts: list[Fact] = []
    for n, (i, j) in enumerate(_pieces(s, 0, s.n)):
        typ = _fact_type(s, i, j)
        if typ is not None or n == 0:
            facts.append(Fact(i, j, typ or "event", rule="report"))
    return facts


def _clause_fact(s: Sentence, cands: list[Candidate], i: int, j: int) -> Fact | None:
    """The fact the clause in tokens [i, j) of a sentence with claims states, if any: outside
    every claim, or tied to one by a support marker."""
    prev = s.low[i - 1] if i > 0 else ""
    if comparison(s, i):
        return None  # "a world as it was 20 years ago": no fact
    if elliptic_as(s, i, j):
        return None  # "..., as we are doing": a comparison, no reason and no fact
    marker = _reason_marker(s, i, j)
    if any(
        c.region[0] < j and i < c.region[1] and not (marker and c.region[0] >= i) for c in cands
    ):
        return None
    typ = _fact_type(s, i, j)
    if s.suppressed[i] or (i > 0 and s.suppressed[i - 1]):
        # A premise ("given that ...", "due to ...") is reasoning for the claim it opens; a
        # condition or a concession is not evidence.
        if _premise(s, i):
            return Fact(i, j, "reasoning", _claim_after(cands, j), cross=False, rule="premise")
        if realized_condition(s, i, j):
            return Fact(i, j, typ or "event", _claim_after(cands, j), cross=False, rule="once")
        return None
    if _background_relative(s, i, j) or _quotation_frame(s, i, j):
        return None
    shared = _coordinated_predicate(s, cands, i)
    if shared is not None:
        return _predicate_fact(s, i, j, typ, shared)
    marked = _marked_fact(s, cands, i, j, typ, marker)
    if marked is not None:
        return marked
    if typ is None or (prev == "," and _verbless_phrase(s, i, j)) or fragment(s, i, j):
        return None  # ", from the exclusion of X to the funding of Y,": a detail, no clause
    return _free_fact(s, cands, i, j, typ)


def _reason_marker(s: Sentence, i: int, j: int) -> bool:
    """Whether the clause in tokens [i, j) is a reason its marker ties to a claim (test 2a): a
    finite *because / since / as* clause, not a role (*instrumental as Coordination Minister
    in ...*); *because of X* is a premise with or without a verb (test 1)."""
    prev = s.low[i - 1] if i > 0 else ""
    if prev == "because" and s.low[i] == "of":
        return True
    opens = (
        prev in ("because", "since")
        or (s.low[i] == "as" and prev == ",")
        # "... bolstered their power as their use grew"; not a clause of time (`future_as`)
        or (prev == "as" and s.stop[i - 1] and not future_as(s, i - 1, j))
    )
    return opens and _finite(s, i, j) and not role_as(s, i)


def _free_fact(s: Sentence, cands: list[Candidate], i: int, j: int, typ: str) -> Fact:
    """A report clause no support marker ties: free for adjacency, and its own sentence's
    claim's too when it leads to a claim that refers back to it or follows an author's claim."""
    owner: int | None = None
    if j + 1 < s.n and s.low[j] == "," and s.coord[j + 1]:
        # "Since 2016 the EU has paid ..., and the money has clearly bought ...": a report
        # and the author's conclusion from it; "Egypt draws 97 percent of its water from the
        # Nile, and its leaders have long described ...": the situation a party reacts to.
        nxt = _claim_after(cands, j)
        if cands[nxt].region[0] <= j + 3 and s.low[j + 2] in _ANAPHORIC:
            owner = nxt
    claimed = claim_and(s, cands, i)
    if owner is None and claimed is not None:  # "C, and E": E is C's (test 2b)
        return Fact(i, j, typ, claimed, rule="claim-and-fact")
    if owner is None and any(c.frame == "author" and c.region[1] <= i for c in cands):
        # "C — E", "C; E", "C, E": a report after the author's claim of its own sentence
        # belongs to the step that claim starts (`new-step`).
        return Fact(i, j, typ, None, rule="after-claim")
    return Fact(i, j, typ, owner, rule="report-clause" if owner is None else "fact-and")


#: Words opening a clause that refers back to the one before (*..., and the money has ...*).
_ANAPHORIC = frozenset(
    ["the", "this", "that", "these", "those", "such", "it", "they", "its", "their", "he", "she"]
)


_QUOTE_MARKS = frozenset(['"', "“", "”"])


def _quotation_frame(s: Sentence, i: int, j: int) -> bool:
    """A saying frame whose content is a quotation outside it (*"...," Iran's foreign minister
    said during a visit*, *Colombia's foreign minister put it bluntly in 2023: "..."*): the
    quotation is what was said, the frame alone states no fact (test 1)."""
    # A closing mark after the quotation's comma (an opening mark is followed by its words).
    after_quote = i > 1 and s.low[i - 1] in _QUOTE_MARKS and s.low[i - 2] in (",", "!", "?")
    before_quote = j + 1 < s.n and s.low[j] == ":" and s.low[j + 1] in _QUOTE_MARKS
    return after_quote or before_quote


def _coordinated_predicate(s: Sentence, cands: list[Candidate], i: int) -> int | None:
    """The claim whose subject the predicate at token i shares, joined to the claim's clause by
    *and* or *but* (*De la Espriella supports a military-led policy **and has joined** U.S.-backed
    security efforts*): the predicate continues that claim's step of the argument, so it is
    that claim's fact (the holder's act, test 1) and no support for the claims of other
    sentences (also after *, and*: *Prabowo has sought to lead Indonesia for decades, and
    reinvented himself several times*); None when the clause has a subject of its own."""
    if i < 2 or s.low[i - 1] not in ("and", "but") or not is_verb(s.low[i]):
        return None
    end = i - 2 if s.low[i - 2] == "," else i - 1  # "..., and reinvented himself ..."
    return next((n for n, c in enumerate(cands) if c.region[1] == end), None)


def _predicate_fact(s: Sentence, i: int, j: int, typ: str | None, claim: int) -> Fact | None:
    """The fact a predicate sharing the subject of claim `claim` states: none when a modal makes
    it a prediction (*... but **would provide** increased capabilities*: no report, test 1)."""
    if any(w in MODALS for w in s.low[i:j]):
        return None
    return Fact(i, j, typ or "event", claim, cross=False, rule="shared-subject")


def _finite(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j may hold a finite verb, as a reason clause does (test 2a: a finite
    *because / since / as* clause); *since World War II*, *since 2010*, *since the crisis of
    1961* are times, no reasons. A lowercase word in *-s* may be a present verb (*as their use
    grows*) and counts, unless it is a noun by its ending or its determiner (`may_be_present`)."""
    return any(
        is_verb(w)
        or w in PRESENT
        or (s.toks[k][:1].islower() and may_be_present(w, s.low[k - 1] if k else ""))
        for k, w in enumerate(s.low[i:j], start=i)
    )


def _background_relative(s: Sentence, i: int, j: int) -> bool:
    """A comma-delimited relative clause in a past or perfect tense (*, which had lapsed
    following the collapse of the Soviet Union in 1991*, *, which has enabled this new chapter
    to move forward*): the history or an outcome of its antecedent, not support of the claim
    (test 3); one in the present states the situation the claim rests on (*, which values its
    freedom of manoeuvre*, *, which still takes about a third of its exports*). A *who* clause
    tells a person's own acts, in any tense (*endorsed X, who has vowed to restore ...*)."""
    prev = s.low[i - 1] if i > 0 else ""
    if prev not in ("which", "whose", "where") or i < 2 or s.low[i - 2] != ",":
        return False
    return any(is_past(w) or w in ("has", "have") for w in s.low[i:j])


def _marked_fact(
    s: Sentence, cands: list[Candidate], i: int, j: int, typ: str | None, marker: bool
) -> Fact | None:
    """A clause a support marker ties to the claim before it: a reason clause, a closing
    relative clause or apposition (test 2a); None for an unmarked clause."""
    fronted = _fronted_reason(s, cands, i, j, typ)
    if fronted is not None:
        return fronted
    prev = s.low[i - 1] if i > 0 else ""
    if marker:
        # "..., because the alliance is the one guarantee ...", "..., as the two leaders met
        # in Kazan ...": a finite adverbial clause of reason (test 2a). Inside a party's reported
        # speech the reason is the speaker's own, part of what was said (v1.3): no link.
        owner = _claim_before(cands, i)
        if owner is None:  # "And because Tokyo lost, Seoul will win": the claim after it
            owner = _claim_after(cands, j)
        if cands[owner].speech:
            return None
        return Fact(i, j, typ or "reasoning", owner, cross=False, rule="reason")
    # Closing the sentence, also with a second predicate (*, all of which have helped X and
    # bolstered Y*).
    closing = j >= trim_span(s, (0, s.n))[1] or (
        j + 1 < s.n and s.low[j] == "and" and is_verb(s.low[j + 1])
    )
    relative = prev in ("which", "who", "whose", "where") and i > 1 and s.low[i - 2] == ","
    # ", all of which have helped supplement Russian reserves": a relative clause too.
    if relative or (prev == "," and quantified_relative(s, i)):
        # ", which still takes about a third of its exports": a comma-delimited relative
        # clause closing the sentence after the claim adds a fact about it.
        owner = _claim_before(cands, i)
        i -= relative
        if owner is None or not supporting_relative(s, cands[owner], i, j, closing):
            return Fact(i, j, typ or "reasoning", cross=False, rule="relative-aside")
        return Fact(i, j, typ or "reasoning", owner, cross=False, rule="relative")
    apposition = prev == "," and s.low[i] in ("a", "an") and closing
    if apposition and not main_clause_after_comma(s, i, j):
        # ", a promise they regard as long overdue", ", a region which Russia remains
        # unable to revitalize": a closing apposition.
        owner = _claim_before(cands, i)
        if owner is None:
            return None
        return Fact(i, j, typ or "reasoning", owner, cross=False, rule="apposition")
    return None


def _fronted_reason(
    s: Sentence, cands: list[Candidate], i: int, j: int, typ: str | None
) -> Fact | None:
    """A reason set before the claim of its own sentence, up to a comma: a finite *because*
    clause (*Because Russia armed Pyongyang, Seoul wants distance*, test 2a) or a participle of
    means or cause reporting the holder's act (*By cutting its gas imports, ...*; *Having
    signed the treaty, ...*; guidelines v1.3). It supports that claim, never a neighbour's."""
    low = s.low
    if j >= s.n or low[j] != "," or i + 1 >= j:
        return None
    claim = _claim_after(cands, j)
    if cands[claim].region[0] < j or any(c.region[0] < i for c in cands):
        return None
    if low[i] == "because" and low[i + 1] != "of":
        return Fact(i + 1, j, typ or "reasoning", claim, cross=False, rule="fronted-because")
    if (low[i] == "by" and low[i + 1].endswith("ing") and not supposed_means(s, j)) or (
        low[i] == "having" and is_past(low[i + 1])
    ):
        return Fact(i + (low[i] == "by"), j, "event", claim, cross=False, rule="participle")
    return None
