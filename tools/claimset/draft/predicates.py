"""Whether a stretch of a sentence holds a predicate of its own: a claim is a clause, and a
clause needs a verb (guidelines §4.1, §4.3); a noun phrase or a list's last items make none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicons import lexicons
from .sentence import Sentence, skip_connectives
from .words import (
    DETERMINERS,
    FINITE,
    PARTICIPLES,
    POSSESSIVES,
    SUBJECT_PRONOUNS,
    WH,
    contracted_verb,
    is_verb,
)

if TYPE_CHECKING:
    from .candidate import CueSite

# Words that open a relative or embedded clause, never a main clause's subject.
_NO_SUBJECT = WH | frozenset(["that", "whom", "whose"])


def list_tail(s: Sentence, a: int, b: int) -> bool:
    """Whether the verbless stretch a..b is the last items of a list: *and* or *or* before it
    or inside it (*..., and a small population, X is ...*; *after A, B, and C, X has ...*)."""
    return any(w in ("and", "or") for w in s.low[max(0, a - 1) : b])


def subject_follows(s: Sentence, k: int, end: int) -> bool:
    """Whether a clause's own subject opens at token k: its finite verb follows within four
    words, with no comma or bracket before it (*..., a small population, Bahrain is ...*). A
    verbless stretch before such a comma is a phrase the clause leaves behind (the last items
    of a list, a description of the subject), not the clause: a claim needs a predicate."""
    k = skip_connectives(s, k, end)
    if k >= end or s.low[k] in _NO_SUBJECT:
        return False
    for t in range(k + 1, min(end, k + 5)):
        w = s.low[t]
        if w in FINITE or contracted_verb(s.low, t):
            return True
        if not w.isalnum() or is_verb(w):
            return False
    return False


# Words that follow a plural noun without being its verb.
_FUNCTION_WORDS = DETERMINERS | frozenset(["and", "or", "of", "that", "which", "who", "whose"])
# Marks where a clause is cut before its end: a comma, a bracket, a semicolon, a dash.
_CUTS = frozenset([",", "(", ";", "–", "—"])


def _plural(word: str) -> bool:
    """A plural noun's look (*imports*, *allies*; not *its*, *this*, *across*)."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def holds_predicate(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens a..b may hold a verb: a finite or past form, a contracted auxiliary, or
    a plain word right after a pronoun or a plural, or a plural right after a name (*Iran
    wants*, *they challenge*, *oil imports come*, *Presidents come and go*). Without a
    tagger a present verb after a common noun is not seen, and a name's plural noun (*Gulf
    partners*) is read as one: the callers ask only where a cut mark says the stretch is part
    of a longer clause, and keep a stretch that may hold a verb."""
    low, toks, preps = s.low, s.toks, lexicons().prepositions
    for k in range(a, b):
        w = low[k]
        if is_verb(w) or contracted_verb(low, k):
            return True
        if k > a and w.isalpha() and w.islower() and toks[k].islower():
            before = low[k - 1]
            name = toks[k - 1][:1].isupper() and before not in DETERMINERS
            name = name and not _name_modifies(s, k - 1)
            plural = (w.endswith("s") and not w.endswith("ss")) or before.endswith("s")
            after_plural = _plural(before) and not _plural(w) and w not in _FUNCTION_WORDS
            after_plural = after_plural and w not in preps and low[k - 2] not in _NO_SUBJECT
            if w in _FUNCTION_WORDS or w in preps:
                continue  # *Perhaps in ...*: a verb is no preposition
            if before in SUBJECT_PRONOUNS or (name and plural) or after_plural:
                return True
    return False


# Words that open a noun phrase whose head is a plural after a name (*other Gulf states*).
_NOUN_PHRASE_OPENERS = frozenset(
    ["other", "several", "some", "many", "most", "few", "all", "both", "various", "numerous"]
)


def _name_modifies(s: Sentence, k: int) -> bool:
    """Whether the name ending at token k modifies the noun after it, inside a noun phrase
    opened by a quantifier or a hyphenated adjective before the name (*other Western
    Hemisphere countries*, *several high-level U.S. officials*): its plural is the phrase's
    head noun, no verb (*Iran wants*, *The sooner Tokyo acts*: a subject and its verb)."""
    toks, low = s.toks, s.low
    j = k
    while j > 0 and toks[j][:1].isupper():
        j -= 1
    if j == k or not toks[j].isalpha() or not toks[j].islower():
        return False  # the name opens the stretch or follows punctuation
    return low[j] in _NOUN_PHRASE_OPENERS or (j > 1 and low[j - 1] == "-")


def cut_fragment(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause span a..b is a verbless piece of a longer clause, cut at a comma, a
    bracket or a semicolon (*One known dissident*, *, who had served ..., died*; *the ministry
    (DOD; now ...)*): a noun phrase states no proposition, so it makes no claim."""
    return b < s.n and s.low[b] in _CUTS and not holds_predicate(s, a, b)


