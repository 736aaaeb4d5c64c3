"""Reports, not claims (guidelines §4.3-§4.5): narrated acts, what a law or agreement
provides, legal and scheduled status. Each test pairs reports with the claims next to them."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import PARTIES, claims


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


@pytest.mark.parametrize(
    "text",
    [
        "Unlike its Gulf neighbours, Seoul exports little oil.",
        "Participating personnel are subject to vetting by the council.",
        "His term is slated to end in June 2030.",
        "Such firms are not eligible for the subsidy.",
        "I’m the first Japanese leader to visit Seoul in time of war.",
        "Tokyo was the last capital to recognise the new government.",
        "Park is the only cabinet minister to have visited Tokyo this year.",
    ],
)
def test_acts_statuses_and_ranks_are_reports(text: str) -> None:
    """A verbless phrase of comparison (*Unlike its neighbours*), a legal or scheduled status
    (*are subject to*, *is slated to*) and a rank by the record (*the first leader to visit*):
    checked in the record, reports (§4.4)."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks are scheduled to resume in May, and Tokyo will attend.",
            [("author", "prediction", "Tokyo will attend")],
        ),
        (
            "The plan may be subject to review.",
            [("author", "prediction", "The plan may be subject to review")],
        ),
        (
            "Seoul is the most widely admired partner in the region.",
            [("author", "belief", "Seoul is the most widely admired partner in the region")],
        ),
        (
            "This is the first step to lasting peace.",
            [("author", "belief", "This is the first step to lasting peace")],
        ),
        # "only" ranks by the record only with a perfect infinitive: else it judges.
        (
            "Diplomacy is the only way to end the war.",
            [("author", "belief", "Diplomacy is the only way to end the war")],
        ),
        (
            "Unlike its Gulf neighbours, Seoul wants a deal.",
            [("south_korea", "desire", "wants a deal")],
        ),
    ],
)
def test_next_to_reports_judgements_stay_claims(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """A modal (not the month *May*), a rank of esteem, a noun after *the first step to*, and
    the clause after a phrase of comparison are judged as before."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Canada and Brazil declined Japan's requests to lead such a force.",
        "As of September, the ministry had granted requests to several importers.",
        "Tokyo rejected demands to apologize.",
        "Tokyo ignored calls to resign.",
    ],
)
def test_an_attitude_noun_as_the_object_of_a_past_verb_makes_no_claim(text: str) -> None:
    """*rejected demands to ...*, *had granted requests to ...*: a finite verb cannot follow
    another one, so the word is a noun with no predicate of its own (§4.3)."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plan Seoul announced calls for deep cuts.",
            [("south_korea", "demand", "calls for deep cuts")],
        ),
        ("Seoul expected talks to resume.", [("south_korea", "demand", "talks to resume")]),
        (
            "Tokyo urged Seoul to stop the tests.",
            [("japan", "demand", "Seoul to stop the tests")],
        ),
    ],
)
def test_a_verb_after_a_reduced_relative_or_a_cue_before_a_noun_stays(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """In a reduced relative clause (*the plan Seoul announced*) the word after the past verb
    is the main verb; an attitude verb before a noun object keeps its claim."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Relations between Tokyo and Seoul have encountered turbulence in 2026.",
            "Relations between Tokyo and Seoul have encountered turbulence in 2026",
        ),
        (
            "Tokyo's policy toward Beijing has shifted repeatedly since the war began.",
            "Tokyo's policy toward Beijing has shifted repeatedly since the war began",
        ),
        (
            "The situation has continued to deteriorate in 2025.",
            "The situation has continued to deteriorate in 2025",
        ),
        ("Japanese-Korean ties soured in 2019.", "Japanese-Korean ties soured in 2019"),
    ],
)
def test_how_relations_changed_is_the_authors_reading(text: str, span: str) -> None:
    """The course of relations or of a situation between parties sums up many events: the
    author's belief, also in the past (§4.4)."""
    assert claims(text) == [("author", "belief", span)]


@pytest.mark.parametrize(
    "text",
    [
        "Japanese-Korean trade ties grew 5% in 2019.",
        "Seoul cooled its ties with Tokyo in 2019.",
        "Seoul's exports deteriorated in quality in 2019 and 2020.",
    ],
)
def test_a_figure_or_a_partys_act_stays_a_report(text: str) -> None:
    """A figure, a party's own act (*Seoul cooled its ties*) and a change of a thing that is
    no relation stay reports."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The thaw has brought gains, but it rests on a bond between two leaders.",
            [("author", "belief", "it rests on a bond between two leaders")],
        ),
        (
            "Tokyo wants calm, but it fears the cost.",
            [("japan", "desire", "wants calm"), ("japan", "prediction", "fears the cost")],
        ),
        (
            "The talks are no guarantee, and the risk remains real.",
            [
                ("author", "belief", "The talks are no guarantee"),
                ("author", "belief", "the risk remains real"),
            ],
        ),
    ],
)
def test_a_coordinated_clause_with_a_pronoun_subject_or_a_linking_verb_is_a_clause(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """The word after a subject pronoun is its verb (*it rests*), also in the present -s form
    that the finite-verb test does not know, and so is a finite linking verb (*remains*): the
    clause is no verbless fragment."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Based on the understanding that there will be inspections, Tokyo agreed to wait.",
            [],
        ),
        ("In light of the fact that talks will resume, Tokyo agreed to wait.", []),
        (
            "In view of the risks, Seoul should wait.",
            [("author", "obligation", "Seoul should wait")],
        ),
        (
            "Tokyo's policy is based on trust.",
            [("author", "belief", "Tokyo's policy is based on trust")],
        ),
    ],
)
def test_a_premise_phrase_opening_the_sentence_makes_no_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """*Based on / In light of / In view of* + a noun phrase is a premise like *given that* and
    *because of* (§4.3): the content of its noun is presupposed; the clause after it, and a
    predicate *is based on*, are judged as before."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Trade Act of 1974 stipulates that the President may not grant such benefits.",
        "For example, the Foreign Aid, Export Finance, and Related Programs Act, 2019 (P.L. "
        "116-9, Title IV), provides that funds for the program may not be used for arms.",
        "Section 12(a)(3) of the Maritime Security, Fisheries, and Coast Guard Act, 2021 "
        "(MSFCA; P.L. 117-2), for example, requires the ministry to publish its patrol data.",
    ],
)
def test_what_a_law_with_a_long_name_provides_is_a_report(text: str) -> None:
    """An instrument's name with its year, commas and a bracket before its verb is still the
    subject: what it provides or requires is a report, its modal no cue (guidelines §4.5:
    laws speak for nobody)."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo stipulates that the talks may not resume.",
            [("author", "prediction", "the talks may not resume")],
        ),
        (
            "The act's sponsors say that exports may suffer.",
            [("author", "prediction", "exports may suffer")],
        ),
    ],
)
def test_a_party_or_a_person_before_the_verb_is_no_instrument(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """A name or a noun that is no instrument heads the subject: the modal stays a claim's."""
    assert [(h, t, span) for h, t, span in claims(text) if t == "prediction"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Before any transfer, the agency must screen each buyer for links to armed groups, "
            "pursuant to two laws known as the Baltic Acts.",
            [],
        ),
        (
            "Seoul must act now, under pressure from its voters.",
            [("author", "obligation", "Seoul must act now")],
        ),
        (
            "Tokyo should screen each buyer, under the 2019 act.",
            [("author", "obligation", "Tokyo should screen each buyer, under the 2019 act")],
        ),
    ],
)
def test_a_frame_after_the_clause_naming_its_law_makes_a_report(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """*..., pursuant to two laws*: like a fronted frame, the clause is what the law provides
    (§4.4); a frame naming no instrument, or a judging modal (*should*), leaves the claim."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 2023 law requires the ministry to report on the cost of the patrols, their effect "
        "on fishing, and how the patrols may be expanded, among other things.",
        "Tokyo is studying the response, and whether (and if so, how) such transfers may "
        "affect trade.",
    ],
)
def test_an_embedded_question_listed_after_a_clause_makes_no_claim(text: str) -> None:
    """*..., and how the patrols may be expanded*: a question the author lists, not answers;
    its modal is no cue (guidelines §4.3, "Embedded questions are not asserted")."""
    assert [span for _, _, span in claims(text) if "may" in span] == []


@pytest.mark.parametrize(
    "text",
    [
        "The island borders the Sea of Japan and straddles two shipping lanes.",
        "The Baltic forum comprises five states and consists of two chambers.",
        "Latvia is also one of five founding members of the Baltic forum.",
        "Several of the firm's training centres are also based in Riga.",
    ],
)
def test_where_a_party_lies_and_what_it_is_made_of_are_reports(text: str) -> None:
    """Borders, routes, composition, location and membership of a counted group, in the
    present: geography and the record, checked and not argued (guidelines §4.4)."""
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our goals include a stable peace.",
            [("author", "belief", "Our goals include a stable peace")],
        ),
        (
            "Seoul is one of Tokyo's most important partners.",
            [("author", "belief", "Seoul is one of Tokyo's most important partners")],
        ),
        (
            "The real threat includes Tokyo's isolation.",
            [("author", "belief", "The real threat includes Tokyo's isolation")],
        ),
        (
            "The new routes will include the Strait.",
            [("author", "prediction", "The new routes will include the Strait")],
        ),
    ],
)
def test_an_aim_a_ranking_a_danger_or_a_modal_stays_a_claim(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """A subject that names an aim or a danger, an evaluative ranking (*most important*, no
    count) or a modal leave the clause the author's claim."""
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, the tariff war coincided with a fall in Korean exports to Japan.",
        "The 2015 accord set the stage for further disputes over the islands.",
        "The 2011 floods necessitated a rapid rebuilding of the port.",
        "Higher fuel prices in 2022 rendered the route unprofitable.",
        "The blockade was the reason the talks collapsed in 2020.",
    ],
)
def test_a_relation_between_dated_facts_is_the_authors_belief(text: str) -> None:
    """*coincided with*, *set the stage for*, *necessitated*, *rendered*, *was the reason*:
    a predicate that relates two facts is the author's reading even in past narration with a
    date (guidelines §4.4, "asserted relations between facts are claims")."""
    assert [(h, t) for h, t, _ in claims(text)] == [("author", "belief")]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The 2015 accord set the stage for further provocations by Tokyo.", "japan"),
        ("The 2015 accord rendered the version referenced by Tokyo obsolete.", None),
    ],
)
def test_the_agent_of_an_action_noun_is_the_target(text: str, target: str | None) -> None:
    """*provocations by Tokyo*: the party that does what the action noun names is what the
    author's claim is about (guidelines §9); the agent of a passive participle is not."""
    assert [c["expectation"]["target"] for c in draft_sentence(text, PARTIES)] == [target]
