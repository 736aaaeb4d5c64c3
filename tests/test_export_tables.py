"""The export's table building on its own: the checks behind validation, the read-ahead thread,
the documents' batches, and the Parquet row groups.

Validation runs before (or alongside) the tables and explains a bad line better, so through
`export` these checks are never the ones that speak; here each one is reached directly, on the
fixture project of `test_export.py` broken by hand.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from claimset.errors import ClaimsetError
from claimset.export import tables
from claimset.export.paths import ROW_GROUP_ROWS
from claimset.export.writer import SplitWriter
from claimset.project import Project
from test_export import ALPHA, make_export_project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_export_project(tmp_path / "proj")


def _docs(project: Project, statuses: tuple[str, ...] = tables.CLAIM_STATUSES) -> list[str]:
    return [t.doc for t in tables.document_tables(project, statuses)]


def _edit_claim(project: Project, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the first claim of alpha's record 3 (it has evidence and two cues) on disk."""
    path = project.annotation_path("alpha")
    records = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    change(records[3]["claims"][0])
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")


# Blank lines are no records: validate accepts them, however many (over 4 KiB too).
@pytest.mark.parametrize("content", ["", "\n \n", "\n" * 5000, " " * (1 << 16) + "\n"])
def test_an_empty_annotation_file_gives_no_rows(project: Project, content: str) -> None:
    project.annotation_path("gamma").write_text(content, "utf-8")
    blocks = list(tables.document_tables(project, tables.CLAIM_STATUSES))
    assert [b.doc for b in blocks] == ["alpha", "beta"]
    assert [b.claims.num_rows for b in blocks] == [2, 2]


def test_a_file_arrow_cannot_read_is_named(project: Project) -> None:
    path = project.annotation_path("beta")
    path.write_text(path.read_text("utf-8") + "{not json\n", "utf-8")
    with pytest.raises(ClaimsetError, match=r"^beta\.jsonl: not readable as JSONL records \("):
        _docs(project)


def test_a_label_outside_its_set_is_refused(project: Project) -> None:
    _edit_claim(project, lambda claim: claim["expectation"].update(type="hope"))
    with pytest.raises(ClaimsetError) as caught:
        _docs(project)
    assert str(caught.value) == (
        "type: a value outside "
        "['desire', 'intention', 'prediction', 'belief', 'demand', 'obligation', 'other']"
    )


def test_missing_offsets_and_ids_are_counted_by_kind(project: Project) -> None:
    def unanchor(claim: dict[str, Any]) -> None:
        claim["id"] = None
        claim["expectation"]["start"] = None
        claim["evidence"][0]["start"] = None
        claim["hedge"]["cues"][1]["start"] = None
        claim["actor"]["quote"] = "Russia"  # a quote without offsets (the author had none)

    _edit_claim(project, unanchor)
    with pytest.raises(ClaimsetError) as caught:
        _docs(project)
    assert str(caught.value) == (
        "corpus/annotations/alpha.jsonl: missing 1 claim ids, 1 actor offsets, 1 expectation "
        "offsets, 1 evidence offsets, 1 cue offsets: run `claimset fmt` (it fills offsets and "
        "claim ids), then export again"
    )


def test_an_implicit_actor_needs_no_offsets(project: Project) -> None:
    # The implicit actor (the author, no quote) has no offsets: that is not missing.
    assert _docs(project) == ["alpha", "beta", "gamma"]
    claims = next(tables.document_tables(project, tables.CLAIM_STATUSES)).claims
    assert claims.column("actor_quote").to_pylist() == ["Seoul", None]


def test_drafts_are_claims_only_when_asked_for(project: Project) -> None:
    def rows(statuses: tuple[str, ...]) -> list[int]:
        return [t.claims.num_rows for t in tables.document_tables(project, statuses)]

    assert rows(tables.CLAIM_STATUSES) == [2, 2, 0]
    assert rows(tables.CLAIM_STATUSES + tables.DRAFT_STATUSES) == [3, 2, 0]


# -- the read-ahead thread -----------------------------------------------------------------------


def _readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "claimset-export-read"]


def test_read_ahead_keeps_the_order_while_the_consumer_is_slow() -> None:
    got = []
    for item in tables._read_ahead(iter(range(6)), 2):
        got.append(item)
        if item == 0:
            time.sleep(0.3)  # the producer meets a full queue and waits its turn
    assert got == list(range(6))
    assert _readers() == []


def test_read_ahead_hands_the_producers_error_to_the_consumer() -> None:
    def items() -> Iterator[int]:
        yield 1
        raise ClaimsetError("broken block")

    got = []
    with pytest.raises(ClaimsetError, match=r"^broken block$"):
        for item in tables._read_ahead(items(), 2):
            got.append(item)
    assert got == [1]
    assert _readers() == []


def test_read_ahead_stops_its_thread_when_the_consumer_stops() -> None:
    produced = []

    def items() -> Iterator[int]:
        for i in range(1000):
            produced.append(i)
            yield i

    reader = tables._read_ahead(items(), 2)
    assert next(reader) == 0
    time.sleep(0.2)
    reader.close()
    assert _readers() == []
    assert len(produced) <= 5  # two in the queue, one waiting to be put, not the thousand


# -- documents and actors ------------------------------------------------------------------------


def test_a_document_without_its_seed_is_refused(project: Project) -> None:
    project.seed_path("beta").unlink()
    with pytest.raises(ClaimsetError) as caught:
        tables.documents_and_actors(project)
    assert str(caught.value) == "corpus/documents.jsonl: document 'beta' has no seed beta.txt"


