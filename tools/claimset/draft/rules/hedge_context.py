"""Context rules for ambiguous hedge and booster words (hedges.json `rule`).

Each rule decides whether the word at tokens [i, j) is a cue here (CoNLL-2010 cue practice;
guidelines Appendix B): *may* is not the month, *could not* is past inability, *should* counts only
in its epistemic use, *clearly* before a participle is manner. A hedges.json entry names its rule;
an unregistered name fails when the lexicons load.
"""

from __future__ import annotations

from ..clauses import bare_clause, epistemic_must, epistemic_should
from ..cue_forms import existential_sign
from ..lexicons import lexicons
from ..registry import hedge_rule
from ..sentence import Sentence, clause_end, clause_start
from ..words import DETERMINERS, OPTATIVE_SUBJECTS, WH, is_past, is_verb, verbish


def _prev(s: Sentence, i: int) -> str:
    return s.low[i - 1] if i > 0 else ""


def _next(s: Sentence, j: int) -> str:
    return s.low[j] if j < s.n else ""


@hedge_rule("not-month")
def not_month(s: Sentence, i: int, j: int) -> bool:
    """*may*, not the month *May* (*Russia may agree*; not *talks in May*), nor an optative
    (*may he rest in peace*, *May the alliance endure*: a wish opening its clause)."""
    wish = _next(s, j) in ("the", "this", "our", "their") and _prev(s, i) in ("", "and", ",")
    return not (s.toks[i] == "May" and i > 0) and _next(s, j) not in OPTATIVE_SUBJECTS and not wish


@hedge_rule("could-epistemic")
def could_epistemic(s: Sentence, i: int, j: int) -> bool:
    """*could* before a verb (*Russia could win*); *could not* is past inability, a report."""
    nxt = _next(s, j)
    return nxt not in ("not", "n't") and verbish(nxt)


@hedge_rule("should-epistemic")
def should_epistemic(s: Sentence, i: int, j: int) -> bool:
    """*should be a win-win* (probable); *should withdraw* is deontic, no cue."""
    return epistemic_should(s, j)


@hedge_rule("must-epistemic")
def must_epistemic(s: Sentence, i: int, j: int) -> bool:
    """*must have known*, *must be calculating* (a conclusion); *must withdraw* is deontic, no
    cue."""
    return epistemic_must(s, j)


@hedge_rule("appear-epistemic")
def appear_epistemic(s: Sentence, i: int, j: int) -> bool:
    """*appears to*, *appears that*, *it appears*, *appear convinced* (before a stance adjective
    or *likely*); not *appeared on television*."""
    nxt = _next(s, j)
    if _prev(s, i) == "to":
        return False  # "reluctant to appear to yield": the holder's content, not the author's
    stance = lexicons().expectations.get(nxt) is not None or nxt in ("likely", "unlikely")
    return nxt in ("to", "that", ",") or _prev(s, i) == "it" or stance


@hedge_rule("followed-by-that", party_attitude=True)
def followed_by_that(s: Sentence, i: int, j: int) -> bool:
    """*suggests that*, *indicates that*; with a party as subject, the party's attitude."""
    return _next(s, j) == "that"


@hedge_rule("first-person")
def first_person(s: Sentence, i: int, j: int) -> bool:
    """*I think*, *we believe*: the author's own hedge."""
    return _prev(s, i) in ("i", "we")


@hedge_rule("possible-adj")
def possible_adjective(s: Sentence, i: int, j: int) -> bool:
    """*possible* as likelihood (*a thaw is possible*, *it is possible that*); not *as soon as
    possible*, *everything possible*, nor attributive (*possible effects*, *a possible deal*,
    *possible Russian transfers*: guidelines v1.3, Appendix B "Not cues")."""
    prev, nxt = _prev(s, i), _next(s, j)
    if prev in ("as", "everything", "all", "if", "where", "when", "whenever", "made"):
        return False
    return not (prev in _NOUN_PHRASE_OPENERS or (nxt.isalpha() and nxt not in _AFTER_PREDICATIVE))


