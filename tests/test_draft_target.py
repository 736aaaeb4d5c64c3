"""The target of a claim (guidelines §9, `rules/target.py`), rule by rule.

Each rule has examples and non-examples written for these tests, none taken from a corpus
document; `recent` stands for the parties of the sentences before."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import fields, registry

PARTIES = registry(
    "author",
    "japan",
    "south_korea",
    "china",
    {
        "id": "united_states",
        "name": "the United States",
        "aliases": ["Washington"],
        "kind": "state",
    },
    {
        "id": "us_congress",
        "name": "the U.S. Congress",
        "aliases": ["Congress"],
        "kind": "government",
    },
    {"id": "analysts", "name": "analysts", "aliases": ["observers"], "kind": "group"},
    {"id": "moon", "name": "Moon Jae-in", "aliases": ["Moon"], "kind": "person"},
)


def targets(text: str, recent: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    """(span, target) of each claim drafted for the sentence."""
    return fields(draft_sentence(text, PARTIES, recent=recent), "span", "target")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner of one thing the claim refers back to (extension (b)): the party of the
        # context.
        ("Seoul resents this balancing act.", [("resents this balancing act", "japan")]),
        (
            "Beijing regards that assurance as worthless.",
            [("regards that assurance as worthless", "japan")],
        ),
        ("These talks will fail.", [("These talks will fail", "japan")]),
        ("Seoul resents such pressure.", [("resents such pressure", "japan")]),
        # Not a demonstrative pronoun, nor *such* opening the author's claim (things of a
        # kind), nor a thing of the
        # span's own side (*we*), nor in a party's own course (an intention).
        ("This means higher tariffs.", [("This means higher tariffs", None)]),
        ("Such measures rarely work.", [("Such measures rarely work", None)]),
        # (The speaker's narrated conduct, *We have already begun this work*, is no claim.)
        ("We will finish this work.", [("We will finish this work", None)]),
        ("Seoul intends to keep this policy.", [("keep this policy", None)]),
    ],
)
def test_owner_of_a_thing_referred_back_to(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert targets(text, recent=("japan", "china")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Joint agents give no target (rule 3): a subject of several unnamed parties at once,
        # a party coordinated with unnamed others (rule 6).
        (
            "Bilateral efforts led to the Chinese navy's capture of a smuggler.",
            [("Bilateral efforts led to the Chinese navy's capture of a smuggler", None)],
        ),
        (
            "The three countries will soon sign a deal with China.",
            [("The three countries will soon sign a deal with China", None)],
        ),
        (
            "Washington has called for Seoul and other countries to deploy ships.",
            [("Seoul and other countries to deploy ships", None)],
        ),
        (
            "Washington and its allies must restrain Beijing.",
            [("Washington and its allies must restrain Beijing", None)],
        ),
        (
            "The United States and our allies will prevail.",
            [("The United States and our allies will prevail", None)],
        ),
        # Non-examples: a joint thing with a named partner of the holder (rule 5 after rule 3:
        # the actor does not count), a party alone.
        (
            "Seoul said that joint exercises with Tokyo will resume.",
            [("joint exercises with Tokyo will resume", "japan")],
        ),
        (
            "Washington has called for Seoul to deploy ships.",
            [("Seoul to deploy ships", "south_korea")],
        ),
    ],
)
def test_joint_agents_give_no_target(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A subject that is a thing of two parties gives none (rules 4 and 6), even when a
        # party is named later: a compound pairing them, several parties in its phrases.
        (
            "Japan-China relations may sour under the Moon government.",
            [("Japan-China relations may sour under the Moon government", None)],
        ),
        (
            "The Tokyo-Beijing talks will resume under the Moon government.",
            [("The Tokyo-Beijing talks will resume under the Moon government", None)],
        ),
        (
            "Support for Japan in its dispute with China will weaken.",
            [("Support for Japan in its dispute with China will weaken", None)],
        ),
        # Non-examples: the compound inside an owned thing, one party before the first
        # preposition (the agent), a party with an apposition.
        (
            "Seoul's view of Japan-China ties may harden.",
            [("Seoul's view of Japan-China ties may harden", "south_korea")],
        ),
        (
            "Chinese involvement in the talks with Japan will grow.",
            [("Chinese involvement in the talks with Japan will grow", "china")],
        ),
        (
            "Japan, a U.S. ally, is an important partner of Seoul.",
            [("Japan, a U.S. ally, is an important partner of Seoul", "japan")],
        ),
    ],
)
def test_a_thing_of_several_parties_gives_no_target(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An example between commas ends before the main clause's verb: the party after it
        # is the agent's owner (rule 4), no example.
        (
            "Seoul argues that investment from abroad, particularly in the energy sector, is "
            "Japan's best option.",
            [
                (
                    "investment from abroad, particularly in the energy sector, is Japan's best "
                    "option",
                    "japan",
                )
            ],
        ),
        (
            "Seoul wants more trade with its neighbours, particularly Japan.",
            [("wants more trade with its neighbours, particularly Japan", None)],
        ),
    ],
)
def test_an_example_ends_at_the_main_verb(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert targets(text) == expected


def test_a_hearing_is_no_addressee() -> None:
    # Rule 2 needs an addressee that is a party to the relations: testimony is given to a
    # hearing, so rule 3 decides (the agent of the content).
    text = "The admiral testified to Congress that Beijing continues to build ships."
    assert targets(text) == [("Beijing continues to build ships", "china")]
    # Non-example: a party told something is the addressee.
    text = "Seoul told Washington that Beijing continues to build ships."
    assert targets(text) == [("Beijing continues to build ships", "united_states")]


def test_the_government_of_the_context_is_a_state() -> None:
    # A body of a state counts as that state (§9, §14.2): "the government", "his Cabinet"
    # stand for the state of the context, never a person or group met before it.
    recent = ("analysts", "moon", "japan")
    text = "The government's talks with the rebels arguably strengthened them."
    assert targets(text, recent) == [(text[:-1], "japan")]
    text = "Consequently, his Cabinet may not have received full information."
    assert targets(text, recent) == [
        ("his Cabinet may not have received full information", "japan")
    ]
    # Non-example: with no state in the context, no target (a group is no government).
    text = "The government's talks with the rebels arguably strengthened them."
    assert targets(text, ("analysts", "moon")) == [(text[:-1], None)]


def test_it_after_a_coordinator_is_the_sentence_subject() -> None:
    # Rule 3 (rule 1 for an obligation): the pronoun subject of a coordinated clause is the
    # party that opens the sentence as its subject.
    text = "Seoul should keep the channels open, and it ought to invite Beijing to the talks."
    assert targets(text)[-1] == ("it ought to invite Beijing to the talks", "south_korea")
    text = "Tokyo has weathered many storms, and it will probably weather this one too."
    assert targets(text)[-1] == ("it will probably weather this one too", "japan")
    # Non-example: a party inside an opening clause is no subject of the sentence.
    text = "Whether Beijing will accept such a deal is unclear, but it is the only deal left."
    assert targets(text)[-1][1] is None


def test_a_groups_own_state_may_be_its_target() -> None:
    """The public of a country is no part of its state (§14.2): the state it is about is the
    target of the public's claim, where a person or body of the state never targets it (§9)."""
    actors = [
        {"id": "indonesia", "name": "Indonesia", "aliases": ["Jakarta"], "kind": "state"},
        {
            "id": "indonesian_public",
            "name": "the Indonesian public",
            "aliases": ["Indonesians"],
            "kind": "group",
        },
        {
            "id": "widodo",
            "name": "Joko Widodo",
            "aliases": ["Widodo"],
            "kind": "person",
            "state": "indonesia",
        },
    ]
    drafted = draft_sentence("Many Indonesians fear that Indonesia will lose its lead.", actors)
    assert [(c["actor"]["ref"], c["expectation"]["target"]) for c in drafted] == [
        ("indonesian_public", "indonesia")
    ]
    drafted = draft_sentence("Widodo fears that Indonesia will lose its lead.", actors)
    assert [(c["actor"]["ref"], c["expectation"]["target"]) for c in drafted] == [("widodo", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A demonym before a noun of people names persons of a nationality, not the state
        # (§14.2): the party the clause names next is the target, or none.
        (
            "Chinese workers will help Japan recover.",
            [("Chinese workers will help Japan recover", "japan")],
        ),
        (
            "The Chinese people will pay the price.",
            [("The Chinese people will pay the price", None)],
        ),
        # Non-example: a state's forces count as the state (§9).
        (
            "Chinese forces will help Japan recover.",
            [("Chinese forces will help Japan recover", "china")],
        ),
    ],
)
def test_a_states_people_are_no_party(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The author's clause opening with a definite subject that names no party: a thing of
        # the context's party, its owner the target (§9 (b), rule 4).
        ("The economy may contract further.", [("The economy may contract further", "japan")]),
        (
            "The third phase is expected to end in May.",
            [("The third phase is expected to end in May", "japan")],
        ),
        # Non-examples: a relation or shared thing (never a target), a copular judgement of the
        # thing itself, a subject with a phrase of its own, a party's own claim.
        ("The relationship may sour.", [("The relationship may sour", None)]),
        ("The talks will fail.", [("The talks will fail", None)]),
        ("The scale may be different.", [("The scale may be different", None)]),
        (
            "The protection of investors will matter.",
            [("The protection of investors will matter", None)],
        ),
        ("Seoul fears the economy will contract.", [("the economy will contract", None)]),
    ],
)
def test_a_definite_subject_is_a_thing_of_the_context(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert targets(text, recent=("japan", "china")) == expected


def test_a_compound_with_the_holders_own_state_is_directed_at_the_partner() -> None:
    """A person of a state holds the relation of its state: in a compound pairing that state
    with another, the other is the target (§9 v1.3, rule 5); a compound of three parties is
    joint (rule 6)."""
    actors = [
        {"id": "japan", "name": "Japan", "aliases": ["Tokyo"], "kind": "state"},
        {"id": "china", "name": "China", "aliases": ["Beijing"], "kind": "state"},
        {"id": "south_korea", "name": "South Korea", "aliases": ["Korea"], "kind": "state"},
        {
            "id": "moon",
            "name": "Moon Jae-in",
            "aliases": ["Moon"],
            "kind": "person",
            "state": "south_korea",
        },
    ]

    def holders_and_targets(text: str) -> list[tuple[str, str | None]]:
        drafted = draft_sentence(text, actors)
        return [(c["actor"]["ref"], c["expectation"]["target"]) for c in drafted]

    assert holders_and_targets("Moon has vowed to revive Korea-Japan relations.") == [
        ("moon", "japan")
    ]
    assert holders_and_targets("Moon has vowed to revive Japan-Korea relations.") == [
        ("moon", "japan")
    ]
    assert holders_and_targets("Moon has vowed to revive Korea-Japan-China ties.") == [
        ("moon", None)
    ]


@pytest.mark.parametrize(
    ("text", "recent", "expected"),
    [
        # The agent of a passive, after "by", is the agent of rule 3 (not the subject's party).
        ("He will be influenced by Tokyo in the presidency.", ("moon",), "japan"),
        ("Seoul will probably be urged on in this by Beijing.", (), "china"),
        ("The visas are suspected of being used by Chinese firms.", (), "china"),
        # "by" + a gerund is a means, no agent; a thing after "by" names no party.
        ("Seoul can only win by persuading Tokyo.", (), "south_korea"),
        ("Seoul will be hurt by the new sanctions.", (), "south_korea"),
    ],
)
def test_the_agent_of_a_passive_is_the_target(
    text: str, recent: tuple[str, ...], expected: str
) -> None:
    assert [t for _, t in targets(text, recent)] == [expected]
