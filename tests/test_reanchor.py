"""Re-anchoring: annotations carried over random edits of real essays, nothing lost.

The property (hypothesis): after any mix of insertions, deletions, typo fixes, sentence splits
and merges and paragraph moves of a seed, every claim is in the new records or an orphan, every
carried span holds its quote, every record's text is the seed's, and ids stay unique.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from claimset.reanchor import NewSentence, align, reanchor
from claimset.segment import split_sentences
from claimset.textquote import Selector, approximate, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
ESSAYS = [
    (REPO / "seeds" / "000_a59439a6f7a726ad.txt", REPO / "corpus" / "annotations"),
    *(
        (folder / "seeds" / f"{folder.name}.txt", folder / "corpus" / "annotations")
        for folder in sorted((REPO / "tests" / "data" / "essays").iterdir())
    ),
]


def load(seed: Path, annotations: Path) -> tuple[str, str, list[dict[str, Any]]]:
    doc = seed.stem
    lines = (annotations / f"{doc}.jsonl").read_text(encoding="utf-8").splitlines()
    return doc, seed.read_text(encoding="utf-8"), [json.loads(line) for line in lines]


def segments(text: str) -> list[NewSentence]:
    return [NewSentence(s.start, s.end, s.text) for s in split_sentences(text)]


def claim_count(records: list[dict[str, Any]]) -> int:
    return sum(len(r["claims"]) for r in records)


def check_spans(records: list[dict[str, Any]], seed: str) -> None:
    """Every record holds the seed's text; every span with offsets holds its quote."""
    texts = {r["id"]: r["text"] for r in records}
    assert len(texts) == len(records), "sentence ids are unique"
    for r in records:
        assert seed[r["start"] : r["end"]] == r["text"]
        for claim in r["claims"]:
            spans = [claim["actor"], claim["expectation"], *claim["hedge"]["cues"]]
            for span in spans:
                if span.get("quote") is not None and span.get("start") is not None:
                    assert r["text"][span["start"] : span["end"]] == span["quote"], (r["id"], span)
            for item in claim["evidence"]:
                if item.get("start") is not None:
                    text = texts[item["sentence"]]
                    assert text[item["start"] : item["end"]] == item["quote"], (r["id"], item)


# -- edits ------------------------------------------------------------------------------------


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def insert_sentence(text: str, k: int) -> str:
    spans = _sentence_spans(text)
    at = spans[k % len(spans)][1]
    return text[:at] + f" An inserted sentence number {k} says little." + text[at:]


def delete_sentence(text: str, k: int) -> str:
    start, end = _sentence_spans(text)[k % len(_sentence_spans(text))]
    return text[:start] + text[end:].lstrip(" ")


def fix_typo(text: str, k: int) -> str:
    words = [m.start() for m in re.finditer(r"[A-Za-z]{4,}", text)]
    at = words[k % len(words)] + 1
    kind = k % 3
    if kind == 0:
        return text[:at] + text[at + 1 :]  # a letter removed
    if kind == 1:
        return text[:at] + "x" + text[at:]  # a letter added
    return text[:at] + ("e" if text[at] != "e" else "a") + text[at + 1 :]  # one replaced


def split_a_sentence(text: str, k: int) -> str:
    commas = [m.start() for m in re.finditer(r", (?=[a-z])", text)]
    if not commas:
        return text
    at = commas[k % len(commas)]
    return text[:at] + ". " + text[at + 2].upper() + text[at + 3 :]


def merge_sentences(text: str, k: int) -> str:
    stops = [m.start() for m in re.finditer(r"[a-z]\. (?=[A-Z])", text)]
    if not stops:
        return text
    at = stops[k % len(stops)] + 1
    return text[:at] + "; and" + text[at + 1 :]


def move_paragraph(text: str, k: int) -> str:
    paragraphs = text.split("\n")
    if len(paragraphs) < 3:
        return text
    i = k % (len(paragraphs) - 1)
    moved = paragraphs.pop(i)
    paragraphs.insert((i + 2) % len(paragraphs), moved)
    return "\n".join(paragraphs)


EDITS = [insert_sentence, delete_sentence, fix_typo, split_a_sentence, merge_sentences]
EDITS.append(move_paragraph)

edit_lists = st.lists(
    st.tuples(st.sampled_from(EDITS), st.integers(min_value=0, max_value=10_000)),
    min_size=1,
    max_size=6,
)


