"""The author's judgements: clauses no cue covers that are no plain report (guidelines §4.4)."""

from __future__ import annotations

from itertools import islice

from ..actor_index import AUTHOR
from ..clauses import (
    instrument_subject,
    is_future,
    is_negated,
    listed_question,
    skip_complementizer,
    trim_span,
)
from ..conjuncts import bare_verb
from ..lexicons import lexicons, longest_match
from ..main_clauses import main_clauses
from ..openings import impersonal_frame
from ..predicates import holds_predicate
from ..sentence import Sentence
from ..types import Candidate
from ..words import (
    DETERMINERS,
    FEAR_FRAMES,
    FINITE,
    FUTURE_FRAMES,
    MODALS,
    PRESENT,
    SENTENCE_ADVERBS,
    WH,
    is_verb,
)
from .evidence import fact_signals
from .judgement_conduct import caused_attitude, expressed_attitude, speaker_conduct
from .judgement_reports import (
    clause_verb,
    dependence,
    instrument_after,
    instrument_frame,
    legal_status,
    objective_need,
    perfect_of_act,
    record_rank,
    standing_fact,
    trend_of_relations,
    unjudged,
)
from .judgement_tense import untensed
from .judgement_type import (
    conditional_ability,
    describing_relative_start,
    frame_type,
    likelihood_predicate,
    optative,
)
from .judgement_valuation import evaluative_at


def _is_report(s: Sentence, i: int, j: int) -> bool:
    """A plain report (figures, a statement, past events), not the author's judgement (§4.4)."""
    lex = lexicons()
    found = fact_signals(s, i, j)
    for k in range(i, j):
        w = s.low[k]
        if evaluative_at(s, i, k) or (
            w in lex.causal.firsts and longest_match(lex.causal, s.low, k) and _causal_use(s, k, j)
        ):
            return False
    if caused_attitude(s, i, j):
        return False  # "The moves have raised concerns among observers": an effect judged
    if "past" in found and untensed(s, i, j):
        found.discard("past")  # "the continued attacks reinforce ...": a participle, no tense
    if "statistic" in found:
        return True
    if trend_of_relations(s, i, j):
        return False  # "Relations between Tokyo and Seoul have soured": the author's reading
    if "past" not in found and perfect_of_act(s, i, j):
        found.add("past")  # "authorities have taken several steps": narrated like "signed"
    if ("present" in found and _present_outside_relatives(s, i, j)) or s.low[-1] == "?":
        return False
    # Event nouns alone ("the talks resume") are no report: only past narration, dates and
    # reported statements are.
    return bool(found & {"past", "date", "statement"})


_RELATIVES = frozenset(["which", "who", "that"])
# Words opening a prepositional phrase of time, circumstance or comparison (no clause without
# a verb).
_PREPOSITIONAL = frozenset(
    [
        "during",
        "after",
        "before",
        "since",
        "amid",
        "following",
        "despite",
        "until",
        "within",
        "in",
        "on",
        "at",
        "for",
        "with",
        "without",
        "under",
        "over",
        "by",
        "through",
        "from",
        # of comparison and place (*Unlike its neighbours, ...*, *Like Tokyo, ...*)
        *("unlike", "like", "besides", "beyond", "among", "across", "toward", "towards"),
    ]
)


def _present_outside_relatives(s: Sentence, i: int, j: int) -> bool:
    """Whether a present or modal verb of tokens i..j belongs to the clause itself, not to a
    relative clause describing one of its nouns (*Russia vetoed a resolution that would have
    renewed the mandate*: past narration; the relative clause only says what the resolution
    would have done)."""
    low = s.low
    narrated = _past_complement(s, i, j)
    return any(
        w in PRESENT and not (low[k - 1] in _RELATIVES and k - 1 > i) and k < narrated
        for k, w in enumerate(low[i:j], start=i)
    )


def _past_complement(s: Sentence, i: int, j: int) -> int:
    """Where the that-clause of a past *agreed* starts in tokens i..j (*In 2011 the allies
    agreed that we would end the mission*), else j: what parties agreed is a report (§4.4),
    its modal the past's future, not the author's prediction."""
    low = s.low
    for k in range(i + 1, j - 1):
        if low[k] == "that" and low[k - 1] == "agreed":
            return k
    return j


