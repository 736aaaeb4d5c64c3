"""Commas that separate the items of a list or open a phrase that extends the clause before
it (*services, public procurement and agriculture*; *, especially on sanctions*; *, from the
Red Sea to the Korean Peninsula*): no clause boundary (guidelines §7.2 keeps them in the span).
"""

from __future__ import annotations

from typing import Protocol

from .lexicons import build_trie, lexicons, longest_match, words_of
from .predicative_lists import in_predicative_list
from .words import COORDINATORS, DETERMINERS, FINITE, FOCUS, SUBJECT_PRONOUNS, WH, is_verb


class Tokens(Protocol):
    """What the list rules read of a sentence (`sentence.Sentence` has it)."""

    toks: list[str]
    low: list[str]
    n: int


def list_comma(s: Tokens, i: int) -> bool:
    """Whether the comma at token i separates items of a list (*services, public procurement
    and agriculture*; *remains underfunded, understaffed, and unable to act*, a list of
    predicative adjectives) or opens a focusing phrase (*, especially on sanctions*): not a
    clause boundary (guidelines §7.2 keeps both inside the span)."""
    return _noun_list_comma(s, i) or in_predicative_list(s, i)


def _noun_list_comma(s: Tokens, i: int) -> bool:
    """`list_comma` for every list but one of predicative adjectives."""
    low, n = s.low, s.n
    if i == 0 or i + 1 >= n or not low[i - 1][:1].isalnum():
        return False
    # A closing quotation mark may stand between (*"caution is warranted," particularly in*).
    f = i + 2 if low[i + 1] in ('"', "”") and i + 2 < n else i + 1
    if low[f] in FOCUS or (low[f] == "in" and f + 1 < n and low[f + 1] == "particular"):
        return True
    if longest_match(_INCLUSIONS, low, i + 1) is not None:
        return True  # ", including ...", ", such as ...", ", as well as ..." (§7.2: kept)
    nxt = low[i + 1]
    if nxt in COORDINATORS:
        # The serial comma of a list whose earlier comma is a list comma ("authorize,
        # prohibit, or condition").
        before = next((p for p in range(i - 1, max(0, i - 6), -1) if not low[p].isalnum()), None)
        if before is not None and low[before] == "," and list_comma(s, before):
            return True
        # The serial comma after a long item: the list's earlier comma, further back.
        before = next((p for p in range(i - 1, max(0, i - 16), -1) if low[p] == ","), None)
        return before is not None and _long_list_follows(s, before)
    if nxt != "to" and nxt in lexicons().prepositions and nxt in low[max(0, i - 5) : i]:
        return True  # "one of intention, of choice", "across generations, across parties"
    if nxt == "not":
        return _closing_contrast(s, i)
    if nxt in ("if", "unless") or (nxt in ("even", "only") and low[i + 2 : i + 3] == ["if"]):
        # "..., even if Tokyo objects.": a condition closing the sentence stays (§7.2).
        return all(w not in (",", ";", ":") for w in low[i + 2 :])
    return _list_follows(s, i) or _long_list_follows(s, i) or _closing_adjunct(s, i)


def _closing_contrast(s: Tokens, i: int) -> bool:
    """Whether the comma at token i opens a contrast that closes the sentence (*judge Moscow by
    its deeds, not its words*; *the cost falls on Russia, not on us*): a short verbless *not*
    phrase that corrects the clause's own words, part of its proposition (guidelines §7.2
    keeps what is no separate statement)."""
    rest = s.low[i + 2 :]
    if rest and rest[-1] in (".", "!"):
        rest = rest[:-1]
    return 0 < len(rest) <= 6 and all(
        (w[:1].isalnum() or w in ("'s", "’s", "-")) and not is_verb(w) for w in rest
    )


