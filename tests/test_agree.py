"""`claimset agree`: kappa and alpha against the reference implementations, units, n/a cases."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from claimset.agree import agree, agree_records, cohen_kappa, krippendorff_alpha
from claimset.models import Cue, Evidence, SentenceRecord
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parents[1]
LABELS = ["desire", "belief", "demand", "prediction"]


@given(
    st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from(LABELS)), min_size=1, max_size=40)
)
def test_cohen_kappa_equals_scikit_learn(pairs: list[tuple[str, str]]) -> None:
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    mine = cohen_kappa(first, second)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = cohen_kappa_score(first, second)
    if mine is None:
        assert math.isnan(reference) or len(set(first) | set(second)) == 1
    else:
        assert mine == pytest.approx(reference, abs=1e-9)


@given(
    st.integers(min_value=2, max_value=4).flatmap(
        lambda coders: st.lists(
            st.lists(st.sampled_from([*LABELS, None]), min_size=coders, max_size=coders),
            min_size=1,
            max_size=30,
        )
    )
)
def test_krippendorff_alpha_equals_the_krippendorff_package(units: list[list[str | None]]) -> None:
    mine = krippendorff_alpha([[v for v in unit if v is not None] for unit in units])
    coders = len(units[0])
    data = np.array(
        [[np.nan if u[c] is None else LABELS.index(u[c]) for u in units] for c in range(coders)],
        dtype=float,
    )
    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    values = {v for u in pairable for v in u if v is not None}
    if mine is None:
        assert not pairable or len(values) == 1
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert mine == pytest.approx(reference, abs=1e-9)


def test_textbook_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example: 0.743.
    units = [
        [1, 1, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [5, 5, 5],
        [1, 1],
        [3],
    ]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)


def _record(sid: str, text: str, claims: list[tuple[str, str, str]]) -> SentenceRecord:
    return SentenceRecord.model_validate(
        {
            "id": sid,
            "doc": "d",
            "start": 0,
            "end": len(text),
            "text": text,
            "status": "done",
            "annotator": "x",
            "claims": [
                {
                    "id": f"c{i}",
                    "actor": {"ref": actor, "quote": None, "start": None, "end": None},
                    "expectation": {
                        "quote": quote,
                        "start": text.index(quote),
                        "end": text.index(quote) + len(quote),
                        "type": kind,
                        "target": None,
                    },
                    "evidence": [],
                    "hedge": {"certainty": "certain", "cues": []},
                    "polarity": "positive",
                    "origin": "human",
                }
                for i, (actor, quote, kind) in enumerate(claims, start=1)
            ],
        }
    )


TEXT = "Seoul hopes that Moscow will help, and Tokyo fears that it will not."


def test_units_fields_and_disagreements_by_hand() -> None:
    a = {
        "d:0001": _record(
            "d:0001",
            TEXT,
            [("south_korea", "Moscow will help", "desire"), ("japan", "it will not", "prediction")],
        ),
        "d:0002": _record("d:0002", "Nothing here.", []),
    }
    b = {
        "d:0001": _record("d:0001", TEXT, [("south_korea", "Moscow will help", "belief")]),
        "d:0002": _record("d:0002", "Nothing here.", []),
    }
    report = agree_records([a, b], ["ann1", "ann2"])
    assert report.sentences == 2
    assert report.claims == {"ann1": 2, "ann2": 1}
    # One unit annotated by both: actors agree, types differ; the second unit is ann1's alone.
    assert report.fields["actor"].units == 1
    assert report.fields["actor"].observed == 1.0
    assert report.fields["expectation_type"].observed == 0.0
    # A single unit with one label each: kappa is 0/0, reported as n/a, never as 0.
    assert report.fields["actor"].kappa is None
    assert report.claim_sentences.kappa == 1.0
    [disagreement] = report.disagreements
    assert disagreement.sentence == "d:0001"
    assert disagreement.fields == ["claims", "expectation_type"]
    assert [c["expectation"]["type"] for c in disagreement.versions["ann2"]] == ["belief"]


def test_nothing_to_measure_is_not_zero() -> None:
    a = {"d:0001": _record("d:0001", "Nothing here.", [])}
    report = agree_records([a, dict(a)], ["ann1", "ann2"])
    assert report.fields["certainty"].to_dict() == {
        "units": 0,
        "observed": None,
        "kappa": None,
        "alpha": None,
    }
    assert report.span_exact_f1 is None


def test_the_seed_second_annotation() -> None:
    report = agree(
        [
            ROOT / "corpus/annotations/000_a59439a6f7a726ad.jsonl",
            ROOT / "agreement/ann2/000_a59439a6f7a726ad.jsonl",
        ],
        ["ann1", "ann2"],
    )
    assert report.sentences == 46
    assert report.claims == {"ann1": 53, "ann2": 54}
    assert report.fields["target"].kappa == pytest.approx(0.9725, abs=1e-4)
    assert report.fields["expectation_type"].alpha == 1.0


def test_evidence_and_cue_differences_are_listed() -> None:
    a = _record("d:0001", TEXT, [("south_korea", "Moscow will help", "desire")])
    b = a.model_copy(deep=True)
    b.claims[0].hedge.cues.append(
        Cue.model_validate({"quote": "hopes", "start": 6, "end": 11, "kind": "hedge"})
    )
    report = agree_records([{"d:0001": a}, {"d:0001": b}], ["ann1", "ann2"])
    [disagreement] = report.disagreements
    assert disagreement.fields == ["cues"]


def test_an_evidence_type_difference_is_listed() -> None:
    """The same fact linked as `event` by one annotator and as `statistic` by the other."""
    a = _record("d:0001", TEXT, [("south_korea", "Moscow will help", "desire")])
    a.claims[0].evidence.append(
        Evidence.model_validate(
            {"quote": "Seoul hopes", "sentence": "d:0001", "start": 0, "end": 11, "type": "event"}
        )
    )
    b = a.model_copy(deep=True)
    b.claims[0].evidence[0].type = "statistic"
    report = agree_records([{"d:0001": a}, {"d:0001": b}], ["ann1", "ann2"])
    [disagreement] = report.disagreements
    assert disagreement.fields == ["evidence"]
