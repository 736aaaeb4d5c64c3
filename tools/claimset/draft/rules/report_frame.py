"""A report frame outside its content (guidelines §4.5, v1.3 "Report frames after or around
the content").

*Trade will recover, Tokyo says.* — *The deal is dead, Seoul said.* — *Trade will recover (Tokyo
says).* — *Trade, Tokyo says, will recover.* — *According to Tokyo, trade will recover.* The
frame names the speaker after, inside or before the content instead of governing it as *Tokyo
says that ...* does, and the content is the speaker's claim all the same: the author's claims
drafted in the content become the speaker's (actor quote the naming phrase of the frame), the
hedges inside the content are the speaker's (*could*, *might*: no cue of the author's), and a
cue in the frame stays the author's (*Tokyo reportedly said*). The type is that of the content,
but a *should / must* in a party's words is its `demand` (§8.2), and a *will / must* about the
speaker's own conduct its `intention` (§4.5, *says that it will veto*).

Not a frame: *as Tokyo says* (the author agrees: the author's claim); a verb with a complement
of its own (*Tokyo said that ...*, handled by the holder frame); a frame naming no party.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..actor_index import AUTHOR
from ..context import Context, resolve_anaphor
from ..lexicons import lexicons
from ..mentions import Mention
from ..sentence import Sentence, clause_start, skip_connectives
from ..types import Candidate
from ..words import DETERMINERS, FINITE, QUOTES, WH
from .actor import find_holder
from .expectation_verbs import own_conduct

#: Verbs of thinking that frame a content as well as the saying verbs do (*..., analysts
#: believe.*, *..., Tokyo fears.*).
_THINKING = frozenset(
    [
        "believe",
        "believes",
        "believed",
        "think",
        "thinks",
        "thought",
        "expect",
        "expects",
        "expected",
        "predict",
        "predicts",
        "predicted",
        "estimate",
        "estimates",
        "estimated",
        "assess",
        "assesses",
        "assessed",
        "conclude",
        "concludes",
        "concluded",
        "fear",
        "fears",
        "feared",
        "insist",
        "insists",
        "insisted",
        "reckon",
        "reckons",
        "reckoned",
    ]
)
#: Words that may follow the frame's verb: a short adjunct (*said on Monday*, *told reporters
#: in Tokyo*, *said in a statement last week*).
_ADJUNCT = frozenset(
    [
        "on",
        "in",
        "at",
        "to",
        "during",
        "after",
        "before",
        "last",
        "this",
        "yesterday",
        "today",
        "earlier",
        "recently",
        "repeatedly",
        "again",
        "also",
        "a",
        "an",
        "the",
        "reporters",
        "journalists",
        "parliament",
        "statement",
        "interview",
        "week",
        "month",
        "year",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_CLOSERS = frozenset([".", "!", "?", '"', "”", "’", "'"])
_MAX_FRAME = 12


@dataclass(frozen=True)
class ReportFrame:
    """A frame at tokens [i, j) (with its commas or brackets) naming the speaker `holder` by the
    tokens `naming`; `verb` is the reporting verb's token (None for *according to*)."""

    i: int
    j: int
    holder: list[str]
    naming: tuple[int, int] | None
    verb: int | None


@functools.cache
def report_verbs() -> frozenset[str]:
    """The finite forms of the saying verbs of expectations.json (those reported speech with a
    that-clause uses) and of the verbs of thinking."""
    forms = {
        words[0]
        for entries in lexicons().expectations.values()
        for words, cue in entries
        if len(words) == 1
        and cue.speech
        and cue.complement.name == "that-near"
        and not words[0].endswith("ing")
    }
    return frozenset(forms) | _THINKING


def report_frames(s: Sentence, mentions: list[Mention], ctx: Context) -> list[ReportFrame]:
    """The report frames of a sentence: after the content (*P, X says.*), in brackets (*P (X
    says).*), between commas inside it (*P, X says, Q*) or before it (*According to X, P*)."""
    found: list[ReportFrame] = []
    end = s.n
    while end > 0 and s.low[end - 1] in _CLOSERS:
        end -= 1
    for k in range(s.n):
        w = s.low[k]
        if w == "(":
            close = next(
                (c for c in range(k + 1, min(s.n, k + _MAX_FRAME)) if s.low[c] == ")"), None
            )
            if close is not None and k > 0:
                frame = _frame(s, k + 1, close, mentions, ctx)
                if frame is not None:
                    found.append(ReportFrame(k, close + 1, *frame))
        elif w == "," and k > 0:
            close = next(
                (c for c in range(k + 1, min(end, k + _MAX_FRAME)) if s.low[c] == ","), None
            )
            stop = close if close is not None else end
            if close is None and end - k > _MAX_FRAME:
                continue
            frame = _frame(s, k + 1, stop, mentions, ctx)
            if frame is not None:
                found.append(ReportFrame(k, stop + 1 if close is not None else end, *frame))
    for fronted in (_colon_frame(s, mentions, ctx), _view_frame(s, mentions, ctx)):
        if fronted is not None:
            found.append(fronted)
    if s.n > 3 and s.low[0] == "according" and s.low[1] == "to":
        comma = next((c for c in range(2, min(s.n, _MAX_FRAME)) if s.low[c] == ","), None)
        if comma is not None and (frame := _frame(s, 0, comma, mentions, ctx)) is not None:
            found.append(ReportFrame(0, comma + 1, *frame))
    return found