@pytest.mark.parametrize("seed_path, annotations", ESSAYS, ids=lambda p: Path(p).stem)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=edit_lists)
def test_nothing_is_lost_and_every_carried_span_holds(
    seed_path: Path, annotations: Path, edits: list[tuple[Any, int]]
) -> None:
    doc, text, records = load(seed_path, annotations)
    for edit, k in edits:
        text = edit(text, k)
    result = reanchor(doc, records, segments(text))
    assert result.claims_after + len(result.orphans) >= claim_count(records)
    assert result.claims_after == claim_count(result.records)
    check_spans(result.records, text)
    for orphan in result.orphans:
        assert orphan.reason and orphan.claim in [c for r in records for c in r["claims"]]


@pytest.mark.parametrize("seed_path, annotations", ESSAYS, ids=lambda p: Path(p).stem)
def test_an_unchanged_seed_keeps_every_record(seed_path: Path, annotations: Path) -> None:
    doc, text, records = load(seed_path, annotations)
    result = reanchor(doc, records, segments(text))
    assert result.records == records and not result.orphans and not result.notes


def test_inserting_a_sentence_renumbers_nothing() -> None:
    doc, text, records = load(*ESSAYS[0])
    edited = insert_sentence(text, 3)
    result = reanchor(doc, records, segments(edited))
    new_ids = [r["id"] for r in result.records]
    assert len(new_ids) == len(records) + 1
    assert [i for i in new_ids if i != f"{doc}:0046"] == [r["id"] for r in records]
    assert new_ids[4] == f"{doc}:0046"  # one past the highest ordinal: no free one in between
    assert result.records[4]["status"] == "todo" and result.added == 1
    by_id = {r["id"]: r for r in result.records}
    for r in records:
        kept = by_id[r["id"]]
        assert (kept["status"], kept["claims"]) == (r["status"], r["claims"])


def test_a_deleted_record_comes_back_as_todo_with_its_id() -> None:
    doc, text, records = load(*ESSAYS[0])
    gone = records.pop(5)
    result = reanchor(doc, records, segments(text))
    back = result.records[5]
    assert (back["id"], back["text"], back["status"]) == (gone["id"], gone["text"], "todo")


def test_a_typo_fix_inside_a_quote_is_a_reported_fuzzy_match() -> None:
    doc, text, records = load(*ESSAYS[0])
    result = reanchor(doc, records, segments(text.replace("Russiashould", "Russia should")))
    (record,) = [r for r in result.records if "Russia should formulate" in r["text"]]
    assert record["status"] == "draft"  # the expectation changed: a person looks again
    assert record["claims"][0]["expectation"]["quote"].startswith("Russia should formulate")
    assert any("fuzzy match" in note and "1 edits" in note for note in result.notes)
    assert result.changed == 1 and not result.orphans


def test_a_typo_fix_outside_every_quote_keeps_the_status() -> None:
    doc, text, records = load(*ESSAYS[0])
    target = records[3]
    assert target["status"] == "done"
    edited = text.replace("First, Seoul hopes", "Firstly, Seoul hopes", 1)
    result = reanchor(doc, records, segments(edited))
    kept = result.records[3]
    assert kept["id"] == target["id"] and kept["status"] == "done"
    assert [c["id"] for c in kept["claims"]] == [c["id"] for c in target["claims"]]


def test_a_moved_paragraph_keeps_ids_and_claims() -> None:
    doc, text, records = load(*ESSAYS[0])
    edited = move_paragraph(text, 0)
    assert edited != text
    result = reanchor(doc, records, segments(edited))
    assert sorted(r["id"] for r in result.records) == sorted(r["id"] for r in records)
    assert not result.orphans and result.claims_after == claim_count(records)
    assert all(
        r["status"] == o["status"] for r in result.records for o in records if o["id"] == r["id"]
    )


