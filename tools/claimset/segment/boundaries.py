"""Candidate boundaries inside a block, and the rules that decide each one.

One compiled regex finds the places where a sentence may end: a run of terminal punctuation
(``.``, ``!``, ``?``, ``…``, spaced ellipses ``. . .``) with any closing quotes, brackets and
footnote markers glued to it (``disputed.[3]``; a marker after a space, ``disputed. [3]``, is
attached in Python); a ``)`` that may close a list marker (``2)``); inline bullets (``•``); CJK
full stops. Each candidate is then decided by O(1) rules on the token before it and the word
after it (see :mod:`.abbreviations` and :mod:`.lists`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .abbreviations import (
    ABBREVIATIONS,
    CORPORATE,
    EXCLAIMED_NAMES,
    NUMBERED_NOUNS,
    STARTERS,
    period_ends_sentence,
    plain_word,
)
from .chars import (
    BULLETS,
    CLOSERS,
    FIRST_TOKEN,
    OPENERS,
    QUESTION_MARKS,
    SUPERSCRIPTS,
    TERMINALS,
    NextWord,
    WordKind,
    char_class,
    content_start,
    next_word,
    previous_word,
    token_start,
)
from .lists import (
    ListMarker,
    Marker,
    classify_list_marker,
    item_marker_follows,
    opens_numbered_heading,
)

# Named groups: "terminal" (a spaced ellipsis ". . ." counts as one run) and "closing" (closers
# and footnote markers glued to it; the last group of a terminal match), "paren" (a ")", maybe
# ending a list marker), "bullet", "cjk". Whether whitespace follows is checked in Python, so the
# regex never backtracks over a long run of dots. The look-ahead for the first character lets
# the regex engine skip plain text four times faster than trying each branch at every position.
_CJK_TERMINALS = "。！？｡．"
_CANDIDATE = re.compile(
    rf"(?=[{char_class(TERMINALS + ')' + BULLETS + _CJK_TERMINALS)}])(?:"
    rf"(?P<terminal>[{char_class(TERMINALS)}]+(?:[ \u00a0][.…][{char_class(TERMINALS)}]*)*)"
    rf"(?P<closing>[{char_class(CLOSERS)}]*"
    rf"(?:(?:\[[^\[\]\n]{{1,24}}\]|[{SUPERSCRIPTS}]+)[{char_class(CLOSERS)}]*)*)"
    rf"|(?P<paren>(?<=[^\W_])\)(?!\S))"
    rf"|(?P<bullet>[{char_class(BULLETS)}])"
    rf"|(?P<cjk>[{_CJK_TERMINALS}]+[{char_class(CLOSERS)}]*))"
)
# Footnote markers set off by a space after the full stop ("disputed. [3] Officials").
_SPACED_NOTE = re.compile(
    r"[ \t\u00a0]{1,3}(?:\[(?:\d{1,3}(?:[,–-] ?\d{1,3}){0,4}|[a-z]|[a-z][a-z ]{1,22}[a-z])\]"
    rf"|[{SUPERSCRIPTS}]+)+(?=\s|\Z)"
)
_SPACED_DOTS = re.compile(r"\.(?:[ \u00a0]\.)+")
_GLUED_ELLIPSIS = re.compile(r"\.{3,}|…\.?")
_GLUED_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{2,})[%s]?|\d%")
_FOOTNOTE_NUMBERS = re.compile(r"\d{1,3}(?:[ ,]\d{1,3}){0,4}(?!\d)")
# Closing brackets and quotes before a full stop that footnote numbers may follow ("(1987).1").
_NOTE_AFTER = frozenset(")]”’\"'")

# ASCII emoticons trailing a sentence: ":)", ";-)", ":D", ":'(", "<3", "^_^".
_EMOTICON = re.compile(r"(?:[:;=][-'^]?[()\[\]DPpOo3/\\|*]+|<3+|\^_*\^)(?=\s|\Z)")
# "i" written for "I" ("i think", "i'm"): the text does not capitalise sentence starts either.
_LOWER_CASE_I = re.compile(r"(?<![\w'’.-])i(?:['’](?:m|ll|ve|d)\b| (?=[a-z]))")

# The block's first letter: a block that starts in lower case is informal writing.
_FIRST_LETTER = re.compile(r"[^\W\d_]")

# How far a parenthetical may reach on either side of a full stop inside it.
_PARENTHETICAL = 120
# How far a quotation may reach on either side of a sentence end inside it.
_QUOTATION = 200

# A bracketed note of two or more words, without brackets inside, then whitespace.
_BRACKET_NOTE = re.compile(
    r"(\([^()\[\]\n]{0,60}? [^()\[\]\n]{0,60}\)|\[[^()\[\]\n]{0,60}? [^()\[\]\n]{0,60}\])\s"
)
# A short bracketed group after a sentence end, and the first letter of the word after it.
_BRACKET_THEN = re.compile(r"\s*[(\[]([^()\[\]\n]{1,24})[)\]]\s+[\"'“‘]?([^\W\d_])")
# The rest of a bracket up to its end, without letters ("firma? 13:28]").
_LETTERLESS_TO_CLOSE = re.compile(r"[^A-Za-z\n()\[\]]{0,24}?[)\]]")

# Quotation marks. An opening one follows a space or a bracket and precedes a word; a closing
# one follows a non-space and precedes a space, punctuation or the end ("dragon’s" is no quote).
# Straight quotes open and close alike: the first one after an opening one closes it.
_CLOSING_OF = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'"}
_OPENING_QUOTE = re.compile(r"(?<![^\s(\[—–-])[“‘«\"'](?=[\w…])")
_CLOSING_QUOTES = {
    close: re.compile(rf"(?<=\S){re.escape(close)}(?=[\s,.;:!?)\]—–-]|\Z)")
    for close in set(_CLOSING_OF.values())
}

# Emoji sequences: symbols, skin-tone modifiers, variation selectors, zero-width joiners.
_EMOJI_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me", "Cf"})


@dataclass(slots=True)
class _Scan:
    """What the left-to-right scan of one block knows so far."""

    block: str
    has_brackets: bool  # whether "(" occurs at all: most blocks need no parenthetical test
    has_quotes: bool  # whether a quotation mark occurs: most blocks need no quotation test
    sent_start: int = 0  # where the current sentence starts
    content: int = 0  # where its text starts (past whitespace and bullets)
    markers: set[Marker] = field(default_factory=set)  # list markers seen in this block
    _informal: bool | None = None

    def cut_at(self, cut: int) -> None:
        self.sent_start = cut
        self.content = content_start(self.block, cut)

    @property
    def informal(self) -> bool:
        """Whether the block writes "i" for "I", or starts in lower case (then sentences may
        start in lower case: edited prose does neither).

        Computed when first asked: only a lower-case word after a full stop asks.
        """
        if self._informal is None:
            first = _FIRST_LETTER.search(self.block)
            self._informal = (first is not None and first.group().islower()) or (
                _LOWER_CASE_I.search(self.block) is not None
            )
        return self._informal


def sentence_cuts(block: str) -> list[int]:
    """Positions in block where one sentence ends and the next may begin, in order."""
    first = _CANDIDATE.search(block)
    opens_with_bracket = block.startswith(("(", "["), content_start(block, 0))
    if first is None and not opens_with_bracket:
        return []  # a paragraph without terminal punctuation (a heading, a line of code)
    cuts: list[int] = []
    scan = _Scan(
        block,
        has_brackets="(" in block,
        has_quotes='"' in block or "'" in block or "“" in block or "‘" in block or "«" in block,
    )
    scan.cut_at(0)
    if opens_with_bracket:
        _cut_after_note(scan, cuts)
    if first is None:
        return cuts
    for m in _CANDIDATE.finditer(block, first.start()):
        cut = _decide_candidate(scan, m)
        if cut is not None and cut > scan.sent_start:
            if (
                m.lastgroup == "closing"
                and scan.has_brackets
                and block.rfind("(", max(scan.content + 1, m.start() - _PARENTHETICAL), m.start())
                >= 0
            ):
                opening = _opening_bracket(scan, m.start(), cut)
                if opening is not None:
                    cuts.append(opening)  # "This is one (Here is a view. And another.)"
            cuts.append(cut)
            scan.cut_at(cut)
            if block.startswith(("(", "["), scan.content):
                _cut_after_note(scan, cuts)
    return cuts


def _decide_candidate(scan: _Scan, m: re.Match[str]) -> int | None:
    """Where the next sentence starts at one candidate, or None if the sentence goes on."""
    block = scan.block
    n = len(block)
    found = m.lastgroup
    p0 = m.start()
    end = m.end()
    if found == "closing":  # terminal punctuation
        if end == n:  # the commonest case, decided first: the paragraph's last sentence ends
            return None if _omission_or_doubt(block, m, p0) else end
        if not block[end].isspace():
            return _decide_glued(block, m, p0, end)
        note = _SPACED_NOTE.match(block, end)
        if note:  # the footnote belongs to the sentence it follows
            end = note.end()
        cut = _decide_spaced(scan, m, p0, end)
        return _past_emoji(block, end) if cut == end else cut
    if found == "paren":  # ")" after a letter or digit, before a space: maybe a list marker "2)"
        tstart = token_start(block, p0)
        item = classify_list_marker(block, tstart, p0, end, scan.content, scan.markers)
        return tstart if item is ListMarker.NEW_ITEM else None
    if found == "bullet":  # inline bullet: "• 9. The first item • 10. The second item"
        return p0 if p0 > scan.content and block[p0 - 1].isspace() else None
    if end == n or not block[end].isdigit():  # CJK full stop, question or exclamation
        return _past_emoji(block, end)  # mark: a boundary, except in a number ("３．５")
    return None


def _cut_after_note(scan: _Scan, cuts: list[int]) -> None:
    """Cut after a bracketed note that opens the current sentence, if it stands alone."""
    note_end = _standalone_bracket(scan.block, scan.content)
    if note_end is not None:
        cuts.append(note_end)
        scan.cut_at(note_end)


def _opening_bracket(scan: _Scan, p0: int, cut: int) -> int | None:
    """Where a bracket opened in mid-sentence starts, if a sentence ends inside it and its text
    starts with a capital: the bracket holds sentences of its own ("This is one (Here is another
    view. And a different case.)"), so the sentence before it ends there."""
    block = scan.block
    opening = block.rfind("(", max(scan.content + 1, p0 - _PARENTHETICAL), p0)
    if opening < 0 or block.find(")", opening, p0) >= 0 or not block[opening - 1].isspace():
        return None
    closing = block.find(")", p0, p0 + _PARENTHETICAL)
    if closing < cut or next_word(block, cut).kind is not WordKind.UPPER:
        return None  # the bracket holds no second sentence: "x == (REPORT_NDIFF | ..."
    return opening if block[opening + 1 : opening + 2].isupper() else None