# Words a predicative *possible* may stand before (*possible that*, *possible for X*, *possible
# now*); any other lower-case word after it is the noun it modifies.
_AFTER_PREDICATIVE = frozenset(
    [
        "that",
        "to",
        "for",
        "in",
        "at",
        "with",
        "by",
        "and",
        "or",
        "but",
        "if",
        "because",
        "now",
        "again",
        "too",
        "though",
        "yet",
        "still",
        "only",
        "even",
        "as",
        "when",
        "unless",
        "given",
    ]
)


@hedge_rule("doubt-hedge", party_attitude=True)
def doubt_hedge(s: Sentence, i: int, j: int) -> bool:
    """*doubt* as a hedge; not *no doubt*, *without doubt*, *beyond doubt* (boosters), nor
    *few doubt*, *nobody doubts*, *no one doubts* (a denied doubt asserts the content)."""
    return _prev(s, i) not in ("no", "without", "little", "beyond", "few", "nobody", "one")


@hedge_rule("really-epistemic")
def really_epistemic(s: Sentence, i: int, j: int) -> bool:
    """*really* before a verb (*really wants*); not *really much*, *really very*."""
    nxt = _next(s, j)
    if _prev(s, i) in _NEGATED_OR_DETERMINED:
        return False  # "cannot really be made" (a downtoner), "a really senior official"
    return verbish(nxt) and not nxt.endswith(("ly",)) and nxt not in ("much", "very")


#: Words before *really* that make it a downtoner or an intensifier inside a noun phrase.
_NEGATED_OR_DETERMINED = DETERMINERS | frozenset(["not", "n't", "n’t", "cannot", "never"])


@hedge_rule("clearly-manner")
def clearly_not_manner(s: Sentence, i: int, j: int) -> bool:
    """*clearly* as a sentence adverb or before a verb (*clearly prefers*); manner after a verb
    or before a participle (*stated clearly*, *the world heard clearly*, *clearly demarcated*)
    is no cue (guidelines §11.3, epistemic or manner use)."""
    prev, nxt = _prev(s, i), _next(s, j)
    if (prev.endswith(("ed", "en")) or is_past(prev)) and prev not in lexicons().auxiliaries:
        return False
    return not (nxt.endswith("ed") and nxt not in ("need", "needed", "wanted"))


# Words that open an embedded question: what an "unknowable" frame is about. Not *why*: *nobody
# knows why Seoul left* leaves the reason open, not whether Seoul left.
_QUESTION_WORDS = (WH | {"if"}) - {"why"}


@hedge_rule("frames-a-clause")
def frames_a_clause(s: Sentence, i: int, j: int) -> bool:
    """*the fact is*, *the truth is*, *the odds are* frame the clause that follows (*The fact is
    that Moscow will not retreat*, *The truth is, Seoul wants calm*); as a plain subject and verb
    (*The fact is unknown*, *the truth is out there*) they are no cue."""
    return _next(s, j) in ("that", ",", ":", ";", "\u2014", "-")


@hedge_rule("frames-a-question")
def frames_a_question(s: Sentence, i: int, j: int) -> bool:
    """*nobody knows*, *time will tell*, *is an open question* leave a question open
    (`underspecified`): an embedded question follows (*Nobody knows whether Tehran will accept*)
    or is the subject (*Whether Seoul will accept is an open question*); *Nobody knows the
    answer* is no cue."""
    return _next(s, j) in _QUESTION_WORDS or (s.n > 0 and s.low[0] in _QUESTION_WORDS)


@hedge_rule("sentence-adverbial")
def sentence_adverbial(s: Sentence, i: int, j: int) -> bool:
    """*To be sure,* conceding at the head of a clause; not *Seoul wants to be sure that*."""
    return _prev(s, i) in ("", ",", ";", ":") and _next(s, j) == ","


# Words before a noun phrase's modifiers: a determiner, a possessive (*Seoul's*, *his*).
_NOUN_PHRASE_OPENERS = DETERMINERS | frozenset(["'s", "’s", "his", "her", "its", "their", "our"])


