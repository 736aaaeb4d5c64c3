"""One sentence as tokens, with its clause boundaries, coordinating "and"s and the tokens that
are not asserted (conditions, concessions, premises)."""

from __future__ import annotations

import functools
import re
from itertools import compress

from .conjuncts import (
    between_adjectives,
    both_conjunct,
    closes_before_coordinator,
    in_purpose_infinitive,
    named_subject,
    noun_phrase_conjunct,
    opens_clause_at,
    parallel_base,
    parallel_past,
    plural_before_a_break,
    subject_then_finite,
    verbless_contrast,
    verbs_sharing_an_object,
)
from .lexicons import lexicons, longest_match
from .lists import list_comma
from .openings import (
    adverbial_yet,
    as_clause,
    conclusion_why,
    correlative,
    inverted_condition,
    mid_repair,
    premise_phrase,
    since_a_time,
)
from .predicative_lists import in_predicative_list
from .words import (
    ADJECTIVE_ENDINGS,
    ADVERSATIVES,
    APOSTROPHES,
    COORDINATORS,
    DASHES,
    DETERMINERS,
    FINITE,
    SUBJECT_PRONOUNS,
    is_verb,
    positions,
    tokens,
)

_GLUED = re.compile(r"^([A-Z][a-z]{2,}?)(should|must|would|could|might|will)$")
#: English words that end in a modal's letters: a capital starts them, yet they hold no name
#: glued to a modal (*Goodwill matters to Seoul.* is no prediction).
_ENDS_LIKE_A_MODAL = frozenset({"goodwill", "freewill"})
# What every glued token holds: one search of the text spares most sentences the token test
# (the capital first: the search then only stops at capitals).
_MAY_BE_GLUED = re.compile(r"[A-Z][a-z]{2,}?(?:should|must|would|could|might|will)")


