"""The drafter's closed word classes and word-shape tests, each defined once.

Every rule that asks "is this a modal?", "is this a finite verb?", "is this a determiner?" asks
here, so that two rules can never disagree about a word (`won't` and `will not` are the same
modal everywhere).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Container, Sequence

from ..segment import ABBREVIATIONS

# -- tokens and shapes ----------------------------------------------------------------------------

# Words, "'s" and "n't" as tokens of their own (so "Russia's" yields the name "Russia"), and any
# other non-space character as a one-character token.
TOKEN = re.compile(r"n['’]t\b|['’]s\b|\w+?(?=n['’]t\b)|\w+|[^\w\s]")
# TOKEN without its two "n't" alternatives: the same tokens for a text holding no "n'" or "n’"
# (most sentences), found faster (the lazy alternative tries every prefix of every word).
_TOKEN_WITHOUT_NT = re.compile(r"['’]s\b|\w+|[^\w\s]")

# A full stop inside an abbreviation is part of its word, as the splitter read it: dotted
# acronyms (*U.S.*, *H.R.*, *e.g.*), the splitter's abbreviations (*Mr.*, *No.*, *Gen.*) and a
# capital initial before another word (*George W. Bush*, *S. 1883*); and a number keeps its
# separators (*10,000*, *3.5*). Otherwise a clause would end at *Mr* or at the comma of *10,000*.
# Most sentences have neither: a cheap test (`_may_merge`) skips the merging pass for them.
_ABBREVIATED = frozenset(a for a in ABBREVIATIONS if "." not in a)
_AFTER_ABBREVIATION = re.compile(r"\s*[\w(\"“‘']")


def _may_merge(text: str) -> bool:
    """Whether `tokenize` may have tokens to merge: a full stop before the last character, or a
    comma between digits. String searches, several times cheaper than a regular expression."""
    last = len(text) - 1
    if 0 <= text.find(".") < last:
        return True
    comma = text.find(",")
    while 0 <= comma < last:
        if comma > 0 and text[comma - 1].isdigit() and text[comma + 1].isdigit():
            return True
        comma = text.find(",", comma + 1)
    return False


def tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the tokens of `text` (see TOKEN), with abbreviations and
    numbers kept whole."""
    pattern = TOKEN if "n'" in text or "n’" in text else _TOKEN_WITHOUT_NT
    spans = [m.span() for m in pattern.finditer(text)]
    return _merged(text, spans) if _may_merge(text) else spans


# `_TOKEN_WITHOUT_NT` with the white space before each token: the pieces `findall` gives then
# tile the text (but for its trailing space), so their lengths summed are the tokens' ends.
# One `findall` and sums in C take two thirds of the time of a match object per token, and
# `Sentence` tokenizes every sentence drafted.
_SPACED_TOKEN = re.compile(r"\s*(?:['’]s\b|\w+|[^\w\s])")


def tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens `tokenize` finds in `text`: their words, start offsets and end offsets."""
    if "n'" in text or "n’" in text:
        spans = tokenize(text)
        return [text[a:b] for a, b in spans], [a for a, _ in spans], [b for _, b in spans]
    pieces = _SPACED_TOKEN.findall(text)
    ends = list(itertools.accumulate(map(len, pieces)))
    words = [piece.lstrip() for piece in pieces]  # the same white space as the pattern's \s
    starts = [end - len(w) for end, w in zip(ends, words, strict=True)]
    if _may_merge(text):  # (as `tokenize` does, on the spans found here)
        spans = _merged(text, list(zip(starts, ends, strict=True)))
        return [text[a:b] for a, b in spans], [a for a, _ in spans], [b for _, b in spans]
    return words, starts, ends


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The tokens of `text` with numbers and abbreviations made whole (see `tokenize`)."""
    out: list[tuple[int, int]] = []
    i, n, size = 0, len(spans), len(text)
    while i < n:
        a, b = spans[i]
        if b == size or text[b] not in ".,":
            out.append((a, b))  # no separator or full stop glued to it: nothing to merge
            i += 1
            continue
        word = text[a:b]
        k = i + 1
        if word.isdigit():
            # "10,000", "3.5": a separator between digits, no space around it.
            while (
                k + 1 < n
                and text[spans[k][0] : spans[k][1]] in (",", ".")
                and spans[k][0] == b
                and spans[k + 1][0] == spans[k][1]
                and text[spans[k + 1][0] : spans[k + 1][1]].isdigit()
            ):
                b = spans[k + 1][1]
                k += 2
        elif (
            word.isalpha() and k < n and text[spans[k][0] : spans[k][1]] == "." and spans[k][0] == b
        ):
            # "U.S.", "H.R.", "e.g.": single letters and full stops, at least two of each.
            j, pairs = i, 0
            while (
                j + 1 < n
                and len(text[spans[j][0] : spans[j][1]]) == 1
                and text[spans[j][0] : spans[j][1]].isalpha()
                and text[spans[j + 1][0] : spans[j + 1][1]] == "."
                and spans[j + 1][0] == spans[j][1]
                and (j == i or spans[j][0] == spans[j - 1][1])
            ):
                pairs += 1
                j += 2
            rest = text[spans[k][1] :]
            if pairs >= 2:
                b, k = spans[j - 1][1], j
            elif _AFTER_ABBREVIATION.match(rest) and (
                word.lower() in _ABBREVIATED
                or (len(word) == 1 and word.isupper() and rest[:1].isspace())
            ):
                b, k = spans[k][1], k + 1  # "Mr. Khan", "No. 5", "George W. Bush"
        out.append((a, b))
        i = k
    return out


def positions(tokens: Sequence[str], words: Container[str]) -> list[int]:
    """The indices of the tokens found in `words`, in order. The test of each token runs in C
    (`compress` over `map`): several times quicker than a loop of the rule's own over every
    token, for the rules that look for a few words in every sentence drafted."""
    return list(itertools.compress(range(len(tokens)), map(words.__contains__, tokens)))


YEAR = re.compile(r"^(1[6-9]|20)\d\d(s|ies)?$")
NUMBER = re.compile(r"^\d[\d,.]*$")
MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
#: Quotation marks, opening → closing.
QUOTES = {'"': '"', "“": "”"}
#: Dashes, also typed as hyphens.
DASHES = frozenset(["—", "–", "-", "--"])
#: Apostrophes, straight and curly: a token of their own before a contracted auxiliary
#: (*we’re*, *I'm*, *they’ll*).
APOSTROPHES = frozenset(["'", "’"])

# -- determiners, pronouns, quantifiers -----------------------------------------------------------

DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
    ]
)
DEMONSTRATIVES = frozenset(["this", "these", "those", "such"])
#: Words before an agent noun that belong to the actor quote (*Most economists*).
QUANTIFIERS = frozenset(["a", "an", "most", "many", "some", "several", "senior", "top"])
#: Words that can open the subject of a complement clause without "that".
SUBJECTS = frozenset(
    ["the", "this", "these", "those", "it", "they", "he", "she", "we", "such", "both", "neither"]
)
#: Legal instruments: as a clause's subject, what they restrict, require or would do is their
#: content, a report, not the author's judgement (guidelines v1.3 change 16: laws, bills,
#: treaties are never holders).
INSTRUMENTS = frozenset(
    [
        "resolution",
        "resolutions",
        "act",
        "bill",
        "bills",
        "law",
        "laws",
        "legislation",
        "statute",
        "statutes",
        "provision",
        "provisions",
        "amendment",
        "amendments",
        "directive",
        "directives",
        "ndaa",
        "treaty",
        "treaties",
        "article",
        "articles",
    ]
)
#: Agreements and joint documents: what parties pledge or commit to in or under one is the
#: terms of the agreement, a report (guidelines v1.3 §4.4: *In the treaty, the two sides also
#: pledged to expand cooperation*).
AGREEMENTS = frozenset(
    [
        "treaty",
        "agreement",
        "accord",
        "compact",
        "pact",
        "deal",
        "declaration",
        "communique",
        "communiqué",
        "memorandum",
        "framework",
        "statement",
    ]
)
#: Verbs of commitment: one party's own promise is its intention, a joint one a report.
COMMITMENTS = ("pledg", "commit", "agree", "promis", "vow")
#: Nouns before an infinitive of purpose (*in an effort to compel*, *in a bid to*, *in order to*).
PURPOSE_NOUNS = frozenset(["effort", "efforts", "bid", "order", "attempt", "attempts", "move"])
#: Subject pronouns: the word after one is its verb (*they trade*, *it rests on*), a clause
#: opens at one after *and*, and no item of a list of noun phrases opens with one.
SUBJECT_PRONOUNS = frozenset(["i", "you", "we", "they", "he", "she", "it"])
#: The subject pronouns that take a verb's plain form (*they prohibit*, not *it prohibits*).
PLAIN_FORM_PRONOUNS = frozenset(["i", "we", "you", "they"])
#: Words that open a clause, not a phrase inside one: a subject pronoun, a demonstrative
#: subject, existential *there* (no list item or coordinated predicate opens with one).
CLAUSE_OPENING_PRONOUNS = SUBJECT_PRONOUNS | frozenset(["this", "these", "there"])
#: Possessive determiners and the possessive *'s*: before a participle they make it
#: attributive (*its planned exit*).
POSSESSIVES = frozenset(["my", "your", "our", "its", "their", "his", "her", "'s", "’s"])
#: Subjects after which *may* is an optative (*may he rest in peace*), not a modal of possibility.
OPTATIVE_SUBJECTS = SUBJECT_PRONOUNS | frozenset(["god"])
#: Conjunctions that join two items or two clauses (a clause boundary only when they join
#: predicates or clauses, or after a comma).
COORDINATORS = frozenset(["and", "or"])
#: Conjunctions that always open a new clause, unless a negation pairs them (*not X but Y*).
ADVERSATIVES = frozenset(["but", "yet"])
WH = frozenset(["how", "what", "whether", "why", "where", "when", "who", "which"])
#: Conjunctions that open an adverbial clause (its verb is not the main clause's).
SUBORDINATORS = frozenset(["unless", "if", "because", "although", "though", "whereas", "once"])
#: Nouns after *neither / either / each* that stand for the parties jointly.
SIDES = frozenset(["side", "party", "country", "government", "capital", "partner"])
#: Words of group names too common to say which group a description means.
GENERIC = frozenset(
    ["the", "of", "and", "for", "in", "on", "a", "an", "its", "their", "people", "public"]
)

# -- verbs ----------------------------------------------------------------------------------------

BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "am"])
#: Modal auxiliaries; "wo" is the modal of "won't" (tokenized "wo" + "n't").
MODALS = frozenset(
    ["will", "would", "shall", "should", "must", "may", "might", "could", "can", "cannot", "wo"]
)
#: Modals that speak of the future.
FUTURE_MODALS = frozenset(["will", "would", "shall", "wo"])
#: Words before *will* that make it the noun (*the good will*, *its will*, *political will*).
WILL_NOUN_BEFORE = frozenset(["good", "ill", "political", "free", "popular", "own"])
#: Finite verb forms: the modals and the finite auxiliaries.
FINITE = MODALS | frozenset(["is", "are", "was", "were", "has", "have", "had", "does", "do", "did"])
#: Finite forms that make a clause a present or modal statement, never a plain past report.
PRESENT = MODALS | frozenset(["is", "are", "am", "does", "do", "'re"])
PAST_IRREGULAR = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "made",
        "met",
        "took",
        "gave",
        "said",
        "became",
        "began",
        "went",
        "came",
        "saw",
        "heard",
        "won",
        "lost",
        "led",
        "left",
        "sent",
        "held",
        "fell",
        "rose",
        "grew",
        "brought",
        "bought",
        "sought",
        "told",
        "thought",
        "found",
        "kept",
        "paid",
        "put",
        "set",
        "cut",
        "struck",
        "fought",
        "spoke",
        "wrote",
        "broke",
        "ran",
        "chose",
        "drew",
    ]
)
#: Irregular participles of verbs of events and acts (*have taken several steps*, *has sold*):
#: after *has / have / had* they narrate like *has signed*. Kept out of `PAST_IRREGULAR`,
#: where a bare participle would count as narration (*permanently taken over by ...*
#: describes a state). Not those of attitude, perception or framing verbs (*felt, known,
#: shown, given*) nor of linking, choosing or causing (*has grown stronger*, *has chosen to
#: hedge*, *has driven*), which other tests read.
ACT_PARTICIPLES = frozenset(
    [
        *("taken", "begun", "drawn", "stood", "withdrawn", "undertaken", "sold", "built"),
        *("spent", "caught", "fled", "thrown", "stolen", "sunk", "flown"),
    ]
)
#: Participles of attitude verbs that are not formed with -ed/-en (*was seen as*).
PARTICIPLES = frozenset(
    [
        "seen",
        "thought",
        "known",
        "felt",
        "told",
        "said",
        "sought",
        "regarded",
        "viewed",
        "considered",
    ]
)
#: Words ending in -ed that are no past verb.
NOT_VERBS_ED = frozenset(
    ["need", "indeed", "interested", "concerned", "limited", "advanced", "united", "red", "bed"]
)
# Endings of words that modify a following name rather than take it as object.
ADJECTIVE_ENDINGS = ("ed", "ing", "ly", "al", "ic", "ive", "ous", "an", "ern", "ese", "ish")