def _standalone_bracket(block: str, pos: int) -> int | None:
    """The end of a bracketed note of two or more words that stands between two sentences, not
    ending in terminal punctuation, before a capitalised word: a citation such as "(Phil. 4:8)"
    or "(see Table 2)" is a segment of its own. List markers ("(a)", "(12)") are one word."""
    m = _BRACKET_NOTE.match(block, pos)
    if m is None or m.group(1)[-2] in TERMINALS:
        return None
    first = FIRST_TOKEN.match(block, pos + 1)
    if first is not None and first.group(1).lower() in STARTERS:
        return None  # a clause, not a note: "(Whether or not it is set) Should be reset …"
    return m.end(1) if next_word(block, m.end(1)).kind is WordKind.UPPER else None


def _past_emoji(block: str, pos: int) -> int:
    """Move a boundary past emoji and emoticons that trail the sentence ("I love it! 😍 See
    you", "Great! :) See you")."""
    n = len(block)
    i = pos
    while i < n and i - pos < 4 and block[i].isspace():
        i += 1
    if i == n:
        return pos
    if block[i] in ":;=<^":  # the characters an emoticon starts with
        emoticon = _EMOTICON.match(block, i)
        if emoticon:
            return emoticon.end()
    # Emoji proper (symbols from U+2600 up), not "©", "°" or the bullets that open list items.
    if block[i] < "\u2600" or block[i] in BULLETS:
        return pos
    j = i
    while j < n and j - i < 16 and unicodedata.category(block[j]) in _EMOJI_CATEGORIES:
        j += 1
    if j == i or (j < n and not block[j].isspace()):
        return pos
    return j


