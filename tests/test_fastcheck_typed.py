"""Records as typed (keys in another order, defaults left out) with evidence take the fast
path's record checks as their canonical lines do: `fast_path.accepts`, not only
`accepts_canonical`."""

from __future__ import annotations

from pathlib import Path

from claimset.models import SentenceRecord
from claimset.validate import fast_path, validate
from test_fastcheck import fixture_records, quick_calls, typed_file, with_records


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