def test_a_project_without_documents_or_actors_files(project: Project) -> None:
    documents, actors = tables.documents_and_actors(project)
    assert [d["id"] for d in documents] == ["alpha", "beta", "gamma"]
    assert [a["id"] for a in actors][:2] == ["author", "russia"]
    project.actors_path.unlink()
    assert tables.documents_and_actors(project) == (documents, [])
    project.documents_path.unlink()
    assert tables.documents_and_actors(project) == ([], [])


@pytest.mark.parametrize(
    ("limit", "batches"),
    [
        (1, [["alpha"], ["beta"], ["gamma"]]),  # every document over the limit: one each
        (300, [["alpha", "beta"], ["gamma"]]),  # alpha under 300 characters, beta over
        (len(ALPHA), [["alpha"], ["beta", "gamma"]]),  # alpha reaches the limit exactly
        (len(ALPHA) + 1, [["alpha", "beta"], ["gamma"]]),  # one character short of it
        (10_000, [["alpha", "beta", "gamma"]]),
    ],
)
def test_documents_are_batched_whole_by_their_text(
    project: Project, monkeypatch: pytest.MonkeyPatch, limit: int, batches: list[list[str]]
) -> None:
    monkeypatch.setattr(tables, "DOCUMENT_BATCH_CHARS", limit)
    documents, _ = tables.documents_and_actors(project)
    got = list(tables.document_batches(project, documents))
    assert [b.column("id").to_pylist() for b in got] == batches
    texts = [t for b in got for t in b.column("text").to_pylist()]
    seeds = [project.seed_path(d).read_bytes().decode("utf-8-sig") for d in ("alpha", "beta")]
    assert texts[:2] == seeds  # the BOM removed, CRLF kept
    assert [b.schema for b in got] == [tables.arrow_schema("documents")] * len(got)


# -- the Parquet row groups ----------------------------------------------------------------------


def _sentences(n: int, start: int = 0) -> pa.Table:
    rows = [
        {"id": f"d:{i:06d}", "doc": "d", "index": i, "start": i, "end": i + 1, "text": "x"}
        for i in range(start, start + n)
    ]
    raw = pa.Table.from_pylist(rows, schema=tables.jsonl_schema("sentences"))
    return tables.typed_table(raw, "sentences")


def test_row_groups_hold_row_group_rows_each(tmp_path: Path) -> None:
    writer = SplitWriter(tmp_path, "sentences", "train")
    writer.add(_sentences(0))  # nothing: no file yet
    assert not writer.path.exists()
    sizes = [ROW_GROUP_ROWS - 1, 2, ROW_GROUP_ROWS + 3, 7]
    start = 0
    for n in sizes:
        writer.add(_sentences(n, start))
        start += n
    writer.close()
    with pq.ParquetFile(writer.path) as parquet:
        groups = [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)]
        ids = parquet.read().column("id").to_pylist()
    assert groups == [ROW_GROUP_ROWS, ROW_GROUP_ROWS, 11]
    assert ids == [f"d:{i:06d}" for i in range(start)]
    assert writer.rows == start


def test_a_split_without_rows_leaves_no_file(tmp_path: Path) -> None:
    writer = SplitWriter(tmp_path, "sentences", "test")
    writer.add(_sentences(0))
    writer.close()
    assert list(tmp_path.rglob("*")) == [] and writer.rows == 0


def test_large_rows_are_written_before_a_row_group_fills(tmp_path: Path) -> None:
    # A `documents` row holds a whole essay: the writer flushes on bytes too, not only rows.
    text = "word " * (2 << 20)  # 10 MiB: over the 8 MiB buffer
    row = {"id": "big", "title": "Big", "sha256": "0" * 64, "sentence_count": 1, "text": text}
    raw = pa.Table.from_pylist([row], schema=tables.jsonl_schema("documents"))
    writer = SplitWriter(tmp_path, "documents", "train")
    writer.add(tables.typed_table(raw, "documents"))
    assert writer.path.is_file() and writer.buffered == 0 and writer.pending == []
    small = dict(row, id="small", text="tiny")
    writer.add(
        tables.typed_table(
            pa.Table.from_pylist([small], schema=tables.jsonl_schema("documents")), "documents"
        )
    )
    assert writer.buffered == 1
    writer.close()
    with pq.ParquetFile(writer.path) as parquet:
        assert parquet.num_row_groups == 2
        assert parquet.read().column("id").to_pylist() == ["big", "small"]


# -- the index of a file's sentences, for evidence cited across blocks -----------------------------


def test_the_sentence_index_reads_the_file_once_and_only_for_an_unknown_sentence(
    project: Project,
) -> None:
    path = project.annotation_path("alpha")
    starts = {r["id"]: r["start"] for r in map(json.loads, path.read_text("utf-8").splitlines())}
    first = next(tables.document_tables(project, tables.CLAIM_STATUSES)).sentences
    index = tables.SentenceStarts(path)
    index.add(first.slice(0, 2))  # the block read so far: alpha:0000 and alpha:0001
    path.rename(path.with_suffix(".gone"))  # from here on, any read of the file fails
    assert index.get("alpha:0001") == starts["alpha:0001"]  # known: the file is not read
    path.with_suffix(".gone").rename(path)
    assert index.get("alpha:0004") == starts["alpha:0004"]  # further down: the file read whole
    path.unlink()
    assert index.get("alpha:0003") == starts["alpha:0003"]  # read once, not again
    assert index.get("alpha:0009") is None  # not in the file at all: no second reading either
    index.add(first)  # a later block adds nothing to a complete index
    assert index.known == starts