def _omission_or_doubt(block: str, m: re.Match[str], p0: int) -> bool:
    """ "[...]" marks an omission, "(?)" or "[sic!]" a doubt, not a sentence end."""
    return p0 > 0 and block[p0 - 1] in "[(" and m.group("closing")[:1] in ("]", ")")


def _decide_spaced(scan: _Scan, m: re.Match[str], p0: int, end: int) -> int | None:
    """Decide a run of terminal punctuation followed by whitespace or the end of the block.

    Returns where the next sentence starts (usually ``end``; the token's start for a list marker
    in mid-sentence), or None if the sentence goes on.
    """
    block = scan.block
    punct = m.group("terminal")
    if _omission_or_doubt(block, m, p0):
        return None
    nxt = next_word(block, end)
    if nxt.kind is WordKind.END:
        return end
    if scan.has_brackets and _inside_parenthetical(scan, p0):
        return None  # "This is (Proc. ABC with Abs. Reg. Compliance) not here."
    if nxt.kind is WordKind.DIGIT or nxt.kind is WordKind.OTHER:
        if _letterless_to_bracket_end(scan, p0, end):
            return None  # "[16:  firma? 13:28]": no sentence of numbers inside a bracket
        # A word after an opening bracket was read as the next word: a bracket that starts with
        # a digit or a symbol, after which the sentence goes on in lower case, is short.
        bracketed = _BRACKET_THEN.match(block, end)
        if bracketed and bracketed.group(2).islower() and not bracketed.group(1)[0].isupper():
            # "This is abcf. (123) in here." (but "(This is) a world of pain." starts one).
            nxt = NextWord(WordKind.LOWER, bracketed.group(2), bracketed.end())
    if punct == ".":
        cut = _decide_full_stop(scan, p0, end, m.group("closing"), nxt)
    elif any(ch in QUESTION_MARKS for ch in punct):
        cut = _decide_question(scan, p0, end, nxt)
    else:
        cut = _decide_ellipsis(block, p0, end, punct, nxt)
    if cut is not None and scan.has_quotes and _inside_embedded_quotation(scan, p0, end):
        return None  # 'He called out, "The Queen! The Queen!" and they fell flat.'
    return cut


