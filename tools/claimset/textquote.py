"""Finding a quoted span again in an edited text, as W3C Web Annotation's TextQuoteSelector does.

A selector remembers the span's exact text and a little context on each side (prefix, suffix).
Resolving it in a new text tries, in order: the exact quote (whitespace-tolerant, as `fmt`
anchors quotes), choosing among several occurrences by the context; then, only where the caller
allows it, a bounded fuzzy match (a few edits, found with Sellers' approximate string matching),
which the caller must report: it is never silent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .anchor import find_quote

#: How much context a selector keeps on each side (characters).
CONTEXT = 32
#: Fuzzy matches allow one edit per this many characters of the quote (at least one edit).
CHARS_PER_EDIT = 8
#: Quotes shorter than this are never matched fuzzily: "Rusia" could be "Prussia".
FUZZY_MIN_LENGTH = 6

How = Literal["exact", "context", "fuzzy"]


@dataclass(frozen=True)
class Selector:
    """A span of an old text: its quote and its context there (empty when not located)."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None  # the old start, a tie-breaker
    located: bool = True  # False when the quote did not resolve in the old text either

    @classmethod
    def of(cls, text: str, quote: str, start: int | None, end: int | None) -> Selector:
        """The selector of a span of `text` (offsets used when they hold the quote)."""
        if start is None or end is None or text[start:end] != quote:
            found = find_quote(text, quote)
            if len(found) == 1 or (found and start is not None):
                start, end = min(found, key=lambda occ: abs(occ[0] - (start or 0)))
            else:
                return cls(quote, start=start, located=bool(found))
        return cls(
            quote, text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT], start, True
        )


@dataclass(frozen=True)
class Resolution:
    """Where a selector landed in the new text, and how sure that is.

    `how`: exact (one occurrence, or the one whose context is unchanged), context (several
    occurrences and the context only partly matched, so the nearest best one was taken: the
    span may have moved) or fuzzy (the quote itself changed; `edits` says by how much).
    """

    start: int
    end: int
    quote: str
    how: How
    edits: int = 0

    @property
    def moved_or_changed(self) -> bool:
        return self.how != "exact"


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def resolve(selector: Selector, text: str, *, fuzzy: bool = False) -> Resolution | None:
    """Find the selector's span in `text`, or None."""
    found = find_quote(text, selector.exact)
    if len(found) == 1:
        start, end = found[0]
        return Resolution(start, end, text[start:end], "exact")
    if found:
        full = len(selector.prefix) + len(selector.suffix)

        def score(occ: tuple[int, int]) -> tuple[int, int]:
            context = _common_suffix(text[: occ[0]], selector.prefix) + _common_prefix(
                text[occ[1] :], selector.suffix
            )
            return context, -abs(occ[0] - (selector.start or 0))

        best = max(found, key=score)
        others = [score(occ)[0] for occ in found if occ != best]
        context = score(best)[0]
        sure = selector.located and context == full and all(c < full for c in others)
        start, end = best
        return Resolution(start, end, text[start:end], "exact" if sure else "context")
    if not fuzzy or len(selector.exact) < FUZZY_MIN_LENGTH:
        return None
    budget = max(1, len(selector.exact) // CHARS_PER_EDIT)
    match = approximate(text, selector.exact, budget, selector.start)
    if match is None:
        return None
    start, end, edits = match
    return Resolution(start, end, text[start:end], "fuzzy", edits)


def approximate(
    text: str, pattern: str, budget: int, hint: int | None = None
) -> tuple[int, int, int] | None:
    """The substring of `text` nearest to `pattern` within `budget` edits (Levenshtein), as
    (start, end, edits); the fewest edits win, then the start nearest `hint`. None if none.

    Sellers' algorithm: edit distance where the match may start anywhere in the text.
    """
    m, n = len(pattern), len(text)
    if m == 0 or n == 0:
        return None
    # rows[i][j]: the fewest edits turning pattern[:i] into a substring of text ending at j;
    # starts[i][j]: where that substring starts.
    prev = [0] * (n + 1)
    prev_start = list(range(n + 1))
    for i in range(1, m + 1):
        cur = [i] + [0] * n
        cur_start = [0] * (n + 1)
        p = pattern[i - 1]
        for j in range(1, n + 1):
            cost = 0 if p == text[j - 1] else 1
            best, origin = prev[j - 1] + cost, prev_start[j - 1]
            if prev[j] + 1 < best:
                best, origin = prev[j] + 1, prev_start[j]
            if cur[j - 1] + 1 < best:
                best, origin = cur[j - 1] + 1, cur_start[j - 1]
            cur[j], cur_start[j] = best, origin
        prev, prev_start = cur, cur_start
    candidates = [(prev[j], prev_start[j], j) for j in range(1, n + 1) if prev[j] <= budget]
    if not candidates:
        return None
    edits, start, end = min(
        candidates, key=lambda c: (c[0], abs(c[1] - (hint or 0)), -(c[2] - c[1]))
    )
    # Whitespace at the edges is never part of a quote.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return start, end, edits
