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
from claimset.errors import InvalidLine
from claimset.evaluate import evaluate, evaluate_records, pair_spans, span_offsets
from claimset.models import SentenceRecord

TEXT = "Russia will win the war, and China will stay out, but Iran will arm them."
OTHER = "Tanks crossed the border in May."


def _span(text: str, quote: str) -> dict[str, Any]:
    """The quote with its offsets in `text` (none when it is not there)."""
    start = text.find(quote)
    if start < 0:
        return {"quote": quote, "start": None, "end": None}
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


OTHER2 = "China will not fight, Iran might."


def _gold_and_pred() -> tuple[dict[str, SentenceRecord], dict[str, SentenceRecord]]:
    """Seven gold sentences: two scored with claims, two without a prediction (one bearing a
    claim), one `todo` (not scored), two whose prediction has another text (skipped)."""
    gold0 = [dict(c) for c in GOLD]
    gold0[1] = claim("china", "China will stay out", polarity="negative")
    pred0 = [dict(c) for c in PRED]
    pred0[0] = claim("russia", "will win the war", polarity="negative")
    pred0[1] = claim("china", "stay out, but", "belief", polarity="negative")
    nothing = "Nothing here."
    gold = {
        "s:0000": record(gold0),
        "s:0001": record(
            [
                claim(
                    "china",
                    "China will not fight",
                    text=OTHER2,
                    polarity="negative",
                    certainty="possible",
                )
            ],
            OTHER2,
            "s:0001",
        ),
        "s:0002": record(
            [claim("author", "Nothing here", "belief", text=nothing)], nothing, "s:0002"
        ),
        "s:0003": record(
            [claim("author", "Nothing", "belief", text=nothing)], nothing, "s:0003"
        ).model_copy(update={"status": "todo"}),
        "s:0004": record([], nothing, "s:0004"),
        "s:0005": record([], nothing, "s:0005"),
        "s:0006": record([], nothing, "s:0006"),
    }
    pred = {
        "s:0000": record(pred0),
        "s:0001": record(
            [
                claim(
                    "china",
                    "will not fight",
                    text=OTHER2,
                    polarity="negative",
                    certainty="probable",
                )
            ],
            OTHER2,
            "s:0001",
        ),
        "s:0003": record([], nothing, "s:0003"),
        "s:0004": record([], "Something else.", "s:0004"),
        "s:0006": record([], "Nothing here!", "s:0006"),
    }
    return gold, pred


def test_figures_add_up_over_sentences() -> None:
    gold, pred = _gold_and_pred()
    report = evaluate_records(gold, pred).to_dict()
    assert report["sentences"] == {"scored": 4, "missing_prediction": 2, "text_mismatch": 2}
    assert report["claims"] == {"gold": 5, "predicted": 4, "paired": 3}
    assert counts(report, "claim_sentences") == (2, 0, 1)
    assert counts(report, "expectation_overlap") == (3, 1, 2)
    assert report["accuracy"]["expectation_type"] == {"accuracy": 0.6667, "correct": 2, "total": 3}
    assert report["accuracy"]["target"] == {"accuracy": 1.0, "correct": 3, "total": 3}
    assert report["accuracy"]["certainty"] == {"accuracy": 0.6667, "correct": 2, "total": 3}
    assert report["certainty_confusion"]["certain"] == {
        "certain": 2,
        "probable": 0,
        "possible": 0,
        "underspecified": 0,
    }
    assert report["certainty_confusion"]["possible"]["probable"] == 1
    assert report["accuracy"]["polarity"] == {"accuracy": 0.6667, "correct": 2, "total": 3}
    assert counts(report, "polarity_negative") == (2, 1, 0)
    assert report["scores"]["expectation_overlap"] == {
        "precision": 0.75,
        "recall": 0.6,
        "f1": 0.6667,
        "tp": 3,
        "fp": 1,
        "fn": 2,
    }
    assert report["scores"]["claim_sentences"]["recall"] == 0.6667


def test_spans_found_nowhere_are_never_paired() -> None:
    report = score([claim("russia", "Moscow will win")], [claim("russia", "Kyiv will win")])
    assert report["claims"]["paired"] == 0
    report = score([claim("russia", "Moscow will win")], [claim("russia", "Russia will win")])
    assert report["claims"]["paired"] == 0
    report = score([claim("russia", "Russia will win")], [claim("russia", "Kyiv")])
    assert report["claims"]["paired"] == 0


def test_one_code_point_of_overlap_is_enough() -> None:
    report = score([claim("russia", "Russia will")], [claim("russia", "l win")])
    assert report["claims"]["paired"] == 1


REPEAT = "Russia will win the war, says Russia."