def _inside_embedded_quotation(scan: _Scan, p0: int, end: int) -> bool:
    """Whether p0 lies inside a quotation opened in mid-sentence, the sentence going on after it
    in lower case or after a comma ('called out, "The Queen! The Queen!" and the three'); a
    quotation that ends its sentence is split like any text (bounded look-around)."""
    block = scan.block
    lo = max(scan.content + 1, p0 - _QUOTATION)
    opening = -1  # the last opening quotation mark before p0 (str.rfind runs in C)
    for quote in _CLOSING_OF:
        at = block.rfind(quote, lo, p0)
        if at > opening and _OPENING_QUOTE.match(block, at):
            opening = at
    if opening < 0:
        return False
    mark = block[opening]
    closing = _CLOSING_QUOTES[_CLOSING_OF[mark]]
    if mark in "\"'":
        # A straight quote: the next one closes it, if it has the shape of a closing one.
        if block.find(mark, opening + 1, end) >= 0:
            return False  # closed before the sentence end, or by the closers glued to it
        close = closing.match(block, block.find(mark, end, end + _QUOTATION))
    else:
        if closing.search(block, opening + 1, end):
            return False
        close = closing.search(block, end, min(len(block), end + _QUOTATION))
    if close is None:
        return False
    after = block[close.end() : close.end() + 1]
    return after in (",", ";") or next_word(block, close.end()).kind is WordKind.LOWER


def _letterless_to_bracket_end(scan: _Scan, p0: int, end: int) -> bool:
    """Whether a bracket opened before p0 in this sentence closes soon after end, with no
    letters in between: "[16:  firma? 13:28]" holds no sentence "13:28]"."""
    block = scan.block
    lo = max(scan.content + 1, p0 - _PARENTHETICAL)
    opening = max(block.rfind("(", lo, p0), block.rfind("[", lo, p0))
    if opening < 0 or block.find(")", opening, p0) >= 0 or block.find("]", opening, p0) >= 0:
        return False
    return _LETTERLESS_TO_CLOSE.match(block, end) is not None