class Sentence:
    """Tokens of one sentence with the analyses the rules share."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks, self.starts, self.ends = tokens(text)
        if _MAY_BE_GLUED.search(text) and any(
            len(t) > 7
            and t[0].isupper()
            and _GLUED.match(t)
            and t.lower() not in _ENDS_LIKE_A_MODAL
            for t in self.toks
        ):
            self._split_glued()
        self.low = list(map(str.lower, self.toks))
        self.n = len(self.toks)
        # `skip_connectives` answers by (from, limit), kept: the rules ask for the same stretch
        # again and again, and the tokens never change once made.
        self.skips: dict[tuple[int, int], int] = {}
        # Insertions (rules/insertion.py): all their tokens, and those between commas (a side
        # statement whose attitude words are no claim's cue, guidelines §4.3).
        self.inserted, self.asides = _insertions(self)
        # The words of a speaker's false start (*This will be — this will ...*): filled by
        # `_boundaries`, which marks the dash after them.
        self.broken: set[int] = set()
        # Whether a dash or hyphen is among the tokens: a false start needs one, and most
        # sentences have none (`past_false_start` is asked at every clause opening).
        self.dashed = "-" in text or "—" in text or "–" in text
        self.opens, self.stop, self.coord = _boundaries(self)
        self.suppressed = _suppressed(self)

    def _split_glued(self) -> None:
        spans = zip(self.toks, self.starts, self.ends, strict=True)
        self.toks, self.starts, self.ends = [], [], []
        for tok, at, end in spans:
            glued = _GLUED.match(tok) if len(tok) > 7 and tok[0].isupper() else None
            if glued and tok.lower() not in _ENDS_LIKE_A_MODAL:
                # "Russiashould" (a missing space, SPEC's own example): two tokens.
                cut = glued.end(1)
                self.toks += [tok[:cut], tok[cut:]]
                self.starts += [at, at + cut]
                self.ends += [at + cut, end]
            else:
                self.toks.append(tok)
                self.starts.append(at)
                self.ends.append(end)

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """The character offsets [start, end) of tokens [i, j)."""
        return self.starts[i], self.ends[j - 1]


def _boundaries(s: Sentence) -> tuple[list[bool], list[bool], list[bool]]:
    """Which tokens open a clause, which are clause boundaries, and which boundaries are an
    "and" that coordinates two predicates or clauses (a second claim, guidelines §5)."""
    low, n = s.low, s.n
    opens = [False] * (n + 1)
    stop = [False] * (n + 1)
    coord = [False] * (n + 1)
    opens[0] = True
    parenthetical = _parentheticals(s)
    inserted = s.inserted
    parenthetical |= inserted
    may_bound = _may_bound()
    finite_seen = negated = False
    for i in range(n):
        tok = low[i]
        if i in inserted:
            continue  # "(as well as China)", ", drafted last spring and revised twice,"
        if tok == "," and i in parenthetical and closes_before_coordinator(s, i):
            # "Seoul will hold, however, and Tokyo will not": the connective's closing comma
            # is also the comma of ", and" (a coordinated clause, guidelines §5).
            stop[i] = stop[i + 1] = coord[i + 1] = True
            opens[i + 2] = True
            continue
        if opens[i]:
            finite_seen = negated = False
            if (repair := past_false_start(s, i, n)) > i:
                stop[repair - 1] = opens[repair] = True  # the dash before a speaker's repair
                s.broken.update(range(i, repair))
        if tok in ("not", "n't"):
            negated = True
        if not finite_seen and is_verb(tok):
            finite_seen = True
        if tok not in may_bound:
            continue
        width, coordinating = _boundary_at(s, i, negated, finite_seen, parenthetical)
        if width == 0:
            continue
        for k in range(i, i + width):
            stop[k] = True
        coord[i] = coord[i] or coordinating
        opens[i + width] = True
        if tok == "," and i + 1 < n and low[i + 1] in COORDINATORS:
            stop[i + 1] = coord[i + 1] = True  # ", and", ", or": a coordinated clause
            opens[i + 2] = True
    return opens, stop, coord


_PUNCTUATION_BOUNDS = (",", ";", ":", "–", "—", "(", ")", "?", "!")
# Every word `_boundary_at` may find a boundary at, but the subordinators of syntax.json.
_MAY_BOUND = ADVERSATIVES | frozenset(_PUNCTUATION_BOUNDS) | frozenset(["."])
_MAY_BOUND |= frozenset(["and", "since", "while", "when", "before", "after"])
_MAY_BOUND |= frozenset(["which", "who", "where", "whom", "whose", "as", "why", "due", "given"])


@functools.cache
def _may_bound() -> frozenset[str]:
    """`_MAY_BOUND` and the first words of the subordinators: one set to look every token up
    in (the loop of `_boundaries` runs for every token of every sentence)."""
    return _MAY_BOUND | frozenset(lexicons().subordinators)


def _boundary_at(
    s: Sentence, i: int, negated: bool, finite_seen: bool, parenthetical: set[int]
) -> tuple[int, bool]:
    """How many tokens from i are a clause boundary (0: none), and whether it is an "and"
    coordinating predicates or clauses."""
    lex = lexicons()
    low, n = s.low, s.n
    tok = low[i]
    # Quotation marks are no boundary: a quoted word or phrase belongs to its clause
    # (*warned that Egypt would "never accept" it*, *called X a "reckless gambler"*).
    if tok in _PUNCTUATION_BOUNDS or (tok == "." and i == n - 1):
        listed = i in parenthetical or _inside_clause(s, i, negated, finite_seen)
        return (0 if listed else 1), False
    if tok in ADVERSATIVES:
        return _adversative(s, i, negated), False
    if tok in COORDINATORS and i > 0 and low[i - 1] == "," and list_comma(s, i - 1):
        return 0, False  # the serial "and" of a list
    if tok == "and":
        joins = not both_conjunct(s, i) and _coordinates(s, i, finite_seen, parenthetical)
        return (1, True) if joins else (0, False)
    if since_a_time(low, i) or (tok == "since" and _since_a_phrase(s, i)):
        return 0, False  # "since 2022", "since World War II": a phrase of time, no clause
    if _participle_after(s, i):
        return 0, False  # "keeping the border quiet while expanding trade": no clause of its own
    if (tok in lex.subordinators or tok in ("due", "given")) and (width := _subordinator(s, i)):
        return width, False
    if tok in ("which", "who", "where", "whom", "whose") and i > 0 and low[i - 1] == ",":
        return 1, False
    if conclusion_why(low, i):
        return 1, False  # "That is why Seoul should stay out": the conclusion is a clause
    return (1 if tok == "as" and finite_seen and _as_with_clause(s, i) else 0), False


def _inside_clause(s: Sentence, i: int, negated: bool, finite_seen: bool) -> bool:
    """Whether the punctuation at token i stays inside its clause: a list's comma, a speaker's
    repair, an en dash of a compound, a comma before a verbless *but* phrase or a closing noun
    phrase after *, and*."""
    low, tok = s.low, s.low[i]
    if (tok == "," and list_comma(s, i)) or mid_repair(low, i):
        return True
    if tok == "–" and _glued(s, i):
        return True  # "CENTO–RCD", "1977–80": a compound
    if tok == "," and low[i + 1 : i + 2] == ["but"]:
        return verbless_contrast(s, i + 1, negated)  # "is not a threat, but a fact of life"
    if tok == "," and finite_seen and low[i + 1 : i + 2] in (["and"], ["or"]):
        return noun_phrase_conjunct(s, i + 2)  # ", and the maintenance of X"
    return False


def _glued(s: Sentence, i: int) -> bool:
    """Whether the token at i touches a word on either side, no space between (an en dash that
    joins a compound or a range, *the CENTO–RCD projects*, *1977–80*, not one that sets off a
    phrase, *the world – especially Asia – will*)."""
    return (
        0 < i < s.n - 1
        and s.starts[i] == s.ends[i - 1]
        and s.starts[i + 1] == s.ends[i]
        and s.low[i - 1][:1].isalnum()
        and s.low[i + 1][:1].isalnum()
    )


def _subordinator(s: Sentence, i: int) -> int:
    """How many tokens the subordinator at token i spans (0: none); none after the comma of a
    condition that closes the sentence (*..., even if Tokyo objects*: kept in the span, §7.2).
    A premise phrase counts (*... was delayed due to the war*: cut, §7.2)."""
    if s.low[i] in ("due", "given"):
        return premise_phrase(s.low, i)
    if i == 0:
        return 0
    m = longest_match(lexicons().subordinators, s.low, i)
    if m is None or (s.low[i - 1] == "," and s.low[i] == "even" and list_comma(s, i - 1)):
        return 0
    return m[0]


def _since_a_phrase(s: Sentence, i: int) -> bool:
    """Whether the *since* at token i opens a noun phrase of time, no clause (*since World War
    II*, *since the end of the Cold War*): no verb up to the next punctuation, and no present
    verb after a name or pronoun (*since Tokyo needs oil* is a clause)."""
    low, toks = s.low, s.toks
    k = i + 1
    while k < s.n and low[k][:1].isalnum():
        w = low[k]
        if w in FINITE or is_verb(w) or w in _CLAUSE_SUBJECTS:
            return False
        after_name = toks[k - 1][:1].isupper() and k - 1 > i
        if after_name and toks[k].islower() and w.endswith("s") and not w.endswith("ss"):
            return False
        k += 1
    return k > i + 1


def _adversative(s: Sentence, i: int, negated: bool) -> int:
    """How many tokens the *but* / *yet* at token i bounds (0 or 1)."""
    if adverbial_yet(s.low, i):
        return 0  # "Russia may yet surprise its critics": an adverb, no clause
    # "not a peripheral zone but a key crossing": one predicate (guidelines §5); a finite verb
    # after "but" opens a second predicate all the same ("may not be accurate but have a
    # long range").
    contrast = negated and not (i + 1 < s.n and s.low[i + 1] in FINITE)
    contrast = contrast or (s.low[i] == "but" and verbless_contrast(s, i, negated))
    if contrast or _relative_second_predicate(s, i) or between_adjectives(s, i):
        return 0
    # "is open to trade but wary of debt, and committed to ...": items of one predicate list.
    return 0 if s.low[i] == "but" and in_predicative_list(s, i) else 1


def _relative_second_predicate(s: Sentence, i: int) -> bool:
    """Whether the *but* at token i joins a second predicate to a relative clause (*a partner
    who shares its goals but wants more trade*): the relative
    clause's own, kept with it (guidelines §7.2 keeps restrictive relative clauses)."""
    low, n = s.low, s.n
    nxt = low[i + 1] if i + 1 < n else ""
    verb = (
        nxt in FINITE
        or is_verb(nxt)
        or (nxt.endswith("s") and not nxt.endswith("ss") and s.toks[i + 1].islower())
    )
    if not verb:
        return False
    for k in range(i - 1, max(0, i - 15), -1):
        if low[k] in (",", ";", ":", "(", ")"):
            return False
        if low[k] in ("who", "which", "where", "whom", "whose"):
            return True
    return False


