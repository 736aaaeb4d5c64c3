"""A report frame outside its content (guidelines v1.3 §4.5, `rules/report_frame.py`).

*Trade will recover, Tokyo says.* is Tokyo's prediction, not the author's: the frame after, in
brackets around, between commas inside or before the content names the speaker as *Tokyo says
that ...* does. The sentences are written for these tests, none taken from a corpus document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields, registry

PARTIES = registry("author", "japan", "south_korea", "china", "analysts")


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, actor quote, type, span, certainty, cue quotes, target) of each claim."""
    return fields(
        draft_sentence(text, PARTIES),
        "holder",
        "actor_quote",
        "type",
        "span",
        "certainty",
        "cues",
        "target",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After the content: the speaker's claim, of the content's type.
        (
            "Trade will recover, Tokyo says.",
            [("japan", "Tokyo", "prediction", "Trade will recover", "certain", [], None)],
        ),
        (
            "The deal is dead, Seoul said.",
            [("south_korea", "Seoul", "belief", "The deal is dead", "certain", [], None)],
        ),
        # Inverted, with an adjunct, or "according to".
        (
            "The talks are pointless, said Seoul.",
            [("south_korea", "Seoul", "belief", "The talks are pointless", "certain", [], None)],
        ),
        (
            "The deal is dead, Seoul said in a statement on Monday.",
            [("south_korea", "Seoul", "belief", "The deal is dead", "certain", [], None)],
        ),
        (
            "Trade will recover, according to Tokyo.",
            [("japan", "Tokyo", "prediction", "Trade will recover", "certain", [], None)],
        ),
        (
            "According to Seoul, the sanctions will fail.",
            [
                (
                    "south_korea",
                    "Seoul",
                    "prediction",
                    "the sanctions will fail",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
        # A possessive naming phrase or a demonym with an agent noun: officials speak for the
        # state (§14.2), quoted whole.
        (
            "The tariffs will stay, Japan's officials say.",
            [
                (
                    "japan",
                    "Japan's officials",
                    "prediction",
                    "The tariffs will stay",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
        # A verb of thinking frames the content too.
        (
            "The truce might not hold, analysts believe.",
            [
                (
                    "analysts",
                    "analysts",
                    "prediction",
                    "The truce might not hold",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
        # In brackets: the frame leaves the span.
        (
            "Exports to Beijing will fall (Tokyo says).",
            [
                (
                    "japan",
                    "Tokyo",
                    "prediction",
                    "Exports to Beijing will fall",
                    "certain",
                    [],
                    "china",
                )
            ],
        ),
        # Between commas inside the content: the span runs from the subject.
        (
            "Trade, Tokyo says, will recover.",
            [
                (
                    "japan",
                    "Tokyo",
                    "prediction",
                    "Trade, Tokyo says, will recover",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
    ],
)
def test_a_report_frame_gives_the_content_to_the_speaker(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


def test_the_speakers_modal_is_no_cue_of_the_author() -> None:
    # "could" inside the content is the speaker's hedge (§4.5): certain, no cue.
    assert claims("Trade could recover, Tokyo argued.") == [
        ("japan", "Tokyo", "prediction", "Trade could recover", "certain", [], None)
    ]


def test_a_cue_in_the_frame_stays_the_authors() -> None:
    # "reportedly" qualifies whether Tokyo said it: the author's cue, and no claim of its own.
    assert claims("Trade will recover, Tokyo reportedly said.") == [
        ("japan", "Tokyo", "prediction", "Trade will recover", "probable", ["reportedly"], None)
    ]


def test_a_should_in_a_partys_words_is_its_demand_and_its_own_course_its_intention() -> None:
    assert claims("Beijing must withdraw its ships, Seoul insisted.") == [
        (
            "south_korea",
            "Seoul",
            "demand",
            "Beijing must withdraw its ships",
            "certain",
            [],
            "china",
        )
    ]
    assert claims("Japan will not back down, Tokyo says.") == [
        ("japan", "Tokyo", "intention", "Japan will not back down", "certain", [], None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "as X says": the author agrees, the claim stays the author's.
        "Trade will recover, as Tokyo says.",
        # No party in the frame.
        "Trade will recover, the report says.",
        # The verb has a complement of its own: no frame after the content.
        "Trade will recover, and Tokyo says that exports will grow.",
    ],
)
def test_no_frame_no_speaker(text: str) -> None:
    first = claims(text)[0]
    assert first[0] == "author" and first[3] == "Trade will recover"


def test_a_plain_fact_stays_a_report_whoever_says_it() -> None:
    # v1.3 §4.5: speech whose content is a past act is a report; a frame after it changes
    # nothing (the content is judged as the author's sentence would be: no claim).
    assert claims("The ships left the strait on Monday, Tokyo said.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A frame before a colon names the speaker of what follows.
        (
            "Seoul said: trade will recover.",
            [("south_korea", "Seoul", "prediction", "trade will recover", "certain", [], None)],
        ),
        # The author's own frame: no claim of its own, the content stays the author's with its
        # hedges, quoted "I" (§6.1).
        (
            "But I hasten to add: the deal is not dead.",
            [("author", "I", "belief", "the deal is not dead", "certain", [], None)],
        ),
        (
            "I would only say: the deal could collapse.",
            [("author", "I", "prediction", "the deal could collapse", "possible", ["could"], None)],
        ),
    ],
)
def test_a_frame_before_a_colon(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_a_colon_after_a_judgement_is_no_frame() -> None:
    # "The lesson is clear" is the author's own claim, not a saying frame.
    assert [c[3] for c in claims("The lesson is clear: Seoul must act.")] == [
        "The lesson is clear",
        "Seoul must act",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo cautioned that the truce could collapse.",
            [("japan", "Tokyo", "prediction", "the truce could collapse", "certain", [], None)],
        ),
        (
            "The truce will collapse, Tokyo cautioned.",
            [("japan", "Tokyo", "prediction", "The truce will collapse", "certain", [], None)],
        ),
        (
            "Seoul countered that the drills are a provocation.",
            [
                (
                    "south_korea",
                    "Seoul",
                    "belief",
                    "the drills are a provocation",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
        (
            "Tokyo characterized the drills as a provocation.",
            [
                (
                    "japan",
                    "Tokyo",
                    "belief",
                    "characterized the drills as a provocation",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
    ],
)
def test_more_saying_verbs(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The frame's verb may take a prepositional adjunct of its own.
        (
            '"The truce is over," Seoul wrote on social media.',
            [("south_korea", "Seoul", "belief", "The truce is over", "certain", [], None)],
        ),
        (
            "The truce is over, Seoul said in a statement to the press.",
            [("south_korea", "Seoul", "belief", "The truce is over", "certain", [], None)],
        ),
        # A possessive pronoun and a title: the party the pronoun stands for speaks (§14.2).
        (
            "Japan will not back down, its foreign minister warned.",
            [
                (
                    "japan",
                    "its foreign minister",
                    "intention",
                    "Japan will not back down",
                    "certain",
                    [],
                    None,
                )
            ],
        ),
    ],
)
def test_frames_with_adjuncts_and_officials(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An infinitive after the verb is no adjunct: "said to deter" is no frame.
        "The truce is over, Seoul said to deter Beijing.",
        # A free relative after a comma is no frame ("not by what its diplomats say").
        "Seoul judges Tokyo by its deeds, not by what its diplomats say.",
    ],
)
def test_no_frame_after_the_comma(text: str) -> None:
    assert [c[:2] for c in claims(text)] == [("author", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A party's point of view before the content: its claim, as with "according to".
        (
            "In Tokyo's view, trade will recover.",
            [("japan", "Tokyo", "prediction", "trade will recover", "certain", [], None)],
        ),
        (
            "In the view of Seoul, the deal is dead.",
            [("south_korea", "Seoul", "belief", "the deal is dead", "certain", [], None)],
        ),
        # The author's own "In my view" stays a hedge cue of the author's claim (§11.4).
        (
            "In my view, the truce could collapse.",
            [
                (
                    "author",
                    "my",
                    "prediction",
                    "the truce could collapse",
                    "possible",
                    ["In my view", "could"],
                    None,
                )
            ],
        ),
    ],
)
def test_a_partys_point_of_view(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected
