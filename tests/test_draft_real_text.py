"""Rules for constructions of real analytical writing, each with its own examples (sentences
written for these tests, none taken from a corpus document): insertions that interrupt a clause
(`rules/insertion.py`), hedges inside a party's reported content, connectives inside a clause."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import draft_sentence
from claimset.draft.lexicons import lexicons
from claimset.draft.registry import INSERTIONS
from claimset.draft.sentence import Sentence
from draft_samples import fields, inserted, registry

PARTIES = registry("author", "russia", "south_korea", "china", "park", "analysts")


def claims(text: str, recent: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """(holder, type, span, certainty, cue quotes) of each drafted claim."""
    return fields(
        draft_sentence(text, PARTIES, recent=recent), "holder", "type", "span", "certainty", "cues"
    )


def test_every_insertion_rule_is_named_in_syntax_json_in_order() -> None:
    assert len(lexicons().insertions) == len(list(INSERTIONS))
    assert lexicons().insertions[0] is INSERTIONS["brackets"]


@pytest.mark.parametrize(
    ("rule", "text", "insertion"),
    [
        ("brackets", "Seoul (as well as Tokyo) will object.", "( as well as Tokyo )"),
        ("brackets", "(Seoul will object.)", ""),  # a bracket around the whole sentence
        (
            "subject-apposition",
            "The treaty, signed in haste, was never ratified.",
            ", signed in haste ,",
        ),
        (
            "subject-relative",
            "The envoy, who also advises Seoul, has promised to return.",
            ", who also advises Seoul ,",
        ),
        (
            "subject-relative",
            "Park Jin, whose party lost the vote, still wants to lead.",
            ", whose party lost the vote ,",
        ),
        # After the verb's object, or before a coordinated clause: a relative clause is cut.
        ("subject-relative", "Seoul trusts Moscow, which wants calm, and Beijing agrees.", ""),
        (
            "object-relative",
            "The crisis pushed Beijing, with which Moscow trades, to rethink its policy.",
            ", with which Moscow trades ,",
        ),
        ("object-relative", "The crisis hurt Beijing, with which Moscow trades, to a degree.", ""),
        (
            "subject-accompaniment",
            "Higher tariffs, along with a weaker currency, hurt exporters.",
            ", along with a weaker currency ,",
        ),
        (
            "subject-accompaniment",
            "The new tariffs, together with the strikes at the port, have cut exports.",
            ", together with the strikes at the port ,",
        ),
        (
            "subject-accompaniment",
            "Rising debts, in addition to a weaker currency, worry exporters.",
            ", in addition to a weaker currency ,",
        ),
        # Not before a new clause or with a verb inside.
        ("subject-accompaniment", "Seoul objected, along with Tokyo, and Beijing waited.", ""),
        ("subject-accompaniment", "Seoul objected, in addition to Tokyo, and Beijing waited.", ""),
        (
            "fronted-adjunct",
            "Seoul has assessed that by selling arms to Moscow, Beijing may gain leverage.",
            ",",
        ),
        # A verb before the comma: a clause of its own, cut as before.
        ("fronted-adjunct", "Seoul said that Moscow agreed, and Beijing may follow.", ""),
    ],
)
def test_insertions(rule: str, text: str, insertion: str) -> None:
    assert rule in INSERTIONS
    assert inserted(text) == insertion


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject keeps its verb across a relative clause; the clause makes no claim.
        (
            "The envoy, who also wants calm, has promised to return.",
            [("china", "intention", "return", "certain", [])],
        ),
        (
            "Park Jin, who distrusts Moscow, has vowed to expand trade with Seoul.",
            [("park", "intention", "expand trade with Seoul", "certain", [])],
        ),
        # The author's clause runs across the insertion (spans are contiguous, §7.2).
        (
            "The tariffs, along with the new export rules, will hurt Seoul.",
            [
                (
                    "author",
                    "prediction",
                    "The tariffs, along with the new export rules, will hurt Seoul",
                    "certain",
                    [],
                )
            ],
        ),
        # A connective between commas ends no clause.
        (
            "Chinese loans, for example, could bind Seoul.",
            [
                (
                    "author",
                    "prediction",
                    "Chinese loans, for example, could bind Seoul",
                    "possible",
                    ["could"],
                )
            ],
        ),
    ],
)
def test_insertions_keep_the_clause_whole(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text, recent=("china",)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A modal or hedge inside a party's reported content is the party's, not the author's
        # cue (guidelines §11.2, v1.3 Appendix B); a future or open modal makes it a prediction.
        (
            "Seoul said that Moscow might accept the offer.",
            [("south_korea", "prediction", "Moscow might accept the offer", "certain", [])],
        ),
        (
            "Seoul argues Moscow will probably accept the offer.",
            [
                (
                    "south_korea",
                    "prediction",
                    "Moscow will probably accept the offer",
                    "certain",
                    [],
                )
            ],
        ),
        # About the past it stays a belief.
        (
            "Seoul believes that Moscow may have known.",
            [("south_korea", "belief", "Moscow may have known", "certain", [])],
        ),
        # A cue in the shell qualifies the report: the author's.
        (
            "Seoul reportedly said that Moscow will accept the offer.",
            [
                (
                    "south_korea",
                    "prediction",
                    "Moscow will accept the offer",
                    "probable",
                    ["reportedly"],
                )
            ],
        ),
        # The author's own modal stays a cue.
        (
            "Moscow might accept the offer.",
            [("author", "prediction", "Moscow might accept the offer", "possible", ["might"])],
        ),
    ],
)
def test_hedges_inside_a_partys_content_are_the_partys(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Support and opposition are desires, evaluations of what happened beliefs (v1.3 #20);
        # "would welcome" is a wish.
        (
            "Seoul supports a tougher line on Moscow.",
            [("south_korea", "desire", "supports a tougher line on Moscow", "certain", [])],
        ),
        (
            "Seoul welcomed the visit.",
            [("south_korea", "belief", "welcomed the visit", "certain", [])],
        ),
        (
            "Seoul would welcome a visit.",
            [("south_korea", "desire", "welcome a visit", "certain", [])],
        ),
        # A thing supports or requires: a relation, not an attitude.
        ("The new port supports thousands of jobs.", []),
        (
            "Such reforms could require new laws.",
            [
                (
                    "author",
                    "prediction",
                    "Such reforms could require new laws",
                    "possible",
                    ["could"],
                )
            ],
        ),
        # The noun, a purpose infinitive: no verb of support.
        (
            "The plan has broad support in Seoul.",
            [("author", "belief", "The plan has broad support in Seoul", "certain", [])],
        ),
        (
            "Maintaining their support may prove hard.",
            [
                (
                    "author",
                    "prediction",
                    "Maintaining their support may prove hard",
                    "possible",
                    ["may"],
                )
            ],
        ),
        # A finite predicate coordinated after an attitude with its object is a report.
        (
            "Seoul supports the pact and has joined the new forum.",
            [("south_korea", "desire", "supports the pact", "certain", [])],
        ),
    ],
)
def test_support_evaluation_and_relations(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A complement clause without "that" may open with a possessive and hold a preposition;
        # its "likely to" makes the party's claim a prediction, about its own conduct an
        # intention (§4.5).
        (
            "Seoul argues its policy toward Moscow is likely to change.",
            [
                (
                    "south_korea",
                    "intention",
                    "its policy toward Moscow is likely to change",
                    "certain",
                    [],
                )
            ],
        ),
        # Speech inside speech: the innermost named holder (§4.5); "be ready / willing to" + own
        # action is an intention, and a comma inside a short quotation ends no clause.
        (
            'Park Jin said Moscow is "willing to do everything necessary" to end the war.',
            [
                (
                    "russia",
                    "intention",
                    'do everything necessary" to end the war',
                    "certain",
                    [],
                )
            ],
        ),
        (
            'The report asserts that Seoul is ready to "take firm, swift action" at sea.',
            [
                (
                    "south_korea",
                    "intention",
                    'take firm, swift action" at sea',  # v1.4 §7.2: the edge mark is out
                    "certain",
                    [],
                )
            ],
        ),
        (
            "Park Jin argues the talks with Moscow are likely to fail.",
            [("park", "prediction", "the talks with Moscow are likely to fail", "certain", [])],
        ),
        # Without a party inside, the speaker keeps the claim.
        (
            "Park Jin said the talks will fail.",
            [("park", "prediction", "the talks will fail", "certain", [])],
        ),
    ],
)
def test_reported_content(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_a_quoted_statement_keeps_its_boundaries() -> None:
    assert inserted('"We will fight, and we will win," he said.') == ""
    assert inserted('Seoul is ready to "take firm, swift action" at sea.') == ","


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # A list of long noun phrases with a serial comma stays in the span (§7.2), also after an
        # inclusion, with participles before nouns and capitalised names inside.
        (
            "The pact affects trade, including tariffs on steel, the regulation of investment in "
            "key sectors, and the future of the port.",
            "The pact affects trade, including tariffs on steel, the regulation of investment in "
            "key sectors, and the future of the port",
        ),
        (
            "Seoul will weigh the cost of the tariffs, a lack of perceived fairness in the talks, "
            "and the mood in Busan.",
            "Seoul will weigh the cost of the tariffs, a lack of perceived fairness in the talks, "
            "and the mood in Busan",
        ),
        (
            "Seoul could fund it in the Foreign Aid, Trade and Related Programs legislation.",
            "Seoul could fund it in the Foreign Aid, Trade and Related Programs legislation",
        ),
        # Two adjectives of one noun are no coordinated predicates.
        ("Seoul wants a free and open sea.", "wants a free and open sea"),
    ],
)
def test_long_lists_and_adjectives_stay_in_the_span(text: str, span: str) -> None:
    assert [c[2] for c in claims(text)] == [span]


def test_clauses_with_their_own_verbs_are_no_list() -> None:
    spans = [
        c[2]
        for c in claims(
            "Moscow wants calm, Seoul wants trade with the north, and Beijing wants quiet."
        )
    ]
    assert spans == ["wants calm", "wants trade with the north", "wants quiet"]
    assert claims("Seoul agreed, the talks resumed, and trade grew.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Speech verbs of real reports; unnamed critics are the registered outside
        # commentators (guidelines §14.2).
        (
            "Critics noted that the talks with Moscow had stalled.",
            [("analysts", "belief", "the talks with Moscow had stalled", "certain", [])],
        ),
        (
            "Park Jin testified that Moscow will not pay.",
            [("park", "prediction", "Moscow will not pay", "certain", [])],
        ),
        (
            "Park Jin wrote that Moscow will not pay.",
            [("park", "prediction", "Moscow will not pay", "certain", [])],
        ),
        (
            "Seoul acknowledged that the talks with Moscow had stalled.",
            [("south_korea", "belief", "the talks with Moscow had stalled", "certain", [])],
        ),
        (
            "Park Jin pointed out that the talks with Moscow had stalled.",
            [("park", "belief", "the talks with Moscow had stalled", "certain", [])],
        ),
        # A speech verb without its that-clause says nothing.
        ("Moscow added two brigades to the border.", []),
        # A registered group named in lower case is the same group opening a sentence.
        (
            "Experts argue that the talks with Moscow had stalled.",
            [("analysts", "belief", "the talks with Moscow had stalled", "certain", [])],
        ),
        # An attitude word after a preposition is a noun, not a verb.
        ("The statement listed a variety of aims for Seoul.", []),
        # A compound adjective in -led is no causal claim.
        ("In 2020, Seoul blocked U.S.-led efforts at the UN.", []),
    ],
)
def test_report_verbs_and_nouns(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text, recent=("china",)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A speaker's "it / they would" + an action is its own course: an intention (§4.5).
        (
            "Seoul announced it would send an envoy to Moscow.",
            [("south_korea", "intention", "it would send an envoy to Moscow", "certain", [])],
        ),
        # Not an expletive "it would be ...".
        (
            "Seoul said it would be hard to agree.",
            [("south_korea", "prediction", "it would be hard to agree", "certain", [])],
        ),
        # Voicing an attitude noun reports a stance (v1.3 #20): no judgement of the author's.
        ("Many lawmakers have raised concerns about the deal with Moscow.", []),
        ("Seoul expressed strong support for the talks.", []),
    ],
)
def test_speakers_course_and_voiced_attitudes(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_a_fronted_adjunct_stays_in_the_reported_content() -> None:
    assert claims(
        "Seoul has assessed that by selling arms to Moscow, Beijing may gain leverage."
    ) == [
        (
            "south_korea",
            "prediction",
            "by selling arms to Moscow, Beijing may gain leverage",
            "certain",
            [],
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Guidelines §4.4, tense rule: the simple past (and past perfect) of a verb of aim
        # narrates conduct, a report; the present, progressive and present perfect state an aim
        # that still holds.
        ("Seoul initially sought to negotiate with Moscow in private.", []),
        ("Seoul had sought Moscow's support for years.", []),
        ("Russia aimed to divide the allies.", []),
        (
            "Seoul has long sought to negotiate with Moscow in private.",
            [("south_korea", "intention", "negotiate with Moscow in private", "certain", [])],
        ),
        (
            "Seoul is seeking to negotiate with Moscow in private.",
            [("south_korea", "intention", "negotiate with Moscow in private", "certain", [])],
        ),
        (
            "Seoul seeks to negotiate with Moscow in private.",
            [("south_korea", "intention", "negotiate with Moscow in private", "certain", [])],
        ),
        # A past attitude verb is still an attitude (§4.4): not a verb of aim.
        (
            "Seoul hoped that Moscow would help.",
            [("south_korea", "desire", "Moscow would help", "certain", [])],
        ),
    ],
)
def test_past_aims_are_reports(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # *yet* after an auxiliary, a modal, a negation or *as* is the adverb, not a
        # conjunction: one clause.
        (
            "Russia may yet surprise its critics.",
            [("author", "prediction", "Russia may yet surprise its critics", "possible", ["may"])],
        ),
        (
            "As yet, Beijing has shown no interest in a deal.",
            [("author", "belief", "Beijing has shown no interest in a deal", "certain", [])],
        ),
        # "has yet to" narrates what has not happened so far: a report, no claim (§4.4).
        ("The two presidents have yet to exchange a state visit.", []),
        # The conjunction still parts two clauses.
        (
            "Moscow wants calm, yet Seoul wants trade.",
            [
                ("russia", "desire", "wants calm", "certain", []),
                ("south_korea", "desire", "wants trade", "certain", []),
            ],
        ),
        # A condition by inversion is not asserted (§4.3), as an *if* clause.
        (
            "Should the talks fail, Seoul will pay the price.",
            [("author", "prediction", "Seoul will pay the price", "certain", [])],
        ),
        (
            "Had it not been for Russian aid, Pyongyang would have fallen.",
            [("author", "prediction", "Pyongyang would have fallen", "certain", [])],
        ),
        # An inverted question is no condition.
        (
            "Should Seoul join the pact?",
            [("author", "obligation", "Should Seoul join the pact", "underspecified", [])],
        ),
    ],
)
def test_adverbial_yet_and_inverted_conditions(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_neither_nor_denies_the_attitude_of_each_party() -> None:
    drafted = draft_sentence("Neither Moscow nor Seoul wants a war.", PARTIES)
    assert [(c["actor"]["ref"], c["actor"]["quote"], c["polarity"]) for c in drafted] == [
        ("russia", "Moscow", "negative"),
        ("south_korea", "Seoul", "negative"),
    ]
    # "nor" alone joins no subject list.
    drafted = draft_sentence("Seoul does not want war, nor Tokyo.", PARTIES)
    assert [c["actor"]["ref"] for c in drafted] == ["south_korea"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A stance adjective after any form of a linking verb (*seem, appear, become, remain*).
        (
            "Moscow's leaders seem determined to press on.",
            [("russia", "intention", "press on", "probable", ["seem"])],
        ),
        (
            "Seoul's diplomats appear convinced that trade will recover.",
            [("south_korea", "prediction", "trade will recover", "probable", ["appear"])],
        ),
        (
            "Seoul remained convinced that Moscow would help.",
            [("south_korea", "prediction", "Moscow would help", "certain", [])],
        ),
        # British spellings of the lexicon's verbs.
        (
            "Seoul has signalled that it will join the pact.",
            [("south_korea", "intention", "it will join the pact", "certain", [])],
        ),
        # A party's reported should / must on another party is its demand (§8.2); on its own
        # conduct its intention (v1.3 change 25); an epistemic must stays a belief.
        (
            "Seoul said that Tokyo must apologize.",
            [("south_korea", "demand", "Tokyo must apologize", "certain", [])],
        ),
        (
            "Moscow argued that Seoul should drop the claims.",
            [("russia", "demand", "Seoul should drop the claims", "certain", [])],
        ),
        (
            "Moscow said that it must respond.",
            [("russia", "intention", "it must respond", "certain", [])],
        ),
        (
            "Seoul said that Tokyo must have known.",
            [("south_korea", "belief", "Tokyo must have known", "certain", [])],
        ),
        # A second past attitude verb with its infinitive is a predicate of its own (§5).
        (
            "Beijing criticized the tariffs and vowed to retaliate.",
            [
                ("china", "belief", "criticized the tariffs", "certain", []),
                ("china", "intention", "retaliate", "certain", []),
            ],
        ),
        # A joint "agreed to" goes on narrating: a report.
        ("The two leaders met in Kazan and agreed to resume patrols.", []),
        # A directive verb with a particle directs no one: no demand.
        ("Moscow pressed on with the offensive.", []),
        ("Seoul pushed back against the tariffs.", []),
        (
            "Seoul pressed Moscow to condemn the test.",
            [("south_korea", "demand", "Moscow to condemn the test", "certain", [])],
        ),
        # A conclusion frame points back; the claim is the clause after *why* (§7.1).
        (
            "That is why Seoul should stay out of the dispute.",
            [("author", "obligation", "Seoul should stay out of the dispute", "certain", [])],
        ),
        (
            "This is why Tokyo will hesitate.",
            [("author", "prediction", "Tokyo will hesitate", "certain", [])],
        ),
        # A comparative correlative: the first half is its condition (§4.3).
        (
            "The longer the war lasts, the weaker Russia will become.",
            [("author", "prediction", "the weaker Russia will become", "certain", [])],
        ),
        (
            "The sooner Tokyo acts, the better.",
            [("author", "belief", "The sooner Tokyo acts", "certain", [])],
        ),
        ("The leader, the member of the party, wants calm.", []),
        # Impersonal advice frames recommend (§8.1): the party after *for* is the target.
        (
            "It would be wise for Moscow to lower tensions.",
            [("author", "obligation", "lower tensions", "certain", [])],
        ),
        (
            "Seoul would do better to invest at home.",
            [("author", "obligation", "Seoul would do better to invest at home", "certain", [])],
        ),
        (
            "It is high time that Seoul took the lead.",
            [("author", "obligation", "Seoul took the lead", "certain", [])],
        ),
        # An attitude noun a party has (§4.2); "no" denies it (§10).
        (
            "Moscow has no intention of backing down.",
            [("russia", "intention", "backing down", "certain", [])],
        ),
        (
            "Seoul has every intention of staying in the pact.",
            [("south_korea", "intention", "staying in the pact", "certain", [])],
        ),
        # Stance nouns of a party's reckoning (Biber et al. 1999, §8.13).
        (
            "Moscow's calculation is that Seoul will stay.",
            [("russia", "belief", "Seoul will stay", "certain", [])],
        ),
        (
            "Seoul's worry is that the alliance will fray.",
            [("south_korea", "prediction", "the alliance will fray", "certain", [])],
        ),
        # An objective interest is no attitude (§4.4): the author's judgement.
        (
            "Moscow has an interest in keeping the war going.",
            [
                (
                    "author",
                    "belief",
                    "Moscow has an interest in keeping the war going",
                    "certain",
                    [],
                )
            ],
        ),
        # A demonym before an attitude word makes it a noun: no party's demand or hope.
        (
            "Russian demands for a buffer zone are unacceptable.",
            [
                (
                    "author",
                    "belief",
                    "Russian demands for a buffer zone are unacceptable",
                    "certain",
                    [],
                )
            ],
        ),
        # "The Chinese" are the people: the verb's subject.
        (
            "The Chinese hope that Moscow will blink.",
            [("china", "desire", "Moscow will blink", "certain", [])],
        ),
        # A fronted alternative is not asserted (§4.3): the claim is the main clause.
        (
            "Rather than confront Moscow, Seoul has chosen to hedge.",
            [("author", "belief", "Seoul has chosen to hedge", "certain", [])],
        ),
        # A denied doubt is no hedge: the content stands.
        (
            "Few doubt that Moscow will retaliate.",
            [("author", "prediction", "Moscow will retaliate", "certain", [])],
        ),
    ],
)
def test_linking_verbs_particles_conclusions_and_correlatives(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "temporal"),
    [
        ("Since the embassies reopened, not a single missile has struck Seoul.", True),
        ("Since 2022, trade has fallen.", True),
        ("Since Moscow wants calm, it will stay out.", False),
    ],
)
def test_since_of_time_is_no_reasoning(text: str, temporal: bool) -> None:
    """A *since* of time narrates (an `event` fact), a *since* of cause reasons (§13.3)."""
    from claimset.draft.openings import temporal_since

    assert temporal_since(Sentence(text).low, 0) is temporal


def test_no_intention_is_a_negative_intention() -> None:
    drafted = draft_sentence("Moscow has no intention of backing down.", PARTIES)
    assert [(c["actor"]["quote"], c["polarity"]) for c in drafted] == [("Moscow", "negative")]
