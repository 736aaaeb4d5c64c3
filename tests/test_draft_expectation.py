"""Which expectation cues are asserted (guidelines §4.3; `rules/expectation.py`): a relative
clause without a relative pronoun and an embedded question make no claim. The sentences are
written for these tests, none taken from a corpus document."""

from __future__ import annotations

import pytest
from draft_samples import claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul rejects the islands it regards as its own territory.",
            [("author", "belief", "Seoul rejects the islands it regards as its own territory")],
        ),
        (
            "Tokyo will resist any reform of the export rules they want to rewrite.",
            [
                (
                    "author",
                    "prediction",
                    "Tokyo will resist any reform of the export rules they want to rewrite",
                )
            ],
        ),
        (
            "This is a result few have foreseen.",
            [("author", "belief", "This is a result few have foreseen")],
        ),
    ],
)
def test_a_relative_clause_without_a_pronoun_makes_no_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """*the islands it regards as ...*: a relative clause inside a noun phrase, also with an
    attitude verb of its own holder (§4.3); only the clause around it is judged."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A complement after a verb stays the holder's claim.
        ("The Tokyo leaders say they want a deal.", ("japan", "desire", "want a deal")),
        (
            "Seoul hopes it can rejoin the talks.",
            ("south_korea", "desire", "it can rejoin the talks"),
        ),
        # A fronted time noun opens a clause, not a noun phrase.
        ("Last year they planned to leave the pact.", ("author", "intention", "leave the pact")),
        # A clause after a subordinator, not a noun.
        (
            "Seoul argued that although it wants calm, it must defend its waters.",
            ("south_korea", "desire", "wants calm"),
        ),
    ],
)
def test_a_pronoun_subject_after_a_verb_or_clause_opener_keeps_its_claim(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "His record raises questions about how he intends to reform the army.",
        "There is debate over how much Tokyo wants to spend on the base.",
    ],
)
def test_an_attitude_inside_an_embedded_question_is_no_claim(text: str) -> None:
    """The question after *about / over* is not asserted (§4.3): no intention or desire."""
    assert all(t == "belief" for _, t, _ in claims(text))