def _participle_after(s: Sentence, i: int) -> bool:
    """Whether the *while / when / before / after* at token i is followed by a participle that
    opens no clause of its own (*keeping the border quiet while expanding trade*); an attitude
    participle does (*supports cooperation while urging X to ...*)."""
    low = s.low
    nxt = low[i + 1] if i + 1 < s.n else ""
    return (
        low[i] in ("while", "when", "before", "after")
        and nxt.endswith("ing")
        and i > 0
        and lexicons().expectations.get(nxt) is None
    )


#: Words that open the subject of a clause after *as* (*as their use of drones grew*).
_CLAUSE_SUBJECTS = frozenset(["their", "its", "his", "her", "our", "they", "it", "he", "she", "we"])


#: Verbs of *as it is / as it stands*: the noun before described as it is, no time or cause.
_BE_AS_IT_IS = frozenset(["is", "was", "are", "were", "stands", "stood", "exists", "existed"])

#: Words before an *as* that opens no clause (*such as*, *as long as*, *as far as*).
_NOT_BEFORE_AS = frozenset(
    [",", "such", "so", "same", "just", "well", "long", "far", "soon", "much", "(", "–", "—"]
)


def _as_with_clause(s: Sentence, i: int) -> bool:
    """Whether the *as* at token i, after a main clause and with no comma before it, opens a
    finite adverbial clause of time or cause (*... bolstered their power as their use of drones
    proliferated*, *... volatile as officials have used tariff threats*): its own subject, then
    a finite verb before any punctuation. Not *as* before a noun phrase (*regards the base as
    the main threat*, *described him as a maverick who ...*), nor *as X as*, *such as*."""
    low, toks, n = s.low, s.toks, s.n
    if i == 0 or i + 1 == n or low[i - 1] in _NOT_BEFORE_AS or is_verb(low[i - 1]):
        return False  # "portrayed as the stronghold of ...": the verb's complement; a last "as"
    if "as" in low[max(0, i - 4) : i]:
        return False  # "as cold as they are today": a comparison
    nxt = low[i + 1] if i + 1 < n else ""
    if not (nxt in DETERMINERS or nxt in _CLAUSE_SUBJECTS or toks[i + 1][:1].isupper()):
        return False
    if nxt in ("a", "an", "part", "much", "many", "long", "soon", "far", "well", "such"):
        return False  # "as a result", "as part of", "as soon as": no clause
    if nxt in ("it", "they") and i + 2 < n and low[i + 2] in _BE_AS_IT_IS:
        return False  # "a world as it was 20 years ago", "the deal as it stands": the noun's manner
    for k in range(i + 2, min(n, i + 12)):
        w = low[k]
        if w in _PUNCTUATION_BOUNDS or w in ("as", "who", "which", "that", "than", "."):
            return False
        if w == "and" and k + 1 < n and (low[k + 1] in FINITE or is_verb(low[k + 1])):
            return False  # "regards it as a threat and has ...": a second predicate
        if w in FINITE or (is_verb(w) and k > i + 2):
            return True
    return False


