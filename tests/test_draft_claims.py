"""The drafter's claim assembly on sentences built to tell one rule apart (through `draft`).

Certainty comes from the weakest hedge, a booster such as "no doubt" is no negation, and a fact
supports a claim before it only within one paragraph. Then the clause boundaries of
`draft/sentence.py` that no other test tells apart (through `draft_sentence`): insertions, lists,
*since*, *but* after a negation, subordinators of two words, premises after a connective.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from claimset.draft import draft, draft_sentence
from claimset.project import Project
from claimset.split import split
from draft_samples import fields, registry

RUSSIA = {"id": "russia", "name": "Russia", "aliases": [], "kind": "state"}


def drafted(project: Project, text: str, doc: str = "d") -> list[dict[str, Any]]:
    """The sentence records `draft` writes for a seed holding `text`."""
    if '"russia"' not in project.actors_path.read_text("utf-8"):
        with project.actors_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(RUSSIA) + "\n")
    (project.seeds_dir / f"{doc}.txt").write_text(text, "utf-8")
    assert split(project).ok
    assert draft(project).ok
    path: Path = project.annotation_path(doc)
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def only_claim(record: dict[str, Any]) -> dict[str, Any]:
    (claim,) = record["claims"]
    return dict(claim)


def test_certainty_is_the_weakest_hedge(new_project: Project) -> None:
    records = drafted(
        new_project,
        "Russia will probably win the war. Russia will probably perhaps win the war. "
        "Russia will perhaps probably win the war.",
    )
    certainty = [only_claim(r)["hedge"]["certainty"] for r in records]
    assert certainty == ["probable", "possible", "possible"]


def test_no_doubt_is_a_booster_not_a_negation(new_project: Project) -> None:
    (record,) = drafted(new_project, "Russia will no doubt win the war.")
    claim = only_claim(record)
    assert claim["polarity"] == "positive"
    assert claim["hedge"] == {
        "certainty": "certain",
        "cues": [{"quote": "no doubt", "start": 12, "end": 20, "kind": "booster"}],
    }
    assert claim["expectation"]["quote"] == "Russia will no doubt win the war"


def test_a_negated_expectation_is_negative(new_project: Project) -> None:
    (record,) = drafted(new_project, "Russia will not win the war.")
    assert only_claim(record)["polarity"] == "negative"


def test_facts_support_a_claim_within_its_paragraph_only(new_project: Project) -> None:
    same = drafted(new_project, "Russia will win the war. The army grew by 40% in 2020.\n", "d")
    assert only_claim(same[0])["evidence"] == [
        {
            "quote": "The army grew by 40% in 2020",
            "sentence": "d:0001",
            "start": 0,
            "end": 28,
            "type": "statistic",
        }
    ]
    apart = drafted(new_project, "Russia will win the war.\n\nThe army grew by 40% in 2020.\n", "e")
    assert only_claim(apart[0])["evidence"] == []


def test_a_negative_cue_makes_the_claim_negative(new_project: Project) -> None:
    # "is unlikely to" is negative in the lexicon: no "not" needed for a negative claim.
    (record,) = drafted(new_project, "Russia is unlikely to win the war.")
    assert only_claim(record)["polarity"] == "negative"


# Clause boundaries (`draft/sentence.py`) seen in drafted claims, through `draft_sentence`:
# sentences written for these tests, each telling one boundary decision apart.

PARTIES = registry("author", "south_korea", "china", "japan")


def spans(text: str) -> list[tuple[Any, ...]]:
    """(holder, type, span, polarity, quotes of the evidence) of each drafted claim."""
    return fields(draft_sentence(text, PARTIES), "holder", "type", "span", "polarity", "evidence")


def test_boundaries_after_a_bracket_are_still_found() -> None:
    # The words of an insertion bound no clause, but the clause goes on after it.
    assert spans(
        "Seoul (as well as Tokyo) will probably win the vote, as Beijing has withdrawn."
    ) == [
        (
            "author",
            "prediction",
            "Seoul (as well as Tokyo) will probably win the vote",
            "positive",
            ["as Beijing has withdrawn"],
        )
    ]
    assert spans("Seoul (and Tokyo) will probably back the deal, which Beijing opposes.") == [
        ("author", "prediction", "Seoul (and Tokyo) will probably back the deal", "positive", [])
    ]


def test_a_but_after_an_opening_bracket_opens_a_second_claim() -> None:
    # No negation before the "but": it ends the first clause (guidelines §5).
    drafted = spans("(For now) Seoul will probably win the vote but Tokyo will lose it.")
    assert ("author", "prediction", "Tokyo will lose it", "positive", []) in drafted
    assert all(" but " not in claim[2] for claim in drafted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seoul doesn't want a war but a deal.",
            ("south_korea", "desire", "want a war but a deal", "negative", []),
        ),
        (
            "Seoul doesn't see Tokyo as a rival but as a partner.",
            ("south_korea", "belief", "see Tokyo as a rival but as a partner", "negative", []),
        ),
    ],
)
def test_not_x_but_y_with_a_contracted_negation_is_one_predicate(
    text: str, expected: tuple[Any, ...]
) -> None:
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Seoul will probably vote against Tokyo since then.",
        "Seoul will probably vote against Tokyo since then",  # a line cut before its stop
        "Seoul has probably lost every vote since 5th May.",
    ],
)
def test_since_before_a_date_or_then_opens_no_clause(text: str) -> None:
    ((_, _, quote, _, evidence),) = spans(text)
    assert quote == text.rstrip(".")
    assert evidence == []


def test_a_sentence_initial_since_before_a_date_supports_nothing() -> None:
    # (A party's reported *should* on another party is its demand, guidelines §8.2.)
    assert spans("Since the late 1990s, Seoul has argued that Tokyo should lift its quotas.") == [
        ("south_korea", "demand", "Tokyo should lift its quotas", "positive", [])
    ]


def test_a_because_clause_after_a_connective_supports_the_claim() -> None:
    assert spans("And because Tokyo lost the vote, Seoul will probably win.") == [
        ("author", "prediction", "Seoul will probably win", "positive", ["Tokyo lost the vote"])
    ]


def test_a_two_word_subordinator_opens_its_clause_after_both_words() -> None:
    assert spans("Seoul will probably win the vote so that Tokyo must yield.") == [
        ("author", "prediction", "Seoul will probably win the vote", "positive", []),
        ("author", "obligation", "Tokyo must yield", "positive", []),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Seoul will impose tariffs, quotas, and bans any day now.",
        "Seoul will cut tariffs, raise quotas, and lift all bans.",
    ],
)
def test_the_serial_and_of_a_list_is_no_boundary(text: str) -> None:
    # Even when the last item looks like a verb with its object ("bans any day", "lift all").
    assert spans(text) == [("author", "prediction", text.rstrip("."), "positive", [])]


def test_a_capitalised_name_in_a_long_list_item_is_no_verb() -> None:
    text = (
        "Seoul could adjust the level of its aid, the budget of its Related Programs office, "
        "and the number of its troops."
    )
    assert spans(text) == [("author", "prediction", text.rstrip("."), "positive", [])]


def test_a_noun_with_a_that_clause_after_a_comma_is_no_list_item() -> None:
    assert spans("Seoul will probably back the quotas, a sign that Tokyo and Beijing lost.") == [
        (
            "author",
            "prediction",
            "Seoul will probably back the quotas",
            "positive",
            ["a sign that Tokyo and Beijing lost"],
        )
    ]


def test_in_part_because_is_no_focusing_phrase() -> None:
    ((_, _, quote, _, evidence), *_) = spans(
        "Seoul will probably cut its aid, in part because Tokyo has withdrawn."
    )
    assert (quote, evidence) == ("Seoul will probably cut its aid", ["Tokyo has withdrawn"])


def test_a_line_cut_after_a_comma_and_one_word_keeps_the_clause_only() -> None:
    assert spans("Seoul will probably win the vote, Tokyo,") == [
        ("author", "prediction", "Seoul will probably win the vote", "positive", [])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Every insertion is found, the second after the first's closing comma.
        (
            "The proposals, drafted last spring, will probably pass, and the minister, who backs "
            "them, will stay.",
            [
                (
                    "author",
                    "prediction",
                    "The proposals, drafted last spring, will probably pass",
                    "positive",
                    [],
                ),
                ("author", "prediction", "the minister, who backs them, will stay", "positive", []),
            ],
        ),
        # The last word of a side statement is no cue of its own ...
        (
            "The deal, which Seoul expects, will hold.",
            [("author", "prediction", "The deal, which Seoul expects, will hold", "positive", [])],
        ),
        # ... and the word after its closing comma is the clause's again.
        (
            "The deal, a compromise, is likely to hold.",
            [("author", "prediction", "The deal, a compromise, is likely to hold", "positive", [])],
        ),
    ],
)
def test_insertions_and_their_side_statements(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert spans(text) == expected


def test_an_as_clause_after_a_fronted_but_is_a_premise_not_a_claim() -> None:
    assert spans("But as Seoul rebuilds its navy, Tokyo will probably rearm.") == [
        ("author", "prediction", "Tokyo will probably rearm", "positive", [])
    ]


def test_an_appositive_after_an_abbreviation_stays_in_the_span() -> None:
    text = "Seoul will probably work more closely with the U.S., its closest ally and partner."
    assert spans(text) == [("author", "prediction", text.rstrip("."), "positive", [])]


def test_a_comma_after_a_bracket_ends_a_fronted_attribution() -> None:
    assert spans("According to the latest survey (2024), Seoul will probably win the vote.") == [
        ("author", "prediction", "Seoul will probably win the vote", "positive", [])
    ]


def test_repeated_prepositions_from_the_first_word_make_a_list() -> None:
    text = "In Seoul, in Tokyo and in Beijing the tariffs will probably rise."
    assert spans(text) == [("author", "prediction", text.rstrip("."), "positive", [])]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # Lines cut after "in" or "in particular" (a line may end anywhere).
        ("Seoul will probably win the vote, in", "Seoul will probably win the vote"),
        (
            "Seoul will probably cut its aid to farmers, in particular",
            "Seoul will probably cut its aid to farmers, in particular",
        ),
    ],
)
def test_a_line_cut_in_a_focusing_phrase(text: str, span: str) -> None:
    assert spans(text) == [("author", "prediction", span, "positive", [])]


def test_a_relative_clause_after_a_comma_is_a_claim_of_its_own() -> None:
    assert spans("Seoul will probably back Park, who will lose.") == [
        ("author", "prediction", "Seoul will probably back Park", "positive", []),
        ("author", "prediction", "who will lose", "positive", []),
    ]


def test_every_leading_connective_is_left_out_of_the_span() -> None:
    assert spans("But, however, Seoul will probably win the vote.") == [
        ("author", "prediction", "Seoul will probably win the vote", "positive", [])
    ]


def test_a_concession_after_a_comma_makes_no_claim() -> None:
    assert spans("Seoul will probably win the vote, even though Tokyo will object.") == [
        ("author", "prediction", "Seoul will probably win the vote", "positive", [])
    ]


def test_a_condition_and_a_later_concession_both_make_no_claim() -> None:
    text = "If Tokyo wins, Seoul will probably lose, although Beijing will object."
    assert spans(text) == [("author", "prediction", "Seoul will probably lose", "positive", [])]


def test_a_list_opening_the_sentence_keeps_its_serial_comma() -> None:
    text = "Tariffs, quotas, or bans on steel will probably follow."
    assert spans(text) == [("author", "prediction", text.rstrip("."), "positive", [])]


def test_a_hyphen_inside_a_long_list_item_keeps_the_list() -> None:
    text = (
        "Seoul will probably review the quotas on Japanese steel, the Russia-China trade pact, "
        "and the bans on coal."
    )
    assert spans(text) == [("author", "prediction", text.rstrip("."), "positive", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lines cut before their stop are drafted as the whole sentence would be.
        (
            "Seoul will probably keep the border quiet while expanding",
            [
                (
                    "author",
                    "prediction",
                    "Seoul will probably keep the border quiet while expanding",
                    "positive",
                    [],
                )
            ],
        ),
        (
            "Seoul will probably cut its tariffs and lift all",
            [
                ("author", "prediction", "Seoul will probably cut its tariffs", "positive", []),
                ("author", "prediction", "lift all", "positive", []),
            ],
        ),
    ],
)
def test_a_line_cut_after_a_participle_or_a_quantifier(
    text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English word that ends in a modal's letters is no name glued to a modal: no
        # prediction in "Goodwill matters" (the author's judgement), one where *will* is a word.
        ("Goodwill matters to Seoul.", [("author", "belief", "Goodwill matters to Seoul")]),
        (
            "Goodwill will matter to Seoul.",
            [("author", "prediction", "Goodwill will matter to Seoul")],
        ),
        (
            "Iranwill never give up enrichment.",
            [("author", "prediction", "Iranwill never give up enrichment")],
        ),
    ],
)
def test_a_word_ending_like_a_modal_is_not_cut(text: str, expected: list[Any]) -> None:
    found = [
        (c["actor"]["ref"], c["expectation"]["type"], c["expectation"]["quote"])
        for c in draft_sentence(text, PARTIES)
    ]
    assert found == expected