def phrase_contrast(s: Sentence, k: int) -> bool:
    """Whether *but not* at k contrasts two phrases, not two clauses: no predicate follows
    before the next comma (*requiring notification but not approval, addresses ...*; *in
    Europe but not in Asia*): the *but* ends no clause."""
    if s.low[k] != "but" or s.low[k + 1 : k + 2] != ["not"]:
        return False
    end = next((t for t in range(k + 2, s.n) if s.low[t] in _CUTS or s.low[t] == "."), s.n)
    return not holds_predicate(s, k + 2, end)


def attributive_participle(s: Sentence, i: int) -> bool:
    """Whether the past participle at i modifies the noun after it (*the long-planned
    pipeline*, *its stated aim*, *a "suspected freighter"*): a participle inside a noun phrase
    is no predicate and makes no claim (guidelines §4.3)."""
    low = s.low
    if not low[i].endswith("ed") or i == 0 or i + 1 >= s.n:
        return False
    before, after = low[i - 1], low[i + 1]
    if before in ('"', "“") and i > 1:
        before = low[i - 2]  # the quotation opens inside the noun phrase
    opens_noun_phrase = before == "-" or before in DETERMINERS or before in POSSESSIVES
    noun_follows = (
        s.toks[i + 1].isalpha()
        and after not in _FUNCTION_WORDS
        and after not in lexicons().prepositions
        and after not in ("to", "as", "than")
    )
    return opens_noun_phrase and noun_follows


def passive_participle(s: Sentence, i: int) -> bool:
    """Whether the form in -ed at i is a passive participle naming or describing the noun
    before it (*an agreement called "X"*, *a ship described by the press as ...*), not a past
    verb with its own content (*asserted that ...*): its noun is what is said, no speaker."""
    if not s.low[i].endswith("ed") or i + 1 >= s.n:
        return False
    after = s.low[i + 1]
    return after in ("by", "as") or after in DETERMINERS or after in ('"', "“")


def reduced_relative(site: CueSite) -> bool:
    """Whether the cue is a participle right after a common noun that follows the clause's
    verb (*participated in past talks seeking to persuade Pyongyang*, *except for statements
    threatening military action*, *joined initiatives aimed at securing supplies*): it modifies
    the noun, a reduced relative clause inside a noun phrase, which makes no claim (guidelines
    §4.3). After a party (*Seoul seeking ...*), a comma or an auxiliary it stays a verb, and a
    saying verb lets the noun speak (*a statement asserting that ...*, §4.5), unless it is a
    passive participle that names or describes the noun (*an agreement called ...*)."""
    s, i = site.s, site.i
    low = s.low
    if i < 2 or not (low[i].endswith(("ing", "ed")) or low[i] in PARTICIPLES):
        return False
    if site.cue.speech and not passive_participle(s, i):
        return False  # "issued a statement asserting that ...": the statement speaks (§4.5)
    noun = low[i - 1]
    if (
        not s.toks[i - 1].isalpha()
        or not s.toks[i - 1].islower()
        or noun in DETERMINERS
        or noun in lexicons().prepositions
        or noun in lexicons().auxiliaries
        or noun.endswith("ly")
        or is_verb(noun)
        or any(m.i <= i - 1 < m.j for m in site.mentions)
    ):
        return False
    # The noun is a preposition's object (*in past talks*, *for U.S. statements*) or, when it
    # is no attitude word itself (*talks* may be the verb), follows the clause's verb.
    prepositions = lexicons().prepositions
    if any(low[k] in prepositions for k in range(max(site.start, i - 5), i - 1)):
        return True
    return lexicons().expectations.get(noun) is None and any(
        is_verb(w) for w in low[site.start : i - 1]
    )
