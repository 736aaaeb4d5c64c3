"""`claimset agree`: chance-corrected agreement between annotators, and where they differ.

Each annotator's work is a set of annotation files (or a project folder). Only sentences that every
annotator marked `done` or `reviewed`, with the same text, are compared.

Claims are aligned into **units** the way `eval` pairs them: the first annotator's claims open
units; each further annotator's claims join the unit whose span they overlap most (one-to-one,
largest overlap first), and a claim that overlaps none opens a unit of its own. Per categorical
field (actor, type, target, certainty, polarity) the report gives:

- Cohen's kappa (exactly two annotators), over the units both annotated;
- Krippendorff's alpha (nominal; any number of annotators, missing values allowed), over the
  units that at least two annotators annotated (a value seen by one coder cannot be compared);
- the observed agreement and the number of units.

Claim-bearing sentences get kappa/alpha over sentences (does it bear a claim?). Span agreement is
F1 (exact and overlap), averaged over pairs of annotators. A measure with nothing to measure (no
units, or every unit with one value) is `None`, shown as "n/a": never 0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from .errors import UsageError
from .evaluate import evaluate_records, pair_spans, read_records, span_offsets
from .models import HUMAN_STATUSES, Claim, SentenceRecord

#: The categorical fields compared on aligned claims, with how to read each from a claim.
FIELDS: dict[str, Callable[[Claim], Any]] = {
    "actor": lambda c: c.actor.ref,
    "expectation_type": lambda c: c.expectation.type,
    "target": lambda c: c.expectation.target,
    "certainty": lambda c: c.hedge.certainty,
    "polarity": lambda c: c.polarity,
}

#: Fields compared as sets on aligned claims, for the disagreement list (not for kappa/alpha:
#: evidence links and cues are spans, scored by `claimset eval` as F1).
#: Each reads a claim of the sentence whose id it is given.
SET_FIELDS: dict[str, Callable[[Claim, str], frozenset[Any]]] = {
    # A link's type is part of it: two annotators may link the same fact as `event` and as
    # `statistic`, and an adjudicator must see that too. A link that names no sentence is in
    # the claim's own (the schema's default: `fmt` writes it out), not in another one.
    "evidence": lambda c, sid: frozenset(
        (e.sentence or sid, " ".join(e.quote.split()), e.type) for e in c.evidence
    ),
    "cues": lambda c, _sid: frozenset((" ".join(q.quote.split()), q.kind) for q in c.hedge.cues),
}

Span = tuple[int, int] | None


def cohen_kappa(first: Sequence[Any], second: Sequence[Any]) -> float | None:
    """Cohen's kappa of two coders' labels for the same items; None when undefined."""
    if len(first) != len(second):
        raise ValueError("both coders must label the same items")
    n = len(first)
    if n == 0:
        return None
    observed = sum(1 for a, b in zip(first, second, strict=True) if a == b) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / (n * n)
    if expected == 1:
        # Both coders used one and the same label throughout: agreement is total but kappa is
        # 0/0. Report it as undefined rather than pretend either 0 or 1.
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(units: Sequence[Sequence[Any]]) -> float | None:
    """Krippendorff's alpha for nominal data; each unit lists the values its coders gave.

    Units with fewer than two values are not pairable and are left out, as the measure defines.
    None when undefined (no pairable unit, or a single value used throughout).
    """
    coincidence: dict[tuple[Any, Any], float] = defaultdict(float)
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] += 1 / (m - 1)
    total = sum(coincidence.values())
    if total == 0:
        return None
    marginal: dict[Any, float] = defaultdict(float)
    for (a, _), weight in coincidence.items():
        marginal[a] += weight
    observed_disagreement = sum(w for (a, b), w in coincidence.items() if a != b) / total
    expected_disagreement = sum(
        marginal[a] * marginal[b] for a in marginal for b in marginal if a != b
    ) / (total * (total - 1))
    if expected_disagreement == 0:
        return None
    return 1 - observed_disagreement / expected_disagreement


@dataclass
class FieldAgreement:
    """Agreement on one field: units compared, observed agreement, kappa (2 coders), alpha."""

    units: int = 0
    observed: float | None = None
    kappa: float | None = None
    alpha: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "observed": _round(self.observed),
            "kappa": _round(self.kappa),
            "alpha": _round(self.alpha),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class Disagreement:
    """One sentence where the annotators differ, with each annotator's claims."""

    sentence: str
    text: str
    fields: list[str]
    versions: dict[str, list[dict[str, Any]]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "text": self.text,
            "fields": self.fields,
            "versions": self.versions,
        }