def _long_list_follows(s: Tokens, i: int) -> bool:
    """Whether long noun-phrase items (up to 14 words each, no verb) follow the comma at i and
    end in a serial comma with a coordinator and a last item (*including battlefield conditions
    in Ukraine, the maintenance of sanctions against Russia and North Korea, and the strength
    of its military*): the commas of a list, not clause boundaries."""
    low, n = s.low, s.n
    k, words = i + 1, 0
    while k < n and k - i <= 48:
        w = low[k]
        if w == ",":
            if words == 0:
                return False
            if k + 1 < n and low[k + 1] in COORDINATORS:
                return _last_long_item(s, k + 2)
            words = 0
        elif _breaks_long_item(s, k):
            return False
        else:
            words += 1
            if words > 14:
                return False
        k += 1
    return False


def _ends_long_item(word: str) -> bool:
    """A word no long list item holds (brackets, possessives and hyphens may)."""
    if word in ("'s", "’s", "-", "(", ")") or word in COORDINATORS:
        return False  # "sanctions against Russia and North Korea": one item
    return (
        word in SUBJECT_PRONOUNS
        or not word[:1].isalnum()
        or is_verb(word)
        or word in WH
        or word in ("that", "to", "but", "if", "as", "than", "while", "because")
    )


def _breaks_long_item(s: Tokens, k: int) -> bool:
    """Whether token k cannot stand inside a long list item: a verb (not a participle before a
    noun, *of perceived transparency*, nor a capitalised name, *Related Programs*), a name
    followed by a present verb (*Seoul wants*), a pronoun, a conjunction."""
    if s.toks[k][:1].isupper() and s.toks[k].isalpha():
        return False
    return (_ends_long_item(s.low[k]) and not _attributive(s, k)) or _name_and_verb(s, k)


def _attributive(s: Tokens, k: int) -> bool:
    """A participle before a noun after a preposition, a determiner or a list's comma or
    coordinator (*of perceived transparency*, *the armed groups*, *abuses, forced labor, and
    ...*): an adjective, no verb (*, forced to ...* is one)."""
    low = s.low
    preps = lexicons().prepositions
    return (
        0 < k < s.n - 1
        and low[k].endswith("ed")
        and (low[k - 1] in DETERMINERS or low[k - 1] in preps or low[k - 1] in (",", *COORDINATORS))
        and s.toks[k + 1].isalpha()
        and s.toks[k + 1].islower()
        and low[k + 1] not in preps
        and low[k + 1] != "to"
        and not (low[k - 1] in (",", *COORDINATORS) and _predicate_list(s, k))
    )


def _predicate_list(s: Tokens, k: int) -> bool:
    """Whether the list that token k continues ends in a verb after its coordinator (*ended
    the talks, expanded extraditions, and deployed troops*): a list of predicates, whose
    past forms are verbs."""
    low = s.low
    for t in range(k, min(s.n - 1, k + 20)):
        if low[t] in COORDINATORS:
            return is_verb(low[t + 1])
    return is_verb(low[k])


def _name_and_verb(s: Tokens, k: int) -> bool:
    """Whether token k looks like a present verb after a name (*Seoul wants*): a clause."""
    w = s.low[k]
    return (
        k > 0
        # After a preposition a name is no subject (*data on DPRK missiles*).
        and not (k > 1 and s.low[k - 2] in lexicons().prepositions)
        and len(w) > 3
        and w.endswith("s")
        and not w.endswith("ss")
        and s.toks[k].islower()
        and s.toks[k - 1][:1].isupper()
        and s.toks[k - 1].isalpha()
    )


def _last_long_item(s: Tokens, k: int) -> bool:
    """The last item of a long list: a noun phrase without a verb up to the clause's end."""
    words = 0
    while k < s.n and s.low[k] not in (",", ".", ";", ":", "?", "!"):
        if words and s.low[k] in ("that", "which", "who") and s.toks[k - 1].islower():
            return words <= 16  # "and rules that govern those technologies": its own noun's
        if _breaks_long_item(s, k):
            return False
        words += 1
        k += 1
    return 0 < words <= 16


