"""A claim is a clause, and a clause needs a predicate (guidelines §4.1, §4.3): the drafter
never makes the author's judgement of a verbless piece a comma, a bracket or a semicolon cut
from a longer clause (the last items of a list, a description of the subject, a subject its
relative clause interrupts), and finds the clause that piece belongs to. Examples are our own
sentences (no sentence of the real texts under corpus/ or tests/data/)."""

from __future__ import annotations

import pytest
from draft_samples import claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verbless stretch before a comma whose next stretch opens with its own subject and
        # verb: the clause is the next stretch (a list's last items, a description).
        (
            "As a small country with few allies, and a narrow economy, Latvia is highly "
            "exposed to outside pressure.",
            [("author", "belief", "Latvia is highly exposed to outside pressure")],
        ),
        (
            "Like Riga, and unlike Vilnius, Tallinn is vulnerable to cyberattacks.",
            [("author", "belief", "Tallinn is vulnerable to cyberattacks")],
        ),
        # A fronted *when* clause whose main clause has a plain present verb.
        (
            "And when tensions rise, you keep your promises.",
            [("author", "belief", "you keep your promises")],
        ),
        # A subject its relative clause interrupts states nothing by itself.
        (
            "One senior diplomat, who had spent a decade in Tokyo, resigned in protest; "
            "according to the press, he was pressured.",
            [],
        ),
        # *but not* between two phrases ends no clause.
        ("The treaty, which requires notification but not ratification, covers trade.", []),
        ("Tokyo wanted a deal but not at any price.", [("japan", "desire", "wanted a deal")]),
        # A stretch with a verb of its own stays the clause, and a verbless subject before a
        # comma is no list's tail: the clause is not moved past it.
        ("Seoul wants calm, Tokyo is worried.", [("south_korea", "desire", "wants calm")]),
    ],
)
def test_claims_hold_a_predicate(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert claims(text) == expected
