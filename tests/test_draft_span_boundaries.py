"""Span boundaries found on the boundary errors of session 10 (guidelines §7.1, §7.2, §4.3):
where a cue-rule relative clause starts, and what stays in or goes out at a span's end.
Examples and non-examples are our own sentences (no sentence of the real documents)."""

from __future__ import annotations

import pytest
from test_draft_spans import claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # §4.3 cue rule, §7.1: a relative clause with its own cue is the author's claim from
        # its relative pronoun, also a *that* clause and one with its own subject; the report
        # around it is no claim.
        (
            "Tokyo sold the navy three ships that reportedly carried missiles to the islands.",
            [("author", "belief", "that reportedly carried missiles to the islands", "japan")],
        ),
        (
            "Seoul paid the fees that Tokyo reportedly has charged for every vessel.",
            [("author", "belief", "that Tokyo reportedly has charged for every vessel", "japan")],
        ),
        (
            "The report describes an incident in which Chinese police reportedly detained a "
            "fisherman near the islands.",
            [
                (
                    "author",
                    "belief",
                    "in which Chinese police reportedly detained a fisherman near the islands",
                    "china",
                )
            ],
        ),
        # The author's modal in such a clause: one claim, from the pronoun.
        (
            "Seoul opposes the fees that Tokyo may charge for every vessel.",
            [
                (
                    "south_korea",
                    "desire",
                    "opposes the fees that Tokyo may charge for every vessel",
                    "japan",
                ),
                ("author", "prediction", "that Tokyo may charge for every vessel", "japan"),
            ],
        ),
        # Not a relative clause: a content clause of a verb or of a noun like *fact*.
        (
            "Tokyo said that Seoul reportedly has charged fees.",
            [("japan", "belief", "Seoul reportedly has charged fees", "south_korea")],
        ),
    ],
)
def test_a_relative_clause_with_its_own_cue_starts_at_its_pronoun(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # v1.3 §7.2: a premise (*due to*, *given* + a noun phrase) at the end of the author's
        # clause is cut, with or without a comma; a focusing word before it goes with it.
        (
            "The talks have reportedly been delayed due to the floods in the north.",
            ["The talks have reportedly been delayed"],
        ),
        ("The vote is decisive given Seoul's role in the region.", ["The vote is decisive"]),
        (
            "The main risk would be a clash at sea, especially given Tokyo's patrols.",
            ["The main risk would be a clash at sea"],
        ),
        # Not a premise: a predicate of its own (*is due to*), a verb (*has given*).
        ("The delay is largely due to the floods.", ["The delay is largely due to the floods"]),
        ("Seoul has given its consent to the plan.", ["Seoul has given its consent to the plan"]),
    ],
)
def test_a_premise_at_the_end_of_the_span_is_cut(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # §5 splits coordinated predicates, each with its complement; two verbs of one form
        # around "and" that share the object after the second are one predicate.
        (
            "Tokyo sees value in launching and funding a few joint projects.",
            ["sees value in launching and funding a few joint projects"],
        ),
        (
            "Seoul must persuade and cajole Tokyo's leaders to sign.",
            ["Seoul must persuade and cajole Tokyo's leaders to sign"],
        ),
        # A phrase of place after "and" is no predicate (*around*, *throughout* are
        # prepositions).
        (
            "Seoul has to fight the virus at home and around the world.",
            ["Seoul has to fight the virus at home and around the world"],
        ),
        # Predicates each with their own object are still split.
        (
            "Seoul will expand trade with Tokyo and cut its tariffs.",
            ["Seoul will expand trade with Tokyo", "cut its tariffs"],
        ),
    ],
)
def test_verbs_sharing_an_object_and_phrases_of_place_are_no_second_predicate(
    text: str, spans: list[str]
) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # v1.3 §7.1: a speaker's repair inside a clause, begun again at a dash with the same
        # word or a longer form of it, ends nothing: the span is contiguous and goes on.
        (
            "We will protect the trade that is going to decide — decide our future.",
            ["We will protect the trade that is going to decide — decide our future"],
        ),
        (
            "Seoul must ban the export of strateg- — strategic minerals.",
            ["Seoul must ban the export of strateg- — strategic minerals"],
        ),
        # A dash before other words still ends the clause.
        (
            "Seoul must ban the export — Tokyo will object.",
            ["Seoul must ban the export", "Tokyo will object"],
        ),
    ],
)
def test_a_repair_at_a_dash_inside_a_clause_ends_nothing(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.1: a noun-phrase object starts the span at the verb, also when a prepositional
        # phrase or a participle with its agent follows the noun.
        (
            "Tokyo has sought permission from the parliament to deploy its navy.",
            "sought permission from the parliament to deploy its navy",
        ),
        ("Tokyo threatened islands long held by Seoul.", "threatened islands long held by Seoul"),
        # An infinitive with its own subject still starts at that subject.
        (
            "Tokyo urged the population of the islands to leave.",
            "the population of the islands to leave",
        ),
    ],
)
def test_a_noun_phrase_object_starts_at_the_verb(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # §7.1: an infinitive after a stance adjective starts after *to*; *motivated to* wants
        # the action, *proud of* judges its object.
        (
            "Tokyo is highly motivated to sign the deal.",
            [("japan", "desire", "sign the deal", None)],
        ),
        ("Seoul is proud of its record.", [("south_korea", "belief", "proud of its record", None)]),
    ],
)
def test_stance_adjectives_of_motive_and_pride(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.2: a comparison between commas interrupts its clause, which resumes after it,
        # also with a linking verb; the span is contiguous.
        (
            "Tokyo's patrols near the islands, as in past years, appear to be a warning to Seoul.",
            "Tokyo's patrols near the islands, as in past years, appear to be a warning to Seoul",
        ),
        (
            "Tokyo's navy, as with its army, will grow.",
            "Tokyo's navy, as with its army, will grow",
        ),
    ],
)
def test_a_comparison_between_commas_interrupts_its_clause(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # §7.1: a that-clause past an adjunct of time or place is the content (the frame
        # stays out); §7.2: a focusing phrase after a quotation's closing mark stays in.
        (
            'Tokyo assessed in 2025 that "the risk is growing," particularly near the islands.',
            [("japan", "belief", 'the risk is growing," particularly near the islands', None)],
        ),
    ],
)
def test_a_dated_that_clause_and_a_focus_past_a_quotation(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # §5: a clause after "and" opened by a subject pronoun and its verb is a second claim.
        (
            "Tokyo will lose its allies and it will regret the deal.",
            ["Tokyo will lose its allies", "it will regret the deal"],
        ),
        # A finite verb after a negated clause's "but" opens a second predicate; "not X but
        # Y" without one stays a single predicate's contrast.
        (
            "The new ships may not be fast but have a long range.",
            ["The new ships may not be fast", "have a long range"],
        ),
    ],
)
def test_a_second_clause_or_predicate_is_split_off(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


def test_a_second_past_verb_with_a_pronoun_after_it_is_a_second_predicate() -> None:
    # §5: "reportedly detained X and reportedly returned him": two acts, two claims (the
    # relative clause's cue rule, §4.3, for the first).
    found = [
        c[2]
        for c in claims(
            "The act cites an incident in which Chinese police reportedly detained two fishermen "
            "and reportedly returned him to the mainland."
        )
    ]
    assert found[0] == "in which Chinese police reportedly detained two fishermen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # §7.1, §8.1: an optative *may* opening a clause is the shell of a wish: the author's
        # desire, its span after *may*; the modal of possibility stays a prediction.
        (
            "May God protect the islands, and may they prosper.",
            [
                ("author", "desire", "God protect the islands", None),
                ("author", "desire", "they prosper", None),
            ],
        ),
        (
            "Seoul may agree to the plan.",
            [("author", "prediction", "Seoul may agree to the plan", "south_korea")],
        ),
    ],
)
def test_an_optative_may_opens_a_wish(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # §4.3: an attitude word after a name that modifies it inside an object is a noun:
        # the author's clause keeps its subject (§7.1), no party demands anything.
        (
            "Seoul appears to have used Pyongyang demands on Tokyo as leverage.",
            [
                (
                    "author",
                    "belief",
                    "Seoul appears to have used Pyongyang demands on Tokyo as leverage",
                    "south_korea",
                )
            ],
        ),
        # A speech verb before the name takes a clause; a noun with its content stays a claim.
        (
            "Tokyo said Beijing plans to withdraw its ships.",
            [("china", "intention", "withdraw its ships", None)],
        ),
        (
            "Tokyo rejected Beijing demands that Seoul withdraw.",
            [("china", "demand", "Seoul withdraw", "south_korea")],
        ),
    ],
)
def test_an_attitude_word_after_a_modifying_name_is_a_noun(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.2 cuts a finite causal or temporal *as* clause; *as it was / as it stands* after a
        # noun describes the noun and stays.
        (
            "Tokyo should stop planning for a region as it was twenty years ago.",
            "Tokyo should stop planning for a region as it was twenty years ago",
        ),
        (
            "Tokyo has grown stronger as its economy recovered.",
            "Tokyo has grown stronger",
        ),
    ],
)
def test_as_it_was_after_a_noun_stays_in_the_span(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # v1.4 §7.2: an opening quotation mark before the span's first word is left out, also
        # when its partner lies inside the span; a quotation inside the span keeps its marks.
        (
            'Tokyo is ready to "take swift action" to protect its ships.',
            'take swift action" to protect its ships',
        ),
        ('Tokyo has pledged to "reset" its ties with Seoul.', 'reset" its ties with Seoul'),
        ('Tokyo has pledged to keep a "firm" line on Seoul.', 'keep a "firm" line on Seoul'),
    ],
)
def test_an_opening_quotation_mark_at_the_spans_start_is_left_out(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # v1.4 §7.1: the copula before an attitude adjective is shell, also *am* and a
        # contracted *'m*; the author's *I* holds the attitude.
        (
            "I am deeply proud of our work with Seoul.",
            [("author", "belief", "proud of our work with Seoul", "south_korea")],
        ),
        (
            "I’m proud that Seoul joined the pact.",
            [("author", "belief", "Seoul joined the pact", "south_korea")],
        ),
        ("I am eager to resume the talks.", [("author", "desire", "resume the talks", None)]),
    ],
)
def test_the_copula_before_an_attitude_adjective_is_shell(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # v1.4 §7.2: a closing duration adverbial that measures the attitude (the continuing
        # perfect of the attitude verb) is shell; one of the content's predicate stays.
        ("Seoul has sought to host the talks for decades.", "host the talks"),
        ("Seoul hopes to keep the base for decades.", "keep the base for decades"),
    ],
)
def test_a_duration_of_the_attitude_is_left_out(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]
