"""Stretches that state no fact (`draft/rules/fact_clauses.py`): a time clause that only dates
its main clause, and a stretch with no verb, are never evidence (guidelines §13.1, test 1)."""

from __future__ import annotations

import pytest
from claimset.draft import draft_document
from claimset.draft.rules.evidence import fragment
from claimset.draft.rules.fact_clauses import time_clause, verbless
from claimset.draft.sentence import Sentence
from draft_samples import registry

PARTIES = registry("author", "japan", "south_korea", "china")


def _stretch(text: str, quote: str) -> tuple[Sentence, int, int]:
    """The sentence and the tokens [i, j) of `quote` in it."""
    s = Sentence(text)
    a = text.index(quote)
    i = next(k for k in range(s.n) if s.starts[k] >= a)
    j = next(k for k in range(s.n + 1) if k == s.n or s.starts[k] >= a + len(quote))
    return s, i, j


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # dates the main clause: no fact
        ("When the dust settles, Tokyo will rebuild its ties.", "When the dust settles", True),
        ("When talks resumed in May, Seoul softened its tone.", "When talks resumed in May", True),
        # runs on into its main clause: the main clause's report
        (
            "When Seoul asked for an inquiry, Beijing answered with tariffs.",
            "When Seoul asked for an inquiry, Beijing answered with tariffs",
            False,
        ),
        ("Seoul softened its tone when talks resumed.", "Seoul softened its tone", False),
    ],
)
def test_time_clause(text: str, quote: str, expected: bool) -> None:
    assert time_clause(*_stretch(text, quote)) is expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # no verb after a comma or "and": part of the clause before it
        ("Tokyo bought a stake in the firm, worth $2 billion over eight years.", "worth", True),
        (
            "Her uncle advised both Kim, a banker, and President Park (in office 1963-1979).",
            "President Park (in office 1963-1979)",
            True,
        ),
        # a verb of its own: a clause
        ("Oil prices rose, and these imports pass through the Strait.", "these imports", False),
        ("Tokyo sells cars, and they sell chips.", "they sell chips", False),
        ("Tokyo sells cars, and exports rose sharply.", "exports rose sharply", False),
        ("Tokyo sells cars, and Seoul buys them.", "Seoul buys them", False),
        # the first clause of a sentence is its main clause, whatever its verb looks like
        ("The two countries collaborate on energy.", "The two countries collaborate", False),
    ],
)
def test_verbless(text: str, quote: str, expected: bool) -> None:
    s, i, j = _stretch(text, quote)
    if quote in ("worth", "these imports"):
        j = s.n - 1  # up to the full stop
    assert verbless(s, i, j) is expected


def test_fragment_asks_both() -> None:
    text = "When all is said and done, Tokyo will judge Seoul by its acts."
    assert fragment(*_stretch(text, "When all is said and done"))


def _links(texts: list[str]) -> list[str]:
    out = draft_document(texts, PARTIES)
    return [e["quote"] for claims in out for c in claims or [] for e in c["evidence"]]


def test_no_link_to_a_fronted_time_clause() -> None:
    """A fronted *when* clause of the next sentence backs nothing; a claimless report does."""
    claim = "Seoul is plainly an important partner of Tokyo."
    assert _links([claim, "When all is said and done, we will judge Beijing by its acts."]) == []
    assert _links([claim, "When Seoul asked for talks in 2020, Tokyo agreed at once."]) == [
        "When Seoul asked for talks in 2020, Tokyo agreed at once"
    ]


def test_no_link_to_a_verbless_stretch() -> None:
    """A list's last name and its dates are no second fact of a sentence."""
    claim = "Seoul is plainly an important partner of Tokyo."
    fact = (
        "Her uncle served in the cabinets of both Korea's founder, President Rhee (in office "
        "1948-1960), and President Park (in office 1963-1979), and was a supporter of Park's order."
    )
    quotes = _links([claim, fact])
    assert quotes[0].startswith("Her uncle served") and "was a supporter of Park's order" in quotes
    assert all(not q.startswith("President Park") for q in quotes)


AFTER_CLAIM = (
    "Tokyo's foreign policy is clearly guided by its pacifist constitution, and successive "
    "governments have avoided alliances."
)
PARTNER = "Seoul is plainly an important partner of Tokyo."


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # An author's claim, ", and" a report: the report is that claim's; an author's claim
        # before it has ended its step (`new-step`), a party's claim before it may take it.
        ([PARTNER, AFTER_CLAIM], [[], ["successive governments have avoided alliances"]]),
        (
            ["Seoul plainly wants a seat at the table.", AFTER_CLAIM],
            [["successive governments have avoided alliances"]] * 2,
        ),
        # A party's claim does not interrupt the pattern: the report after it stays free.
        (
            [
                PARTNER,
                "Tokyo plainly wants calm, and successive governments have avoided alliances.",
            ],
            [["successive governments have avoided alliances"], []],
        ),
        # Without the comma the two clauses are one claim (the drafter's span), no report.
        ([PARTNER, AFTER_CLAIM.replace(", and", " and")], [[], []]),
    ],
)
def test_a_report_after_an_authors_claim_and_belongs_to_it(
    texts: list[str], expected: list[list[str]]
) -> None:
    out = draft_document(texts, PARTIES)
    assert [[e["quote"] for e in (claims or [{}])[0].get("evidence", [])] for claims in out] == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quantified relative clause after the claim adds a fact about it (test 2a) ...
        (
            "Seoul's main asset is plainly its stock of shells, all of which have helped Tokyo.",
            ["all of which have helped Tokyo"],
        ),
        (
            "Seoul's strength is plainly its two envoys, both of whom have visited Tokyo.",
            ["both of whom have visited Tokyo"],
        ),
        # ... a clause with a pronoun of its own is a claim of its own, no relative clause.
        ("Seoul plainly has many shells, and all of them have helped Tokyo.", []),
    ],
)
def test_a_quantified_relative_clause_is_a_relative_clause(text: str, expected: list[str]) -> None:
    out = draft_document([text], PARTIES)[0] or []
    assert [e["quote"] for e in out[0]["evidence"]] == expected
