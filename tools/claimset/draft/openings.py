"""Words that open a clause not asserted, or that only look like a clause boundary.

Tests over a sentence's lower-cased tokens (`Sentence.low`), for the clause analysis of
`sentence.py`: a condition by inversion (*Should the talks fail, ...*), the condition half of
a comparative correlative (*The longer the war lasts, ...*), an adverbial *as* clause (*As we
take these steps, ...*), the adverb *yet* (*may yet*), which is no conjunction, and the *why*
of *That is why P*, which opens the claim P.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicons import lexicons, longest_match
from .words import APOSTROPHES, BE, DASHES, FINITE, is_verb

# The auxiliaries that open a condition by inversion (Quirk et al. 1985, §15.36).
_INVERTED_CONDITIONS = frozenset(("should", "were", "had"))

# The words that point back in a conclusion frame (*That is why ...*, *This is why ...*).
_POINTERS = frozenset(["that", "this"])

# Comparatives that open a comparative correlative (*The longer ..., the weaker ...*).
_COMPARATIVES = frozenset(["more", "less", "fewer", "better", "worse", "further", "sooner"])


def inverted_condition(low: Sequence[str], k: int) -> bool:
    """Whether the sentence opens at token k with a condition by inversion (*Should the talks
    fail, ...*, *Were Beijing to invade, ...*, *Had it not been for U.S. aid, ...*): the
    auxiliary, then its subject (no verb next), and a comma closing the condition. Not a
    question (*Should Seoul join?*)."""
    if k >= len(low) or low[k] not in _INVERTED_CONDITIONS:
        return False
    nxt = low[k + 1] if k + 1 < len(low) else ""
    return low[-1] != "?" and "," in low[k + 2 :] and nxt not in FINITE and not is_verb(nxt)


def _comparative(word: str) -> bool:
    return word in _COMPARATIVES or (len(word) > 4 and word.endswith("er") and word.isalpha())


def correlative(low: Sequence[str], k: int) -> bool:
    """Whether the sentence opens at token k with the condition of a comparative correlative
    (*The longer the war lasts, the weaker Russia will become*; Quirk et al. 1985, §15.55):
    *the* and a comparative, and after a comma *the* and a comparative again. The first half is
    a condition, not asserted; the claim is the second."""
    n = len(low)
    if not (k + 1 < n and low[k] == "the" and _comparative(low[k + 1])):
        return False
    # Both halves are clauses: a subject and its verb after the comparative (*the longer the
    # war lasts*), not a noun in -er before an apposition (*The leader, the member of ...*);
    # *the sooner Tokyo acts, the better* stays one judgement.
    return any(
        low[c] == "," and low[c + 1] == "the" and _comparative(low[c + 2])
        for c in range(k + 4, n - 4)
    )


def as_clause(low: Sequence[str], k: int) -> bool:
    """Whether the *as* at token k opens an adverbial clause or phrase closed by a comma (*As we
    take these steps, ...*, *As part of the compact, ...*, *As well as the tariffs, ...*): its
    time, cause or frame is not asserted. Not a cue phrase (*As it happens*)."""
    cue = longest_match(lexicons().hedges, low, k)
    if cue is not None and cue[0] > 1:
        return False
    return "," in low[k + 1 :]


def adverbial_yet(low: Sequence[str], i: int) -> bool:
    """Whether the *yet* at token i is the adverb (*may yet surprise*, *has yet to decide*, *not
    yet*, *as yet*), not the conjunction (*..., yet Seoul stayed*): after an auxiliary, a modal,
    a negation or *as*."""
    return (
        low[i] == "yet" and i > 0 and (low[i - 1] in lexicons().auxiliaries or low[i - 1] == "as")
    )


def conclusion_why(low: Sequence[str], i: int) -> bool:
    """Whether the *why* at token i opens the conclusion of a frame that points back (*That is
    why Seoul should stay out*, *This is why ...*): the clause after it is the claim."""
    return (
        low[i] == "why" and i > 1 and low[i - 1] in ("is", "'s", "was") and low[i - 2] in _POINTERS
    )


def since_a_time(low: Sequence[str], k: int) -> bool:
    """Whether the *since* at token k opens a phrase of time, no clause (*since 2022*, *since
    then*)."""
    nxt = low[k + 1] if k + 1 < len(low) else ""
    return low[k] == "since" and (nxt[:1].isdigit() or nxt == "then")


def temporal_since(low: Sequence[str], k: int) -> bool:
    """Whether the *since* at token k is of time, not of cause: before a year or *then*, or
    opening a clause whose main clause is in the perfect (*Since the embassies reopened, not a
    single missile has struck Saudi soil*). A causal *since* is a reasoning signal."""
    if since_a_time(low, k):
        return True
    comma = next((c for c in range(k + 2, len(low)) if low[c] == ","), None)
    return comma is not None and any(w in ("has", "have") for w in low[comma + 1 : comma + 8])


#: Subordinators of time and manner that open a fronted adverbial clause (conditions,
#: concessions and premises are marked as not asserted by the sentence analysis already), and
#: the prepositions of an absolute construction (*With the base damaged, ...*).
_SUBORDINATORS = frozenset(
    ["as", "when", "while", "whereas", "once", "whenever", "until", "since", "after", "before"]
)
_ABSOLUTES = frozenset(["with", "without"])


def subordinate(low: Sequence[str], a: int) -> bool:
    """Whether the stretch at a opens with a subordinator (*as*, *even as*, *when*, *once*,
    *since*) or with the preposition of an absolute construction (*With the base damaged*)."""
    return a < len(low) and (
        low[a] in _SUBORDINATORS or low[a] in _ABSOLUTES or list(low[a : a + 2]) == ["even", "as"]
    )


def finite_in(low: Sequence[str], a: int, b: int) -> bool:
    """Whether tokens a..b hold a finite verb, a copula or a contracted auxiliary (*we'll*,
    the apostrophe a token of its own)."""
    copulas = lexicons().copulas
    return any(
        is_verb(w) or w in copulas or (w in ("ll", "d", "re", "ve") and low[k - 1] in APOSTROPHES)
        for k, w in enumerate(low[a:b], start=a)
    )


def premise_phrase(low: Sequence[str], i: int) -> int:
    """How many tokens the premise opened at token i spans (0: none): *due to* or *given*
    before a noun phrase after the clause's predicate (*have been delayed due to drawdowns*,
    *is significant given its role*; guidelines v1.3 §7.2, a premise is `reasoning`, not part
    of the claim). Not a predicate of its own (*the delay is due to*, *has given*, *was
    given*), nor *given that*, a subordinator."""
    n = len(low)
    width = 2 if low[i] == "due" else 1
    if i == 0 or i + width >= n or (low[i] == "due" and low[i + 1] != "to"):
        return 0
    k = i - 1
    while k > 0 and (low[k].endswith("ly") or low[k] in ("in", "part", "at", "least")):
        k -= 1  # "is largely due to", "is at least in part due to"
    if low[k] in FINITE or low[k] in BE or low[k] in ("'s", "’s", "not", "n't", "have", "having"):
        return 0
    nxt = low[i + width]
    if not nxt[:1].isalnum() or nxt in ("that", "to", "up", "in", "by", "away", "out"):
        return 0  # "given that ...", "given up", "given away": no premise phrase
    return width


def mid_repair(low: Sequence[str], d: int) -> bool:
    """Whether the dash at token d marks a speaker's repair inside a clause: the words after it
    begin again with the word before it, or with a word of its first five letters (*the
    competition that is going to determine — determine our future*, *make sure we have — you
    have what you need*, *the use of emergenc- — emerging technologies*). The clause goes on
    across it: a span is contiguous, so the broken-off words stay inside (guidelines §7.1)."""
    if low[d] not in ("—", "–") or d < 2:
        return False
    k = d - 1 if low[d - 1] == "-" else d
    before = low[k - 1]
    if not before.isalnum():
        return False
    after = [w for w in low[d + 1 : d + 4] if w not in DASHES][:2]
    return any(w == before or _shared_letters(w, before) >= 5 for w in after)


def _shared_letters(a: str, b: str) -> int:
    """How many first letters two words share (*emergenc* / *emerging*: 5)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


#: Epistemic words of an impersonal frame (*it is also possible that*, *it seems likely that*).
_EPISTEMIC_FRAME = frozenset(
    ["possible", "likely", "unlikely", "probable", "unclear", "seems", "appears", "seem"]
)
#: Words that may stand between *it* and the frame's *that*: copulas and adverbs.
_FRAME_FILLERS = frozenset(
    ["is", "was", "also", "still", "now", "quite", "equally", "even", "more", "very", "thus"]
)


def impersonal_frame(low: Sequence[str], a: int, b: int) -> int | None:
    """The *that* / *whether* of an impersonal epistemic frame at token a whose words an adverb
    interrupts (*it is also possible that P*, *It also seems likely that P*, *it is still
    unclear whether P*): the frame is shell like the cue phrase it extends (§7.1, §11.5)."""
    if low[a] != "it":
        return None
    seen = False
    for k in range(a + 1, min(b - 1, a + 6)):
        w = low[k]
        if w in ("that", "whether"):
            return k if seen else None
        if w in _EPISTEMIC_FRAME:
            seen = True
        elif w not in _FRAME_FILLERS:
            return None
    return None
