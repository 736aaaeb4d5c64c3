"""*It* and *its* opening a sentence: the party the sentence before opened with as its subject.

Centering (Grosz, Joshi & Weinstein 1995): the subject of a sentence is its most likely center,
and a pronoun that opens the next sentence continues it. *Turkey is a good bet. Its debt is
modest. It has no hopeless cleavages.*: *its* and *it* are Turkey, the owner and the agent of
the author's claims (guidelines §9, rules 3 and 4). Elsewhere *it* and *its* stand for a thing
as often as for a party, and stay unresolved.
"""

from __future__ import annotations

from .actor_index import ActorIndex
from .context import party_of
from .mentions import Mention
from .sentence import Sentence, clause_end
from .words import FINITE, is_verb

#: Verbs after an opening *it* that make it an expletive (*It seems that ...*).
_RAISING = frozenset(["seems", "seemed", "appears", "appeared"])
#: Forms of *be* after which an expletive or a cleft *it* looks for its clause (*It is to our
#: benefit to act*, *It is clear that ...*, *It was in May that ...*).
_BE = frozenset(["is", "was", "'s", "’s"])
#: Words that open the extraposed clause of an expletive *it*.
_EXTRAPOSED = frozenset(["to", "that", "whether", "how", "if", "when", "who", "which"])
#: Adverbs that may stand between a subject and its verb (*Turkey is also ...*).
_ADVERBS = frozenset(["also", "still", "now", "already", "thus", "therefore", "too"])


def opening_subject(
    s: Sentence, mentions: list[Mention], actors: ActorIndex, before: str | None
) -> str | None:
    """The party that opens the sentence as the subject of its verb (*Turkey is ...*, *The
    EU has ...*, an opening *It* resolved to it), not a person (*it* never stands
    for one), nor a possessive (*Turkey's debt is ...*: the debt is the center). A sentence
    opened by an expletive *it* (*It is time to act*) has no center of its own: `before`, the
    one before it, goes on."""
    if s.n and s.low[0] == "it" and not opening_it(s):
        return before
    first = next((m for m in mentions if m.i == 0 or (m.i == 1 and s.low[0] == "the")), None)
    if first is not None and first.anaphor and s.low[0] == "its":
        return first.resolved  # "Its debt is modest": the center goes on
    if first is None or first.compound or first.possessive:
        return None
    ref = party_of(first)
    if ref is None or actors.kinds.get(ref) in ("person", "author", None):
        return None
    k = first.j
    while k < s.n and (s.low[k] in _ADVERBS or s.low[k].endswith("ly")):
        k += 1
    return ref if k < s.n and (s.low[k] in FINITE or is_verb(s.low[k])) else None


def opening_it(s: Sentence) -> bool:
    """Whether the sentence opens with a referential *It* or *Its*: not an expletive (*It
    seems*, *It takes*, *It is time to*, *It is to our benefit to act*, *It is clear that*)."""
    if s.n < 2 or s.low[0] not in ("it", "its"):
        return False
    if s.low[0] == "its":
        return True
    nxt = s.low[1]
    if nxt in _RAISING or nxt == "takes":
        return False
    if nxt in _BE:
        end = clause_end(s, 2) + 1  # the word that opens the next clause too
        return not any(w in _EXTRAPOSED for w in s.low[2:end]) and "time" not in s.low[2:4]
    return True


def resolve_opening_it(s: Sentence, mentions: list[Mention], subject: str | None) -> None:
    """Resolve a referential *It* / *Its* opening the sentence to `subject`, the party the
    sentence before opened with (a mention is added where *it* was read as an expletive: *It
    is still a partner worth having*)."""
    if subject is None or not opening_it(s):
        return
    first = next((m for m in mentions if m.i == 0), None)
    if first is None:
        first = Mention("singular", 0, 1, anaphor=True)
        mentions.insert(0, first)
    if first.anaphor:
        first.resolved = subject
