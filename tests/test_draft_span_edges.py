"""Where a span starts and ends around conditions, possessed nouns and coordinated auxiliaries
(guidelines §7.1, §7.2, §4.3). Examples and non-examples are our own sentences (no sentence of
the real essays under corpus/)."""

from __future__ import annotations

import pytest
from claimset.draft.sentence import Sentence
from test_draft_spans import claims


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.2 keeps conditions: one that closes the sentence after a comma stays in the span.
        (
            "Tokyo may keep its navy near Seoul, even if Beijing quietly returns to rapprochement.",
            "Tokyo may keep its navy near Seoul, even if Beijing quietly returns to rapprochement",
        ),
        ("Seoul will sign the pact, if Tokyo agrees.", "Seoul will sign the pact, if Tokyo agrees"),
        (
            "Moscow won't retreat, unless it's forced to.",
            "Moscow won't retreat, unless it's forced to",
        ),
    ],
)
def test_a_closing_condition_stays_in_the_span(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A concession is asserted on its own: cut (§7.2).
        ("Seoul will sign, even though Tokyo objects.", ["Seoul will sign"]),
        # A condition followed by a clause of its own is no closing condition.
        (
            "Seoul will sign, if only to please Tokyo, and Beijing will follow.",
            ["Seoul will sign", "Beijing will follow"],
        ),
    ],
)
def test_a_concession_or_a_condition_before_a_clause_still_ends_the_span(
    text: str, spans: list[str]
) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # §4.3: a condition is not asserted, so an attitude verb inside one makes no claim; the
        # clause it restricts keeps it.
        (
            "Seoul does not need troops unless Tokyo plans on starting a war.",
            [
                (
                    "author",
                    "belief",
                    "Seoul does not need troops unless Tokyo plans on starting a war",
                )
            ],
        ),
        (
            "Tokyo is calm unless Seoul intends to strike first.",
            [("author", "belief", "Tokyo is calm unless Seoul intends to strike first")],
        ),
        (
            "A blockade makes no sense if Beijing wants a war.",
            [("author", "belief", "A blockade makes no sense if Beijing wants a war")],
        ),
    ],
)
def test_an_attitude_inside_a_closing_condition_makes_no_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [c[:3] for c in claims(text)] == expected


def test_an_attitude_outside_the_condition_is_still_a_claim() -> None:
    assert [c[:2] for c in claims("Seoul wants a deal if Tokyo pays.")] == [
        ("south_korea", "desire")
    ]
    assert [c[:3] for c in claims("If Tokyo pays, Seoul hopes that Moscow will help.")] == [
        ("south_korea", "desire", "Moscow will help")
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.1: a noun phrase object starts the span at the verb, also when an infinitive
        # completes a possessed noun (the possessor is no subject of the infinitive).
        (
            "Seoul has welcomed Tokyo's decision to lift the ban.",
            "welcomed Tokyo's decision to lift the ban",
        ),
        (
            "Moscow praised Beijing’s refusal to join the sanctions.",
            "praised Beijing’s refusal to join the sanctions",
        ),
    ],
)
def test_an_infinitive_after_a_possessed_noun_belongs_to_the_noun(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # Non-examples: an object that is the infinitive's subject starts the span.
        ("Seoul urged Tokyo to lift the ban.", "Tokyo to lift the ban"),
        ("Moscow asked the Chinese side to join the talks.", "the Chinese side to join the talks"),
    ],
)
def test_an_object_before_an_infinitive_is_its_subject(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


def test_a_bracket_before_the_comma_does_not_end_the_clause() -> None:
    # The comment clause interrupts the infinitive even after a bracketed reference.
    text = 'Seoul pledged to act under the treaty (Art. 5) to, as one envoy put it, "end the war."'
    s = Sentence(text)
    assert "as one envoy put it" in " ".join(s.toks[k] for k in sorted(s.inserted))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # *that* after a preposition points at a noun: no frame before a complement clause, so
        # the author's clause keeps its subject (§7.1).
        (
            "Some risks to that effort may be unforeseeable.",
            "Some risks to that effort may be unforeseeable",
        ),
        ("The threats to that plan could grow.", "The threats to that plan could grow"),
        ("Progress on that front might stall.", "Progress on that front might stall"),
        # Non-examples: a frame noun or verb before *that* is shell.
        ("Is there a risk that the talks will fail?", "the talks will fail"),
    ],
)
def test_a_demonstrative_that_after_a_preposition_is_no_frame(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # An attitude noun that ends a closing adjunct is its head, no verb (§7.2 keeps it).
        (
            "Tokyo will raise its budget, with strong public support.",
            "Tokyo will raise its budget, with strong public support",
        ),
        (
            "Seoul will sign the pact, against the opposition’s demands.",
            "Seoul will sign the pact, against the opposition’s demands",
        ),
        # Non-example: a participle of attitude makes the adjunct a clause of its own.
        (
            "Tokyo will raise its budget, with Seoul calling for restraint.",
            "Tokyo will raise its budget",
        ),
    ],
)
def test_an_attitude_noun_heading_a_closing_adjunct_stays_in_the_span(text: str, span: str) -> None:
    assert claims(text)[0][2] == span


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # §7.1, §5: a bare verb after "and" goes on an infinitive embedded in the content (a
        # noun phrase the span starts at the verb for), one proposition.
        (
            "Washington encouraged Tokyo's moves to increase defense spending and enhance its "
            "military capabilities.",
            [
                "encouraged Tokyo's moves to increase defense spending and enhance its military "
                "capabilities"
            ],
        ),
        (
            "Seoul praised Tokyo’s decision to lift the ban and reopen the port.",
            ["praised Tokyo’s decision to lift the ban and reopen the port"],
        ),
        # Non-examples: the content's own infinitive, coordinated, makes two claims.
        (
            "Seoul urged Tokyo to lift the ban and reopen the port.",
            ["Tokyo to lift the ban", "reopen the port"],
        ),
    ],
)
def test_a_verb_after_and_goes_on_an_embedded_infinitive(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # §5, §7.2: *but* between two adjectives of one noun joins no clauses.
        ("Tokyo expects a slow but steady recovery.", ["expects a slow but steady recovery"]),
        ("Seoul wants a small but capable navy.", ["wants a small but capable navy"]),
        (
            "Seoul will lead its own defense, with critical but more limited Japanese support.",
            ["Seoul will lead its own defense, with critical but more limited Japanese support"],
        ),
        # Non-examples: *but* before a subject or between two verbs joins two predicates.
        ("Tokyo is weak but Seoul is strong.", ["Tokyo is weak", "Seoul is strong"]),
        (
            "Seoul will sign but probably delay ratification.",
            ["Seoul will sign", "delay ratification"],
        ),
    ],
)
def test_but_between_two_adjectives_joins_one_noun_phrase(text: str, spans: list[str]) -> None:
    assert [c[2] for c in claims(text)] == spans


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # §7.1: an infinitive without its own subject starts after *to*, also when the cue is
        # listed with its *to* (*offer to*, *decide to*, *resolve to*, *mean to*).
        ("Seoul offered to host joint operations.", "host joint operations"),
        ("Tokyo decided to raise tariffs on steel.", "raise tariffs on steel"),
        ("Moscow has resolved to stay in the talks.", "stay in the talks"),
        # Non-example: *to* before a noun phrase opens no infinitive.
        ("Tokyo referred to the deal as a betrayal.", "referred to the deal as a betrayal"),
    ],
)
def test_a_cue_with_its_own_to_starts_the_span_after_it(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]
