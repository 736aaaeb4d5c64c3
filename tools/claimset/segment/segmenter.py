"""The splitter: paragraphs, then candidate boundaries in each, then trimmed sentences.

Every later span hangs on these offsets, so the splitter never rewrites the text: it only decides
where sentences start and end, and each :class:`Segment` is a slice of the input. One
left-to-right pass with bounded look-around: time is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from .boundaries import sentence_cuts
from .chars import ALNUM, TERMINALS
from .paragraphs import paragraph_blocks

# A line: a run of characters without a line break.
_LINE = re.compile("[^\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence (or heading) of a text.

    Attributes:
        start: Code-point offset of the first character in the original text, inclusive.
        end: Code-point offset just after the last character, exclusive.
        text: ``original[start:end]``; never empty, never starts or ends with whitespace.
    """

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Segment]:
    """Split text into sentences with exact, trimmed, ordered, disjoint code-point offsets.

    Args:
        text: The document, as read (line endings untouched).

    Returns:
        The sentences (and headings) in document order; ``text[s.start:s.end] == s.text``.
        Separator lines and whitespace produce no segment.
    """
    if not ALNUM.search(text):
        return _punctuation_lines(text)
    out: list[Segment] = []
    for bstart, bend in paragraph_blocks(text):
        for s, e in _trimmed_sentences(text, bstart, bend):
            out.append(Segment(s, e, text[s:e]))
    return out


def _punctuation_lines(text: str) -> list[Segment]:
    """A text without letters or digits: its lines with terminal punctuation ("?", "!!! ??").

    Separator lines ("* * *", "---") and emoji alone still give nothing.
    """
    out = []
    for m in _LINE.finditer(text):
        if any(ch in TERMINALS for ch in m.group()):
            line = m.group()
            start = m.start() + len(line) - len(line.lstrip())
            end = m.end() - len(line) + len(line.rstrip())
            out.append(Segment(start, end, text[start:end]))
    return out


def _trimmed_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trimmed sentence ranges of one block, with letterless pieces merged into a neighbour.

    A piece without letters or digits (a stray ``!!`` or an emoji) joins the sentence before it,
    or the first sentence if it comes before any.
    """
    block = text[start:end]
    bounds = [0, *sentence_cuts(block), len(block)]
    merged: list[list[int]] = []
    letterless_start: int | None = None  # start of letterless pieces before the first sentence
    for a, b in pairwise(bounds):
        piece = block[a:b]
        stripped = piece.lstrip()
        if not stripped:
            continue
        a += len(piece) - len(stripped)
        b -= len(stripped) - len(stripped.rstrip())
        if ALNUM.search(stripped):
            if letterless_start is not None:
                a, letterless_start = letterless_start, None
            merged.append([a, b])
        elif merged:
            merged[-1][1] = b
        elif letterless_start is None:
            letterless_start = a
    for a, b in merged:
        yield start + a, start + b