def _coordinates(s: Sentence, i: int, finite_seen: bool, parenthetical: set[int]) -> bool:
    """Whether the "and" at token i joins predicates or clauses rather than noun phrases."""
    low, n = s.low, s.n
    c = i + 1
    if c in parenthetical:  # "and, above all, to keep ...": look past the parenthesis
        c += 1
        while c < n and c not in parenthetical:
            c += 1
        c += 1
    nxt = low[c] if c < n else ""
    if (opened := _clause_after_and(s, i, c, finite_seen)) is not None:
        return opened
    if _adjectives(s, i, c):
        return False  # "a free and open Indo-Pacific": two adjectives of one noun
    if verbs_sharing_an_object(s, i, c):
        return False  # "launching and shepherding talks": one predicate, one object
    if parallel_past(s, i, c) or parallel_base(s, i, c):
        # "has provided aid and reportedly reprogrammed funds", "plans to expand its navy and
        # increase spending": two predicates, each with its own object.
        return True
    lower = c < n and s.toks[c].islower() and nxt.isalpha()
    prepositions = lexicons().prepositions
    if lower and nxt not in DETERMINERS and _verb_with_object(s, c, finite_seen):
        # "and employ whatever leverage", "and avoid any alliance": a verb takes an object.
        return not nxt.endswith("ly") and nxt not in prepositions
    if not finite_seen:
        return False
    if lower and nxt not in prepositions and nxt not in DETERMINERS:
        # "... is the main guarantor and hermetic alliances like ... are more attractive".
        for k in range(c + 1, min(n, c + 16)):
            w = low[k]
            if w in (",", ";", ":", "and", "than", "but", "that", "which", "who"):
                break
            if w in ("is", "are", "was", "were"):
                return True
    # "the economy is mismanaged and the investment climate leaves ...": a new clause when a
    # finite verb follows within a few words.
    return nxt in DETERMINERS and (_finite_follows(s, c) or subject_then_finite(s, c))