def _causal_use(s: Sentence, k: int, j: int) -> bool:
    """Whether the causal word at k links a cause to an effect: not a compound adjective
    (*U.S.-led efforts*), and *led* with an object only with its *to* (*led Moscow to
    rethink*; not *led the polls*, a report of who was ahead), and not the verb of a relative
    clause (*a phrase which essentially reflected Moscow's view*: it describes the noun)."""
    if s.low[k - 1] == "-" or s.low[k - 1] in _RELATIVES or s.low[k - 2] in _RELATIVES:
        return False
    heads = s.low[k] == "led" and k + 1 < j and s.low[k + 1] in DETERMINERS
    if not heads:
        return True
    # *led Moscow to rethink*: a cause; *led her party to a landslide victory*: who led whom.
    to = next((t for t in range(k + 1, min(j, k + 5)) if s.low[t] == "to"), None)
    return to is not None and to + 1 < j and s.low[to + 1] not in DETERMINERS


def run_in_label(s: Sentence, following: str) -> bool:
    """Whether a sentence that opens a paragraph, before the paragraph's next sentence
    (`following`), is a run-in label (*Strait of Hormuz. Iran's disruption of shipping has
    reduced transit through the Strait ...*): at most four words, no verb, and its last word
    names what the next sentence is about. A label states no proposition (guidelines, "A
    sentence the splitter broke in two"): no claim."""
    # The words up to one too many: most sentences are long, and counting stops there.
    words = list(islice((w for w in s.low if any(ch.isalnum() for ch in w)), _LABEL_WORDS + 1))
    if not 0 < len(words) <= _LABEL_WORDS or any(is_verb(w) or w in FINITE for w in words):
        return False
    # The topic test keeps short claims that open a paragraph (*Prices rise.*) as claims: a
    # label names its paragraph's topic; the stem allows *sanction* / *sanctions*.
    head = words[-1].rstrip("s")
    return len(head) > 2 and head in following.lower()


# Labels are one to four words (*Sanctions.*, *Iran's nuclear program.*), as the splitter's
# own run-in labels (docs/segmentation.md); a longer verbless sentence is more likely a
# fragment of speech that carries a claim (*One of determination, of leadership.*).
_LABEL_WORDS = 4


def author_judgements(s: Sentence, cands: list[Candidate]) -> None:
    """The author's judgements: every main clause that no other claim covers and that is not a
    plain report is a claim of the author (guidelines §4.2, signal 3; §4.4)."""
    if not s.text.rstrip().endswith((".", "!", "?", "…", '"', "”", "’", "'", ")")):
        return  # a heading (no final punctuation, SPEC "Segmentation") states no judgement
    prev: Candidate | None = None
    for n, (a, b) in enumerate(main_clauses(s)):
        if any(c.region[0] < b and a < c.region[1] for c in cands):
            continue
        if _no_clause(s, n, a, b) or _reported(s, a, b):
            continue
        region = (a, b)
        a, whether = skip_shell(s, a, b)
        if s.low[a] == "whether":
            # "Whether Egypt can afford it is unclear": the content, before its frame.
            frame = next((k for k in range(a + 2, b) if s.low[k] in lexicons().copulas), None)
            if frame is not None:
                a, b, whether = a + 1, frame, True
        a, b = trim_span(s, (a, b))
        if a >= b:
            continue
        typ = _judgement_type(s, region[0], a, b)
        first = prev if prev is not None and second_predicate(s, region[0], prev) else None
        if first is not None:
            typ = first.type  # "is going to take action and make sure ...": one modal (§5)
        cand = Candidate(a, typ, "author", [AUTHOR], None, (a, b), region, is_negated(s, a, b))
        cand.underspecified = whether
        cand.parent = first
        cands.append(cand)
        prev = cand