def _list_follows(s: Tokens, i: int) -> bool:
    """Whether short items, then a coordinator and a last short item, follow the comma at i."""
    low, n = s.low, s.n
    k = i + 1
    item = last = 0
    while k < n and k - i <= 12:
        w = low[k]
        if w in COORDINATORS:
            if item == 0 and low[k - 1] == ",":
                item = last  # the serial comma: "authorize, prohibit, or condition"
            if item == 0 or item > 4 or k + 1 >= n or not low[k + 1][:1].isalnum():
                return False
            return _last_item(s, k)
        if w == ",":
            if item == 0:
                return False
            item, last = 0, item
        elif _ends_list_item(w) and not _attributive(s, k):
            return False
        else:
            item += 1
        k += 1
    return False


def _ends_list_item(word: str) -> bool:
    """A word no item of a list of noun phrases holds: a verb, a wh-word, a conjunction."""
    return (
        not word[:1].isalnum()
        or is_verb(word)
        or word in WH
        or word in ("that", "to", "but", "if", "as", "than")
        or word in lexicons().connectives
    )


def _last_item(s: Tokens, k: int) -> bool:
    """After the coordinator at k: a short noun phrase closed by the end, a comma or a
    preposition."""
    low, n = s.low, s.n
    e = k + 1
    while e < n and e - k <= 4 and low[e][:1].isalnum() and low[e] not in FINITE:
        if e > k + 1 and low[e] in lexicons().prepositions:
            return True
        e += 1
    return e >= n or not low[e][:1].isalnum() or low[e] in lexicons().prepositions


# Phrases after a comma that extend the noun phrase before it rather than open a clause.
_INCLUSIONS = build_trie(
    (words_of(phrase), phrase)
    for phrase in ("including", "notably", "particularly", "such as", "as well as", "along with")
)

#: Prepositions that open a closing adjunct besides the lexicon's (*ahead of*).
_ADJUNCT_PREPOSITIONS = frozenset(["ahead", "here", "there"])


def _closing_adjunct(s: Tokens, i: int) -> bool:
    """Whether the comma at token i opens a prepositional adjunct that closes the sentence
    without a verb of its own (*issues, from the Red Sea to the Korean Peninsula*; *differ,
    ahead of a meeting between the negotiators, including X*): an adverbial of the
    proposition, kept in the span (guidelines §7.2), not a statement of its own. *to* and
    *like* open other things (an infinitive, an example). A past participle before *by*
    (*challenges posed by China*) is an adjective; a finite verb, another past form or an
    attitude word (*, with Putin calling for ...*) make it a clause, and so does a
    participle after *with* that is no preposition's object (*, with Tokyo gaining ground*).
    Connectives and cues (*, in fact*, *, of course*) are shell, and so is any phrase of
    fewer than three words."""
    low, n = s.low, s.n
    nxt = low[i + 1]
    preps = lexicons().prepositions
    if nxt in ("to", "like") or not (nxt in preps or nxt in _ADJUNCT_PREPOSITIONS):
        return False
    lex = lexicons()
    if (
        n - i < 5
        or longest_match(lex.connectives, low, i + 1)
        or longest_match(lex.hedges, low, i + 1)
    ):
        return False  # ", in fact.", ", for example, ...", ", at least.": shell, no adjunct
    expectations = lexicons().expectations
    for k in range(i + 1, n):
        w = low[k]
        if (
            w == ","
            and k + 1 < n
            and (low[k + 1] in FOCUS or longest_match(_INCLUSIONS, low, k + 1) is not None)
        ):
            continue  # "..., including Vice President X": an inclusion inside the adjunct
        if w == "," and k + 1 < n and k > i + 2:
            # "sworn in, in October, for a five-year term": a chain of adjuncts, each kept.
            return _closing_adjunct(s, k)
        last = k + 1 >= n or not low[k + 1][:1].isalnum()  # "with limited U.S. support."
        if w in (";", ":", ",", "(", "–", "—") or w in FINITE or (w in expectations and not last):
            return False
        if is_verb(w) and not (k + 1 < n and low[k + 1] == "by"):
            return False
        if nxt in ("with", "without") and w.endswith("ing") and low[k - 1] not in preps:
            return False  # ", with Tokyo gaining ground": an absolute clause, a statement
    return True
