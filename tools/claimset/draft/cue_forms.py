"""The form a hedge or booster takes around its lexicon word (guidelines §11.5, Appendix B v1.5).

A lexicon word is often one part of a frame that general English builds around it, and the cue is
the whole frame: an impersonal *it* frame with an inserted adverb (*it is also possible that*,
*It is doubtful whether*, *It remains uncertain*), a clause subject (*Whether X holds is
uncertain*), a raising frame with a negation (*aren't likely to*), a verb of seeming with its
adjective (*seems likely*), an existential frame (*There are also some signs*). And some uses of
a lexicon word are no cue at all: a modal inside an embedded question (*It is unclear what Tokyo
may do*), a negated *possible* (*no longer possible* states an impossibility), a compared
*likely* (*makes it less likely that*: the comparison is the content).
"""

from __future__ import annotations

from .sentence import Sentence

#: Copulas of an impersonal frame (*it is*, *it remains*).
_COPULAS = frozenset(["is", "was", "'s", "’s", "remains", "remained", "became", "becomes"])
#: Forms of *be* that open a raising frame (*are likely to*).
_BE = frozenset(["is", "are", "was", "were", "'s", "’s", "'re", "’re", "be", "been", "am"])
#: Adverbs that may stand inside a frame without changing it (*it is also possible that*).
_INSERTED = frozenset(
    [
        *("also", "still", "now", "thus", "therefore", "however", "hence", "equally"),
        *("quite", "highly", "entirely", "increasingly", "already", "just", "very", "so"),
    ]
)
#: Epistemic adjectives that head an impersonal or clause-subject frame.
_FRAME_ADJECTIVES = frozenset(
    [
        *("possible", "likely", "unlikely", "doubtful", "uncertain", "unclear", "clear"),
        *("certain", "evident", "obvious", "plain", "probable", "conceivable"),
    ]
)
#: Verbs of seeming: an epistemic adjective after them is one cue with them (*seems likely*).
_SEEM = frozenset(["seem", "seems", "seemed", "appear", "appears", "appeared"])
#: Adjectives of a raising frame that takes *to* (*is likely to*, *aren't likely to*).
_RAISING = frozenset(["likely", "unlikely"])
#: Words that open the clause subject of a frame (*Whether X holds is uncertain*).
_QUESTION_OPENERS = frozenset(["whether", "how", "what", "when", "where", "who", "if"])
#: Nouns of an existential evidential frame (*there are signs that*).
_SIGNS = frozenset(["signs", "sign", "indications", "indication"])
#: Quantifiers inside it that keep it a hedge (*there are many signs*; not *no signs*).
_SIGN_QUANTIFIERS = frozenset(["many", "some", "several", "growing", "increasing", "clear", "a"])


def _back_over_inserted(low: list[str], k: int) -> int:
    """The first token before k that is no inserted adverb (k - 1 when there is none)."""
    k -= 1
    while k >= 0 and low[k] in _INSERTED:
        k -= 1
    return k


def widened(s: Sentence, i: int, j: int) -> tuple[int, int]:
    """The cue's tokens once its frame is added around the lexicon words [i, j)."""
    last = s.low[j - 1]
    if last in _SEEM and j - i == 1:
        return _seeming(s, i, j)
    if last in _SIGNS:
        return _existential_start(s.low, i), j
    if last not in _FRAME_ADJECTIVES:
        return i, j
    if j - i == 1 and last in _RAISING and j < s.n and s.low[j] == "to":
        return _raising(s.low, i, j)
    return _impersonal(s, i, j)


def _seeming(s: Sentence, i: int, j: int) -> tuple[int, int]:
    """*It also seems likely that P*: the verb and its adjective are one cue (§11.5), with the
    *to* of a raising frame (*seems likely to*); *it appears that P*: the impersonal frame, not
    *it appears the work of X* (*it* a referent)."""
    low, n = s.low, s.n
    nxt = low[j] if j < n else ""
    if nxt in _FRAME_ADJECTIVES:
        j += 1
        if j < n and low[j] == "to" and low[j - 1] in _RAISING:
            j += 1
        return i, j
    if i > 0 and low[i - 1] == "it" and nxt == "that":
        return i - 1, j
    return i, j


def _raising(low: list[str], i: int, j: int) -> tuple[int, int]:
    """*aren't likely to*, *is also likely to*: the copula, a negation or adverb and *to* join
    the adjective (§11.5)."""
    k = _back_over_inserted(low, i)
    if k >= 0 and low[k] in ("not", "n't", "n’t"):
        k = _back_over_inserted(low, k)
    if k >= 0 and low[k] in _BE:
        return k, j + 1
    return i, j


