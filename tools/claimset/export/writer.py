"""The Parquet files: one per config and split, written in row groups as the tables arrive."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..features import CONFIGS
from ..models import SPLITS
from ..project import Project
from .counts import CorpusCounts
from .paths import ROW_GROUP_BYTES, ROW_GROUP_ROWS, data_path
from .tables import (
    CLAIM_STATUSES,
    DRAFT_STATUSES,
    arrow_schema,
    document_batches,
    document_tables,
    documents_and_actors,
    jsonl_schema,
    typed_table,
)

if TYPE_CHECKING:
    import pyarrow as pa


@functools.cache
def _parquet_options() -> dict[str, Any]:
    """The options `datasets` itself writes Parquet with, as far as the installed versions go.

    Content-defined chunking (pyarrow >= 21) lets the Hub deduplicate unchanged pages between
    uploads; the page index speeds up readers.
    """
    import pyarrow as pa
    from datasets import config as hf_config

    options: dict[str, Any] = {"compression": "snappy", "write_page_index": True}
    cdc = getattr(hf_config, "DEFAULT_CDC_OPTIONS", None)
    if cdc and int(pa.__version__.split(".")[0]) >= 21:
        options["use_content_defined_chunking"] = cdc
    return options


class SplitWriter:
    """The Parquet file of one config and split, written in row groups as tables arrive.

    The file is created on the first row, so an empty split leaves no file (`datasets` cannot
    load a Parquet split without rows).
    """

    def __init__(self, folder: Path, config: str, split: str) -> None:
        self.rel = data_path(config, split)
        self.path = folder / self.rel
        self.schema = arrow_schema(config)
        self.writer: Any = None
        self.pending: list[pa.Table] = []
        self.buffered = 0
        self.buffered_bytes = 0
        self.rows = 0
        self.nbytes = 0

    def add(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        self.pending.append(table)
        self.buffered += table.num_rows
        self.buffered_bytes += table.nbytes
        self.rows += table.num_rows
        self.nbytes += table.nbytes
        if self.buffered >= ROW_GROUP_ROWS:
            self._flush(everything=False)
        elif self.buffered_bytes >= ROW_GROUP_BYTES:
            self._flush(everything=True)

    def _flush(self, everything: bool) -> None:
        """Write the buffered rows: whole row groups only, or `everything`."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.buffered:
            return
        table = pa.concat_tables(self.pending)
        n = table.num_rows if everything else table.num_rows - table.num_rows % ROW_GROUP_ROWS
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.path, self.schema, **_parquet_options())
        self.writer.write_table(table.slice(0, n), row_group_size=ROW_GROUP_ROWS)
        rest = table.slice(n)
        self.pending = [rest] if rest.num_rows else []
        self.buffered = rest.num_rows
        self.buffered_bytes = rest.nbytes if rest.num_rows else 0

    def close(self) -> None:
        self._flush(everything=True)
        if self.writer is not None:
            self.writer.close()

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.close()


@dataclass
class Written:
    """What `write_tables` wrote, and what the card needs to know about it."""

    writers: dict[str, SplitWriter]
    stats: CorpusCounts
    documents: list[dict[str, Any]]  # metadata, without the text
    actors: list[dict[str, Any]]


def write_tables(project: Project, folder: Path, include_drafts: bool) -> Written:
    """Write every config's Parquet files into folder."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for config in CONFIGS:  # build the cached schemas here, not in the reader threads
        arrow_schema(config)
        jsonl_schema(config)
    statuses = CLAIM_STATUSES + (DRAFT_STATUSES if include_drafts else ())
    documents, actors = documents_and_actors(project)
    split_of = {d["id"]: d["split"] for d in documents}
    writers: dict[str, SplitWriter] = {}

    def writer(config: str, split: str) -> SplitWriter:
        key = f"{config}/{split}"
        if key not in writers:
            writers[key] = SplitWriter(folder, config, split)
        return writers[key]

    stats = CorpusCounts(documents=len(documents))
    try:
        for part in document_tables(project, statuses):
            split = split_of.get(part.doc, "train")
            writer("sentences", split).add(part.sentences)
            writer("claims", split).add(part.claims)
            stats.add(part)
        for docs in document_batches(project, documents):
            for split in SPLITS:
                writer("documents", split).add(docs.filter(pc.equal(docs["split"], split)))
        table = typed_table(pa.Table.from_pylist(actors, schema=jsonl_schema("actors")), "actors")
        writer("actors", "train").add(table)
        for w in writers.values():
            w.close()
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    return Written(writers, stats, documents, actors)
