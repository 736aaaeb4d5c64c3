"""The form a cue takes around its lexicon word, and lexicon words that are no cue there
(guidelines §11.5, Appendix B v1.5; `cue_forms.py`). The sentences are written for these tests,
none taken from a corpus document."""

from __future__ import annotations

import pytest
from claimset.draft import draft_sentence
from draft_samples import registry

PARTIES = registry("author", "japan", "south_korea")


def cue_quotes(text: str) -> list[tuple[str, str]]:
    """The (quote, kind) of every cue of the drafted claims, in order, each once."""
    out: list[tuple[str, str]] = []
    for claim in draft_sentence(text, PARTIES):
        for cue in claim["hedge"]["cues"]:
            if (cue["quote"], cue["kind"]) not in out:
                out.append((cue["quote"], cue["kind"]))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An impersonal frame is the cue, an inserted adverb and its complementizer with it.
        ("It is also possible that Tokyo will relent.", [("It is also possible that", "hedge")]),
        ("It is doubtful whether Tokyo will relent.", [("It is doubtful whether", "hedge")]),
        ("It remains uncertain when Tokyo will relent.", [("It remains uncertain", "hedge")]),
        ("It is likely that Tokyo will relent.", [("It is likely that", "hedge")]),
        # A clause subject: the copula joins the adjective.
        ("Whether Tokyo will relent is uncertain.", [("is uncertain", "hedge")]),
        # A verb of seeming and its adjective are one cue; "it" only before a that-clause.
        ("It now seems likely that Tokyo will relent.", [("seems likely", "hedge")]),
        ("By now it appears that Tokyo has relented.", [("it appears", "hedge")]),
        ("It appears the work of a rival faction.", [("appears", "hedge")]),
        # A raising frame keeps its copula and "to", also with a negation between.
        ("Tokyo isn't likely to relent soon.", [("is n't likely to", "hedge")]),
        ("Seoul and Tokyo are also likely to disagree.", [("are also likely to", "hedge")]),
    ],
)
def test_cue_frames(text: str, expected: list[tuple[str, str]]) -> None:
    quotes = [(" ".join(q.replace("n't", " n't").split()), k) for q, k in cue_quotes(text)]
    assert quotes == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A modal inside an embedded question is asked, not the author's hedge.
        ("It is unclear what Tokyo may do next.", [("It is unclear", "hedge")]),
        ("Analysts asked whether Tokyo could cope with the costs.", []),
        # A negated "possible" states an impossibility; a compared "likely" is the content.
        ("Once the treaty lapsed, a joint patrol was no longer possible.", []),
        ("The dispute makes it less likely that Seoul will invest.", []),
    ],
)
def test_no_cue_in_content(text: str, expected: list[tuple[str, str]]) -> None:
    assert cue_quotes(text) == expected


def test_negated_possible_still_makes_its_claim() -> None:
    drafted = draft_sentence(
        "Once the treaty lapsed, a joint patrol was no longer possible.", PARTIES
    )
    assert [c["hedge"]["certainty"] for c in drafted] == ["certain"]


def test_free_relative_keeps_its_modal() -> None:
    # "what" after a verb of removal is a free relative, not an embedded question.
    assert ("might", "hedge") in cue_quotes("The deal ends what might be called a feud.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Appendix B v1.5 classes: an epistemic passive of prediction.
        ("Tokyo can be expected to protest loudly.", [("can be expected to", "hedge")]),
        # Existential evidential frames, with their inserted adverbs and quantifiers.
        ("There are signs that Tokyo will relent.", [("There are signs", "hedge")]),
        (
            "There are also some signs of fatigue in Seoul.",
            [("There are also some signs", "hedge")],
        ),
        ("There are no signs of fatigue in Seoul.", []),
        # First-person stance frames: a modal inside, a stance adjective, an "as" clause.
        ("We would guess that Tokyo will relent.", [("We would guess", "hedge")]),
        ("I am inclined to think that Tokyo will relent.", [("inclined to think", "hedge")]),
        ("As I see it, Tokyo will relent.", [("As I see it", "hedge")]),
        # Boosters of settled conviction.
        ("We have no doubt that Tokyo will relent.", [("We have no doubt", "booster")]),
        (
            "There is every reason to believe that Tokyo will relent.",
            [("There is every reason to believe", "booster")],
        ),
        ("I am confident that Tokyo will relent.", [("I am confident", "booster")]),
        ("True, Tokyo has relented before.", [("True", "booster")]),
        # A feared possibility framing a clause; not the noun phrase subject of a copula.
        ("The danger is that Tokyo will relent.", [("The danger is", "hedge")]),
        ("The danger is real.", []),
    ],
)
def test_cue_classes(text: str, expected: list[tuple[str, str]]) -> None:
    assert cue_quotes(text) == expected


def test_doubt_is_the_authors_attitude_not_a_cue() -> None:
    # "we doubt that P": the claim is P, certain, as worded (guidelines §10: doubt is lexical).
    drafted = draft_sentence("We doubt that Tokyo will relent.", PARTIES)
    assert [(c["hedge"]["certainty"], c["hedge"]["cues"]) for c in drafted] == [("certain", [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An infinitive "to appear" is the holder's content, not the author's hedge.
        ("Tokyo will be reluctant to appear weak.", []),
        # "believe in" a value is no epistemic hedge; "we believe that P" is.
        ("We believe in the dignity of every person.", []),
        ("We believe that Tokyo will relent.", [("We believe", "hedge")]),
        # "really" after a negation is a downtoner, after a determiner an intensifier.
        ("Such a claim cannot really be sustained.", []),
        ("Seoul should send a really senior envoy.", []),
        ("Tokyo really wants a deal.", [("really", "booster")]),
        # An adverb or adjective before an adjective and its noun modifies inside the phrase.
        ("Seoul will avoid raising potentially divisive issues.", []),
        ("The coalition and any likely elected successor will be cautious.", []),
        ("The dispute is potentially dangerous for Seoul.", [("potentially", "hedge")]),
    ],
)
def test_non_epistemic_uses(text: str, expected: list[tuple[str, str]]) -> None:
    assert cue_quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo will probably protest and recall its ambassador.",
        "Tokyo probably will be careful of the dispute and take no new steps with Seoul.",
    ],
)
def test_an_adverb_among_the_auxiliaries_hedges_every_conjunct(text: str) -> None:
    # Like the modal of "Congress may assess X and consider Y" (§11.5): one cue, both claims.
    drafted = draft_sentence(text, PARTIES)
    assert [c["hedge"]["certainty"] for c in drafted] == ["probable", "probable"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A negative quantifier as subject denies the possibility: the modal is content.
        ("Nothing the allies could do could change Tokyo's mind.", []),
        ("No government in Seoul could survive such a defeat.", []),
        ("No doubt, Tokyo could still win.", [("No doubt", "booster"), ("could", "hedge")]),
        # A verb of seeming with its experiencer is the experiencer's view.
        ("Loyalty seems to many Koreans not to pay.", []),
        ("Loyalty seems to Koreans not to pay.", []),
        ("Tokyo seems to be losing patience.", [("seems", "hedge")]),
    ],
)
def test_denied_possibility_and_experiencer(text: str, expected: list[tuple[str, str]]) -> None:
    assert cue_quotes(text) == expected


def test_denied_possibility_keeps_its_claim() -> None:
    drafted = draft_sentence("No government in Seoul could survive such a defeat.", PARTIES)
    assert [(c["hedge"]["certainty"], c["polarity"]) for c in drafted] == [("certain", "negative")]
