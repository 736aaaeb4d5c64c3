"""The speaker's own conduct is a report, and the author clause's time (guidelines §4.4, §8.2;
`rules/judgement_conduct.py`, `clauses.is_future`). The sentences are written for these
tests, none taken from a corpus document."""

from __future__ import annotations

import pytest
from draft_samples import claims


@pytest.mark.parametrize(
    "text",
    [
        "We are carefully reviewing every shipment that crosses the strait.",
        "I’m meeting the foreign ministers of the region on Friday.",
        "Our government is deploying two more frigates to the area.",
        "I have been in daily touch with the leaders of the Gulf states.",
        "We have already signed six agreements with Seoul this year.",
        "We’ve been talking to both sides for weeks.",
        "Over the past year we have quietly expanded our trade office in Tokyo.",
    ],
)
def test_the_speakers_own_conduct_is_a_report(text: str) -> None:
    """What the speaker is doing or has done can only be checked, not read differently."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An evaluative word makes the speaker's conduct a judgement.
        (
            "We are making a terrible mistake in Tokyo.",
            ("author", "belief", "We are making a terrible mistake in Tokyo"),
        ),
        # A cue qualifies the clause: the author is unsure, so it is a claim.
        (
            "We are probably spending too much on the base.",
            ("author", "belief", "We are probably spending too much on the base"),
        ),
        # A plan is a prediction, not conduct.
        (
            "We are going to raise tariffs on Seoul.",
            ("author", "prediction", "We are going to raise tariffs on Seoul"),
        ),
    ],
)
def test_a_judged_or_planned_course_of_the_speaker_stays_a_claim(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in claims(text)


def test_what_the_speakers_conduct_asserts_stays_a_claim() -> None:
    """*We have shown that P*: P, the that-clause the verb asserts, is judged on its own."""
    assert any(
        "the alliance works" in q for _, _, q in claims("We have shown that the alliance works.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "In recent weeks we have seen Tokyo's pressure campaign fall apart.",
        "We are watching Seoul drift away from its allies.",
        "I am seeing Tokyo lose patience with its neighbours.",
    ],
)
def test_what_the_speaker_perceived_is_judged_not_narrated(text: str) -> None:
    """A verb of perception or cognition is no conduct: what was seen is a reading of events."""
    assert claims(text) != []


def test_a_third_partys_present_conduct_is_not_the_speakers() -> None:
    """Only the first person narrates its own conduct: a party's course in the progressive
    is left to the other tests (*Seoul is defining the character of ...* may be a reading)."""
    assert claims("Seoul is quietly redefining the character of the alliance.") != []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("We’ll probably need more ships by then.", "We’ll probably need more ships by then"),
        ("They'll hold the line on tariffs.", "They'll hold the line on tariffs"),
        (
            "The border remains the main danger in the weeks ahead.",
            "The border remains the main danger in the weeks ahead",
        ),
        ("Trade is a weak lever in the months ahead.", "Trade is a weak lever in the months ahead"),
    ],
)
def test_a_contracted_will_or_a_time_ahead_makes_a_prediction(text: str, span: str) -> None:
    """*'ll* is *will*; *in the days / weeks / months ahead* puts a state in the future
    (guidelines §8.2, future frames)."""
    assert ("author", "prediction", span) in claims(text)


@pytest.mark.parametrize(
    "text",
    ["The road ahead is a difficult one.", "Trade is a weak lever in these months."],
)
def test_ahead_without_a_time_noun_is_no_future(text: str) -> None:
    assert [t for _, t, _ in claims(text)] == ["belief"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Tokyo openly threatened sanctions unless its demands were met.",
            "threatened sanctions unless its demands were met",
        ),
        ("Seoul promised aid if the talks were resumed.", "promised aid if the talks were resumed"),
    ],
)
def test_a_verb_in_an_adverbial_clause_does_not_make_the_attitude_verb_a_participle(
    text: str, span: str
) -> None:
    """*threatened* + object is the main verb: the finite *were* after *unless* / *if* belongs
    to the adverbial clause, not to a clause whose subject *threatened* would modify."""
    assert [(t, q) for _, t, q in claims(text)] == [("intention", span)]
