"""Abbreviations: the lexicons, and whether a full stop after an abbreviation ends the sentence.

Keys are the token before the final period, lower-cased, without that period ("u.s", "mr"). The
lexicons are module constants rather than package data: they are small, part of the rules rather
than configuration, and cost nothing to load.
"""

from __future__ import annotations

import re

from .chars import ACRONYM, OPENERS, ROMAN, WordKind, token_before


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of text."""
    return frozenset(text.split())


# Lower-cased ("a sales rep.") they are treated as ambiguous.
TITLES = word_set(
    """
    mr mrs ms mx messrs mmes mme mlle dr prof rev revd fr msgr hon pres gov sen rep amb supt insp
    det gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr comdr brig lieut ens mt ste sra srta dra
    """
)

# Abbreviations after which the sentence always goes on ("e.g. Russia", "Roe v. Wade").
NEVER_END = word_set("e.g eg i.e ie viz cf vs v approx appr esp incl excl resp w.r.t a.k.a aka")

# Abbreviations that take a number: no boundary before a digit ("p. 55", "No. 5", "Sept. 11").
NUMERIC = word_set(
    """
    no nos nr num p pp para paras par sec secs sect ch chap chaps art arts fig figs tab tbl eq eqs
    ex vol vols pt pts ed eds ref refs tel fax ext c ca cca circa n° nº op opp cap bk ln l ll ver
    rs
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

# Abbreviations that may end a sentence: before a capitalised word they end it only if that word
# usually starts sentences ("Co. It closed" ends, "U.S. Government" does not).
AMBIGUOUS = word_set(
    """
    co corp inc ltd llc plc llp bros jr sr esq st ft ave blvd rd hwy sq apt bldg dept div univ assn
    assoc inst intl natl govt est al ed eds trans repr comp orig misc min mins max hr hrs yr yrs mo
    mos wk wks lb lbs oz pt pts qt gal doz pct deg mgr mfg mkt cie ret retd
    ph.d m.d b.a m.a b.sc m.sc b.s m.s d.phil ll.b ll.m ed.d psy.d j.d m.b.a m.phil d.d.s
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri
    """
)

TIME = word_set("a.m p.m")

# Company suffixes: after a company name ("Apple Inc.") a capitalised word that is not a job title
# or another suffix starts a new sentence ("He founded Apple Inc. Steve Jobs returned.").
CORPORATE = word_set("inc corp ltd llc plc llp co s.a n.v a.g l.p l.l.c p.l.c")

# Names written with an exclamation mark: before a capitalised word that does not usually start
# a sentence, the "!" belongs to the name ("Yahoo! Research", "Jeopardy! Champion Ken Jennings").
EXCLAIMED_NAMES = word_set("yahoo jeopardy wham yum")

# Words that continue a sentence after a company suffix ("Apple Inc. Chief Executive Tim Cook"),
# among them other legal forms ("GmbH & Co. KG").
CORPORATE_FOLLOWERS = word_set(
    """
    ceo cfo coo cto chairman chairwoman chair chief executive president founder cofounder vice
    spokesman spokeswoman spokesperson director head board managing senior deputy
    kg gmbh ag sa nv bv spa srl sarl pty pte bhd oy asa kgaa llc lp llp plc ltd inc co corp
    """
)

# Street suffixes: after a street name ("Baker St.") a capitalised word that is not a compass point
# starts a new sentence. "St." is also "Saint" ("St. Louis", "Mount St. Helens").
STREETS = word_set("st ave blvd rd hwy sq")
COMPASS = word_set(
    "n s e w ne nw se sw north south east west northeast northwest southeast southwest"
)
SAINT_PREFIXES = word_set("mount mt port fort ft lake cape isle point sault san santa")