def _clause_after_and(s: Sentence, i: int, c: int, finite_seen: bool) -> bool | None:
    """What the words right after the "and" at token i (its conjunct at c) decide: False inside
    an infinitive of purpose, True before *to*, *that*, a finite verb, a subject pronoun and
    its verb, a name and its modal; None when they decide nothing."""
    low, n = s.low, s.n
    nxt = low[c] if c < n else ""
    if in_purpose_infinitive(s, i) and nxt not in DETERMINERS and nxt not in FINITE:
        return False  # "in order to keep X and (to) enjoy Y": one adjunct of purpose
    if nxt in ("to", "that") or nxt in FINITE:
        return True
    if nxt in SUBJECT_PRONOUNS and c + 1 < n and (low[c + 1] in FINITE or is_verb(low[c + 1])):
        return True  # "... and it will end", "... and he would reincarnate": a clause
    if finite_seen and not s.toks[i - 1][:1].isupper() and named_subject(s, c):
        return True  # "... will stress this point and Rallis can be expected to ...": a clause
    return None


def _adjectives(s: Sentence, i: int, c: int) -> bool:
    """Whether the "and" at token i joins two adjectives after a determiner before their noun
    (*a free and open Indo-Pacific*; not *the dam and regards any quota*)."""
    low, n = s.low, s.n
    if i < 2 or c + 1 >= n or low[i - 2] not in ("a", "an") or not s.toks[i - 1].islower():
        return False
    nxt, after = low[c], s.toks[c + 1]
    return (
        not is_verb(low[i - 1])
        and s.toks[c].islower()
        and not nxt.endswith(("s", "ed"))
        and after[:1].isalpha()
        and after.lower() not in DETERMINERS
    )


def _verb_with_object(s: Sentence, c: int, finite_seen: bool) -> bool:
    """Whether the word at token c looks like a verb taking an object: a determiner or
    quantifier follows, or (after a finite verb) a name it is no adjective of."""
    low, n = s.low, s.n
    nxt = low[c] if c < n else ""
    after = low[c + 1] if c + 1 < n else ""
    return (
        after in DETERMINERS
        or after in ("whatever", "any", "all", "no", "some", "more")
        or (
            finite_seen
            and c + 1 < n
            and s.toks[c + 1][:1].isupper()
            and not nxt.endswith(ADJECTIVE_ENDINGS)
        )
    )


def _finite_follows(s: Sentence, c: int) -> bool:
    """A finite verb (or a present-tense -s form) within five tokens after c."""
    low = s.low
    for k in range(c + 1, min(s.n, c + 6)):
        w = low[k]
        if w in FINITE or (
            w.endswith("s")
            and len(w) > 3
            and low[k - 1] not in DETERMINERS
            and s.toks[k].islower()
            and not w.endswith("ss")
            and not plural_before_a_break(s, k)
        ):
            return True
        if w in (",", ";", ":", "but", "and"):
            break  # a verb after another "and" is a later conjunct's
    return False


def _parentheticals(s: Sentence) -> set[int]:
    """Commas around a connective (", for its part,", ", however,"): not clause boundaries."""
    lex = lexicons()
    out: set[int] = set()
    if "," not in s.text:
        return out  # (a substring test: most sentences hold no comma or only one)
    for i in range(s.n - 2):
        if s.low[i] != ",":
            continue
        m = longest_match(lex.connectives, s.low, i + 1)
        if m is not None and i + 1 + m[0] < s.n and s.low[i + 1 + m[0]] == ",":
            out.update((i, i + 1 + m[0]))
    return out