def _inside_noun_phrase(s: Sentence, i: int, j: int) -> bool:
    """Whether the word at [i, j) modifies a noun inside a noun phrase: a determiner or a
    possessive before it, a lower-case word after it that is no verb, preposition or
    conjunction (*Seoul's probable successor*, *its potentially rich islands*)."""
    nxt = _next(s, j)
    if _modifies_a_modifier(s, j):
        return True
    return (
        _prev(s, i) in _NOUN_PHRASE_OPENERS
        and nxt.isalpha()
        and s.toks[j].islower()
        and not is_verb(nxt)
        and nxt not in _AFTER_PREDICATIVE
        and nxt not in lexicons().prepositions
    )


def _modifies_a_modifier(s: Sentence, j: int) -> bool:
    """Whether the word before j modifies an adjective or participle that itself modifies the
    noun after it (*raising potentially contentious issues*, *any likely elected successor*):
    inside a noun phrase, however the phrase opens."""
    if j + 1 >= s.n or not s.toks[j].islower() or not s.toks[j + 1].islower():
        return False
    adjective, noun = s.low[j], s.low[j + 1]
    return (
        adjective.endswith(("ous", "ive", "al", "ic", "ful", "able", "ible", "ed"))
        and noun.isalpha()
        and not is_verb(noun)
        and noun not in _AFTER_PREDICATIVE
        and noun not in lexicons().prepositions
        and noun not in DETERMINERS
    )


@hedge_rule("not-attributive")
def not_attributive(s: Sentence, i: int, j: int) -> bool:
    """*probable, likely, potentially, possibly* as the author's hedge (*a deal is probable*,
    *Seoul will likely agree*, *this could potentially fail*); inside a noun phrase they
    classify a noun (*Prabowo's probable impact*, *the likely winner*, *Indonesia's
    potentially energy-rich islands*), not the author's commitment (guidelines v1.3, Appendix
    B "Not cues": attributive epistemic adjectives)."""
    return not _inside_noun_phrase(s, i, j)


# Nouns of a source that reports (*One report indicated that ...*): a source attribution, like
# *according to X* (guidelines v1.3 §11.3), not the author's inference.
_SOURCE_NOUNS = frozenset(
    [
        *("report", "reports", "study", "studies", "analysis", "article", "articles"),
        *("statement", "statements", "source", "sources", "media", "press"),
    ]
)


@hedge_rule("inference", party_attitude=True)
def inference(s: Sentence, i: int, j: int) -> bool:
    """*suggests*, *indicates* over a clause, with or without *that* (*The data suggest that
    P*, *Early results suggest the party has won*): the author's inference from evidence, a
    hedge (guidelines §11.4, Appendix B). With a party as subject it is the party's attitude;
    with a source as subject (*One report indicated that P*) a source attribution, no cue; with
    a noun-phrase object (*may indicate possible points of tension*) no cue."""
    if _next(s, j) != "that" and not bare_clause(s, j, clause_end(s, j)):
        return False
    return not any(w in _SOURCE_NOUNS for w in s.low[clause_start(s, i) : i])


@hedge_rule("authors-stance", party_attitude=True)
def authors_stance(s: Sentence, i: int, j: int) -> bool:
    """*inclined to believe*: the author's hedge (*I am inclined to believe that P*); with a
    party as subject (*Tokyo is inclined to believe P*) the party's attitude (§11.2)."""
    return True


@hedge_rule("existential-sign")
def existential_signs(s: Sentence, i: int, j: int) -> bool:
    """*There are (also) (many) signs that / of X*: the author's inference from evidence, a
    hedge like *suggests* (Appendix B v1.5); not *no signs*, nor *signs* elsewhere (*the signs
    on the border*)."""
    return existential_sign(s, i)


@hedge_rule("over-a-clause")
def over_a_clause(s: Sentence, i: int, j: int) -> bool:
    """*I'm sure / I am confident / I am certain* over a clause (*I'm confident the talks will
    resume*): the author's booster (Appendix B v1.4); before a preposition (*confident in our
    allies*, *sure of it*) it is the holder's attitude to a thing, no cue."""
    nxt = _next(s, j)
    return nxt not in lexicons().prepositions and nxt not in ("about", "to", ".", "")


@hedge_rule("believe-that")
def believe_that(s: Sentence, i: int, j: int) -> bool:
    """*I believe (that) P*: the author's hedge; *we believe in the dignity of X* states a
    value held, not how sure the author is of a proposition (no cue)."""
    return _next(s, j) != "in"
