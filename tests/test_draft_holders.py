"""Who holds a claim when the holder is not the subject right before the verb (guidelines §5,
§6.1; `rules/actor.py`): a predicate coordinated with the one before shares its subject, a
participle after *with* has its own, the object of an earlier verb is no holder. The
sentences are written for these tests, none taken from a corpus document."""

from __future__ import annotations

from typing import Any

import pytest
from claimset.draft import ActorIndex, draft_sentence
from draft_samples import fields, registry

PARTIES = registry("author", "japan", "south_korea", "china", "park")


def claims(text: str) -> list[tuple[Any, ...]]:
    """(holder, actor quote, type, span) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES), "holder", "actor_quote", "type", "span")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A predicate after "but" without a subject of its own: the first one's subject holds
        # it, quoted, although the first predicate is no claim.
        (
            "Seoul has worked with Tokyo on trade but has opposed any new base.",
            [("south_korea", "Seoul", "desire", "opposed any new base")],
        ),
        # ... and when the first predicate is a claim, each keeps its own.
        (
            "Seoul criticized the tariffs as unfair, but also urged Beijing to cut them.",
            [
                ("south_korea", "Seoul", "belief", "criticized the tariffs as unfair"),
                ("south_korea", "Seoul", "demand", "Beijing to cut them"),
            ],
        ),
        # A participle after the main clause: its subject.
        (
            "Seoul met with Park Jin, hoping for a truce.",
            [("south_korea", "Seoul", "desire", "hoping for a truce")],
        ),
        # The object of the first verb is no holder of the second.
        (
            "Park Jin visited Tokyo and urged Seoul to cut tariffs.",
            [("park", "Park Jin", "demand", "Seoul to cut tariffs")],
        ),
        # An absolute construction: "with X V-ing", X is the participle's subject.
        (
            "Troops fought on, with Park Jin hoping for a truce.",
            [("park", "Park Jin", "desire", "hoping for a truce")],
        ),
    ],
)
def test_the_holder_of_a_predicate_without_its_own_subject(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clause with its own subject keeps it.
        (
            "Seoul has worked with Tokyo, but Beijing has opposed any new base.",
            [("china", "Beijing", "desire", "opposed any new base")],
        ),
        # A noun after "and" is no coordinated predicate.
        ("Tokyo's trade with Seoul grew, and hopes for a deal rose.", []),
        # The verb before the coordinator has no party as subject: no holder to share.
        ("The talks on Tokyo's plan stalled but opposed any new base.", []),
    ],
)
def test_no_shared_subject(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert [c for c in claims(text) if c[0] != "author"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A content clause without "that" whose subject is a bare noun, after an inflected
        # saying verb: the speaker's claim (§4.5).
        (
            "Tokyo says trade will recover.",
            [("japan", "Tokyo", "prediction", "trade will recover")],
        ),
        ("Park Jin claimed fraud occurred.", [("park", "Park Jin", "belief", "fraud occurred")]),
        # ... or a determined subject with a past verb and its object.
        (
            "Tokyo noted the region faced its worst crisis in decades.",
            [("japan", "Tokyo", "belief", "the region faced its worst crisis in decades")],
        ),
        # A quotation may open between the subject and its verb.
        (
            'Seoul asserted Tokyo "will not stop the drills."',
            [("south_korea", "Seoul", "prediction", 'Tokyo "will not stop the drills')],
        ),
        # A that-clause after an adjunct of place and time.
        (
            "Park Jin testified to parliament in March 2026 that Beijing will test a missile.",
            [("park", "Park Jin", "prediction", "Beijing will test a missile")],
        ),
    ],
)
def test_the_speaker_of_a_content_clause(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An adjective and its noun ("recent and planned projects") is no subject.
        "Seoul welcomed recent and planned projects.",
        # A past participle ending a relative clause without "that" has no object.
        "Seoul criticized the tariffs Beijing imposed, quotas and bans.",
    ],
)
def test_an_object_is_no_content_clause(text: str) -> None:
    assert [c[3].split()[0] for c in claims(text)] == [text.split()[1]]  # from the verb


def test_a_bare_word_after_an_uninflected_form_is_no_subject() -> None:
    # "state" is a noun here, not the saying verb: no content clause "media have ...".
    assert claims("Chinese state media have toned down their attacks.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Stance adjectives after a linking verb of change or staying, and after "with".
        (
            "Tokyo has grown uneasy about the new base.",
            [("japan", "Tokyo", "belief", "uneasy about the new base")],
        ),
        (
            "Tokyo remained sceptical that the talks would resume.",
            [("japan", "Tokyo", "prediction", "the talks would resume")],
        ),
        (
            "Seoul is unhappy with the pace of the talks.",
            [("south_korea", "Seoul", "belief", "unhappy with the pace of the talks")],
        ),
        (
            "Seoul is optimistic that the talks will resume.",
            [("south_korea", "Seoul", "prediction", "the talks will resume")],
        ),
    ],
)
def test_a_stance_predicate_with_a_holder(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_the_authors_self_description_is_the_authors_claim() -> None:
    # Guidelines §4.3: "as someone who believes P", said of the author, asserts P.
    text = "I write this as someone who believes the truce will hold."
    assert claims(text) == [("author", "I", "prediction", "the truce will hold")]
    # Not a self-description of the author: the claim is not the author's.
    text = "Park Jin, as someone who believes the truce will hold, signed."
    assert all(c[0] != "author" for c in claims(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A negation or a contracted copula between the copula and the stance adjective.
        (
            "Tokyo is not eager to reopen the talks.",
            [("japan", "Tokyo", "desire", "reopen the talks")],
        ),
        (
            "Seoul is definitely not interested in a summit.",
            [("south_korea", "Seoul", "desire", "interested in a summit")],
        ),
        # "see value in Y" judges Y worthwhile: a belief.
        (
            "Beijing sees value in reviving the trilateral summit.",
            [("china", "Beijing", "belief", "sees value in reviving the trilateral summit")],
        ),
    ],
)
def test_a_stance_with_a_negation_or_an_evaluation(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(text) == expected
    negative = draft_sentence(text, PARTIES)[0]["polarity"] == "negative"
    assert negative == (" not " in text)


@pytest.mark.parametrize(
    "text",
    [
        "I think the truce will hold.",
        "I would only note that the truce will hold.",
        "Let me conclude by noting that the truce will hold.",
    ],
)
def test_the_authors_i_is_never_the_party_of_the_context(text: str) -> None:
    """*I, me* name the author (§6.1): the holder of the frame's content is the author, not
    the party the sentences before were about."""
    drafted = draft_sentence(text, PARTIES, recent=["japan"])
    assert [(c["actor"]["ref"], c["expectation"]["quote"]) for c in drafted] == [
        ("author", "the truce will hold")
    ]


def test_a_party_before_the_verb_still_holds_with_an_i_in_the_sentence() -> None:
    drafted = draft_sentence("Tokyo told me that the truce will hold.", PARTIES, recent=["china"])
    assert [c["actor"]["ref"] for c in drafted] == ["japan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Directives and conditions (§8.1 demand; §4.5 conditions are demands).
        (
            "Beijing encouraged Seoul to return to the talks.",
            [("china", "Beijing", "demand", "Seoul to return to the talks")],
        ),
        (
            "Tokyo has conditioned its support on Seoul dropping the claim.",
            [("japan", "Tokyo", "demand", "conditioned its support on Seoul dropping the claim")],
        ),
        (
            "Tokyo advocates closer ties with Seoul.",
            [("japan", "Tokyo", "demand", "advocates closer ties with Seoul")],
        ),
    ],
)
def test_directives_and_conditions(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A conditioned reflex kept Tokyo quiet.",  # no "on": an adjective
        "Encouraging signs came from Seoul.",  # no object and infinitive
        "Advocates of a deal met in Tokyo.",  # a noun
    ],
)
def test_no_directive_without_its_complement(text: str) -> None:
    assert all(c[2] != "demand" for c in claims(text))


def test_a_party_after_by_is_an_agent_only_after_a_participle() -> None:
    """*released by X*: X is the agent; *attacks on and by X underscore ...*: X is inside the
    subject's noun phrase and holds nothing."""
    text = "The statement released by Tokyo urged Seoul to act."
    assert claims(text)[0][:2] == ("japan", "Tokyo")
    drafted = draft_sentence(
        "Attacks on and by Tokyo, as well as raids near Seoul, underscore the fragile and "
        "contested nature of the truce.",
        PARTIES,
        recent=["china"],
    )
    assert [c["actor"]["ref"] for c in drafted] == ["author"]


