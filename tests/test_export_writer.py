"""The export's Parquet writing: the options the files are written with, the split each row goes
to, and the files left closed when a later step fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from claimset.errors import ClaimsetError
from claimset.export import writer
from claimset.project import Project
from datasets import config as hf_config
from test_export import make_export_project
from test_export_tables import sentences_table


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_export_project(tmp_path / "proj")


def test_files_are_written_with_the_options_datasets_writes_with(tmp_path: Path) -> None:
    writer._parquet_options.cache_clear()  # filled by any earlier export in this process
    options = writer._parquet_options()
    cdc = getattr(hf_config, "DEFAULT_CDC_OPTIONS", None)
    expected: dict[str, Any] = {"compression": "snappy", "write_page_index": True}
    if cdc and int(pa.__version__.split(".")[0]) >= 21:
        expected["use_content_defined_chunking"] = cdc
    assert options == expected
    split = writer.SplitWriter(tmp_path, "sentences", "train")
    split.add(sentences_table(3))
    split.close()
    with pq.ParquetFile(split.path) as parquet:
        column = parquet.metadata.row_group(0).column(0)
        assert column.compression == "SNAPPY"
        assert column.has_offset_index and column.has_column_index  # the page index


def test_rows_and_bytes_are_counted_as_added(tmp_path: Path) -> None:
    split = writer.SplitWriter(tmp_path, "sentences", "train")
    parts = [sentences_table(3), sentences_table(0), sentences_table(4, start=3)]
    for part in parts:
        split.add(part)
    assert (split.rows, split.nbytes) == (7, sum(p.nbytes for p in parts))
    assert (split.buffered, split.buffered_bytes) == (7, parts[0].nbytes + parts[2].nbytes)
    split.close()
    assert pq.read_table(split.path).num_rows == 7


def test_a_failed_export_leaves_its_parquet_files_closed(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Row groups of 2 rows: the sentences and claims files are open when a seed fails to read.
    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 2)
    project.seed_path("gamma").write_bytes(b"Not \xff UTF-8.\n")
    with pytest.raises(ClaimsetError) as caught:
        writer.write_tables(project, tmp_path / "out", include_drafts=False)
    assert "gamma" in str(caught.value)
    # Closed (the traceback still holds the writers): each file ends with its footer.
    written = sorted((tmp_path / "out").rglob("*.parquet"))
    assert [p.relative_to(tmp_path / "out").as_posix() for p in written] == [
        "claims/test-00000-of-00001.parquet",
        "claims/train-00000-of-00001.parquet",
        "sentences/test-00000-of-00001.parquet",
        "sentences/train-00000-of-00001.parquet",
        "sentences/validation-00000-of-00001.parquet",
    ]
    # Whole row groups only: alpha's fifth sentence was still buffered.
    assert [pq.read_table(p).num_rows for p in written] == [2, 2, 2, 4, 2]


def test_rows_go_to_their_document_s_split_and_train_without_a_record(
    project: Project, tmp_path: Path
) -> None:
    # gamma's record dropped from documents.jsonl (validation would report it; the tables do
    # not depend on it): its sentences go to train, the default split, beside alpha's.
    lines = project.documents_path.read_text("utf-8").splitlines(keepends=True)
    project.documents_path.write_text("".join(x for x in lines if '"gamma"' not in x), "utf-8")
    written = writer.write_tables(project, tmp_path / "out", include_drafts=False)
    rows = {key: w.rows for key, w in written.writers.items() if w.rows}
    assert rows == {
        "sentences/train": 7,
        "claims/train": 2,
        "sentences/test": 2,
        "claims/test": 2,
        "documents/train": 1,
        "documents/test": 1,
        "actors/train": 5,
    }
    assert written.stats.documents == 2
    train = pq.read_table(tmp_path / "out/sentences/train-00000-of-00001.parquet")
    assert sorted(set(train.column("doc").to_pylist())) == ["alpha", "gamma"]


def test_a_project_without_actors_writes_no_actors_file(project: Project, tmp_path: Path) -> None:
    project.actors_path.unlink()
    written = writer.write_tables(project, tmp_path / "out", include_drafts=False)
    assert written.actors == [] and written.writers["actors/train"].rows == 0
    assert not (tmp_path / "out" / "actors").exists()
    assert written.writers["sentences/train"].rows == 5


def test_a_full_row_group_is_written_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory holds less than a row group: one that fills, by rows or by bytes, is written."""
    monkeypatch.setattr(writer, "ROW_GROUP_ROWS", 4)
    by_rows = writer.SplitWriter(tmp_path, "sentences", "train")
    by_rows.add(sentences_table(3))
    assert (by_rows.buffered, by_rows.path.exists()) == (3, False)
    by_rows.add(sentences_table(1, start=3))  # exactly a row group
    assert (by_rows.buffered, by_rows.buffered_bytes, by_rows.pending) == (0, 0, [])
    by_rows.close()
    table = sentences_table(2)
    monkeypatch.setattr(writer, "ROW_GROUP_BYTES", table.nbytes)  # exactly the buffer
    by_bytes = writer.SplitWriter(tmp_path, "sentences", "test")
    by_bytes.add(table)
    assert (by_bytes.buffered, by_bytes.buffered_bytes, by_bytes.pending) == (0, 0, [])
    by_bytes.close()
    assert [pq.read_table(w.path).num_rows for w in (by_rows, by_bytes)] == [4, 2]
    # Two row groups and a bit at once: written as two groups, the rest kept for the next.
    several = writer.SplitWriter(tmp_path, "sentences", "validation")
    several.add(sentences_table(9))
    (rest,) = several.pending
    assert (several.buffered, several.buffered_bytes) == (1, rest.nbytes) and rest.nbytes
    several.close()
    with pq.ParquetFile(several.path) as parquet:
        groups = [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)]
    assert groups == [4, 4, 1]
