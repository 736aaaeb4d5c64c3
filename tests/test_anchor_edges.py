"""Anchoring at the edges: quotes with outer whitespace, case, hints, and the passage finder."""

from __future__ import annotations

import difflib
import random
import re

import pytest
from claimset.anchor import (
    MAX_SEARCH_QUOTE,
    Anchor,
    anchor,
    candidates,
    closest_passage,
    find_quote,
    is_whole_word,
)
from claimset.fmt import format_record

TEXT = "Russia  will win the war."


def test_a_quote_with_leading_whitespace_is_found_once() -> None:
    # " will" could start at either space before "will": one occurrence, the longer one.
    assert find_quote(TEXT, " will win") == [(6, 16)]
    assert anchor(TEXT, " will win") == Anchor("found", ((6, 16),), 6, 16, "  will win")
    assert find_quote("a\n\n\tb", "\tb") == [(1, 5)]


def test_a_quote_with_trailing_whitespace_is_found() -> None:
    assert find_quote(TEXT, "Russia ") == [(0, 8)]  # the whole run of spaces
    assert find_quote(TEXT, "war. ") == []


def test_several_occurrences_after_whitespace_are_each_kept() -> None:
    text = "a b a  b"
    assert find_quote(text, " b") == [(1, 3), (5, 8)]
    assert anchor(text, " b").status == "ambiguous"
    assert anchor(text, " b", 5) == Anchor("found", ((1, 3), (5, 8)), 5, 8, "  b")
    assert anchor(text, " b", 6) == Anchor("moved", ((1, 3), (5, 8)), 5, 8, "  b")


def test_matching_is_case_sensitive_unless_asked() -> None:
    assert find_quote(TEXT, "russia") == []
    assert find_quote(TEXT, "russia", ignore_case=True) == [(0, 6)]
    assert find_quote(TEXT, "RUSSIA  WILL", ignore_case=True) == [(0, 12)]


def test_the_nearest_occurrence_is_taken_on_either_side_of_the_hint() -> None:
    text = "ab....ab..ab"
    assert anchor(text, "ab", 9).start == 10
    assert anchor(text, "ab", 5).start == 6
    assert anchor(text, "ab", 1).start == 0
    assert anchor(text, "ab", 100) == Anchor("moved", ((0, 2), (6, 8), (10, 12)), 10, 12, "ab")


def test_fmt_anchors_a_quote_typed_with_a_leading_space() -> None:
    record = {
        "id": "d:0000",
        "doc": "d",
        "start": 0,
        "end": len(TEXT),
        "text": TEXT,
        "status": "done",
        "annotator": "ann",
        "claims": [
            {
                "actor": {"ref": "russia", "quote": "Russia"},
                "expectation": {"quote": " will win", "type": "prediction"},
                "hedge": {"certainty": "certain"},
            }
        ],
    }
    out, messages = format_record(record)
    expectation = out["claims"][0]["expectation"]
    assert (expectation["start"], expectation["end"], expectation["quote"]) == (
        6,
        16,
        "  will win",
    )
    assert messages == [
        "claims[0]: assigned id c1",
        "claims[0].expectation: quote rewritten to the exact text '  will win'",
    ]


def test_closest_passage_edges() -> None:
    assert closest_passage("", "anything") is None
    assert closest_passage(TEXT, "   ") is None
    # Not found as typed: the nearest stretch, whole words, without the sentence's full stop.
    assert closest_passage(TEXT, "wil win the wars") == (8, 24)
    assert closest_passage("It will rain, surely.", "will rains") == (3, 12)
    assert closest_passage("It will rain, surely.", "rain, surly") == (8, 20)


def test_a_second_occurrence_after_a_whitespace_run_is_kept() -> None:
    assert find_quote("a  b a b", " b") == [(1, 4), (6, 8)]


def test_closest_passage_prefers_a_case_insensitive_match() -> None:
    assert closest_passage("abc", "B") == (1, 2)  # too short for the fuzzy search


def test_closest_passage_fuzzy_search() -> None:
    # Several words with typos: the window is scored on words joined by single spaces.
    assert closest_passage("one two three four five six", "two thre fuor") == (4, 18)
    # A tie goes to the earlier window; a first window with nothing in common is skipped.
    assert closest_passage("abcd xx abcd", "abce") == (0, 4)
    assert closest_passage("zzz qqq abcd", "abce") == (8, 12)
    # Exactly 0.6 alike is enough; less is not.
    assert closest_passage("abcde", "abcxy") == (0, 5)
    assert closest_passage("abcde", "abxyz") is None


def test_closest_passage_ends_on_a_whole_word() -> None:
    assert closest_passage("It will rain today", "wil rain") == (3, 12)
    assert closest_passage("It will rain", "wil rain") == (3, 12)  # up to the very end
    assert closest_passage("We saw MAX", "we sa max") == (0, 10)


def test_closest_passage_keeps_punctuation_the_quote_has() -> None:
    assert closest_passage("It will rain. Yes", "wil rain. ") == (3, 13)
    assert closest_passage("It will rain. Yes", "wil rain.") == (3, 13)
    assert closest_passage("It will rain. Yes", "wil rain") == (3, 12)