def test_a_relative_clause_with_a_cue_and_an_attitude_is_the_partys_claim() -> None:
    """§4.3: *Beijing, which reportedly urged Pyongyang to ...* is Beijing's demand with the cue,
    no author claim; the relative pronoun refers to the last name of a list alone, and the span
    ends at the closing bracket."""
    text = (
        "Officials from Tokyo and Beijing (which reportedly urged Seoul to return to the talks) "
        "stayed silent."
    )
    drafted = draft_sentence(text, PARTIES)
    assert [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"]) for c in drafted
    ] == [("china", "demand", "Seoul to return to the talks")]
    assert [q["quote"] for q in drafted[0]["hedge"]["cues"]] == ["reportedly"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Deliberating one's own course is an intention (v1.3 §8.1) ...
        (
            "Seoul is considering holding the summit in May.",
            [("south_korea", "Seoul", "intention", "considering holding the summit in May")],
        ),
        # ... a judgement stays a belief.
        (
            "Seoul considers the summit a success.",
            [("south_korea", "Seoul", "belief", "considers the summit a success")],
        ),
    ],
)
def test_consider_a_course_or_a_judgement(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


def test_an_option_after_a_modal_is_the_authors() -> None:
    """§8.2: *Tokyo could consider holding ...* lists an option: the author's prediction."""
    assert [(c[0], c[2]) for c in claims("Tokyo could consider holding the summit in May.")] == [
        ("author", "prediction")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo also may consider other steps, such as new port fees.",
            [("author", "prediction")],
        ),
        (
            "Seoul may consider a review of the accord as well as new tariffs.",
            [("author", "prediction")],
        ),
        ("Tokyo considers the accord as a threat.", [("japan", "belief")]),
    ],
)
def test_such_as_and_as_well_as_make_no_judgement_of_consider(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """*consider other steps, such as ...*: the *as* of an example or an addition is not the
    *as* of *consider X as Y* (a judgement), so the modal's option stays the author's (§8.2)."""
    assert [(c[0], c[2]) for c in claims(text)] == expected


def test_a_pronoun_after_a_semicolon_is_the_new_clauses_subject() -> None:
    """*it* after *said* in the clause a semicolon opens stands for that clause's subject, also
    with a quotation opening between it and its verb."""
    text = 'Tokyo welcomed the truce; Seoul said it was "seeking clarification of the terms."'
    got = claims(text)
    assert ("south_korea", "it", "desire", "seeking clarification of the terms") in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A standing aim with its aim stated (§4.4, §8.1) ...
        (
            "Tokyo is pursuing closer ties with Seoul.",
            [("japan", "Tokyo", "intention", "pursuing closer ties with Seoul")],
        ),
        (
            "Tokyo has pursued closer ties with Seoul.",
            [("japan", "Tokyo", "intention", "pursued closer ties with Seoul")],
        ),
        # ... an attitude noun after a possessive, with its infinitive ...
        (
            "Tokyo announced its plan to build a second base.",
            [("japan", "Tokyo", "intention", "build a second base")],
        ),
        # ... a judgement with a that-clause, also in a predicate after "but".
        (
            "Park Jin visited Seoul but found that the talks had stalled.",
            [("park", "Park Jin", "belief", "the talks had stalled")],
        ),
    ],
)
def test_aims_plans_and_findings(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo pursued closer ties with Seoul in 2019.",  # the simple past narrates (§4.4)
        "Tokyo pursues its own interests.",  # no stated aim: the author's characterisation
        "The report found that exports fell.",  # a document's finding, no party's
        "Tokyo's plan to build a second base angered Seoul.",  # the noun phrase presupposes it
    ],
)
def test_no_party_claim_for_narration_or_an_unstated_aim(text: str) -> None:
    assert all(c[0] in ("author",) for c in claims(text)), claims(text)


