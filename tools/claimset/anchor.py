"""Finding annotators' quotes in sentence text, whitespace-tolerantly, and anchoring them.

A quote matches the text with any run of whitespace in the quote standing for any run of
whitespace in the text (quotes typed across line breaks), and may start or end inside a word.
Offsets are code points (Python `str` indices), end-exclusive (SPEC, "Offsets").
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Literal

_WHITESPACE = re.compile(r"\s+")

AnchorStatus = Literal["found", "moved", "ambiguous", "not-found"]


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


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in a text.

    `status` is `found` (unique, or at the hinted start), `moved` (a start hint was given but no
    occurrence starts there: the occurrence nearest the hint was taken), `ambiguous` (several
    occurrences and no hint) or `not-found`. `start`/`end`/`text` are set for found and moved;
    `text` is the exact text at those offsets (what `fmt` writes as the quote).
    """

    status: AnchorStatus
    occurrences: tuple[tuple[int, int], ...] = ()
    start: int | None = None
    end: int | None = None
    text: str | None = None


def anchor(text: str, quote: str, start_hint: int | None = None) -> Anchor:
    """Anchor `quote` in `text`, preferring the occurrence at (or else nearest) `start_hint`."""
    occurrences = tuple(find_quote(text, quote))
    if not occurrences:
        return Anchor("not-found")
    if start_hint is None:
        if len(occurrences) > 1:
            return Anchor("ambiguous", occurrences)
        start, end = occurrences[0]
        return Anchor("found", occurrences, start, end, text[start:end])
    for start, end in occurrences:
        if start == start_hint:
            return Anchor("found", occurrences, start, end, text[start:end])
    # Nearest to the old start; on a tie the earlier one, so the result is deterministic.
    start, end = min(occurrences, key=lambda occ: (abs(occ[0] - start_hint), occ[0]))
    return Anchor("moved", occurrences, start, end, text[start:end])


def closest_passage(text: str, quote: str) -> tuple[int, int] | None:
    """The stretch of `text` most like `quote` (for "did you mean" messages), or None.

    A case-insensitive match wins outright; otherwise windows of the quote's length starting at
    each word are scored with difflib, and the best is extended to whole words.
    """
    folded = find_quote(text, quote, ignore_case=True)
    if folded:
        return folded[0]
    size = len(quote.strip())
    if not size or not text:
        return None
    needle = " ".join(quote.split()).lower()
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    best: tuple[float, int] = (0.0, 0)
    starts = [m.start() for m in re.finditer(r"\S+", text)][:2000]
    for start in starts:
        matcher.set_seq1(" ".join(text[start : start + size].split()).lower())
        if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
            continue
        ratio = matcher.ratio()
        if ratio > best[0]:
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
