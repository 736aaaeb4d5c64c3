"""The author's judgements (guidelines §4.4): which main clauses are the author's claims."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields


def spans(text: str) -> list[tuple[str, str, str]]:
    """(actor, type, span) of every claim drafted for one sentence."""
    return fields(draft_sentence(text), "holder", "type", "span")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Taiwan held its elections without incident, in part because all sides "
            "worked to reduce misperception.",
            "Taiwan held its elections without incident",
        ),
        (
            "Seoul cancelled the talks in 2019 because Tokyo refused to apologize.",
            "Seoul cancelled the talks in 2019",
        ),
        ("The talks collapsed, largely because of the cost.", "The talks collapsed"),
    ],
)
def test_a_narrated_fact_the_author_explains_is_a_judgement(text: str, span: str) -> None:
    """A causal link the author asserts (*because*) makes a past report the author's belief."""
    assert spans(text) == [("author", "belief", span)]


@pytest.mark.parametrize(
    "text",
    [
        "Seoul cancelled the talks in 2019.",
        "The talks collapsed in May, and the envoys went home.",
        "Seoul cancelled the talks in 2019, a year after the summit.",
    ],
)
def test_a_narrated_fact_without_an_explanation_stays_a_report(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, two years after the election, she formed a coalition with the Greens.",
        "To meet its goal of 40 frigates, Seoul is buying four ships a year for $900 million.",
    ],
)
def test_a_second_fronted_adverbial_is_no_claim_of_its_own(text: str) -> None:
    """A second fronted adverbial with no verb is part of the clause whose verb follows the
    comma (guidelines §4.3, §7.1): here that clause narrates a fact."""
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "In 2019, a year after the election, the coalition made a grave mistake.",
            "the coalition made a grave mistake",
        ),
    ],
)
def test_the_clause_past_a_second_fronted_adverbial_is_judged(text: str, span: str) -> None:
    assert spans(text) == [("author", "belief", span)]


@pytest.mark.parametrize(
    "text",
    [
        "Brazil is the third-largest buyer of Chilean copper.",
        "Its pension funds are the biggest foreign holders of Peruvian bonds.",
        "Norway is Poland's top gas supplier and the top source of its imports.",
        "Kenya is Uganda's second largest trading partner.",
    ],
)
def test_a_rank_by_amount_is_a_figure(text: str) -> None:
    """A rank by size is a figure stated another way: a report (guidelines §4.1, §4.4)."""
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Most of Chile's copper exports are dependent upon Chinese demand.",
        "Hungary relies on Russian gas for its heating.",
        "The port is reliant on transit fees from its neighbours.",
    ],
)
def test_an_objective_dependence_is_a_fact(text: str) -> None:
    """Objective needs, dependences and interests are facts, not attitudes (§4.4)."""
    assert spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The two navies also cooperate on mine clearance and search and rescue.",
        "Poland is expanding its army with new divisions in the east.",
        "Turkey is building a second reactor on its southern coast.",
        "Chile and Peru jointly conduct naval drills each spring.",
    ],
)
def test_present_conduct_of_a_party_is_a_report(text: str) -> None:
    """Actions are reports, attitudes are claims, whatever the tense (§4.4): what a party does,
    narrated in the simple present or the progressive, is no judgement of the author's."""
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Warsaw's pipeline imports matter more than its rhetoric.", "belief"),
        ("Progress will largely depend on the two leaders' goodwill.", "prediction"),
        ("Seoul is defining the character of the relationship.", "belief"),
        ("The greatest danger for the alliance is its complacency.", "belief"),
        ("Poland perhaps is expanding its army too quickly.", "belief"),
        ("Poland will be expanding its army next year.", "prediction"),
    ],
)
def test_judgements_near_those_reports_stay_claims(text: str, typ: str) -> None:
    """Nouns that look like verbs of conduct (*imports*), verbs that judge or relate (*is
    defining*, *matter*), a modal (*will depend*) or a hedge keep the author's claim."""
    assert [(a, t) for a, t, _ in spans(text)] == [("author", typ)]


@pytest.mark.parametrize(
    "text",
    [
        "Takaichi's party, the conservative Liberal Democratic Party, has governed since 1955.",
        "In January 2025, the UAE's main defense company, EDGE, bought a stake in an Israeli firm.",
    ],
)
def test_an_apposition_to_the_subject_is_no_clause_boundary(text: str) -> None:
    """*X, the Y, verb ...*: the commas set off a name for the subject; the clause (past
    narration here, a report) is whole, never the subject alone."""
    assert spans(text) == []


