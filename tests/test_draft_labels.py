"""Run-in labels: a short verbless phrase opening a paragraph that goes on in the same line
(*Sanctions. The new sanctions will bite.*) names the paragraph's topic and states no
proposition, so the drafter gives it no claim (guidelines, "A sentence the splitter broke in
two"). Each case tells a label from a sentence that only looks like one."""

from __future__ import annotations

from claimset.draft import draft_document
from draft_samples import registry

PARTIES = registry("russia")


def claims(texts: list[str], starts: list[bool]) -> list[int]:
    """How many claims the drafter gives each sentence."""
    drafted = draft_document(texts, PARTIES, paragraph_starts=starts)
    return [len(c or []) for c in drafted]


def test_a_label_before_its_paragraph_has_no_claim() -> None:
    texts = ["Russia's grain exports.", "Russia's grain exports will likely fall next year."]
    assert claims(texts, [True, False]) == [0, 1]


def test_a_label_of_several_words_naming_the_topic_has_no_claim() -> None:
    texts = ["The Black Sea corridor.", "Moscow will probably close the corridor again."]
    assert claims(texts, [True, False]) == [0, 1]


def test_a_phrase_that_is_its_own_paragraph_is_no_label() -> None:
    # Nothing follows it in its paragraph: the phrase is not run in.
    texts = ["Russia's grain exports.", "Russia's grain exports will likely fall next year."]
    assert claims(texts, [True, True])[0] == 1


def test_a_phrase_in_the_middle_of_a_paragraph_is_no_label() -> None:
    texts = ["Russia will win.", "A costly victory.", "The victory will cost Russia dearly."]
    assert claims(texts, [True, False, False])[1] == 1


def test_a_phrase_the_next_sentence_is_not_about_is_no_label() -> None:
    # A label names its paragraph's topic; a short claim that opens a paragraph does not.
    texts = ["The grain deal.", "Moscow will probably cut its exports next year."]
    assert claims(texts, [True, False]) == [1, 1]


def test_a_short_sentence_with_a_verb_is_no_label() -> None:
    texts = ["Exports fell.", "Russia's exports will likely recover next year."]
    assert claims(texts, [True, False])[0] == claims(texts, [True, True])[0]


def test_a_long_verbless_phrase_is_no_label() -> None:
    # Five words or more: more likely a fragment of speech carrying a claim than a label.
    texts = ["One of courage, of leadership.", "That leadership will last."]
    assert claims(texts, [True, False])[0] == 1
