"""The export's table building on its own: the checks behind validation, the read-ahead thread,
the documents' batches, and the Parquet row groups.

Validation runs before (or alongside) the tables and explains a bad line better, so through
`export` these checks are never the ones that speak; here each one is reached directly, on the
fixture project of `test_export.py` broken by hand.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from claimset import jsonio
from claimset.canonical import without_defaults
from claimset.errors import ClaimsetError
from claimset.export import tables
from claimset.export.paths import ROW_GROUP_ROWS
from claimset.export.writer import SplitWriter
from claimset.features import decode_labels, features
from claimset.models import SentenceRecord
from claimset.project import Project
from test_export import ALPHA, BETA, make_export_project


@pytest.fixture(autouse=True)
def _deadline() -> Iterator[None]:
    """Fail a test that runs over a minute (a read-ahead whose consumer waits forever) instead
    of hanging the suite: SIGALRM interrupts the wait on the queue or the thread's join."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("over 60 s: a read-ahead left its consumer waiting?")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


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
            # One thread, named for what it does (a stack dump of a stuck export shows it).
            assert len(_readers()) == 1
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


#: A script that takes the first item of a read-ahead and ends without closing it.
ABANDON = """
from claimset.export import tables
reader = tables._read_ahead(iter(range(100)), 2)
print(next(reader), flush=True)
"""


def test_an_abandoned_reader_does_not_keep_its_process_alive() -> None:
    # A notebook or script that stops iterating an export's tables and ends: the producing
    # thread, blocked on a full queue, must not hold the interpreter at exit.
    reader = tables._read_ahead(iter(range(100)), 2)
    assert next(reader) == 0
    reader.close()
    proc = subprocess.run(
        [sys.executable, "-c", ABANDON], capture_output=True, text=True, timeout=30
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "0\n", "")


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


@pytest.mark.parametrize(("registry", "where"), [("documents", 4), ("actors", 6)])
def test_a_broken_registry_line_is_located_in_the_project(
    project: Project, registry: str, where: int
) -> None:
    # Validation runs alongside the tables on a large corpus: this is what they meet.
    path = project.corpus_dir / f"{registry}.jsonl"
    path.write_bytes(path.read_bytes() + b'{"id": \n')
    with pytest.raises(ClaimsetError) as caught:
        tables.documents_and_actors(project)
    assert str(caught.value) == f"corpus/{registry}.jsonl:{where}:8: Expecting value"


@pytest.mark.parametrize(
    ("limit", "rows", "batches"),
    [
        (1, ROW_GROUP_ROWS, [["alpha"], ["beta"], ["gamma"]]),  # each over the limit: one each
        (300, ROW_GROUP_ROWS, [["alpha", "beta"], ["gamma"]]),  # alpha under 300, beta over
        (len(ALPHA), ROW_GROUP_ROWS, [["alpha"], ["beta", "gamma"]]),  # alpha at the limit
        (len(ALPHA) + 1, ROW_GROUP_ROWS, [["alpha", "beta"], ["gamma"]]),  # one short of it
        # beta one character short: a new batch counts its characters from 0
        (len(BETA.lstrip("\ufeff")) + 1, ROW_GROUP_ROWS, [["alpha"], ["beta", "gamma"]]),
        (10_000, ROW_GROUP_ROWS, [["alpha", "beta", "gamma"]]),
        (10_000, 2, [["alpha", "beta"], ["gamma"]]),  # a full row group of documents
    ],
)
def test_documents_are_batched_whole_by_their_text(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
    rows: int,
    batches: list[list[str]],
) -> None:
    monkeypatch.setattr(tables, "DOCUMENT_BATCH_CHARS", limit)
    monkeypatch.setattr(tables, "ROW_GROUP_ROWS", rows)
    documents, _ = tables.documents_and_actors(project)
    got = list(tables.document_batches(project, documents))
    assert [b.column("id").to_pylist() for b in got] == batches
    texts = [t for b in got for t in b.column("text").to_pylist()]
    seeds = [project.seed_path(d).read_bytes().decode("utf-8-sig") for d in ("alpha", "beta")]
    assert texts[:2] == seeds  # the BOM removed, CRLF kept
    assert [b.schema for b in got] == [tables.arrow_schema("documents")] * len(got)


