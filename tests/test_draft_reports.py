"""Reports, not claims (guidelines §4.3-§4.5): narrated acts, what a law or agreement
provides, legal and scheduled status. Each test pairs reports with the claims next to them."""

from __future__ import annotations

import pytest
from draft_samples import claims


@pytest.mark.parametrize(
    "text",
    [
        "The ministry has taken several steps to calm the markets.",
        "Seoul has sold its stake in the port.",
        "The two navies have stood side by side in every crisis since 1953.",
        "Tokyo has withdrawn its ambassador and undertaken a review of the accord.",
    ],
)
def test_an_act_narrated_with_an_irregular_participle_is_a_report(text: str) -> None:
    """*have taken*, *has sold*, *have stood*: the present perfect of an act narrates it like
    *has signed* (§4.4, "Actions are reports, attitudes are claims")."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul has built a fragile coalition.",
            [("author", "belief", "Seoul has built a fragile coalition")],
        ),
        (
            "Tokyo has taken steps that it should have taken years ago.",
            [("author", "obligation", "it should have taken years ago")],
        ),
    ],
)
def test_an_irregular_participle_with_a_judgement_stays_a_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """An evaluative word or a modal still makes the author's claim."""
    assert claims(text) == expected
