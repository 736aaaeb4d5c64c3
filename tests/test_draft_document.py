"""`draft_document`'s bookkeeping across sentences: human claims of sentences it does not draft,
report sentences, an empty document. Each case tells a link that must exist from one that must
not."""

from __future__ import annotations

from typing import Any

from claimset.draft import ActorIndex, draft_document

PARTIES = ActorIndex([{"id": "russia", "name": "Russia", "aliases": ["Moscow"], "kind": "state"}])
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
