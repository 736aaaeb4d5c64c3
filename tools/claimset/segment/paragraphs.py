"""Paragraphs: the ranges of text that sentences may not cross.

The text is cut into lines once (any Unicode line break; CRLF counts as one). Blank lines, lines
without letters or digits (``* * *``, which are separators, never sentences) and U+2029
PARAGRAPH SEPARATOR always end a paragraph. Whether a single newline between two lines also ends
one, or is soft (the text is hard-wrapped), is decided by :mod:`.wrapping` from the text itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate, pairwise, repeat
from operator import add

from .chars import ALNUM
from .wrapping import detect_layout, is_hard_break, list_width

# A line: its start, its end without the line break, and whether its break ends a paragraph
# (U+2029 PARAGRAPH SEPARATOR).
Line = tuple[int, int, bool]


def _lines(text: str) -> tuple[list[Line], list[str]]:
    """The lines of text and their contents (without the line break).

    ``str.splitlines`` knows the same line breaks as SPEC (CRLF as one) and runs in C; so do
    ``accumulate`` and ``map``, which place the lines without a Python step per line.
    """
    chunks = text.splitlines(True)
    contents = text.splitlines()
    starts = list(accumulate(map(len, chunks), initial=0))[:-1]
    lines: list[Line] = list(
        zip(
            starts,
            map(add, starts, map(len, contents)),
            [chunk[-1] == "\u2029" for chunk in chunks]
            if "\u2029" in text
            else repeat(False, len(chunks)),
            strict=True,
        )
    )
    if not chunks or len(chunks[-1]) != len(contents[-1]):
        # The text is empty or ends with a line break: an empty last line.
        lines.append((len(text), len(text), False))
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


def _line_groups(lines: list[Line], contents: list[str]) -> list[list[int]]:
    """Runs of indices of lines with text, ended by blank lines, separators or U+2029."""
    groups: list[list[int]] = []
    group: list[int] = []
    # A blank line has no letter or digit either; map runs the search in C.
    found = map(ALNUM.search, contents)
    for i, ((_, _, hard), has_text) in enumerate(zip(lines, found, strict=True)):
        if has_text is None:
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
    groups = _line_groups(lines, contents)
    layout = detect_layout(contents, groups, _blank_line_between_paragraphs(blank))
    for group in groups:
        # Only a run of three or more lines can hold two list items after its first line.
        items_width = (
            list_width(layout, [contents[i] for i in group]) if len(group) > 2 else layout.width
        )
        first = group[0]
        for prev, cur in pairwise(group):
            before = None if prev == first else contents[prev - 1]
            if is_hard_break(contents[prev], contents[cur], layout, items_width, before):
                yield lines[first][0], lines[prev][1]
                first = cur
        yield lines[first][0], lines[group[-1]][1]
