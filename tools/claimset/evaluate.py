"""`claimset eval`: precision, recall and F1 of predicted claims against gold claims, per field.

Only gold sentences that a person annotated (`done`, `reviewed`) are scored; the prediction for a
sentence is the record with the same id. Within a sentence, gold and predicted claims are paired
one-to-one by the largest expectation-span overlap (greedy, in code points; pairs must overlap).

Measures (micro-averaged over all scored sentences):

- claim_sentences: a sentence "bears a claim" when it has at least one claim.
- actors: the multiset of actor refs per sentence (independent of pairing).
- expectation_exact / expectation_overlap: a predicted claim is right when its span equals /
  overlaps a gold span (paired one-to-one).
- expectation_type, target: right when paired and equal (a target counts only when not null);
  `accuracy` is the share of paired claims with the same value (null == null included).
- cues: CoNLL-2010 cue-level F1: a cue is right when sentence, span and kind match exactly
  (cues shared by several claims of a sentence count once). cues_span ignores the kind.
- certainty: accuracy and confusion matrix over paired claims.
- evidence: links of paired claims; right when in the same sentence and overlapping.
- polarity: accuracy over paired claims, and P/R/F1 of the `negative` class.

With `errors=True` the report also lists every disagreement per sentence (`eval_errors`); with
`baseline=True` it also scores the trivial baseline on the same gold and gives the margin.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import jsonio
from .errors import InvalidLine, UsageError
from .eval_errors import SentenceErrors, baseline_records, margins, sentence_errors
from .models import CERTAINTIES, HUMAN_STATUSES, SentenceRecord, first_error
from .project import REGISTRY_FILES

__all__ = ["EvalReport", "Score", "evaluate", "evaluate_records"]


@dataclass
class Score:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self, measured_only: bool = False) -> dict[str, Any]:
        """The counts and ratios; with `measured_only`, a ratio over nothing (0/0: no
        prediction for precision, no gold for recall, neither for F1) is None, not 0."""
        return {
            "precision": _measured(self.precision, self.tp + self.fp, measured_only),
            "recall": _measured(self.recall, self.tp + self.fn, measured_only),
            "f1": _measured(self.f1, self.tp + self.fp + self.fn, measured_only),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Accuracy:
    """Agreement of paired claims on one field."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self, measured_only: bool = False) -> dict[str, Any]:
        """With `measured_only`, the accuracy of no paired claim is None, not 0."""
        accuracy = _measured(self.value, self.total, measured_only)
        return {"accuracy": accuracy, "correct": self.correct, "total": self.total}


def _measured(value: float, denominator: int, measured_only: bool) -> float | None:
    return None if measured_only and not denominator else round(value, 4)


#: The P/R/F1 measures, in report order, with their labels.
MEASURES: dict[str, str] = {
    "claim_sentences": "claim-bearing sentences",
    "actors": "actor refs",
    "expectation_exact": "expectation span (exact)",
    "expectation_overlap": "expectation span (overlap)",
    "expectation_type": "expectation type",
    "target": "target",
    "cues": "hedge cues (span + kind)",
    "cues_span": "hedge cues (span only)",
    "evidence": "evidence links",
    "polarity_negative": "negative polarity",
}


