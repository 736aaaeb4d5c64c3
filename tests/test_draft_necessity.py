"""Impersonal necessity frames (guidelines §8.1 `obligation`, v1.3: necessity frames): *it
requires X* says what a course of action needs, the author's recommendation, not a party's
demand (lexicon entry "it requires" in expectations.json)."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields


def found(text: str) -> list[tuple[str, str, str]]:
    """(actor, type, span) of every claim drafted for one sentence."""
    return fields(draft_sentence(text), "holder", "type", "span")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "It requires patience and a clear sense of the stakes.",
            "It requires patience and a clear sense of the stakes",
        ),
        (
            "But it requires asking who pays for the new base.",
            "it requires asking who pays for the new base",
        ),
        (
            "Rebuilding trust will take years, and it will require candour on both sides.",
            "it will require candour on both sides",
        ),
    ],
)
def test_it_requires_is_the_authors_obligation(text: str, span: str) -> None:
    assert ("author", "obligation", span) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # A party's requirement stays its demand; a thing's is no attitude.
        "Seoul requires Tokyo to apologise.",
        "Such operations could require Senate approval.",
        "The pact required both sides to notify missile tests.",
    ],
)
def test_other_requirements_are_no_obligation(text: str) -> None:
    assert all(typ != "obligation" for _, typ, _ in found(text))