def score_in(text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    return evaluate_records(
        {"s:0000": record(gold, text)}, {"s:0000": record(pred, text)}
    ).to_dict()


def test_offsets_decide_between_repeated_words() -> None:
    # In REPEAT, "Russia" is at 0..6 and at 30..36; spans given by offsets are taken as given.
    def at(quote: str, start: int | None, end: int | None) -> dict[str, Any]:
        made = claim("russia", "Russia", text=REPEAT)
        made["expectation"] = {"quote": quote, "start": start, "end": end, "type": "prediction"}
        return made

    first = claim("russia", "Russia will", text=REPEAT)
    assert score_in(REPEAT, [at("Russia", 30, 36)], [first])["claims"]["paired"] == 0
    # Offsets that do not match are ignored: the quote's first occurrence counts.
    assert score_in(REPEAT, [at("Russia", 29, 35)], [first])["claims"]["paired"] == 1
    # Half the offsets: the quote decides.
    report = score_in(
        REPEAT,
        [at("Russia", None, 6), at("says Russia.", 25, None)],
        [at("Russia", 0, 6), at("says", 25, 29)],
    )
    assert report["claims"]["paired"] == 2
    assert counts(report, "expectation_exact") == (1, 1, 1)
    # Cues are placed by their offsets too.
    gold_cue = claim("russia", "Russia will win the war", text=REPEAT)
    gold_cue["hedge"]["cues"] = [{"quote": "Russia", "start": 30, "end": 36, "kind": "hedge"}]
    pred_cue = claim("russia", "Russia will win the war", text=REPEAT, cues=[("Russia", "hedge")])
    assert counts(score_in(REPEAT, [gold_cue], [pred_cue]), "cues") == (0, 1, 1)
    halves = claim("russia", "Russia will win the war", text=REPEAT)
    halves["hedge"]["cues"] = [
        {"quote": "says Russia.", "start": 25, "kind": "hedge"},
        {"quote": "Russia w", "end": 8, "kind": "hedge"},
    ]
    both = claim(
        "russia",
        "Russia will win the war",
        text=REPEAT,
        cues=[("says Russia.", "hedge"), ("Russia w", "hedge")],
    )
    assert counts(score_in(REPEAT, [halves], [both]), "cues") == (2, 0, 0)
    # Expectations at the second "Russia" on both sides agree exactly.
    report = score_in(REPEAT, [at("Russia", 30, 36)], [at("Russia", 30, 36)])
    assert counts(report, "expectation_exact") == (1, 0, 0)
    # Evidence too.
    linked = [
        claim("russia", "Russia will win", text=REPEAT, evidence=[("s:0000", "Russia", "event")])
        for _ in range(2)
    ]
    linked[0]["evidence"][0].update(start=30, end=36)
    report = evaluate_records(
        {"s:0000": record(linked[:1], REPEAT)}, {"s:0000": record(linked[1:], REPEAT)}
    ).to_dict()
    assert counts(report, "evidence") == (0, 1, 1)


def test_evidence_links_are_matched_once_and_by_overlap() -> None:
    def linked(expectation: str, *links: tuple[str, str, str]) -> dict[str, Any]:
        return claim("russia", expectation, evidence=list(links))

    gold = [
        linked("Russia will win", ("s:0001", "Tanks crossed", "event")),
        linked("Iran will arm them", ("s:0001", "the border", "event")),
    ]
    pred = [
        # Two links over one gold link: one is right, the other a false positive.
        linked("Russia will win", ("s:0001", "Tanks", "event"), ("s:0001", "crossed", "event")),
        # One code point of overlap ("r" of "border"... "r in May" starts at 23) is enough;
        # touching ("in May" starts where "the border" ends + 1) is not.
        linked("Iran will arm", ("s:0001", "r in May", "statistic"), ("s:0001", " in", "event")),
    ]
    gold_records = {"s:0000": record(gold), "s:0001": record([], OTHER, "s:0001")}
    pred_records = {"s:0000": record(pred), "s:0001": record([], OTHER, "s:0001")}
    report = evaluate_records(gold_records, pred_records).to_dict()
    assert counts(report, "evidence") == (2, 2, 0)
    assert report["accuracy"]["evidence_type"] == {"accuracy": 0.5, "correct": 1, "total": 2}


def test_texts_of_sentences_outside_the_scored_set_place_evidence() -> None:
    gold = [claim("russia", "Russia will win", evidence=[("s:0001", "crossed", "event")])]
    pred = [claim("russia", "Russia will win", evidence=[("s:0001", "crossed", "event")])]
    for item in (*gold[0]["evidence"], *pred[0]["evidence"]):
        item["start"] = item["end"] = None
    report = evaluate_records(
        {"s:0000": record(gold)}, {"s:0000": record(pred)}, texts={"s:0001": OTHER}
    ).to_dict()
    assert counts(report, "evidence") == (1, 0, 0)
    report = evaluate_records({"s:0000": record(gold)}, {"s:0000": record(pred)}).to_dict()
    assert counts(report, "evidence") == (0, 1, 1)  # nowhere to find the quotes


def test_evidence_in_a_sentence_no_file_holds_is_never_right() -> None:
    # No text to place it in: equal quotes and offsets in both do not make a link right.
    link = {"quote": "X", "start": 0, "end": 1, "sentence": "s:0009", "type": "event"}
    gold = [{**claim("russia", "Russia will win"), "evidence": [link]}]
    pred = [{**claim("russia", "Russia will win"), "evidence": [link]}]
    assert counts(score(gold, pred), "evidence") == (0, 1, 1)


def _write(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[1]", "an array"),
        ('"s"', "a string"),
        ("3", "a number"),
        ("2.5", "a number"),
        ("true", "a boolean"),
        ("null", "null"),
    ],
)
def test_a_line_that_is_not_a_record_is_located(tmp_path: Path, line: str, kind: str) -> None:
    good = json.dumps(record([]).model_dump(mode="json"))
    path = _write(tmp_path / "a.jsonl", [good.replace("s:0000", "s:0009"), line])
    with pytest.raises(InvalidLine) as caught:
        evaluate([path], [path])
    assert str(caught.value) == (
        f"{path}:2:1: not a valid sentence record (the record must be a JSON object, not "
        f"{kind}); run `claimset validate` on it"
    )