# Place and organisation acronyms. Before a capitalised word they end a sentence unless that word
# belongs to a proper name they often modify ("the U.S. Army", "the U.N. Security Council").
PLACES = word_set("u.s u.k u.s.a u.s.s.r e.u u.n d.c p.r.c r.o.k d.p.r.k u.a.e")
PLACE_FOLLOWERS = word_set(
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
    pentagon white panel committee institute board authority service services company
    corporation federation association academy university college museum library
    """
)

# After the word that follows a place acronym: a hyphen, another capitalised word or an acronym in
# brackets shows a compound or a longer name ("U.S. Virginia-class submarines", "the U.S. Central
# Command", "Australia-U.S. Ministerial (AUSMIN)").
# The space may be a wrapped line's newline ("the U.S. Fifth⏎Fleet"): inside a paragraph block a
# newline is soft.
_NAME_GOES_ON = re.compile(r"-\s?\w|\s[A-Z][a-z]|\s\([A-Z]{2,}\)")

# Abbreviations of "number" itself: "No. I refuse" is two sentences, "Art. I" is one.
NUMBER_WORDS = word_set("no nos nr num")

#: Every abbreviation the splitter knows (lower case, without the final full stop); the drafter
#: reads each as one word with its full stop, so that no clause ends inside it.
ABBREVIATIONS = TITLES | NEVER_END | NUMERIC | AMBIGUOUS | TIME

# After "a.m."/"p.m." these capitalised words continue the sentence ("at 9 a.m. Monday").
TIME_FOLLOWERS = word_set(
    """
    est edt cst cdt mst mdt pst pdt gmt utc bst cet cest eet et pt ct mt ist jst kst msk
    eastern central pacific mountain local
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    """
)

# Words that open a fronted time phrase: "At 5 a.m. Mr. Smith went" is one sentence.
TIME_OPENERS = word_set(
    """
    at by until till til before after from around about since between on shortly just
    approximately roughly nearly every
    """
)

# Closed-class words that commonly start a sentence. After an ambiguous abbreviation a capitalised
# word from this list signals a boundary; any other capitalised word (a name) does not.
STARTERS = word_set(
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
NUMBERED_NOUNS = word_set(
    """
    chapter page step section part figure fig table article paragraph volume vol no number level
    round phase stage version grade class type rule question exercise lesson unit appendix verse
    line act scene case option term day week year game episode season match book p pp sec ch
    """
)

# Chapter and verse after an abbreviated book name ("Phil. 4:8", "Gen. 1:1-3").
_VERSE = re.compile(r"\d{1,3}:\d{1,3}\b")

# Words that list items are numbered with and that may open a sentence ("1. The first item").
LIST_TOKEN = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})")


def abbreviation_follows(block: str, word: str, wend: int) -> bool:
    """Whether the next word is itself an abbreviation or initial ("Co. Ltd.", "U.S. Sen.")."""
    if wend >= len(block) or block[wend] != ".":
        return False
    return word.lower() in ABBREVIATIONS or (len(word) <= 2 and word.isupper())


def ends_before_name(
    core: str, key: str, word: str, at_start: bool, block: str, tstart: int, wend: int
) -> bool:
    """Whether an ambiguous abbreviation ends the sentence before a capitalised non-starter word.

    Most abbreviations do not ("George W. Bush", "Smith Bros. Grimm"), but place acronyms, company
    and street suffixes end a name, so what follows is a new sentence unless it continues a proper
    name ("the U.S. Army", "Apple Inc. Chief Executive", "Fifth Ave. NW").
    """
    if not (key in PLACES or key in CORPORATE or key in STREETS):
        return False
    if abbreviation_follows(block, word, wend):
        return False
    word_start = wend - len(word)
    if "(" in block[max(0, word_start - 3) : word_start]:
        return False  # "Acme Inc. (NYSE: ACM) rose", "Acme Inc. (“Acme”)"
    low = word.lower()
    if key in PLACES:
        return not (
            low in PLACE_FOLLOWERS
            or (len(word) > 1 and word.isupper())
            or _NAME_GOES_ON.match(block, wend)  # "U.S. Virginia-class", "U.S. Central Command"
        )
    prev = "" if at_start else token_before(block, tstart)
    if prev.lower() in STARTERS or not (
        prev[:1].isupper() or prev[:1].isdigit() or prev == "&" or prev.endswith("!")
    ):
        return False  # "born in Co. Kerry", "the feast of St. Paul", "The St. Lawrence"
    if key == "st" and (core != "St" or prev.lower().rstrip(".") in SAINT_PREFIXES):
        return False  # "Mount St. Helens"
    if key in CORPORATE:
        return low not in CORPORATE_FOLLOWERS
    return low not in COMPASS


def _time_abbreviation_ends(
    kind: WordKind, word: str, block: str, sent_start: int, tstart: int
) -> bool:
    """Whether "a.m."/"p.m." ends the sentence before the next word."""
    low = word.lower()
    if low in TIME_FOLLOWERS:
        return False  # "at 9 a.m. Monday", "at 3 p.m. EST"
    if kind is WordKind.UPPER and low in STARTERS and word != "I":
        return True  # "At 6 a.m. The sun rose." (Golden Rule 18)
    if tstart - sent_start <= 40:
        # A fronted time phrase ("At 5 a.m. Mr. Smith went") is not a sentence of its own.
        opening = block[sent_start:tstart].split()
        if opening and opening[0].strip(OPENERS).lower() in TIME_OPENERS:
            return False
    return True


def _lexicon_key(core: str) -> str:
    """The token as the lexicons spell it: lower case, and for a hyphenated compound that ends in
    an acronym or a company suffix, that last part ("Australia-U.S." → "u.s")."""
    key = core.lower()
    if "-" in key:
        last = key.rsplit("-", 1)[1]
        key = last if last in PLACES or last in CORPORATE else key
    return key


def _number_follows(key: str, core: str, kind: WordKind, word: str, block: str, wend: int) -> bool:
    """Whether the token takes the number after it: "p. 55", "Art. I", "Vol. IV", "No. A13" (but
    "No. I refuse."), and a book before its chapter and verse ("(Phil. 4:8)")."""
    if key in NUMERIC and (
        kind is WordKind.DIGIT
        or (ROMAN.fullmatch(word) and (len(word) > 1 or key not in NUMBER_WORDS))
        or any(ch.isdigit() for ch in word)
    ):
        return True
    return (
        kind is WordKind.DIGIT
        and core[:1].isupper()
        and _VERSE.match(block, wend - len(word)) is not None
    )


def _may_end(key: str, core: str) -> bool:
    """Whether the token is an abbreviation that may or may not end a sentence (``AMBIGUOUS``,
    titles written in lower case, company suffixes, initials, acronyms)."""
    return (
        key in AMBIGUOUS
        or key in TITLES
        or key in CORPORATE
        or key in PLACES
        or (len(core) == 1 and core.isalpha())
        or ACRONYM.fullmatch(core) is not None
    )


# Lower-case words a full stop after which may not end a sentence (the lexicons' words).
_LEXICON_WORDS = ABBREVIATIONS | CORPORATE | PLACES | STREETS


def plain_word(core: str) -> bool:
    """Whether the token is a lower-case word of two or more letters that no lexicon holds and
    that cannot number a list ("mdx"): a full stop after it ends the sentence before any word
    that is not lower-case (the commonest sentence end, decided without the rules below)."""
    return (
        len(core) > 1
        and core.isalpha()
        and core.islower()
        and core not in _LEXICON_WORDS
        and LIST_TOKEN.fullmatch(core) is None
    )


def period_ends_sentence(
    core: str,
    kind: WordKind,
    word: str,
    wend: int,
    at_start: bool,
    block: str,
    sent_start: int,
    tstart: int,
) -> bool:
    """Whether a single period after the token ``core`` ends the sentence."""
    if kind is WordKind.LOWER:
        return False
    if kind is WordKind.END:
        return True
    key = _lexicon_key(core)
    if at_start and LIST_TOKEN.fullmatch(core):
        return False  # "1. The first item", "a. The first item", "II. Methods"
    if (key in TITLES and core[0].isupper()) or key in NEVER_END:
        return False  # "Gen. Smith", "e.g. Russia"
    if _number_follows(key, core, kind, word, block, wend):
        return False
    if key in TIME:
        return _time_abbreviation_ends(kind, word, block, sent_start, tstart)
    if not _may_end(key, core):
        return True
    if kind is WordKind.UPPER:
        if word.lower() in STARTERS:
            return True
        return ends_before_name(core, key, word, at_start, block, tstart, wend)
    return kind is WordKind.OTHER and word[:1].isalpha()  # CJK, not "Smith Bros. & Co."
