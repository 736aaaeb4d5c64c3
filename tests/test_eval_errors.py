"""`eval --errors` and `--baseline` against lists written out by hand: every false positive and
negative of every field, in field order, gold beside prediction; the trivial baseline's claims.
"""

from __future__ import annotations

from typing import Any

from claimset.eval_errors import baseline_records, count_fields, margins
from claimset.evaluate import evaluate_records
from claimset.models import SentenceRecord
from test_eval_pairing import OTHER, TEXT, claim
from test_evaluate import record as gold_record


def record(
    claims: list[dict[str, Any]], text: str = TEXT, sid: str = "s:0000", status: str = "done"
) -> SentenceRecord:
    return gold_record(sid, text, claims, status)


def errors(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    g = {"s:0000": record(gold), "s:0001": record([], OTHER, "s:0001")}
    p = {"s:0000": record(pred, status="draft"), "s:0001": record([], OTHER, "s:0001", "draft")}
    report = evaluate_records(g, p, errors=True)
    assert report.errors is not None
    return [(s.id, e.field, e.gold, e.predicted) for s in report.errors for e in s.errors]


def test_every_error_of_a_sentence_in_field_order() -> None:
    # TEXT: "Russia will win the war, and China will stay out, but Iran will arm them."
    # OTHER: "Tanks crossed the border in May."
    gold = [
        claim(
            "russia",
            "Russia will win the war",
            target="ukraine",
            cues=[("will", "booster")],
            evidence=[("s:0001", "Tanks crossed", "event"), ("s:0001", "the border", "event")],
        ),
        claim("china", "China will stay out", certainty="probable"),
    ]
    pred = [
        claim("iran", "Iran will arm them", type="belief"),  # overlaps no gold claim
        claim(
            "russia",
            "Russia will win",
            polarity="negative",
            certainty="possible",
            # "crossed the" takes "Tanks crossed" (the first gold link it overlaps); "Tanks"
            # overlaps only that one, already taken; "in May" overlaps nothing.
            evidence=[
                ("s:0001", "crossed the", "event"),
                ("s:0001", "Tanks", "event"),
                ("s:0001", "in May", "statistic"),
            ],
        ),
        claim(
            "author",
            "China will stay out",
            type="intention",
            certainty="possible",
            cues=[("will", "hedge")],  # the first "will", as gold's booster
        ),
    ]
    russia, china = 'of "Russia will win the war"', 'of "China will stay out"'
    assert errors(gold, pred) == [
        ("s:0000", "claim", None, 'iran belief "Iran will arm them" (certain)'),
        ("s:0000", f"actor {china}", "china", "author"),
        ("s:0000", "span", "Russia will win the war", "Russia will win"),
        ("s:0000", f"type {china}", "prediction", "intention"),
        ("s:0000", f"target {russia}", "ukraine", "none"),
        ("s:0000", f"certainty {russia}", "certain", "possible"),
        ("s:0000", f"certainty {china}", "probable", "possible"),
        ("s:0000", f"polarity {russia}", "positive", "negative"),
        ("s:0000", "cue", '"will" booster', None),
        ("s:0000", "cue", None, '"will" hedge'),
        ("s:0000", f"evidence {russia}", 'event "the border" (s:0001)', None),
        ("s:0000", f"evidence {russia}", None, 'event "Tanks" (s:0001)'),
        ("s:0000", f"evidence {russia}", None, 'statistic "in May" (s:0001)'),
    ]


def test_an_unpaired_gold_claim_names_its_target_and_polarity() -> None:
    gold = [claim("iran", "Iran will arm them", target="russia", polarity="negative")]
    assert errors(gold, []) == [
        (
            "s:0000",
            "claim",
            'iran prediction "Iran will arm them" → russia (certain, negative)',
            None,
        )
    ]


def test_long_spans_are_shortened_in_labels() -> None:
    at_width = "Russia will win the war, and Chi"  # 32 characters: kept whole
    longer = "Russia will win the war, and China will"
    assert len(at_width) == 32
    got = errors(
        [claim("russia", at_width), claim("iran", "Iran will arm them", target="china")],
        [claim("russia", longer, type="belief"), claim("iran", "Iran will arm them")],
    )
    assert got == [
        ("s:0000", "span", at_width, longer),
        ("s:0000", f'type of "{at_width}"', "prediction", "belief"),
        ("s:0000", 'target of "Iran will arm them"', "china", "none"),
    ]
    # Cut at 31 characters and an ellipsis.
    cut = "Russia will win the war, and China will"
    got = errors([claim("russia", cut)], [claim("russia", cut, "belief")])
    assert got == [("s:0000", 'type of "Russia will win the war, and Ch…"', "prediction", "belief")]
    # Cut at 31 characters, the space before the cut dropped.
    cut = "n the war, and China will stay out"
    got = errors([claim("russia", cut)], [claim("russia", cut, "belief")])
    assert got == [("s:0000", 'type of "n the war, and China will stay…"', "prediction", "belief")]


def test_a_perfect_sentence_has_no_errors() -> None:
    gold = [claim("russia", "Russia will win", evidence=[("s:0001", "Tanks", "event")])]
    assert errors(gold, gold) == []


def test_errors_as_json_name_the_sentence_and_its_text() -> None:
    g = {"s:0000": record([claim("russia", "Russia will win", target="china")])}
    p = {"s:0000": record([claim("russia", "Russia will win")], status="draft")}
    data = evaluate_records(g, p, errors=True).to_dict()
    assert data["errors"] == [
        {
            "id": "s:0000",
            "text": TEXT,
            "errors": [
                {"field": 'target of "Russia will win"', "gold": "china", "predicted": "none"}
            ],
        }
    ]


def test_touching_evidence_links_do_not_match() -> None:
    # OTHER: "Tanks crossed the border in May." - "Tanks" ends where " crossed" starts.
    gold = [claim("russia", "Russia will win", evidence=[("s:0001", "Tanks", "event")])]
    pred = [claim("russia", "Russia will win", evidence=[("s:0001", " crossed", "event")])]
    label = 'evidence of "Russia will win"'
    assert errors(gold, pred) == [
        ("s:0000", label, 'event "Tanks" (s:0001)', None),
        ("s:0000", label, None, 'event " crossed" (s:0001)'),
    ]


def test_count_fields_counts_both_sides() -> None:
    g = {"s:0000": record([claim("russia", "Russia will win", target="china")])}
    p = {"s:0000": record([claim("iran", "Iran will arm them")], status="draft")}
    report = evaluate_records(g, p, errors=True)
    assert report.errors is not None
    assert count_fields(report.errors) == {"claim": 2}
    p = {"s:0000": record([claim("iran", "Russia will win", "belief")], status="draft")}
    report = evaluate_records(g, p, errors=True)
    assert report.errors is not None
    assert count_fields(report.errors) == {"actor": 1, "type": 1, "target": 1}


def test_the_baseline_spans_each_sentence_without_its_final_marks() -> None:
    texts = ["Will Russia win?!  ", "  Iran will arm them.", "?!", "Tanks crossed at X."]
    gold = {f"s:{i:04d}": record([], text, f"s:{i:04d}") for i, text in enumerate(texts)}
    base = baseline_records(gold)
    assert list(base) == list(gold)
    got = [
        [(c.expectation.quote, c.expectation.start, c.expectation.end) for c in r.claims]
        for r in base.values()
    ]
    assert got == [
        [("Will Russia win", 0, 15)],
        [("Iran will arm them", 2, 20)],
        [],
        [("Tanks crossed at X", 0, 18)],
    ]
    first = base["s:0000"]
    assert (first.status, first.annotator, first.text) == ("draft", None, texts[0])
    c = first.claims[0]
    assert (c.actor.ref, c.expectation.type, c.expectation.target) == ("author", "belief", None)
    assert (c.hedge.certainty, c.hedge.cues, c.evidence, c.origin) == ("certain", [], [], "auto")


def test_margins_are_f1_differences_on_shared_measures() -> None:
    report = {"claims": {"f1": 0.75}, "cues": {"f1": 0.5}, "only_here": {"f1": 1.0}}
    baseline = {"claims": {"f1": 0.33333}, "cues": {"f1": 0.5}}
    assert margins(report, baseline) == {"claims": 0.4167, "cues": 0.0}


def test_a_cue_found_nowhere_in_the_sentence_is_left_out() -> None:
    # A cue must be placed to be compared: one that is not in the text counts nowhere.
    gold = [claim("russia", "Russia will win", cues=[("will", "booster")])]
    pred = [claim("russia", "Russia will win", cues=[("will", "booster"), ("surely", "booster")])]
    assert errors(gold, pred) == []
    g = {"s:0000": record(gold)}
    report = evaluate_records(g, {"s:0000": record(pred, status="draft")}).to_dict()
    assert (report["scores"]["cues"]["tp"], report["scores"]["cues"]["fp"]) == (1, 0)


def test_the_baseline_in_json_is_the_baseline_scored_like_a_prediction() -> None:
    g = {"s:0000": record([claim("russia", "Russia will win", target="china")])}
    p = {"s:0000": record([claim("russia", "Russia will win")], status="draft")}
    data = evaluate_records(g, p, baseline=True).to_dict()
    alone = evaluate_records(g, baseline_records(g)).to_dict()
    assert data["baseline"] == {"scores": alone["scores"], "accuracy": alone["accuracy"]}