def _impersonal(s: Sentence, i: int, j: int) -> tuple[int, int]:
    """*it is also possible that*, *It remains uncertain when*: the frame from *it*, with the
    complementizer of an *it is ADJ* frame (Appendix B's spelling); *Whether P is uncertain*:
    the copula joins the adjective of a clause subject (§11.5)."""
    low = s.low
    start = i
    if low[i] != "it":
        k = _back_over_inserted(low, i)
        if k >= 1 and low[k] in _COPULAS and low[k - 1] == "it":
            start = k - 1
        elif k >= 1 and low[k] in _COPULAS and low[0] in _QUESTION_OPENERS and j - i == 1:
            return k, j
    if low[start] == "it" and j < s.n and low[j] in ("that", "whether"):
        j += 1
    return start, j


def _existential_start(low: list[str], i: int) -> int:
    """The *there* of *there are (also) (many) signs*, else i."""
    k = i - 1
    while k >= 0 and low[k] in _SIGN_QUANTIFIERS:
        k -= 1
    k = _back_over_inserted(low, k + 1)
    if k >= 1 and low[k] in _BE and low[k - 1] == "there":
        return k - 1
    return i


def existential_sign(s: Sentence, i: int) -> bool:
    """Whether *signs / indications* at i is the noun of *there are (also) (many) signs that /
    of X*: the author's inference from evidence, a hedge like *suggests* (Appendix B v1.5); not
    *no signs*, *few signs* (a denial), nor *signs* anywhere else."""
    nxt = s.low[i + 1] if i + 1 < s.n else ""
    return nxt in ("that", "of") and _existential_start(s.low, i) < i


#: Modals whose epistemic use makes a hedge (Appendix B).
_MODALS = frozenset(["may", "might", "could", "should", "must"])
#: Words that end the scan for an embedded question's opener.
_CLAUSE_STOPS = frozenset([",", ";", ":", "(", ")", "—", "–", "that", "but", "because"])


def in_embedded_question(s: Sentence, i: int) -> bool:
    """Whether the modal at i stands in an embedded question (*It is unclear what Tokyo may
    do*, *X questioned whether they could cope*, *examine how the cuts may affect Y*): the
    question is asked, not answered, so the modal is no cue (Appendix B, "Not cues"). A direct
    question (a question word opening the sentence, a question mark) is left to §12."""
    if s.low[i] not in _MODALS or s.low[-1] == "?":
        return False
    k = i - 1
    while k > 0 and s.low[k] not in _CLAUSE_STOPS:
        if s.low[k] in ("whether", "how") or (s.low[k] == "what" and s.low[k - 1] in _ASKING):
            return True
        k -= 1
    return False


#: Words before a *what* that opens an embedded question (*unclear what*, *asked what*), not a
#: free relative (*clears away what might be called X*).
_ASKING = frozenset(
    [
        *("unclear", "uncertain", "clear", "sure", "know", "knows", "knew", "known"),
        *("ask", "asks", "asked", "wonder", "wonders", "see", "examine", "assess", "determine"),
    ]
)


def no_likelihood(s: Sentence, i: int) -> bool:
    """Whether *possible / likely* at i is no hedge: negated (*no longer possible*, *may not be
    possible*: an impossibility is asserted) or compared (*less likely that*, *more likely to*:
    the comparison is the content); *more likely than not* stays a hedge."""
    low = s.low
    k = i - 1
    if k >= 0 and low[k] in ("more", "less"):
        return not (i + 2 < s.n and low[i + 1] == "than" and low[i + 2] == "not")
    while k >= 0 and (low[k] in _BE or low[k] in _INSERTED):
        k -= 1
    return low[i] == "possible" and k >= 0 and low[k] in ("not", "n't", "n’t", "longer", "never")


#: Negative quantifiers that, as a clause's subject, deny the possibility its modal states.
_NEGATIVE_SUBJECTS = frozenset(["nothing", "nobody", "none", "neither", "no"])


def denied_possibility(s: Sentence, i: int) -> bool:
    """Whether the modal at i has a negative quantifier as its clause's subject (*Nothing
    Tokyo could do could change this*, *No government could survive it*): the clause denies
    the possibility, as *not possible* does, so the modal is its content, no hedge (Appendix
    B v1.5)."""
    if s.low[i] not in ("could", "might", "may"):
        return False
    k = i - 1
    while k > 0 and s.low[k - 1] not in _CLAUSE_STOPS:
        k -= 1
    if k < 0 or s.low[k] not in _NEGATIVE_SUBJECTS:
        return False
    return not (k + 1 < s.n and s.low[k + 1] in ("doubt", "longer", "matter"))


#: Words that open the experiencer of *seem to X* (*seems to many observers*).
_EXPERIENCER_OPENERS = frozenset(["many", "most", "some", "the", "these", "those", "us", "me"])


def seems_to_someone(s: Sentence, i: int, j: int) -> bool:
    """Whether a verb of seeming at [i, j) names its experiencer (*Loyalty seems to the Thai
    not to pay*, *seems to many observers*): the view is the experiencer's, not the author's
    hedge (§11.2); *seems to be* keeps the author's."""
    if s.low[j - 1] not in _SEEM or j + 1 >= s.n or s.low[j] != "to":
        return False
    after = s.toks[j + 1]
    return (after[:1].isupper() and after != "I") or s.low[j + 1] in _EXPERIENCER_OPENERS
