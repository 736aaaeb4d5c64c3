"""Holders on written argument (session 13): a generic thinker is the author, a point-of-view
frame makes its content the party's view. The sentences are written for these tests, none
taken from a corpus document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields, registry

PARTIES = registry("author", "japan", "south_korea", "china", "park")


def claims(text: str, recent: tuple[str, ...] = ("china",)) -> list[tuple[Any, ...]]:
    """(holder, actor quote, type, span) of each drafted claim, with China as the party of the
    context (the one an implicit holder would fall back to)."""
    found = draft_sentence(text, PARTIES, recent=recent)
    return fields(found, "holder", "actor_quote", "type", "span")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An existential "there is ... reason to believe" offers a ground to anyone: the
        # thinker is generic, the author's own voice (§6.1), not the party of the context.
        (
            "There is every reason to believe that the tariffs will stay.",
            [("author", None, "prediction", "the tariffs will stay")],
        ),
        (
            "There is no reason to assume that Seoul has changed its mind.",
            [("author", None, "belief", "Seoul has changed its mind")],
        ),
        # The present "is believed to" with no agent is the author's hedge on the author's
        # clause (Appendix B), not an attitude of the party of the context.
        (
            "The new envoy is believed to favour a softer line.",
            [("author", None, "belief", "The new envoy is believed to favour a softer line")],
        ),
    ],
)
def test_generic_thinker_is_the_author(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_past_passive_attitude_keeps_the_context_party() -> None:
    # "was seen as" with no agent stays the implicit holder of the context (§6.2, seed 33).
    found = claims("The country was suddenly seen as a model partner.")
    assert [c[0] for c in found] == ["china"]


def test_named_holder_of_an_infinitive_is_kept() -> None:
    assert claims("Seoul has every reason to believe that the talks will fail.")[0][0] == (
        "south_korea"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A point-of-view frame gives the author's claim of its content to the party (§4.5,
        # "In Tokyo's view, ...").
        (
            "From Tokyo's point of view, the summit ended in failure.",
            [("japan", "Tokyo", "belief", "the summit ended in failure")],
        ),
        (
            "From the Japanese point of view, the talks are premature.",
            [("japan", "Japanese", "belief", "the talks are premature")],
        ),
        (
            "In Japanese eyes, the visit is an insult.",
            [("japan", "Japanese", "belief", "the visit is an insult")],
        ),
    ],
)
def test_point_of_view_frame(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text, recent=()) == expected


def test_past_narration_without_a_frame_stays_a_report() -> None:
    assert claims("The talks collapsed in May.", recent=()) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a document with no speaker's party (an essay, a memo), an institutional "we"
        # that judges what is true states the author's own assessment (§6.1: the pronoun
        # names the author), not an attitude of the party of the context.
        (
            "We doubt that Seoul will miss the old forum.",
            [("author", "We", "prediction", "Seoul will miss the old forum")],
        ),
        (
            "Thus we believe that the talks will fail.",
            [("author", "we", "prediction", "the talks will fail")],
        ),
    ],
)
def test_institutional_we_judging_is_the_author(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_we_in_a_speech_is_the_speakers_party() -> None:
    found = draft_sentence("We believe that the talks will fail.", PARTIES, speaks_for="japan")
    assert [c["actor"]["ref"] for c in found] == ["japan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle used as an adjective or inside a non-finite phrase gives the clause no
        # past tense: a present judgement stays the author's claim (§4.4).
        (
            "The renewed fighting poisons the relationship.",
            [("author", None, "belief")],
        ),
        (
            "Much of the trouble involves Korean anger at being ignored.",
            [("author", None, "belief")],
        ),
        # A finite past form still narrates: a report, no claim.
        ("The renewed talks collapsed in May.", []),
        ("These included two rounds of talks.", []),
        # An irregular past form after a possessive is no participle the rule sets aside.
        ("Tokyo's left-leaning party held the upper house.", []),
    ],
)
def test_participles_give_no_past_tense(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert [c[:3] for c in claims(text, recent=())] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Adjectives of affect about a state of affairs, with a holder: the holder's belief
        # (§8.1: evaluative feelings about an existing state of affairs are beliefs).
        (
            "Seoul has been upset over the way Tokyo handled the visit.",
            [("south_korea", "Seoul", "belief", "upset over the way Tokyo handled the visit")],
        ),
        (
            "Tokyo is angry about the new tariffs.",
            [("japan", "Tokyo", "belief", "angry about the new tariffs")],
        ),
    ],
)
def test_adjectives_of_affect(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text, recent=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A predictive modal before a stance adjective that heads the party's course (*be
        # reluctant / willing to*): the party's attitude, the modal its hedge (§6.1).
        (
            "Seoul will be reluctant to sign the accord.",
            [("south_korea", "Seoul", "desire", "sign the accord")],
        ),
        (
            "Tokyo may be willing for now to reopen the talks.",
            [("japan", "Tokyo", "intention", "reopen the talks")],
        ),
        # Without an infinitive the modal stays the author's prediction.
        (
            "Seoul will be wary of any deal.",
            [("author", None, "prediction", "Seoul will be wary of any deal")],
        ),
    ],
)
def test_modal_before_a_stance_adjective(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text, recent=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "to X" after a verb of seeming or an adjective of value names the experiencer, who
        # holds the view (§6.1, "Y is more attractive to X").
        (
            "The pact seems to Tokyo to favour Beijing.",
            [("japan", "Tokyo", "belief")],
        ),
        (
            "The base is important to Seoul for its deterrent value.",
            [("south_korea", "Seoul", "belief")],
        ),
        (
            "A slower pace is more attractive to Tokyo.",
            [("japan", "Tokyo", "desire")],
        ),
        # An effect on X is no view of X's: the author's claim.
        ("The base is a threat to Seoul.", [("author", None, "belief")]),
    ],
)
def test_experiencer_named_by_to(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert [c[:3] for c in claims(text, recent=())] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adjective of valuation in the subject or predicated by a copula judges, whatever
        # the tense (§4.4, evaluative words): the author's belief, not past narration.
        ("The most important change was the new envoy in Tokyo.", [("author", None, "belief")]),
        ("The visit was not helpful to the talks in 2019.", [("author", None, "belief")]),
        (
            "Seoul won the vote at the expense of its ties with Tokyo.",
            [("author", None, "belief")],
        ),
        # Describing an object it is no judgement: a past report stays a report.
        ("The base sustained serious damage in May.", []),
    ],
)
def test_valuation_in_subject_or_predicate(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert [c[:3] for c in claims(text, recent=())] == expected


def test_modal_resumes_past_a_comma_phrase() -> None:
    # "can, with better management, repeat": the phrase between commas interrupts the modal
    # and its verb without ending the clause (a span is contiguous, §7.2).
    found = claims("Tokyo can, with better management, repeat its earlier growth.", recent=())
    assert [c[:2] for c in found] == [("author", None)]
    assert found[0][3] == "Tokyo can, with better management, repeat its earlier growth"
