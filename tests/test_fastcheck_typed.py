"""Records as typed (keys in another order, defaults left out) with evidence take the fast
path's record checks as their canonical lines do: `fast_path.accepts`, not only
`accepts_canonical`."""

from __future__ import annotations

from pathlib import Path

from claimset.models import SentenceRecord
from claimset.project import Project
from claimset.validate import fast_path, validate
from test_fastcheck import (
    fixture_records,
    quick_calls,
    rejected_by_the_fast_path,
    typed_file,
    with_records,
)


def test_typed_evidence_in_an_earlier_and_in_its_own_sentence_stays_on_the_fast_path(
    tmp_path: Path,
) -> None:
    records = fixture_records()
    earlier = {"quote": "Seoul", "sentence": "demo:0000", "start": 0, "end": 5, "type": "event"}
    own = {"quote": "Tokyo", "sentence": "demo:0003", "start": 0, "end": 5, "type": "event"}
    records[3]["claims"][0]["evidence"] = [earlier, own]
    project = with_records(tmp_path, records)
    path = project.annotation_path("demo")
    path.write_bytes(typed_file(path.read_bytes(), SentenceRecord))
    # Line 4 is off the canonical pattern, so `accepts` (not `accepts_canonical`) saw it.
    line = path.read_bytes().split(b"\n")[3]
    assert not fast_path.canonical_and_valid(SentenceRecord, line)
    assert (4, True) in quick_calls(project)
    assert validate(project).valid


def _typed(project: Project) -> Project:
    path = project.annotation_path("demo")
    path.write_bytes(typed_file(path.read_bytes(), SentenceRecord))
    return project


def test_typed_actor_offsets_without_a_quote_are_refused(tmp_path: Path) -> None:
    for offsets in ((0, 6), (0, None), (None, 6)):
        records = fixture_records()
        actor = records[2]["claims"][0]["actor"]
        actor["start"], actor["end"] = offsets
        project = _typed(with_records(tmp_path / str(offsets), records))
        assert rejected_by_the_fast_path(project, 3) == [
            ("claims[0].actor.start", "offset-mismatch")
        ]


def test_typed_cue_with_one_offset_is_refused(tmp_path: Path) -> None:
    # text[None:end] would be the quote: the missing start must still send it on.
    records = fixture_records()
    text = records[3]["text"]
    cue = {"quote": text[:5], "start": None, "end": 5, "kind": "hedge"}
    records[3]["claims"][0]["hedge"] = {"certainty": "probable", "cues": [cue]}
    project = _typed(with_records(tmp_path, records))
    codes = [code for _, code in rejected_by_the_fast_path(project, 4)]
    assert codes and set(codes) <= {"unanchored", "offset-mismatch"}
