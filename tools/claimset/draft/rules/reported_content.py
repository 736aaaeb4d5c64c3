"""Reported content keeps its speaker to its end (guidelines §4.5).

A saying or thinking verb with a named speaker governs its whole content, not only the first
clause the holder frame reads: a concession that opens the content (*Tokyo has argued that
although it should not provoke Beijing, it must defend its islands*: two claims of Tokyo's, §4.5
"A concession inside reported speech is the speaker's"), a second *that*-clause (*Tokyo said
that talks had failed and that the plan was dead*), a predicate coordinated inside the content
(*Kishida said he will honor the accord and will treat history separately*) and a quotation
after a comma (*Kishida wrote, "The ceasefire does not include Okinawa."*). The author's claims
drafted there become the speaker's, as with a frame after the content (`report_frame`): the
modals and hedges inside are the speaker's (no cue), a *should / must* is the speaker's demand,
or its intention when the content is about its own conduct, and so is a *will* about it.

The content ends at a new main clause (`;`, *but*, *yet*, *whereas*, a comma before *and /
but*) or at the closing quotation mark: what the author adds after it stays the author's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..actor_index import AUTHOR
from ..clauses import bare_clause, is_future, is_negated, trim_span
from ..context import Context
from ..mentions import Mention
from ..sentence import Sentence, clause_start
from ..types import Candidate
from ..words import FINITE, QUOTES
from .actor import find_holder
from .complements import near_that
from .expectation_verbs import own_conduct
from .judgement import _is_report
from .report_frame import report_verbs, speaker_takes

#: Words that open a new main clause after the reported content.
_NEW_CLAUSE = frozenset([";", "but", "yet", "whereas"])


@dataclass(frozen=True)
class Content:
    """The content a speaker's verb at token `verb` governs: tokens [start, end); `quoted` when
    it is a quotation after a comma (*X wrote, "P."*)."""

    verb: int
    start: int
    end: int
    holder: list[str]
    naming: tuple[int, int]
    quoted: bool


def reported_contents(s: Sentence, mentions: list[Mention], ctx: Context) -> list[Content]:
    """The contents governed by a saying or thinking verb whose subject names a party."""
    found: list[Content] = []
    verbs = report_verbs()
    for v in range(1, s.n - 2):
        if s.low[v] not in verbs or not s.toks[v].islower() or s.suppressed[v] or v in s.asides:
            continue  # (*the United States*: a word of a name)
        # A quotation after the verb, with or without a comma (*X said, "P."*, *X said "P."*).
        opened = v + 2 if s.low[v + 1] == "," else v + 1
        quoted = s.low[opened] in QUOTES
        that = None if quoted else near_that(s, v + 1, s.n)
        bare = not quoted and that is None and bare_clause(s, v + 1, s.n)
        if not quoted and that is None and not bare:
            continue
        if that is not None and any(w in FINITE or w == "," for w in s.low[v + 1 : that]):
            continue  # "said the talks were over that night": not its complementizer
        holder, naming = find_holder(s, v, clause_start(s, v), mentions, ctx)
        if naming is None or AUTHOR in holder or naming[1] > v:
            continue  # no party named as the subject: nothing to give
        start = opened + 1 if quoted else v + 1 if bare else (that or v) + 1
        found.append(Content(v, start, _content_end(s, start, quoted), holder, naming, quoted))
    return found


def _content_end(s: Sentence, start: int, quoted: bool) -> int:
    """Where the content from `start` ends: its closing quotation mark, else the first new
    main clause or the sentence's end. A quotation that opens inside the content keeps its
    speaker up to its closing mark (§4.5, v1.3 change 1): *X stated that its office "has sole
    authority; no one else may interfere."* is X's throughout."""
    inside_quote = False
    for k in range(start, s.n):
        w = s.low[k]
        if quoted and w in ('"', "”"):
            return k
        if not quoted and w in ('"', "“", "”"):
            inside_quote = w == "“" or (w == '"' and not inside_quote)
            continue
        if not quoted and not inside_quote and (w in _NEW_CLAUSE or _comma_clause(s, k)):
            return k
    return s.n


def _comma_clause(s: Sentence, k: int) -> bool:
    """Whether the comma at token k opens a new main clause with *and / but* and a subject of
    its own; not a predicate inserted into the content (*"We are, and will be, talking ..."*)."""
    if s.low[k] != "," or k + 2 >= s.n or s.low[k + 1] not in ("and", "but"):
        return False
    return s.low[k + 2] not in FINITE


def give_content_to_speaker(
    s: Sentence, cands: list[Candidate], mentions: list[Mention], ctx: Context
) -> None:
    """The author's claims inside a reported content become the speaker's (module docstring);
    a quotation that no claim covers is judged as the author's clause would be (§4.4: plain
    facts stay reports) and, if it is a claim, is the speaker's."""
    for content in reported_contents(s, mentions, ctx):
        inside = [
            c
            for c in cands
            if c.holder == [AUTHOR]
            and c.actor_tokens is None
            and content.start <= c.span[0]
            and c.span[1] <= content.end
        ]
        if (
            not inside
            and content.quoted
            and not any(c.span[0] < content.end and content.start < c.span[1] for c in cands)
        ):
            made = _quoted_claim(s, content)
            inside = [made] if made is not None else []
            cands.extend(inside)
        for c in inside:
            _to_speaker(s, c, content, mentions, ctx)


def _quoted_claim(s: Sentence, content: Content) -> Candidate | None:
    """The claim of a quotation after a comma, unless it is a plain report (§4.4)."""
    a, b = trim_span(s, (content.start, content.end))
    if a >= b or _is_report(s, a, b):
        return None
    typ = "prediction" if is_future(s, a, b) else "belief"
    return Candidate(a, typ, "author", [AUTHOR], None, (a, b), (a, b), is_negated(s, a, b))


def _to_speaker(
    s: Sentence, c: Candidate, content: Content, mentions: list[Mention], ctx: Context
) -> None:
    """One author's claim of the content as the speaker's: holder, quote, type, cues."""
    a, b = c.span
    # A coordinated predicate has no subject of its own (*and will treat ...*): the content's
    # subject is its subject.
    subject_from = content.start if s.low[a] in FINITE else a
    while subject_from < b and s.low[subject_from] in QUOTES:
        subject_from += 1  # 'wrote that "We are, and will be, talking ...': its subject "We"
    own = own_conduct(s, subject_from, b, content.holder, mentions, ctx)
    speaker_takes(c, content.holder, content.naming, own)
    c.cues = [q for q in c.cues if not a <= q.start < b]  # the speaker's modals, no cue
    c.region = (min(c.region[0], content.naming[0]), c.region[1])