@dataclass
class EvalReport:
    """Every measure of one evaluation; `to_dict()` is the JSON form."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in MEASURES})
    type_accuracy: Accuracy = field(default_factory=Accuracy)
    target_accuracy: Accuracy = field(default_factory=Accuracy)
    certainty: Accuracy = field(default_factory=Accuracy)
    polarity: Accuracy = field(default_factory=Accuracy)
    evidence_type: Accuracy = field(default_factory=Accuracy)
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {g: dict.fromkeys(CERTAINTIES, 0) for g in CERTAINTIES}
    )
    sentences: int = 0
    missing: int = 0  # gold sentences with no prediction
    mismatched: int = 0  # gold sentences whose prediction has another text (skipped)
    gold_claims: int = 0
    pred_claims: int = 0
    paired: int = 0
    #: Every disagreement per sentence, when asked for (`errors=True`).
    errors: list[SentenceErrors] | None = None
    #: The trivial baseline scored on the same gold, when asked for (`baseline=True`).
    baseline: EvalReport | None = None

    def to_dict(self, measured_only: bool = False) -> dict[str, Any]:
        """The JSON form. With `measured_only` (what `claimset eval` prints), a measure with
        nothing to measure is None (`null`, shown as n/a) instead of 0: the library default
        keeps numbers throughout for scripts that compare figures."""
        data = self._numbers(measured_only)
        if self.baseline is not None:
            base = self.baseline.to_dict(measured_only)
            data["baseline"] = {"scores": base["scores"], "accuracy": base["accuracy"]}
            data["margin"] = margins(data["scores"], base["scores"])
        if self.errors is not None:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data

    def _numbers(self, measured_only: bool) -> dict[str, Any]:
        return {
            "sentences": {
                "scored": self.sentences,
                "missing_prediction": self.missing,
                "text_mismatch": self.mismatched,
            },
            "claims": {
                "gold": self.gold_claims,
                "predicted": self.pred_claims,
                "paired": self.paired,
            },
            "scores": {k: v.to_dict(measured_only) for k, v in self.scores.items()},
            "accuracy": {
                "expectation_type": self.type_accuracy.to_dict(measured_only),
                "target": self.target_accuracy.to_dict(measured_only),
                "certainty": self.certainty.to_dict(measured_only),
                "polarity": self.polarity.to_dict(measured_only),
                "evidence_type": self.evidence_type.to_dict(measured_only),
            },
            "certainty_confusion": self.confusion,
        }


# -- reading --------------------------------------------------------------------------------------


def _files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            # A project folder means its annotations; registry and document files never hold
            # sentences.
            inner = path / "corpus" / "annotations"
            folder = inner if inner.is_dir() else path
            files.extend(
                sorted(
                    p
                    for p in folder.rglob("*.jsonl")
                    if p.is_file() and p.name not in REGISTRY_FILES
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files


_JSON_KINDS = {
    "list": "an array",
    "str": "a string",
    "int": "a number",
    "float": "a number",
    "bool": "a boolean",
    "NoneType": "null",
}


def read_records(paths: Iterable[Path]) -> dict[str, SentenceRecord]:
    """The sentence records of annotation files (or folders of them), by sentence id.

    Raises UsageError for a path that does not exist, InvalidLine for a bad or repeated record.
    """
    out: dict[str, SentenceRecord] = {}
    for path in _files(paths):
        for lineno, item in jsonio.read_jsonl_numbered(path):
            try:
                record = SentenceRecord.model_validate(item)
            except ValidationError as exc:
                if not isinstance(item, dict):
                    kind = _JSON_KINDS.get(type(item).__name__, type(item).__name__)
                    problem = f"the record must be a JSON object, not {kind}"
                else:
                    problem = first_error(exc)
                raise InvalidLine(
                    f"not a valid sentence record ({problem}); run `claimset validate` on it",
                    file=str(path),
                    line=lineno,
                ) from exc
            if record.id in out:
                # Scoring one of two different records would silently bias the figures.
                raise InvalidLine(
                    f"sentence {record.id!r} appears twice among the files given "
                    "(each sentence may be scored once)",
                    file=str(path),
                    line=lineno,
                )
            out[record.id] = record
    return out


def span_offsets(
    quote: str, start: int | None, end: int | None, text: str
) -> tuple[int, int] | None:
    """Where a span lies in its text: stored offsets if they match the quote, else the first
    occurrence of the quote (quotes are authoritative), else None.

    How `eval` and `agree` place a span before comparing: a quote whose offsets went stale
    still counts where it is."""
    if start is not None and end is not None and text[start:end] == quote:
        return start, end
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


# -- scoring --------------------------------------------------------------------------------------


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair_spans(
    gold: Sequence[tuple[int, int] | None], pred: Sequence[tuple[int, int] | None]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of spans that overlap, the largest overlap
    first: how `eval` pairs predicted claims with gold ones, and `agree` one annotator's claims
    with the units found so far. Spans that overlap nothing (or are None) stay unpaired."""
    candidates = sorted(
        (-_overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if _overlap(g, p) > 0
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _cue_set(record: SentenceRecord, with_kind: bool) -> set[tuple[Any, ...]]:
    out: set[tuple[Any, ...]] = set()
    for claim in record.claims:
        for cue in claim.hedge.cues:
            where = span_offsets(cue.quote, cue.start, cue.end, record.text)
            if where is not None:
                out.add((*where, cue.kind) if with_kind else where)
    return out


def evaluate_records(
    gold: dict[str, SentenceRecord],
    pred: dict[str, SentenceRecord],
    texts: dict[str, str] | None = None,
    *,
    errors: bool = False,
    baseline: bool = False,
) -> EvalReport:
    """Score predicted records against gold records (both keyed by sentence id).

    `errors`: also list every disagreement per sentence; `baseline`: also score the trivial
    baseline (`eval_errors.baseline_records`) on the same gold."""
    report = EvalReport(errors=[] if errors else None)
    pred = align_ids(gold, pred)
    if baseline:
        report.baseline = evaluate_records(gold, baseline_records(gold), texts)
    all_text = {k: r.text for k, r in {**pred, **gold}.items()}
    if texts:
        all_text.update(texts)
    for sid in sorted(gold):
        g = gold[sid]
        if g.status not in HUMAN_STATUSES:
            continue
        p = pred.get(sid)
        if p is None:
            report.missing += 1
            p = g.model_copy(update={"claims": [], "status": "todo"})
        elif p.text != g.text:
            report.mismatched += 1
            continue
        _score_sentence(report, g, p, all_text)
    return report


def align_ids(
    gold: dict[str, SentenceRecord], pred: dict[str, SentenceRecord]
) -> dict[str, SentenceRecord]:
    """The predictions, re-keyed to the gold's ids where both hold the same stretch of the same
    document (doc, start, end and text) under other ids; evidence links follow the new ids.

    An annotated document keeps its sentence ids through edits, so its ids can have gaps; drafts
    of a fresh split of the same text are numbered afresh. Matching by id alone would skip every
    sentence after the first gap as "another text"."""
    place: dict[tuple[str, int, int, str], str | None] = {}
    for sid, g in gold.items():
        key = (g.doc, g.start, g.end, g.text)
        place[key] = None if key in place else sid  # a place held twice names no sentence
    rename: dict[str, str] = {}
    for sid, p in pred.items():
        if sid in gold and gold[sid].text == p.text:
            continue  # already the same sentence under the same id
        gsid = place.get((p.doc, p.start, p.end, p.text))
        if gsid is not None and gsid != sid:
            rename[sid] = gsid
    if not rename:
        return pred
    out: dict[str, SentenceRecord] = {}
    for sid, p in pred.items():
        out_id = rename.get(sid, sid)
        # A renamed record takes its gold id even from a record that held it with another text.
        if out_id not in out or sid in rename:
            out[out_id] = _renamed(p, out_id, rename)
    return out


def _renamed(record: SentenceRecord, new_id: str, rename: dict[str, str]) -> SentenceRecord:
    """The record under `new_id`, its evidence links pointing at the renamed sentences."""
    claims = [
        claim.model_copy(
            update={
                "evidence": [
                    ev.model_copy(update={"sentence": rename.get(ev.sentence, ev.sentence)})
                    if ev.sentence in rename
                    else ev
                    for ev in claim.evidence
                ]
            }
        )
        for claim in record.claims
    ]
    return record.model_copy(update={"id": new_id, "claims": claims})


def _spans(record: SentenceRecord) -> list[tuple[int, int] | None]:
    return [
        span_offsets(c.expectation.quote, c.expectation.start, c.expectation.end, record.text)
        for c in record.claims
    ]


def _score_sentence(
    report: EvalReport, g: SentenceRecord, p: SentenceRecord, all_text: dict[str, str]
) -> None:
    """Add one gold sentence and its prediction to every measure of the report."""
    s = report.scores
    report.sentences += 1
    report.gold_claims += len(g.claims)
    report.pred_claims += len(p.claims)
    s["claim_sentences"].add(
        int(bool(g.claims) and bool(p.claims)), int(bool(p.claims)), int(bool(g.claims))
    )
    ga = Counter(c.actor.ref for c in g.claims)
    pa = Counter(c.actor.ref for c in p.claims)
    s["actors"].add(sum((ga & pa).values()), len(p.claims), len(g.claims))
    for name, kind in (("cues", True), ("cues_span", False)):
        gold_cues, pred_cues = _cue_set(g, kind), _cue_set(p, kind)
        s[name].add(len(gold_cues & pred_cues), len(pred_cues), len(gold_cues))
    gspans, pspans = _spans(g), _spans(p)
    pairs = pair_spans(gspans, pspans)
    report.paired += len(pairs)
    exact = sum(1 for gi, pi in pairs if gspans[gi] == pspans[pi])
    s["expectation_exact"].add(exact, len(p.claims), len(g.claims))
    s["expectation_overlap"].add(len(pairs), len(p.claims), len(g.claims))
    _score_labels(report, g, p, pairs)
    _score_evidence(report, g, p, pairs, all_text)
    if report.errors is not None:
        kinded = (_cue_set(g, True), _cue_set(p, True))
        found = sentence_errors(g, p, pairs, kinded, lambda r, i: _links(r, i, all_text))
        if found.errors:
            report.errors.append(found)


def _score_labels(
    report: EvalReport, g: SentenceRecord, p: SentenceRecord, pairs: list[tuple[int, int]]
) -> None:
    """Type, target, certainty and polarity of the paired claims."""
    s = report.scores
    same_type = sum(
        1 for gi, pi in pairs if g.claims[gi].expectation.type == p.claims[pi].expectation.type
    )
    s["expectation_type"].add(same_type, len(p.claims), len(g.claims))
    report.type_accuracy.correct += same_type
    report.type_accuracy.total += len(pairs)
    targets = [
        (g.claims[gi].expectation.target, p.claims[pi].expectation.target) for gi, pi in pairs
    ]
    s["target"].add(
        sum(1 for gt, pt in targets if gt is not None and gt == pt),
        sum(1 for c in p.claims if c.expectation.target is not None),
        sum(1 for c in g.claims if c.expectation.target is not None),
    )
    report.target_accuracy.correct += sum(1 for gt, pt in targets if gt == pt)
    report.target_accuracy.total += len(pairs)
    negative = s["polarity_negative"]
    for gi, pi in pairs:
        gc, pc = g.claims[gi], p.claims[pi]
        report.certainty.total += 1
        report.certainty.correct += gc.hedge.certainty == pc.hedge.certainty
        report.confusion[gc.hedge.certainty][pc.hedge.certainty] += 1
        report.polarity.total += 1
        report.polarity.correct += gc.polarity == pc.polarity
        negative.add(
            int(gc.polarity == pc.polarity == "negative"),
            int(pc.polarity == "negative"),
            int(gc.polarity == "negative"),
        )


def _links(
    record: SentenceRecord, index: int, texts: dict[str, str]
) -> list[tuple[str, tuple[int, int] | None, str, str]]:
    """(sentence, where, type, quote) of each evidence link of a record's claim."""
    out: list[tuple[str, tuple[int, int] | None, str, str]] = []
    for ev in record.claims[index].evidence:
        sid = ev.sentence or record.id
        text = texts.get(sid, "")
        out.append((sid, span_offsets(ev.quote, ev.start, ev.end, text), ev.type, ev.quote))
    return out


def _score_evidence(
    report: EvalReport,
    g: SentenceRecord,
    p: SentenceRecord,
    pairs: list[tuple[int, int]],
    texts: dict[str, str],
) -> None:
    tp = 0
    for gi, pi in pairs:
        gold_links, pred_links = _links(g, gi, texts), _links(p, pi, texts)
        used: set[int] = set()
        for sid, where, typ, _ in pred_links:
            for k, (gsid, gwhere, gtyp, _) in enumerate(gold_links):
                if k not in used and sid == gsid and _overlap(where, gwhere) > 0:
                    used.add(k)
                    tp += 1
                    report.evidence_type.total += 1
                    report.evidence_type.correct += typ == gtyp
                    break
    predicted = sum(len(c.evidence) for c in p.claims)
    gold = sum(len(c.evidence) for c in g.claims)
    report.scores["evidence"].add(tp, predicted, gold)


def evaluate(
    gold_paths: Sequence[Path],
    pred_paths: Sequence[Path],
    *,
    errors: bool = False,
    baseline: bool = False,
) -> EvalReport:
    """Score the annotation files (or folders of them) in `pred_paths` against `gold_paths`
    (with `errors`, list every disagreement; with `baseline`, score the trivial baseline too).

    Raises UsageError for a path that does not exist and InvalidLine for a bad record.
    """
    return evaluate_records(
        read_records(gold_paths), read_records(pred_paths), errors=errors, baseline=baseline
    )
