"""Evidence between sentences, precision first (guidelines §13.1): the vetoes on the links that
adjacency proposes (`document.py` finds the claim a fact follows; each rule here may refuse the
link). A wrong link costs the annotator more than a missing one, so one refusal is enough.

Each rule is registered with `@link_rule(name)` and has its examples in
`tests/test_draft_evidence.py`."""

from __future__ import annotations

from dataclasses import dataclass

from ..actor_index import AUTHOR
from ..lexicons import lexicons, longest_match
from ..registry import LINK_RULES, link_rule
from ..sentence import Sentence
from ..types import Candidate
from ..words import APOSTROPHES, PLAIN_FORM_PRONOUNS, PRESENT, is_past, is_verb
from .evidence import Fact, fact_signals
from .fact_clauses import verbless_claim


@dataclass(frozen=True)
class LinkSite:
    """A link adjacency proposes: a fact of one sentence for a claim of an earlier one."""

    claim_s: Sentence  # the sentence of the claim
    claim: Candidate
    holder: str  # the claim's holder (one claim per holder)
    fact_s: Sentence  # the sentence of the fact
    fact: Fact
    distance: int  # sentences from the claim's to the fact's (1: the next sentence)
    speaker: str | None  # the party whose words the fact reports, if known
    allied: bool  # the fact's speaker, if any, is the claim's holder or one of its own
    claims: tuple[Candidate, ...]  # every claim of the claim's sentence
    reports: float  # the share of report sentences in the claim's paragraph
    opens: bool  # the claim's sentence opens its paragraph or follows a claim sentence
    position: int = 0  # sentences before the claim's in its paragraph (0: it opens it)
    reason: str | None = None  # the word opening the claim's reason in its own sentence
    own_act: bool = False  # the fact's subject is the claim's holder or one of its own
    narrating: bool = False  # the document narrates (a report): see `document.NARRATING`


def refused(site: LinkSite) -> bool:
    """Whether any registered rule refuses the link."""
    return any(LINK_RULES[name].refuses(site) for name in LINK_RULES)


@link_rule("other-speaker")
def other_speaker(site: LinkSite) -> bool:
    """A party's words support its own attitudes (or those of the state it belongs to:
    *Turkish exporters have long complained ...* for *Ankara wants ...*) and the author's
    claims, not another party's (*Critics noted that ...* is no support for *Supporters
    praised ...*: two positions side by side, test 3)."""
    said = site.fact.speech or site.fact.type == "statement"
    return said and site.holder != AUTHOR and not site.allied and site.speaker is not None


@link_rule("party-own-act")
def party_own_act(site: LinkSite) -> bool:
    """A party's claim is supported by what that party did or said (test 3: its acts, its
    words): a fact whose subject is the holder or one of its own (*Seoul wants calm. In 2024
    Seoul cut its exports to Russia.*). A fact about another party or about things (*Moscow
    wants a buffer. Congress cut the aid.*) goes on with the author's account, which the
    party's attitude is one step of; adjacency cannot tell whether the party reacts to it."""
    if site.holder == AUTHOR or site.own_act:
        return False
    c = site.claim
    # The frame up to the span, and the cue where the span opens with it (*criticized X*).
    return narrated(site.claim_s, c.region[0], max(c.span[0], c.cue + 1))


#: Words after which a past form is an adjective, a present passive or a present perfect (*is
#: convinced*, *are concerned*, *seems determined*, *has stated its intent*): a state or a
#: position holding now, not an act at one moment.
_STATE = frozenset(
    [
        *("is", "are", "am", "'s", "’s", "'re", "’re", "be", "being", "has", "have", "'ve"),
        *("seem", "seems", "appear", "appears", "remain", "remains", "look", "looks"),
        *("become", "becomes", "feel", "feels", "stay", "stays"),
    ]
)