@dataclass
class AgreementReport:
    """Everything `claimset agree` reports; `to_dict()` is its JSON form."""

    annotators: list[str]
    sentences: int = 0
    claims: dict[str, int] = field(default_factory=dict)
    claim_sentences: FieldAgreement = field(default_factory=FieldAgreement)
    fields: dict[str, FieldAgreement] = field(default_factory=dict)
    span_exact_f1: float | None = None
    span_overlap_f1: float | None = None
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": self.annotators,
            "sentences": self.sentences,
            "claims": self.claims,
            "claim_sentences": self.claim_sentences.to_dict(),
            "fields": {name: f.to_dict() for name, f in self.fields.items()},
            "span_f1": {
                "exact": _round(self.span_exact_f1),
                "overlap": _round(self.span_overlap_f1),
            },
            "disagreements": [d.to_dict() for d in self.disagreements],
        }


def _span(claim: Claim, text: str) -> Span:
    e = claim.expectation
    return span_offsets(e.quote, e.start, e.end, text)


def align(claim_lists: Sequence[Sequence[Claim]], text: str) -> list[list[Claim | None]]:
    """Units of claims across annotators: unit[k] is annotator k's claim in it, or None."""
    units: list[list[Claim | None]] = []
    spans: list[Span] = []
    coders = len(claim_lists)
    for k, claims in enumerate(claim_lists):
        mine = [_span(c, text) for c in claims]
        paired = dict((pi, ui) for ui, pi in pair_spans(spans, mine))
        for pi, claim in enumerate(claims):
            if pi in paired:
                units[paired[pi]][k] = claim
            else:
                unit: list[Claim | None] = [None] * coders
                unit[k] = claim
                units.append(unit)
                spans.append(mine[pi])
    return units


def _field_agreement(values: list[list[Any]], coders: int) -> FieldAgreement:
    """values[u] lists, per coder, the label given in unit u (None = no claim there)."""
    result = FieldAgreement()
    present = [[v for v in unit if v is not _ABSENT] for unit in values]
    pairable = [unit for unit in present if len(unit) >= 2]
    result.units = len(pairable)
    if pairable:
        agreeing = sum(
            sum(a == b for a, b in combinations(unit, 2)) / (len(unit) * (len(unit) - 1) / 2)
            for unit in pairable
        )
        result.observed = agreeing / len(pairable)
    result.alpha = krippendorff_alpha(present)
    if coders == 2:
        both = [unit for unit in values if _ABSENT not in unit]
        result.kappa = cohen_kappa([u[0] for u in both], [u[1] for u in both])
    return result


_ABSENT: Any = object()


def _common_sentences(annotations: Sequence[dict[str, SentenceRecord]]) -> list[str]:
    """Sentences every annotator finished (done or reviewed), with one and the same text."""
    finished = [
        {sid for sid, r in records.items() if r.status in HUMAN_STATUSES} for records in annotations
    ]
    common = sorted(set.intersection(*finished))
    return [sid for sid in common if len({a[sid].text for a in annotations}) == 1]


def _unit_differences(unit: list[Claim | None], text: str, sid: str) -> set[str]:
    """The fields on which the claims of one aligned unit of sentence `sid` differ ("claims":
    someone has none)."""
    present = [c for c in unit if c is not None]
    differing = {"claims"} if len(present) < len(unit) else set()
    for name, read in FIELDS.items():
        if len({repr(read(c)) for c in present}) > 1:
            differing.add(name)
    if len({_span(c, text) for c in present}) > 1:
        differing.add("span")
    for name, read_set in SET_FIELDS.items():
        if len({read_set(c, sid) for c in present}) > 1:
            differing.add(name)
    return differing


