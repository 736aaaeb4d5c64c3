"""Quotations that run over several sentences (guidelines v1.3, §4.5, change 1).

*Putin said: "We will not stop. The West could still change course. Russia is ready."* — the
second and third sentences are the speaker's words, not the author's: a quotation keeps its
speaker up to the closing mark. The claims drafted in the sentences after the opening one (up to
the closing mark) are the speaker's (actor quote null: the frame is not repeated), and the modals
inside them are the speaker's, not the author's cues (Appendix B, "Not cues"). The speaker is
the party named before the opening mark with a speech verb or *according to* (*Putin said: "*),
else after the closing mark (*..." he said.*, *..." said Putin.*).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .actor_index import AUTHOR
from .context import party_of
from .lexicons import lexicons
from .mentions import Mention
from .sentence import Sentence

__all__ = ["QuotedRun", "attribute_to_speaker", "quoted_runs", "speaker_of"]


@dataclass(frozen=True)
class QuotedRun:
    """A quotation from sentence `first` (where it opens) to sentence `last` (where it closes):
    `open_at` is the opening mark's token in `first`, `close_at` the closing mark's in `last`."""

    first: int
    last: int
    open_at: int
    close_at: int


def _marks(s: Sentence, inside: bool = False) -> list[tuple[int, bool]]:
    """The quotation marks of a sentence: (token, opens). A straight quote opens when it is
    not closing a quotation opened earlier in the sentence, or before it (`inside`: a
    quotation a sentence before left open, *... restore what can be restored. Geography
    leaves us no alternative."*: the straight quote closes it)."""
    out: list[tuple[int, bool]] = []
    if '"' not in s.text and "“" not in s.text and "”" not in s.text:
        return out
    for k, w in enumerate(s.low):
        if w == "“":
            out.append((k, True))
            inside = True
        elif w == "”":
            out.append((k, False))
            inside = False
        elif w == '"':
            out.append((k, not inside))
            inside = not inside
    return out


def quoted_runs(sentences: Sequence[Sentence]) -> list[QuotedRun]:
    """Every quotation that opens in one sentence and closes in a later one (at most six on:
    a mark left open by mistake must not swallow the document)."""
    runs: list[QuotedRun] = []
    k = 0
    while k < len(sentences):
        marks = _marks(sentences[k])
        if not marks or not marks[-1][1]:
            k += 1
            continue
        open_at = marks[-1][0]
        for q in range(k + 1, min(len(sentences), k + 7)):
            later = _marks(sentences[q], inside=True)
            closing = [t for t, opens in later if not opens]
            if closing:
                runs.append(QuotedRun(k, q, open_at, closing[0]))
                k = q
                break
            if any(opens for _, opens in later):
                break  # another quotation opens: the first one was never closed
        k += 1
    return runs


_SPEECH = frozenset(["said", "says", "say", "told", "added", "warned", "noted", "stated"])
_SPEECH |= frozenset(["argued", "insisted", "declared", "wrote", "writes", "explained"])


def speaker_of(
    run: QuotedRun, sentences: Sequence[Sentence], mentions: Sequence[list[Mention]]
) -> str | None:
    """The party that speaks the quotation: named before the opening mark with a speech verb
    or *according to*, else with a speech verb after the closing mark."""
    s, low = sentences[run.first], sentences[run.first].low
    before = low[: run.open_at]
    framed = any(w in _SPEECH or w in _speech_cues() for w in before) or "according" in before
    if framed:
        found = [m for m in mentions[run.first] if m.j <= run.open_at and not m.compound]
        if found and (ref := party_of(found[-1])) is not None:
            return ref
    s = sentences[run.last]
    after = s.low[run.close_at + 1 :]
    if any(w in _SPEECH or w in _speech_cues() for w in after):
        found = [m for m in mentions[run.last] if m.i > run.close_at and not m.compound]
        if found and (ref := party_of(found[0])) is not None:
            return ref
    return None


@functools.cache
def _speech_cues() -> frozenset[str]:
    """The first words of the speech verbs of expectations.json (`speech`)."""
    return frozenset(
        words[0] for first in lexicons().expectations.values() for words, cue in first if cue.speech
    )


def attribute_to_speaker(
    claims: list[dict[str, Any]], s: Sentence, speaker: str, within: tuple[int, int]
) -> None:
    """The author's claims of a sentence inside a quotation (their span starting within the
    characters `within`) become the speaker's: actor quote null, and no author's cue in them.
    A party named as the holder inside the quotation keeps its claim (speech inside speech,
    §4.5: the innermost named holder)."""
    for claim in claims:
        if (
            claim["actor"]["ref"] != AUTHOR
            or not within[0] <= claim["expectation"]["start"] < within[1]
        ):
            continue
        claim["actor"] = {"ref": speaker, "quote": None, "start": None, "end": None}
        claim["hedge"] = {"certainty": "certain", "cues": []}
