"""The record merge behind `claimset merge` (git's merge driver), on hand-made versions."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from claimset import jsonio
from claimset.merge import CONFLICTS, Unmergeable, merge_files, merge_records

DOC = "d"


def sentence(n: int, *, claims: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": f"{DOC}:{n:04d}",
        "doc": DOC,
        "start": n * 10,
        "end": n * 10 + 9,
        "text": f"Sentence {n}.",
        "status": "todo",
        "annotator": None,
        "claims": claims or [],
    }
    record.update(extra)
    return record


def claim(claim_id: str, kind: str = "belief", quote: str = "Sentence") -> dict[str, Any]:
    return {
        "id": claim_id,
        "actor": {"ref": "author", "quote": None, "start": None, "end": None},
        "expectation": {
            "quote": quote,
            "start": 0,
            "end": len(quote),
            "type": kind,
            "target": None,
        },
        "evidence": [],
        "hedge": {"certainty": "certain", "cues": []},
        "polarity": "positive",
        "origin": "human",
    }


BASE = [sentence(n) for n in range(4)]


def edited(records: list[dict[str, Any]], n: int, **changes: Any) -> list[dict[str, Any]]:
    out = copy.deepcopy(records)
    out[n].update(changes)
    return out


def test_adjacent_sentences_merge_without_conflict() -> None:
    ours = edited(BASE, 1, status="done", annotator="ann1", claims=[claim("c1")])
    theirs = edited(BASE, 2, status="done", annotator="ann2", claims=[claim("c1", "desire")])
    result = merge_records(BASE, ours, theirs)
    assert result.conflicts == []
    assert result.records[1] == ours[1]
    assert result.records[2] == theirs[2]
    assert [r["id"] for r in result.records] == [r["id"] for r in BASE]


def test_identical_changes_are_one_change() -> None:
    ours = edited(BASE, 1, status="done", annotator="ann1", claims=[claim("c1")])
    result = merge_records(BASE, ours, copy.deepcopy(ours))
    assert result.conflicts == []
    assert result.records == ours


def test_claims_added_on_both_sides_are_both_kept() -> None:
    base = edited(BASE, 0, claims=[claim("c1")])
    ours = edited(base, 0, claims=[claim("c1"), claim("c2", "desire")])
    theirs = edited(base, 0, claims=[claim("c1"), claim("c2", "demand")])
    result = merge_records(base, ours, theirs)
    assert result.conflicts == []
    merged = result.records[0]["claims"]
    assert [c["id"] for c in merged] == ["c1", "c2", "c3"]
    assert [c["expectation"]["type"] for c in merged] == ["belief", "desire", "demand"]


def test_different_fields_of_one_claim_merge() -> None:
    base = edited(BASE, 0, claims=[claim("c1")])
    ours = copy.deepcopy(base)
    ours[0]["claims"][0]["expectation"]["type"] = "prediction"
    theirs = copy.deepcopy(base)
    theirs[0]["claims"][0]["polarity"] = "negative"
    result = merge_records(base, ours, theirs)
    assert result.conflicts == []
    merged = result.records[0]["claims"][0]
    assert (merged["expectation"]["type"], merged["polarity"]) == ("prediction", "negative")


def test_same_field_changed_two_ways_is_a_conflict_in_valid_json() -> None:
    base = edited(BASE, 0, claims=[claim("c1")], status="done", annotator="ann1")
    ours = copy.deepcopy(base)
    ours[0]["claims"][0]["expectation"]["type"] = "prediction"
    theirs = copy.deepcopy(base)
    theirs[0]["claims"][0]["expectation"]["type"] = "desire"
    theirs[0]["annotator"] = "ann2"
    result = merge_records(base, ours, theirs)
    record = result.records[0]
    assert record["claims"][0]["expectation"]["type"] == "prediction"  # ours stays in place
    assert record[CONFLICTS] == [
        {
            "path": "claims[c1].expectation.type",
            "base": "belief",
            "ours": "prediction",
            "theirs": "desire",
            "ours_by": "ann1",
            "theirs_by": "ann2",
        }
    ]
    assert len(result.conflicts) == 1  # annotator changed on one side only: theirs wins
    assert record["annotator"] == "ann2"
    jsonio.loads_strict(jsonio.dumps(record))


def test_deleted_on_one_side_changed_on_the_other_is_a_conflict() -> None:
    ours = [r for r in BASE if r["id"] != BASE[3]["id"]]
    theirs = edited(BASE, 3, status="done", annotator="ann2")
    result = merge_records(BASE, ours, theirs)
    assert [c.path for c in result.conflicts] == [""]
    assert result.records[-1]["status"] == "done"
    assert result.records[-1][CONFLICTS][0]["ours"] is None


def test_deleted_on_one_side_unchanged_on_the_other_is_deleted() -> None:
    ours = BASE[:3]
    result = merge_records(BASE, ours, copy.deepcopy(BASE))
    assert result.conflicts == []
    assert result.records == BASE[:3]


def test_resplit_offsets_on_one_side_and_claims_on_the_other() -> None:
    ours = copy.deepcopy(BASE)
    for record in ours:
        record["start"] += 1
        record["end"] += 1
    theirs = edited(BASE, 2, status="done", annotator="ann2", claims=[claim("c1")])
    result = merge_records(BASE, ours, theirs)
    assert result.conflicts == []
    assert [r["start"] for r in result.records] == [r["start"] for r in ours]
    assert result.records[2]["claims"] == [claim("c1")]


def test_new_records_keep_document_order() -> None:
    ours = [*BASE, sentence(9)]
    theirs = [*BASE[:2], sentence(5), *BASE[2:]]
    result = merge_records(BASE, ours, theirs)
    assert [r["start"] for r in result.records] == [0, 10, 20, 30, 50, 90]


def test_a_record_without_an_id_is_unmergeable() -> None:
    with pytest.raises(Unmergeable):
        merge_records(BASE, [{"doc": DOC}], BASE)


def test_unreadable_file_falls_back_to_a_line_merge(tmp_path: Path) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    base.write_text("not json\n")
    ours.write_text("not json\nmine\n")
    theirs.write_text("theirs\nnot json\n")
    outcome = merge_files(base, ours, theirs, name="corpus/x.jsonl")
    assert outcome.fallback is None  # non-overlapping line changes merge cleanly in git too
    assert ours.read_text() == "theirs\nnot json\nmine\n"


def test_merge_files_writes_canonical_lines(tmp_path: Path) -> None:
    base, ours, theirs = (tmp_path / n for n in ("base", "ours", "theirs"))
    jsonio.write_jsonl(base, BASE)
    jsonio.write_jsonl(ours, edited(BASE, 0, status="done", annotator="ann1"))
    jsonio.write_jsonl(theirs, edited(BASE, 1, status="done", annotator="ann2"))
    outcome = merge_files(base, ours, theirs)
    assert outcome.clean
    merged = jsonio.read_jsonl(ours)
    assert [r["annotator"] for r in merged] == ["ann1", "ann2", None, None]


def test_the_same_new_sentence_on_both_sides_is_one_record() -> None:
    # Both branches took the same seed edit: one sentence, annotated on both sides.
    added = sentence(4, status="done", annotator="ann1", claims=[claim("c1")])
    other = sentence(4, status="done", annotator="ann1", claims=[claim("c1", "desire")])
    result = merge_records(BASE, [*BASE, added], [*BASE, other])
    assert [r["id"] for r in result.records] == [f"{DOC}:{n:04d}" for n in range(5)]
    assert not result.renumbered


def test_two_new_sentences_under_one_id_are_both_kept() -> None:
    ours = [*BASE, sentence(4, text="Ours.", status="done", annotator="ann1")]
    evidence = {"sentence": f"{DOC}:0004", "quote": "Theirs", "type": "statement"}
    cited = claim("c1", quote="Sentence")
    cited["evidence"] = [evidence]
    theirs = [*edited(BASE, 0, claims=[cited]), sentence(4, text="Theirs.", annotator="ann2")]
    result = merge_records(BASE, ours, theirs)
    texts = {r["text"]: r["id"] for r in result.records}
    assert texts["Ours."] == f"{DOC}:0004" and texts["Theirs."] == f"{DOC}:0005"
    assert result.records[0]["claims"][0]["evidence"][0]["sentence"] == f"{DOC}:0005"
    assert result.needs_split and not result.conflicts