def test_an_apposition_stays_inside_the_span() -> None:
    assert spans("Japan's prime minister, a hawk, will raise spending.") == [
        ("author", "prediction", "Japan's prime minister, a hawk, will raise spending")
    ]


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # who led whom, to a place or an outcome: narration
        ("In 2026 she led her party to a landslide victory.", []),
        # led X to do Y: a cause the author asserts (§4.4)
        (
            "The sanctions led Moscow to rethink its strategy.",
            [("author", "belief", "The sanctions led Moscow to rethink its strategy")],
        ),
    ],
)
def test_led_is_causal_only_before_an_infinitive(
    text: str, claims: list[tuple[str, str, str]]
) -> None:
    assert spans(text) == claims


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("As China rises, the old order is fading.", "the old order is fading"),
        ("Even as we talk, the risk remains real.", "the risk remains real"),
        (
            "Over the next year, as we have before, we'll keep the risk low.",
            "we'll keep the risk low",
        ),
    ],
)
def test_a_fronted_adverbial_clause_is_no_claim_of_its_own(text: str, span: str) -> None:
    """*As X, P* / *Even as X, P*: the adverbial clause frames the main clause (§7.1)."""
    assert [quote for _, _, quote in spans(text)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Strikes on the border on May 3 show how fragile the truce is.",
        "Shelling on 4 June, as well as raids in the north, underscores the precarious state "
        "of the truce.",
    ],
)
def test_a_dated_clause_with_an_evaluative_word_is_a_judgement(text: str) -> None:
    """Dates signal a report, but an evaluative word (*fragile*, *precarious*) makes the
    clause the author's judgement (§4.4)."""
    assert [(actor, typ) for actor, typ, _ in spans(text)] == [("author", "belief")]


def test_a_dated_clause_without_one_stays_a_report() -> None:
    assert spans("Strikes on the border on May 3 closed two crossings.") == []


def test_may_with_a_verb_of_difference_is_a_belief() -> None:
    """*may differ* conjectures how things are now (§8.1 belief), not what will happen."""
    assert spans("The two drafts may differ on the timetable.") == [
        ("author", "belief", "The two drafts may differ on the timetable")
    ]


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        # A necessity frame in the author's voice (v1.3 §8.1) ...
        ("But there is still much more to be done.", "obligation"),
        ("Much remains to be done on trade.", "belief"),  # the frame must end the clause
        ("Much remains to be done.", "obligation"),
        ("The work to be done.", "belief"),  # no verb of its own: no frame
        # ... and a modal in a relative clause inside an adjunct says nothing of the claim's
        # time, while after a predicate noun it carries the claim.
        ("Seoul is weak in a region that will change.", "belief"),
        ("This is a plan that will fail.", "prediction"),
        ("Seoul is so weak that it will fall.", "prediction"),
    ],
)
def test_the_type_of_the_authors_clause(text: str, typ: str) -> None:
    assert [t for _, t, _ in spans(text)] == [typ]


@pytest.mark.parametrize(
    "text",
    [
        "The new tariffs have raised concerns among some investors about the alliance.",
        "Beijing's tariffs on barley have affected the Australian economy.",
        "The Prime Minister's remarks have eroded Seoul's trust in Tokyo.",
    ],
)
def test_an_effect_the_author_asserts_is_a_judgement(text: str) -> None:
    """A relation between two facts (an effect, on the economy or on others' attitudes) is the
    author's belief (guidelines §4.4, *led to, helped, affected*), also in the past."""
    assert [(a, t) for a, t, _ in spans(text)] == [("author", "belief")]


@pytest.mark.parametrize(
    "text",
    [
        "Policymakers have raised concerns about the new base.",
        "Seoul expressed concerns about the tariffs in May.",
    ],
)
def test_voicing_a_concern_stays_a_report(text: str) -> None:
    """Holders voicing an attitude noun report a public stance (v1.3 change 20)."""
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "span", "cue"),
    [
        (
            "It is unclear how many were moved to Guam.",
            "how many were moved to Guam",
            "It is unclear",
        ),
        ("It remains unclear if Tokyo will pay.", "Tokyo will pay", "It remains unclear"),
        ("It is unclear whether Seoul will agree.", "Seoul will agree", "It is unclear whether"),
    ],
)
def test_an_impersonal_frame_is_the_cue_and_the_question_the_span(
    text: str, span: str, cue: str
) -> None:
    """*It is unclear how/if P* (§11.5: an impersonal frame is quoted as far as it occurs; §7.1:
    the frame is no part of the span): undecided, the cue the whole frame."""
    [claim] = draft_sentence(text)
    assert claim["expectation"]["quote"] == span
    assert [c["quote"] for c in claim["hedge"]["cues"]] == [cue]
    assert claim["hedge"]["certainty"] == "underspecified"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That is our commitment.", "intention"),
        ("We are firm in our resolve to keep the sea lanes open.", "intention"),
        ("Our allies remain steadfast in their support for the sanctions.", "desire"),
        ("They are united in their opposition to the annexation.", "desire"),
        ("That remains our priority.", "desire"),
        # The noun is no predicate of the clause, or no stance noun: the author's belief.
        ("Our support for the sanctions is a costly mistake.", "belief"),
        ("That is our problem.", "belief"),
    ],
)
def test_a_stance_noun_as_the_predicate_gives_the_clause_its_type(text: str, expected: str) -> None:
    """*That is our commitment*, *united in our support of X*: the predicate names the holder's
    attitude, so the clause takes the noun's type (guidelines §4.2 signal 1, §8.1)."""
    assert [t for _, t, _ in spans(text)] == [expected]
