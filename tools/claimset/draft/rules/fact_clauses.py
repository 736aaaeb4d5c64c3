"""Which stretches of a sentence are clauses that can state a fact (guidelines §13.1, test 1):
a time clause that only dates its main clause, and a stretch with no verb, state none.
`evidence.fragment` asks both."""

from __future__ import annotations

from ..lexicons import lexicons
from ..sentence import Sentence
from ..words import DETERMINERS, NUMBER, PRESENT, is_verb

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
#: Subject pronouns: the word after one is a verb in its bare form (*they trade*).
_PRONOUNS = frozenset(["i", "we", "you", "they"])


def time_clause(s: Sentence, i: int, j: int) -> bool:
    """A *when* clause that ends where the stretch ends, at the comma before its main clause
    (*When all is said and done, we will judge ...*, *When the talks resumed, Seoul ...*): it
    dates the main clause, the background of what the main clause says (test 3), no fact of
    its own. One that runs on into its main clause (*When Australia called for an inquiry,
    China answered with tariffs*) is the main clause's report and stays."""
    if s.low[i] != "when" or j >= s.n or s.low[j] != ",":
        return False
    return all(w != "," for w in s.low[i:j])


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
    if prev in _PRONOUNS or prev == "to":
        return True  # "they trade", "to exchange"
    if _plural(prev) and w not in preps and w not in DETERMINERS:
        return True  # "these imports pass through the Strait"
    if not w.endswith(("s", "ed")) or w.endswith("ss"):
        return False
    counted = prev in _COUNTS or bool(NUMBER.match(prev))
    return not (counted or prev in DETERMINERS or prev in preps)


def _plural(word: str) -> bool:
    """A word that may be a plural noun, a subject a bare verb may follow (*imports*)."""
    return word.isalpha() and word.endswith("s") and not word.endswith("ss")
