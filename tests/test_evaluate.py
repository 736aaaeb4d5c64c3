"""`claimset eval`: pairing, every measure, folders, the CLI's text and JSON output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from claimset import jsonio
from claimset.cli import cli
from claimset.evaluate import MEASURES, evaluate, evaluate_records
from claimset.models import SentenceRecord
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
TEXT = "Seoul hopes that Moscow will help it, and Russia clearly wants calm."
OTHER = "In 2010 Moscow did not side with Seoul."


def claim(
    quote: str,
    *,
    ref: str = "south_korea",
    typ: str = "desire",
    target: str | None = None,
    certainty: str = "certain",
    cues: tuple[tuple[str, str], ...] = (),
    polarity: str = "positive",
    evidence: tuple[tuple[str, str, str], ...] = (),
) -> dict[str, Any]:
    return {
        "actor": {"ref": ref},
        "expectation": {"quote": quote, "type": typ, "target": target},
        "evidence": [{"quote": q, "sentence": sid, "type": t} for q, sid, t in evidence],
        "hedge": {"certainty": certainty, "cues": [{"quote": q, "kind": k} for q, k in cues]},
        "polarity": polarity,
    }


def record(
    sid: str, text: str, claims: list[dict[str, Any]], status: str = "done"
) -> SentenceRecord:
    return SentenceRecord.model_validate(
        {
            "id": sid,
            "doc": sid.split(":")[0],
            "start": 0,
            "end": len(text),
            "text": text,
            "status": status,
            "annotator": "ann1" if status in ("done", "reviewed") else None,
            "claims": claims,
        }
    )


GOLD = [
    claim(
        "Moscow will help it",
        target="russia",
        evidence=(("Moscow did not side with Seoul", "d:0001", "event"),),
    ),
    claim(
        "calm",
        ref="russia",
        typ="desire",
        cues=(("clearly", "booster"),),
    ),
]


def score(pred: list[dict[str, Any]], gold: list[dict[str, Any]] = GOLD) -> dict[str, Any]:
    g = {"d:0000": record("d:0000", TEXT, gold), "d:0001": record("d:0001", OTHER, [])}
    p = {
        "d:0000": record("d:0000", TEXT, pred, "draft"),
        "d:0001": record("d:0001", OTHER, [], "draft"),
    }
    return evaluate_records(g, p).to_dict()


def f1(data: dict[str, Any], key: str) -> float:
    return float(data["scores"][key]["f1"])


def test_perfect_prediction_scores_one_everywhere() -> None:
    data = score(GOLD)
    for key in MEASURES:
        if key != "polarity_negative":  # no negative claim in the gold: nothing to find
            assert f1(data, key) == 1.0, key
    assert data["accuracy"]["certainty"]["accuracy"] == 1.0
    assert data["claims"] == {"gold": 2, "predicted": 2, "paired": 2}


def test_empty_prediction_has_zero_recall() -> None:
    data = score([])
    assert data["scores"]["claim_sentences"] == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }
    assert data["scores"]["actors"]["fn"] == 2


def test_pairing_is_one_to_one_by_largest_overlap() -> None:
    # Both predictions overlap the first gold span; the longer overlap wins, the other is unpaired.
    pred = [claim("Moscow will", target="russia"), claim("Moscow will help it", target="russia")]
    data = score(pred, GOLD[:1])
    assert data["claims"]["paired"] == 1
    assert data["scores"]["expectation_exact"]["tp"] == 1
    assert data["scores"]["expectation_overlap"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }


def test_fields_of_paired_claims() -> None:
    pred = [
        claim("that Moscow will help it", typ="prediction", target="russia", certainty="probable"),
        claim("wants calm", ref="author", typ="desire", cues=(("clearly", "hedge"),)),
    ]
    data = score(pred)
    assert data["scores"]["expectation_exact"]["tp"] == 0
    assert data["scores"]["expectation_overlap"]["tp"] == 2
    assert data["scores"]["expectation_type"]["tp"] == 1
    assert data["scores"]["target"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
    }
    assert data["scores"]["actors"]["tp"] == 1
    assert f1(data, "cues") == 0.0 and f1(data, "cues_span") == 1.0  # CoNLL-2010: span + kind
    assert data["certainty_confusion"]["certain"]["probable"] == 1
    assert data["accuracy"]["certainty"] == {"accuracy": 0.5, "correct": 1, "total": 2}


def test_evidence_links_match_by_sentence_and_overlap() -> None:
    right = claim(
        "Moscow will help it",
        target="russia",
        evidence=(("did not side", "d:0001", "statement"),),
    )
    wrong = claim(
        "Moscow will help it", target="russia", evidence=(("did not side", "d:0000", "event"),)
    )
    assert f1(score([right], GOLD[:1]), "evidence") == 1.0
    assert score([right], GOLD[:1])["accuracy"]["evidence_type"]["accuracy"] == 0.0
    assert f1(score([wrong], GOLD[:1]), "evidence") == 0.0


def test_polarity_and_negative_class() -> None:
    gold = [claim("Moscow will help it", polarity="negative")]
    data = score([claim("Moscow will help it")], gold)
    assert data["scores"]["polarity_negative"]["fn"] == 1
    assert data["accuracy"]["polarity"]["accuracy"] == 0.0


def test_only_human_gold_sentences_are_scored() -> None:
    g = {"d:0000": record("d:0000", TEXT, [], "todo")}
    p = {"d:0000": record("d:0000", TEXT, GOLD, "draft")}
    assert evaluate_records(g, p).to_dict()["sentences"]["scored"] == 0
    other = {"d:0000": record("d:0000", TEXT + " More.", GOLD, "draft")}
    g = {"d:0000": record("d:0000", TEXT, GOLD)}
    assert evaluate_records(g, other).to_dict()["sentences"]["text_mismatch"] == 1


def write(path: Path, records: list[SentenceRecord]) -> Path:
    jsonio.write_jsonl(path, [r.model_dump(mode="json") for r in records])
    return path


def test_cli_json_equals_library_and_text_renders(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "gold.jsonl", [record("d:0000", TEXT, GOLD), record("d:0001", OTHER, [])]
    )
    (tmp_path / "pred" / "corpus" / "annotations").mkdir(parents=True)
    pred = write(
        tmp_path / "pred" / "corpus" / "annotations" / "d.jsonl",
        [record("d:0000", TEXT, GOLD[:1], "draft")],
    )
    (tmp_path / "pred" / "corpus" / "actors.jsonl").write_text("", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(gold), str(tmp_path / "pred"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == evaluate([gold], [pred]).to_dict(measured_only=True)
    text = runner.invoke(cli, ["eval", str(gold), str(pred)])
    assert text.exit_code == 0
    assert "claim-bearing sentences" in text.stdout and "hedge cues (span + kind)" in text.stdout
    assert text.stdout.startswith("2 gold sentences scored (1 without prediction")


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 2, "no such file or folder"),
        ("{oops\n", 1, "bad.jsonl:1:2"),
        ('{"id": "x"}\n', 1, "not a valid sentence record"),
    ],
)
def test_cli_errors_are_one_line(
    tmp_path: Path, content: str | None, code: int, message: str
) -> None:
    bad = tmp_path / "bad.jsonl"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(bad), str(bad)])
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]\n", "bad.jsonl:1:1: not a valid sentence record (the record must be a JSON "),
        ('\n\n{"id": 1}\n', "bad.jsonl:3:1: not a valid sentence record (id: "),
        ('{"id": "x"}\n\xff\n', "bad.jsonl:2:1: invalid UTF-8 (byte 0xff)"),
    ],
)
def test_cli_errors_locate_the_line_and_name_the_field(
    tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content.encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    result = CliRunner().invoke(cli, ["eval", str(bad), str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert message in result.stderr and "(:" not in result.stderr, result.stderr


def test_cli_warns_when_no_gold_sentence_is_scored(tmp_path: Path) -> None:
    drafts = write(tmp_path / "drafts.jsonl", [record("d:0000", TEXT, GOLD, "draft")])
    gold = write(tmp_path / "gold.jsonl", [record("d:0000", TEXT, GOLD)])
    swapped = CliRunner().invoke(cli, ["eval", str(drafts), str(gold)])
    assert swapped.exit_code == 0 and swapped.stdout.startswith("0 gold sentences scored")
    assert "warning: no sentence scored" in swapped.stderr and "GOLD PRED" in swapped.stderr
    right = CliRunner().invoke(cli, ["eval", str(gold), str(drafts)])
    assert right.exit_code == 0 and right.stderr == ""


def test_the_seed_gold_against_itself() -> None:
    gold = REPO / "corpus" / "annotations"
    if not list(gold.glob("*.jsonl")):
        pytest.skip("no gold annotations yet")
    data = evaluate([gold], [gold]).to_dict()
    assert f1(data, "claim_sentences") == 1.0 and f1(data, "cues") == 1.0


def test_a_sentence_given_twice_is_an_error_not_a_silent_choice(tmp_path: Path) -> None:
    one = write(tmp_path / "a.jsonl", [record("d:0000", TEXT, GOLD)])
    two = write(tmp_path / "b.jsonl", [record("d:0000", TEXT, [])])
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), str(one)])
    assert result.exit_code == 1
    assert f"{two}:1:" in result.stderr and "'d:0000' appears twice" in result.stderr


def test_errors_list_each_field_gold_beside_prediction() -> None:
    g = {"d:0000": record("d:0000", TEXT, GOLD), "d:0001": record("d:0001", OTHER, [])}
    pred = [
        claim("that Moscow will help it", typ="prediction", target=None, certainty="probable"),
        claim("Russia", ref="russia", typ="belief"),
        claim("clearly wants calm", ref="author", cues=(("clearly", "hedge"),)),
    ]
    p = {"d:0000": record("d:0000", TEXT, pred, "draft"), "d:0001": record("d:0001", OTHER, [])}
    report = evaluate_records(g, p, errors=True)
    assert report.errors is not None and [s.id for s in report.errors] == ["d:0000"]
    found = {(e.field, e.gold, e.predicted) for e in report.errors[0].errors}
    assert ("span", "Moscow will help it", "that Moscow will help it") in found
    assert ('type of "Moscow will help it"', "desire", "prediction") in found
    assert ('target of "Moscow will help it"', "russia", "none") in found
    assert ('certainty of "Moscow will help it"', "certain", "probable") in found
    assert ('actor of "calm"', "russia", "author") in found
    assert ("claim", None, 'russia belief "Russia" (certain)') in found
    assert ("cue", '"clearly" booster', None) in found and ("cue", None, '"clearly" hedge') in found
    assert (
        'evidence of "Moscow will help it"',
        'event "Moscow did not side with Seoul" (d:0001)',
        None,
    ) in found
    # Unpaired claims come first, cues and evidence last; a perfect sentence is not listed.
    assert report.errors[0].errors[0].field == "claim"
    perfect = evaluate_records(
        g, {k: v.model_copy(update={"status": "draft"}) for k, v in g.items()}, errors=True
    )
    assert perfect.errors == []


def test_baseline_is_one_author_belief_per_sentence_and_gives_the_margin() -> None:
    g = {"d:0000": record("d:0000", TEXT, GOLD), "d:0001": record("d:0001", OTHER, [])}
    data = evaluate_records(g, {k: v for k, v in g.items()}, baseline=True).to_dict()
    base = data["baseline"]["scores"]
    # One belief per sentence: the claim sentence is found, the report sentence is a false one.
    assert base["claim_sentences"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.6667,
        "tp": 1,
        "fp": 1,
        "fn": 0,
    }
    assert base["cues"]["f1"] == 0.0 and base["target"]["f1"] == 0.0
    assert data["margin"]["claim_sentences"] == round(1.0 - 0.6667, 4)
    assert "errors" not in data


def test_cli_errors_and_baseline(tmp_path: Path) -> None:
    gold = write(
        tmp_path / "gold.jsonl", [record("d:0000", TEXT, GOLD), record("d:0001", OTHER, [])]
    )
    pred = write(
        tmp_path / "pred.jsonl",
        [record("d:0000", TEXT, GOLD[:1], "draft"), record("d:0001", OTHER, [], "draft")],
    )
    runner = CliRunner()
    text = runner.invoke(cli, ["eval", str(gold), str(pred), "--errors", "--baseline"])
    assert text.exit_code == 0, text.output
    assert "d:0000" in text.stdout and 'gold: russia desire "calm"' in text.stdout
    assert "d:0001" not in text.stdout  # nothing wrong there
    assert "1 sentences with errors (claim 1, cue 1)" in text.stdout
    assert "baseline F1" in text.stdout and "margin" in text.stdout
    data = runner.invoke(
        cli, ["eval", str(gold), str(pred), "--errors", "--baseline", "--format", "json"]
    )
    parsed = json.loads(data.stdout)
    report = evaluate([gold], [pred], errors=True, baseline=True)
    assert parsed == report.to_dict(measured_only=True)
    assert parsed["errors"][0]["errors"][0] == {
        "field": "claim",
        "gold": 'russia desire "calm" (certain)',
        "predicted": None,
    }