_Speaker = tuple[list[str], tuple[int, int] | None, int | None]

#: Words between the author's *I* and a saying verb (*I hasten to add*, *I would only say*).
_BEFORE_VERB = frozenset(
    ["hasten", "to", "would", "will", "must", "can", "should", "only", "just", "also", "want"]
)


#: Nouns of a point of view (*In Tokyo's view, ...*, *In the assessment of Seoul, ...*, *From
#: the Japanese point of view, ...*, *In Korean eyes, ...*).
_VIEW_NOUNS = frozenset(
    [
        *("view", "opinion", "assessment", "judgment", "judgement", "estimation", "appraisal"),
        *("eyes", "perspective", "standpoint"),
    ]
)


def viewpoint_end(s: Sentence) -> int | None:
    """The comma that closes a point-of-view frame opening the sentence (*In Tokyo's view,*,
    *From the Korean point of view,*, *In the eyes of Seoul,*), else None: what follows is
    a view, so a claim whatever its tense (guidelines §4.5, *In Tokyo's view, ...*)."""
    a = skip_connectives(s, 0, s.n)
    if a >= s.n or s.low[a] not in ("in", "from"):
        return None
    comma = next((c for c in range(a + 2, min(s.n, a + _MAX_FRAME)) if s.low[c] == ","), None)
    if comma is None:
        return None
    words = s.low[a + 1 : comma]
    if not any(w in _VIEW_NOUNS for w in words) or any(w in FINITE for w in words):
        return None
    return comma


def _view_frame(s: Sentence, mentions: list[Mention], ctx: Context) -> ReportFrame | None:
    """*In Tokyo's view, P*, *In the view of Seoul's leaders, P*, *From the Korean point of view,
    P*: P is the party's claim, as with *according to* (the author's own *In my view* is a
    hedge cue, §11.4)."""
    comma = viewpoint_end(s)
    if comma is None:
        return None
    a = skip_connectives(s, 0, s.n)
    owner = [m for m in mentions if a < m.i < comma and not m.compound and not m.anaphor]
    if not owner:
        return None
    m = owner[0]
    noun = next(k for k in range(a + 1, comma) if s.low[k] in _VIEW_NOUNS)
    # "In Tokyo's view" (the owner before the noun), "In the view of Tokyo" (after "of"), "From
    # the Korean point of view", "In Korean eyes" (a modifier of the noun phrase).
    modifier = m.j <= noun and all(w in ("point", "of") for w in s.low[m.j : noun])
    if not ((m.possessive and m.j <= noun) or modifier or (m.i > noun and s.low[m.i - 1] == "of")):
        return None
    refs = _refs(m, mentions, ctx, s)
    return ReportFrame(0, comma + 1, refs, m.words, None) if refs else None


def _colon_frame(s: Sentence, mentions: list[Mention], ctx: Context) -> ReportFrame | None:
    """A frame before a colon (*Tokyo said: trade will recover.*; the author's own *But I
    hasten to add: it is not inevitable.*, whose content is the author's, quoted *I*)."""
    colon = next((k for k in range(2, min(s.n - 1, _MAX_FRAME)) if s.low[k] == ":"), None)
    if colon is None:
        return None
    a = skip_connectives(s, 0, colon)
    if a < colon and s.toks[a] == "I":
        verbs = [k for k in range(a + 1, colon) if s.low[k] in report_verbs()]
        if (
            len(verbs) == 1
            and all(w in _BEFORE_VERB or w.endswith("ly") for w in s.low[a + 1 : verbs[0]])
            and all(w in _ADJUNCT or w.endswith("ly") for w in s.low[verbs[0] + 1 : colon])
        ):
            return ReportFrame(0, colon + 1, [AUTHOR], (a, a + 1), verbs[0])
        return None
    frame = _frame(s, a, colon, mentions, ctx)
    return ReportFrame(0, colon + 1, *frame) if frame is not None else None


