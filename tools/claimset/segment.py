"""Rule-based English sentence segmentation with exact code-point offsets.

Every later span hangs on these offsets, so the splitter never rewrites the text: it only decides
where sentences start and end, and each :class:`Segment` is a slice of the input.

How it works, in one left-to-right pass with bounded look-around (time is linear in the text):

1. **Paragraphs** (SPEC "Segmentation"). The text is cut into lines once (any Unicode line break;
   CRLF counts as one). If a blank line separates two non-blank lines, paragraphs are runs of
   non-blank lines and single newlines inside them are soft (hard-wrapped text); otherwise every
   line is a paragraph. Lines without letters or digits (``* * *``) are separators, never
   sentences. Inside a wrapped paragraph a line break is still hard when wrapping cannot explain
   it: the next line's first word would have fitted on the line, and either the next line starts
   a list item or the line looks like a heading (no final punctuation, capitalised, next line
   capitalised; a line ending in a capitalised word must also be Title Case, a table row or
   followed by an indented line, so "He met President" / "Obama" stays one sentence). Sentences
   never cross a paragraph or a hard break.
2. **Candidates.** One compiled regex finds, in each paragraph, the places where a sentence may
   end: a run of terminal punctuation (``.``, ``!``, ``?``, ``…``, spaced ellipses ``. . .``) with
   any closing quotes, brackets and footnote markers glued to it (``disputed.[3]``; a marker
   after a space, ``disputed. [3]``, is attached in Python); a ``)`` that may close a list marker
   (``2)``); inline bullets (``•``); CJK full stops.
3. **Decisions.** Each candidate is decided by O(1) rules on the token before it and the word after
   it: lower-case next word means no boundary; abbreviations are split into titles that never end
   a sentence (``Dr.``), abbreviations that take a number (``p. 55``, ``No. 5``), and ambiguous
   ones (``U.S.``, ``Co.``, initials) that end a sentence before a word that usually starts one
   (``It``, ``The``, ``How``...). Before any other capitalised word, initials and most
   abbreviations continue ("George W. Bush"), but place acronyms, company and street suffixes end
   the sentence unless the word commonly continues such a name ("the U.S. Army", "Apple Inc.
   Chief Executive", "Mount St. Helens"): "He founded Apple Inc. Steve Jobs returned." is two.
   Numbered, lettered and Roman-numbered lists, ellipses (MLA spaced style and plain),
   ``ended.The`` and ``1990s.The`` (a missing space), ``a.m.``/``p.m.`` and one-line numbered
   headings ("Chapter 2. The Beginning") have their own rules.
4. **Pieces** between boundaries are trimmed of whitespace; a piece without letters or digits
   (a stray ``!!`` or an emoji) is merged into its neighbour.

The lexicons (abbreviations, sentence starters) are module constants rather than package data:
they are small, part of the rules rather than configuration, and cost nothing to load.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["ABBREVIATIONS", "Segment", "split_sentences"]


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


# --- Lexicons ---------------------------------------------------------------------------------
# Keys are the token before the final period, lower-cased, without that period ("u.s", "mr").


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written before a name: capitalised, they never end a sentence ("Gen. Smith came.").
# Lower-cased ("a sales rep.") they are treated as ambiguous.
_TITLES = _words(
    """
    mr mrs ms mx messrs mmes mme mlle dr prof rev revd fr msgr hon pres gov sen rep amb supt insp
    det gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr comdr brig lieut ens mt ste
    """
)

# Abbreviations after which the sentence always goes on ("e.g. Russia", "Roe v. Wade").
_NEVER_END = _words("e.g eg i.e ie viz cf vs v approx appr esp incl excl resp w.r.t a.k.a aka")

# Abbreviations that take a number: no boundary before a digit ("p. 55", "No. 5", "Sept. 11").
_NUMERIC = _words(
    """
    no nos nr num p pp para paras par sec secs sect ch chap chaps art arts fig figs tab tbl eq eqs
    ex vol vols pt pts ed eds ref refs tel fax ext c ca cca circa n° nº op opp cap bk ln l ll ver
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# Abbreviations that may end a sentence: before a capitalised word they end it only if that word
# usually starts sentences ("Co. It closed" ends, "U.S. Government" does not).
_AMBIGUOUS = _words(
    """
    co corp inc ltd llc plc llp bros jr sr esq st ft ave blvd rd hwy sq apt bldg dept div univ assn
    assoc inst intl natl govt est al ed eds trans repr comp orig misc min mins max hr hrs yr yrs mo
    mos wk wks lb lbs oz pt pts qt gal doz pct deg mgr mfg mkt cie ret retd
    ph.d m.d b.a m.a b.sc m.sc b.s m.s d.phil ll.b ll.m ed.d psy.d j.d m.b.a m.phil d.d.s
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
    """
)

