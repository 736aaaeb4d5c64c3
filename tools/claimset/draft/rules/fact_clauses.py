"""Which stretches of a sentence are clauses that can state a fact (guidelines §13.1, test 1):
a time clause that only dates its main clause, and a stretch with no verb, state none
(`evidence.fragment` asks both); a report after an author's claim and *, and* belongs to that
claim (`claim_and`); a quantified relative clause is a relative clause (`quantified_relative`)."""

from __future__ import annotations

from ..lexicons import lexicons
from ..sentence import Sentence, skip_connectives
from ..types import Candidate
from ..words import (
    CLOSED_CLASS_S,
    DETERMINERS,
    FINITE,
    MODALS,
    NUMBER,
    PLAIN_FORM_PRONOUNS,
    PRESENT,
    SUBJECT_PRONOUNS,
    is_past,
    is_verb,
    may_be_present,
)

#: Words that count things: a plural after one is a noun (*over eight years*), no verb.
_COUNTS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "several",
        "many",
        "few",
    ]
)


def time_clause(s: Sentence, i: int, j: int) -> bool:
    """A *when* clause that ends where the stretch ends, at the comma before its main clause
    (*When all is said and done, we will judge ...*, *When the talks resumed, Seoul ...*): it
    dates the main clause, the background of what the main clause says (test 3), no fact of
    its own. One that runs on into its main clause (*When Australia called for an inquiry,
    China answered with tariffs*) is the main clause's report and stays."""
    if j >= s.n or s.low[j] != "," or any(w == "," for w in s.low[i:j]):
        return False
    if s.low[i] == "when":
        return True
    # (v1.4) Any fronted temporal clause is background: *After the talks failed, ...*,
    # *Following a visit in 2016, ...*, *Almost a year after the first officers arrived, ...*
    # (a measure of time before *after / before*). A reason (*once*, *now that*) is not.
    fronted = i == skip_connectives(s, 0, j)
    k = i
    while k < min(j, i + 4) and s.low[k] in _TIME_MEASURES:
        k += 1
    return fronted and k < j and s.low[k] in _TEMPORAL


#: Words opening a temporal clause or phrase, and words that may measure the time before one.
_TEMPORAL = frozenset(["after", "before", "while", "until", "following", "upon"])
_TIME_MEASURES = frozenset(
    [
        *("a", "an", "one", "two", "three", "few", "several", "almost", "nearly", "about"),
        *("just", "shortly", "soon", "long", "right", "immediately", "hours", "minutes"),
        *("day", "days", "week", "weeks", "month", "months", "year", "years", "decades"),
    ]
)


def verbless(s: Sentence, i: int, j: int) -> bool:
    """Tokens i..j, after a comma or a conjunction, hold no word that can be a verb: an
    adjective phrase after a comma (*, worth $2 billion over eight years*) or the last item of
    a list of names (*..., and President Suharto (in office 1968-1998)*), parts of the clause
    before them, no clause (test 1). A word in *-s* or *-ed* counts as a verb unless a
    determiner, a preposition or a number comes right before it (*over eight years*, *the
    talks*); any word after a subject pronoun or a plural counts (*they trade*, *these imports
    pass through the Strait*), and any after *to*."""
    if i == 0 or s.low[i - 1] not in (",", "and", "or"):
        return False  # the first clause: a main clause, whose verb may be a bare present
    return not any(_may_be_verb(s, k) for k in range(i, j))


def _may_be_verb(s: Sentence, k: int) -> bool:
    """Whether token k may be the verb of a clause."""
    w = s.low[k]
    if is_verb(w) or w in PRESENT:
        return True
    if not (w.isalpha() and s.toks[k][:1].islower()):
        return False
    prev = s.low[k - 1] if k > 0 else ""
    preps = lexicons().prepositions
    if prev in PLAIN_FORM_PRONOUNS or prev == "to":
        return True  # "they trade", "to exchange"
    if _plural(prev) and w not in preps and w not in DETERMINERS:
        return True  # "these imports pass through the Strait"
    if w.endswith("s") and not may_be_present(w, ""):
        return False  # "such as", "the crisis": a closed-class word or a noun by its ending
    if not w.endswith(("s", "ed")) or w.endswith("ss"):
        return False
    counted = prev in _COUNTS or bool(NUMBER.match(prev))
    return not (counted or prev in DETERMINERS or prev in preps)


def _plural(word: str) -> bool:
    """A word that may be a plural noun, a subject a bare verb may follow (*imports*)."""
    plural = word.isalpha() and word.endswith("s") and not word.endswith("ss")
    return plural and word not in CLOSED_CLASS_S  # not "its", "this", "as"


def claim_and(s: Sentence, cands: list[Candidate], i: int) -> int | None:
    """The author's claim that ends right before *, and* at token i, if any (*Its foreign policy
    is guided by its role as a founder of the movement, and successive governments have
    resisted aligning with anyone*): the report after it supports it, claim-then-facts inside
    one sentence (test 2b). Its own sentence does not stand *between* it and the claims before
    (test 2b), so it may back those too: a fact supports every claim it passes the tests for.
    After a party's claim the report is left to adjacency alone."""
    if i < 2 or s.low[i - 1] != "and" or s.low[i - 2] != ",":
        return None
    if s.low[i] == "as" or s.low[i] in lexicons().prepositions:
        return None  # "..., and as countries who share ...": a phrase, no clause of its own
    return next(
        (n for n, c in enumerate(cands) if c.region[1] == i - 2 and c.frame == "author"), None
    )