def test_closest_passage_of_a_long_quote() -> None:
    # Long quotes must not fall to difflib's "popular characters" heuristic (autojunk).
    chance = random.Random(1)
    text = " ".join(
        "".join(chance.choice("etaoinshr") for _ in range(chance.randint(2, 7))) for _ in range(60)
    )
    quote = text[40:300].replace("e", "E", 1)
    quote = (quote[:100] + "zz" + quote[102:]).lower()
    assert closest_passage(text, quote) == (40, 303)


def test_closest_passage_of_many_short_words() -> None:
    assert closest_passage("x a b c d e g", "a b c d e f") == (2, 13)


def test_closest_passage_extends_a_cut_word_letter_by_letter() -> None:
    assert closest_passage("It will rainfall today", "wil rainfal") == (3, 16)
    assert closest_passage("It will rainfall today", "wil rainfa") == (3, 16)


def test_closest_passage_gives_up_beyond_the_longest_searched_quote() -> None:
    rng = random.Random(1)
    words = " ".join("".join(rng.choice("abcdefghij") for _ in range(5)) for _ in range(400))
    text = f"Intro. {words} Outro."

    def typo(quote: str) -> str:  # one letter wrong: no exact match, a close one
        return quote[:1000] + "Z" + quote[1001:]

    assert MAX_SEARCH_QUOTE == 2000
    # 2,000 characters are searched (the cut word at the end is completed: 7 + 2,000 + 3).
    assert closest_passage(text, typo(words[:2000])) == (7, 2010)
    assert closest_passage(text, typo(words[:2001])) is None


def test_closest_passage_counts_offsets_past_letters_whose_lower_case_is_longer() -> None:
    # "İ".lower() is two code points: the search must not shift the offsets after it.
    text = "İ" * 50 + " Officials expect the talks to fail."
    assert closest_passage(text, "the talks to fial") == (68, 85)
    assert text[68:85] == "the talks to fail"
    assert closest_passage("In İstanbul they expect talks.", "in istanbul they expekt") == (0, 23)


def test_an_empty_span_splits_no_word() -> None:
    assert is_whole_word("abc", 1, 1) and is_whole_word("abc", 0, 3)
    assert not is_whole_word("abc", 1, 3) and not is_whole_word("abc", 0, 2)


def test_an_occurrence_number_picks_among_the_candidates() -> None:
    text = "the war, then the war again, then the warden"
    both = ((0, 7), (14, 21))  # whole words only: "the war" in "the warden" is not one
    assert anchor(text, "the war", occurrence=2) == Anchor("found", both, 14, 21, "the war")
    assert anchor(text, "the war", occurrence=1, start_hint=14).start == 0  # the number wins
    for number in (0, 3):
        assert anchor(text, "the war", occurrence=number) == Anchor("no-such-occurrence", both)
    # Inside words only: every occurrence is a candidate, and the word is named.
    inside = anchor("warden and wardrobe", "ward", occurrence=2)
    assert inside == Anchor("found", ((0, 4), (11, 15)), 11, 15, "ward", "wardrobe")


#: A long sentence of words like the quote's, for the ranking of windows to matter (the
#: search scores the best 12 word starts of 240 in full).
_FILLER = " ".join(
    random.Random(3).choice(
        ["Talks", "resumed", "in", "Geneva", "Ministers", "met", "again", "Nothing", "changed"]
    )
    for _ in range(120)
)


def test_closest_passage_finds_a_mistyped_quote_in_a_long_text() -> None:
    text = f"{_FILLER}. Officials in Seoul expect the Pyongyang talks to fail by spring. {_FILLER}"
    start = text.index("Officials")
    quote = "officials in seoul expekt the pyongyang talk to fail"  # lower case, two typos
    assert closest_passage(text, quote) == (start, start + 53)
    assert text[start : start + 53] == "Officials in Seoul expect the Pyongyang talks to fail"
    # The same in capitals: the ranking compares letters whatever their case.
    assert closest_passage(text, quote.upper()) == (start, start + 53)


def test_closest_passage_ranks_past_many_words_with_a_longer_lower_case() -> None:
    text = "İİ " * 40 + "Officials expect the talks to fail."
    assert closest_passage(text, "the talks to fial") == (137, 154)
    assert text[137:154] == "the talks to fail"


def test_several_candidates_without_a_hint_are_listed_as_ambiguous() -> None:
    text = "the war, then the war again"
    assert anchor(text, "the war") == Anchor("ambiguous", ((0, 7), (14, 21)))


def test_candidates_say_whether_they_are_whole_words() -> None:
    assert candidates("the war and the warden", "war") == (((4, 7),), True)
    assert candidates("warden and wardrobe", "ward") == (((0, 4), (11, 15)), False)
    assert candidates("warden", "wars") == ((), False)


