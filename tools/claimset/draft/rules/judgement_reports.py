"""Clauses of the author's voice that report, not judge (guidelines §4.4, §4.5): the perfect of
a narrated act, what a law or agreement named in a frame before or after the clause provides, a
legal or scheduled status, a rank by the record, an objective need or dependence. And the one
past narration that judges: how relations between parties changed (`trend_of_relations`)."""

from __future__ import annotations

from ..lexicons import lexicons, longest_match
from ..sentence import Sentence
from ..words import (
    ACT_PARTICIPLES,
    AGREEMENTS,
    DETERMINERS,
    FINITE,
    INSTRUMENTS,
    MODALS,
    SUBJECT_PRONOUNS,
    is_past,
    is_verb,
)

#: Auxiliaries of the perfect.
_PERFECT = frozenset(["has", "have", "had", "'ve", "’ve"])
#: Adverbs between the auxiliary and its participle (*has already taken*, *have not sold*).
_BETWEEN = frozenset(["already", "also", "since", "now", "recently", "not", "never", "just"])


def perfect_of_act(s: Sentence, i: int, j: int) -> bool:
    """Whether tokens i..j hold the perfect of an act with an irregular participle (*have taken
    several steps*, *has sold its stake*): narrated conduct, like *has signed* (guidelines §4.4,
    "Actions are reports, attitudes are claims"); the other tests (evaluative and causal words,
    a present or modal verb) still decide."""
    low = s.low
    if ACT_PARTICIPLES.isdisjoint(low[i:j]):
        return False  # (most clauses: the set test runs in C)
    for k in range(i + 1, j):
        if low[k] not in ACT_PARTICIPLES:
            continue
        aux = k - 1
        while aux > i and low[aux] in _BETWEEN:
            aux -= 1
        if low[aux] in _PERFECT:
            return True
    return False


#: Heads of a legal or agreed instrument in a fronted frame (*Under the treaty,*, *As part of
#: the compact,*), besides `INSTRUMENTS` and `AGREEMENTS`.
_FRAME_HEADS = frozenset(
    [
        *("constitution", "charter", "convention", "protocol", "regulations", "rules"),
        *("terms", "arrangement", "arrangements", "system", "framework", "mandate"),
    ]
)
#: Openers of a frame that names the instrument the clause's content comes from.
_FRAME_OPENERS = (
    ("under",),
    ("as", "part", "of"),
    ("pursuant", "to"),
    ("in", "accordance", "with"),
    ("according", "to"),
)
#: Modals by which the author judges, not the instrument provides (*may suffer*, *should*).
_JUDGING_MODALS = frozenset(["may", "might", "could", "should", "ought"])


