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


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A cue between commas inside its clause stays in the span (§7.1).
        (
            "A direct role would, we believe, be the end of the pact.",
            ["A direct role would, we believe, be the end of the pact"],
        ),
        # A phrase between commas right after a modal: the clause resumes with its verb.
        (
            "Tokyo will, in time, raise its tariffs.",
            ["Tokyo will, in time, raise its tariffs"],
        ),
        # An adverb inside an impersonal epistemic frame, the clause interrupted by a phrase:
        # the frame is still shell (§7.1).
        (
            "It is also possible that Tokyo will, in time, pay.",
            ["Tokyo will, in time, pay"],
        ),
        # An en dash that joins two words with no space is a compound, no boundary.
        (
            "The loss will hurt the Japan–Korea projects.",
            ["The loss will hurt the Japan–Korea projects"],
        ),
    ],
)
def test_commas_and_dashes_inside_a_clause(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A spaced en dash still ends a clause.
        (
            "Seoul will sign the deal – and Tokyo will wait.",
            ["Seoul will sign the deal", "Tokyo will wait"],
        ),
    ],
)
def test_other_commas_and_dashes_keep_their_boundaries(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


def test_a_party_joined_to_an_unregistered_name_is_no_target() -> None:
    # guidelines §9 rule 6: several parties jointly; "Cuban" names a party the registry lacks.
    drafted = draft_sentence("Japanese and Cuban efforts seem to be failing.", PARTIES)
    assert fields(drafted, "target") == [(None,)]
    drafted = draft_sentence("Nothing Tokyo or Havana could do would help.", PARTIES)
    assert fields(drafted, "target") == [(None,)]


def test_the_noun_will_sets_no_time() -> None:
    # "the good will" is a noun: the clause is a belief (§8.2), not a prediction.
    drafted = draft_sentence("The crisis has dissipated the good will of Seoul.", PARTIES)
    assert fields(drafted, "type") == [("belief",)]
    drafted = draft_sentence("None of this will be easy for Seoul.", PARTIES)
    assert fields(drafted, "type") == [("prediction",)]


def test_ability_under_a_condition_or_a_means_is_a_prediction() -> None:
    # guidelines §8.2: ability in a future frame is a prediction; a fronted condition or means
    # still to be taken is such a frame. Plain present ability stays a belief.
    for text in (
        "If Tokyo lifts the tariffs, Seoul can expand its exports.",
        "By opening the port, Seoul can win new partners.",
    ):
        assert fields(draft_sentence(text, PARTIES), "type") == [("prediction",)]
    drafted = draft_sentence("Seoul can expand its exports.", PARTIES)
    assert fields(drafted, "type") == [("belief",)]