def test_the_word_a_quote_sits_in_is_named_whole() -> None:
    assert anchor("wardrobe", "ward").in_word == "wardrobe"  # at the very start
    assert anchor("an award", "war").in_word == "award"  # one letter in
    assert anchor("an award", "rd").in_word == "award"  # to the very end
    assert anchor("an awards now", "awa").in_word == "awards"  # not into the next word
    assert is_whole_word("ab cd", 0, 3)  # ends after a space: the next word is not cut


def test_closest_passage_ranks_capitals_after_a_longer_lower_case() -> None:
    # "İ" makes the text's lower case longer: the ranking then folds letter by letter, and
    # must still fold the capitals of the passage.
    text = f"İstanbul. {_FILLER}. OFFICIALS IN SEOUL EXPECT THE PYONGYANG TALKS TO FAIL by spring."
    start = text.index("OFFICIALS")
    quote = "officials in seoul expekt the pyongyang talk to fail"
    assert closest_passage(text, quote) == (start, start + 53)


def test_words_hold_underscores_and_combining_marks() -> None:
    assert anchor("award", "war").in_word == "award"  # one letter from the start
    assert anchor("snake_case now", "case").in_word == "snake_case"
    assert anchor("cafe\u0301 noir", "caf").in_word == "cafe\u0301"


def most_like(text: str, quote: str) -> int | None:
    """What `closest_passage` stands for, by brute force: the word start whose window of the
    quote's length is most like it (by character, by word past 300 characters; the first of
    equals), or None under 0.6. Its shortlist of windows must not lose that one."""
    size = len(quote.strip())
    needle = " ".join(quote.split()).lower()
    best = (0.0, 0)
    for word in re.finditer(r"\S+", text):
        window = " ".join(text[word.start() : word.start() + size].split()).lower()
        if size > 300:
            ratio = difflib.SequenceMatcher(None, window.split(), needle.split(), False).ratio()
        else:
            ratio = difflib.SequenceMatcher(None, window, needle, autojunk=False).ratio()
        if ratio > best[0]:
            best = (ratio, word.start())
    return best[1] if best[0] >= 0.6 else None


# Texts of many near-misses, where the 3-gram shortlist is at its narrowest: a window's count
# of the quote's grams one or two off, or the windows compared in another order, and the
# passage named is another.
NEAR_MISSES = [
    (
        "deal helps will will help it help and the helps helps Seoul and it Moscow Moscow it "
        "Moscow it and the deal with the helps Seoul the",
        "Moscow helps and",
        81,
    ),
    (
        "the it helps helps deal with it help deal help Moscow with it hope Seoul it with",
        "help DPRK Seoul it",
        13,
    ),
    (
        "Seoul hopes it with Seoul will hope Seoul help Moscow hope deal hope Seoul Moscow DPRK "
        "Moscow DPRK Moscow help Moscow DPRK Moscow Seoul hope will will Seoul",
        "will DPRK Seoul",
        26,
    ),
]

LONG = (
    "Seoul hopes that Moscow will help it to deal with the DPRK, but Moscow did not side with "
    "Seoul over the sinking of the Cheonan corvette, and the Kremlin has since kept its distance "
    "from every plan the South Korean government put forward for talks with Pyongyang, so the "
    "hopes of Seoul rest on Beijing and Washington now more than ever before"
)
# The quote retyped with words mistyped, replaced and left out: compared word by word past
# 300 characters (322 here), letter by letter up to 300 (exactly, here).
RETYPED = [
    (
        "As said before: Seoux hopes that trade will help Japan to deal witx the Japan but "
        "Moscow not side with Seoul over thx sinking of thx Cheonax corvette, rice the trade "
        "has since kept its distance from everx plan the Tokyo Korean governmenx put forward "
        "for talks with Pyongyang, so thx hopes of Seoul army on Beijing anx Washington now mo.",
        LONG[:322],
        22,
    ),
    (
        "As said before: Seoul hopes thax ships wilx help it to deal with the DPRK, but Moscow "
        "dix ships side witx Seoux over the talks of Cheonax corvette, and the Kremlix has since "
        "kept its talks frox every plan the South government put forward Tokyo talks with "
        "Pyongyangx so the hopes of Seoul rest on Beijing.",
        LONG[:300],
        16,
    ),
]


@pytest.mark.parametrize(("text", "quote", "start"), [*NEAR_MISSES, *RETYPED])
def test_closest_passage_is_the_window_most_like_the_quote_of_all(
    text: str, quote: str, start: int
) -> None:
    assert find_quote(text, quote, ignore_case=True) == []
    assert most_like(text, quote) == start
    found = closest_passage(text, quote)
    assert found is not None and found[0] == start


def test_a_dotted_capital_is_found_written_decomposed_among_words_holding_it() -> None:
    # "İa" lower-cased is "i̇a" (i and a combining dot: three characters): written so in the
    # text, it is not found as typed, and twelve earlier words hold it after their first letter.
    dotted = "i\u0307a"
    text = " ".join([f"x{dotted}"] * 12 + [dotted])
    assert find_quote(text, "\u0130a", ignore_case=True) == []
    assert closest_passage(text, "\u0130a") == (60, 63)
    assert text[60:63] == dotted
