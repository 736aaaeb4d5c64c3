"""Whether an ambiguous hedge word is the author's cue here (guidelines §11.3, §11.4, Appendix
B; `rules/hedge_context.py`, `rules/hedge.py`). The sentences are written for these tests,
none taken from a corpus document."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from claimset.draft.registry import HEDGE_RULES
from claimset.draft.sentence import Sentence
from draft_samples import registry

PARTIES = registry("author", "japan", "south_korea")


def applies(name: str, text: str, word: str) -> bool:
    s = Sentence(text)
    i = s.low.index(word)
    return HEDGE_RULES[name].applies(s, i, i + 1)


def cues(text: str) -> list[list[str]]:
    """The cue quotes of each drafted claim."""
    return [[q["quote"] for q in c["hedge"]["cues"]] for c in draft_sentence(text, PARTIES)]


@pytest.mark.parametrize(
    ("text", "word", "is_cue"),
    [
        ("A settlement is probable.", "probable", True),
        ("Seoul will likely walk away from the talks.", "likely", True),
        ("The new base could potentially double the garrison.", "potentially", True),
        ("Tokyo possibly misread the signal.", "possibly", True),
        # Inside a noun phrase they classify its noun.
        ("Tokyo's probable successor is a hawk.", "probable", False),
        ("The likely winner of the vote is the opposition.", "likely", False),
        ("Seoul guards its potentially lucrative fishing grounds.", "potentially", False),
        ("Their possibly fatal mistake went unnoticed.", "possibly", False),
    ],
)
def test_attributive_epistemic_words_inside_a_noun_phrase_are_no_cue(
    text: str, word: str, is_cue: bool
) -> None:
    assert applies("not-attributive", text, word) is is_cue


@pytest.mark.parametrize(
    ("text", "is_cue"),
    [
        ("A thaw is possible.", True),
        ("Tokyo's possible retreat worries Seoul.", False),
        ("Officials fear possible Chinese reprisals against the fleet.", False),
    ],
)
def test_possible_before_any_noun_or_after_a_possessive_is_attributive(
    text: str, is_cue: bool
) -> None:
    assert applies("possible-adj", text, "possible") is is_cue


@pytest.mark.parametrize(
    ("text", "word", "is_cue"),
    [
        ("The data suggest that the talks will fail.", "suggest", True),
        # A clause without *that*: the author's inference all the same.
        ("Early returns suggest the governing party has lost its majority.", "suggest", True),
        ("The figures indicate the boom has peaked.", "indicate", True),
        # A noun-phrase object: no inference over a proposition.
        ("The figures indicate a slowdown in exports.", "indicate", False),
        # A source as subject: a source attribution (like *according to*), no cue.
        ("One study suggests that exports have peaked.", "suggests", False),
        ("Press reports indicated that the envoy had resigned.", "indicated", False),
    ],
)
def test_suggest_and_indicate_are_the_authors_inference_over_a_clause(
    text: str, word: str, is_cue: bool
) -> None:
    assert applies("inference", text, word) is is_cue


def test_the_hedges_of_the_authors_own_inferred_content_are_the_authors() -> None:
    """*The data suggest that P may ...*: P is the author's claim, so its *may* is the
    author's cue too (a party's content keeps its hedges, §11.2)."""
    assert cues("The polls suggest that the coalition may survive the vote.") == [
        ["suggest", "may"]
    ]
    assert cues("Tokyo said that Seoul may survive the vote.") == [[]]


@pytest.mark.parametrize(
    ("text", "is_cue"),
    [
        ("Tokyo clearly wants a deal.", True),
        ("It is clearly too late for a deal.", True),
        ("The delegates heard clearly what Seoul wanted.", False),
        ("The minister spoke clearly about the risks.", False),
    ],
)
def test_clearly_after_a_verb_is_manner(text: str, is_cue: bool) -> None:
    """*heard clearly*, *spoke clearly*: how the act was done, no booster (§11.3)."""
    assert applies("clearly-manner", text, "clearly") is is_cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The frame is quoted as far as it occurs (§11.5): with a clause subject, the copula.
        ("Whether Seoul will pay remains unclear.", [["remains unclear"]]),
        ("It is still unclear how Tokyo will react.", [["It is still unclear"]]),
        # An ordinary subject: *unclear* is the predicate the author asserts, no cue.
        ("The long-term effect of the sanctions is unclear.", [[]]),
    ],
)
def test_unclear_is_a_cue_only_over_a_question(text: str, expected: list[list[str]]) -> None:
    assert cues(text) == expected


def test_an_inference_verb_without_a_party_subject_frames_the_authors_claim() -> None:
    """*His record suggests P*: no party speaks, the author infers P (a hedge, §11.4); with a
    party as subject the verb is the party's (*Tokyo suggests that P*)."""
    inferred = draft_sentence("His record in Seoul suggests the coalition may hold.", PARTIES)
    assert [(c["actor"]["ref"], [q["quote"] for q in c["hedge"]["cues"]]) for c in inferred] == [
        ("author", ["suggests", "may"])
    ]
    spoken = draft_sentence("Tokyo suggests that the coalition may hold.", PARTIES)
    assert [(c["actor"]["ref"], c["hedge"]["cues"]) for c in spoken] == [("japan", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The noun before *reportedly* + a past verb is the subject, not an attitude verb.
        (
            "Tokyo's plan reportedly restated Japanese demands that Seoul apologize.",
            [("japan", ["reportedly"])],
        ),
        # Hearsay is the author's, also inside a party's content.
        (
            "Seoul has pledged to double its aid reportedly by 2030.",
            [("south_korea", ["reportedly"])],
        ),
        # A party's own modal in its content stays the party's.
        ("Tokyo said that Seoul may leave the pact.", [("japan", [])]),
    ],
)
def test_reportedly_is_the_authors_hedge_of_the_claim_it_stands_in(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    """*reportedly, allegedly* name the author's source (§11.2): the cue of the party's claim."""
    drafted = draft_sentence(text, PARTIES)
    assert [
        (c["actor"]["ref"], [q["quote"] for q in c["hedge"]["cues"]]) for c in drafted
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo will ban the exports next year, possibly in breach of the treaty.",
            [("author", ["possibly"])],
        ),
        (
            "Seoul has pledged to double its aid, reportedly by 2030.",
            [("south_korea", ["reportedly"])],
        ),
    ],
)
def test_a_cue_on_a_verbless_adjunct_joins_the_clauses_claim(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    """*..., possibly in breach of the treaty*: no claim of its own; the cue qualifies the claim
    of the clause the adjunct belongs to (guidelines v1.3 change 33)."""
    drafted = draft_sentence(text, PARTIES)
    assert [
        (c["actor"]["ref"], [q["quote"] for q in c["hedge"]["cues"]]) for c in drafted
    ] == expected
