"""A speaker's verb governs its whole content (guidelines §4.5, `rules/reported_content.py`).

*Tokyo has argued that although it should not provoke Beijing, it must defend its islands* is
two claims of Tokyo's, not the author's obligations; so are a second *that*-clause, a predicate
coordinated inside the content and a quotation after a comma. The sentences are written for
these tests, none taken from a corpus document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields, registry

PARTIES = registry(
    "author",
    "japan",
    "south_korea",
    "china",
    {
        "id": "fumio_ito",
        "name": "Fumio Ito",
        "aliases": ["Japanese Premier Ito"],
        "kind": "person",
    },
)


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, actor quote, type, span, cue quotes) of each claim."""
    return fields(draft_sentence(text, PARTIES), "holder", "actor_quote", "type", "span", "cues")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A concession opening the content is the speaker's; its should about its own conduct
        # an intention (v1.3 change 25), as the main clause's.
        (
            "Tokyo has argued that although it should not provoke Beijing, it must defend its "
            "islands.",
            [
                ("japan", "Tokyo", "intention", "it should not provoke Beijing", []),
                ("japan", "Tokyo", "intention", "it must defend its islands", []),
            ],
        ),
        # ... and on another party a demand.
        (
            "Tokyo insisted that although Seoul may object, Seoul must remove the statue.",
            [
                ("japan", "Tokyo", "prediction", "Seoul may object", []),
                ("japan", "Tokyo", "demand", "Seoul must remove the statue", []),
            ],
        ),
        # A second that-clause.
        (
            "Ito wrote that Tokyo had received a proposal and that it was a sound basis for talks.",
            [
                ("fumio_ito", "Ito", "belief", "it was a sound basis for talks", []),
            ],
        ),
        # A predicate coordinated inside the content shares the content's subject: the
        # speaker's own course, an intention.
        (
            "Ito has said he will honor the accord and will treat history separately.",
            [
                ("fumio_ito", "Ito", "intention", "he will honor the accord", []),
                ("fumio_ito", "Ito", "intention", "will treat history separately", []),
            ],
        ),
        # A quotation after a comma: the speaker's claim, judged as a clause.
        (
            'Ito wrote, "The ceasefire does not include Okinawa."',
            [("fumio_ito", "Ito", "belief", "The ceasefire does not include Okinawa", [])],
        ),
    ],
)
def test_the_content_is_the_speakers(text: str, expected: list[tuple[Any, ...]]) -> None:
    got = claims(text)
    for claim in expected:
        assert claim in got, got
    assert all(c[0] != "author" for c in got), got


@pytest.mark.parametrize(
    ("text", "author_span"),
    [
        # What the author adds after a new main clause stays the author's.
        (
            "Tokyo said that the talks had stalled, but the stalemate is a mistake.",
            "the stalemate is a mistake",
        ),
        (
            "Tokyo said that the talks had stalled; Seoul should now act alone.",
            "Seoul should now act alone",
        ),
        # A capitalised saying word is a word of a name, no speaker's verb.
        (
            "On Monday the Tokyo States Council met, which may calm the markets.",
            "which may calm the markets",
        ),
    ],
)
def test_the_author_keeps_what_follows(text: str, author_span: str) -> None:
    got = claims(text)
    assert any(c[0] == "author" and c[3] == author_span for c in got), got


def test_a_quoted_fact_stays_a_report() -> None:
    """A quotation that states a plain fact is no claim (§4.5: plain facts stay reports)."""
    assert claims('Ito said, "The ceasefire was signed on 7 April 2026."') == []


def test_the_holders_narrated_predicate_is_no_content() -> None:
    """*has said ... and has boosted ...*: the second predicate repeats the holder's auxiliary,
    which the content lacks: the holder's narrated conduct, no second claim of the content."""
    got = claims("Ito has said he will never yield and has boosted ties with Seoul.")
    assert [c[3] for c in got] == ["he will never yield"], got
    kept = claims("Tokyo has said that Seoul has erred and has misled its public.")
    assert [c[3] for c in kept] == ["Seoul has erred", "has misled its public"], kept


def test_a_predicate_inserted_in_a_quoted_content_stays_the_speakers() -> None:
    """*wrote that "We are, and will be, talking ..."*: the comma before *and will be* opens no
    new clause; the speaker's *we* makes it its own course, an intention."""
    got = claims('Ito wrote that "We are, and will be, talking trade relief with Seoul."')
    assert any(
        c[:3] == ("fumio_ito", "Ito", "intention") and c[3].startswith("will be") for c in got
    )
    assert all(c[0] != "author" for c in got), got
