"""Wrapping: whether a single newline is soft (the text is hard-wrapped) or ends a paragraph.

Decided per document, from the evidence that wrapping leaves in a text rather than from blank
lines alone (SPEC "Segmentation", refined in docs/segmentation.md):

1. **Wrap width.** A wrapped text has a dominant line width: most lines end within a word's
   length of it. The width is the longest line length near which at least 40% of the lines end,
   ignoring a few longer lines (a URL, a table row); a text whose lines are paragraphs of very
   different lengths, or longer than any usual wrap width, has none.
2. **Wrapped or not.** The text is wrapped when enough lines are *filled*: the next line's first
   word would not have fitted on them, and they stop in mid-sentence (one of them before a line
   in lower case, or on a word that cannot end a paragraph: "with", "the"). One paragraph per
   line fills no line that way. A blank line between paragraphs still counts as a sign of
   wrapping.
3. **Each newline.** In a wrapped text a newline is soft unless wrapping cannot explain it: the
   next word would have fitted, and the next line starts with a capital (in greedy wrapping a
   line stopped short ends its paragraph, with or without final punctuation; in ragged wrapping
   only if it ends a sentence), the line looks like a heading, or the next line starts a list
   item; a Markdown heading, or a more deeply indented next line after a finished sentence, also
   ends a paragraph. Where blank lines separate paragraphs, a short line does not end a
   paragraph as well (but without a wrap width, a Title Case line is a heading). In a text
   whose paragraphs open with run-in labels ("Sanctions. President Trump wrote …"), a full
   one-line lead-in ("… could engage include") still ends its paragraph before one.
   In a text that is not wrapped every line is a paragraph, unless a space at its end marks the
   break soft (format=flowed) and the line does not end a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from .abbreviations import ABBREVIATIONS, word_set
from .chars import CLOSERS, LAST_WORD, OPENERS, TERMINALS

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

# A list item's marker: a bullet, number or letter and a space, or a dash set close to the item's
# first word ("—the end of the break-in period;"). A wrapped line cannot start with a close-set
# dash, since a wrapper breaks only at spaces and such a dash is attached to the word before it.
_LIST_ITEM = re.compile(
    r"(?:(?:[-*+•‣⁃◦▪▫●○■□➢➤►]|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\)|\([a-z]\))\s|[—–](?=\w))"
)
_ATX_HEADING = re.compile(r"#{1,6}\s")
# A run-in label that opens a paragraph: one to four words, a full stop, and the paragraph's first
# sentence on the same line ("Sanctions. President Trump wrote", "War powers. Some Members").
_RUN_IN_LABEL = re.compile(r"[^\W\d_][\w'’-]*(?: [\w'’-]+){0,3}\. +[\"“‘(]?(\w)")

# Lines end within this many characters of the wrap width (a long word and its space).
_WIDTH_BAND = 20
# Share of lines that must end near the width for it to be a wrap width.
_NEAR_WIDTH_SHARE = 0.4
# Wider than this, a line is a paragraph, not a wrapped line (usual widths are 60-100); narrower,
# short lines are a list or a poem, not a wrapped text.
_MAX_WIDTH = 160
_MIN_WIDTH = 50
# Share of newlines (inside runs of lines) after a filled, unfinished line that marks a text as
# wrapped; a paragraph of two wrapped lines has one of two, one paragraph per line has none.
_FILLED_SHARE = 0.2
# Lines near the width needed to call it a width, and lines filled in mid-sentence needed to call
# a text wrapped: one line of a forum post that stops where the next word would not fit is no
# evidence.
_MIN_EVIDENCE = 2
# In ragged wrapping, a heading takes at most this share of the width.
_RAGGED_HEADING_SHARE = 2 / 3
# How far back from a line's end its last word is looked for.
_TAIL = 64
# Wrap width assumed for lists when no line is longer (text is rarely wrapped narrower).
_MIN_LIST_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Layout:
    """How a document's lines were written.

    Attributes:
        wrapped: Whether single newlines are soft unless something marks them as meant.
        width: The wrap width (0 when the text is not wrapped).
        blank_lines: Whether blank lines separate paragraphs (then a short line that ends a
            sentence does not also end a paragraph: "the U.S.\nArmy" is one sentence).
        paragraph_indent: In a text whose paragraphs start with an indented first line and go
            on flush, the indentation of continuation lines: a line indented more starts a
            paragraph. None for other texts.
        ragged: Whether lines stop short of the width in mid-sentence (the wrapper was not
            greedy): then only a line shorter than two thirds of the width may be a heading.
        width_guessed: Whether the width is only the longest line (blank lines show wrapping,
            the line lengths no width): then a full line is no sign that the line runs on.
        run_in_labels: Whether two or more paragraphs open with a run-in label ("Sanctions.
            President Trump wrote …"): then a full one-line lead-in may end before one.
    """

    wrapped: bool
    width: int
    blank_lines: bool = False
    paragraph_indent: int | None = None
    ragged: bool = False
    width_guessed: bool = False
    run_in_labels: bool = False


def ends_sentence(line: str) -> bool:
    """Whether the line ends with terminal punctuation (maybe followed by closing quotes)."""
    return line.rstrip().rstrip(CLOSERS)[-1:] in TERMINALS


def wrap_width(lengths: list[int]) -> int:
    """The dominant line width of a text, or 0 if its lines were not wrapped to a width."""
    if len(lengths) < 2:
        return 0
    counts = Counter(lengths)
    # At most this many lines may stick out past the width (each one tried costs a pass over
    # the distinct lengths, which are few: O(sqrt(text length))).
    outliers = max(1, len(lengths) // 20)
    above = 0
    distinct = sorted(counts, reverse=True)
    for width in distinct:
        if above > outliers:
            break
        if _MIN_WIDTH <= width <= _MAX_WIDTH:
            near = sum(counts[n] for n in distinct if width - _WIDTH_BAND <= n <= width)
            if near >= _MIN_EVIDENCE and near >= _NEAR_WIDTH_SHARE * len(lengths):
                return width
        above += counts[width]
    return 0


def _wrap_evidence(pairs: list[tuple[str, str]], width: int) -> tuple[bool, bool]:
    """Whether enough lines are filled in mid-sentence, and whether the wrapping is ragged.

    Wrapped: at least two lines, and a fifth of the newlines, follow lines filled in
    mid-sentence, and one of them runs on: into a line that starts in lower case, or from a word
    that cannot end a paragraph ("in\\nAsia"). Paragraphs of a post, one per line, that stop near
    the same column without final punctuation each start the next line with a capital, after a
    word that may end one. Ragged: two or more lines stop in mid-sentence although the next
    word would have fitted, which a greedy wrapper (``textwrap``, ``fmt -g``, an editor's fill)
    never does; then a short line is no sign of a heading.
    """
    enough = max(_MIN_EVIDENCE, _FILLED_SHARE * len(pairs))
    filled = early = 0
    runs_on = False
    for a, b in pairs:
        line = a.rstrip()
        if line.rstrip(CLOSERS)[-1:] in TERMINALS:  # ends_sentence, inlined: a step per line
            continue
        nxt = b.lstrip()
        lower = nxt[:1].islower()
        if len(line) + 1 + len(nxt.split(None, 1)[0]) > width:  # the next word would not fit
            filled += 1
            runs_on = runs_on or lower or _ends_with_continuing_word(a)
        elif lower:
            early += 1
    return filled >= enough and runs_on, early >= _MIN_EVIDENCE


def _ends_with_continuing_word(line: str) -> bool:
    """Whether the line stops on a word that cannot end a paragraph ("with", "the", "in")."""
    tail = line[-_TAIL:].split()  # the words in CONTINUING are short
    return bool(tail) and tail[-1] in CONTINUING


def detect_layout(contents: list[str], groups: list[list[int]], blank_between: bool) -> Layout:
    """Decide whether the text is wrapped, and at which width.

    Args:
        contents: The text of every line, without its line break.
        groups: Runs of line indices that only single newlines separate.
        blank_between: Whether a blank line separates two paragraphs somewhere.
    """
    pairs = [(contents[a], contents[b]) for g in groups for a, b in pairwise(g)]
    lengths = [len(contents[i].rstrip()) for g in groups for i in g]
    if not pairs:
        return Layout(wrapped=False, width=0)
    width = wrap_width(lengths)
    wrapped, ragged = _wrap_evidence(pairs, width) if width else (False, False)
    if wrapped:
        return Layout(
            wrapped=True,
            width=width,
            blank_lines=blank_between,
            paragraph_indent=_continuation_indent(pairs),
            ragged=ragged,
            run_in_labels=not blank_between and _labels_open_paragraphs(contents, groups, width),
        )
    if blank_between:
        # Blank lines between paragraphs, and lines inside them: the lines are wrapped, if not
        # to one width.
        return Layout(
            wrapped=True, width=width or max(lengths), blank_lines=True, width_guessed=not width
        )
    return Layout(wrapped=False, width=0)


def _continuation_indent(pairs: list[tuple[str, str]]) -> int | None:
    """The indentation of continuation lines, if paragraphs start with a deeper first line.

    Most lines then go on at the indentation of continuation lines, and most lines indented
    deeper are followed by a line at that indentation (a block quote is indented throughout).
    """
    if not any(b[:1] in (" ", "\t") for _, b in pairs):
        return None  # no line is indented
    indents = [len(line) - len(line.lstrip()) for line, _ in pairs]
    next_indents = [len(nxt) - len(nxt.lstrip()) for _, nxt in pairs]
    counts = Counter(next_indents)
    base = min(counts, default=0)
    deeper = [j for j, indent in enumerate(indents) if indent > base]
    if len(deeper) < 2 or counts[base] < len(pairs) / 2:
        return None
    first_lines = sum(1 for j in deeper if next_indents[j] == base)
    return base if first_lines >= len(deeper) / 2 else None


def list_width(layout: Layout, lines: list[str]) -> int:
    """The width to test list items against in one run of lines.

    A run with two or more list items is a list even if no line in the document is long enough
    to estimate the wrap width from ("Reasons\\n- money\\n- time").
    """
    # Close-set dash items are told by the line before them (_closes_item), not by width.
    items = sum(
        1 for line in lines[1:] if _LIST_ITEM.match(line.lstrip()) and line.lstrip()[0] not in "—–"
    )
    return max(layout.width, _MIN_LIST_WIDTH) if items > 1 else layout.width


def opens_with_label(line: str) -> bool:
    """Whether a line (without its indentation) opens with a run-in label: a capitalised phrase of
    one to four words, not an abbreviation, then a capitalised sentence ("War powers. Some …")."""
    m = _RUN_IN_LABEL.match(line)
    if m is None or not line[0].isupper() or not m.group(1).isupper():
        return False
    last = line[: line.index(".")].rsplit(" ", 1)[-1]
    return len(last) > 1 and last.lower() not in ABBREVIATIONS


def _ends_lead_in(line: str) -> bool:
    """Whether a line may end a lead-in ("… contention include"): it stops on a lower-case word
    that may end a paragraph (not "with", "the"; not a name going on: "the United⏎States")."""
    w = LAST_WORD.search(line, max(0, len(line) - _TAIL))
    return (
        w is not None
        and w.end(1) == len(line)
        and w.group(1).islower()
        and (w.group(1) not in CONTINUING)
    )


def _labels_open_paragraphs(contents: list[str], groups: list[list[int]], width: int) -> bool:
    """Whether two or more paragraphs that certainly start (first lines, and lines after a short
    line that ends a sentence) open with a run-in label."""
    found = 0
    for group in groups:
        prev = ""
        for i in group:
            line = contents[i].lstrip()
            starts = not prev or (
                ends_sentence(prev)
                and len(prev.rstrip()) + 1 + len(line.split(None, 1)[0]) <= width
            )
            if starts and opens_with_label(line):
                found += 1
                if found >= _MIN_EVIDENCE:
                    return True
            prev = contents[i]
    return False


def is_hard_break(
    line: str, nxt: str, layout: Layout, items_width: int, before: str | None = None
) -> bool:
    """Whether the newline between two lines is meant (ends a paragraph), not wrapped.

    ``before`` is the line before ``line`` in its paragraph, None if ``line`` is the first.
    """
    if not layout.wrapped:
        return not _continues(line, nxt)
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    line = stripped.rstrip()
    stripped = nxt.lstrip()
    next_indent = len(nxt) - len(stripped)
    nxt = stripped
    needed = indent + len(line) + 1 + len(nxt.split(None, 1)[0])  # with the next word on it
    if (line[0] == "#" and _ATX_HEADING.match(line)) or (nxt[0] == "#" and _ATX_HEADING.match(nxt)):
        return True  # Markdown "## Heading" is a line of its own
    if _LIST_ITEM.match(nxt):
        return _opens_item(line, nxt, needed <= items_width)
    if next_indent > indent and ends_sentence(line):
        return True  # the next paragraph's first line is indented
    if layout.paragraph_indent is not None and next_indent > layout.paragraph_indent:
        return True  # paragraphs start with an indented first line, and the next line is one
    if needed > layout.width:
        # The line was full: wrapping explains the newline. Unless no wrap width is known: then
        # a Title Case line is a heading ("d. Compliance Log – Volume 12\\nAttachment A").
        if _list_lead_in(line) and _starts_paragraph(nxt):
            # A line closing on a list's lead-in ("… This will include:⏎Demonstrated resolve
            # …"): the list's items are paragraphs of their own, whatever the line's length.
            return True
        if layout.run_in_labels and (before is None or ends_sentence(before)):
            # In a text whose paragraphs open with run-in labels, a one-line lead-in before one
            # ("… contention include⏎Iran's nuclear program. The U.S. plan …"): the newline is
            # meant (a sentence would not run on from a lead-in into a label and stop there).
            return _ends_lead_in(line) and opens_with_label(nxt)
        return (
            layout.width_guessed
            and _is_title_case_heading(line)
            and _looks_like_heading(line, nxt, indent, next_indent)
        )
    # The next word would have fitted: the line was ended on purpose.
    if (
        not layout.blank_lines
        and _starts_paragraph(nxt)
        and (ends_sentence(line) or not layout.ragged)
    ):
        # The short last line of a paragraph. A greedy wrapper never stops a line short, so
        # there it ends one without final punctuation too (a list's lead-in: "… engage include").
        return True
    if line[-1] == ":" and nxt[0].isupper():
        return True  # a label or the lead-in to a list: "Background:", "Dear Ms. Lee:"
    if layout.ragged and len(line) > _RAGGED_HEADING_SHARE * layout.width:
        return False  # in ragged wrapping, a line this long stopped short: it is no heading
    return _looks_like_heading(line, nxt, indent, next_indent)


#: Words that close the lead-in to a list when a colon follows them ("… would include the
#: following elements:", "This will include:", "… are as follows:").
_LIST_LEAD_INS = frozenset(["include", "includes", "following", "follows", "these", "below"])


def _list_lead_in(line: str) -> bool:
    """Whether a line ends on a list's lead-in and its colon ("… include:", "… the following
    elements:"): what comes after it is a list of paragraphs, not the rest of the sentence."""
    words = line.lower().rstrip(":").split()
    return line.endswith(":") and any(w in _LIST_LEAD_INS for w in words[-2:])


def _opens_item(line: str, nxt: str, fitted: bool) -> bool:
    """Whether a list item on the next line opens a paragraph: its first word would have fitted
    on the line, or it opens with a close-set dash after a line that closes a lead-in, an item or
    a sentence (however full the line: a wrapper breaks before such a dash, if at all, only
    inside a sentence)."""
    return fitted or (nxt[0] in "—–" and _closes_item(line))


def _closes_item(line: str) -> bool:
    """Whether a line ends where a list item may follow: on a colon, a semicolon (with "and" or
    "or" after it), or the end of a sentence."""
    words = line.rsplit(None, 1)
    if len(words) == 2 and words[1] in ("and", "or"):
        line = words[0]
    return line.endswith((":", ";")) or ends_sentence(line)


def _starts_paragraph(line: str) -> bool:
    """Whether a line may open a paragraph: it starts (after quotes or brackets) with a capital,
    not with a word or number that goes on ("the U.S.\\ndemands", "(H.R.\\n2913)")."""
    return line.lstrip(OPENERS)[:1].isupper()


def _looks_like_heading(line: str, nxt: str, indent: int, next_indent: int) -> bool:
    """Whether a line that ends before the wrap width is a heading above the next line.

    No final punctuation, capitalised, next line capitalised. A line ending in a capitalised
    word may be wrapped inside a name ("He met President\\nObama"); it is a heading only if it is
    written like one ("The Rise of China"), or a table row ("Public class:      IMAP4"), or the
    next line is indented under it.
    """
    last = line[-1]
    if not (last.isalnum() or last in CLOSERS):
        return False
    item = _LIST_ITEM.match(line)
    if item:  # a numbered or lettered heading: "d. Compliance Log", "2. Methods"
        line = line[item.end() :]
    if not (nxt[0].isupper() and line and (line[0].isupper() or line[0].isdigit())):
        return False
    w = LAST_WORD.search(line, max(0, len(line) - _TAIL))  # bounded: a line may be one word
    if w is None:
        return True
    last_word = w.group(1)
    if last_word.lower() in CONTINUING:
        return False
    return (
        not last_word[0].isupper() or is_title_case(line) or "   " in line or next_indent > indent
    )


def _is_title_case_heading(line: str) -> bool:
    """Whether the line, without a list marker, is two or more words in Title Case (a letter
    alone on a line may be a word spelt down the lines: "W⏎A⏎RN")."""
    item = _LIST_ITEM.match(line)
    text = line[item.end() :] if item else line
    return " " in text and is_title_case(text)


def _continues(line: str, nxt: str) -> bool:
    """Whether, in a text that is not wrapped, a line break is marked soft.

    A space at the end of the line marks it (as in format=flowed mail and text taken from PDF),
    if the line does not end a sentence and the next line starts neither with a capital nor a
    list item ("It was a cold \\nnight in the city"). Without it, lines in lower case are
    separate (a menu: "features\\ncontact manager").
    """
    if line[-1:] not in (" ", "\t") or ends_sentence(line):
        return False
    nxt = nxt.lstrip()
    return not (nxt[0].isupper() or _LIST_ITEM.match(nxt) or _ATX_HEADING.match(nxt))


def is_title_case(line: str) -> bool:
    """Whether every word of the line is capitalised, a number or a small function word."""
    words = line.split()
    return len(words) <= 12 and all(
        not w[0].isalpha() or w[0].isupper() or w.lower() in HEADING_LOWER for w in words
    )
