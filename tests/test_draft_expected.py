"""The *expected* of a passive without a holder (guidelines §8.2, §6.2): the author's forecast
in the present, a context party's past expectation in the past."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields

ACTORS = [{"id": "south_korea", "name": "South Korea", "kind": "state", "aliases": ["Seoul"]}]


def claims(text: str) -> list[tuple[str, str, str]]:
    """(actor, type, span) of every claim drafted for one sentence."""
    return fields(draft_sentence(text, ACTORS, recent=["south_korea"]), "holder", "type", "span")


@pytest.mark.parametrize(
    "text",
    [
        "The next local elections are expected in April 2027.",
        "The new port is expected early next year.",
        "The second phase is expected to be completed by spring 2028.",
        "The bridge is expected to be finished in 2027.",
    ],
)
def test_an_agentless_present_expected_is_the_authors_prediction(text: str) -> None:
    assert claims(text) == [("author", "prediction", text.rstrip("."))]


def test_a_state_after_is_sure_to_be_stays_a_belief() -> None:
    """*is sure to be much higher* is about now (guidelines §8.2, seed 24), not an event."""
    assert claims("The real figure is sure to be much higher.") == [
        ("author", "belief", "The real figure is sure to be much higher")
    ]


def test_a_named_or_past_expectation_is_left_to_its_holder() -> None:
    """An agent (*by X*) or the past (*were expected*) keeps the holder the text or the context
    gives (§6.2)."""
    assert claims("Deliveries were expected through March 2028.")[0][0] == "south_korea"
    assert claims("The summit is expected by Seoul to end the dispute.")[0][0] == "south_korea"