def _inside_parenthetical(scan: _Scan, p0: int) -> bool:
    """Whether p0 lies inside brackets opened and closed in mid-sentence, the sentence going on
    after them in lower case or after a comma (bounded look-around, in C: str.rfind/find)."""
    block = scan.block
    lo = max(scan.content + 1, p0 - _PARENTHETICAL)
    opening = block.rfind("(", lo, p0)
    if opening < 0 or block.find(")", opening, p0) >= 0:
        return False
    closing = block.find(")", p0, p0 + _PARENTHETICAL)
    if closing < 0 or block.find("(", p0, closing) >= 0:
        return False
    after = block[closing + 1 : closing + 3].lstrip()[:1]
    return after.islower() or after in (",", ";")


def _decide_full_stop(scan: _Scan, p0: int, end: int, close: str, nxt: NextWord) -> int | None:
    """A single full stop: list markers, numbered headings, abbreviations."""
    block = scan.block
    # The token starts at the sentence at the latest ("Tuesday.Mr. Smith": the token is "Mr").
    tstart = max(token_start(block, p0), scan.sent_start)
    if close in ("", ")") and (tstart == 0 or block[tstart - 1].isspace()):
        item = classify_list_marker(block, tstart, p0, end, scan.content, scan.markers)
        if item is ListMarker.NEW_ITEM:
            return tstart
        if item is ListMarker.OPENS_SENTENCE:
            return None
    core = block[tstart:p0].lstrip(OPENERS + BULLETS)
    if nxt.kind is WordKind.LOWER:
        # A plain word ends a sentence before a lower-case list item ("world. (b) Hello"), and
        # in text that writes "i" for "I", before any lower-case word ("ok. thanks anyway").
        plain = len(core) > 1 and core.isalpha() and core.lower() not in ABBREVIATIONS
        ends = plain and (scan.informal or item_marker_follows(block, end))
        return end if ends else None
    if plain_word(core):
        return end  # "in the spring. The": no lexicon or list rule applies to the word
    at_start = tstart <= scan.content
    if (
        nxt.kind is WordKind.UPPER
        and not close
        and opens_numbered_heading(block, core, tstart, end, scan.content)
    ):
        return None
    if period_ends_sentence(
        core, nxt.kind, nxt.word, nxt.end, at_start, block, scan.sent_start, tstart
    ):
        return end
    return None


def _decide_question(scan: _Scan, p0: int, end: int, nxt: NextWord) -> int | None:
    """ "Hello?! Is that you?" ends; "Yahoo! in the", '"Stop!" he said', "Yahoo! Inc." and
    "Yahoo! Research" do not.

    In text that writes "i" for "I", a lower-case word after "?" or "!" starts a sentence
    ("really? i think so").
    """
    block = scan.block
    if nxt.kind is WordKind.LOWER:
        return end if scan.informal and block[end - 1] in QUESTION_MARKS else None
    if nxt.word.lower() in CORPORATE and nxt.end < len(block) and block[nxt.end] in ".,":
        return None
    if (
        end == p0 + 1
        and block[p0] == "!"
        and nxt.kind is WordKind.UPPER
        and previous_word(block, p0 + 1) in EXCLAIMED_NAMES
        and nxt.word.lower() not in STARTERS
    ):
        return None  # a name written with "!" before a capitalised word: "Yahoo! Research"
    return end


