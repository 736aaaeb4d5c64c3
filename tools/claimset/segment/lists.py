"""Lists written inside running text: "1. The first item 2. The second", "a) one b) two".

A marker is read as a list item when it opens the sentence, or when it continues a sequence that
the block has already started (2 after 1, b after a), or when a first item follows a colon.
"""

from __future__ import annotations

import re
from enum import Enum

from .abbreviations import NUMBERED_NOUNS
from .chars import ROMAN, WordKind, follows_colon, next_word, previous_word

# Roman numerals that number list items ("i. The first point ii. The second point").
ROMAN_NUMERALS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx"
ROMAN_VALUES = {r: i for i, r in enumerate(ROMAN_NUMERALS.split(" "), 1)}

# Tokens that can number an item in mid-sentence ("2.", "b)", "iii.", "IV.").
_INLINE_MARKER = re.compile(r"\d{1,2}|[a-z]|[ivx]{2,5}|[IVX]{1,5}")


class Numbering(Enum):
    """How a list marker counts: "a", "1", "ii", "II"."""

    LETTER = "letter"
    NUMBER = "number"
    ROMAN_LOWER = "roman-lower"
    ROMAN_UPPER = "roman-upper"


# A reading of a marker: its numbering and its value ("b" is (LETTER, 98), "ii" (ROMAN_LOWER, 2)).
Marker = tuple[Numbering, int]


class ListMarker(Enum):
    """What a possible list marker before "." or ")" turns out to be."""

    NONE = "none"  # not a list marker
    NEW_ITEM = "new-item"  # starts a new item in mid-sentence: cut before it
    OPENS_SENTENCE = "opens-sentence"  # numbers the sentence it opens: no cut after it


def marker_readings(tok: str) -> list[Marker]:
    """The readings of a list marker; "i" is both a letter and a Roman numeral."""
    if tok[0].isdigit():
        return [(Numbering.NUMBER, int(tok))]
    values = [(Numbering.LETTER, ord(tok))] if len(tok) == 1 and tok.islower() else []
    roman = ROMAN_VALUES.get(tok.lower(), 0)
    if roman:
        values.append((Numbering.ROMAN_LOWER if tok.islower() else Numbering.ROMAN_UPPER, roman))
    return values


def _first_value(numbering: Numbering) -> int:
    return ord("a") if numbering is Numbering.LETTER else 1


def classify_list_marker(
    block: str, tstart: int, p0: int, end: int, content: int, markers: set[Marker]
) -> ListMarker:
    """Classify a possible list marker ``block[tstart:p0]`` followed by "." or ")".

    ``content`` is where the current sentence's text starts; ``markers`` holds the readings of
    the markers seen so far in the block and is updated.
    """
    tok = block[tstart:p0]
    if not _INLINE_MARKER.fullmatch(tok):
        return ListMarker.NONE
    values = marker_readings(tok)
    if tstart <= content:
        markers.update(values)
        return ListMarker.OPENS_SENTENCE
    # A new item continues a sequence ("first item 2) The second"), or a first item follows a
    # colon ("Steps: 1. Open the box.").
    in_sequence = [v for v in values if (v[0], v[1] - 1) in markers]
    found = in_sequence or [
        v for v in values if v[1] == _first_value(v[0]) and follows_colon(block, tstart)
    ]
    if not found:
        return ListMarker.NONE
    kind = next_word(block, end).kind
    # Items after "1." may be lower-case ("Items: 1. apples 2. pears"), and so may items after
    # "b)" that continue a list whose items open sentences ("a) here it is b) another"); but after
    # a colon "1)" and a lower-case word are an enumeration inside a sentence ("reasons: 1) money
    # and 2) time").
    lower_ok = block[p0] == "." or bool(in_sequence)
    if not (kind is WordKind.UPPER or (kind is WordKind.LOWER and lower_ok)):
        return ListMarker.NONE
    if previous_word(block, tstart) in NUMBERED_NOUNS:
        return ListMarker.NONE
    markers.update(found)
    return ListMarker.NEW_ITEM


# A list marker that opens an item after a finished sentence: "a.", "b)", "(c)", "[d]", "(iv)".
_ITEM_AHEAD = re.compile(r"\s+(?:[a-z][.)]|\((?:[a-z]|[ivx]{1,5}|\d{1,2})\)|\[[a-z]\])\s")


def item_marker_follows(block: str, end: int) -> bool:
    """Whether a list marker written in lower case follows end ("world. (b) Hello")."""
    return _ITEM_AHEAD.match(block, end) is not None


def opens_numbered_heading(block: str, core: str, tstart: int, end: int, content: int) -> bool:
    """Whether "Chapter 2." opens a one-line heading ("Chapter 2. The Beginning").

    The block must start with a numbered noun and the number, and end shortly after without
    final punctuation.
    """
    if not (core.isdigit() or ROMAN.fullmatch(core)) or len(core) > 4:
        return False
    if len(block) - end > 80 or not block.rstrip()[-1:].isalnum():
        return False
    if tstart - content > 24:
        return False
    head = block[content:tstart].split()
    return len(head) == 1 and head[0][:1].isupper() and head[0].lower() in NUMBERED_NOUNS
