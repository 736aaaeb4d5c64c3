"""Mechanisms of clause and attribution that recur across real documents, each with its own
example sentences (written for these tests, none taken from a corpus document): a list of
predicative adjectives after a linking verb."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import draft_sentence
from claimset.draft.predicative_lists import in_predicative_list
from claimset.draft.sentence import Sentence
from draft_samples import fields, registry

PARTIES = registry(
    "author",
    "japan",
    "south_korea",
    "analysts",
    {
        "id": "taro_kono",
        "name": "Taro Kono",
        "aliases": ["Foreign Minister Kono"],
        "kind": "person",
        "state": "japan",
    },
)


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES), "holder", "type", "span")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list of predicative adjectives after a linking verb is one predicate: the span takes
        # the whole list (§7.2), past a serial comma and an adjective with its complement.
        (
            "Experts assess that the alliance remains underfunded, understaffed, and unable "
            "to deter state-sponsored raids.",
            [
                (
                    "analysts",
                    "belief",
                    "the alliance remains underfunded, understaffed, and unable to deter "
                    "state-sponsored raids",
                )
            ],
        ),
        # Items may be pairs of adjectives joined by "and" or "but", with adverbs of degree.
        (
            "Tokyo wants a Seoul that is stable and prosperous, open to trade but wary of "
            "debt, and firmly committed to the alliance.",
            [
                (
                    "japan",
                    "desire",
                    "wants a Seoul that is stable and prosperous, open to trade but wary of "
                    "debt, and firmly committed to the alliance",
                )
            ],
        ),
        # A report frame after the list is no item of it.
        (
            "The plan is costly, slow and unpopular, officials say.",
            [("author", "belief", "The plan is costly, slow and unpopular")],
        ),
    ],
)
def test_a_list_of_predicative_adjectives_is_one_predicate(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo is weak, Seoul is strong, and Beijing is rising.",  # clauses with subjects
        "The talks were cordial, and both sides agreed to meet again.",
        "Seoul is wary, but Tokyo is calm.",
        "The plan is costly, and Seoul knows it.",  # two adjectives are no such list
        # An adverbial clause after the adjective is no item.
        "A thaw is possible, as the leaders met in May and agreed to talk.",
    ],
)
def test_clauses_after_an_adjective_are_no_predicative_list(text: str) -> None:
    s = Sentence(text)
    assert not any(in_predicative_list(s, i) for i in range(s.n) if s.low[i] in (",", "but"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two bare verbs, each with its object, after the "to" of an attitude or a modal: two
        # predicates, two claims (§5), also past an adverb before the second.
        (
            "Tokyo has laid out plans to expand its navy and increase defense spending.",
            [
                ("japan", "intention", "expand its navy"),
                ("japan", "intention", "increase defense spending"),
            ],
        ),
        (
            "Seoul could play a larger role and potentially coordinate a security mission.",
            [
                ("author", "prediction", "Seoul could play a larger role"),
                ("author", "prediction", "potentially coordinate a security mission"),
            ],
        ),
        # Right after a modal a word is a verb whatever its ending (*could assess*), and an
        # attitude verb's base form after "and" is one too (*consider*, an "-er" ending).
        (
            "Seoul could assess how the tariffs have hurt its exports and consider new measures.",
            [
                (
                    "author",
                    "prediction",
                    "Seoul could assess how the tariffs have hurt its exports",
                ),
                ("author", "prediction", "consider new measures"),
            ],
        ),
        (
            "Tokyo may discuss the quota with its fishermen and consider whether to extend it.",
            [
                ("author", "prediction", "Tokyo may discuss the quota with its fishermen"),
                ("author", "prediction", "consider whether to extend it"),
            ],
        ),
        # Not a noun after "and" (*investment flows*, *bridges*), a phrase of place, a phrasal
        # verb without its object, an infinitive completing a plain noun, another clause.
        (
            "Seoul wants to expand trade and investment flows with Tokyo.",
            [("south_korea", "desire", "expand trade and investment flows with Tokyo")],
        ),
        (
            "Seoul wants to build roads and bridges.",
            [("south_korea", "desire", "build roads and bridges")],
        ),
        (
            "Seoul must defeat the virus at home and around the world.",
            [("author", "obligation", "Seoul must defeat the virus at home and around the world")],
        ),
        (
            "The pact may reflect Seoul's attempt to reassert its role and regain leverage.",
            [
                (
                    "author",
                    "belief",
                    "The pact may reflect Seoul's attempt to reassert its role and regain leverage",
                )
            ],
        ),
        (
            "Tokyo will work with Seoul to push back and speak out about the risks.",
            [
                (
                    "author",
                    "prediction",
                    "Tokyo will work with Seoul to push back and speak out about the risks",
                )
            ],
        ),
    ],
)
def test_two_bare_verbs_with_their_objects_are_two_predicates(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


def test_the_speakers_declared_course_covers_both_predicates() -> None:
    # "I'm going to take action and make sure ...": the second predicate shares the modal,
    # so the speaker's course (an intention, §6.1), and names its own target.
    drafted = draft_sentence(
        "I'm going to take robust action and make sure the costs are borne by Seoul, not by us.",
        PARTIES,
        speaks_for="japan",
    )
    assert [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"]) for c in drafted
    ] == [
        ("author", "intention", "take robust action"),
        ("author", "intention", "make sure the costs are borne by Seoul, not by us"),
    ]
    assert drafted[1]["expectation"]["target"] == "south_korea"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb of proposing with another party's action is the proposer's demand (v1.4 §8.1),
        # with its own action an offer (intention), with a state the epistemic verb.
        (
            "Foreign Minister Kono suggested that Seoul could play a larger role in the talks.",
            [("taro_kono", "demand", "Seoul could play a larger role in the talks")],
        ),
        (
            "Foreign Minister Kono suggested that Tokyo could host the summit.",
            [("taro_kono", "intention", "Tokyo could host the summit")],
        ),
        (
            "Foreign Minister Kono suggested that the talks could be over.",
            [("taro_kono", "prediction", "the talks could be over")],
        ),
    ],
)
def test_a_proposal_asks_the_party_of_its_content(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A free relative after a verb of evaluation or wanting is a noun phrase: the span
        # starts at the verb (§7.1).
        (
            "Tokyo criticized what it views as poor planning.",
            [("japan", "belief", "criticized what it views as poor planning")],
        ),
        (
            "Tokyo applauded what it called a bold step.",
            [("japan", "belief", "applauded what it called a bold step")],
        ),
        # After a verb of predicting, "what" opens an embedded question: the span starts there.
        ("Tokyo predicts what will happen.", [("japan", "prediction", "what will happen")]),
    ],
)
def test_a_free_relative_object_starts_the_span_at_the_verb(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


def test_a_bare_subject_with_an_of_phrase_and_an_insertion_opens_a_content_clause() -> None:
    # "Experts say" + a subject without a determiner that holds an "of" phrase and an
    # insertion between commas: the content clause is the experts' (§7.1, its subject first).
    assert claims(
        "Experts say large transfers of naval technology, in addition to more aid, could "
        "strengthen Seoul."
    ) == [
        (
            "analysts",
            "prediction",
            "large transfers of naval technology, in addition to more aid, could strengthen Seoul",
        )
    ]
