"""Paragraphs and wrapping: the ranges of text that sentences may not cross.

The text is cut into lines once (any Unicode line break; CRLF counts as one). If a blank line
separates two non-blank lines, paragraphs are runs of non-blank lines and single newlines inside
them are soft (hard-wrapped text); otherwise every line is a paragraph. Lines without letters or
digits (``* * *``) are separators, never sentences. Inside a wrapped paragraph a line break is
still hard when wrapping cannot explain it: the next line's first word would have fitted on the
line, and either the next line starts a list item or the line looks like a heading (no final
punctuation, capitalised, next line capitalised; a line ending in a capitalised word must also
be Title Case, a table row or followed by an indented line, so "He met President" / "Obama"
stays one sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from .abbreviations import word_set
from .chars import ALNUM, CLOSERS, FIRST_TOKEN, LAST_WORD

# A line ending in one of these is not a heading: it continues on the next line.
CONTINUING = word_set(
    """
    a an the of to in on at by for with from and or but nor that which who whom whose as is are
    was were be been than this these those its their his her our your my into onto upon via not
    """
)

# Words left lower-case in Title Case headings ("The Rise of China").
HEADING_LOWER = word_set(
    """
    a an the of to in on at by for with from and or but nor vs vs. v. via into onto upon over per
    as about between among against through without within de la du del von van der
    """
)

_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_LIST_ITEM = re.compile(r"(?:[-*+•‣⁃◦▪▫●○■□➢➤►]|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\)|\([a-z]\))\s")
_ATX_HEADING = re.compile(r"#{1,6}\s")

# Wrap width assumed for lists when no line is longer (text is rarely wrapped narrower).
_MIN_LIST_WIDTH = 60

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

    Trailing or leading empty lines (a final "\\n\\n") do not make a one-paragraph-per-line file
    hard-wrapped.
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


def _paragraph_groups(lines: list[Line], contents: list[str], blank: list[bool]) -> list[list[int]]:
    """Runs of indices of non-blank, non-separator lines, ended by blank lines or U+2029."""
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

    if not _blank_line_between_paragraphs(blank):
        for (s, e, _), c, is_blank in zip(lines, contents, blank, strict=True):
            if not is_blank and ALNUM.search(c):
                yield s, e
        return

    groups = _paragraph_groups(lines, contents, blank)
    # The wrap width is estimated as the longest line: a greedy wrapper never leaves a line to
    # which the next word could still have been added, so a line that had room for it was ended
    # on purpose.
    width = max((len(contents[i].rstrip()) for g in groups for i in g), default=0)
    for g in groups:
        # A paragraph with two or more list items is a list even if no line in the document is
        # long enough to estimate the wrap width from ("Reasons\n- money\n- time").
        items = sum(1 for i in g[1:] if _LIST_ITEM.match(contents[i].lstrip()))
        list_width = max(width, _MIN_LIST_WIDTH) if items > 1 else width
        first = g[0]
        for prev, cur in pairwise(g):
            if is_hard_break(contents[prev], contents[cur], width, list_width):
                yield lines[first][0], lines[prev][1]
                first = cur
        yield lines[first][0], lines[g[-1]][1]


def is_hard_break(line: str, nxt: str, width: int, list_width: int) -> bool:
    """Whether the newline between two lines of a wrapped paragraph is meant, not wrapped."""
    line = line.rstrip()
    m = FIRST_TOKEN.match(nxt)
    assert m is not None  # the pattern matches the empty string
    needed = len(line) + 1 + len(m.group(1))  # the line's length had the next word fitted
    indent = len(line) - len(line.lstrip())
    line = line.lstrip()  # indentation counts for the width, not for the heading test
    next_indent = len(nxt) - len(nxt.lstrip())
    nxt = nxt.lstrip()
    if _ATX_HEADING.match(line) or _ATX_HEADING.match(nxt):
        return True  # Markdown "## Heading" is a line of its own
    if _LIST_ITEM.match(nxt):
        return needed <= list_width
    if needed > width:
        return False
    last = line[-1]
    if not (last.isalnum() or last in CLOSERS):
        return False
    if not (nxt[0].isupper() and (line[0].isupper() or line[0].isdigit())):
        return False
    w = LAST_WORD.search(line)
    if w is None:
        return True
    last_word = w.group(1)
    if last_word.lower() in CONTINUING:
        return False
    # A line ending in a capitalised word may be wrapped inside a name ("He met President\nObama");
    # it is a heading only if it is written like one ("The Rise of China"), or a table row
    # ("Public class:      IMAP4"), or the next line is indented under it.
    return (
        not last_word[0].isupper() or is_title_case(line) or "   " in line or next_indent > indent
    )


def is_title_case(line: str) -> bool:
    """Whether every word of the line is capitalised, a number or a small function word."""
    words = line.split()
    return len(words) <= 12 and all(
        not w[0].isalpha() or w[0].isupper() or w.lower() in HEADING_LOWER for w in words
    )
