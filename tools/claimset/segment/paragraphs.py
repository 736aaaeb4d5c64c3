"""Paragraphs: the ranges of text that sentences may not cross.

The text is cut into lines once (any Unicode line break; CRLF counts as one). Blank lines, lines
without letters or digits (``* * *``, which are separators, never sentences) and U+2029
PARAGRAPH SEPARATOR always end a paragraph. Whether a single newline between two lines also ends
one, or is soft (the text is hard-wrapped), is decided by :mod:`.wrapping` from the text itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from .chars import ALNUM
from .wrapping import detect_layout, is_hard_break, list_width

# The line breaks of str.splitlines (and of SPEC): CRLF counts as one.
_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

# A line: its start, its end without the line break, and whether its break ends a paragraph
# (U+2029 PARAGRAPH SEPARATOR).
Line = tuple[int, int, bool]


def _lines(text: str) -> tuple[list[Line], list[str]]:
    """The lines of text and their contents (without the line break).

    ``str.splitlines`` knows the same line breaks as SPEC (CRLF as one) and runs in C.
    """
    lines: list[Line] = []
    contents: list[str] = []
    pos = 0
    brk = 1
    for chunk in text.splitlines(True):
        n = len(chunk)
        brk = 2 if chunk.endswith("\r\n") else int(chunk[-1] in _BREAKS)
        lines.append((pos, pos + n - brk, chunk[-1] == "\u2029"))
        contents.append(chunk[: n - brk])
        pos += n
    if brk:  # the text is empty or ends with a line break: an empty last line
        lines.append((pos, pos, False))
        contents.append("")
    return lines, contents


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
    lines, contents = _lines(text)
    blank = [not c.strip() for c in contents]
    groups = _line_groups(lines, contents, blank)
    layout = detect_layout(contents, groups, _blank_line_between_paragraphs(blank))
    for group in groups:
        # Only a run of three or more lines can hold two list items after its first line.
        items_width = (
            list_width(layout, [contents[i] for i in group]) if len(group) > 2 else layout.width
        )
        first = group[0]
        for prev, cur in pairwise(group):
            if is_hard_break(contents[prev], contents[cur], layout, items_width):
                yield lines[first][0], lines[prev][1]
                first = cur
        yield lines[first][0], lines[group[-1]][1]