#: Quantifiers of a relative pronoun (*all of which*, *both of whom*).
_QUANTIFIERS = frozenset(["all", "both", "each", "many", "most", "some", "several", "none"])


def quantified_relative(s: Sentence, i: int) -> bool:
    """Whether a relative clause opens at token i with a quantified pronoun (*, all of which
    have helped supplement Russian reserves*, *, both of whom have visited Seoul*): a
    comma-delimited relative clause like one opening with *which* (test 2a)."""
    low = s.low
    return (
        i + 2 < s.n
        and low[i] in _QUANTIFIERS
        and low[i + 1] == "of"
        and low[i + 2] in ("which", "whom")
    )


def supporting_relative(s: Sentence, claim: Candidate, i: int, j: int, closing: bool) -> bool:
    """Whether the comma-delimited relative clause in tokens i..j may support the claim before
    it (test 2a): it closes the sentence (*endorsed X, who has vowed to ...*), states a fact
    rather than a prediction (*, which would supply gas to China*: a modal, no report), and
    stands outside a party's reported speech, whose words it would belong to or comment on
    (*activists argue that the firm downplays the risks of the mine, which the firm calls
    ...*). One inside the clause (*The pact, which is an executive agreement, covers ...*)
    describes its noun: the clause's own business, no support."""
    return closing and not claim.speech and not any(w in MODALS for w in s.low[i:j])


#: Words that open an adverbial before the main clause besides the prepositions
#: (*Although ..., *, *While ..., *, *After talks, ...*).
ADVERBIAL_OPENERS = frozenset(
    [
        *("although", "though", "while", "whereas", "when", "once", "if", "unless"),
        *("after", "before", "since", "until", "following", "despite", "amid"),
    ]
)


def main_clause_after_comma(s: Sentence, i: int, j: int) -> bool:
    """Whether the stretch i..j after a comma, opening with *a / an*, is a main clause rather
    than an apposition to the words before the comma (*..., a region which Russia remains
    unable to revitalize*, *..., a promise they regard as overdue*): the comma closes an
    adverbial that opens the sentence (*Despite talk of a deal, a May meeting did not yield
    progress*), or a finite verb follows the noun phrase with no relative pronoun or subject
    pronoun before it (*..., a meeting in May did not yield progress*)."""
    comma = i - 1
    if copula_complement(s, comma):
        return True
    k = skip_connectives(s, 0, comma)
    opener = s.low[k] in lexicons().prepositions or s.low[k] in ADVERBIAL_OPENERS
    if k < comma and opener and all(w != "," for w in s.low[k:comma]):
        return True
    relatives = lexicons().relatives
    for t in range(i, j):
        if s.low[t] in relatives:
            return False
        if s.low[t] in FINITE:
            return s.low[t - 1] not in SUBJECT_PRONOUNS
    return False


def copula_complement(s: Sentence, comma: int) -> bool:
    """Whether the comma at token `comma` closes an aside that interrupts a copula before its
    complement (*It is still, last but not least, a partner worth having*, *Turkey remains,
    however, an ally*): the noun phrase after it is the predicate, no apposition."""
    opening = next((k for k in range(comma - 1, max(comma - 7, 0), -1) if s.low[k] == ","), None)
    if opening is None:
        return False
    k = opening - 1
    if k > 0 and (s.low[k].endswith("ly") or s.low[k] in _STILL):
        k -= 1  # "is still, ...", "is clearly, ..."
    return k >= 0 and s.low[k] in _COPULAS


#: Copulas that leave a clause open for its complement, and adverbs that may follow them.
_COPULAS = frozenset(["is", "are", "was", "were", "remains", "remain", "remained", "became"])
_STILL = frozenset(["still", "also", "now", "thus", "therefore", "not"])


def verbless_claim(s: Sentence, claim: Candidate) -> bool:
    """Whether an author's claim has no word in its span that may be a verb (*a small
    population*, *the pact*): a phrase taken for a claim, whose proposition the text never
    states, so nothing can be presented as its support (test 3). A party's claim may be a
    noun phrase, the object of its attitude (*Seoul wants calm*)."""
    a, b = claim.span
    return claim.frame == "author" and not any(_may_be_verb(s, k) for k in range(a, b))


def realized_condition(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j are a fronted *once* clause in a past tense, up to the comma before
    its main clause (*Once that agreement had been made, staying was no longer possible*): a
    condition that was met, an event the claim rests on (test 2a, like a premise). In the
    present (*Once the talks fail, ...*) it is a condition, not asserted (§4.3)."""
    k = i - 1
    while k > 0 and s.suppressed[k - 1]:
        k -= 1
    if k < 0 or s.low[k] != "once" or j >= s.n or s.low[j] != ",":
        return False
    if k > skip_connectives(s, 0, k):
        return False  # not at the sentence's start
    return any(is_past(w) for w in s.low[i:j])
