"""Sentence offsets: in order, not overlapping, and holding the sentence's text in the seed."""

from __future__ import annotations

from ..problems import Problem, quote
from ..registry import check
from ..state import AnnotationState


@check("sentence-offsets", {"offset-mismatch": "error", "order": "error"})
def sentence_offsets(state: AnnotationState, start: int, end: int, lineno: int) -> list[Problem]:
    """A sentence ends after it starts, and starts at or after the end of the one before."""
    out = []
    if end < start:
        out.append(Problem(("end",), "offset-mismatch", f"end {end} is before start {start}"))
    if start < state.prev_end:
        message = (
            f"starts at {start}, before the previous sentence ends ({state.prev_end}, line "
            f"{state.prev_end_line}): sentences must not overlap and must be in document order"
        )
        out.append(Problem(("start",), "order", message))
    if end >= state.prev_end:
        state.prev_end, state.prev_end_line = end, lineno
    return out


@check("sentence-text", {"offset-mismatch": "error"})
def sentence_text(
    state: AnnotationState, rid: str | None, start: int, end: int, text: str
) -> list[Problem]:
    """A sentence's text is exactly `seed[start:end]`."""
    seed = state.seed_text
    if seed is None:
        if rid is not None:
            state.texts[rid] = text
        return []
    if seed[start:end] == text:
        if rid is not None:
            state.texts[rid] = (start, end)
        return []
    if rid is not None:
        state.texts[rid] = text
    if end < start:
        return []  # reported with the order checks
    at = seed.find(text) if text else -1
    if at >= 0:
        message = (
            f"the text is at {at}..{at + len(text)} of {state.seed_rel}, not at "
            f"{start}..{end}: the offsets are wrong (re-run `claimset split`)"
        )
    else:
        message = (
            f"the text differs from {state.seed_rel}[{start}:{end}] "
            f"({quote(seed[start:end])}): sentence text is never edited by hand; restore "
            "it from the seed, or re-run `claimset split` if the seed changed"
        )
    return [Problem(("text",), "offset-mismatch", message)]
