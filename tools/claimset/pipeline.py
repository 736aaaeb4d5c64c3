"""`claimset.pipeline`: documents `(id, text, speaks_for)` in, sentence records with drafted
claims out.

One batch function over Arrow, the same whatever runs it: `claimset draft-corpus` in one
process (`run_local`), `datasets.Dataset.map(batched=True, num_proc=N)` (`run_datasets`), or
Apache Spark's `mapInArrow` (`claimset.spark`). Each document is split into sentences and
drafted exactly as `claimset split` then `claimset draft` would in a project (same ids, same
offsets, same claims, status `draft`); the rows have the export's `sentences` schema (label
columns as ClassLabel ids), so `datasets.load_dataset("parquet", ...)` with
`claimset.features.features("sentences")` reads them like an export.

The batch function (`Drafter`) is a small picklable object: it carries the actor registry's
bytes, not an index, and builds the index once per process, so shipping it to worker
processes or Spark executors costs a few kilobytes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from . import jsonio
from .errors import ClaimsetError, UsageError
from .limits import too_long
from .models import DOC_ID_PATTERN, Actor, SentenceRecord, first_error

if TYPE_CHECKING:
    import pyarrow as pa

    from .draft.actor_index import ActorIndex

#: Documents per batch: enough to amortize Arrow's per-batch cost, small enough that a
#: batch's records (about 2 KB per sentence as Python objects) stay a few megabytes.
BATCH_DOCUMENTS = 64

#: The registry used when none is given: only the essay's author.
AUTHOR_ONLY = b'{"id": "author", "name": "The author", "aliases": [], "kind": "author"}\n'


def input_schema() -> pa.Schema:
    """The documents a pipeline reads: a string `id` (a document id), its `text`, and
    `speaks_for` (a speech's party, as in corpus/documents.jsonl; null for an essay)."""
    import pyarrow as pa

    return pa.schema(
        [
            pa.field("id", pa.string()),
            pa.field("text", pa.string()),
            pa.field("speaks_for", pa.string()),
        ]
    )


def output_schema() -> pa.Schema:
    """The rows a pipeline writes: the export's `sentences` config, with its HF metadata."""
    from .export.tables import arrow_schema

    return arrow_schema("sentences")


_INDEXES: dict[str, ActorIndex] = {}


def actor_index(data: bytes, display: str = "actors.jsonl") -> ActorIndex:
    """The drafting index of an actor registry given as JSONL bytes (built once per process)."""
    from .draft.actor_index import ActorIndex

    key = hashlib.sha256(data).hexdigest()
    if key not in _INDEXES:
        actors = []
        for lineno, raw in enumerate(data.decode("utf-8").splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                actors.append(Actor.model_validate(jsonio.loads_strict(raw)))
            except ValidationError as exc:
                raise ClaimsetError(
                    f"{display}:{lineno}: not a valid actor ({first_error(exc)})"
                ) from exc
            except ValueError as exc:
                raise ClaimsetError(f"{display}:{lineno}: not valid JSON ({exc})") from exc
        _INDEXES[key] = ActorIndex(actors)
    return _INDEXES[key]


def document_records(
    doc_id: str, text: str, actors: ActorIndex, speaks_for: str | None = None
) -> list[dict[str, Any]]:
    """One document's sentence records, drafted, as `split` then `draft` write them.

    `speaks_for`: in a speech, the party its speaker speaks for (the document record's
    `speaks_for`); an id that is not in the registry is refused, as `draft` refuses it."""
    from .draft import draft_document
    from .draft.files import paragraph_starts
    from .fingerprint import stamp
    from .segment import split_sentences

    if not re.fullmatch(DOC_ID_PATTERN, doc_id):
        raise ClaimsetError(f"document id {doc_id!r} is not an id (letters, digits, . _ -)")
    if speaks_for is not None and speaks_for not in actors.kinds:
        raise ClaimsetError(
            f"document {doc_id}: speaks_for {speaks_for!r} is not an actor id of the registry"
        )
    segments = split_sentences(text)
    ids = [f"{doc_id}:{ordinal:04d}" for ordinal in range(len(segments))]
    drafted = draft_document(
        [s.text for s in segments],
        actors,
        paragraph_starts=paragraph_starts(text, [(s.start, s.end) for s in segments]),
        ids=ids,
        speaks_for=speaks_for,
    )
    records = []
    for rid, seg, claims in zip(ids, segments, drafted, strict=True):
        for claim in claims or []:
            for evidence in claim["evidence"]:
                if evidence["sentence"] is None:
                    evidence["sentence"] = rid
        record = SentenceRecord(
            id=rid, doc=doc_id, start=seg.start, end=seg.end, text=seg.text, status="todo"
        ).model_dump(mode="json")
        record.update(status="draft", claims=claims or [])
        # Through the model, as `draft` does: nothing invalid is ever written.
        written = SentenceRecord.model_validate(record).model_dump(mode="json")
        stamp(written["claims"])  # as `draft` does: what was drafted, to tell an edit later
        records.append(written)
    return records


@dataclass(frozen=True)
class Drafter:
    """The batch function: a table (or batch) of documents to a table of sentence rows.

    Picklable and small (it holds the registry's bytes), for worker processes and executors.
    """

    actors: bytes = AUTHOR_ONLY
    display: str = "actors.jsonl"

    @classmethod
    def from_path(cls, path: Path | str | None) -> Drafter:
        """A drafter with the registry at `path` (None: the author only)."""
        if path is None:
            return cls()
        path = Path(path)
        try:
            return cls(path.read_bytes(), str(path))
        except OSError as exc:
            raise UsageError(f"{path}: cannot read the actor registry ({exc.strerror})") from exc

    def records(
        self,
        ids: Iterable[str],
        texts: Iterable[str],
        speaks_for: Iterable[str | None] | None = None,
    ) -> list[dict[str, Any]]:
        index = actor_index(self.actors, self.display)
        ids = list(ids)
        parties = [None] * len(ids) if speaks_for is None else speaks_for
        return [
            r
            for i, t, p in zip(ids, texts, parties, strict=True)
            for r in document_records(i, t, index, p)
        ]

    def __call__(self, documents: pa.Table | pa.RecordBatch) -> pa.Table:
        import pyarrow as pa

        from .export.tables import jsonl_schema, typed_table

        # `speaks_for` is optional: a table of `id` and `text` alone drafts every document as
        # an essay.
        names = documents.schema.names
        records = self.records(
            documents.column("id").to_pylist(),
            documents.column("text").to_pylist(),
            documents.column("speaks_for").to_pylist() if "speaks_for" in names else None,
        )
        raw = pa.Table.from_pylist(records, schema=jsonl_schema("sentences"))
        return typed_table(raw, "sentences")

    def batches(self, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        """Spark's `mapInArrow` shape: record batches in, record batches out.

        Each batch is drafted `BATCH_DOCUMENTS` documents at a time: Spark hands over
        `maxRecordsPerBatch` documents (10,000 by default), and their rows as Python objects
        (about 2 KB a sentence) grew a worker past 1.4 GB; a slice's rows are a few MB.
        """
        for batch in batches:
            for start in range(0, batch.num_rows, BATCH_DOCUMENTS):
                yield from self(batch.slice(start, BATCH_DOCUMENTS)).to_batches()


# -- reading documents and writing rows ---------------------------------------------------------


def read_documents(source: Path, batch: int = BATCH_DOCUMENTS) -> Iterator[pa.Table]:
    """Documents from a folder of `<id>.txt` files, a JSONL file of `{"id", "text"}` objects
    or a Parquet file with `id` and `text` columns, `batch` documents at a time. A JSONL
    object or Parquet row may also give `speaks_for` (a speech's party, or null); a folder's
    documents are essays.

    A document that cannot be read (a file name or id that is not a document id, a text that
    is not UTF-8 text, a line that is not such an object) raises ClaimsetError naming where
    it is: the file, the line or the row.
    """
    if source.is_dir():
        return _from_folder(source, batch)
    if source.suffix == ".parquet":
        return _from_parquet(source, batch)
    if source.suffix in (".jsonl", ".json"):
        return _from_jsonl(source, batch)
    raise UsageError(f"{source}: expected a folder of .txt files, a .jsonl or a .parquet file")


def _from_folder(source: Path, batch: int) -> Iterator[pa.Table]:
    import pyarrow as pa

    from .project import read_seed

    paths = sorted(source.glob("*.txt"))
    for at in range(0, len(paths), batch):
        seeds = [read_seed(p) for p in paths[at : at + batch]]  # checks the name is an id
        columns = {
            "id": [s.doc_id for s in seeds],
            "text": [s.text for s in seeds],
            "speaks_for": [None] * len(seeds),
        }
        yield pa.table(columns, schema=input_schema())


def _from_parquet(source: Path, batch: int) -> Iterator[pa.Table]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        file = pq.ParquetFile(source)
        optional = ["speaks_for"] if "speaks_for" in file.schema_arrow.names else []
        row = 0
        for part in file.iter_batches(batch, columns=["id", "text", *optional]):
            table = pa.Table.from_batches([part])
            if not optional:
                table = table.append_column("speaks_for", pa.nulls(table.num_rows, pa.string()))
            table = table.cast(input_schema())
            for offset, doc_id in enumerate(table.column("id").to_pylist()):
                _check_id(doc_id, f"{source}: row {row + offset}")
            row += table.num_rows
            yield table
    except (pa.ArrowException, OSError) as exc:
        raise ClaimsetError(
            f"{source}: not a Parquet file of id and text (and speaks_for) columns ({exc})"
        ) from exc


def _from_jsonl(source: Path, batch: int) -> Iterator[pa.Table]:
    import pyarrow as pa

    rows: list[dict[str, str | None]] = []
    for lineno, raw in jsonio.iter_lines(source):  # bounded: a long line is None
        if raw is None:
            raise ClaimsetError(f"{source}:{lineno}: {too_long()}")
        if raw.strip():
            rows.append(_document(raw, f"{source}:{lineno}"))
        if len(rows) == batch:
            yield pa.Table.from_pylist(rows, schema=input_schema())
            rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=input_schema())


def _document(raw: bytes, where: str) -> dict[str, str | None]:
    """One JSONL line as a document `{"id", "text", "speaks_for"}` (other keys are ignored)."""
    try:
        row = jsonio.loads_strict(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ClaimsetError(f"{where}: invalid UTF-8 at byte {exc.start}") from exc
    except ValueError as exc:
        raise ClaimsetError(f"{where}: not valid JSON ({exc})") from exc
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise ClaimsetError(f"{where}: expected an object with string `id` and `text`")
    text: str = row["text"]
    if "\0" in text:
        raise ClaimsetError(f"{where}: a NUL character in the text: not an essay")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ClaimsetError(f"{where}: a lone surrogate in the text at {exc.start}") from exc
    party = row.get("speaks_for")
    if party is not None and not isinstance(party, str):
        raise ClaimsetError(f"{where}: `speaks_for` must be an actor id or null, not {party!r}")
    return {"id": _check_id(row.get("id"), where), "text": text, "speaks_for": party}


def _check_id(doc_id: Any, where: str) -> str:
    if not isinstance(doc_id, str) or not re.fullmatch(DOC_ID_PATTERN, doc_id):
        raise ClaimsetError(
            f"{where}: document id {doc_id!r} is not an id (letters, digits, '.', '_', '-'; "
            "starting with a letter or digit)"
        )
    return doc_id


def count_documents(source: Path) -> int:
    """How many documents `read_documents` will yield (for progress)."""
    import pyarrow.parquet as pq

    if source.is_dir():
        return sum(1 for _ in source.glob("*.txt"))
    if source.suffix == ".parquet":
        return int(pq.ParquetFile(source).metadata.num_rows)
    return sum(1 for _, raw in jsonio.iter_lines(source) if raw is None or raw.strip())


def output_folder(out: Path) -> Path:
    """OUT, which must not exist yet or be empty: a pipeline never replaces anything."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ClaimsetError(f"{out}: exists and is not an empty folder; choose a new one")
    return out


def run_local(
    source: Path,
    out: Path,
    drafter: Drafter,
    on_documents: Any = None,
) -> int:
    """Draft every document in this process into OUT/part-00000.parquet; the rows written.

    Memory holds one batch of documents and its rows at a time.
    """
    import pyarrow.parquet as pq

    output_folder(out).mkdir(parents=True, exist_ok=True)
    rows = 0
    with pq.ParquetWriter(out / "part-00000.parquet", output_schema()) as writer:
        for documents in read_documents(source):
            table = drafter(documents)
            writer.write_table(table)
            rows += table.num_rows
            if on_documents is not None:
                on_documents(documents.num_rows)
    return rows


def run_datasets(source: Path, out: Path, drafter: Drafter, jobs: int) -> int:
    """Draft with `datasets.Dataset.map(batched=True, num_proc=jobs)`; the rows written.

    The recipe in README.md, as a function: documents into a Dataset (in a cache folder of
    its own beside OUT, removed at the end), the drafter mapped over Arrow batches in `jobs`
    processes, the result written as Parquet.
    """
    import tempfile

    import datasets

    output_folder(out).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".claimset-datasets-", dir=out.parent) as cache:
        documents = datasets.Dataset.from_generator(
            _document_rows,
            gen_kwargs={"source": str(source)},
            features=datasets.Features(
                {
                    "id": datasets.Value("string"),
                    "text": datasets.Value("string"),
                    "speaks_for": datasets.Value("string"),
                }
            ),
            cache_dir=cache,
        )
        drafted = documents.with_format("arrow").map(
            drafter,
            batched=True,
            batch_size=BATCH_DOCUMENTS,
            num_proc=jobs if jobs > 1 else None,
            remove_columns=documents.column_names,
            features=_features(),
        )
        drafted.with_format(None).to_parquet(str(out / "part-00000.parquet"))
        return int(drafted.num_rows)


def _document_rows(source: str) -> Iterator[dict[str, str | None]]:
    for table in read_documents(Path(source)):
        yield from table.to_pylist()


def _features() -> Any:
    from .features import features

    return features("sentences")
