"""Holders and types of claims that exist, by mechanism (guidelines §4.3, §4.5, §6.1, §8):
a party's name modifying a noun holds nothing, a verb phrase with its particle keeps its
frame. The sentences are written for these tests, none taken from a corpus document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import ActorIndex, draft_sentence
from draft_samples import fields, registry

PARTIES = registry(
    "author",
    "japan",
    "south_korea",
    {
        "id": "united_states",
        "name": "United States",
        "aliases": ["U.S."],
        "kind": "state",
    },
    {
        "id": "eu",
        "name": "European Union",
        "aliases": ["EU"],
        "kind": "organization",
    },
    "analysts",
    "park",
)


def claims(text: str, speaks_for: str | None = None) -> list[tuple[Any, ...]]:
    """(holder, type, span) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES, speaks_for=speaks_for), "holder", "type", "span")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name inside an object or a prepositional object modifies the noun after it: the
        # attitude word is a noun, its party holds nothing (§4.3).
        (
            "Seoul resisted U.S. demands for higher payments.",
            [],
        ),
        (
            "The ruling weakened EU pressure on Tokyo.",
            [],
        ),
        (
            "Seoul remains exposed to EU and U.S. economic pressure.",
            [],
        ),
        # A name that opens the clause is its subject: the verb stays a verb.
        (
            "The U.S. demands that Tokyo lift the ban.",
            [("united_states", "demand", "Tokyo lift the ban")],
        ),
        # A noun with a content of its own keeps it (§4.5): the party's demand.
        (
            "The plan restated U.S. demands that Tokyo lift the ban.",
            [("united_states", "demand", "Tokyo lift the ban")],
        ),
    ],
)
def test_a_name_that_modifies_a_noun_holds_nothing(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


def test_a_progressive_verb_keeps_its_particle() -> None:
    # "advocating for X" is the verb with its particle, not the noun "advocate for".
    assert claims("Seoul has been advocating for a ceasefire.") == [
        ("south_korea", "demand", "advocating for a ceasefire")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A source the text does not name is an outside commentator's (§14.2): the party's
        # "must" in its words is its demand (§8.2).
        (
            "According to one analysis, Tokyo must reopen the talks.",
            [("analysts", "demand", "Tokyo must reopen the talks")],
        ),
        (
            "According to a recent study, the sanctions are a mistake.",
            [("analysts", "belief", "the sanctions are a mistake")],
        ),
        # A figure stays a report, whoever gives it (§4.5).
        ("According to one estimate, Seoul spent $4 billion on the base.", []),
        # A named party stays the holder; a view noun names it too.
        (
            "In the appraisal of Seoul, the sanctions are a mistake.",
            [("south_korea", "belief", "the sanctions are a mistake")],
        ),
    ],
)
def test_a_source_frame_without_a_party(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A date between a verb of judgement and its that-clause: the party's claim.
        (
            "Seoul concluded in March 2024 that the pact is a mistake.",
            [("south_korea", "belief", "the pact is a mistake")],
        ),
        (
            "Tokyo assessed in 2025 that the talks are a dead end.",
            [("japan", "belief", "the talks are a dead end")],
        ),
        # Not a relative clause of an object (*knew ... the deal that ...*).
        ("Tokyo knew in 2016 the deal that was signed.", []),
    ],
)
def test_a_date_before_the_that_clause(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unnamed critics, scholars, an expert: the one group of outside commentators (§14.2).
        (
            "Some critics of the deal warn that it could collapse.",
            [("analysts", "prediction", "it could collapse")],
        ),
        (
            "One scholar argued that the pact is a mistake.",
            [("analysts", "belief", "the pact is a mistake")],
        ),
    ],
)
def test_unnamed_commentators_are_one_group(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


def test_commentators_need_the_group_in_the_registry() -> None:
    # Without a registered group of commentators, the holder is the party of the context.
    parties = ActorIndex(
        [
            {"id": "author", "name": "The essay's author", "kind": "author"},
            {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        ]
    )
    found = draft_sentence(
        "Some critics argue that the pact is a mistake.", parties, recent=["japan"]
    )
    assert [c["actor"]["ref"] for c in found] == ["japan"]


def test_a_quotation_keeps_its_speaker_to_its_closing_mark() -> None:
    # A semicolon inside the quotation ends no content (§4.5, v1.3 change 1); after the
    # closing mark the author speaks again.
    assert claims(
        'Tokyo stated that its navy "has every right to patrol; no one may stop it."'
    ) == [
        ("japan", "belief", 'its navy "has every right to patrol'),
        ("japan", "prediction", "no one may stop it"),
    ]
    assert claims("Tokyo stated that the pact is a mistake; the talks will fail.") == [
        ("japan", "belief", "the pact is a mistake"),
        ("author", "prediction", "the talks will fail"),
    ]


def test_a_stance_adjective_with_a_bare_content_clause() -> None:
    # "is confident it can ...": a content clause without "that", as after "thinks".
    assert claims("Tokyo is confident it can defend the islands.") == [
        ("japan", "belief", "it can defend the islands")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a speech, "our" and the people who act for a party are that party (§6.1, §14.2).
        (
            "Our military and intelligence leaders are confident they can defend the islands.",
            [("united_states", "belief", "they can defend the islands")],
        ),
        (
            "Our diplomats believe the talks will succeed.",
            [("united_states", "prediction", "the talks will succeed")],
        ),
    ],
)
def test_our_officials_in_a_speech_are_its_party(text: str, expected: list[Any]) -> None:
    assert claims(text, speaks_for="united_states") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A predicate of necessity or advice: the author's obligation (§8.1, v1.3) ...
        ("Caution is warranted.", [("author", "obligation", "Caution is warranted")]),
        (
            "Diversifying its exports is Seoul's best option.",
            [
                (
                    "author",
                    "obligation",
                    "Diversifying its exports is Seoul's best option",
                )
            ],
        ),
        # ... a party's demand when the party states or judges it (§8.2) ...
        (
            "Some experts argue that restraint is essential.",
            [("analysts", "demand", "restraint is essential")],
        ),
        (
            "Tokyo concluded that Seoul must lift the ban.",
            [("japan", "demand", "Seoul must lift the ban")],
        ),
        # ... and a past necessity judges what was done: a belief.
        (
            "Seoul said that the intervention was necessary.",
            [("south_korea", "belief", "the intervention was necessary")],
        ),
    ],
)
def test_necessity_and_advice(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A risk or threat foreseen in a warning is a prediction (§8.1, like "fear that").
        (
            "Seoul warned that the dispute risked a wider war.",
            [("south_korea", "prediction", "the dispute risked a wider war")],
        ),
        (
            "Seoul warned that the region is at risk.",
            [("south_korea", "belief", "the region is at risk")],
        ),
        # An epistemic "could be" + a preposition classifies the subject now: a belief.
        (
            "The deal could be for drones.",
            [("author", "belief", "The deal could be for drones")],
        ),
        (
            "Tokyo may join the pact.",
            [("author", "prediction", "Tokyo may join the pact")],
        ),
    ],
)
def test_present_and_future_contents(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Park Jin, 72, has vowed to lead Seoul.",
        "Park Jin, age 72, has vowed to lead Seoul.",
    ],
)
def test_an_age_between_subject_and_verb_is_an_apposition(text: str) -> None:
    # The person keeps the verb after the age set off by commas.
    assert claims(text) == [("park", "intention", "lead Seoul")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An optative "may" before its subject is a wish, no hedge (§8.1 desire); the span
        # starts at the clause's subject (§7.1; the gold of us_afghanistan 45).
        ("May the alliance endure.", [("author", "desire", "the alliance endure")]),
        (
            "May God protect our troops.",
            [("author", "desire", "God protect our troops")],
        ),
        ("Seoul may agree.", [("author", "prediction", "Seoul may agree")]),
        # "It is up to X to act": X ought to act, the author's obligation (§8.1).
        (
            "It is up to Seoul to decide its future.",
            [("author", "obligation", "It is up to Seoul to decide its future")],
        ),
    ],
)
def test_wishes_and_what_is_up_to_a_party(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "not ... anytime soon": the content is about the future (§8.2).
        (
            'Tokyo said that "we are not going back anytime soon."',
            [("japan", "prediction", "we are not going back anytime soon")],
        ),
    ],
)
def test_future_frames(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected


def test_motivated_to_is_a_stance_adjective() -> None:
    # "is motivated to" + an action, like "is eager to": the party's desire; reported
    # inside a commentator's words, the innermost named holder holds it (§4.5).
    assert claims("Experts argue that Seoul is highly motivated to conclude the deal.") == [
        ("south_korea", "desire", "conclude the deal")
    ]
    assert claims("The attack was motivated by revenge.") == []


def test_generic_people_are_the_outside_commentators() -> None:
    # A generic plural with no party named (§6.2: "people have referred to ..."); a people
    # of a state stays that state's.
    assert claims("Over the years, people have referred to Seoul as a natural partner.") == [
        ("analysts", "belief", "referred to Seoul as a natural partner")
    ]


def test_in_a_speech_some_are_outside_voices() -> None:
    # The speaker calls its own party "we": an indefinite "some" after it is outside voices.
    found = draft_sentence(
        "In 2014, some argued that the war was a mistake.",
        PARTIES,
        recent=["united_states"],
        speaks_for="united_states",
    )
    assert [c["actor"]["ref"] for c in found] == ["analysts"]
    essay = draft_sentence(
        "In 2014, some argued that the war was a mistake.", PARTIES, recent=["united_states"]
    )
    assert [c["actor"]["ref"] for c in essay] == ["united_states"]


def test_a_comma_before_and_after_two_names_opens_a_clause() -> None:
    # "X and Y, and Z assess": Z is a new clause's subject, not the third of a list.
    assert claims(
        "Seoul trades with Tokyo and the EU, and experts argue that the pact is a mistake."
    )[-1:] == [("analysts", "belief", "the pact is a mistake")]
    assert [
        c[0] for c in claims("Tokyo, Seoul, and the EU have said that the pact is a mistake.")
    ] == [
        "japan",
        "south_korea",
        "eu",
    ]


def test_a_quotation_right_after_a_saying_verb_is_the_speakers() -> None:
    # With or without a comma before the quotation; a deontic about its own side ("we",
    # after an adjunct) is the speaker's intention (v1.3 change 25).
    for text in (
        'Tokyo said "Seoul is our neighbour, and at some point we will have to restore ties.',
        'Tokyo said, "Seoul is our neighbour, and at some point we will have to restore ties."',
    ):
        assert claims(text)[-1] == (
            "japan",
            "intention",
            "at some point we will have to restore ties",
        )


def test_for_x_before_an_effect_is_no_experiencer() -> None:
    # "For X, it raises questions ...": what a situation does to X, the author's claim; an
    # evaluative predicate after a copula keeps X as the experiencer (§6.1).
    assert claims("For Seoul, it raises questions about the alliance.") == [
        ("author", "belief", "it raises questions about the alliance")
    ]
    assert claims("For Seoul, this is a prerequisite.") == [
        ("south_korea", "belief", "this is a prerequisite")
    ]


def test_a_relative_clause_inside_reported_speech_is_no_inner_holder() -> None:
    # The innermost named holder takes a reported attitude (§4.5), but not one stated in a
    # relative clause on a noun (§4.3): the speaker keeps the claim.
    found = claims(
        'Tokyo described the move as a "grave mistake," echoing experts who argued it would fail.'
    )
    assert [c[0] for c in found] == ["japan"]
    assert claims('Tokyo said Seoul is "willing to do everything necessary."') == [
        ("south_korea", "intention", "do everything necessary")
    ]


def test_object_to_is_an_evaluative_verb() -> None:
    # "object to" + an object, like "criticize": the holder's belief (§4.5).
    assert claims("Tokyo has objected to Seoul's new base.") == [
        ("japan", "belief", "objected to Seoul's new base")
    ]


def test_a_participle_after_due_to_is_no_verb() -> None:
    # "due to perceived risk": a participle before its noun, no attitude of anyone.
    assert claims("Seoul lost investors due to perceived political risk.") == []
    assert claims("Seoul wants to plan ahead.") == [("south_korea", "desire", "plan ahead")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # People named only by their stance in a debate are the commentators (§14.2, v1.4).
        ("Supporters praised the plan.", [("analysts", "belief", "praised the plan")]),
        (
            "Opponents argue that the pact is a mistake.",
            [("analysts", "belief", "the pact is a mistake")],
        ),
        # Verbs of proposing ask the party of the content by words: a demand (§8.1, v1.4).
        (
            "Tokyo recommended that Seoul lift the ban.",
            [("japan", "demand", "Seoul lift the ban")],
        ),
        (
            "Experts advise that Seoul should diversify its exports.",
            [("analysts", "demand", "Seoul should diversify its exports")],
        ),
    ],
)
def test_stance_groups_and_verbs_of_proposing(text: str, expected: list[Any]) -> None:
    assert claims(text) == expected
