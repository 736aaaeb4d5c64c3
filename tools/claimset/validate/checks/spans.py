"""Spans: a quote and the offsets that hold it in its sentence.

The quote is authoritative; `claimset fmt` anchors it (fills or moves the offsets) when that is
unambiguous, so what fmt can fix is a warning (`unanchored`), and what it cannot is an error.
"""

from __future__ import annotations

from typing import Any

from ...anchor import anchor, candidates, find_quote
from ...diagnostics import Severity
from ...quotes import ambiguous_message, not_found_message, occurrences_listing, spacing_note
from ..positions import Path as JsonPath
from ..problems import Problem, quote
from ..registry import check

Occurrences = list[tuple[int, int]]

_SPAN_CODES: dict[str, Severity] = {
    "value": "error",
    "quote-not-found": "error",
    "quote-ambiguous": "error",
    "offset-mismatch": "error",
    "unanchored": "warning",
}


@check("span", _SPAN_CODES)
def span(item: dict[str, Any], path: JsonPath, text: str, sentence: str | None) -> list[Problem]:
    """A quote occurs in its sentence, once or at its offsets, and the offsets hold it exactly.

    `sentence`: the id of the sentence `text` is from, when it is not the claim's own.
    """
    quoted: Any = item.get("quote")
    start: Any = item.get("start")
    end: Any = item.get("end")
    occurrence: Any = item.get("occurrence")
    if type(quoted) is not str:
        return []
    has_start, has_end = type(start) is int, type(end) is int
    if has_start and has_end and occurrence is None and text[start:end] == quoted:
        return []  # the common case: anchored and exact
    if (start is not None and not has_start) or (end is not None and not has_end):
        return []  # offsets of the wrong type: a `type` problem already
    if occurrence is not None and (type(occurrence) is not int or occurrence < 1):
        return []  # a `type` or `value` problem already
    if not quoted.strip():
        return [Problem((*path, "quote"), "value", "the quote is blank")] if quoted else []
    where = f"sentence {sentence}" if sentence else "the sentence"
    occurrences = find_quote(text, quoted)
    if not occurrences:
        return [_not_found(path, text, quoted, where)]
    if occurrence is not None:
        return _by_occurrence(path, text, quoted, occurrence, (start, end), where)
    if has_start and has_end:
        return [_misplaced(path, text, start, end, occurrences, quoted)]
    if has_start or has_end:
        return [_half_anchored(path, start if has_start else end, has_start, occurrences)]
    found = anchor(text, quoted)
    if found.status == "found":
        message = "the quote has no offsets: run `claimset fmt` to fill start and end"
        if found.in_word is not None:
            message += f" (it occurs only inside the word {quote(found.in_word)}: check it)"
        return [Problem((*path, "quote"), "unanchored", message, "warning")]
    return [Problem((*path, "quote"), "quote-ambiguous", ambiguous_message(text, quoted, where))]


def _not_found(path: JsonPath, text: str, quoted: str, where: str) -> Problem:
    message = not_found_message(text, quoted, where, quote(quoted))
    return Problem((*path, "quote"), "quote-not-found", message)


def _by_occurrence(
    path: JsonPath, text: str, quoted: str, number: int, offsets: tuple[Any, Any], where: str
) -> list[Problem]:
    """`occurrence` given: it must exist; fmt then writes its offsets."""
    found = anchor(text, quoted, occurrence=number)
    if found.status == "no-such-occurrence":
        occurrences, whole = candidates(text, quoted)
        how = "as a word " if whole else ""
        message = (
            f"there is no occurrence {number}: the quote occurs {len(occurrences)} "
            f"time{'s' if len(occurrences) > 1 else ''} {how}in {where}: "
            f"{occurrences_listing(text, occurrences)}"
        )
        return [Problem((*path, "occurrence"), "offset-mismatch", message)]
    if offsets == (found.start, found.end):
        return []
    message = (
        f"occurrence {number} of the quote is at {found.start}..{found.end}: run `claimset fmt` "
        "to write its start and end"
    )
    return [Problem((*path, "occurrence"), "unanchored", message, "warning")]


def _misplaced(
    path: JsonPath, text: str, start: int, end: int, occurrences: Occurrences, quoted: str
) -> Problem:
    """Both offsets given, not holding the quote exactly."""
    if (start, end) in occurrences:
        message = (
            f"the quote differs from the text at {start}..{end} in whitespace"
            f"{spacing_note(quoted, text[start:end])}: `claimset fmt` rewrites it to "
            f"{quote(text[start:end])}"
        )
        return Problem((*path, "quote"), "unanchored", message, "warning")
    held = text[start:end] if 0 <= start <= end else ""
    a, b = min(occurrences, key=lambda occ: (abs(occ[0] - start), occ[0]))
    message = (
        f"offsets {start}..{end} hold {quote(held)}, not the quote, which is at "
        f"{a}..{b}: run `claimset fmt` to re-anchor"
    )
    return Problem((*path, "start"), "offset-mismatch", message)


def _half_anchored(path: JsonPath, given: int, is_start: bool, occurrences: Occurrences) -> Problem:
    """Only one of the offsets given."""
    index = 0 if is_start else 1
    if any(occ[index] == given for occ in occurrences):
        message = "the span is not fully anchored: run `claimset fmt` to fill start and end"
        return Problem(path, "unanchored", message, "warning")
    name = "start" if is_start else "end"
    message = (
        f"no occurrence of the quote has {name} {given}; it "
        f"{'starts' if is_start else 'ends'} at "
        + ", ".join(str(occ[index]) for occ in occurrences[:20])
    )
    return Problem((*path, name), "offset-mismatch", message)