@functools.lru_cache(maxsize=1 << 16)  # called for every token: a corpus has few distinct words
def is_past(word: str) -> bool:
    """A past-tense form: irregular (*met*, *said*) or regular (*signed*, not *indeed*)."""
    return word in PAST_IRREGULAR or (
        word.endswith("ed") and len(word) > 4 and word not in NOT_VERBS_ED
    )


def past_verb(low: Sequence[str], k: int) -> bool:
    """A past form at token k that is a verb, not an adjective coordinated with the one before
    it (*the fragile and contested nature*)."""
    return is_past(low[k]) and not (k > 0 and low[k - 1] in ("and", "or"))


# Contracted auxiliaries, the apostrophe a token of their own (*we’re*, *I'm*, *they’ll*).
_CONTRACTED = frozenset(["m", "re", "ll", "ve", "d"])
# Pronouns after which *'s* is *is* / *has*, not a possessive (*it’s over*).
_S_PRONOUNS = frozenset(["it", "he", "she", "that", "there", "what", "who"])


def contracted_verb(low: Sequence[str], k: int) -> bool:
    """Whether token k starts a contracted finite verb: an apostrophe before *m, re, ll, ve,
    d*, or *'s* after a pronoun."""
    if low[k] in APOSTROPHES:
        return k + 1 < len(low) and low[k + 1] in _CONTRACTED
    return low[k] in ("'s", "’s") and k > 0 and low[k - 1] in _S_PRONOUNS


def progressive(low: Sequence[str], i: int) -> bool:
    """Whether the -ing form at token i is a progressive verb after *be* (*is hoping*, *I'm
    hoping*, *we’re betting*), not a gerund (*maintaining their support may ...*)."""
    return i > 0 and low[i - 1] in (*BE, "m", "re")


_RISK_VERBS = frozenset(["risk", "risks", "risked", "threaten", "threatens", "threatened"])


def risk_verb(low: Sequence[str], k: int) -> bool:
    """Whether token k is the verb *risk / threaten* with a subject before it and an object
    after it (*the tensions risked instability*, *the dispute threatens the accord*): a
    possible future outcome, as *fear that* is (§8.1 prediction); not the noun (*the risk*,
    *at risk*) nor an infinitive (*threaten to*: an intention)."""
    if k < 1 or low[k] not in _RISK_VERBS or k + 1 >= len(low):
        return False
    prev = low[k - 1]
    if low[k + 1] in ("to", "of", ",", ".") or prev in DETERMINERS:
        return False
    return (
        prev not in ("at", "a", "no", "high", "low") and prev.isalpha() and not prev.endswith("ly")
    )


