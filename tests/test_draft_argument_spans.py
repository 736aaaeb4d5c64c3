"""Spans of written argument (session 13): a verbless phrase after *but* stays in its clause
(guidelines §7.2, a closing contrast or restriction is no separate statement). Examples and
non-examples are our own sentences."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import PARTIES, claims, fields


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A corrective after a negation: one predicate, whatever the phrase after *but*.
        ("Seoul is not a rival, but a partner.", ["Seoul is not a rival, but a partner"]),
        (
            "Tokyo's aim is not to win the race, but to keep the peace that the treaty made.",
            ["Tokyo's aim is not to win the race, but to keep the peace that the treaty made"],
        ),
        # A restriction of the same predicate: a prepositional phrase, *not* + a phrase.
        (
            "Tokyo will accept the rivalry, but within limits.",
            ["Tokyo will accept the rivalry, but within limits"],
        ),
        ("Seoul wants trade, but not at any price.", ["wants trade, but not at any price"]),
        # The idiom *cannot help but* + a verb is one predicate.
        (
            "The dispute cannot help but hurt the alliance.",
            ["The dispute cannot help but hurt the alliance"],
        ),
    ],
)
def test_a_verbless_phrase_after_but_stays(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A clause with its own subject and verb, a second predicate, a second content clause.
        (
            "Seoul will sign the deal, but Tokyo will wait.",
            ["Seoul will sign the deal", "Tokyo will wait"],
        ),
        ("Seoul will sign the deal, but delay ratification.", ["Seoul will sign the deal"]),
        (
            "Tokyo is not ready, but at the same time, it is willing.",
            ["Tokyo is not ready", "it is willing"],
        ),
        # An infinitive after *but* is a corrective only after a negation.
        ("Seoul plans to sign, but to delay ratification.", ["sign"]),
    ],
)
def test_a_clause_after_but_is_still_a_clause(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # *both X and Y*: two noun phrases, one subject.
        (
            "Tokyo knows that both Seoul and the other capitals are worried.",
            ["both Seoul and the other capitals are worried"],
        ),
        # A last noun phrase after ", and" / ", or" that closes the sentence: a list item.
        (
            "Tokyo will cut its tariffs on steel, and the rest of the quotas.",
            ["Tokyo will cut its tariffs on steel, and the rest of the quotas"],
        ),
        (
            "Seoul will back new talks, or agreements for cooperation that serve both sides.",
            ["Seoul will back new talks, or agreements for cooperation that serve both sides"],
        ),
        # A long subject after "and" that reaches its modal: a coordinated clause, split at
        # that "and", not at the inner "and" of two nouns.
        (
            "The aid is running out and the good effect of the visit and the summit could fade.",
            [
                "The aid is running out",
                "the good effect of the visit and the summit could fade",
            ],
        ),
    ],
)
def test_noun_phrases_joined_by_and_stay_together(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # *both* before an infinitive's subject: the infinitives are two claims (§7.1).
        (
            "Tokyo urged both Koreas to cut tariffs and to open talks.",
            ["both Koreas to cut tariffs", "open talks"],
        ),
        # A bare verb or a clause after ", and" is a conjunct of its own.
        (
            "Seoul should expand its navy, and increase its defense budget.",
            ["Seoul should expand its navy", "increase its defense budget"],
        ),
        (
            "Tokyo will cut its tariffs, and the quotas will go.",
            ["Tokyo will cut its tariffs", "the quotas will go"],
        ),
    ],
)
def test_clauses_after_and_stay_clauses(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


def test_a_named_subject_with_a_modal_after_and_opens_a_clause() -> None:
    # "and" + a name + a modal, after a clause with a verb: a coordinated clause, which finds
    # its own target (its subject is the agent, guidelines §9 rule 3).
    drafted = draft_sentence(
        "The vote will stress this point and Seoul will probably seek new partners.", PARTIES
    )
    assert fields(drafted, "span", "target") == [
        ("The vote will stress this point", None),
        ("Seoul will probably seek new partners", "south_korea"),
    ]
    # Two names joined by "and" are one subject.
    assert [c[2] for c in claims("The vote shows that Tokyo and Seoul will meet.")] == [
        "Tokyo and Seoul will meet"
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A second bare verb (or *to*) inside an infinitive of purpose goes on the adjunct.
        (
            "Seoul must pay in order to keep Tokyo on its side and enjoy the base.",
            ["Seoul must pay in order to keep Tokyo on its side and enjoy the base"],
        ),
        (
            "Seoul will raise taxes so as to cut the deficit and to fund the army.",
            ["Seoul will raise taxes so as to cut the deficit and to fund the army"],
        ),
        # A clause after it is still a clause.
        (
            "Seoul will raise taxes in order to cut the deficit and the army will shrink.",
            ["Seoul will raise taxes in order to cut the deficit", "the army will shrink"],
        ),
    ],
)
def test_purpose_infinitives_and_relative_pronouns(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text) if c[0] == "author"] == spans


def test_a_span_never_ends_with_a_relative_pronoun() -> None:
    # A relative clause after a name, cut off at the comma of an insertion (§7.2).
    drafted = claims("He will be urged on by Tokyo who, secure in office, will want a deal.")
    assert drafted[0][2] == "He will be urged on by Tokyo"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A plural before "and", a comma or a preposition ends its noun phrase: no present
        # verb, so the "and" before it joins noun phrases.
        (
            "The deal will cause friction between Tokyo and its Korean partners and there are "
            "signs of it already.",
            [
                "The deal will cause friction between Tokyo and its Korean partners",
                "there are signs of it already",
            ],
        ),
    ],
)
def test_a_plural_before_a_break_is_no_verb(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


def test_a_relation_between_a_pronoun_and_a_party_has_no_target() -> None:
    # guidelines §9 rule 6: a relation between parties, none the actor; the clause after
    # "and there are" finds its own target (none), not the first clause's.
    drafted = draft_sentence(
        "This will cause tension between them and their Korean advisers and there are signs "
        "that the mood is souring.",
        PARTIES,
    )
    assert fields(drafted, "target") == [(None,), (None,)]