def past_false_start(s: Sentence, a: int, end: int) -> int:
    """Past a speaker's false start at token a (*This will be — this will blunt prices*, *We
    can't -- we won't wait*): a few words broken off at a dash and begun again with the same
    first word. The repair is the clause; the broken-off words state nothing (guidelines
    §7.1); a at none."""
    if not s.dashed:
        return a
    for d in range(a + 1, min(end - 1, a + 6)):
        w = s.low[d]
        if w in DASHES:
            if d in s.inserted:
                return a  # "Moscow — Moscow alone — will decide": a parenthesis
            e = d
            while e < end and s.low[e] in DASHES:
                e += 1  # "--" typed as two hyphens
            return e if e < end and s.low[e] == s.low[a] else a
        if not (w[:1].isalnum() or w[:1] in APOSTROPHES):
            return a
    return a


#: The tokens an insertion may open at.
_MAY_INSERT = frozenset(["(", ",", "–", "—"])


def _insertions(s: Sentence) -> tuple[set[int], set[int]]:
    """Tokens of insertions that interrupt a clause without ending it (*ties with North Korea
    (as well as China and Iran) partly to ...*, *the proposals, drafted last spring and revised
    twice, were never tabled*): the registered rules of `rules/insertion.py`, in the order
    syntax.json lists them, tried at every "(" and ",". Their commas and words bound no clause
    (guidelines §7.2)."""
    out: set[int] = set()
    asides: set[int] = set()
    if "(" not in s.text and "," not in s.text and "–" not in s.text and "—" not in s.text:
        return out, asides
    rules = lexicons().insertions
    done = -1  # the last token of the insertion found last
    for i in positions(s.low, _MAY_INSERT):
        if i <= done:
            continue
        for rule in rules:
            if k := rule(s, i):
                out.update(range(i, k + 1))
                if s.low[i] in (",", "–", "—"):
                    asides.update(range(i, k + 1))
                done = k
                break
    return out, asides


def _suppressed(s: Sentence) -> list[bool]:
    """Tokens of conditions, concessions and premises that open a clause (*If ..., While ...,
    given that ...*): they are not asserted, so they make no claim (guidelines §4.3)."""
    lex = lexicons()
    out = [False] * s.n
    first = skip_connectives(s, 0, s.n)
    i = 0  # the first token not yet inside a condition
    # Only where a clause opens, or at the first word, can a condition begin: only those tokens
    # are tried (`compress` picks them in C; most tokens open nothing).
    for at in sorted({first, *compress(range(s.n), s.opens)}):
        if at < i or at >= s.n:
            continue
        k = skip_connectives(s, at, s.n)
        m = longest_match(lex.concessive, s.low, k) if k < s.n else None
        if m is not None and s.low[k] == "as" and not as_clause(s.low, k):
            m = None
        opening = m is not None and (k == first or opens_clause_at(s, k))
        conditional = k == first and (inverted_condition(s.low, k) or correlative(s.low, k))
        if opening or conditional:
            end = k + (m[0] if m is not None and opening else 1)
            while end < s.n and s.low[end] != ",":
                end += 1
            for t in range(k, end):
                out[t] = True
            i = end + 1
    return out


def clause_start(s: Sentence, i: int) -> int:
    """First token of the clause holding token i, past leading connectives and commas."""
    k = i
    while k > 0 and not s.opens[k]:
        k -= 1
    return skip_connectives(s, k, i)


def skip_connectives(s: Sentence, k: int, limit: int) -> int:
    """The first token from k (before `limit`) past commas, dashes and connectives."""
    found = s.skips.get((k, limit))
    if found is None:
        found = s.skips[k, limit] = _skip_connectives(s, k, limit)
    return found


def _skip_connectives(s: Sentence, k: int, limit: int) -> int:
    lex = lexicons()
    while k < limit:
        if s.low[k] in (",", "–", "—"):
            k += 1
            continue
        m = longest_match(lex.connectives, s.low, k) if s.low[k] in lex.connectives.firsts else None
        if m is not None and k + m[0] <= limit:
            k += m[0]
            continue
        break
    return k


def clause_end(s: Sentence, i: int) -> int:
    """Token index just after the clause that goes on from token i (exclusive)."""
    try:
        return s.stop.index(True, i, s.n)  # the next boundary, found in C
    except ValueError:
        return max(i, s.n)