def _decide_ellipsis(block: str, p0: int, end: int, punct: str, nxt: NextWord) -> int | None:
    """Ellipses, plain ("Wait... What?") and MLA-spaced (". . ."), and doubled stops ("end..")."""
    dots = punct.count(".") + 3 * punct.count("…")
    if dots < 3:  # "end.. Next" is a doubled full stop
        return None if nxt.kind is WordKind.LOWER else end
    if nxt.kind is WordKind.LOWER:
        return None
    if " " in punct or "\u00a0" in punct:
        # MLA spaced ellipses. Three dots mark an omission inside a sentence; four dots are an
        # ellipsis plus a full stop. Glued to a word ("compounds. . . . The"), the first dot is the
        # full stop and the remaining ". . ." opens the next sentence.
        attached = p0 > 0 and not block[p0 - 1].isspace()
        if attached and not _SPACED_DOTS.fullmatch(punct):
            return p0 + 1  # a full stop and stray dots: "Sentence. .. Next sentence."
        if dots == 3:
            # An omission inside a sentence, unless a capitalised function word shows that a new
            # sentence starts ("on . . . The end"; but "the thing is . . . I didn't", rule 47).
            word = nxt.word
            starts = nxt.kind is WordKind.UPPER and word != "I" and word.lower() in STARTERS
            return end if starts else None
        return p0 + 1 if attached else end
    return end  # "I never meant that.... She left", "Wait... What?"


def _decide_glued(block: str, m: re.Match[str], p0: int, end: int) -> int | None:
    """Decide terminal punctuation followed directly by a non-space character.

    Mostly not a boundary ("U.S.A", "3.50", "example.com", "mean...see"). Exceptions: a missing
    space between two words ("ended.The", "said...Then"), a plain-digit footnote ("disputed.3
    Officials") and CJK text.
    """
    after = block[end]
    if "a" <= after <= "z":
        return None  # the commonest case, decided first: "example.com", "os.path", "e.g"
    punct = m.group("terminal")
    if (len(punct) != 1 and not _GLUED_ELLIPSIS.fullmatch(punct)) or m.group("closing") or p0 < 2:
        return None
    if block[p0 - 1] in "[(":
        return None  # "[?][note]"
    before = block[p0 - 1]
    if after.isalpha() and not after.isupper() and not after.islower():
        # A caseless script such as CJK: "这是句子.这是" has no spaces to wait for.
        return end if before.isalpha() and not before.islower() and not before.isupper() else None
    if punct == "." and after.isdigit() and before in _NOTE_AFTER:
        return _past_glued_footnote(block, end)  # "(Smith 1987).1 According"
    tstart = token_start(block, p0)
    tok = block[tstart:p0].lstrip(OPENERS)
    # "in 1990.The", "the 1990s.The", "5%.The", "bought 1,000.That", "see section 2.The"
    number = "A" <= after <= "Z" and (
        _GLUED_NUMBER.fullmatch(tok)
        or (tok.isdigit() and previous_word(block, tstart) in NUMBERED_NOUNS)
    )
    # A plain lower-case word, not an abbreviation ("Mrs.Smith") or code ("jQuery.Ajax").
    word = "a" <= before <= "z" and tok.isalpha() and tok[1:].islower()
    if not (number or (word and tok.lower() not in ABBREVIATIONS)):
        return None
    if "A" <= after <= "Z":
        return _glued_word_start(block, end)
    if punct == "." and after.isdigit():
        return _past_glued_footnote(block, end)
    return None


def _glued_word_start(block: str, end: int) -> int | None:
    """ "ended.The next": the word after must be a plain word, not part of a URL or a file name."""
    if end + 1 >= len(block):
        return None
    second = block[end + 1]
    if not ("a" <= second <= "z" or (block[end] in "IA" and (second.isspace() or second in "'’"))):
        return None  # "Any news?I have none", "Thanks!I'm"; not "U.S.A.F", "report.PDF"
    nm = FIRST_TOKEN.match(block, end)
    assert nm is not None
    nxt = nm.group(1).rstrip(CLOSERS + ".,;:!?")
    if any(ch in nxt for ch in "./@:_\\"):
        return None
    return end


def _past_glued_footnote(block: str, end: int) -> int | None:
    """Footnote numbers glued to a full stop: "disputed.3 Officials", "consultation.11 12 Take".

    One to three digits, up to four more such numbers after a space or a comma, then a space and
    a capitalised word.
    """
    m = _FOOTNOTE_NUMBERS.match(block, end)
    if m is None or m.end() >= len(block) or not block[m.end()].isspace():
        return None
    return m.end() if next_word(block, m.end()).kind is WordKind.UPPER else None