def _frame(s: Sentence, a: int, b: int, mentions: list[Mention], ctx: Context) -> _Speaker | None:
    """Whether tokens [a, b) are a frame and nothing more: *X says*, *X said on Monday*, *said
    X*, *according to X*; the speaker, its naming tokens and the verb's token, or None."""
    low = s.low
    if b - a < 2 or b - a > _MAX_FRAME or low[a] in ("as", "which", "who", "that", "and", "but"):
        return None
    if low[a] == "according" and low[a + 1] == "to":
        return _according_to(s, a, b, mentions, ctx)
    verbs = [k for k in range(a, b) if low[k] in report_verbs()]
    if len(verbs) != 1:
        return None
    v = verbs[0]
    if v == a:
        return _inverted(s, v, b, mentions, ctx)
    if not _adjunct(s, v + 1, b):
        return None  # "Tokyo says trade ...", "Tokyo said that ...": a complement of its own
    if any(w in FINITE or w in WH or w in (",", ";", "(", ")", "not", "by") for w in low[a:v]):
        return None  # ", not by what its diplomats say": a free relative, no frame
    holder, naming = find_holder(s, v, a, mentions, ctx)
    if naming is None:
        holder, naming = _owner_of_title(s, a, v, mentions, ctx)
    if naming is None or naming[0] < a or AUTHOR in holder:
        return None  # no party named in the frame: no speaker to give the content to
    return holder, naming, v


def _adjunct(s: Sentence, a: int, b: int) -> bool:
    """Whether tokens [a, b) after a frame's verb are only an adjunct: words of time and
    manner (*said again on Monday*) or a prepositional phrase (*wrote on social media*)."""
    low = s.low
    if all(w in _ADJUNCT or w.endswith("ly") for w in low[a:b]):
        return True
    return (
        a < b
        and low[a] in lexicons().prepositions
        and not any(w in FINITE or w in ("that", ",") for w in low[a:b])
        and not any(_infinitive(s, k) for k in range(a, b))
    )


def _infinitive(s: Sentence, k: int) -> bool:
    """Whether *to* at token k opens an infinitive (*said to deter Israel*), not a phrase (*to
    the press*, *to reporters*, *to Congress*)."""
    nxt = s.toks[k + 1] if k + 1 < s.n else ""
    return (
        s.low[k] == "to"
        and nxt.isalpha()
        and nxt.islower()
        and nxt not in DETERMINERS
        and nxt not in _ADJUNCT
    )


def _owner_of_title(
    s: Sentence, a: int, v: int, mentions: list[Mention], ctx: Context
) -> tuple[list[str], tuple[int, int] | None]:
    """*its foreign minister warned*, *their spokesman said*: the party the possessive pronoun
    stands for speaks through its official (§14.2); the pronoun and the title are quoted."""
    for m in mentions:
        if (
            all(s.low[k] in QUOTES for k in range(a, m.i))  # the frame opens with it
            and m.i < v
            and m.anaphor
            and s.low[m.i] in ("its", "their", "his", "her")
            and m.j < v
            and all(s.toks[k].isalpha() and s.toks[k].islower() for k in range(m.j, v))
        ):
            refs = [r for r in resolve_anaphor(s, m, mentions, ctx) if r != AUTHOR]
            if refs:
                return refs, (m.i, v)
    return [AUTHOR], None


def _according_to(
    s: Sentence, a: int, b: int, mentions: list[Mention], ctx: Context
) -> _Speaker | None:
    """*according to X*: the party named after it, with no clause of its own; *according to
    one analysis*, a source that names no party, is an outside commentator's (§14.2)."""
    named = [m for m in mentions if a + 2 <= m.i and m.j <= b and not m.compound]
    if any(w in FINITE or w == "that" for w in s.low[a + 2 : b]):
        return None
    if not named:
        return _unnamed_commentator(s, a + 2, b, ctx)
    refs = _refs(named[0], mentions, ctx, s)
    return (refs, named[0].words, None) if refs else None


#: Nouns of an outside commentator or of its work (*one analysis*, *an expert*, *a study*).
_COMMENTARY = frozenset(
    ["analysis", "assessment", "study", "analyst", "expert", "observer", "commentator", "scholar"]
)


