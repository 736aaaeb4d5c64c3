"""A complement clause without *that* whose verb is contracted (*hope I’m wrong*, *thinks
they'll agree*) or after a progressive (*is hoping trade will recover*): the span starts at its
subject (guidelines §7.1, first row). Examples and non-examples are our own sentences."""

from __future__ import annotations

import pytest
from test_draft_spans import claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I hope I’m wrong about that.", ("author", "desire", "I’m wrong about that")),
        (
            "Seoul thinks we're ready for the talks.",
            ("south_korea", "belief", "we're ready for the talks"),
        ),
        (
            "Tokyo hopes they’ll agree to the plan.",
            ("japan", "desire", "they’ll agree to the plan"),
        ),
        ("Moscow believes it’s over.", ("russia", "belief", "it’s over")),
        ("Seoul hopes it's not too late.", ("south_korea", "desire", "it's not too late")),
        # A progressive attitude verb takes a bare clause too.
        (
            "I’m hoping diplomacy is still available.",
            ("author", "desire", "diplomacy is still available"),
        ),
        ("Tokyo was hoping trade would recover.", ("japan", "desire", "trade would recover")),
    ],
)
def test_a_contracted_or_progressive_bare_clause_starts_at_its_subject(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert [c[:3] for c in claims(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # A possessive *’s* after a name opens a noun phrase, no clause.
        ("Moscow wants Tokyo’s navy to leave.", "Tokyo’s navy to leave"),
        # A gerund subject keeps its object: no bare clause after it.
        (
            "Maintaining their support may prove costly.",
            "Maintaining their support may prove costly",
        ),
    ],
)
def test_no_contracted_bare_clause(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.1: a complement clause without *that* starts at its subject, also after a plain
        # verb whose subject is plural (the verb is no noun there).
        ("Analysts say trade will recover.", "trade will recover"),
        ("Officials believe sanctions will fail.", "sanctions will fail"),
        ("We believe sanctions will fail.", "sanctions will fail"),
        ("Experts think tariffs have hurt growth.", "tariffs have hurt growth"),
    ],
)
def test_a_bare_clause_after_a_plural_subjects_plain_verb(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]