def test_a_sentence_given_twice_is_located(tmp_path: Path) -> None:
    line = json.dumps(record([]).model_dump(mode="json"))
    first = _write(tmp_path / "a.jsonl", [line])
    second = _write(tmp_path / "b.jsonl", ["", line])
    with pytest.raises(InvalidLine) as caught:
        evaluate([first, second], [first])
    assert str(caught.value) == (
        f"{second}:2:1: sentence 's:0000' appears twice among the files given (each sentence "
        "may be scored once)"
    )


def test_folders_mean_their_annotation_files(tmp_path: Path) -> None:
    line = json.dumps(record(GOLD).model_dump(mode="json"))
    registry = '{"id": "russia", "name": "Russia", "aliases": [], "kind": "state"}'
    project = tmp_path / "project"
    _write(project / "corpus" / "annotations" / "s.jsonl", [line])
    _write(project / "corpus" / "actors.jsonl", [registry])
    _write(project / "notes" / "s.jsonl", ["not even JSON"])  # outside corpus/annotations
    loose = tmp_path / "loose"
    _write(loose / "s.jsonl", [line])
    _write(loose / "actors.jsonl", [registry])
    _write(loose / "documents.jsonl", ['{"id": "s"}'])
    report = evaluate([project], [loose]).to_dict()
    assert report["sentences"]["scored"] == 1
    assert counts(report, "expectation_exact") == (3, 0, 0)


def test_pair_spans_takes_the_largest_overlap_first_one_to_one() -> None:
    gold = [(0, 10), (20, 30)]
    pred = [(5, 25), (0, 9), None, (40, 50)]
    # gold 0 overlaps pred 1 by 9 and pred 0 by 5: it takes pred 1, leaving pred 0 to gold 1.
    assert pair_spans(gold, pred) == [(0, 1), (1, 0)]
    assert pair_spans([(0, 5)], [(5, 9)]) == []  # touching is no overlap (ends are exclusive)


def test_span_offsets_trusts_the_quote_over_stale_offsets() -> None:
    text = "Seoul waits. Seoul acts."
    assert span_offsets("Seoul", 13, 18, text) == (13, 18)
    assert span_offsets("Seoul", 2, 7, text) == (0, 5)  # stale: the first occurrence
    assert span_offsets("Tokyo", None, None, text) is None


def test_ids_with_gaps_are_matched_by_place(tmp_path: Path) -> None:
    """An edited document keeps its ids (here a gap: no s:0001), drafts of a fresh split are
    numbered afresh: the same sentences are scored, and a link to a renamed sentence counts."""
    second = len(TEXT) + 1
    base = {"doc": "s", "status": "done", "annotator": "ann"}
    link = [(OTHER, "Tanks crossed the border", "event")]

    def rec(sid: str, start: int, text: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
        return {"id": sid, "start": start, "end": start + len(text), "text": text, **base,
                "claims": claims}  # fmt: skip

    def arming(to: str) -> dict[str, Any]:
        c = claim("iran", "Iran will arm them", "intention", "russia")
        c["evidence"] = [{**_span(t, q), "sentence": to, "type": k} for t, q, k in link]
        return c

    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    other = claim("author", "Tanks crossed the border", "belief", text=OTHER)
    gold.write_text(
        json.dumps(rec("s:0000", 0, TEXT, [arming("s:0002")])) + "\n"
        + json.dumps(rec("s:0002", second, OTHER, [other])) + "\n"
    )  # fmt: skip
    pred.write_text(
        json.dumps(rec("s:0000", 0, TEXT, [arming("s:0001")])) + "\n"
        + json.dumps(rec("s:0001", second, OTHER, [other])) + "\n"
    )  # fmt: skip
    report = evaluate([gold], [pred]).to_dict()
    assert report["sentences"] == {"scored": 2, "missing_prediction": 0, "text_mismatch": 0}
    assert counts(report, "claim_sentences") == (2, 0, 0)
    assert counts(report, "evidence") == (1, 0, 0)
    # The same files by id alone would leave s:0002 without a prediction and the link unmatched.
    pred.write_text(pred.read_text().replace(f'"start": {second}', '"start": 0'))
    report = evaluate([gold], [pred]).to_dict()
    assert report["sentences"]["missing_prediction"] == 1
    assert counts(report, "evidence") == (0, 1, 1)
