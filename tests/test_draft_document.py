"""`draft_document`'s bookkeeping across sentences: human claims of sentences it does not draft,
report sentences, an empty document. Each case tells a link that must exist from one that must
not."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import draft_document
from draft_samples import registry

PARTIES = registry("russia")
CLAIM = "Russia will win the war."
FACT = "The army grew by 40% in 2020."
HUMAN = [{"id": "c1", "actor": {"ref": "author", "quote": None, "start": None, "end": None}}]


def links(texts: list[str], **options: Any) -> list[list[list[str]] | None]:
    """For each sentence, the sentences each drafted claim's evidence points to (None: not
    drafted)."""
    ids = [f"d:{k}" for k in range(len(texts))]
    drafted = draft_document(texts, PARTIES, ids=ids, **options)
    return [
        None if claims is None else [[e["sentence"] for e in c["evidence"]] for c in claims]
        for claims in drafted
    ]


def test_a_fact_supports_the_claim_before_it() -> None:
    assert links([CLAIM, FACT]) == [[["d:1"]], []]


def test_a_sentence_with_human_claims_is_no_fact() -> None:
    # Sentence 1 is not drafted; a human found a claim there, so it supports nothing.
    assert links([CLAIM, FACT], only=[True, False], fixed_claims={1: HUMAN}) == [[[]], None]
    # Without its human claims, it is a plain fact again.
    assert links([CLAIM, FACT], only=[True, False], fixed_claims={1: []}) == [[["d:1"]], None]


def test_a_fact_does_not_reach_past_a_sentence_with_human_claims() -> None:
    # The nearest claim before the fact is the human one in sentence 1 (never changed): the
    # drafted claim of sentence 0 gets no link.
    texts = [CLAIM, "Moscow wants peace.", FACT]
    assert links(texts, only=[True, False, True], fixed_claims={1: HUMAN}) == [[[]], None, []]


def test_a_report_opening_the_document_gets_no_evidence() -> None:
    # A sentence whose claims are reports is itself a fact: the figure after it supports
    # nothing before it, also when the report is the document's first sentence.
    assert links(["Russia will reportedly win the war.", FACT]) == [[[]], []]


def test_an_empty_document_has_no_sentences() -> None:
    assert draft_document([], PARTIES) == []


# -- what the evidence links between sentences depend on ------------------------------------------

PEOPLE = registry("russia", "south_korea", "japan", "putin")


def drafted(texts: list[str], starts: list[bool] | None = None) -> list[list[tuple[Any, ...]]]:
    """For each sentence, (holder, span, evidence sentences) of each drafted claim."""
    ids = [f"d:{k}" for k in range(len(texts))]
    out = draft_document(texts, PEOPLE, ids=ids, paragraph_starts=starts)
    return [
        [
            (c["actor"]["ref"], c["expectation"]["quote"], [e["sentence"] for e in c["evidence"]])
            for c in claims or []
        ]
        for claims in out
    ]


def evidence(texts: list[str], starts: list[bool] | None = None) -> list[list[list[str]]]:
    """For each sentence, the evidence sentences of each drafted claim."""
    return [[e for _, _, e in claims] for claims in drafted(texts, starts)]


MOSCOW = "Moscow wants peace."


@pytest.mark.parametrize(
    ("fact", "linked"),
    [
        # A saying verb right after a party: the party's words, no support for another's claim.
        ("Seoul announced new sanctions in 2020.", False),
        ("Last year, Seoul announced new sanctions.", False),
        ("Seoul officials announced new sanctions in 2020.", False),
        # Its own words support a party's claim.
        ("Moscow announced new sanctions in 2020.", True),
        # The party is not the one speaking: after a preposition, four words or more in, or
        # the verb too far from it (six words and more).
        ("Officials in Seoul announced new sanctions in 2020.", True),
        ("In a brief statement Seoul announced new sanctions in 2020.", True),
        ("Seoul's allies in the region announced new sanctions.", True),
        ("Seoul's allies in the wider region announced new sanctions.", True),
    ],
)
def test_a_statement_opening_with_another_party_does_not_support_a_partys_claim(
    fact: str, linked: bool
) -> None:
    assert evidence([MOSCOW, fact]) == [[["d:1"] if linked else []], []]


def test_another_partys_words_support_only_the_holders_of_their_own_party() -> None:
    # Seoul and Tokyo hold one claim each; Tokyo's statement supports Tokyo's only.
    assert drafted(
        ["Seoul and Tokyo want calm.", "Tokyo said in 2020 that its exports grew by 40%."]
    )[0] == [("south_korea", "want calm", []), ("japan", "want calm", ["d:1"])]


def test_a_claim_amid_a_narration_gets_no_facts() -> None:
    # Two report sentences in three (more than two in five): a claim right after a report is
    # a step of the narration, not its topic.
    assert evidence(["Russia reportedly won the vote.", "Russia will win the war.", FACT]) == [
        [[]],
        [[]],
        [],
    ]
    # Two in four: still a narration; the claim that opens the paragraph keeps its support.
    texts = ["Russia will win the war.", "Russia reportedly won the vote.", MOSCOW, FACT]
    assert evidence(texts) == [[["d:1"]], [[]], [[]], []]


def test_a_claim_in_the_middle_of_a_paragraph_reaches_the_next_fact_only() -> None:
    later = "The navy grew by 10% in 2021."
    # The second sentence of its paragraph: both facts after it.
    assert evidence(["Russia will win the war.", MOSCOW, FACT, later]) == [
        [[]],
        [["d:2", "d:3"]],
        [],
        [],
    ]
    # The third: the next fact only, and the fact after it supports no claim further back.
    texts = ["Russia will win the war.", MOSCOW, "Seoul wants calm.", FACT, later]
    assert evidence(texts) == [[[]], [[]], [["d:3"]], [], []]


# -- enumerations ---------------------------------------------------------------------------------


def test_a_list_opening_the_document_answers_no_claim() -> None:
    assert evidence(["Secondly, Russia will win the war.", FACT]) == [[["d:1"]], []]
    assert evidence(["First, Russia will win the war.", MOSCOW]) == [[[]], [[]]]


def test_an_item_answers_the_nearest_claim_before_the_list() -> None:
    texts = ["Russia will win the war.", FACT, "First, Moscow will win the peace."]
    assert evidence(texts) == [[["d:1", "d:2"]], [], [[]]]


def test_an_item_supports_every_claim_of_the_sentence_it_answers() -> None:
    # No veto applies to an item (one of several claims gets it too, unlike a fact).
    texts = [
        "Seoul wants calm and regards the base as a threat.",
        "First, Seoul will cut its exports.",
    ]
    assert evidence(texts) == [[["d:1"], ["d:1"]], [[]]]


def test_a_list_crosses_paragraphs_only_from_item_to_item() -> None:
    first, second = "First, Moscow will win the peace.", "Secondly, Seoul will lose the vote."
    texts = ["Russia will win the war.", first, second]
    assert evidence(texts, [True, False, True]) == [[["d:1", "d:2"]], [[]], [[]]]
    # A paragraph that opens with no item ends the list.
    texts = ["Russia will win the war.", first, "Seoul wants calm.", second]
    assert evidence(texts, [True, False, True, False]) == [[["d:1"]], [[]], [[]], [[]]]
    # A list starts at an item that holds a claim: a fact that opens a paragraph starts none.
    texts = ["Russia will win the war.", "First, the army grew by 40% in 2020.", second]
    assert evidence(texts, [True, True, False]) == [[[]], [], [[]]]


# -- quotations over several sentences ------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "holders"),
    [
        # A quotation without a speaker, then one with: only the second is the speaker's.
        (
            [
                "“We will not stop.",
                "The West could still change course.”",
                "Putin said: “We will win.",
                "The West will lose.”",
            ],
            [["author"], ["author"], ["putin"], ["putin"]],
        ),
        # The sentence before the quotation is the author's.
        (
            ["Russia will win the war.", "Putin said: “We will not stop.", "The West will lose.”"],
            [["author"], ["putin"], ["putin"]],
        ),
        # Before the opening mark and after the closing one, the author speaks.
        (
            [
                "Russia will probably win the war, but Putin warned: “The West could still "
                "change course.",
                "Russia is ready.”",
            ],
            [["author", "putin"], ["putin"]],
        ),
        (
            [
                "Putin said: “We will not stop.",
                "The West could still change course,” but Russia will surely lose the war.",
            ],
            [["putin"], ["putin", "author"]],
        ),
        # Straight quotes: the first one of a later sentence closes the quotation left open.
        (
            ['Putin said: "We will not stop.', 'The West could still change course."'],
            [["putin"], ["putin"]],
        ),
        (
            [
                'Putin said: "We will not stop.',
                "The West could still change course.",
                'Russia is ready."',
            ],
            [["putin"], ["putin"], ["putin"]],
        ),
    ],
)
def test_a_quotation_is_its_speakers_from_the_opening_mark_to_the_closing_one(
    texts: list[str], holders: list[list[str]]
) -> None:
    assert [[h for h, _, _ in claims] for claims in drafted(texts)] == holders