def _span_f1(
    annotations: Sequence[dict[str, SentenceRecord]], common: list[str]
) -> tuple[float, float] | None:
    """Exact and overlap span F1, averaged over pairs of annotators (None: no span anywhere)."""
    exact: list[float] = []
    overlap: list[float] = []
    for i, j in combinations(range(len(annotations)), 2):
        gold = {sid: annotations[i][sid] for sid in common}
        other = {sid: annotations[j][sid] for sid in common}
        scores = evaluate_records(gold, other).scores
        spans = scores["expectation_exact"]
        if spans.tp + spans.fn + spans.fp:
            exact.append(spans.f1)
            overlap.append(scores["expectation_overlap"].f1)
    if not exact:
        return None
    return sum(exact) / len(exact), sum(overlap) / len(overlap)


def agree_records(
    annotations: Sequence[dict[str, SentenceRecord]], names: Sequence[str]
) -> AgreementReport:
    """Agreement between annotators, each given as their records keyed by sentence id."""
    if len(annotations) < 2:
        raise UsageError("agreement needs at least two annotators")
    report = AgreementReport(annotators=list(names))
    common = _common_sentences(annotations)
    report.sentences = len(common)
    report.claims = {
        name: sum(len(a[sid].claims) for sid in common)
        for name, a in zip(names, annotations, strict=True)
    }
    bearing: list[list[Any]] = []
    per_field: dict[str, list[list[Any]]] = {name: [] for name in FIELDS}
    for sid in common:
        records = [a[sid] for a in annotations]
        bearing.append([bool(r.claims) for r in records])
        differing = {"claim_sentence"} if len({bool(r.claims) for r in records}) > 1 else set()
        for unit in align([r.claims for r in records], records[0].text):
            for name, read in FIELDS.items():
                per_field[name].append([_ABSENT if c is None else read(c) for c in unit])
            differing |= _unit_differences(unit, records[0].text, sid)
        if differing:
            versions = {
                name: [c.model_dump(mode="json") for c in r.claims]
                for name, r in zip(names, records, strict=True)
            }
            report.disagreements.append(
                Disagreement(sid, records[0].text, sorted(differing), versions)
            )
    report.claim_sentences = _field_agreement(bearing, len(annotations))
    report.fields = {
        name: _field_agreement(values, len(annotations)) for name, values in per_field.items()
    }
    spans = _span_f1(annotations, common)
    if spans is not None:
        report.span_exact_f1, report.span_overlap_f1 = spans
    return report


def agree(paths: Sequence[Path], names: Sequence[str] | None = None) -> AgreementReport:
    """Agreement between the annotators whose files (or folders) are `paths`, in that order."""
    annotations = [read_records([path]) for path in paths]
    labels = list(names) if names else labels_of(paths)
    return agree_records(annotations, labels)


def labels_of(paths: Sequence[Path]) -> list[str]:
    """One name per annotator from its path: the file or folder name, with as many parent
    folders as it takes to tell the paths apart (two annotators' files are usually both named
    after the document: `ann1/.../seed.jsonl`, `ann2/.../seed.jsonl` → `ann1/seed.jsonl`,
    `ann2/seed.jsonl`). The project's own `corpus` and `annotations` folders name nobody."""
    parts = [[p for p in Path(path).parts if p not in ("corpus", "annotations")] for path in paths]
    longest = max((len(p) for p in parts), default=0)
    for depth in range(1, longest + 1):
        labels = ["/".join(p[-depth:]) or str(path) for p, path in zip(parts, paths, strict=True)]
        if len(set(labels)) == len(labels):
            return labels
    # The same path twice: number them, so that each keeps its own counts.
    return [f"{n}:{path}" for n, path in enumerate(paths, start=1)]