_TIME = _words("a.m p.m")

# Roman numerals that number list items ("i. The first point ii. The second point").
_ROMAN_NUMERALS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx"
_ROMAN_VALUES = {r: i for i, r in enumerate(_ROMAN_NUMERALS.split(" "), 1)}

# Company suffixes: after a company name ("Apple Inc.") a capitalised word that is not a job title
# or another suffix starts a new sentence ("He founded Apple Inc. Steve Jobs returned.").
_CORPORATE = _words("inc corp ltd llc plc llp co s.a n.v a.g l.p l.l.c p.l.c")

# Words that continue a sentence after a company suffix ("Apple Inc. Chief Executive Tim Cook").
_CORPORATE_FOLLOWERS = _words(
    """
    ceo cfo coo cto chairman chairwoman chair chief executive president founder cofounder vice
    spokesman spokeswoman spokesperson director head board managing senior deputy
    """
)

# Street suffixes: after a street name ("Baker St.") a capitalised word that is not a compass point
# starts a new sentence. "St." is also "Saint" ("St. Louis", "Mount St. Helens").
_STREETS = _words("st ave blvd rd hwy sq")
_COMPASS = _words(
    "n s e w ne nw se sw north south east west northeast northwest southeast southwest"
)
_SAINT_PREFIXES = _words("mount mt port fort ft lake cape isle point sault san santa")

# Place and organisation acronyms. Before a capitalised word they end a sentence unless that word
# belongs to a proper name they often modify ("the U.S. Army", "the U.N. Security Council").
_PLACES = _words("u.s u.k u.s.a u.s.s.r e.u u.n d.c p.r.c r.o.k d.p.r.k u.a.e")
_PLACE_FOLLOWERS = _words(
    """
    army navy naval air marine marines military armed forces force corps coast guard space
    government govt administration congress congressional congressman congresswoman senate
    senator senators house representative representatives rep president presidential vice
    secretary secretary-general department dept embassy ambassador envoy consulate consul mission
    delegation court supreme district circuit federal fed treasury treasuries reserve central
    bank state states national special trade commerce labor labour defense defence justice
    attorney solicitor surgeon general customs border postal post mint census bureau agency office
    commission commissioner council parliament parliamentary assembly security charter
    constitution constitutional capitol dollar midwest north south east west northeast northwest
    southeast southwest northern southern eastern western gulf pacific atlantic open steel
    chamber intelligence homeland energy health education interior agriculture transportation
    veterans geological patent food environmental environment centers centres member members
    high human rights prime minister ministry foreign home chancellor exchequer command commander
    deputy assistant chief democrats republicans democratic republican conservative conservatives
    tories route highway virgin news securities olympic forest fish marshals secret immigration
    citizenship refugee development programme program children world climate conference met
    independence mayor police metro united peacekeeping rapporteur digital green single common
    emissions directive regulation treaty summit referendum accession budget competition indo
    pentagon white
    """
)

# Abbreviations of "number" itself: "No. I refuse" is two sentences, "Art. I" is one.
_NUMBER_WORDS = _words("no nos nr num")

_ABBREVIATIONS = _TITLES | _NEVER_END | _NUMERIC | _AMBIGUOUS | _TIME
#: Every abbreviation the splitter knows (lower case, without the final full stop); the drafter
#: reads each as one word with its full stop, so that no clause ends inside it.
ABBREVIATIONS = _ABBREVIATIONS

# After "a.m."/"p.m." these capitalised words continue the sentence ("at 9 a.m. Monday").
_TIME_FOLLOWERS = _words(
    """
    est edt cst cdt mst mdt pst pdt gmt utc bst cet cest eet et pt ct mt ist jst kst msk
    eastern central pacific mountain local
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """
)

