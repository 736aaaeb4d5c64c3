"""Character classes, shared patterns and bounded look-around inside a block of text.

Every helper looks at most a constant number of characters around a position, so that deciding
one candidate boundary costs O(1) and the whole split stays linear in the text.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

OPENERS = "\"'“‘«‹([{¿¡*_"
CLOSERS = "\"'”’»›)]}」』）］｝〉》】〕〗〙〛"
BULLETS = "•‣⁃◦▪▫●○■□➢➤►"
TERMINALS = ".!?…‼⁇⁈⁉‽"
QUESTION_MARKS = frozenset("!?‼⁇⁈⁉‽")
SUPERSCRIPTS = "¹²³⁰⁴⁵⁶⁷⁸⁹"

# Bounds on look-around, so that no candidate costs more than a constant.
MAX_TOKEN = 64
CONTENT_WINDOW = 16


def char_class(chars: str) -> str:
    """A regex character class body matching any of chars."""
    return "".join(re.escape(ch) for ch in chars)


# After a candidate: optional whitespace, opening quotes/brackets or dashes (maybe spaced:
# "voila! -- you"), then the next word.
_NEXT = re.compile(
    rf"\s*[{char_class(OPENERS)}—–-]*(?:(?<=[—–-])\s+[{char_class(OPENERS)}]*)?(\w*)"
)
_CONTENT = re.compile(rf"[^\s{char_class(BULLETS)}]")
_LAST_WORD = re.compile(r"(\w+)\W*\Z")
ROMAN = re.compile(r"[IVXLC]+")
ACRONYM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
ALNUM = re.compile(r"[^\W_]")
FIRST_TOKEN = re.compile(r"\s*(\S*)")
LAST_WORD = _LAST_WORD


class WordKind(Enum):
    """What follows a candidate boundary, judged by the first character of the next word."""

    END = "end"  # nothing: the block ends
    LOWER = "lower"
    UPPER = "upper"
    DIGIT = "digit"
    OTHER = "other"  # a caseless letter (CJK), a symbol


class NextWord(NamedTuple):
    """The word after a position: its kind, its text and the position just after it."""

    kind: WordKind
    word: str
    end: int


def next_word(block: str, pos: int) -> NextWord:
    """Classify the word after pos, skipping whitespace and opening quotes or brackets."""
    m = _NEXT.match(block, pos)
    assert m is not None  # the pattern matches the empty string
    word = m.group(1)
    wend = m.end()
    if word:
        ch = word[0]
    elif wend < len(block):
        ch = block[wend]
    else:
        return NextWord(WordKind.END, "", wend)
    if ch.islower():
        return NextWord(WordKind.LOWER, word, wend)
    if ch.isupper() or ch.istitle():
        return NextWord(WordKind.UPPER, word, wend)
    if ch.isdigit():
        return NextWord(WordKind.DIGIT, word, wend)
    return NextWord(WordKind.OTHER, word, wend)


def token_start(block: str, pos: int) -> int:
    """Start of the whitespace-delimited token that ends at pos (at most MAX_TOKEN back)."""
    if pos == 0 or block[pos - 1].isspace():
        return pos
    # The last whitespace-separated part of the window (str.rsplit scans from the right, in C).
    return pos - len(block[max(0, pos - MAX_TOKEN) : pos].rsplit(None, 1)[-1])


def content_start(block: str, pos: int) -> int:
    """First position at or after pos that is neither whitespace nor a bullet (bounded)."""
    m = _CONTENT.search(block, pos, pos + CONTENT_WINDOW)
    return m.start() if m else pos + CONTENT_WINDOW


def token_before(block: str, pos: int) -> str:
    """The whitespace-delimited token that ends before pos, skipping whitespace (bounded)."""
    i = pos
    while i > 0 and pos - i < 8 and block[i - 1].isspace():
        i -= 1
    return block[token_start(block, i) : i]


def previous_word(block: str, pos: int) -> str:
    """The word just before pos, lower-cased (bounded look-behind)."""
    m = _LAST_WORD.search(block, max(0, pos - 24), pos)
    return m.group(1).lower() if m else ""


def follows_colon(block: str, pos: int) -> bool:
    """Whether the last non-space character before pos is a colon (bounded look-behind)."""
    i = pos
    while i > 0 and pos - i < 8 and block[i - 1].isspace():
        i -= 1
    return i > 0 and block[i - 1] == ":"
