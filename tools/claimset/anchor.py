"""Finding annotators' quotes in sentence text, whitespace-tolerantly, and anchoring them.

A quote matches the text with any run of whitespace in the quote standing for any run of
whitespace in the text (quotes typed across line breaks). Whole words win: an occurrence that
starts or ends inside a word ("he" in "the") counts only when the quote occurs nowhere as whole
words, and then the anchor names the word it sits in, for a warning. Offsets are code points
(Python `str` indices), end-exclusive (SPEC, "Offsets").
"""

from __future__ import annotations

import difflib
import functools
import heapq
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

_WHITESPACE = re.compile(r"\s+")

AnchorStatus = Literal["found", "moved", "ambiguous", "not-found", "no-such-occurrence"]


@functools.lru_cache(maxsize=4096)
def _pattern(quote: str, ignore_case: bool = False) -> re.Pattern[str] | None:
    parts = _WHITESPACE.split(quote)
    if not any(parts):
        return None  # a blank quote names nothing
    body = r"\s+".join(re.escape(part) for part in parts)
    # The lookahead makes overlapping occurrences visible ("aa" twice in "aaa").
    return re.compile(f"(?=({body}))", re.IGNORECASE if ignore_case else 0)


def find_quote(text: str, quote: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Every occurrence of `quote` in `text` as (start, end), whitespace-tolerant, in order.

    A quote starting with whitespace would match at each position of a whitespace run; only
    the longest of those (same end) is kept.
    """
    pattern = _pattern(quote, ignore_case)
    if pattern is None:
        return []
    found: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if found and found[-1][1] == end:
            continue
        found.append((start, end))
    return found


def _is_word(char: str) -> bool:
    """Whether a character belongs to a word: a letter, digit, underscore or combining mark."""
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` splits no word at either edge (Unicode word boundaries)."""
    if start < end:
        if start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
            return False
        if end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
            return False
    return True


def word_around(text: str, start: int, end: int) -> str:
    """The whole word(s) that `text[start:end]` lies in, extended to word boundaries."""
    while start > 0 and _is_word(text[start - 1]):
        start -= 1
    while end < len(text) and _is_word(text[end]):
        end += 1
    return text[start:end]


def candidates(text: str, quote: str) -> tuple[tuple[tuple[int, int], ...], bool]:
    """The occurrences a quote can be anchored to, and whether they are whole words.

    The whole-word occurrences when there is any; otherwise every occurrence (inside words).
    These are what `occurrence` numbers (from 1) and what `quote-ambiguous` lists.
    """
    every = find_quote(text, quote)
    words = tuple(occ for occ in every if is_whole_word(text, *occ))
    return (words, True) if words else (tuple(every), False)


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in a text.

    `status` is `found` (unique, or the given occurrence, or at the hinted start), `moved` (a
    start hint was given but no occurrence starts there: the candidate nearest the hint was
    taken), `ambiguous` (several candidates and no hint), `not-found`, or `no-such-occurrence`
    (an `occurrence` number beyond the candidates). `occurrences` are the candidates (see
    `candidates`). `start`/`end`/`text` are set for found and moved; `text` is the exact text
    at those offsets (what `fmt` writes as the quote). `in_word` names the word the anchored
    occurrence lies inside, when it is not a whole-word match.
    """

    status: AnchorStatus
    occurrences: tuple[tuple[int, int], ...] = ()
    start: int | None = None
    end: int | None = None
    text: str | None = None
    in_word: str | None = None


def _at(
    status: AnchorStatus, text: str, occurrences: tuple[tuple[int, int], ...], span: tuple[int, int]
) -> Anchor:
    start, end = span
    inside = None if is_whole_word(text, start, end) else word_around(text, start, end)
    return Anchor(status, occurrences, start, end, text[start:end], inside)


def anchor(
    text: str, quote: str, start_hint: int | None = None, occurrence: int | None = None
) -> Anchor:
    """Anchor `quote` in `text`: the `occurrence`-th candidate (from 1) when given, else the
    one at (or else nearest) `start_hint`, else the only candidate.

    An explicit start is honoured even inside a word; the candidates otherwise prefer whole
    words (see `candidates`).
    """
    occurrences, _ = candidates(text, quote)
    if not occurrences:
        return Anchor("not-found")
    if occurrence is not None:
        if not 1 <= occurrence <= len(occurrences):
            return Anchor("no-such-occurrence", occurrences)
        return _at("found", text, occurrences, occurrences[occurrence - 1])
    if start_hint is None:
        if len(occurrences) > 1:
            return Anchor("ambiguous", occurrences)
        return _at("found", text, occurrences, occurrences[0])
    for span in find_quote(text, quote):
        if span[0] == start_hint:
            return _at("found", text, occurrences, span)
    # Nearest to the old start; on a tie the earlier one, so the result is deterministic.
    nearest = min(occurrences, key=lambda occ: (abs(occ[0] - start_hint), occ[0]))
    return _at("moved", text, occurrences, nearest)


#: The closest-passage search gives up on longer quotes (no message needs one): the note says so.
MAX_SEARCH_QUOTE = 2000

#: Window starts scored in full by difflib, after the k-gram count has ranked them all.
_CANDIDATES = 12

#: Quotes up to this long are compared character by character; longer ones word by word.
_CHARACTER_COMPARISON = 300

#: Characters per gram of the ranking: short enough to survive typos, long enough to be rare.
_K = 3


def _folded(text: str) -> str:
    """`text` lower-cased character for character (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _ranked_starts(text: str, needle: str, size: int) -> list[int]:
    """Word starts of `text`, best first by how many of the needle's k-grams the window of
    `size` characters there holds: linear in the text, whatever the quote's length."""
    grams = {needle[i : i + _K] for i in range(len(needle) - _K + 1)}
    folded = _folded(text)
    prefix = [0]
    for i in range(len(folded)):
        prefix.append(prefix[-1] + (folded[i : i + _K] in grams))
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    last = len(prefix) - 1

    def score(start: int) -> int:
        return prefix[min(last, start + max(size - _K + 1, 1))] - prefix[start]

    return heapq.nlargest(_CANDIDATES, starts, key=lambda s: (score(s), -s))


def closest_passage(text: str, quote: str) -> tuple[int, int] | None:
    """The stretch of `text` most like `quote` (for "did you mean" messages), or None.

    A case-insensitive match wins outright. Otherwise the word starts are ranked by the quote's
    character 3-grams their window holds (one pass over the text), and the best few windows of
    the quote's length are scored with difflib (by character, or by word for long quotes); the
    best is extended to whole words. Linear in the text; quotes longer than MAX_SEARCH_QUOTE are
    not searched (None).
    """
    folded = find_quote(text, quote, ignore_case=True)
    if folded:
        return folded[0]
    size = len(quote.strip())
    if not size or not text or size > MAX_SEARCH_QUOTE:
        return None
    needle = " ".join(quote.split()).lower()
    # difflib compares characters in quadratic time: long quotes are compared word by word.
    by_word = size > _CHARACTER_COMPARISON
    matcher: difflib.SequenceMatcher[Any] = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle.split() if by_word else needle)
    best: tuple[float, int] = (0.0, 0)
    for start in _ranked_starts(text, needle, size):
        window = " ".join(text[start : start + size].split()).lower()
        matcher.set_seq1(window.split() if by_word else window)
        if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
            continue
        ratio = matcher.ratio()
        if ratio > best[0] or (ratio == best[0] and start < best[1]):
            best = (ratio, start)
    if best[0] < 0.6:
        return None
    start = best[1]
    end = min(len(text), start + size)
    while end < len(text) and not text[end].isspace() and not text[end - 1].isspace():
        end += 1
    end = len(text[start:end].rstrip()) + start
    # Sentence punctuation the quote does not have is not part of the passage.
    while (
        end > start + 1 and text[end - 1] in ".,;:!?" and not quote.rstrip().endswith(text[end - 1])
    ):
        end -= 1
    return start, end
