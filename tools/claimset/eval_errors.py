"""`claimset eval --errors` and `--baseline`: what the scores are made of, and what they beat.

`sentence_errors` lists, for one scored sentence, every false positive and false negative of every
field, gold beside prediction, using the same pairing and matching as the scores (`evaluate`), so
that error analysis needs no private script. `baseline_records` is the trivial reference every
report should beat: one certain author belief spanning the sentence, per sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import Claim, SentenceRecord

__all__ = ["FieldError", "SentenceErrors", "baseline_records", "sentence_errors"]

Where = tuple[int, int] | None
#: (sentence id, where, type, quote) of an evidence link.
Link = tuple[str, Where, str, str]


@dataclass(frozen=True)
class FieldError:
    """One disagreement: the gold value, the predicted one (None: absent on that side)."""

    field: str
    gold: str | None
    predicted: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "gold": self.gold, "predicted": self.predicted}


@dataclass
class SentenceErrors:
    """Every disagreement of one scored sentence, in field order."""

    id: str
    text: str
    errors: list[FieldError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "errors": [e.to_dict() for e in self.errors]}


#: The fields `--errors` reports, in the order they are listed within a sentence.
FIELDS = ("claim", "actor", "span", "type", "target", "certainty", "polarity", "cue", "evidence")


def describe(claim: Claim) -> str:
    """A claim in one line: `author belief "span" → target (certainty, negative)`."""
    e = claim.expectation
    target = f" → {e.target}" if e.target else ""
    extras = [claim.hedge.certainty] + (["negative"] if claim.polarity == "negative" else [])
    return f'{claim.actor.ref} {e.type} "{e.quote}"{target} ({", ".join(extras)})'


def sentence_errors(
    g: SentenceRecord,
    p: SentenceRecord,
    pairs: Sequence[tuple[int, int]],
    cues: tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]],
    links: Callable[[SentenceRecord, int], list[Link]],
) -> SentenceErrors:
    """The disagreements of gold `g` and prediction `p`, given the scorer's claim `pairs`, both
    sides' cue sets (start, end, kind) and the function that reads a claim's evidence links."""
    out: list[FieldError] = []
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    for gi, claim in enumerate(g.claims):
        if gi not in paired_g:
            out.append(FieldError("claim", describe(claim), None))
    for pi, claim in enumerate(p.claims):
        if pi not in paired_p:
            out.append(FieldError("claim", None, describe(claim)))
    for gi, pi in pairs:
        gc, pc = g.claims[gi], p.claims[pi]
        ge, pe = gc.expectation, pc.expectation
        for name, gv, pv in (
            ("actor", gc.actor.ref, pc.actor.ref),
            ("span", ge.quote, pe.quote),
            ("type", ge.type, pe.type),
            ("target", ge.target or "none", pe.target or "none"),
            ("certainty", gc.hedge.certainty, pc.hedge.certainty),
            ("polarity", gc.polarity, pc.polarity),
        ):
            if gv != pv:
                label = f"{name} of {_short(ge.quote)}" if name != "span" else name
                out.append(FieldError(label, gv, pv))
        out.extend(_link_errors(ge.quote, links(g, gi), links(p, pi)))
    gold_cues, pred_cues = cues
    for start, end, kind in sorted(gold_cues - pred_cues):
        out.append(FieldError("cue", f'"{g.text[start:end]}" {kind}', None))
    for start, end, kind in sorted(pred_cues - gold_cues):
        out.append(FieldError("cue", None, f'"{p.text[start:end]}" {kind}'))
    rank = {name: i for i, name in enumerate(FIELDS)}
    out.sort(key=lambda e: rank.get(e.field.split(" ", 1)[0], len(FIELDS)))
    return SentenceErrors(g.id, g.text, out)


def _link_errors(claim: str, gold: list[Link], pred: list[Link]) -> list[FieldError]:
    """Evidence links of one claim pair that the other side lacks (matched as the scorer does:
    same sentence, overlapping)."""
    used: set[int] = set()
    extra: list[Link] = []
    for link in pred:
        for k, other in enumerate(gold):
            if k not in used and link[0] == other[0] and _overlap(link[1], other[1]):
                used.add(k)
                break
        else:
            extra.append(link)
    label = f"evidence of {_short(claim)}"
    missed = [link for k, link in enumerate(gold) if k not in used]
    return [FieldError(label, _link(x), None) for x in missed] + [
        FieldError(label, None, _link(x)) for x in extra
    ]


def _short(quote: str, width: int = 32) -> str:
    """A claim's span, quoted, shortened to name it in a field label."""
    return f'"{quote}"' if len(quote) <= width else f'"{quote[: width - 1].rstrip()}…"'


def _link(link: Link) -> str:
    sid, _, typ, quote = link
    return f'{typ} "{quote}" ({sid})'


def _overlap(a: Where, b: Where) -> bool:
    return a is not None and b is not None and min(a[1], b[1]) > max(a[0], b[0])


def baseline_records(gold: dict[str, SentenceRecord]) -> dict[str, SentenceRecord]:
    """The trivial prediction: every sentence one certain author belief spanning the sentence
    (without its final punctuation), no cue, no target, no evidence."""
    out: dict[str, SentenceRecord] = {}
    for sid, record in gold.items():
        quote = record.text.rstrip().rstrip(".?!")
        claims = []
        if quote.strip():
            start = len(quote) - len(quote.lstrip())
            claims.append(
                {
                    "actor": {"ref": "author"},
                    "expectation": {
                        "quote": quote[start:],
                        "start": start,
                        "end": len(quote),
                        "type": "belief",
                    },
                    "hedge": {"certainty": "certain", "cues": []},
                    "origin": "auto",
                }
            )
        out[sid] = SentenceRecord.model_validate(
            {**record.model_dump(), "status": "draft", "annotator": None, "claims": claims}
        )
    return out


def margins(report: dict[str, Any], baseline: dict[str, Any]) -> dict[str, float | None]:
    """F1 of each measure minus the baseline's (None where either measured nothing)."""
    return {
        key: None
        if score["f1"] is None or baseline[key]["f1"] is None
        else round(score["f1"] - baseline[key]["f1"], 4)
        for key, score in report.items()
        if key in baseline
    }


def count_fields(errors: Sequence[SentenceErrors]) -> Counter[str]:
    """How many errors each field has (`span`, `type` ...), false positives and negatives."""
    return Counter(e.field.split(" ", 1)[0] for s in errors for e in s.errors)
