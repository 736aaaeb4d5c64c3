"""*It* / *Its* opening a sentence stand for the party the sentence before opened with
(centering, `centering.py`): the owner or agent of the author's claim, its target (§9 rules
3-4). Examples written for these tests; drafted as documents, since the antecedent is in the
sentence before."""

from __future__ import annotations

import pytest
from claimset.draft import ActorIndex, draft_document

PARTIES = ActorIndex(
    [
        {"id": "author", "name": "The essay's author", "kind": "author"},
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Seoul"], "kind": "state"},
        {"id": "moon", "name": "Moon Jae-in", "aliases": ["Moon"], "kind": "person"},
    ]
)


def last_targets(*texts: str) -> list[str | None]:
    """The targets of the claims drafted for the last sentence."""
    drafted = draft_document(list(texts), PARTIES)[-1] or []
    return [c["expectation"]["target"] for c in drafted]


@pytest.mark.parametrize(
    ("texts", "party"),
    [
        (("Japan is a sound investment.", "Its public debt is modest for its size."), "japan"),
        (("Japan is a sound investment.", "It has no deep ethnic or regional divisions."), "japan"),
        (
            ("Seoul is also a reliable partner.", "It is still, above all, an ally worth having."),
            "south_korea",
        ),
        # The center goes on through a possessive opening and past an expletive "it".
        (
            (
                "Japan is a sound investment.",
                "Its debt is modest.",
                "It is in everyone's interest to see that.",
                "It has a stable and capable civil service.",
            ),
            "japan",
        ),
    ],
)
def test_an_opening_it_is_the_party_the_sentence_before_opened_with(
    texts: tuple[str, ...], party: str
) -> None:
    assert last_targets(*texts) == [party]


@pytest.mark.parametrize(
    "texts",
    [
        # The sentence before opened with a thing, a possessive or a person: no center to go on.
        ("The treaty was signed by Tokyo in May.", "It has no clause on fisheries at all."),
        ("Japan's economy is a sound bet.", "It has no serious rival in the region."),
        ("Moon is a cautious leader.", "It has no serious rival in the region."),
        # An expletive or a cleft "it" stands for no one.
        ("Japan is a sound investment.", "It is clear that the talks will fail."),
        ("Japan is a sound investment.", "It seems the talks will fail."),
    ],
)
def test_no_party_for_an_it_without_a_party_center(texts: tuple[str, ...]) -> None:
    assert "japan" not in last_targets(*texts)
