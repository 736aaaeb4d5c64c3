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


@pytest.mark.parametrize(
    "text",
    [
        "By law, the ministry does not consider the impact on farmers.",
        "As part of the compact, a task force pursues supply chain diversification.",
        "Under its legal system, Seoul can revoke the licence of any broadcaster.",
        "Under the treaty, each side is to consult the other before any test.",
        "In 2023, under the accord, the two navies hold joint drills every spring.",
    ],
)
def test_what_an_instrument_in_a_fronted_frame_provides_is_a_report(text: str) -> None:
    """*By law, ...*, *Under the treaty, ...*, *As part of the compact, ...*: the clause is
    the instrument's content, a report in any tense (§4.4; laws and agreements speak for
    nobody, §4.5)."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Under the new law, exports may suffer.",
            [("author", "prediction", "exports may suffer")],
        ),
        (
            "Under the treaty, Tokyo's position is unrealistic.",
            [("author", "belief", "Tokyo's position is unrealistic")],
        ),
        ("Under pressure, Seoul will give in.", [("author", "prediction", "Seoul will give in")]),
        (
            "Under President Moon, Seoul wanted better ties with Tokyo.",
            [("south_korea", "desire", "wanted better ties with Tokyo")],
        ),
    ],
)
def test_a_judgement_or_another_frame_stays_a_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """A judging modal or an evaluative word is the author's own; a frame that names no
    instrument (*Under pressure*, *Under President Moon*) is no instrument's content."""
    assert claims(text) == expected