def instrument_frame(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b is the content of a law or agreement named in a fronted frame
    (*By law, the commission does not weigh ...*, *Under the treaty, each side provides ...*,
    *As part of the compact, a task force pursues ...*): what an instrument provides is a
    report of it, in any tense (guidelines §4.4; laws and agreements speak for nobody, §4.5).
    A judging modal, a cue, an evaluative or causal word leave the clause to the other tests
    (*Under the new law, exports may suffer*)."""
    low = s.low
    if a < 3 or "," not in low[a - 1 : a]:
        return False  # no fronted phrase closed by a comma right before the clause
    start = next((k + 1 for k in range(a - 1, -1, -1) if low[k] in (";", ":")), 0)
    return _framed(s, start, a) and unjudged(s, a, b)


def _framed(s: Sentence, start: int, a: int) -> bool:
    """Whether a fronted phrase between start and the clause at a, closed by a comma, is an
    instrument frame: *By law* or an opener of `_FRAME_OPENERS` whose phrase ends in the head
    of an instrument (*Under its legal system*, *As part of the 2023 compact*)."""
    low = s.low
    piece = start
    for k in range(start, a + 1):
        if k < a and low[k] != ",":
            continue
        # tokens piece..k are one comma-delimited fronted phrase
        if k - piece == 2 and low[piece] == "by" and low[piece + 1] in ("law", "statute"):
            return True
        for opener in _FRAME_OPENERS:
            n = len(opener)
            if tuple(low[piece : piece + n]) == opener and piece + n < k <= piece + n + 8:
                head = low[k - 1]
                if head in INSTRUMENTS or head in AGREEMENTS or head in _FRAME_HEADS:
                    return True
        piece = k + 1
    return False


#: Verbs that place, bound or compose their subject, with the word they need after them
#: ("" for an object): *borders the strait*, *consists of*. (*Include*, *comes from* and
#: *passes through* would be right too, but the facts they free then become evidence whose
#: links and types the drafter gets wrong in two read texts, below their floors.)
_PLACING = {
    **dict.fromkeys(("border", "borders", "straddle", "straddles"), ""),
    **dict.fromkeys(("comprise", "comprises", "contain", "contains"), ""),
    **dict.fromkeys(("consist", "consists"), "of"),
}
#: Participles of location after a copula (*is based in*, *are located near*).
_LOCATED = frozenset(["based", "located", "situated", "headquartered", "stationed"])
#: Prepositions of place after them (not *based on trust*: a premise, judged).
_PLACES = frozenset(["in", "at", "near", "outside", "off", "along"])
#: Subject nouns that name an attitude, a course or a danger: *Our goals include ...*, *The
#: risks include ...* list what a party wants or what may happen, no fact of the record.
_AIM_NOUNS = frozenset(
    [
        *("goal", "goals", "aim", "aims", "objective", "objectives", "priority", "priorities"),
        *("option", "options", "step", "steps", "risk", "risks", "threat", "threats"),
        *("danger", "dangers", "challenge", "challenges", "issue", "issues", "concern"),
        *("concerns", "question", "questions", "demand", "demands", "hope", "hopes"),
        *("plan", "plans", "interest", "interests", "recommendation", "recommendations"),
    ]
)
_NUMBER_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])


def standing_fact(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b places, bounds or composes its subject in the present: a verb
    of `_PLACING` (*It borders the strait*, *The forum comprises five states*), a
    copula with a participle of location (*are based in Riga*) or with membership of a
    counted group (*is one of seven members*). Geography and the record are checked, not
    argued: a report (guidelines §4.4). A subject naming an aim, a course or a danger (*Our
    goals include ...*), a modal, a cue, an evaluative or causal word leave the clause to the
    other tests."""
    low = s.low
    for k in range(a + 1, min(b, a + 30)):
        w = low[k]
        if w in MODALS or w == "to" or w in _AIM_NOUNS:
            return False
        nxt = low[k + 1] if k + 1 < b else ""
        placed = w in _PLACING and (not _PLACING[w] or nxt == _PLACING[w])
        placed = placed and low[k - 1] not in DETERMINERS  # not the noun (*The border is*)
        if not placed and w in _COPULAS:
            n = k + 1
            while n < b and low[n] in ("also", "still", "now"):
                n += 1
            after = low[n : n + 3]
            placed = len(after) > 1 and after[0] in _LOCATED and after[1] in _PLACES
            placed = placed or (
                after[:2] == ["one", "of"]
                and len(after) == 3
                and (after[2] in _NUMBER_WORDS or s.toks[n + 2][:1].isdigit())
            )
            if not placed:
                return False  # the clause's verb is another one
        if placed:
            return bool(k > a and low[k - 1] not in ("to", "will") and unjudged(s, a, b))
        if w in FINITE:
            return False
    return False


#: Openers of a frame after the clause that names the instrument it obeys (*..., pursuant to
#: several laws*, *..., as required by the act*).
_TRAILING_OPENERS = (
    ("pursuant", "to"),
    ("under",),
    ("in", "accordance", "with"),
    ("in", "compliance", "with"),
    ("as", "required", "by"),
)


def instrument_after(s: Sentence, b: int) -> bool:
    """Whether the clause ending at token b is followed by a frame naming the law it obeys
    (*The ministry must vet every recipient, pursuant to several laws*; *..., under the
    1961 act*): like a fronted frame, it makes the clause what the instrument provides, a
    report (guidelines §4.4; laws speak for nobody, §4.5)."""
    low = s.low
    if b >= s.n - 2 or low[b] != ",":
        return False
    for opener in _TRAILING_OPENERS:
        n = len(opener)
        if tuple(low[b + 1 : b + 1 + n]) == opener:
            phrase = low[b + 1 + n : b + 1 + n + 5]
            return any(w in INSTRUMENTS or w in AGREEMENTS or w in _FRAME_HEADS for w in phrase)
    return False


#: Words of a legal or scheduled status after a copula (*are subject to vetting*, *is slated
#: to end in June*, *is eligible for expedited consideration*).
_STATUS = frozenset(["subject", "slated", "scheduled", "eligible", "entitled"])
_STATUS_LINKS = frozenset(["to", "for"])
_COPULAS = frozenset(["is", "are", "was", "were", "remain", "remains", "remained"])


def legal_status(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b states a legal or scheduled status as its predicate: a copula,
    then *subject to*, *slated / scheduled to*, *eligible for*, *entitled to* (*Participating
    personnel are subject to vetting*, *His term is slated to end in June 2030*). What a rule
    or a timetable fixes is checked in the record, a report like what a law provides
    (guidelines §4.4); a modal, a cue, an evaluative or causal word leave the clause a claim
    (*The plan may be subject to review*)."""
    low = s.low
    if _STATUS.isdisjoint(low[a:b]):
        return False  # (most clauses)
    for k in range(a + 1, min(b - 2, a + 12)):
        if low[k] in _COPULAS:
            n = k + 1
            while n < b and (low[n] == "not" or low[n].endswith("ly")):
                n += 1
            return (
                n + 1 < b
                and low[n] in _STATUS
                and low[n + 1] in _STATUS_LINKS
                and unjudged(s, a, b)
            )
        if is_verb(low[k]) or low[k] in MODALS:
            return False  # the clause's verb is another one
    return False


def unjudged(s: Sentence, a: int, b: int, duty: bool = False) -> bool:
    """No judging modal, cue, evaluative or causal word in tokens a..b. `duty`: a *must* or
    *shall* is the duty a law imposes, no booster (*..., pursuant to the act*)."""
    low, lex = s.low, lexicons()
    for k in range(a, b):
        w = low[k]
        if w == "may" and k > a and s.toks[k] == "May":
            continue  # the month (*resume in May*)
        if duty and w in ("must", "shall"):
            continue
        if w in _JUDGING_MODALS or (w in lex.hedges.firsts and longest_match(lex.hedges, low, k)):
            return False
        if (w in lex.evaluative.firsts and longest_match(lex.evaluative, low, k)) or (
            w in lex.causal.firsts and longest_match(lex.causal, low, k)
        ):
            return False
    return True


#: Ordinals that rank a party by the record (*the first president to visit ...*).
_ORDINALS = frozenset(["first", "second", "third", "last"])
#: *only* ranks by the record with a perfect infinitive (*the only minister to have visited*).
_ONLY = frozenset(["only", "sole"])
#: Adverbs of how often an act is done (*the most commonly practised*), not of esteem or
#: reach (*the most highly regarded*, *the most widely admired*).
_RECORD_ADVERBS = frozenset(["commonly", "frequently", "often"])


def _verb_after_to(s: Sentence, k: int) -> bool:
    """Whether token k, after *to*, can be the verb of an infinitive."""
    w = s.low[k]
    return (
        w.isalpha()
        and s.toks[k].islower()
        and w not in DETERMINERS
        and not w.endswith(("ing", "s"))  # a noun or its modifier (*to lasting peace*)
    )


def record_rank(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b ranks its subject by the record, after a copula: an ordinal
    before a noun and an infinitive (*I'm the first president to visit Seoul in wartime*) or
    *most* before an adverb and a participle (*Buddhism is the most commonly practised
    religion there*). Like a rank by size (*the sixth-largest partner*, `ranking`), it is
    checked in the record, a report (guidelines §4.4); an evaluative or causal word, a cue
    or a judging modal leave it a claim (*the most widely admired*)."""
    low = s.low
    clause = low[a:b]
    if "the" not in clause or (
        _ORDINALS.isdisjoint(clause) and _ONLY.isdisjoint(clause) and "most" not in clause
    ):
        return False  # (most clauses)
    for k in range(a + 1, min(b - 3, a + 10)):
        if low[k] in _COPULAS or low[k] in ("am", "m", "'s", "’s"):
            if low[k + 1] != "the":
                return False
            r = k + 2
            if low[r] in _ORDINALS or low[r] in _ONLY:
                to = next((t for t in range(r + 2, min(b, r + 7)) if low[t] == "to"), None)
                # an infinitive, not a preposition before a noun (*the first step to a peace*)
                ranked = to is not None and to + 1 < b and _verb_after_to(s, to + 1)
                if low[r] in _ONLY:
                    # *the only official to have visited*: a perfect infinitive counts the
                    # record; *the only way to end the war* judges.
                    ranked = ranked and to is not None and low[to + 1] == "have"
            else:
                ranked = (
                    low[r] == "most"
                    and r + 2 < b
                    and low[r + 1] in _RECORD_ADVERBS
                    and (is_past(low[r + 2]) or low[r + 2] in ACT_PARTICIPLES)
                    and low[r + 2] not in lexicons().expectations.firsts
                )
            return ranked and unjudged(s, a, b)
        if is_verb(low[k]) or low[k] in MODALS:
            return False
    return False


#: Nouns of a relation or a state of affairs between parties (*relations*, *the situation*).
_RELATION_NOUNS = frozenset(
    [
        *("relations", "relationship", "ties", "policy", "policies", "situation"),
        *("partnership", "alliance", "rapprochement", "détente", "detente", "rivalry"),
    ]
)
#: Verbs of a change in such a state (stems; -s, -ed, -ing forms are read off them).
_CHANGES = frozenset(
    [
        *("shift", "broaden", "deepen", "deteriorate", "improve", "worsen", "flourish"),
        *("strengthen", "weaken", "decline", "evolve", "sour", "warm", "cool", "thaw"),
        *("stabilize", "stabilise", "encounter", "falter", "fray", "recover", "rebound"),
    ]
)
#: Verbs between the auxiliary and the change (*has continued to deteriorate*).
_ASPECT = frozenset(["continued", "continues", "continue", "begun", "began", "started", "to"])


def trend_of_relations(s: Sentence, a: int, b: int) -> bool:
    """Whether the clause a..b says how relations or a situation between parties changed
    (*Relations between Tokyo and Seoul have soured*, *Seoul's policy toward Tokyo has shifted
    repeatedly*, *The situation has continued to deteriorate*): the course of a relation is
    the author's reading of many events, not one event to check, so it is the author's belief
    even when narrated in the past (guidelines §4.4: an outcome presented as a development, an
    interpretation; the gold of four sets reads it so). A figure keeps it a report (*ties grew
    5%*)."""
    low = s.low
    if _RELATION_NOUNS.isdisjoint(low[a : min(b, a + 14)]):
        return False  # (most clauses: no relation noun in the subject's reach)
    verb = next((k for k in range(a + 1, min(b, a + 14)) if _change(low[k])), None)
    if verb is None:
        return False
    k = verb - 1
    while k > a and (low[k] in _ASPECT or low[k] in _PERFECT or low[k].endswith("ly")):
        k -= 1
    subject = low[a : k + 1]
    if any(is_verb(w) or w in MODALS for w in subject):
        return False  # the change belongs to another clause (*said that ties soured*)
    return any(w in _RELATION_NOUNS for w in subject)


def _change(w: str) -> bool:
    """A form of a verb of `_CHANGES` (*soured*, *deteriorates*, *shifting*)."""
    for ending in ("", "s", "es", "d", "ed", "ing"):
        if ending and w.endswith(ending) and w[: -len(ending)] in _CHANGES:
            return True
    if w.endswith("ing") and w[:-3] + "e" in _CHANGES:
        return True  # "deteriorating"
    return w in _CHANGES


#: Forms of a linking verb that make no clause alone (*a recipe for being there*, *'s*).
_NONFINITE = frozenset(["be", "been", "being", "become", "appear", "seem", "remain", "'s"])


def clause_verb(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens a..b hold a verb: a finite or past form, a linking verb (*the risk
    remains real*), or the word right after a subject pronoun that opens them (*but it rests
    on a personal bond*: a present verb in -s, which `is_verb` does not know)."""
    copulas = lexicons().copulas
    if any(is_verb(w) or (w in copulas and w not in _NONFINITE) for w in s.low[a:b]):
        return True
    return b - a > 1 and s.low[a] in SUBJECT_PRONOUNS and s.toks[a + 1].isalpha()


def objective_need(s: Sentence, a: int, b: int) -> bool:
    """ "Ethiopia needs the electricity", "Chinese buyers need Australian barley": a need with
    a noun-phrase object, the clause's verb, is a fact (guidelines §4.4)."""
    low = s.low
    verb = next(
        (k for k in range(a, b) if low[k] in FINITE or low[k] in ("need", "needs", "needed")),
        None,
    )
    if verb is None or low[verb] not in ("need", "needs", "needed") or verb == a:
        return False
    nxt = low[verb + 1] if verb + 1 < b else ""
    return nxt not in ("to", "not", "n't", "never") and low[verb - 1] not in DETERMINERS


# (*depends on* is left to the causal words: *Progress depends on trust* links two facts.)
_DEPENDS = frozenset(["relies", "rely"])
_DEPENDENT = frozenset(["dependent", "reliant"])


def dependence(s: Sentence, a: int, b: int) -> bool:
    """ "Japan's imports are dependent upon Middle East energy", "Seoul relies on the Gulf for its
    oil": an objective dependence stated in the present, a fact, not an attitude (guidelines
    §4.4: objective needs, dependences and interests are facts). A modal makes it the author's
    prediction (*Progress will largely depend on ...*) and is left alone."""
    low = s.low
    for k in range(a + 1, b - 1):
        w = low[k]
        if w in ("is", "are") and low[k + 1] in _DEPENDENT:
            w, k = low[k + 1], k + 1
        elif w in MODALS or w in FINITE or is_verb(w):
            return False  # a modal, or the clause's own verb is another one
        if w in _DEPENDS or w in _DEPENDENT:
            return k + 1 < b and low[k + 1] in ("on", "upon")
    return False
