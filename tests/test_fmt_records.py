"""fmt record by record: what it fills, what it leaves alone, and the notes it writes."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from claimset import fmt_record
from claimset.canonical import without_defaults
from claimset.errors import UsageError
from claimset.fmt import fmt, format_record, format_text
from claimset.fmt_record import canonical_record, quick_line, record_line, settled
from claimset.jsonio import dumps, loads_strict
from claimset.models import Actor, SentenceRecord
from claimset.project import Project
from hypothesis import given, settings
from hypothesis import strategies as st
from test_validate_fuzz import RECORDS, mutated_record

TEXT = "Russia will win the war, says Russia."


def sentence(claims: list[Any], text: Any = TEXT, sid: str = "d:0000") -> dict[str, Any]:
    return {
        "id": sid,
        "doc": "d",
        "start": 0,
        "end": len(text) if isinstance(text, str) else 0,
        "text": text,
        "status": "done",
        "annotator": "ann",
        "claims": claims,
    }


def claim(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "c1",
        "actor": {"ref": "russia"},
        "expectation": {"quote": "will win the war", "type": "prediction"},
        "hedge": {"certainty": "certain"},
    }
    return {**base, **fields}


def expectation(out: Any) -> tuple[Any, Any, Any]:
    e = out["claims"][0]["expectation"]
    return e["quote"], e["start"], e["end"]


def test_offsets_that_are_not_numbers_are_ignored_and_refilled() -> None:
    record = sentence([claim(expectation={"quote": "will win", "start": "7", "type": "belief"})])
    out, messages = format_record(record)
    assert expectation(out) == ("will win", 7, 15)
    assert messages == []
    record = sentence([claim(expectation={"quote": "will win", "start": 7, "end": "15"})])
    assert expectation(format_record(record)[0]) == ("will win", 7, 15)


def test_evidence_takes_the_sentence_id_only_when_it_is_a_string() -> None:
    record = sentence([claim(evidence=[{"quote": "says Russia", "type": "statement"}])])
    record["id"] = 5
    out, _ = format_record(record)
    assert out["claims"][0]["evidence"][0]["sentence"] is None


def test_a_missing_start_or_end_is_filled_even_when_the_other_matches() -> None:
    out, _ = format_record(sentence([claim(expectation={"quote": "Russia", "end": 6})]))
    # "Russia" occurs twice: without a start it is ambiguous, and nothing is filled.
    assert expectation(out) == ("Russia", None, 6)
    out, _ = format_record(
        sentence([claim(expectation={"quote": "Russia will", "end": 11, "type": "belief"})])
    )
    assert expectation(out) == ("Russia will", 0, 11)
    out, _ = format_record(
        sentence([claim(expectation={"quote": "says Russia.", "start": 25, "type": "belief"})])
    )
    assert expectation(out) == ("says Russia.", 25, 37)


@pytest.mark.parametrize("quote", ["   ", 5, None])
def test_blank_or_non_string_quotes_are_left_alone(quote: Any) -> None:
    record = sentence([claim(expectation={"quote": quote, "type": "belief"})])
    out, messages = format_record(record)
    assert out["claims"][0]["expectation"]["quote"] == quote
    assert messages == []


def test_evidence_gets_its_sentence_and_is_anchored_in_it() -> None:
    other = "Tanks crossed the border."
    record = sentence(
        [
            claim(
                evidence=[
                    5,  # not an object: kept, skipped
                    {"quote": "says Russia", "type": "statement"},
                    {"quote": "crossed", "sentence": "d:0001", "type": "event"},
                    {"quote": "border", "sentence": "d:0009", "type": "event"},
                ]
            )
        ]
    )
    out, messages = format_record(record, {"d:0001": other})
    evidence = out["claims"][0]["evidence"]
    assert evidence[0] == 5
    assert evidence[1] == {
        "quote": "says Russia",
        "sentence": "d:0000",
        "start": 25,
        "end": 36,
        "type": "statement",
    }
    assert (evidence[2]["start"], evidence[2]["end"]) == (6, 13)
    assert (evidence[3]["start"], evidence[3]["end"]) == (None, None)  # unknown sentence
    assert messages == []
    # Without the other sentences' texts, own-sentence evidence is still anchored.
    out, _ = format_record(record)
    evidence = out["claims"][0]["evidence"]
    assert (evidence[1]["start"], evidence[2]["start"]) == (25, None)


def test_notes_name_the_span_they_are_about() -> None:
    record = sentence(
        [
            claim(
                evidence=[{"quote": "Russia", "start": 29, "end": 35, "type": "statement"}],
                hedge={
                    "certainty": "certain",
                    "cues": [{"quote": "will  win", "kind": "booster", "start": 1, "end": 2}],
                },
            )
        ]
    )
    _, messages = format_record(record)
    assert messages == [
        "claims[0].evidence[0]: re-anchored 'Russia' from 29..35 to 30..36 (the occurrence "
        "nearest the old start)",
        "claims[0].hedge.cues[0]: re-anchored 'will  win' from 1..2 to 7..15 (the occurrence "
        "nearest the old start)",
        "claims[0].hedge.cues[0]: quote rewritten to the exact text 'will win'",
    ]


def test_odd_shapes_are_kept_for_validate_to_report() -> None:
    record = sentence([5, claim(id=None, actor="russia", evidence=None)], text=7)
    out, messages = format_record(record)
    assert out["claims"][0] == 5
    assert out["claims"][1]["id"] == "c1"
    assert out["claims"][1]["actor"] == "russia"
    assert out["claims"][1]["evidence"] is None
    assert messages == ["claims[1]: assigned id c1"]


def test_records_of_other_kinds_get_no_claim_treatment() -> None:
    actor = {"id": "x", "name": "X", "claims": [{"actor": {"ref": "x"}}]}
    out, messages = format_record(actor, model=Actor)
    assert out["claims"] == [{"actor": {"ref": "x"}}]
    assert messages == []
    assert format_record([1, 2], model=SentenceRecord) == ([1, 2], [])


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True)


def test_format_text_numbers_its_notes_and_keeps_every_line() -> None:
    one = sentence([claim(id=None)])
    two = sentence([claim(id=None)], sid="d:0001")
    data = f"{_line(one)}\n\n{_line(two)}\n".encode()
    new, messages, _ = format_text(data, SentenceRecord, "a.jsonl")
    assert new is not None
    assert [json.loads(line)["id"] for line in new.decode().splitlines()] == ["d:0000", "d:0001"]
    assert messages == [
        "a.jsonl:1: claims[0]: assigned id c1",
        "a.jsonl:3: claims[0]: assigned id c1",
    ]


def test_format_text_says_what_it_normalized() -> None:
    record = _line(sentence([]))
    new, messages, _ = format_text(f"\ufeff{record}\r\n{record}\r\n".encode(), SentenceRecord, "a")
    assert messages == ["a: removed the byte order mark", "a: converted CRLF line endings to LF"]
    assert new is not None and b"\r" not in new and not new.startswith(b"\xef")
    _, messages, _ = format_text(f"{record}\n".encode(), SentenceRecord, "a")
    assert messages == []


def test_diff_shows_exactly_the_changed_lines(new_project: Project) -> None:
    record = sentence([])
    path = new_project.annotations_dir / "d.jsonl"
    canonical, _, _ = format_text(json.dumps(record).encode(), SentenceRecord, "x")
    assert canonical is not None
    path.write_bytes("\ufeff".encode() + canonical + _line(record).encode() + b"\n")
    result = fmt(new_project, diff=True)
    (changed,) = result.changed
    new_line = canonical.decode()
    assert changed.diff == (
        "--- a/corpus/annotations/d.jsonl\n"
        "+++ b/corpus/annotations/d.jsonl\n"
        "@@ -1,2 +1,2 @@\n"
        f" {new_line}"
        f"-{_line(record)}\n"
        f"+{new_line}"
    )


def test_files_are_formatted_in_path_order(new_project: Project) -> None:
    (new_project.annotations_dir / "b.jsonl").write_text(_line(sentence([])) + "\n", "utf-8")
    (new_project.annotations_dir / "a.jsonl").write_text(_line(sentence([])) + "\n", "utf-8")
    new_project.documents_path.write_text('{"sha256": null, "id": "d"}\n', "utf-8")
    new_project.actors_path.write_text('{"name": "X", "id": "x"}\n', "utf-8")
    result = fmt(new_project, check=True)
    assert [f.path for f in result.files] == [
        "corpus/actors.jsonl",
        "corpus/annotations/a.jsonl",
        "corpus/annotations/b.jsonl",
        "corpus/annotators.jsonl",
        "corpus/documents.jsonl",
    ]


def test_a_path_that_is_not_a_data_file_is_a_usage_error(new_project: Project) -> None:
    seed = new_project.seeds_dir / "x.txt"
    seed.write_text("Text.\n", "utf-8")
    with pytest.raises(UsageError) as caught:
        fmt(new_project, [Path(seed)])
    assert str(caught.value) == (
        "seeds/x.txt: not a file claimset formats "
        "(corpus/annotations/*.jsonl, agreement/<annotator>/<doc>.jsonl, corpus/actors.jsonl, "
        "corpus/documents.jsonl, corpus/annotators.jsonl)"
    )


def test_shapes_that_hold_no_spans_pass_through() -> None:
    record = sentence([claim(expectation="will win", hedge={"certainty": "certain", "cues": [3]})])
    out, messages = format_record(record)
    assert out["claims"][0]["expectation"] == "will win"
    assert out["claims"][0]["hedge"]["cues"] == [3]
    assert messages == []
    record = sentence([])
    record["claims"] = {"not": "a list"}
    assert format_record(record) == (record, [])


def test_a_lone_surrogate_is_refused() -> None:
    line = json.dumps(sentence([]))[:-1] + ', "note": "\\ud800"}'
    new, messages, _ = format_text(line.encode(), SentenceRecord, "a.jsonl")
    assert new is None
    assert messages == ["a.jsonl: a string holds a lone surrogate (\\ud800-\\udfff escape)"]


def test_a_missing_registry_file_is_not_a_target(new_project: Project) -> None:
    new_project.documents_path.unlink()
    files = ["corpus/actors.jsonl", "corpus/annotators.jsonl"]
    assert [f.path for f in fmt(new_project).files] == files
    new_project.annotators_path.unlink()
    assert [f.path for f in fmt(new_project).files] == ["corpus/actors.jsonl"]


def _expectation_notes(span: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    out, notes = canonical_record(sentence([claim(expectation=span)]), None, SentenceRecord)
    return out["claims"][0]["expectation"], notes


def test_an_occurrence_anchors_its_quote_and_is_then_dropped() -> None:
    for number, start in ((1, 0), (2, 30)):
        span, notes = _expectation_notes({"quote": "Russia", "occurrence": number})
        assert (span["start"], span["end"], "occurrence" in span) == (start, start + 6, False)
        assert notes.messages == [
            f"claims[0].expectation: occurrence {number} of 'Russia' anchored at "
            f"{start}..{start + 6}"
        ]
    # The occurrence wins over offsets that hold another one.
    span, notes = _expectation_notes({"quote": "Russia", "start": 30, "end": 36, "occurrence": 1})
    assert (span["start"], span["end"], "occurrence" in span) == (0, 6, False)
    assert notes.messages == ["claims[0].expectation: occurrence 1 of 'Russia' anchored at 0..6"]


def test_an_occurrence_past_the_last_is_left_unanchored_with_every_occurrence_listed() -> None:
    span, notes = _expectation_notes({"quote": "Russia", "occurrence": 3})
    assert (span["start"], span["end"], span["occurrence"]) == (None, None, 3)
    assert notes.messages == [
        "claims[0].expectation: there is no occurrence 3 of 'Russia': it occurs 2 time(s): "
        "1) '[Russia] will win the war,…' (start 0), 2) '…win the war, says [Russia].' "
        "(start 30): left unanchored"
    ]
    assert notes.unanchored == 1


@pytest.mark.parametrize("occurrence", ["2", 0, -1, True, 2.0])
def test_an_occurrence_that_is_no_counting_number_is_left_for_validate(occurrence: Any) -> None:
    span, notes = _expectation_notes({"quote": "Russia", "occurrence": occurrence})
    assert (span["start"], span["end"], span["occurrence"]) == (None, None, occurrence)
    assert (notes.messages, notes.unanchored) == ([], 0)


def test_a_null_occurrence_keeps_offsets_that_hold() -> None:
    span, notes = _expectation_notes(
        {"quote": "Russia", "start": 30, "end": 36, "occurrence": None}
    )
    assert (span["start"], span["end"]) == (30, 36)
    assert (notes.messages, notes.unanchored) == ([], 0)


def _both_paths(record: Any, texts: dict[str, str] | None) -> None:
    """`record_line` (straight from the record when nothing is to be anchored or numbered)
    writes what the general path writes: `canonical_record`, then `jsonio.dumps`."""
    out, notes = canonical_record(record, texts, SentenceRecord)
    line, line_notes = record_line(record, texts, SentenceRecord)
    assert line == dumps(out)
    assert (line_notes.messages, line_notes.unanchored) == (notes.messages, notes.unanchored)


#: The fuzzer's records' texts by id: evidence that cites another sentence is anchored in it.
TEXTS = {r["id"]: r["text"] for r in RECORDS}


@settings(max_examples=300, deadline=None)
@given(line=mutated_record(), seed=st.integers(0, 9), known=st.booleans())
def test_the_quick_line_is_the_general_one(line: str, seed: int, known: bool) -> None:
    record = json.loads(line)
    texts = TEXTS if known else None
    _both_paths(record, texts)
    arrange = random.Random(seed).shuffle
    _both_paths(without_defaults(record, SentenceRecord, arrange), texts)


@pytest.mark.parametrize(
    "change",
    [
        {"id": None},  # numbered
        {"expectation": {"quote": "win the war", "type": "prediction"}},  # anchored
        {"expectation": {"quote": "win", "start": 0, "end": 3, "type": "prediction"}},  # moved
        {"expectation": {"quote": "Russia", "occurrence": 2, "type": "prediction"}},
        {"actor": {"ref": "russia", "quote": "Russia"}},
        {"evidence": [{"quote": "says Russia", "type": "report"}]},  # names its sentence
        {"evidence": [{"quote": "says Russia", "sentence": "d:0000", "type": "report"}]},
        {"evidence": [{"quote": "Other", "sentence": "d:0001", "type": "report"}]},
        {"hedge": {"certainty": "probable", "cues": [{"quote": "will", "kind": "hedge"}]}},
        {"hedge": {"certainty": "probable", "cues": "will"}},
        {"evidence": 3},
        {"hedge": 3},
    ],
)
def test_each_change_fmt_makes_takes_the_general_path(change: dict[str, Any]) -> None:
    for texts in (None, {"d:0001": "Other text."}):
        for text in (TEXT, None, 3):
            for sid in ("d:0000", 5):
                record = sentence([claim(**change)], text, sid)
                _both_paths(record, texts)
                _both_paths({k: v for k, v in record.items() if k != "claims"}, texts)
                _both_paths(without_defaults(record, SentenceRecord, list.reverse), texts)
    done = sentence(
        [claim(expectation={"quote": "will", "start": 7, "end": 11, "type": "prediction"})]
    )
    assert settled(done, None) and not settled(sentence([claim(**change)]), None)


def _quick_is_general(line: bytes, texts: dict[str, str] | None) -> bool:
    """`quick_line` gives what the general path gives (strict parse, `record_line`), or None;
    whether it gave a line."""
    quick = quick_line(line, texts, SentenceRecord)
    if quick is None:
        return False
    record = loads_strict(line.decode("utf-8"))
    out, notes = record_line(record, texts, SentenceRecord)
    assert quick == (record, out) and not notes.messages
    return True


@settings(max_examples=300, deadline=None)
@given(line=mutated_record(), seed=st.integers(0, 9), known=st.booleans())
def test_the_quick_path_reads_and_writes_as_the_general_one(
    line: str, seed: int, known: bool
) -> None:
    texts = TEXTS if known else None
    _quick_is_general(line.encode(), texts)
    typed = without_defaults(json.loads(line), SentenceRecord, random.Random(seed).shuffle)
    _quick_is_general(json.dumps(typed, ensure_ascii=seed % 2 == 0).encode(), texts)


def test_the_quick_path_takes_a_record_as_typed_and_leaves_what_json_reads_otherwise() -> None:
    record = sentence(
        [claim(expectation={"quote": "will", "start": 7, "end": 11, "type": "prediction"})]
    )
    typed = json.dumps(without_defaults(record, SentenceRecord, list.reverse))
    assert _quick_is_general(typed.encode(), None)
    refused = [
        typed.replace('"doc"', '"id": "d:0009", "doc"'),  # a repeated key: orjson keeps the last
        typed.replace('"ref"', '"ref": "author", "ref"'),  # in a nested object
        typed.replace('"type"', '"type": 1, "type"', 1),
        # a repeated key beside an escaped colon: the colons would add up
        typed.replace('"doc"', '"id": "d\\u003a9", "doc"'),
        typed.replace('"start": 0', '"start": 123456789012345678901'),  # a float to orjson
        typed.replace('"text"', '"t\\u0065xt"').replace('"doc"', '"text": 3, "doc"'),
    ]
    for line in refused:
        assert quick_line(line.encode(), None, SentenceRecord) is None, line
    # An escaped colon alone is read by the general path, with the same result.
    escaped = typed.replace("Russia will", "Russia\\u003a will").replace('"start": 7', '"start": 7')
    assert quick_line(escaped.encode(), None, SentenceRecord) is None


#: The project's annotated corpus: formatted, every span anchored, evidence near and far.
CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpus" / "annotations").glob("*.jsonl"))


def test_every_corpus_line_takes_the_quick_path_formatted_or_as_typed() -> None:
    # The point of the quick path: nothing to anchor or number, so no copy and no notes; what
    # it writes is the general path's line (held above). Evidence citing another sentence is
    # anchored in that sentence's text, as fmt finds it in its window.
    assert len(CORPUS) >= 9
    rng = random.Random(5)
    taken = 0
    for path in CORPUS:
        lines = path.read_bytes().splitlines()
        every = {r["id"]: r["text"] for r in map(json.loads, lines)}
        for line in lines:
            record = json.loads(line)
            # The other sentences' texts: a record's own sentence is its own `text`.
            texts = {rid: text for rid, text in every.items() if rid != record["id"]}
            quick = quick_line(line, texts, SentenceRecord)
            assert quick is not None and quick[1] == line.decode(), (path.name, line[:80])
            typed = without_defaults(record, SentenceRecord, rng.shuffle)
            spelled = json.dumps(typed, ensure_ascii=rng.random() < 0.5).encode()
            assert quick_line(spelled, texts, SentenceRecord) == (typed, line.decode())
            with pytest.MonkeyPatch.context() as patch:  # no general path for these
                patch.setattr(fmt_record, "canonical_record", None)
                assert record_line(typed, texts, SentenceRecord)[0] == line.decode()
            taken += bool(record.get("claims"))
    assert taken > 150  # claims of every kind: cues, evidence, actors quoted or not


def test_a_repeated_key_whose_colon_an_escaped_one_makes_up_for_takes_the_general_path() -> None:
    # The pair orjson drops takes one colon away; a `\u003a` in the value it keeps adds one to
    # the written line: the counts agree, and only the escape rule sends the line on.
    record = sentence(
        [claim(expectation={"quote": "will", "start": 7, "end": 11, "type": "prediction"})]
    )
    line = json.dumps(record)[:-1] + ', "note": "x", "note": "a\\u003ab"}'
    assert quick_line(line.encode(), None, SentenceRecord) is None
    assert quick_line(line.replace("\\u003a", "-").encode(), None, SentenceRecord) is None


@pytest.mark.parametrize("value", [[], "text", 3, None, True, [{"id": "d:0000"}]])
def test_a_line_that_is_no_record_is_written_as_the_general_path_writes_it(value: Any) -> None:
    assert not settled(value, None)
    _both_paths(value, None)
    assert quick_line(json.dumps(value).encode(), None, SentenceRecord) is None


@pytest.mark.parametrize(
    "change", [{"evidence": 3}, {"hedge": {"certainty": "probable", "cues": 3}}, {"evidence": {}}]
)
def test_a_list_of_another_type_in_an_anchored_claim_takes_the_general_path(
    change: dict[str, Any],
) -> None:
    anchored = {"quote": "will", "start": 7, "end": 11, "type": "prediction"}
    record = sentence([claim(expectation=anchored, **change)])
    assert not settled(record, None)
    _both_paths(record, None)
