"""`eval`'s pairing of gold and predicted claims, against figures computed by hand.

Within a sentence, claims are paired one-to-one by the largest expectation overlap; spans that
do not overlap (touching is not overlapping) are never paired, so a predicted claim elsewhere in
the sentence cannot earn a type or target match. Ties go to the earlier gold claim, then to the
earlier predicted one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from claimset.evaluate import evaluate, evaluate_records
from claimset.models import SentenceRecord

TEXT = "Russia will win the war, and China will stay out, but Iran will arm them."
OTHER = "Tanks crossed the border in May."


def _span(text: str, quote: str) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote)}


def claim(
    actor: str,
    expectation: str,
    type: str = "prediction",
    target: str | None = None,
    *,
    text: str = TEXT,
    certainty: str = "certain",
    polarity: str = "positive",
    cues: list[tuple[str, str]] = (),  # type: ignore[assignment]
    evidence: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    """A claim dict; evidence items are (sentence id, quote, type) and the quote is looked up
    in TEXT for s:0000, in OTHER for s:0001."""
    texts = {"s:0000": TEXT, "s:0001": OTHER}
    return {
        "actor": {"ref": actor},
        "expectation": {**_span(text, expectation), "type": type, "target": target},
        "evidence": [
            {**_span(texts[sid], quote), "sentence": sid, "type": kind}
            for sid, quote, kind in evidence
        ],
        "hedge": {
            "certainty": certainty,
            "cues": [{**_span(text, q), "kind": kind} for q, kind in cues],
        },
        "polarity": polarity,
    }


def record(claims: list[dict[str, Any]], text: str = TEXT, sid: str = "s:0000") -> SentenceRecord:
    return SentenceRecord.model_validate(
        {
            "id": sid,
            "doc": "s",
            "start": 0,
            "end": len(text),
            "text": text,
            "status": "done",
            "annotator": "ann",
            "claims": claims,
        }
    )


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    return evaluate_records({"s:0000": record(gold)}, {"s:0000": record(pred)}).to_dict()


def counts(report: dict[str, Any], measure: str) -> tuple[int, int, int]:
    s = report["scores"][measure]
    return s["tp"], s["fp"], s["fn"]


GOLD = [
    claim("russia", "Russia will win the war"),
    claim("china", "China will stay out"),
    claim("iran", "Iran will arm them", "intention", "russia"),
]
PRED = [
    claim("russia", "will win the war"),  # overlaps gold 0 by 16
    claim("china", "stay out, but", "belief"),  # overlaps gold 1 by 8, another type
    # Inside gold 0 (already paired, by less), nowhere near gold 2 whose type and target it
    # shares: it must stay unpaired.
    claim("iran", "the war", "intention", "russia"),
]


def test_three_claims_in_one_sentence_against_a_hand_count() -> None:
    report = score(GOLD, PRED)
    assert report["claims"] == {"gold": 3, "predicted": 3, "paired": 2}
    assert counts(report, "claim_sentences") == (1, 0, 0)
    assert counts(report, "actors") == (3, 0, 0)
    assert counts(report, "expectation_exact") == (0, 3, 3)
    assert counts(report, "expectation_overlap") == (2, 1, 1)
    assert counts(report, "expectation_type") == (1, 2, 2)  # only gold 0 ~ pred 0 agree
    assert counts(report, "target") == (0, 1, 1)  # pred 2's target is not paired with gold 2's
    assert report["accuracy"]["expectation_type"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert report["accuracy"]["target"] == {"accuracy": 1.0, "correct": 2, "total": 2}
    assert report["scores"]["expectation_overlap"]["precision"] == pytest.approx(0.6667)
    assert report["scores"]["expectation_type"]["f1"] == pytest.approx(0.3333)


def test_touching_spans_are_not_paired() -> None:
    gold = [claim("russia", "Russia will win", "prediction", "china")]
    pred = [claim("russia", " the war", "prediction", "china")]  # starts where gold ends
    report = score(gold, pred)
    assert report["claims"]["paired"] == 0
    assert counts(report, "expectation_overlap") == (0, 1, 1)
    assert counts(report, "expectation_type") == (0, 1, 1)
    assert counts(report, "target") == (0, 1, 1)
    assert report["accuracy"]["certainty"]["total"] == 0


def test_a_tie_goes_to_the_earlier_gold_claim_then_the_earlier_prediction() -> None:
    gold = [
        claim("russia", "Russia will win", "prediction"),  # 0..15
        claim("china", "win the war", "belief"),  # 12..23
    ]
    pred = [claim("iran", "will win the", "belief")]
    report = score(gold, pred)
    # "will win the" is 7..19: 8 code points with gold 0 (7..15), 7 with gold 1 (12..19).
    assert report["claims"]["paired"] == 1
    assert counts(report, "expectation_type") == (0, 1, 2)
    tie_gold = [claim("russia", "Russia will", "belief"), claim("china", "will win", "belief")]
    tie_pred = [claim("iran", "will", "prediction"), claim("iran", "win", "belief")]
    # pred 0 ("will", 7..11) overlaps gold 0 (0..11) and gold 1 (7..15) by 4: gold 0 wins the
    # tie; pred 1 ("win", 12..15) then pairs with gold 1. Two pairs, one type match.
    report = score(tie_gold, tie_pred)
    assert report["claims"]["paired"] == 2
    assert counts(report, "expectation_type") == (1, 1, 1)
    two_preds = [claim("iran", "Russia", "belief"), claim("iran", "Russia", "prediction")]
    report = score([claim("russia", "Russia will win", "prediction")], two_preds)
    # Both predictions overlap the one gold claim by 6: the earlier prediction gets it.
    assert report["claims"]["paired"] == 1
    assert counts(report, "expectation_type") == (0, 2, 1)


def test_certainty_polarity_and_cues_over_pairs() -> None:
    gold = [
        claim(
            "russia",
            "Russia will win the war",
            certainty="probable",
            cues=[("will", "booster")],
        ),
        claim("china", "China will stay out", polarity="negative"),
    ]
    pred = [
        claim("russia", "Russia will win", certainty="possible", cues=[("will", "hedge")]),
        claim("china", "China will stay out", polarity="negative", cues=[("will", "booster")]),
        claim("iran", "Iran will arm them", polarity="negative"),
    ]
    report = score(gold, pred)
    assert report["claims"]["paired"] == 2
    assert report["accuracy"]["certainty"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert report["certainty_confusion"]["probable"]["possible"] == 1
    assert report["certainty_confusion"]["certain"]["certain"] == 1
    assert report["accuracy"]["polarity"] == {"accuracy": 1.0, "correct": 2, "total": 2}
    # pred 2's negative polarity is not paired: it is no false positive of the class.
    assert counts(report, "polarity_negative") == (1, 0, 0)
    # The same "will" (7..11) as a booster in pred 1 matches gold's booster; pred 0's hedge
    # reading does not. Spans only: one cue each side.
    assert counts(report, "cues") == (1, 1, 0)
    assert counts(report, "cues_span") == (1, 0, 0)


def test_evidence_counts_only_within_pairs_and_in_the_same_sentence() -> None:
    gold = [
        claim(
            "russia",
            "Russia will win the war",
            evidence=[("s:0001", "Tanks crossed the border", "event")],
        ),
        claim("china", "China will stay out", evidence=[("s:0000", "Iran", "statement")]),
    ]
    pred = [
        claim(
            "russia",
            "will win",
            evidence=[
                # Overlaps gold's link (16..23 against 0..24), but lies in another
                # sentence: wrong.
                ("s:0000", "the war", "event"),
                ("s:0001", "crossed the border in May", "statistic"),  # overlaps: right link
            ],
        ),
        claim("iran", "arm them", evidence=[("s:0000", "Iran", "statement")]),  # unpaired
    ]
    gold_records = {"s:0000": record(gold), "s:0001": record([], OTHER, "s:0001")}
    pred_records = {"s:0000": record(pred), "s:0001": record([], OTHER, "s:0001")}
    report = evaluate_records(gold_records, pred_records).to_dict()
    assert counts(report, "evidence") == (1, 2, 1)
    assert report["accuracy"]["evidence_type"] == {"accuracy": 0.0, "correct": 0, "total": 1}


def test_stale_offsets_fall_back_to_the_quote(tmp_path: Path) -> None:
    gold = record([claim("russia", "Russia will win the war")])
    stale = claim("russia", "Russia will win the war")
    stale["expectation"].update(start=3, end=9)  # offsets that do not match the quote
    files = {}
    for name, rec in (("gold", gold), ("pred", record([stale]))):
        path = tmp_path / f"{name}.jsonl"
        data = rec.model_dump(mode="json") if isinstance(rec, SentenceRecord) else rec
        path.write_text(json.dumps(data) + "\n", "utf-8")
        files[name] = path
    report = evaluate([files["gold"]], [files["pred"]]).to_dict()
    assert counts(report, "expectation_exact") == (1, 0, 0)