# Words that open a fronted time phrase: "At 5 a.m. Mr. Smith went" is one sentence.
_TIME_OPENERS = _words(
    """
    at by until till til before after from around about since between on shortly just
    approximately roughly nearly every
    """
)

# Closed-class words that commonly start a sentence. After an ambiguous abbreviation a capitalised
# word from this list signals a boundary; any other capitalised word (a name) does not.
_STARTERS = _words(
    """
    a an the this that these those there here it its he his him she her they them their we our us
    i you your my one some many most much more each every all both few no none several such any
    other another either neither nobody nothing everyone everybody everything someone something
    anyone but and or nor so yet however thus therefore hence moreover furthermore meanwhile
    nevertheless nonetheless still also then now later finally first second third firstly
    secondly thirdly lastly instead indeed in on at by for from with without after before during
    since until while when where why how what which who whom whose if although though because as
    unlike like despite even only just perhaps maybe clearly obviously of to today yesterday
    tomorrow recently currently similarly likewise otherwise overall unfortunately fortunately
    not never once whether let please sometimes often usually again besides consequently
    accordingly additionally according is are was were do does did can could would should shall
    might must have has had be being been yes oh well
    """
)

# Nouns that take a number: "Chapter 2. The" ends a sentence, it does not start list item 2.
_NUMBERED_NOUNS = _words(
    """
    chapter page step section part figure fig table article paragraph volume vol no number level
    round phase stage version grade class type rule question exercise lesson unit appendix verse
    line act scene case option term day week year game episode season match book p pp sec ch
    """
)

# A line ending in one of these is not a heading: it continues on the next line.
_CONTINUING = _words(
    """
    a an the of to in on at by for with from and or but nor that which who whom whose as is are
    was were be been than this these those its their his her our your my into onto upon via not
    """
)

# Words left lower-case in Title Case headings ("The Rise of China").
_HEADING_LOWER = _words(
    """
    a an the of to in on at by for with from and or but nor vs vs. v. via into onto upon over per
    as about between among against through without within de la du del von van der
    """
)

_OPENERS = "\"'“‘«‹([{¿¡*_"
_CLOSERS = "\"'”’»›)]}」』）］｝〉》】〕〗〙〛"
_BULLETS = "•‣⁃◦▪▫●○■□➢➤►"
_TERMINALS = ".!?…‼⁇⁈⁉‽"
_QUESTION_MARKS = frozenset("!?‼⁇⁈⁉‽")
_SUPERSCRIPTS = "¹²³⁰⁴⁵⁶⁷⁸⁹"


def _cls(chars: str) -> str:
    """A regex character class body matching any of chars."""
    return "".join(re.escape(ch) for ch in chars)


# Groups: 1 terminal run (a spaced ellipsis ". . ." counts as one run), 2 closers and footnote
# markers glued to it, 3 a ")" (maybe ending a list marker), 4 a bullet, 5 CJK terminals.
# No look-ahead: whether whitespace follows is checked in Python, so the regex never backtracks
# over a long run of dots.
_CANDIDATE = re.compile(
    rf"([{_cls(_TERMINALS)}]+(?:[ \u00a0][.…][{_cls(_TERMINALS)}]*)*)"
    rf"([{_cls(_CLOSERS)}]*(?:(?:\[[^\[\]\n]{{1,24}}\]|[{_SUPERSCRIPTS}]+)[{_cls(_CLOSERS)}]*)*)"
    rf"|(\))"
    rf"|([{_cls(_BULLETS)}])"
    rf"|([。！？｡]+[{_cls(_CLOSERS)}]*)"
)
# Footnote markers set off by a space after the full stop ("disputed. [3] Officials").
_SPACED_NOTE = re.compile(
    r"[ \t\u00a0]{1,3}(?:\[(?:\d{1,3}(?:[,–-] ?\d{1,3}){0,4}|[a-z]|[a-z][a-z ]{1,22}[a-z])\]"
    rf"|[{_SUPERSCRIPTS}]+)+(?=\s|\Z)"
)
# After a candidate: optional whitespace, opening quotes/brackets or dashes, then the next word.
_NEXT = re.compile(rf"\s*[{_cls(_OPENERS)}—–-]*(\w*)")
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3}")
_LIST_TOKEN = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})")
_INLINE_MARKER = re.compile(r"\d{1,2}|[a-z]|[ivx]{2,5}|[IVX]{1,5}")
_CONTENT = re.compile(rf"[^\s{_cls(_BULLETS)}]")
_GLUED_ELLIPSIS = re.compile(r"\.{3,}|…\.?")
_GLUED_NUMBER = re.compile(r"\d{2,}[%s]?|\d%")
_ALNUM = re.compile(r"[^\W_]")
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_FIRST_TOKEN = re.compile(r"\s*(\S*)")
_LIST_ITEM = re.compile(r"(?:[-*+•‣⁃◦▪▫●○■□➢➤►]|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\)|\([a-z]\))\s")
_ATX_HEADING = re.compile(r"#{1,6}\s")
_LAST_WORD = re.compile(r"(\w+)\W*\Z")