@functools.lru_cache(maxsize=1 << 16)
def is_verb(word: str) -> bool:
    """A finite verb (*is*, *will*, *has*) or a past form: the clause has a verb of its own."""
    return word in FINITE or is_past(word)


#: Closed-class words in *-s*, never a verb nor a plural noun (*as*, *us*, *thus*, *its*).
CLOSED_CLASS_S = frozenset(
    [
        *("as", "us", "this", "thus", "its", "his", "hers", "ours", "yours", "theirs"),
        *("whereas", "perhaps", "always", "sometimes", "besides", "towards", "afterwards"),
        *("unless", "less", "various", "numerous", "previous", "serious"),
    ]
)


def may_be_present(word: str, prev: str) -> bool:
    """Whether a lowercase word in *-s* may be a present verb (*as their use grows*): not a
    closed-class word (*as*, *thus*, *its*), not a noun by its ending (*crisis*, *status*,
    *process*) nor a noun after a determiner (*the talks*, *its exports*)."""
    return (
        word.endswith("s")
        and word.isalpha()
        and not word.endswith(("ss", "us", "is"))
        and word not in CLOSED_CLASS_S
        and prev not in DETERMINERS
    )


def verbish(word: str) -> bool:
    """A word that can be a verb after a modal (a word, not a determiner)."""
    return word not in DETERMINERS and word.isalpha()


def inflection(word: str) -> str:
    """The finite ending of a verb: "s" (*regards*), "ed" (*regarded*), else ""."""
    if word.endswith("ed"):
        return "ed"
    if word.endswith("s") and not word.endswith("ss"):
        return "s"
    return ""


# -- frames and adverbs ---------------------------------------------------------------------------

#: Phrases after a comma that focus on part of the clause (*, especially on sanctions*).
FOCUS = frozenset(
    ["especially", "particularly", "notably", "including", "mainly", "mostly", "chiefly"]
)
#: Phrases that put a clause in the future (*in the long run*: ability then is a prediction).
FUTURE_FRAMES = (
    ("in", "the", "long", "run"),
    ("in", "the", "long", "term"),
    ("in", "the", "future"),
    ("in", "future"),
    ("in", "the", "coming"),
    ("in", "the", "years", "ahead"),
    ("sooner", "or", "later"),
    ("one", "day"),
    ("eventually",),
    ("anytime", "soon"),
    ("any", "time", "soon"),
)
# Predicates of interest: what is good for a party, the author's assessment (guidelines §6.1).
INTEREST = frozenset(["suit", "benefit", "serve", "help", "hurt", "harm", "matter", "fit"])
#: Frame nouns that make the author's clause a prediction (*The danger is that P*).
FEAR_FRAMES = frozenset(["danger", "risk", "fear", "worry", "threat", "likelihood", "prospect"])
#: Sentence adverbs whose clause the proposition follows (*Perhaps P*, *No doubt P*).
SENTENCE_ADVERBS = frozenset(
    [
        ("perhaps",),
        ("maybe",),
        ("indeed",),
        ("doubtless",),
        ("no", "doubt"),
        ("of", "course"),
        ("in", "fact"),
        ("without", "doubt"),
        ("without", "a", "doubt"),
        ("beyond", "doubt"),
        ("in", "all", "likelihood"),
        ("in", "all", "probability"),
        ("needless", "to", "say"),
    ]
)


#: Cues that only name a source or an allegation (guidelines v1.3, "Reports with an evidential
#: cue"): a report they qualify stays a report for evidence.
EVIDENTIAL_CUES = frozenset(
    [
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "is said to",
        "are said to",
        "it is said",
        "is accused of",
        "are accused of",
        "was accused of",
        "has been accused of",
        "have been accused of",
        "is suspected of",
        "are suspected of",
        "was suspected of",
        "has been suspected of",
        "is alleged to",
        "are alleged to",
        "was alleged to",
    ]
)

#: Nouns of a ground for thinking that an existential *there is* offers to anyone (*there is
#: every reason to believe*, *no grounds to assume*): a generic thinker, the author's voice.
GROUNDS = frozenset(["reason", "reasons", "ground", "grounds", "basis", "cause", "evidence"])