# -- the Parquet row groups ----------------------------------------------------------------------


def sentences_table(n: int, start: int = 0) -> pa.Table:
    rows = [
        {"id": f"d:{i:06d}", "doc": "d", "index": i, "start": i, "end": i + 1, "text": "x"}
        for i in range(start, start + n)
    ]
    raw = pa.Table.from_pylist(rows, schema=tables.jsonl_schema("sentences"))
    return tables.typed_table(raw, "sentences")


def test_row_groups_hold_row_group_rows_each(tmp_path: Path) -> None:
    writer = SplitWriter(tmp_path, "sentences", "train")
    writer.add(sentences_table(0))  # nothing: no file yet
    assert not writer.path.exists()
    sizes = [ROW_GROUP_ROWS - 1, 2, ROW_GROUP_ROWS + 3, 7]
    start = 0
    for n in sizes:
        writer.add(sentences_table(n, start))
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
    writer.add(sentences_table(0))
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


# -- every row, field by field, against the records it comes from ---------------------------------


def _enrich(project: Project) -> None:
    """Give alpha what the fixture lacks: a reviewer and notes, evidence whose sentence is left
    unset (the claim's own), evidence cited from an earlier sentence, two evidence items."""
    path = project.annotation_path("alpha")
    records = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    records[1].update(status="reviewed", reviewer="ann2", note="checked twice")
    records[3]["claims"][0]["note"] = "the author's own view"
    own = records[3]["claims"][0]["evidence"][0]
    del own["sentence"]
    s1 = records[1]["text"]
    start = s1.index("Seoul hopes")
    earlier = {"quote": "Seoul hopes", "sentence": "alpha:0001", "start": start, "end": start + 11}
    records[3]["claims"][0]["evidence"].append({**earlier, "type": "statement"})
    jsonio.write_jsonl(
        path, [SentenceRecord.model_validate(r).model_dump(mode="json") for r in records]
    )


def _without_defaults(project: Project) -> None:
    """Rewrite every annotation file as a script might: defaults left out, keys reversed."""
    for path in project.annotation_paths():
        lines = path.read_text("utf-8").splitlines()
        typed = [without_defaults(json.loads(x), SentenceRecord, list.reverse) for x in lines]
        path.write_text("".join(json.dumps(r) + "\n" for r in typed), "utf-8")


def _decoded(table: pa.Table, config: str) -> list[dict[str, Any]]:
    """The rows with their ClassLabel ids turned back into names."""
    return [decode_labels(row, features(config)) for row in table.to_pylist()]


def _expected_claims(project: Project, statuses: tuple[str, ...]) -> list[dict[str, Any]]:
    """The claims rows, written out from the annotation records with plain Python."""
    rows = []
    for path in project.annotation_paths():
        records = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
        starts = {r["id"]: r["start"] for r in records}
        for record in records:
            if record["status"] not in statuses:
                continue
            for claim in record["claims"]:
                actor, expectation = claim["actor"], claim["expectation"]
                evidence = []
                for item in claim["evidence"]:
                    cited = item.get("sentence") or record["id"]
                    start, end = item["start"], item["end"]
                    evidence.append(
                        {
                            "quote": item["quote"],
                            "sentence_id": cited,
                            "start": start,
                            "end": end,
                            "doc_start": starts[cited] + start,
                            "doc_end": starts[cited] + end,
                            "type": item["type"],
                        }
                    )
                rows.append(
                    {
                        "id": f"{record['id']}/{claim['id']}",
                        "doc": record["doc"],
                        "sentence_id": record["id"],
                        "sentence": record["text"],
                        "sentence_start": record["start"],
                        "actor": actor["ref"],
                        "actor_quote": actor.get("quote"),
                        "actor_start": actor.get("start"),
                        "actor_end": actor.get("end"),
                        "expectation": expectation["quote"],
                        "expectation_start": expectation["start"],
                        "expectation_end": expectation["end"],
                        "expectation_type": expectation["type"],
                        "target": expectation.get("target"),
                        "evidence": evidence,
                        "certainty": claim["hedge"]["certainty"],
                        "cues": claim["hedge"]["cues"],
                        "polarity": claim["polarity"],
                        "origin": claim["origin"],
                        "status": record["status"],
                        "annotator": record.get("annotator"),
                        "reviewer": record.get("reviewer"),
                        "note": claim.get("note"),
                    }
                )
    return rows


