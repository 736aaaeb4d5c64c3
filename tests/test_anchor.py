"""Finding quotes: whitespace-tolerant, mid-word, overlapping; anchoring with a start hint."""

from __future__ import annotations

from claimset.anchor import Anchor, anchor, closest_passage, find_quote
from hypothesis import given, settings
from hypothesis import strategies as st

TEXT = "Russia should\nprobably  invest, and Russia should act."


def test_whitespace_runs_match_any_whitespace_runs() -> None:
    assert find_quote(TEXT, "should probably invest") == [(7, 30)]
    assert find_quote(TEXT, "should   probably\tinvest") == [(7, 30)]


def test_quotes_may_start_and_end_inside_words() -> None:
    assert find_quote("Russiashould act", "ashou") == [(5, 10)]


def test_overlapping_occurrences_are_all_found() -> None:
    assert find_quote("aaa", "aa") == [(0, 2), (1, 3)]


def test_blank_and_missing_quotes() -> None:
    assert find_quote(TEXT, "  ") == []
    assert find_quote(TEXT, "China") == []


def test_anchor_statuses() -> None:
    assert anchor(TEXT, "should probably") == Anchor("found", ((7, 22),), 7, 22, "should\nprobably")
    assert anchor(TEXT, "Russia").status == "ambiguous"
    assert anchor(TEXT, "Russia", 36) == Anchor("found", ((0, 6), (36, 42)), 36, 42, "Russia")
    moved = anchor(TEXT, "Russia", 30)
    assert (moved.status, moved.start) == ("moved", 36)
    assert anchor(TEXT, "China", 3) == Anchor("not-found")


def test_a_tie_goes_to_the_earlier_occurrence() -> None:
    assert anchor("abxxab", "ab", 2).start == 0  # 0 and 4 are both 2 away
    assert anchor("abxxab", "ab", 3).start == 4


def test_closest_passage() -> None:
    assert closest_passage(TEXT, "probably invests") == (14, 30)  # no comma
    assert closest_passage(TEXT, "RUSSIA SHOULD") == (0, 13)
    assert closest_passage(TEXT, "completely unrelated words here") is None


@settings(max_examples=100, deadline=None)
@given(
    words=st.lists(st.text("abc", min_size=1, max_size=4), min_size=1, max_size=8),
    spaces=st.lists(st.sampled_from([" ", "  ", "\n", "\t "]), min_size=8, max_size=8),
    data=st.data(),
)
def test_every_occurrence_is_a_real_match(
    words: list[str], spaces: list[str], data: st.DataObject
) -> None:
    text = "".join(w + s for w, s in zip(words, spaces[: len(words)], strict=True))
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i, len(words) - 1))
    quote = " ".join(words[i : j + 1])
    found = find_quote(text, quote)
    assert found, (text, quote)
    for start, end in found:
        assert (
            text[start:end].split() == quote.split() or " ".join(text[start:end].split()) == quote
        )
