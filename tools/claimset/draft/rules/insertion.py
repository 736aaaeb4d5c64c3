"""Insertions: stretches that interrupt a clause without ending it (guidelines §7.2: a span is
contiguous, so what interrupts its clause stays in it).

Each rule is registered under the name syntax.json's "insertions" group gives it, and tried in
that order at every "(", "," and dash of a sentence (`sentence._insertions`): it returns the last
token of the insertion opened there, or 0. The commas and words of an insertion bound no clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import lexicons, longest_match
from ..registry import insertion
from ..sentence import skip_connectives
from ..words import COORDINATORS, DETERMINERS, FINITE, MODALS, QUOTES, WH, is_verb

if TYPE_CHECKING:
    from ..sentence import Sentence

# Words that begin a finite predicate after a subject: the verb an insertion interrupts.
_PREDICATE_STARTS = FINITE | frozenset(["never", "also", "still", "not", "only"])
# Relative words that open a non-restrictive relative clause after a comma.
_RELATIVES = frozenset(["who", "which", "whom", "whose"])
# Phrases after a comma that add a party or thing to the subject before the verb.
_ACCOMPANIMENT = (
    ("along", "with"),
    ("together", "with"),
    ("as", "well", "as"),
    ("in", "addition", "to"),
)


@insertion("brackets")
def brackets(s: Sentence, i: int) -> int:
    """A bracketed stretch inside a clause (*ties with Seoul (as well as Beijing) partly to win
    leverage*); not a bracket around the whole sentence."""
    if s.low[i] != "(":
        return 0
    close = next((k for k in range(i + 1, min(s.n, i + 40)) if s.low[k] == ")"), -1)
    return close if close > 0 and (i > 0 or close + 1 < s.n) else 0


def _subject_before(s: Sentence, i: int, longest: int = 8) -> bool:
    """Whether the tokens before the comma at i, back to the clause's start, are a subject
    without a verb of its own: a determiner or a name opens it, at most `longest` words (a
    bracketed insertion inside it is skipped)."""
    low = s.low
    start = i
    depth = 0
    while start > 0:
        w = low[start - 1]
        if w == ")":
            depth += 1
        elif w == "(":
            depth -= 1
        elif depth == 0 and w in (",", ";", ":"):
            break
        start -= 1
    start = skip_connectives(s, start, i)
    head, depth = [], 0
    for w in low[start:i]:
        depth += (w == "(") - (w == ")")
        if depth == 0 and w not in ("(", ")"):
            head.append(w)
    if not head or len(head) > longest or any(w in FINITE or not _word(w) for w in head):
        return False
    return head[0] in DETERMINERS or s.toks[start][:1].isupper()


def _word(w: str) -> bool:
    """A word of a noun phrase: letters or digits, a possessive, a hyphen (*Russia-China*)."""
    return w[:1].isalnum() or w in ("'s", "’s", "-")


def _closing_comma(s: Sentence, i: int, limit: int, stops: tuple[str, ...]) -> int:
    """The next comma after token i within `limit` tokens, or 0 when a token of `stops` (or
    the end) comes first."""
    for k in range(i + 2, min(s.n, i + limit)):
        if s.low[k] in stops:
            return 0
        if s.low[k] == ",":
            return k
    return 0


def _predicate_follows(s: Sentence, k: int) -> bool:
    """Whether a finite predicate starts right after the comma at token k."""
    return k + 1 < s.n and s.low[k + 1] in _PREDICATE_STARTS


@insertion("subject-apposition")
def subject_apposition(s: Sentence, i: int) -> int:
    """A participle or appositive phrase between a subject and its verb (*the proposals, drafted
    last spring and revised twice, were never tabled*; *The deal, a compromise, will hold*): no
    finite verb inside, a finite verb after it."""
    if s.low[i] != ",":
        return 0
    first = s.low[i + 1] if i + 1 < s.n else ""
    # The word after the comma first: it rules out most commas, and `_subject_before` costs more.
    # A person's age (*Prabowo, 72, has ...*, *Prabowo, age 72, has ...*) is an apposition too.
    age = first in ("age", "aged") or first.isdigit()
    if not (first.endswith(("ed", "en")) or first in ("a", "an", "the", "once", "long") or age):
        return 0
    if not _subject_before(s, i):
        return 0
    for k in range(i + 2, min(s.n, i + 20)):
        w = s.low[k]
        if w in FINITE or w in WH or w in (";", ":", "(", ")", "that"):
            return 0
        if w == ",":
            return k if _predicate_follows(s, k) else 0
    return 0


def _relative_at(s: Sentence, i: int) -> int:
    """The token after the relative word that opens a non-restrictive relative clause at the
    comma at i (*, who ...*, *, with which ...*), or 0."""
    low = s.low
    if low[i] != "," or i + 2 >= s.n:
        return 0
    if low[i + 1] in _RELATIVES:
        return i + 2
    if low[i + 1] in lexicons().prepositions and low[i + 2] in ("which", "whom"):
        return i + 3
    return 0


@insertion("subject-relative")
def subject_relative(s: Sentence, i: int) -> int:
    """A non-restrictive relative clause between a subject and its verb (*the minister, who also
    holds a Russian passport, has vowed to stay*): the subject keeps its verb and the clause
    its subject."""
    if not _relative_at(s, i) or not _subject_before(s, i, longest=10):
        return 0
    close = _closing_comma(s, i, 25, (";", ":", "(", ")", "—", "–"))
    return close if close and _predicate_follows(s, close) else 0


@insertion("object-relative")
def object_relative(s: Sentence, i: int) -> int:
    """A non-restrictive relative clause opened by a preposition between an object and the
    infinitive the verb goes on with (*pushed Beijing, with which Moscow has long ties, to
    rethink*)."""
    at = _relative_at(s, i)
    if not at or s.low[i + 1] in _RELATIVES:
        return 0
    close = _closing_comma(s, i, 25, (";", ":", "(", ")", "—", "–"))
    if not close or close + 2 >= s.n or s.low[close + 1] != "to":
        return 0
    after = s.toks[close + 2]
    return close if after.islower() and after.isalpha() and after not in DETERMINERS else 0


@insertion("subject-accompaniment")
def subject_accompaniment(s: Sentence, i: int) -> int:
    """An accompanying phrase between a (long) subject and its verb (*gains in trade, along with
    closer military ties, strengthen the pact*): no finite verb inside, a present or finite verb
    after it."""
    low = s.low
    if low[i] != ",":
        return 0
    if not any(tuple(low[i + 1 : i + 1 + len(p)]) == p for p in _ACCOMPANIMENT):
        return 0
    if not _subject_before(s, i, longest=20):
        return 0
    close = _closing_comma(s, i, 30, (";", ":", "—", "–", *FINITE, *WH, "that"))
    if not close or close + 1 >= s.n:
        return 0
    verb = low[close + 1]
    present = verb.isalpha() and s.toks[close + 1].islower() and verb not in COORDINATORS
    present = present and verb not in DETERMINERS and verb not in lexicons().prepositions
    return close if verb in _PREDICATE_STARTS or present else 0


@insertion("quoted-phrase")
def quoted_phrase(s: Sentence, i: int) -> int:
    """A comma inside a short quoted phrase with no finite verb (*is ready to "take focused,
    decisive action"*): the quotation is one piece of its clause. A quoted statement (*"We will
    fight, and we will win"*) keeps its boundaries."""
    if s.low[i] != ",":
        return 0
    opened = next((k for k in range(i - 1, max(-1, i - 12), -1) if s.low[k] in QUOTES), None)
    if opened is None:
        return 0
    mark = QUOTES[s.low[opened]]
    close = next((k for k in range(i + 1, min(s.n, i + 12)) if s.low[k] == mark), None)
    if close is None or s.low[opened + 1 : close].count(s.low[opened]) > (mark == s.low[opened]):
        return 0
    if mark == s.low[opened] and s.low[:opened].count(mark) % 2 == 1:
        return 0  # the mark before closes an earlier quotation
    return i if not any(w in FINITE for w in s.low[opened:close]) else 0


@insertion("fronted-adjunct")
def fronted_adjunct(s: Sentence, i: int) -> int:
    """The comma after an adjunct that opens a that-clause (*assessed that by gaining combat
    experience, North Korea may pose a greater threat*): the clause goes on past it, so the
    comma ends nothing. The adjunct opens with a preposition or a participle and has no finite
    verb; a subject and its finite verb follow the comma."""
    low = s.low
    if low[i] != ",":
        return 0
    that = next((k for k in range(i - 1, max(-1, i - 16), -1) if low[k] in ("that", ",", ";")), -1)
    if that < 1 or low[that] != "that" or that + 1 >= i:
        return 0
    first = low[that + 1]
    if not (first in lexicons().prepositions or first.endswith("ing")) or first == "to":
        return 0
    if any(w in FINITE for w in low[that + 1 : i]):
        return 0
    for k in range(i + 2, min(s.n, i + 8)):
        if low[k] in FINITE:
            return i
        if not (s.toks[k].isalpha() or low[k] in ("'s", "’s", "-")):
            return 0
    return 0


_DASHES = ("–", "—")


@insertion("dashes")
def dashes(s: Sentence, i: int) -> int:
    """A stretch between two dashes of the same kind inside a clause (*to help the world –
    especially emerging economies – to enable growth*, *the progress we have made—and will
    continue to make—as partners*): a parenthesis, as between brackets; not a dash that ends
    the sentence's last stretch (*… far less than hoped – iron ore was never touched*), nor a
    stretch with a hedge or booster of its own, which is a claim by the cue rule (§4.3:
    *supported Russia—reportedly earning billions in the process—by providing munitions*)."""
    if s.low[i] not in _DASHES:
        return 0
    close = next((k for k in range(i + 2, min(s.n, i + 16)) if s.low[k] == s.low[i]), 0)
    if not close or close + 1 >= s.n or not s.toks[close + 1][:1].isalnum():
        return 0
    hedges = lexicons().hedges
    cued = any(
        w in hedges and longest_match(hedges, s.low, k) for k, w in enumerate(s.low[i:close], i)
    )
    return 0 if cued else close


# Words that open a verbless phrase set off by commas inside a clause, besides prepositions and
# adverbs in -ly: *namely the end of X*, *not Seoul*, *and Tokyo alone*, *per a source*.
_PHRASE_OPENERS = frozenset(
    ["namely", "not", "and", "or", "per", "despite", "during", "amid", "within", "unlike"]
)
# Verbs that close a comment clause (*as one official put it*, *as Seoul says*).
_COMMENT_VERBS = frozenset(["it", "said", "says", "noted", "notes", "stated", "argued", "argues"])


def _phrase_opener(s: Sentence, k: int) -> bool:
    """Whether token k opens a verbless phrase that may interrupt a clause: a preposition (not
    *to*), one of `_PHRASE_OPENERS`, an adverb in -ly; not a connective or cue (*, however,*,
    *, in my view,*: shell of their own, guidelines §7, §11)."""
    w = s.low[k]
    lex = lexicons()
    if w in ("and", "or"):
        # A coordinated noun phrase (*, and Seoul alone,*), not a coordinated adjunct or clause.
        nxt = s.toks[k + 1] if k + 1 < s.n else ""
        return nxt[:1].isalnum() and nxt.lower() not in lex.prepositions
    opener = w in _PHRASE_OPENERS or (w in lex.prepositions and w != "to")
    if not (opener or (w.endswith("ly") and len(w) > 4)):
        return False
    return longest_match(lex.connectives, s.low, k) is None and (
        longest_match(lex.hedges, s.low, k) is None
    )


def _comment_clause(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens a..b are a comment clause (*as one Member put it*, *as Tokyo says*)."""
    return s.low[a] == "as" and b - a <= 6 and s.low[b - 1] in _COMMENT_VERBS


def _resumes(s: Sentence, k: int, opened: int) -> bool:
    """Whether the clause interrupted before the comma at k goes on after it without a subject
    of its own: a finite predicate, a cleft's or a saying verb's *that*, a relative *who*, an
    infinitive, another prepositional adjunct, or the quotation it introduces."""
    if k + 1 >= s.n:
        return False
    w, tok = s.low[k + 1], s.toks[k + 1]
    if w in _PREDICATE_STARTS or w in QUOTES or w in lexicons().copulas:
        return True  # also a linking verb: "..., as in past years, appears to ..."
    if s.low[opened - 1] in MODALS and tok.isalpha() and tok.islower():
        return True  # "It can, with better management, repeat ...": the modal's verb
    if w in ("that", "who"):
        return _cleft(s, opened)
    if w == "to":
        return k + 2 < s.n and s.toks[k + 2].isalpha() and s.toks[k + 2].islower()
    return tok.islower() and w in lexicons().prepositions


def _cleft(s: Sentence, k: int) -> bool:
    """Whether a cleft's *it is* / *it was* opens the clause before the comma at k (*it is
    Seoul, and Seoul alone, that decides*)."""
    for t in range(k - 1, max(-1, k - 14), -1):
        if s.low[t] in (";", ":") or (s.low[t] in COORDINATORS and s.low[t - 1 : t] == [","]):
            break
        if s.low[t] == "it" and s.low[t + 1] in ("is", "was", "'s", "’s"):
            return True
    return False


def _clause_begun(s: Sentence, i: int) -> bool:
    """Whether a clause, not a leading adverbial, has begun before the comma at i: the stretch
    back to the last boundary opens with no preposition, subordinator or participle (*In Tokyo,
    in 2024, officials said* is two adverbials, then the clause)."""
    start, depth = i, 0
    while start > 0:
        w = s.low[start - 1]
        if w == ")":
            depth += 1  # a bracket inside the clause: *measures under the Act (P.L. 9) to*
        elif w == "(" and depth:
            depth -= 1
        elif depth == 0 and w in (",", ";", ":", "(", "–", "—"):
            break
        start -= 1
    start = skip_connectives(s, start, i)
    if start >= i:
        return False
    w = s.low[start]
    lex = lexicons()
    return not (
        w in lex.prepositions
        or w in lex.subordinators
        or w in ("if", "when", "once", "after", "before", "as", "unless", "until", "during")
        or (w.endswith("ing") and s.toks[start].islower())
    )


@insertion("comma-phrase")
def comma_phrase(s: Sentence, i: int) -> int:
    """A verbless phrase between two commas that interrupts its clause (*Tokyo, with its large
    navy, will dominate the region*; *the red lines, namely an end to enrichment, have not
    changed*; *was sworn in, in October, for a five-year term*; *it is Seoul, and Seoul alone,
    that decides*; *Tokyo's navy, as in past years, will patrol*; *pledged to, as one official
    put it, "end the war"*): a span is contiguous,
    so the phrase stays in it (guidelines §7.2). The clause has begun before the first comma
    and resumes after the second without a subject of its own (`_resumes`); a phrase before a
    new subject is no insertion (*In 2024, with X, Seoul won*)."""
    if s.low[i] != "," or i == 0 or i + 2 >= s.n or not s.low[i - 1][:1].isalnum():
        return 0
    # "as in past years", "as with Seoul": a comparison, a verbless phrase; any other "as"
    # only as a comment clause ("as one official put it").
    compared = s.low[i + 1] == "as" and s.low[i + 2] in lexicons().prepositions
    comment = s.low[i + 1] == "as" and not compared
    if not (comment or compared or _phrase_opener(s, i + 1)):
        return 0
    close = 0
    for k in range(i + 2, min(s.n, i + 16)):
        w = s.low[k]
        if w == ",":
            close = k
            break
        if w in (";", ":", "(", ")", "–", "—", ".") or w in WH or w in ("that", "which", "who"):
            return 0
        if not comment and (w in FINITE or is_verb(w)):
            return 0
    if not close or (comment and not _comment_clause(s, i + 1, close)):
        return 0
    # "the GOP will, in time, express ...": after a modal the clause resumes with its verb.
    bare = s.low[i - 1] in MODALS and s.toks[close + 1].isalpha() and s.toks[close + 1].islower()
    if not (bare or _resumes(s, close, i)) or not _clause_begun(s, i):
        return 0
    return close


@insertion("comment-cue")
def comment_cue(s: Sentence, i: int) -> int:
    """A hedge or booster of the lexicon between two commas inside its clause (*a direct role
    would, we believe, be the kiss of death*; *Seoul will, in my view, agree*): the cue stays
    in the span like any cue inside it (guidelines §7.1), so its commas bound no clause."""
    if s.low[i] != "," or i == 0 or i + 2 >= s.n or not s.low[i - 1][:1].isalnum():
        return 0
    m = longest_match(lexicons().hedges, s.low, i + 1)
    close = i + 1 + m[0] if m is not None else 0
    if not close or close >= s.n or s.low[close] != ",":
        return 0
    bare = close + 1 < s.n and s.low[i - 1] in MODALS and s.toks[close + 1].isalpha()
    if not (bare or _resumes(s, close, i)) or not _clause_begun(s, i):
        return 0
    return close


@insertion("repetition")
def repetition(s: Sentence, i: int) -> int:
    """A comma between a word and its repetition (*we will always, always honor*, *a very,
    very hard choice*): emphasis in speech, one clause (guidelines §7.2)."""
    low = s.low
    if low[i] != "," or i == 0 or i + 1 >= s.n or not low[i - 1].isalpha():
        return 0
    return i if low[i + 1] == low[i - 1] else 0