def test_a_hedge_passive_is_no_implicit_holder() -> None:
    """*visas that are suspected of being used ...*: the hedge phrase of Appendix B, the
    author's doubt (§4.3 cue rule), not an attitude of the party of the context."""
    drafted = draft_sentence(
        "Tokyo granted visas that are suspected of being used by smugglers.",
        PARTIES,
        recent=["china"],
    )
    assert [c["actor"]["ref"] for c in drafted] == ["author"]
    assert [q["quote"] for q in drafted[0]["hedge"]["cues"]] == ["are suspected of"]


def test_the_two_allies_are_both_parties_of_the_context() -> None:
    """*the two allies*, like *the two sides*, stands for the two most recent parties: one claim
    each (§14.3)."""
    drafted = draft_sentence(
        "The two allies have said that the talks will resume.", PARTIES, recent=["japan", "china"]
    )
    assert sorted(c["actor"]["ref"] for c in drafted) == ["china", "japan"]


def test_a_persons_thing_describes_no_registered_group() -> None:
    """*His partnership with Seoul* is no description of the registered *security
    partnership*: a content word of a group's name after *his / her* names the person's thing
    (guidelines §6.1), so the group holds nothing."""
    index = ActorIndex(
        [
            {"id": "author", "name": "The essay's author", "kind": "author"},
            {"id": "pact", "name": "the Pacific security partnership", "kind": "organization"},
        ]
    )
    drafted = draft_sentence("His partnership with Seoul wants a quick deal.", index)
    assert "pact" not in [c["actor"]["ref"] for c in drafted]
    drafted = draft_sentence("The partnership wants a quick deal.", index)
    assert [c["actor"]["ref"] for c in drafted] == ["pact"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A contracted auxiliary between the author's "I" and the frame (§6.1).
        ("I’m hoping the truce will hold.", "the truce will hold"),
        ("I'd say that the truce will hold.", "the truce will hold"),
        # A generic "you" is the author's own voice, never a party of the context (§6.1).
        ("You don’t want a war with Beijing.", "want a war with Beijing"),
        ("You would expect Tokyo to back down.", "Tokyo to back down"),
        ("If you ask me, you can’t expect Tokyo to back down.", "Tokyo to back down"),
    ],
)
def test_contracted_i_and_generic_you_are_the_author(text: str, expected: str) -> None:
    drafted = draft_sentence(text, PARTIES, recent=["japan"])
    assert [(c["actor"]["ref"], c["expectation"]["quote"]) for c in drafted] == [
        ("author", expected)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A thing that "suggests" or "shows" speaks for nobody: the author reads the sign.
        ("His long friendship with Park suggests that Seoul will soften its line.", "author"),
        ("The polls indicate that Tokyo will call an election.", "author"),
        ("The latest figures show that Seoul will miss its target.", "author"),
        # A document speaks for its issuer, people and parties speak for themselves (§14.2):
        # with no party named, the party of the context.
        ("The strategy says that Tokyo will rearm.", "japan"),
        ("Officials say that Tokyo will rearm.", "japan"),
        ("The government says that it will rearm.", "japan"),
        ("Some say that Tokyo will rearm.", "japan"),
    ],
)
def test_a_thing_that_says_is_no_party(text: str, expected: str) -> None:
    drafted = draft_sentence(text, PARTIES, recent=["japan"])
    assert [c["actor"]["ref"] for c in drafted] == [expected]


