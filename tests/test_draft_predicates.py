"""A claim is a clause, and a clause needs a predicate (guidelines §4.1, §4.3): the drafter
never makes the author's judgement of a verbless piece a comma, a bracket or a semicolon cut
from a longer clause (the last items of a list, a description of the subject, a subject its
relative clause interrupts), and finds the clause that piece belongs to. Examples are our own
sentences (no sentence of the real texts under corpus/ or tests/data/)."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import PARTIES, claims


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
        # *but not* between two phrases ends no clause; a closing restriction stays in the
        # span (guidelines §7.2) and makes no claim of its own.
        ("The treaty, which requires notification but not ratification, covers trade.", []),
        (
            "Tokyo wanted a deal but not at any price.",
            [("japan", "desire", "wanted a deal but not at any price")],
        ),
        # A stretch with a verb of its own stays the clause, and a verbless subject before a
        # comma is no list's tail: the clause is not moved past it.
        ("Seoul wants calm, Tokyo is worried.", [("south_korea", "desire", "wants calm")]),
    ],
)
def test_claims_hold_a_predicate(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle inside a noun phrase is no predicate (§4.3): before its noun...
        ("Moscow and Beijing have not agreed on the long-planned pipeline.", []),
        ("Tokyo has delayed its planned visit to the islands.", []),
        # ... or after it, passive, naming or describing the noun: what is said, no speaker.
        ('Seoul and Tokyo signed a pact called the "Harbour Accord" in 2024.', []),
        ('Seoul tracked a ship described by the press as a "spy vessel".', []),
        # What an agreement commits its parties to is its terms, not their beliefs (§4.5).
        ("The agreement commits Tokyo and Seoul to regard any attack as a threat.", []),
        # An objective dependence is a fact, not an attitude (§4.4).
        ("Seoul remains economically dependent on Tokyo.", []),
    ],
)
def test_participles_and_provisions_hold_no_attitude(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """No party holds an attitude here (the author's judgement of a clause is another test)."""
    assert [c for c in claims(text) if c[0] != "author"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A fronted clause of time (since, after, before) or an absolute (with, without)
        # before the comma frames the main clause: the claim is the main clause.
        (
            "Since the talks collapsed in May, relations have become dangerously tense.",
            [("author", "belief", "relations have become dangerously tense")],
        ),
        # *According to X,* is a leading adverbial: the clause after its comma is the claim.
        (
            "According to one observer, trade with Tokyo remains weak.",
            [("author", "belief", "trade with Tokyo remains weak")],
        ),
    ],
)
def test_the_main_clause_follows_its_fronted_frame(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An adverb opening the sentence is no name, and a preposition no verb: the phrase it
        # opens is cut from its clause and makes no claim.
        (
            "Perhaps in response to the ban, Tokyo may sell its stake.",
            [("author", "prediction", "Tokyo may sell its stake")],
        ),
        # What parties agreed is a report (§4.4), its *would* the past's future.
        ("In 2011, Tokyo and Seoul agreed that the drills would end in 2014.", []),
        (
            "Tokyo and Seoul agreed that the drills would end soon, and the deal will hold.",
            [("author", "prediction", "the deal will hold")],
        ),
    ],
)
def test_pieces_and_agreements_make_no_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert claims(text) == expected


def test_a_repeated_word_after_a_comma_stays_in_its_clause() -> None:
    """*we'll always, always honor*: emphasis, one clause; in a speech the speaker's course."""
    drafted = draft_sentence(
        "We are ending the war, but we'll always, always honor the pact.",
        PARTIES,
        speaks_for="japan",
    )
    assert [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"]) for c in drafted
    ] == [("japan", "intention", "honor the pact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name inside a noun phrase opened by a lower-case word modifies the plural after
        # it: *other Baltic states*, *several senior EU diplomats* are subjects, not a subject
        # and its verb, so the piece a comma cuts off makes no claim.
        (
            "Latvia, Estonia, and other Baltic Sea countries, some of which joined the Northern "
            "Dimension (ND; 1999-2006), declined Japanese requests to lead such a mission.",
            [],
        ),
        (
            "In 2024, several high-level EU officials, including Foreign Minister Ivan Petrov "
            "and then-Minister of Defence Maria Novak, visited Seoul.",
            [],
        ),
        # A name that opens the stretch or follows a conjunction is still a subject.
        (
            "Tokyo is wary, and Baltic leaders say the alliance is drifting.",
            [("author", "belief", "Tokyo is wary")],
        ),
    ],
)
def test_a_name_modifying_a_plural_is_no_subject(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """*other Baltic states*, *several senior EU diplomats*: the plural is the head noun of a
    noun phrase (guidelines §4.1: a noun phrase states no proposition)."""
    assert [c for c in claims(text) if c[0] == "author"] == expected


def test_a_verbless_piece_after_but_is_no_clause() -> None:
    """A piece after *but* is no clause without a predicate, also when the pieces before it
    made no clause (the fronted phrase is skipped, the clause after it cut at the bracket)."""
    text = (
        "Unlike its neighbours, Latvia has a Russian-speaking minority (but a Latvian government)."
    )
    assert "a Latvian government" not in [span for _, _, span in claims(text)]
