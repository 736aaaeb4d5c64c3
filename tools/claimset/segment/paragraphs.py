"""Paragraphs: the ranges of text that sentences may not cross.

The text is cut into lines once (any Unicode line break; CRLF counts as one). Blank lines, lines
without letters or digits (``* * *``, which are separators, never sentences) and U+2029
PARAGRAPH SEPARATOR always end a paragraph. Whether a single newline between two lines also ends
one, or is soft (the text is hard-wrapped), is decided by :mod:`.wrapping` from the text itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from .chars import ALNUM
from .wrapping import detect_layout, is_hard_break, list_width

_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

# A line: its start, its end without the line break, and whether its break ends a paragraph
# (U+2029 PARAGRAPH SEPARATOR).
Line = tuple[int, int, bool]


def _lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start(), m.group() == "\u2029"))
        pos = m.end()
    lines.append((pos, len(text), False))
    return lines


def _blank_line_between_paragraphs(blank: list[bool]) -> bool:
    """Whether a blank line separates two non-blank lines.

    Trailing or leading empty lines (a final "\\n\\n") do not count.
    """
    seen = pending = False
    for is_blank in blank:
        if is_blank:
            pending = seen
        elif pending:
            return True
        else:
            seen = True
    return False


def _line_groups(lines: list[Line], contents: list[str], blank: list[bool]) -> list[list[int]]:
    """Runs of indices of lines with text, ended by blank lines, separators or U+2029."""
    groups: list[list[int]] = []
    group: list[int] = []
    for i, ((_, _, hard), c, is_blank) in enumerate(zip(lines, contents, blank, strict=True)):
        if is_blank or not ALNUM.search(c):
            if group:
                groups.append(group)
                group = []
            continue
        group.append(i)
        if hard:
            groups.append(group)
            group = []
    if group:
        groups.append(group)
    return groups


def paragraph_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) ranges that sentences may not cross, in order."""
    lines = _lines(text)
    contents = [text[s:e] for s, e, _ in lines]
    blank = [not c.strip() for c in contents]
    groups = _line_groups(lines, contents, blank)
    layout = detect_layout(contents, groups, _blank_line_between_paragraphs(blank))
    for group in groups:
        items_width = list_width(layout, [contents[i] for i in group])
        first = group[0]
        for prev, cur in pairwise(group):
            if is_hard_break(contents[prev], contents[cur], layout, items_width):
                yield lines[first][0], lines[prev][1]
                first = cur
        yield lines[first][0], lines[group[-1]][1]