def _no_clause(s: Sentence, n: int, a: int, b: int) -> bool:
    """Whether the main clause a..b (the n-th) is no clause of its own: a verbless piece, or an
    embedded question listed after the sentence's first clause (§4.3)."""
    if (n > 0 or s.low[a] in _PREPOSITIONAL) and not clause_verb(s, a, b):
        # "but in no way – Korea's views", "During Rubio's visit to Mexico, ...": no clause
        # of its own
        return True
    if n == 0 and _after_boundary(s, a) and not holds_predicate(s, a, b):
        return True  # "Unlike its neighbours, Bahrain has ... (but a Sunni royal family)"
    return listed_question(s, a)  # "..., and how the pact may be expanded": asked (§4.3)


def _reported(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b is a plain report, not the author's judgement (§4.4)."""
    if instrument_subject(s, a, b) or instrument_frame(s, a, b) or legal_status(s, a, b):
        return True  # "These resolutions restrict trade ...", "Under the treaty, ...": a report
    if instrument_after(s, b) and unjudged(s, a, b, duty=True):
        return True  # "The agency must screen buyers, pursuant to two laws": the law's duty
    if _cue_alone(s, a, b):
        return True  # "Make no mistake, ...", "As it happens, ...": a booster, no claim (App. B)
    if _is_report(s, a, b) and not _explained(s, b):
        return True
    if standing_fact(s, a, b):
        return True  # "It borders the strait", "Relations include ...": geography, record
    if objective_need(s, a, b) or dependence(s, a, b) or record_rank(s, a, b):
        return True  # "Ethiopia needs the electricity": a fact, not an attitude (§4.4)
    if _narrated_conduct(s, a, b) or speaker_conduct(s, a, b):
        return True  # "The two countries collaborate on energy", "We are monitoring ...": §4.4
    return expressed_attitude(s, a, b)  # "X have raised concerns about ...": a stance (v1.3)


def _after_boundary(s: Sentence, a: int) -> bool:
    """Whether a clause boundary (*but*, *;*, a coordinating *and*) comes before token a: the
    clause at a is not the sentence's first, also when the pieces before it made no clause
    (*Unlike its neighbours, Bahrain has a Shia majority (but a Sunni royal family)*), so it
    needs a predicate of its own; only a sentence's first piece may be a verbless fragment
    that states something (*One of determination, of leadership.*). A connective opening the
    sentence (*But it's no guarantee*) is no boundary."""
    return any(s.coord[k] or s.low[k] in (";", "but", "yet") for k in range(1, a))


def _judgement_type(s: Sentence, region_start: int, a: int, b: int) -> str:
    """The type of the author's clause whose proposition is tokens a..b (guidelines §8.2)."""
    if a > 0 and optative(s, a - 1):
        return "desire"  # "May God bless you all": a wish
    if (framed := frame_type(s, region_start, a, b)) is not None:
        return framed  # "there is still much to be done", "That is our commitment"
    if s.low[region_start : region_start + 3] == ["it", "would", "be"]:
        return "belief"  # "it would be naive to think that ...": a hypothetical judgement
    fear = any(w in FEAR_FRAMES for w in s.low[region_start:a])  # "The danger is that P"
    future = is_future(s, a, min(_embedded_question(s, a, b), describing_relative_start(s, a, b)))
    predicted = likelihood_predicate(s, a, b) or conditional_ability(s, a, b)
    return "prediction" if fear or future or predicted else "belief"


# Hedges of a causal explanation (*in part because*, *largely because*).
_PARTLY = frozenset(["in", "part", "partly", "largely", "mainly", "mostly", "only", "precisely"])


def _explained(s: Sentence, b: int) -> bool:
    """Whether the clause ending at b is followed by the author's explanation of it (*Taiwan
    held elections without incident, in part because all sides worked to ...*): a causal link
    the author asserts makes the narrated fact a judgement (guidelines §4.4, signals of a
    judgement)."""
    k = b
    while k < s.n and (s.low[k] == "," or s.low[k] in _PARTLY):
        k += 1
    return k < s.n and s.low[k] == "because" and k - b <= 4


def _embedded_question(s: Sentence, a: int, b: int) -> int:
    """Where an embedded question starts in the clause a..b (*truths about how our democracies
    will grow*), else b: its modal says nothing of the claim's time (guidelines v1.3, §4.3)."""
    for k in range(a + 1, b):
        if s.low[k] in ("how", "whether", "why", "what") and s.low[k - 1] != ",":
            return k
    return b


def _cue_alone(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens a..b are nothing but a cue phrase (*Make no mistake*, *As it happens*,
    *One thing is certain*): it qualifies the next clause and is no claim of its own."""
    lead = longest_match(lexicons().hedges, s.low, a) if s.low[a] in lexicons().hedges else None
    return lead is not None and a + lead[0] >= b


def skip_shell(s: Sentence, a: int, b: int) -> tuple[int, bool]:
    """Where the proposition of the author's clause in tokens a..b starts, past its shell
    (guidelines §7.1: leading cues and frames are excluded), and whether a *whether* frame
    leaves it undecided: *The impression is that P*, *It is unclear whether P*, *Perhaps P*,
    *No doubt P*, *The danger is that P*."""
    low = s.low
    a = leading_adverbial(s, a, b)
    if optative(s, a):
        return a + 1, False  # "May God bless you all": the wish, without its "may"
    lead = longest_match(lexicons().hedges, low, a) if low[a] in lexicons().hedges else None
    if lead is not None and a + lead[0] < b:
        words = tuple(low[a : a + lead[0]])
        after = low[a + lead[0]]
        if after in ("that", "whether", ","):
            return skip_complementizer(s, a + lead[0], b), after == "whether"
        if words[-1] in ("that", "whether"):
            return a + lead[0], words[-1] == "whether"
        if len(words) > 1 and words[0] == "it" and (after in WH or after == "if"):
            # *It is unclear how many were moved*, *It remains unclear if Tokyo will pay*: the
            # impersonal frame is the cue, the question after it the proposition (§7.1, §11.5).
            if after == "if":
                return skip_complementizer(s, a + lead[0] + 1, b), True
            return a + lead[0], False
        adverb = words in SENTENCE_ADVERBS or (
            len(words) == 1 and words[0].endswith("ly") and words[0] not in ("likely", "unlikely")
        )
        if adverb and after[:1].isalnum():
            return a + lead[0], False
    if (frame := impersonal_frame(low, a, b)) is not None:
        return skip_complementizer(s, frame, b), low[frame] == "whether"
    if low[a] in ("the", "a", "one", "another", "my", "our"):
        # "The danger is that ...", "The real problem for Cairo is that ...": a frame noun
        # phrase whose predicate is the that-clause.
        for k in range(a + 1, min(b - 2, a + 8)):
            w = low[k]
            if w in ("is", "was", "remains") and low[k + 1] == "that":
                return k + 2, False
            if w in ("would", "will") and low[k + 1 : k + 3] == ["be", "that"]:
                return k + 3, False  # "My view would be that ..."
            if not w.isalpha() or w in FINITE or w in ("that", "which", "who"):
                break
    return a, False


# Prepositions that open a fronted adverbial of time, frame or manner (*In the long run*, *For
# now*, *Under the new law*, *Despite the sanctions*).
_ADVERBIAL_PREPOSITIONS = frozenset(
    [
        *("in", "for", "by", "at", "on", "under", "after", "before", "during", "since", "until"),
        *("within", "over", "despite", "with", "without", "through", "from", "amid", "unlike"),
    ]
)
# Words in -ly that are no sentence adverb (*Only Seoul*, *Italy*).
_NOT_ADVERBS = frozenset(["only", "early", "likely", "unlikely", "italy", "july", "family"])


def leading_adverbial(s: Sentence, a: int, b: int) -> int:
    """The first token of the author's clause a..b past a leading adverbial that no comma sets
    off (guidelines §7.1: the span starts at the clause's subject; leading adverbials are
    shell): a bracket (*(For now) Seoul will hold*), an adverb in -ly (*Ultimately Seoul will
    lose*), a short prepositional phrase (*In the long run Seoul will lose*, *In 2025 the
    ministry will act*), each right before a subject whose verb follows within three words.
    A capitalised word or a determiner opens the subject after the phrase; without one, or
    without the verb, the clause is left whole (*In South Korea Seoul …* stays)."""
    low, toks = s.low, s.toks
    while a < b:
        k = a
        close = _closing_bracket(s, a, b)
        if close is not None:
            k = close + 1
        elif (
            low[a].endswith("ly")
            and len(low[a]) > 4
            and low[a] not in _NOT_ADVERBS
            and toks[a][:1].isupper()
        ):
            k = a + 1
        elif (
            low[a] in _ADVERBIAL_PREPOSITIONS
            and toks[a][:1].isupper()
            and not any(tuple(low[a : a + len(f)]) == f for f in FUTURE_FRAMES)
        ):
            # (A future frame stays: it makes ability a prediction, §8.2.)
            k = _phrase_end(s, a + 1, b)
        if k == a or k >= b or not _subject_at(s, k, b):
            return a
        a = k
    return a


def _closing_bracket(s: Sentence, a: int, b: int) -> int | None:
    """The ")" of a bracket that opens the clause at a (*(For now)*) or that the clause starts
    inside (the bracket was a boundary: *For now) Seoul …*), within eight words."""
    low = s.low
    first = a + 1 if low[a] == "(" else a
    for t in range(first, min(b, a + 8)):
        if low[t] == "(":
            return None
        if low[t] == ")":
            return t if low[a] == "(" or (a > 0 and low[a - 1] == "(") else None
    return None


def _phrase_end(s: Sentence, k: int, b: int) -> int:
    """The end of the object of a fronted preposition at k: the first capitalised word or
    determiner after a lower-case word or a number (*the long run | Seoul*, *2025 | the
    ministry*), within six words and before any verb; else k - 1 (no end found)."""
    low, toks = s.low, s.toks
    for t in range(k + 1, min(b, k + 6)):
        prev = toks[t - 1]
        if is_verb(low[t - 1]) or not prev[:1].isalnum():
            break
        if (
            (prev.islower() or prev.isdigit())
            and low[t - 1] not in DETERMINERS
            and (toks[t][:1].isupper() or low[t] in DETERMINERS)
        ):
            return t
    return k - 1


def _subject_at(s: Sentence, k: int, b: int) -> bool:
    """Whether a subject opens at token k: a finite verb or modal follows within four words,
    with no verb, comma or bracket before it."""
    for t in range(k + 1, min(s.n, k + 5)):
        w = s.low[t]
        if w in FINITE:
            return True
        if not w.isalnum() or is_verb(w):
            return False
    return False


def continued_obligation(s: Sentence, cands: list[Candidate], before: list[Candidate]) -> None:
    """A verbless fragment that names an action right after the author's obligation goes on
    with it (guidelines v1.3, §8.2, "Fragments that go on with an obligation"): *We need to
    align our export controls. This means aligning our systems. Looking at trade measures.
    Better securing our supply chains.* Each fragment (a gerund phrase, past *And*, adverbs
    or *This means*) is the author's obligation too, its span the action. A fragment after
    any other claim, or one with a verb of its own, is left as it is."""
    if len(cands) != 1 or not before or before[-1].type != "obligation":
        return
    cand, low = cands[0], s.low
    a, b = cand.span
    if cand.frame != "author" or cand.type != "belief" or before[-1].frame != "author":
        return
    if low[a : a + 2] == ["this", "means"]:
        a += 2
    k = a
    while k < b and (low[k].endswith("ly") or low[k] in ("better", "also", "further")):
        k += 1
    if k >= b or not low[k].endswith("ing") or any(w in FINITE for w in low[a:b]):
        return
    cand.type, cand.span = "obligation", (a, b)


# Verbs of conduct: what a party does, narrated in the present (*collaborate, is expanding,
# hosts*), as opposed to verbs that relate facts or judge (*shapes, threatens, serves X's
# interests*), which stay the author's judgement (guidelines §4.4, "Actions are reports,
# attitudes are claims, whatever the tense"; seed 14, *takes practical steps*).
_CONDUCT = frozenset(
    [
        "collaborate",
        "cooperate",
        "coordinate",
        "provide",
        "supply",
        "deliver",
        "expand",
        "procure",
        "purchase",
        "buy",
        "sell",
        "export",
        "import",
        "host",
        "station",
        "deploy",
        "conduct",
        "finalize",
        "finalise",
        "negotiate",
        "fund",
        "finance",
        "invest",
        "build",
        "operate",
        "participate",
        "train",
        "send",
        "receive",
        "trade",
        "sign",
        "ban",
        "prohibit",
        "impose",
        "launch",
        "manufacture",
        "produce",
        "acquire",
        "transfer",
        "contribute",
        "patrol",
        "visit",
        "attend",
        "employ",
        "ship",
    ]
)
_ADVERBS_OF_CONDUCT = frozenset(
    ["also", "still", "now", "already", "increasingly", "regularly", "jointly", "routinely"]
)


# Verbs of conduct whose base and -s forms are as often nouns (*oil imports come from*, *trade
# grew*, *arms transfers*): only their -ing form after *is / are* is taken as the verb.
_NOUNS_TOO = frozenset(
    [
        "export",
        "import",
        "trade",
        "transfer",
        "visit",
        "ship",
        "fund",
        "ban",
        "launch",
        "station",
        "host",
        "supply",
        "finance",
        "purchase",
        "sign",
        "train",
        "patrol",
    ]
)


def _conduct_form(w: str) -> bool:
    """A present form of a verb of conduct: its -ing form, or its base or -s form when that is
    no noun too."""
    if w.endswith("ing"):
        stem = w[:-3]
        return stem in _CONDUCT or stem + "e" in _CONDUCT or stem[:-1] in _CONDUCT
    stem = w[:-2] if w.endswith("es") and w[:-2] in _CONDUCT else w[:-1] if w.endswith("s") else w
    return stem in _CONDUCT and stem not in _NOUNS_TOO


def _narrated_conduct(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b narrates what its subject does, in the simple present or the
    progressive (*The two countries also collaborate on energy*, *Australia also is expanding
    its partnerships*, *Russia is providing North Korea with ...*): conduct is a report
    whatever the tense (guidelines §4.4). The verb must be one of conduct, right after a short
    subject (and an adverb, or *is / are* for the progressive); a modal, a negation or any
    hedge or booster in the sentence (which may qualify the clause) leaves it to the other
    tests."""
    low, hedges = s.low, lexicons().hedges
    if any(w in hedges and longest_match(hedges, low, k) for k, w in enumerate(low)):
        return False
    for k in range(a, min(b, a + 10)):
        w = low[k]
        if w in MODALS or not (w.isalpha() or w in ("'s", "’s", "-")):
            return False
        if k == a:
            continue  # the subject's first word (a predicate without a subject is no conduct)
        if w in ("is", "are", "'re"):
            after = k + 1
            while after < b and low[after] in _ADVERBS_OF_CONDUCT:
                after += 1
            return after < b and low[after].endswith("ing") and _conduct_form(low[after])
        if _conduct_form(w) and not w.endswith("ing"):
            before = k - 1
            while before > a and low[before] in _ADVERBS_OF_CONDUCT:
                before -= 1
            nxt = low[k + 1] if k + 1 < b else ""
            noun = low[before] in DETERMINERS or low[before] in lexicons().prepositions
            noun = noun or low[before] in ("'s", "’s", "-") or nxt in FINITE or is_verb(nxt)
            return not noun
        if w in FINITE or is_verb(w):
            return False
    return False


def second_predicate(s: Sentence, a: int, prev: Candidate) -> bool:
    """Whether the clause at token a is a second predicate of the author's clause before it,
    split off by a coordinating "and" with no subject of its own (*I'm going to take action and
    make sure the pain falls on them*): it shares that clause's modal, so its type (§5)."""
    return (
        1 < a < s.n - 1
        and s.coord[a - 1]
        and prev.span[1] >= a - 2
        and bare_verb(s, a)
        and not is_verb(s.low[a + 1])
    )