# Emoji sequences: symbols, skin-tone modifiers, variation selectors, zero-width joiners.
_EMOJI_CATEGORIES = frozenset({"So", "Sk", "Mn", "Me", "Cf"})

# Kinds of the word after a candidate.
_END, _LOWER, _UPPER, _DIGIT, _OTHER = range(5)

# Wrap width assumed for lists when no line is longer (text is rarely wrapped narrower).
_MIN_LIST_WIDTH = 60

# Bounds on look-around, so that no candidate costs more than a constant.
_MAX_TOKEN = 64
_CONTENT_WINDOW = 16


# --- Paragraphs -------------------------------------------------------------------------------


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) ranges that sentences may not cross, in order."""
    lines: list[tuple[int, int, bool]] = []  # (start, end without the break, ends a paragraph)
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start(), m.group() == "\u2029"))
        pos = m.end()
    lines.append((pos, len(text), False))

    contents = [text[s:e] for s, e, _ in lines]
    blank = [not c.strip() for c in contents]

    # Blank-line mode needs a blank line *between* two non-blank ones; trailing or leading
    # empty lines (a final "\n\n") do not make a one-paragraph-per-line file hard-wrapped.
    wrapped = False
    seen = pending = False
    for is_blank in blank:
        if is_blank:
            pending = seen
        elif pending:
            wrapped = True
            break
        else:
            seen = True

    if not wrapped:
        for (s, e, _), c, is_blank in zip(lines, contents, blank, strict=True):
            if not is_blank and _ALNUM.search(c):
                yield s, e
        return

    groups: list[list[int]] = []
    group: list[int] = []
    for i, ((_, _, hard), c, is_blank) in enumerate(zip(lines, contents, blank, strict=True)):
        if is_blank or not _ALNUM.search(c):
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
            if _hard_break(contents[prev], contents[cur], width, list_width):
                yield lines[first][0], lines[prev][1]
                first = cur
        yield lines[first][0], lines[g[-1]][1]


def _hard_break(line: str, nxt: str, width: int, list_width: int) -> bool:
    """Whether the newline between two lines of a wrapped paragraph is meant, not wrapped."""
    line = line.rstrip()
    m = _FIRST_TOKEN.match(nxt)
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
    if not (last.isalnum() or last in _CLOSERS):
        return False
    if not (nxt[0].isupper() and (line[0].isupper() or line[0].isdigit())):
        return False
    w = _LAST_WORD.search(line)
    if w is None:
        return True
    last_word = w.group(1)
    if last_word.lower() in _CONTINUING:
        return False
    # A line ending in a capitalised word may be wrapped inside a name ("He met President\nObama");
    # it is a heading only if it is written like one ("The Rise of China"), or a table row
    # ("Public class:      IMAP4"), or the next line is indented under it.
    return not last_word[0].isupper() or _title_case(line) or "   " in line or next_indent > indent


def _title_case(line: str) -> bool:
    """Whether every word of the line is capitalised, a number or a small function word."""
    words = line.split()
    return len(words) <= 12 and all(
        not w[0].isalpha() or w[0].isupper() or w.lower() in _HEADING_LOWER for w in words
    )


# --- Sentences --------------------------------------------------------------------------------


def _next_word(block: str, pos: int) -> tuple[int, str, int]:
    """Classify the word after pos (skipping whitespace and opening quotes or brackets).

    Returns the kind, the word and the position just after it.
    """
    m = _NEXT.match(block, pos)
    assert m is not None  # the pattern matches the empty string
    word = m.group(1)
    wend = m.end()
    if word:
        ch = word[0]
    elif wend < len(block):
        ch = block[wend]
    else:
        return _END, "", wend
    if ch.islower():
        return _LOWER, word, wend
    if ch.isupper() or ch.istitle():
        return _UPPER, word, wend
    if ch.isdigit():
        return _DIGIT, word, wend
    return _OTHER, word, wend


def _token_start(block: str, pos: int) -> int:
    """Start of the whitespace-delimited token that ends at pos (at most _MAX_TOKEN back)."""
    lo = max(0, pos - _MAX_TOKEN)
    i = pos
    while i > lo and not block[i - 1].isspace():
        i -= 1
    return i


def _content_start(block: str, pos: int) -> int:
    """First position at or after pos that is neither whitespace nor a bullet (bounded)."""
    m = _CONTENT.search(block, pos, pos + _CONTENT_WINDOW)
    return m.start() if m else pos + _CONTENT_WINDOW


def _token_before(block: str, pos: int) -> str:
    """The whitespace-delimited token that ends before pos, skipping whitespace (bounded)."""
    i = pos
    while i > 0 and pos - i < 8 and block[i - 1].isspace():
        i -= 1
    return block[_token_start(block, i) : i]


def _abbreviation_follows(block: str, word: str, wend: int) -> bool:
    """Whether the next word is itself an abbreviation or initial ("Co. Ltd.", "U.S. Sen.")."""
    if wend >= len(block) or block[wend] != ".":
        return False
    return word.lower() in _ABBREVIATIONS or (len(word) <= 2 and word.isupper())


def _ends_before_name(
    core: str, key: str, word: str, at_start: bool, block: str, tstart: int, wend: int
) -> bool:
    """Whether an ambiguous abbreviation ends the sentence before a capitalised non-starter word.

    Most abbreviations do not ("George W. Bush", "Smith Bros. Grimm"), but place acronyms, company
    and street suffixes end a name, so what follows is a new sentence unless it continues a proper
    name ("the U.S. Army", "Apple Inc. Chief Executive", "Fifth Ave. NW").
    """
    if not (key in _PLACES or key in _CORPORATE or key in _STREETS):
        return False
    if _abbreviation_follows(block, word, wend):
        return False
    if block[wend - len(word) - 1] == "(":
        return False  # "Acme Inc. (NYSE: ACM) rose"
    low = word.lower()
    if key in _PLACES:
        return not (low in _PLACE_FOLLOWERS or (len(word) > 1 and word.isupper()))
    prev = "" if at_start else _token_before(block, tstart)
    if prev.lower() in _STARTERS or not (
        prev[:1].isupper() or prev[:1].isdigit() or prev == "&" or prev.endswith("!")
    ):
        return False  # "born in Co. Kerry", "the feast of St. Paul", "The St. Lawrence"
    if key == "st" and (core != "St" or prev.lower().rstrip(".") in _SAINT_PREFIXES):
        return False  # "Mount St. Helens"
    if key in _CORPORATE:
        return low not in _CORPORATE_FOLLOWERS
    return low not in _COMPASS


def _period_ends(
    core: str,
    kind: int,
    word: str,
    wend: int,
    at_start: bool,
    block: str,
    sent_start: int,
    tstart: int,
) -> bool:
    """Whether a single period after the token ``core`` ends the sentence."""
    if kind == _LOWER:
        return False
    if kind == _END:
        return True
    key = core.lower()
    if at_start and _LIST_TOKEN.fullmatch(core):
        return False  # "1. The first item", "a. The first item", "II. Methods"
    if key in _TITLES and core[0].isupper():
        return False
    if key in _NEVER_END:
        return False
    if key in _NUMERIC and (
        kind == _DIGIT or (_ROMAN.fullmatch(word) and (len(word) > 1 or key not in _NUMBER_WORDS))
    ):
        return False  # "p. 55", "Art. I", "Vol. IV"; but "No. I refuse."
    if key in _TIME:
        low = word.lower()
        if low in _TIME_FOLLOWERS:
            return False  # "at 9 a.m. Monday", "at 3 p.m. EST"
        if kind == _UPPER and low in _STARTERS and word != "I":
            return True  # "At 6 a.m. The sun rose." (Golden Rule 18)
        if tstart - sent_start <= 40:
            # A fronted time phrase ("At 5 a.m. Mr. Smith went") is not a sentence of its own.
            opening = block[sent_start:tstart].split()
            if opening and opening[0].strip(_OPENERS).lower() in _TIME_OPENERS:
                return False
        return True
    if (
        key in _AMBIGUOUS
        or key in _TITLES
        or key in _CORPORATE
        or (len(core) == 1 and core.isalpha())
        or _ACRONYM.fullmatch(core)
    ):
        if kind == _UPPER:
            if word.lower() in _STARTERS:
                return True
            return _ends_before_name(core, key, word, at_start, block, tstart, wend)
        return kind == _OTHER and word[:1].isalpha()  # CJK, not "Smith Bros. & Co."
    return True


def _previous_word(block: str, pos: int) -> str:
    """The word just before pos, lower-cased (bounded look-behind)."""
    m = _LAST_WORD.search(block, max(0, pos - 24), pos)
    return m.group(1).lower() if m else ""


def _boundaries(block: str) -> list[int]:
    """Positions in block where one sentence ends and the next may begin, in order."""
    n = len(block)
    cuts: list[int] = []
    sent_start = 0
    content = _content_start(block, 0)
    markers: set[tuple[int, int]] = set()  # list markers seen: (kind, value)

    for m in _CANDIDATE.finditer(block):
        group = m.lastindex
        p0 = m.start()
        end = m.end()
        cut = -1

        if group == 2:  # terminal punctuation
            if end < n and not block[end].isspace():
                cut = _glued(block, m, p0, end)
            else:
                note = _SPACED_NOTE.match(block, end)
                if note:  # the footnote belongs to the sentence it follows
                    end = note.end()
                cut = _decide(block, m, p0, end, sent_start, content, markers)
                if cut == -2:  # an inline list marker starts a new item at its token
                    cut = _token_start(block, p0)
                elif cut == end:
                    cut = _past_emoji(block, end)
        elif group == 3:  # ")" ending a list marker such as "2)"
            if p0 and block[p0 - 1].isalnum() and (end == n or block[end].isspace()):
                tstart = _token_start(block, p0)
                item = _list_item(block, tstart, p0, end, content, markers)
                if item == 1:
                    cut = tstart
        elif group == 4:  # inline bullet: "• 9. The first item • 10. The second item"
            if p0 > content and block[p0 - 1].isspace():
                cut = p0
        else:  # CJK full stop, question or exclamation mark: always a boundary
            cut = _past_emoji(block, end)

        if cut > sent_start:
            cuts.append(cut)
            sent_start = cut
            content = _content_start(block, cut)
    return cuts


def _past_emoji(block: str, pos: int) -> int:
    """Move a boundary past emoji that trail the sentence ("I love it! 😍 See you")."""
    n = len(block)
    i = pos
    while i < n and i - pos < 4 and block[i].isspace():
        i += 1
    # Emoji proper (symbols from U+2600 up), not "©", "°" or the bullets that open list items.
    if i == n or block[i] < "\u2600" or block[i] in _BULLETS:
        return pos
    j = i
    while j < n and j - i < 16 and unicodedata.category(block[j]) in _EMOJI_CATEGORIES:
        j += 1
    if j == i or (j < n and not block[j].isspace()):
        return pos
    return j


def _after_colon(block: str, pos: int) -> bool:
    """Whether the last non-space character before pos is a colon (bounded look-behind)."""
    i = pos
    while i > 0 and pos - i < 8 and block[i - 1].isspace():
        i -= 1
    return i > 0 and block[i - 1] == ":"


# Kinds of list markers: "a", "1", "ii", "II".
_LETTER, _NUMBER, _ROMAN_LOWER, _ROMAN_UPPER = range(4)


def _marker_values(tok: str) -> list[tuple[int, int]]:
    """The (kind, value) readings of a list marker; "i" is both a letter and a Roman one."""
    if tok[0].isdigit():
        return [(_NUMBER, int(tok))]
    values = [(_LETTER, ord(tok))] if len(tok) == 1 and tok.islower() else []
    roman = _ROMAN_VALUES.get(tok.lower(), 0)
    if roman:
        values.append((_ROMAN_LOWER if tok.islower() else _ROMAN_UPPER, roman))
    return values


def _list_item(
    block: str, tstart: int, p0: int, end: int, content: int, markers: set[tuple[int, int]]
) -> int:
    """Classify a possible list marker ``block[tstart:p0]`` followed by "." or ")".

    Returns 0 if it is not a list marker, 1 if it starts a new item in mid-sentence ("first item
    2) The second"), and 2 if it opens the current sentence.
    """
    tok = block[tstart:p0]
    if not _INLINE_MARKER.fullmatch(tok):
        return 0
    values = _marker_values(tok)
    if tstart <= content:
        markers.update(values)
        return 2
    # A new item continues a sequence ("first item 2) The second"), or a first item follows a
    # colon ("Steps: 1. Open the box.").
    found = [
        v
        for v in values
        if (v[0], v[1] - 1) in markers
        or (v[1] == (ord("a") if v[0] == _LETTER else 1) and _after_colon(block, tstart))
    ]
    if not found:
        return 0
    kind, _, _ = _next_word(block, end)
    # Items after "1." may be lower-case ("Items: 1. apples 2. pears"); after "1)" a lower-case
    # word is an enumeration inside a sentence ("reasons: 1) money and 2) time").
    if not (kind == _UPPER or (kind == _LOWER and block[p0] == ".")):
        return 0
    if _previous_word(block, tstart) in _NUMBERED_NOUNS:
        return 0
    markers.update(found)
    return 1


def _numbered_heading(block: str, core: str, tstart: int, end: int, content: int) -> bool:
    """Whether "Chapter 2." opens a one-line heading ("Chapter 2. The Beginning").

    The block must start with a numbered noun and the number, and end shortly after without
    final punctuation.
    """
    if not (core.isdigit() or _ROMAN.fullmatch(core)) or len(core) > 4:
        return False
    if len(block) - end > 80 or not block.rstrip()[-1:].isalnum():
        return False
    if tstart - content > 24:
        return False
    head = block[content:tstart].split()
    return len(head) == 1 and head[0][:1].isupper() and head[0].lower() in _NUMBERED_NOUNS


def _decide(
    block: str,
    m: re.Match[str],
    p0: int,
    end: int,
    sent_start: int,
    content: int,
    markers: set[tuple[int, int]],
) -> int:
    """Decide a run of terminal punctuation followed by whitespace or the end of the block.

    Returns the cut position, -1 for no boundary, or -2 for "cut before the token" (a list marker
    in mid-sentence).
    """
    punct = m.group(1)
    close = m.group(2)
    kind, word, wend = _next_word(block, end)
    if kind == _END:
        return end

    if punct == ".":
        tstart = _token_start(block, p0)
        if close in ("", ")") and (tstart == 0 or block[tstart - 1].isspace()):
            item = _list_item(block, tstart, p0, end, content, markers)
            if item == 1:
                return -2
            if item == 2:
                return -1
        core = block[tstart:p0].lstrip(_OPENERS + _BULLETS)
        at_start = tstart <= content
        if kind == _UPPER and not close and _numbered_heading(block, core, tstart, end, content):
            return -1
        if _period_ends(core, kind, word, wend, at_start, block, sent_start, tstart):
            return end
        return -1

    if any(ch in _QUESTION_MARKS for ch in punct):
        # "Hello?! Is that you?" ends; "Yahoo! in the", '"Stop!" he said', "Yahoo! Inc." do not.
        if kind == _LOWER:
            return -1
        if word.lower() in _CORPORATE and wend < len(block) and block[wend] in ".,":
            return -1
        return end

    dots = punct.count(".") + 3 * punct.count("…")
    if dots < 3:  # "end.. Next" is a doubled full stop
        return -1 if kind == _LOWER else end
    if kind == _LOWER:
        return -1
    if p0 and block[p0 - 1] in "[(" and close[:1] in ("]", ")"):
        return -1  # "[...]" marks an omission inside a quotation
    if " " in punct or "\u00a0" in punct:
        # MLA spaced ellipses. Three dots mark an omission inside a sentence; four dots are an
        # ellipsis plus a full stop. Glued to a word ("compounds. . . . The"), the first dot is the
        # full stop and the remaining ". . ." opens the next sentence.
        if dots == 3:
            # An omission inside a sentence, unless a capitalised function word shows that a new
            # sentence starts ("on . . . The end"; but "the thing is . . . I didn't", rule 47).
            return end if kind == _UPPER and word != "I" and word.lower() in _STARTERS else -1
        attached = p0 > 0 and not block[p0 - 1].isspace()
        return p0 + 1 if attached else end
    return end  # "I never meant that.... She left", "Wait... What?"


def _glued(block: str, m: re.Match[str], p0: int, end: int) -> int:
    """Decide terminal punctuation followed directly by a non-space character.

    Mostly not a boundary ("U.S.A", "3.50", "example.com", "mean...see"). Exceptions: a missing
    space between two words ("ended.The", "said...Then"), a plain-digit footnote ("disputed.3
    Officials") and CJK text.
    """
    punct = m.group(1)
    if (len(punct) != 1 and not _GLUED_ELLIPSIS.fullmatch(punct)) or m.group(2) or p0 < 2:
        return -1
    after = block[end]
    before = block[p0 - 1]
    if after.isalpha() and not after.isupper() and not after.islower():
        # A caseless script such as CJK: "这是句子.这是" has no spaces to wait for.
        return end if before.isalpha() and not before.islower() and not before.isupper() else -1
    tstart = _token_start(block, p0)
    tok = block[tstart:p0].lstrip(_OPENERS)
    # "in 1990.The", "the 1990s.The", "5%.The", "see section 2.The"
    number = "A" <= after <= "Z" and (
        _GLUED_NUMBER.fullmatch(tok)
        or (tok.isdigit() and _previous_word(block, tstart) in _NUMBERED_NOUNS)
    )
    # A plain lower-case word, not an abbreviation ("Mrs.Smith") or code ("jQuery.Ajax").
    word = "a" <= before <= "z" and tok.isalpha() and tok[1:].islower()
    if not (number or (word and tok.lower() not in _ABBREVIATIONS)):
        return -1
    if "A" <= after <= "Z":
        # "ended.The next": the word after must be a plain word, not part of a URL or a file name.
        if end + 1 >= len(block) or not ("a" <= block[end + 1] <= "z"):
            return -1
        nm = _FIRST_TOKEN.match(block, end)
        assert nm is not None
        nxt = nm.group(1).rstrip(_CLOSERS + ".,;:!?")
        if any(ch in nxt for ch in "./@:_\\"):
            return -1
        return end
    if punct == "." and after.isdigit():
        # "disputed.3 Officials": one to three digits, a space, a capitalised word.
        j = end
        while j < len(block) and j - end < 4 and block[j].isdigit():
            j += 1
        if j - end > 3 or j >= len(block) or not block[j].isspace():
            return -1
        kind, _, _ = _next_word(block, j)
        return j if kind == _UPPER else -1
    return -1


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trimmed sentence ranges of one block, with letterless pieces merged into a neighbour."""
    block = text[start:end]
    bounds = [0, *_boundaries(block), len(block)]
    merged: list[list[int]] = []
    pending = -1  # start of letterless pieces that precede the first real sentence
    for a, b in pairwise(bounds):
        piece = block[a:b]
        stripped = piece.lstrip()
        if not stripped:
            continue
        a += len(piece) - len(stripped)
        b -= len(stripped) - len(stripped.rstrip())
        if _ALNUM.search(stripped):
            if pending >= 0:
                a, pending = pending, -1
            merged.append([a, b])
        elif merged:
            merged[-1][1] = b
        elif pending < 0:
            pending = a
    for a, b in merged:
        yield start + a, start + b


def split_sentences(text: str) -> list[Segment]:
    """Split text into sentences with exact, trimmed, ordered, disjoint code-point offsets.

    Args:
        text: The document, as read (line endings untouched).

    Returns:
        The sentences (and headings) in document order; ``text[s.start:s.end] == s.text``.
        Separator lines and whitespace produce no segment.
    """
    out: list[Segment] = []
    for bstart, bend in _blocks(text):
        for s, e in _pieces(text, bstart, bend):
            out.append(Segment(s, e, text[s:e]))
    return out
