"""Verbless phrases set off by commas: inside the clause they interrupt, or closing it.

Guidelines §7.2: a span is contiguous, so a phrase that interrupts its clause stays in it, and a
comma phrase that adds no statement of its own (an adverbial, a contrast) stays at its end; §10:
a contrast *X, not Y* leaves the clause positive. Examples and non-examples are our own
sentences (no sentence of the real essays under corpus/).
"""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from claimset.draft.registry import INSERTIONS
from claimset.draft.rules.insertion import comma_phrase
from claimset.draft.sentence import Sentence
from draft_samples import inserted
from test_draft_spans import PARTIES, claims


@pytest.mark.parametrize(
    ("text", "insertion"),
    [
        # Between a subject and its verb: a prepositional phrase, *namely*, *not*, an adverb.
        (
            "Tokyo, with its large navy and growing budget, will probably dominate the region.",
            ", with its large navy and growing budget ,",
        ),
        (
            "Their demands, namely an end to the drills, have not changed.",
            ", namely an end to the drills ,",
        ),
        ("Tokyo, not Seoul, will decide the matter.", ", not Seoul ,"),
        ("Hanoi, despite its doubts, has joined the pact.", ", despite its doubts ,"),
        ("Ms. Kim, unusually, is keen to travel.", ", unusually ,"),
        # Between a verb and its adjuncts or its infinitive.
        ("He would be sworn in, in October, for a five-year term.", ", in October ,"),
        ("Seoul wants, for its own sake, to keep the alliance.", ", for its own sake ,"),
        # A cleft's focus, repeated and coordinated; a comment clause before a quotation.
        ("It is Seoul, and Seoul alone, that must decide.", ", and Seoul alone ,"),
        ("It’s Tokyo, or perhaps Manila, that will pay.", ", or perhaps Manila ,"),
        ("Seoul vowed to, as one minister put it, “end the war”.", ", as one minister put it ,"),
    ],
)
def test_a_verbless_phrase_between_commas_interrupts_its_clause(text: str, insertion: str) -> None:
    assert "comma-phrase" in INSERTIONS
    assert inserted(text) == insertion


@pytest.mark.parametrize(
    "text",
    [
        # Leading adverbials before a new subject: no clause has begun, or a new one follows.
        "In Tokyo, in 2024, officials said that Seoul will lose.",
        "In 2024, with strong support, Seoul won the vote.",
        # Connectives and cues are shell of their own, not interrupting phrases.
        "Seoul will lose, in my view, and Tokyo will win.",
        "Seoul, however, will hold.",
        # A verb inside: a clause, not a phrase; a coordinated clause after the second comma.
        "Tokyo, with Seoul gaining ground, said nothing.",
        "Seoul will pay, not Tokyo, and Beijing will gloat.",
        # A saying verb's that-clause keeps its own frame (only a cleft resumes at "that").
        "Seoul said, in a statement, that it would withdraw.",
        # "and" before a preposition: a coordinated adjunct, not a noun phrase.
        "Seoul won in 2024, and in 2025, will host the summit.",
    ],
)
def test_no_comma_phrase_insertion(text: str) -> None:
    s = Sentence(text)
    assert [k for k in range(s.n) if comma_phrase(s, k)] == []


def test_the_clause_runs_across_the_phrase() -> None:
    assert claims(
        "Tokyo, with its large navy and growing budget, will probably dominate the region."
    ) == [
        (
            "author",
            "prediction",
            "Tokyo, with its large navy and growing budget, will probably dominate the region",
            "japan",
        )
    ]
    assert claims("If Moscow attacks, it is Moscow, and Moscow alone, that bears the blame.") == [
        ("author", "belief", "it is Moscow, and Moscow alone, that bears the blame", "russia")
    ]
    assert claims("If the count holds, she would be sworn in, in June, for a six-year term.")[0][
        2
    ] == ("she would be sworn in, in June, for a six-year term")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # A closing contrast corrects the clause's own words: part of its proposition.
        (
            "Tokyo will judge Beijing by its deeds, not its words.",
            "Tokyo will judge Beijing by its deeds, not its words",
        ),
        ("Seoul will bear the cost, not us.", "Seoul will bear the cost, not us"),
        ("Moscow will probably retreat, not attack.", "Moscow will probably retreat, not attack"),
        # A closing adverbial of place after a comma (*here*, *there* + a phrase).
        (
            "Tokyo will host the talks, there in the capital.",
            "Tokyo will host the talks, there in the capital",
        ),
        (
            "Seoul’s defence will cost us dearly, here at home.",
            "Seoul’s defence will cost us dearly, here at home",
        ),
    ],
)
def test_a_closing_contrast_or_adverbial_stays_in_the_span(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # Non-examples: a contrast followed by a clause of its own, a clause after "there".
        (
            "Seoul will pay the price, not Tokyo, and Beijing will gloat.",
            "Seoul will pay the price",
        ),
        ("Tokyo will host the talks, there is no doubt.", "Tokyo will host the talks"),
        # A long "not" stretch with a verb is a statement of its own.
        ("Seoul will lose, not because Tokyo has won the argument.", "Seoul will lose"),
    ],
)
def test_a_comma_before_a_clause_still_ends_the_span(text: str, span: str) -> None:
    assert claims(text)[0][2] == span


def test_a_closing_contrast_leaves_the_clause_positive() -> None:
    # §10: *X, not Y* names what the clause is not; the predicate itself is not negated.
    (claim,) = draft_sentence("What Tokyo has won is a truce of words, not a settlement.", PARTIES)
    assert claim["polarity"] == "positive"
    (claim,) = draft_sentence("Tokyo will not win a settlement, only a truce.", PARTIES)
    assert claim["polarity"] == "negative"
    (claim,) = draft_sentence("Not a single ship will cross the strait.", PARTIES)
    assert claim["polarity"] == "negative"