BLOCS = registry(
    "author",
    "japan",
    {
        "id": "aukus",
        "name": "AUKUS (Australia-United Kingdom-United States security partnership)",
        "aliases": ["AUKUS", "the AUKUS partners"],
        "kind": "organization",
    },
    {
        "id": "japanese_business",
        "name": "the Japanese business community",
        "aliases": ["Japanese investors"],
        "kind": "group",
    },
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The words of a bracketed gloss, of a proper name and relation nouns describe no group.
        ("His security partnership with Tokyo hopes to expand trade.", "japan"),
        ("The partners welcomed the new initiatives.", "japan"),
        ("The United Kingdom hopes to expand trade.", "japan"),
        # A common noun of a group's name does (guidelines §14.2).
        ("Business leaders in Osaka hope to expand trade.", "japanese_business"),
        ("Many investors hope to expand trade.", "japanese_business"),
    ],
)
def test_a_described_group_is_named_by_its_common_nouns(text: str, expected: str) -> None:
    drafted = draft_sentence(text, BLOCS, recent=["japan"])
    assert [c["actor"]["ref"] for c in drafted][:1] == [expected]


@pytest.mark.parametrize(
    ("text", "recent", "expected"),
    [
        # "we" never holds as the party its attitude is directed at (a party does not call
        # on itself): the context's next party, else the author.
        ("We call on Tokyo to lift the export ban.", ("japan",), ("author", "japan")),
        (
            "We also call on Beijing to show restraint in the strait.",
            ("china", "south_korea"),
            ("south_korea", "china"),
        ),
        # A party of the context that the clause does not name is left as it was.
        ("We would also expect a long period of calm.", ("japan",), ("japan", None)),
    ],
)
def test_we_is_never_the_party_its_attitude_is_directed_at(
    text: str, recent: tuple[str, ...], expected: tuple[str, str | None]
) -> None:
    (claim,) = draft_sentence(text, PARTIES, recent=recent)
    assert (claim["actor"]["ref"], claim["expectation"]["target"]) == expected