def test_claims_follow_their_half_of_a_split_sentence() -> None:
    old = [
        {
            "id": "d:0000",
            "doc": "d",
            "start": 0,
            "end": 60,
            "text": "Seoul hopes Moscow will help it, and Tokyo fears a long war.",
            "status": "done",
            "annotator": "ann1",
            "claims": [
                _claim("c1", "Seoul", "Moscow will help it"),
                _claim("c2", "Tokyo", "a long war"),
            ],
        }
    ]
    text = "Seoul hopes Moscow will help it. Tokyo fears a long war."
    result = reanchor("d", old, segments(text))
    first, second = result.records
    assert first["id"] == "d:0000" and [c["id"] for c in first["claims"]] == ["c1"]
    assert second["id"] == "d:0001" and [c["id"] for c in second["claims"]] == ["c2"]
    assert second["status"] == "draft" and second["annotator"] == "ann1"
    assert first["status"] == "draft"  # it lost a claim: a person looks again
    check_spans(result.records, text)


def test_evidence_in_a_deleted_sentence_is_found_where_it_went() -> None:
    claim = _claim("c1", "Seoul", "Moscow will help")
    claim["evidence"] = [
        {
            "quote": "Moscow helped in 2008",
            "sentence": "d:0001",
            "start": 0,
            "end": 21,
            "type": "event",
        }
    ]
    old = [
        _record("d:0000", 0, "Seoul hopes Moscow will help.", [claim]),
        _record("d:0001", 30, "Moscow helped in 2008 twice.", []),
        _record("d:0002", 59, "That is all we know about the matter here.", []),
    ]
    text = (
        "Seoul hopes Moscow will help. "
        "That is all we know about the matter here, since Moscow helped in 2008."
    )
    result = reanchor("d", old, segments(text))
    (host,) = [r for r in result.records if r["claims"]]
    (item,) = host["claims"][0]["evidence"]
    target = {r["id"]: r for r in result.records}[item["sentence"]]
    assert target["text"][item["start"] : item["end"]] == "Moscow helped in 2008"
    assert item["sentence"] == "d:0002"  # the id of the sentence that now holds it
    assert host["status"] == "draft"  # its evidence moved: a person looks again


def test_an_unplaceable_claim_is_an_orphan_with_its_reason() -> None:
    old = [
        _record(
            "d:0000",
            0,
            "Seoul hopes Moscow will help.",
            [_claim("c1", "Seoul", "Moscow will help")],
        ),
        _record("d:0001", 30, "That is all.", []),
    ]
    result = reanchor("d", old, segments("That is all."))
    (orphan,) = result.orphans
    assert orphan.sentence == "d:0000" and orphan.text == "Seoul hopes Moscow will help."
    assert "not in the new text" in orphan.reason or "removed" in orphan.reason
    assert orphan.record("d")["claim"]["id"] == "c1"
    assert result.records[0]["id"] == "d:0001"


def _claim(cid: str, actor: str, expectation: str) -> dict[str, Any]:
    return {
        "id": cid,
        "actor": {"ref": "x", "quote": actor, "start": None, "end": None},
        "expectation": {
            "quote": expectation,
            "start": None,
            "end": None,
            "type": "desire",
            "target": None,
        },
        "evidence": [],
        "hedge": {"certainty": "certain", "cues": []},
        "polarity": "positive",
        "origin": "human",
    }


def _record(rid: str, start: int, text: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": rid,
        "doc": "d",
        "start": start,
        "end": start + len(text),
        "text": text,
        "status": "done",
        "annotator": "ann1",
        "claims": claims,
    }


# -- the selector -----------------------------------------------------------------------------


def test_context_chooses_among_occurrences() -> None:
    old = "Russia wants peace, but Russia fears war."
    selector = Selector.of(old, "Russia", 24, 30)
    hit = resolve(selector, "Indeed Russia wants peace, but Russia fears war.")
    assert hit is not None and (hit.start, hit.how) == (31, "exact")


def test_fuzzy_is_bounded_and_only_when_allowed() -> None:
    selector = Selector.of("Russiashould act now.", "Russiashould act", 0, 16)
    assert resolve(selector, "Russia should act now.") is None
    hit = resolve(selector, "Russia should act now.", fuzzy=True)
    assert hit is not None and (hit.quote, hit.how, hit.edits) == ("Russia should act", "fuzzy", 1)
    assert resolve(selector, "Something else entirely.", fuzzy=True) is None
    assert approximate("abc", "xyz", 1) is None


def test_align_pairs_edited_and_moved_sentences() -> None:
    same, edited = align(["A a a.", "B b b.", "C c c."], ["C c c.", "A a a.", "B b x."])
    assert same == {0: 1, 2: 0} and edited == {1: 2}