@pytest.mark.parametrize("written", ["canonical", "without defaults"])
@pytest.mark.parametrize("drafts", [False, True], ids=["human", "with drafts"])
def test_claims_rows_hold_every_field_of_their_claims(
    project: Project, written: str, drafts: bool
) -> None:
    _enrich(project)
    statuses = tables.CLAIM_STATUSES + (tables.DRAFT_STATUSES if drafts else ())
    expected = _expected_claims(project, statuses)  # from the canonical records
    assert len(expected) == 4 + drafts
    if written == "without defaults":
        _without_defaults(project)
    blocks = list(tables.document_tables(project, statuses))
    assert [b.doc for b in blocks] == ["alpha", "beta", "gamma"]
    assert [row for b in blocks for row in _decoded(b.claims, "claims")] == expected
    assert all(b.claims.schema == tables.arrow_schema("claims") for b in blocks)


def test_sentences_rows_rebuild_their_files_with_every_default_filled(project: Project) -> None:
    _enrich(project)
    canonical = {p.stem: p.read_bytes() for p in project.annotation_paths()}

    def rows() -> dict[str, list[dict[str, Any]]]:
        blocks = list(tables.document_tables(project, tables.CLAIM_STATUSES))
        assert all(b.sentences.schema == tables.arrow_schema("sentences") for b in blocks)
        return {b.doc: _decoded(b.sentences, "sentences") for b in blocks}

    written = rows()
    assert list(written) == ["alpha", "beta", "gamma"]
    for doc, decoded in written.items():
        rebuilt = jsonio.jsonl_bytes(
            SentenceRecord.model_validate(row).model_dump(mode="json") for row in decoded
        )
        assert rebuilt == canonical[doc], doc
    # With the defaults left out, the export fills them in: the very same rows (not nulls
    # that the model, rebuilding a record, would have filled instead).
    _without_defaults(project)
    assert rows() == written


def test_a_file_is_read_a_block_at_a_time_with_the_same_rows(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrich(project)  # alpha's evidence then cites an earlier sentence: another block
    statuses = tables.CLAIM_STATUSES + tables.DRAFT_STATUSES
    whole = list(tables.document_tables(project, statuses))
    assert [b.doc for b in whole] == ["alpha", "beta", "gamma"]  # a block per file
    size = project.annotation_path("alpha").stat().st_size
    monkeypatch.setattr(tables, "_JSON_BLOCK_SIZE", 1024)
    blocks = list(tables.document_tables(project, statuses))
    alpha = [b for b in blocks if b.doc == "alpha"]
    assert size > 2 * 1024 and len(alpha) > 2
    for config in ("sentences", "claims"):
        got = [row for b in blocks for row in getattr(b, config).to_pylist()]
        assert got == [row for b in whole for row in getattr(b, config).to_pylist()], config


def test_lists_left_out_are_rebuilt_from_offsets_not_filled_one_by_one(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A corpus written with its defaults left out has a null for every `claims`, `evidence`
    # and `cues` list left empty: filling those with an empty-list scalar each was the export's
    # slowest step. They are rebuilt from offsets that count a null list as empty; only the
    # scalar defaults (`polarity`, `origin`) are filled.
    import pyarrow.compute as pc

    _enrich(project)
    whole = list(tables.document_tables(project, tables.CLAIM_STATUSES))
    _without_defaults(project)
    filled: list[pa.DataType] = []
    fill_null = pc.fill_null

    def spy(values: Any, fill_value: Any = None) -> Any:
        filled.append(values.type)
        return fill_null(values, fill_value)

    monkeypatch.setattr(pc, "fill_null", spy)
    blocks = list(tables.document_tables(project, tables.CLAIM_STATUSES))
    for config in ("sentences", "claims"):
        got = [row for b in blocks for row in getattr(b, config).to_pylist()]
        assert got == [row for b in whole for row in getattr(b, config).to_pylist()], config
    assert filled and not [t for t in filled if pa.types.is_list(t)], filled