def narrated(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j (a claim's holder and frame) tell of the attitude as an act at one
    moment, in the simple past or the past perfect (*vowed to*, *announced that*, *had sought
    to*), rather than as a state or position that holds (*wants*, *is convinced that*, *has
    stated its intent to*)."""
    low, toks = s.low, s.toks
    for k in range(i, j):
        if is_past(low[k]) and toks[k][:1].islower():
            before = k - 1
            while before >= 0 and (low[before].endswith("ly") or low[before] in _ADVERBS):
                before -= 1  # "is apparently assumed", "are still convinced"
            if before < 0 or low[before] not in _STATE:
                return True
    return False


#: Adverbs between an auxiliary and its participle besides those in -ly.
_ADVERBS = frozenset(["not", "n't", "also", "still", "now", "long", "already", "often", "so"])


@link_rule("mid-paragraph-author")
def mid_paragraph_author(site: LinkSite) -> bool:
    """An author's claim met after the first sentence of its paragraph gathers no facts from
    the sentences after it: the paragraph's line is set by its opening sentence, and an
    assessment or a recommendation further on draws on what came before (an inference, an
    aside, a conclusion) while the facts after it go on with that line. The claim opening the
    paragraph (its topic sentence) reaches the facts after it; so do a prediction, argued from
    the developments told next, and a claim that turns the argument with a contrast."""
    if site.holder != AUTHOR or site.position == 0 or site.claim.type == "prediction":
        return False
    low, trie = site.claim_s.low, lexicons().contrast
    # A claim set against what comes before (*X makes no secret of A, but the impression is
    # that B*; *But that ignores ...*) turns the argument: a new step, which may gather facts.
    return not any(w in trie.firsts for w in low[: site.claim.region[0] + 1])


@link_rule("parallel-also")
def parallel_also(site: LinkSite) -> bool:
    """A fact right after the claim that says it *also* happened adds a parallel item to what
    the claim states, not a reason to believe it (*Russia reportedly has unfrozen assets.
    Russia also has increased food exports.*). Further on, *also* adds to the facts before it
    (*For example, she spoke out .... She has also expressed concern ...*), which may support."""
    if site.distance != 1:
        return False
    low = site.fact_s.low
    return "also" in low[: site.fact.j]


#: Above this share of report sentences a paragraph is a narration (see `narration`).
NARRATION = 0.4


@link_rule("narration")
def narration(site: LinkSite) -> bool:
    """In a paragraph that mostly narrates (more than two report sentences in five), the facts
    support the claims that open it or follow another claim (the topic sentence and the
    argument), not a claim met in the middle of the narration, which is one of its steps:
    *Russia has reversed course. [reports] ... In the treaty, the two sides also pledged to
    expand cooperation. High-level officials have met ...* (the meetings are the narration
    going on, not the pledge's support)."""
    return site.reports > NARRATION and not site.opens


@link_rule("report-then-but")
def report_then_but(site: LinkSite) -> bool:
    """In *A but B*, where A is a report and only B, a predicate sharing A's subject, a claim
    (*Sheinbaum has worked with the United States on security but has opposed unilateral U.S.
    military actions.*), the facts that follow may go on with A as well as back B: not linked.
    A *but* clause with a subject of its own (*..., but the impression is that ...*) is a
    claim of its own and keeps them."""
    low, start = site.claim_s.low, site.claim.region[0]
    but = next((k for k in range(start - 1, -1, -1) if low[k] == "but"), None)
    if but is None or but + 1 >= len(low) or not is_verb(low[but + 1]):
        return False
    return all(c.region[0] > but for c in site.claims)


@link_rule("example-sentence")
def example_sentence(site: LinkSite) -> bool:
    """A claim in a sentence given as an example (*In December 2025, for example, Trump
    reportedly threatened a tariff ...*) is an instance of the claim before it; the facts after
    it go on with the instance (its outcome), not support it."""
    low = site.claim_s.low
    return any(
        low[k] == "for" and low[k + 1] in ("example", "instance") for k in range(len(low) - 1)
    )


@link_rule("one-of-several")
def one_of_several(site: LinkSite) -> bool:
    """A fact after a sentence holding several claims goes to its first claim only (*Seoul wants
    calm and regards the base as a threat. In 2024 it cut its exports.*): which of the others it
    backs, if any, adjacency cannot tell, and a link to each would be wrong more often than
    right. Parties holding one claim jointly (*Seoul and Tokyo want calm*) all keep it."""
    first = min(site.claims, key=lambda c: c.region[0])
    return site.claim.region[0] > first.region[0]


@link_rule("contrast-inside")
def contrast_inside(site: LinkSite) -> bool:
    """A fact whose clause holds a contrast connective between commas (*The Congress cut the
    aid, however, over concerns about ...*) is set against what comes before it (test 3),
    wherever the connective stands; one opening the sentence is refused before any link is
    proposed (`document.py`)."""
    low, trie = site.fact_s.low, lexicons().contrast
    for k in range(max(1, site.fact.i), min(site.fact.j, len(low) - 1)):
        if low[k - 1] == "," and low[k] in trie:
            m = longest_match(trie, low, k)
            if m is not None and k + m[0] < len(low) and low[k + m[0]] == ",":
                return True
    return False


@link_rule("mid-paragraph-reach")
def mid_paragraph_reach(site: LinkSite) -> bool:
    """A claim met in the middle of a paragraph (its third sentence or later) gathers the fact
    right after it, not the ones further on: those go on with the paragraph's own line (*...
    Seoul used rallies to win. He won 44% of the vote. Cepeda conceded.*: the concession is no
    support of the way he campaigned). A claim opening the paragraph, or the one after it,
    reaches further (the topic sentence and its first step)."""
    return site.position >= 2 and site.distance >= 2


def dated(s: Sentence) -> bool:
    """Whether the sentence opens with a dated time adverbial and its comma (*On August 7,
    ...*, *In the mid-2010s, ...*, *Also in August 2026, ...*); a span of time running up to
    now (*Since 2022, ...*) is none."""
    low = s.low
    k = 1 if low and low[0] in ("also", "and", "then") else 0
    if k >= len(low) or low[k] not in ("on", "in", "during", "at", "by"):
        return False
    comma = next((t for t in range(k + 1, min(len(low), k + 8)) if low[t] == ","), None)
    return comma is not None and "date" in fact_signals(s, k, comma)


#: Nouns naming outside observers of the relations (see `observer`).
OBSERVERS = frozenset(
    [
        *("analyst", "analysts", "expert", "experts", "observer", "observers"),
        *("commentator", "commentators", "scholar", "scholars", "researchers"),
    ]
)


@link_rule("observer")
def observer(site: LinkSite) -> bool:
    """The view of outside observers (*Some experts argue that ...*, *Analysts believe ...*) is
    cited as a view: the observers neither act nor react in the relations, and the facts told
    after it are the author's own account, not the observers' support (test 3)."""
    if site.holder == AUTHOR or site.claim.actor_tokens is None:
        return False
    a, b = site.claim.actor_tokens
    return any(w in OBSERVERS for w in site.claim_s.low[a:b])


@link_rule("far")
def far(site: LinkSite) -> bool:
    """A fact five sentences or more after the claim is no longer presented as its support
    (test 2b): by then the paragraph has moved on to what its later sentences tell (*Japan is
    an important partner. [four sentences of figures] Congressional oversight has focused on
    ...*)."""
    return site.distance >= FAR


#: Sentences from a claim at which adjacency stops (see `far`).
FAR = 5


@link_rule("dated-claim-reach")
def dated_claim_reach(site: LinkSite) -> bool:
    """A claim in a sentence that opens with a date (*On August 7, the Administration announced
    it would provide $1 billion*) is a step of a narration, a party's attitude at one moment:
    the fact right after it may back it (*Rubio signed memorandums ...* after *On September 8,
    Rubio said he hoped to start a new stage*), the facts further on go on with the story (what
    was, or was not, done next), not its support (test 3)."""
    return site.distance >= 2 and dated(site.claim_s)


@link_rule("others")
def others(site: LinkSite) -> bool:
    """A sentence opening with *Others* (*Some Members have pledged full support. Others support
    cooperation while urging ...*) sets a second group's position beside the first: two
    positions side by side, not support of each other (test 3); so does a statement of some
    unnamed speakers (*Some observers have argued that ...*)."""
    low = site.fact_s.low
    k = 1 if low and low[0] in ("and", "but", "still") else 0
    if k < len(low) and low[k] == "others":
        return True
    # So do the words of an unnamed part of a group (*In 2014, some argued, "One more
    # year."*, *Some observers have argued that ...*): a view set beside the claim.
    i = site.fact.i
    return site.fact.type == "statement" and i < len(low) and low[i] in ("some", "others")


@link_rule("as-grounded")
def as_grounded(site: LinkSite) -> bool:
    """A claim given its cause by a finite *as* clause of its own sentence (*Relations have
    been volatile as U.S. officials have used tariff threats ...*; *The talks arguably
    bolstered the groups' power as their use of drones proliferated.*) states a development
    together with what drives it: the text has presented its support, and the facts after it go
    on with the narration rather than back it (test 2: presented as support). So does one whose
    sentence goes on with a further act of its holder or a report after *, and* (*Prabowo has
    sought to lead Indonesia for decades, and reinvented himself several times*: his birth and
    family, told next, are the biography going on, not support of his ambition)."""
    return site.reason in ("as", "and")


#: Subjects by which a short report refers back to what the claim before it expects.
_BACK = frozenset(["it", "this", "that", "nothing", "none", "neither"])
_NEGATIONS = frozenset(["not", "n't", "never", "nothing", "none", "neither"])


@link_rule("refuted")
def refuted(site: LinkSite) -> bool:
    """A report that says what the claim expects did not happen (*In Beijing it was assumed
    that economic pain would make Canberra more pliant. It did not.*; *Nothing of the kind
    materialized*) is set against the claim (test 3), however short: its subject refers back
    to the claim and its predicate is negated."""
    low, k = site.fact_s.low, site.fact.i
    k += k < len(low) and low[k] in ("but", "and", "yet")
    head = low[k : k + 4]
    return bool(head) and head[0] in _BACK and any(w in _NEGATIONS for w in head)


@link_rule("elliptic-claim")
def elliptic_claim(site: LinkSite) -> bool:
    """An author's claim in a sentence with no verb of its own (*Far from it.*, *One of
    determination, of leadership.*, *To build habits of cooperation.*) goes on with the sentence
    before it, an ellipsis: it starts no step of the argument that the facts after it could
    support. Any word that may be a verb counts (*Prices rise*: a plural in *-s*, a gerund)."""
    s = site.claim_s
    if site.claim.frame != "author":
        return False  # a party's attitude names its verb (*Seoul and Tokyo want calm*)
    if verbless_claim(s, site.claim):
        return True  # a phrase taken for a claim (*As a small economy, Seoul ...*)
    if s.n and s.low[0] == "to":  # an infinitive of purpose, its nouns in -s no verbs
        return not any(is_verb(w) or w in PRESENT for w in s.low)
    return not any(
        is_verb(w)
        or w in PRESENT
        or (w.isalpha() and w.endswith(("s", "ing")))
        or w[:1] in APOSTROPHES  # a clitic verb (*we’re*, *it's*)
        or (k > 0 and s.low[k - 1] in PLAIN_FORM_PRONOUNS)  # *They also prohibit ...*
        for k, w in enumerate(s.low)
    )


@link_rule("new-step")
def new_step(site: LinkSite) -> bool:
    """A report that follows an author's claim in its own sentence (*Its foreign policy is
    guided by its founding role, and successive governments have resisted alliances*) belongs to
    the step of the argument that claim starts (`fact_clauses.claim_and`): no support for an
    author's claim before it, whose step has ended (test 2b). So does one after the claim and
    a comma, dash or semicolon (*... a stand-by credit of a large amount — say $300 million*;
    session 12: such links were right 0 times in 10 on the readable sets, three documents).
    A party's claim before it may still take it (a party's act or the situation it reacts
    to)."""
    return site.fact.rule in ("claim-and-fact", "after-claim") and site.holder == AUTHOR


@link_rule("topic-claim")
def topic_claim(site: LinkSite) -> bool:
    """In a document that narrates (a report: `document.NARRATING`), adjacency links only the
    claim of a paragraph's opening sentence, alone in its sentence, to the facts after it
    (test 2b: the topic sentence and the paragraph that bears it out). A claim met further on
    is one step of the narration, and which of several claims of one sentence a fact backs
    adjacency cannot tell. An essay or a speech argues: there a claim further on may gather
    the facts after it. Chosen by held-out precision, not by reading errors
    (`benchmarks/evidence_heldout.py`, docs/drafting.md)."""
    return site.narrating and (site.position > 0 or len(site.claims) > 1)
