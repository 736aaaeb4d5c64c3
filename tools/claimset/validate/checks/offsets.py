"""Sentence offsets: in order, not overlapping, and holding the sentence's text in the seed."""

from __future__ import annotations

from ...diagnostics import Diagnostic
from ..problems import Problem, quote
from ..registry import check
from ..state import AnnotationState


@check("sentence-offsets", {"offset-mismatch": "error", "order": "error"})
def sentence_offsets(state: AnnotationState, start: int, end: int, lineno: int) -> list[Problem]:
    """A sentence ends after it starts, and starts at or after the end of the one before."""
    out = []
    if end < start:
        state.misplaced += 1
        out.append(Problem(("end",), "offset-mismatch", f"end {end} is before start {start}"))
    overlapped = next(
        ((s, e, n) for s, e, n in state.spans if s < end and start < e and s != e), None
    )
    if overlapped is not None:
        s, e, n = overlapped
        message = (
            f"{start}..{end} overlaps the sentence on line {n} ({s}..{e}): sentences must not "
            "overlap (offsets edited by hand? restore them from git, or run `claimset split`, "
            "which re-segments the seed and keeps the annotations)"
        )
        out.append(Problem(("start",), "order", message))
    elif state.prev_end_line and start < state.prev_start:  # (line 0: no sentence before)
        message = (
            f"starts at {start}, before the sentence on line {state.prev_end_line} "
            f"({state.prev_start}..{state.prev_end}): the lines are out of document order; "
            "`claimset fmt` puts them back in order"
        )
        out.append(Problem(("start",), "order", message))
    state.spans.append((start, end, lineno))
    if end >= state.prev_end:
        state.prev_start, state.prev_end, state.prev_end_line = start, end, lineno
    return out


@check("seed-coverage", {"order": "error"})
def seed_coverage(rel: str, state: AnnotationState) -> list[Diagnostic]:
    """Every sentence of the seed has a record: no text between records is left out.

    Not in an agreement file: a second annotation may cover part of a document (and `split`
    does not fill one in)."""
    seed = state.seed_text
    if seed is None or state.partial:
        return []
    out = []
    covered = 0
    spans = sorted(state.spans)
    for start, end, lineno in [*spans, (len(seed), len(seed), spans[-1][2] if spans else 1)]:
        gap = seed[covered:start]
        # Separators such as "* * *" are not sentences: only words make a missing sentence.
        # (Nearly every gap is a space or a newline: `isspace` answers for those at once.)
        if gap and not gap.isspace() and any(ch.isalnum() for ch in gap):
            at = covered + len(gap) - len(gap.lstrip())
            to = covered + len(gap.rstrip())
            where = "before this line's sentence" if start < len(seed) else "at the end"
            message = (
                f"the seed text at {at}..{to} ({quote(seed[at:to])}) is in no sentence record "
                f"({where}): a line was deleted? `claimset split` brings it back as a todo "
                "sentence (or restore the line from git)"
            )
            out.append(Diagnostic(rel, lineno, 1, "", "order", message))
        if end > covered:
            covered = end
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
    state.misplaced += 1
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
