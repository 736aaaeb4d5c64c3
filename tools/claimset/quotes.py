"""What annotators read about their quotes: occurrences in context, and for a quote that is not
in its sentence, the passage the text has instead and what differs (typography, case, words).

Shared by `claimset validate` (the `quote-ambiguous` and `quote-not-found` diagnostics) and
`claimset fmt` (its notes), so both say the same thing. Messages are one line each: they end up
in `file:line:col` diagnostics and CI annotations.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from .anchor import MAX_SEARCH_QUOTE, candidates, closest_passage

#: Typographic characters and the plain keyboard character people type for them.
_PLAIN = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
}

#: What each of those characters is called in messages (the character itself follows).
_NAMES = {
    "'": "a straight quote",
    '"': "a straight double quote",
    "\u2018": "a curly quote",
    "\u2019": "a curly quote",
    "\u201a": "a low curly quote",
    "\u201b": "a reversed curly quote",
    "\u2032": "a prime",
    "\u201c": "a curly double quote",
    "\u201d": "a curly double quote",
    "\u201e": "a low curly double quote",
    "\u201f": "a reversed curly double quote",
    "\u2033": "a double prime",
    "-": "a hyphen",
    "\u2010": "a Unicode hyphen",
    "\u2011": "a non-breaking hyphen",
    "\u2012": "a figure dash",
    "\u2013": "an en dash",
    "\u2014": "an em dash",
    "\u2015": "a horizontal bar",
    "\u2212": "a minus sign",
    " ": "a space",
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u2007": "a figure space",
}


def _name(char: str) -> str:
    name = _NAMES.get(char)
    if name is None:
        return repr(char)
    return name if char.isspace() else f"{name} {char}"


_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")

#: Words of context shown on each side of an occurrence.
CONTEXT_WORDS = 4

#: A closest passage up to this long is shown whole (copyable); longer ones are cut.
WHOLE_PASSAGE = 160


def _fold_char(char: str) -> str:
    char = _PLAIN.get(char, char)
    lower = char.lower()
    return lower if len(lower) == 1 else char  # keep offsets: one character for one


def fold(text: str) -> str:
    """`text` without typography or case, character for character (offsets stay valid)."""
    return "".join(_fold_char(char) for char in text)


def _one_line(text: str) -> str:
    """Whitespace runs (line breaks too) as one space, so a message stays on one line."""
    return _SPACES.sub(" ", text)


def in_context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """`text[start:end]` marked `[…]` with a few words either side, on one line, cut with `…`."""
    before = [m.start() for m in _WORD.finditer(text, 0, start)]
    left = before[-words] if len(before) >= words else 0
    after = [m.end() for m in _WORD.finditer(text, end)]
    right = after[words - 1] if len(after) >= words else len(text)
    return (
        ("…" if left > 0 else "")
        + _one_line(f"{text[left:start]}[{text[start:end]}]{text[end:right]}")
        + ("…" if right < len(text) else "")
    )


def occurrences_listing(
    text: str, occurrences: tuple[tuple[int, int], ...], limit: int = 10
) -> str:
    """Each occurrence numbered from 1, in context, with its start: `1) '…' (start 12)`."""
    shown = [
        f"{number}) {in_context(text, start, end)!r} (start {start})"
        for number, (start, end) in enumerate(occurrences[:limit], start=1)
    ]
    if len(occurrences) > limit:
        shown.append(f"and {len(occurrences) - limit} more")
    return ", ".join(shown)


def ambiguous_message(text: str, quoted: str, where: str) -> str:
    """Why a quote without offsets cannot be anchored: where it occurs, and how to choose."""
    occurrences, whole = candidates(text, quoted)
    how = "as a word " if whole else "(each inside a word) "
    count = len(occurrences)
    numbers = "1 or 2" if count == 2 else f"1 to {count}"
    return (
        f"the quote occurs {count} times {how}in {where}: "
        f'{occurrences_listing(text, occurrences)}: add "occurrence": {numbers} '
        '(or "start"), or quote more words'
    )


def spacing_note(quoted: str, exact: str) -> str:
    """Names the special spaces the text has where the quote has plain ones, e.g.
    ` (the text has a non-breaking space)`; empty when there are none."""
    names = [
        _NAMES[char]
        for char in dict.fromkeys(exact)
        if char.isspace() and char in _NAMES and char != " " and char not in quoted
    ]
    return f" (the text has {' and '.join(names)})" if names else ""


def _char_difference(quoted: str, found: str) -> list[str]:
    """What differs between two strings that are equal once folded: typography, case."""
    notes: list[str] = []
    case = False
    for mine, theirs in zip(quoted, found, strict=False):
        if mine == theirs:
            continue
        if _PLAIN.get(mine, mine) == _PLAIN.get(theirs, theirs):
            note = f"{_name(theirs)} where the quote has {_name(mine)}"
            if note not in notes:
                notes.append(note)
        else:
            case = True
    if case:
        notes.append("different case")
    return notes


def _typographic(quoted: str, text: str) -> str | None:
    """A note for a quote found once typography and case are ignored, or None."""
    folded_spans, _ = candidates(fold(text), fold(quoted))
    if not folded_spans:
        return None
    start, end = folded_spans[0]
    found = text[start:end]
    mine, theirs = _WORD.findall(quoted), _WORD.findall(found)
    notes: list[str] = []
    for a, b in zip(mine, theirs, strict=False):
        for note in _char_difference(a, b):
            if note not in notes:
                notes.append(note)
    notes.sort(key=lambda note: note == "different case")  # typography first, case last
    return f"; the text has {found!r} at {start}..{end} ({'; '.join(notes)}): copy it exactly"


def _words_note(mine: list[str], theirs: list[str]) -> tuple[str, set[int]]:
    """The word differences of a passage from a quote, and the passage words that differ."""
    matcher = difflib.SequenceMatcher(a=[fold(w) for w in mine], b=[fold(w) for w in theirs])
    notes: list[str] = []
    marked: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        marked.update(range(j1, j2))
        text_words, quote_words = " ".join(theirs[j1:j2]), " ".join(mine[i1:i2])
        if tag == "insert":
            where = f"after {theirs[j1 - 1]!r}" if j1 > 0 else f"before {theirs[j2]!r}"
            notes.append(f"the text has {text_words!r} {where}")
        elif tag == "delete":
            notes.append(f"the quote has {quote_words!r}, the text does not")
        else:
            extra = (
                _char_difference(quote_words, text_words)
                if fold(quote_words) == fold(text_words)
                else []
            )
            kind = f" ({', '.join(extra)})" if extra else ""
            notes.append(f"the text has {text_words!r} where the quote has {quote_words!r}{kind}")
    if len(notes) > 3:
        notes = [*notes[:3], f"and {len(notes) - 3} more differences"]
    return "; ".join(notes), marked


def _cut(theirs: list[str], marked: set[int], words: int = CONTEXT_WORDS) -> str:
    """A long passage cut around its differing words, which are marked `[…]`."""
    first, last = min(marked, default=0), max(marked, default=0)
    lo, hi = max(0, first - words), min(len(theirs), last + words + 1)
    shown = [f"[{w}]" if i in marked else w for i, w in enumerate(theirs[lo:hi], start=lo)]
    return ("… " if lo > 0 else "") + " ".join(shown) + (" …" if hi < len(theirs) else "")


def _normalization(quoted: str, text: str) -> str | None:
    """A note for a quote that differs from the text only in Unicode normalization (an accent
    typed as a letter and a combining mark, NFD, where the text has one character, NFC)."""
    nfc_quote, nfc_text = unicodedata.normalize("NFC", quoted), unicodedata.normalize("NFC", text)
    if (nfc_quote, nfc_text) == (quoted, text) or not candidates(nfc_text, nfc_quote)[0]:
        return None
    form = "decomposed (NFD)" if nfc_quote != quoted else "composed (NFC)"
    other = "composed (NFC)" if nfc_quote != quoted else "decomposed (NFD)"
    return (
        f"; it differs from the text only in Unicode normalization: the quote's accented "
        f"letters are {form}, the text's {other}. Copy the quote from the text, or set your "
        "editor to save NFC"
    )


def not_found_message(text: str, quoted: str, where: str, shown_quote: str) -> str:
    """Why a quote is not in its text, with the passage most like it and what differs."""
    head = f"quote {shown_quote} not found in {where}"
    normalization = _normalization(quoted, text)
    if normalization is not None:
        return head + normalization
    typographic = _typographic(quoted, text)
    if typographic is not None:
        return head + typographic
    closest = closest_passage(text, quoted)
    if closest is None:
        if len(quoted.strip()) > MAX_SEARCH_QUOTE:  # the search gave up: say so
            return f"{head}; no closest passage searched (quote over {MAX_SEARCH_QUOTE} chars)"
        return head
    a, b = closest
    passage = text[a:b]
    mine, theirs = _WORD.findall(quoted), _WORD.findall(passage)
    note, marked = _words_note(mine, theirs)
    shown = repr(passage) if len(passage) <= WHOLE_PASSAGE else repr(_cut(theirs, marked))
    return f"{head}; closest passage at {a}..{b}: {shown}" + (f" ({note})" if note else "")