def _unnamed_commentator(s: Sentence, a: int, b: int, ctx: Context) -> _Speaker | None:
    """*according to one analysis / an expert / a recent study*: a source the text does not
    name, whose judgement the guidelines give to the registered group of outside commentators
    (§14.2, the one id of unnamed analysts), when the registry has it."""
    group = ctx.actors.forms.get(("analysts",))
    words = s.low[a:b]
    if group is None or not words or words[0] not in ("one", "a", "an", "another", "some"):
        return None
    if words[-1] not in _COMMENTARY or not all(t.isalpha() for t in s.toks[a:b]):
        return None
    return [group], (a, b), None


def _inverted(
    s: Sentence, v: int, b: int, mentions: list[Mention], ctx: Context
) -> _Speaker | None:
    """*said Tokyo*, *said the minister*: the subject right after the verb, then nothing else."""
    named = [m for m in mentions if v < m.i and m.j <= b and not m.compound]
    if not named or (named[0].i != v + 1 and s.low[v + 1] != "the"):
        return None
    refs = _refs(named[0], mentions, ctx, s)
    return (refs, named[0].words, v) if refs and named[0].j >= b - 1 else None


def _refs(m: Mention, mentions: list[Mention], ctx: Context, s: Sentence) -> list[str]:
    """The parties a mention names or, for *he*, *the ministry*, stands for (not the author)."""
    refs = resolve_anaphor(s, m, mentions, ctx) if m.anaphor else [m.ref]
    return [r for r in refs if r != AUTHOR]


def give_to_speaker(
    s: Sentence,
    cands: list[Candidate],
    frames: list[ReportFrame],
    mentions: list[Mention],
    ctx: Context,
) -> None:
    """The author's claims in a frame's content become the speaker's (see the module's
    docstring); claims inside the frame itself (*Tokyo reportedly said* made one by its
    cue) give their cues to the content's claims."""
    for frame in frames:
        inside = [c for c in cands if frame.i <= c.span[0] and c.span[1] <= frame.j]
        content = [
            c
            for c in cands
            if c not in inside
            and (c.frame == "author" or c.actor_tokens is None)
            and c.holder == [AUTHOR]
            and not (frame.i <= c.span[0] < frame.j)
        ]
        if not content:
            continue
        shell = [cue for c in inside for cue in c.cues]
        for c in inside:
            cands.remove(c)
        for c in content:
            if frame.holder == [AUTHOR]:
                # The author's own frame: the claim stays the author's, with its cues; the
                # region reaches the "I" that is its actor quote (§6.1).
                c.region = (min(c.region[0], frame.i), c.region[1])
                c.cues += shell
                continue
            _to_speaker(s, c, frame, mentions, ctx)
            c.cues = [q for q in c.cues if not c.span[0] <= q.start < c.span[1]] + shell


def _to_speaker(
    s: Sentence, c: Candidate, frame: ReportFrame, mentions: list[Mention], ctx: Context
) -> None:
    a, b = c.span
    if a == frame.j and frame.i > 0 and s.low[frame.i] == ",":
        a = clause_start(s, frame.i - 1)  # "Trade, Tokyo says, will recover": from the subject
        c.span = (a, b)
    elif a < frame.i < b:
        b = frame.i  # "Trade will recover (Tokyo says)": the frame is no part of the span
        while b > a and s.low[b - 1] in (",", "(", "—", "–"):
            b -= 1
        c.span = (a, b)
    speaker_takes(c, frame.holder, frame.naming, _speaker_acts(s, c.span, frame, mentions, ctx))
    c.region = (min(c.region[0], frame.i), max(c.region[1], frame.j))


def speaker_takes(
    c: Candidate, holder: list[str], naming: tuple[int, int] | None, own: bool
) -> None:
    """The author's claim `c` becomes the speaker's, named by the tokens `naming`: an
    obligation the speaker states is its intention on its own conduct (`own`), else its demand
    on another party (§8.2); a prediction of its own conduct is its intention (v1.3 change 25)."""
    if c.type == "obligation":
        c.type = "intention" if own else "demand"
    elif c.type == "prediction" and own:
        c.type = "intention"
    c.holder = list(holder)
    c.actor_tokens = naming
    c.frame = "holder"
    c.speech = True


def _speaker_acts(
    s: Sentence, span: tuple[int, int], frame: ReportFrame, mentions: list[Mention], ctx: Context
) -> bool:
    """Whether the content is about the speaker's own conduct (its subject is the speaker,
    *we*, or the speaker's state); for a frame inside the span, the subject before it."""
    a, b = span
    if not a < frame.i < b:
        return own_conduct(s, a, b, frame.holder, mentions, ctx)
    subject = [m for m in mentions if a <= m.i and m.j <= frame.i and not m.possessive]
    return any(ctx.actors.allied(h, m.ref) for m in subject[:1] for h in frame.holder)
