"""From JSONL to typed Arrow tables: one block of an annotation file at a time, column by column.

Arrow's JSON reader parses a file a block (2 MiB) at a time, vectorized kernels fill the models'
defaults and turn nested label strings into ClassLabel ids, and the `claims` rows are cut out of
the sentences' claim lists. Nothing goes through Python row by row; what the export keeps of a
file beyond its block is where each sentence starts, for evidence cited across blocks.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import jsonio
from ..errors import ClaimsetError
from ..features import Column, arrow_type, config_columns, features, read_schema
from ..limits import MAX_LINE_BYTES
from ..models import HUMAN_STATUSES, Actor, Document
from ..project import Project, read_seed
from .paths import ROW_GROUP_ROWS

if TYPE_CHECKING:
    import pyarrow as pa


#: Sentence statuses whose claims the `claims` config holds, without and with --include-drafts.
CLAIM_STATUSES = HUMAN_STATUSES
DRAFT_STATUSES = ("draft",)


#: Bytes of JSONL Arrow's reader parses at a time: the batch of a file the export holds. Larger
#: than any line `validate` accepts, so that no valid record straddles two blocks.
_JSON_BLOCK_SIZE = MAX_LINE_BYTES + (64 << 10)


@functools.cache
def arrow_schema(config: str) -> pa.Schema:
    """The Arrow schema of a config as written: its Features, with the `huggingface` metadata."""
    return features(config).arrow_schema


@functools.cache
def jsonl_schema(config: str) -> pa.Schema:
    """The Arrow schema to read a config's JSONL records with (label columns as strings)."""
    return read_schema(config_columns(config))


def _blank(path: Path) -> bool:
    """Whether the file holds only whitespace, read until its first other byte (any size)."""
    with path.open("rb") as file:
        while block := file.read(1 << 16):
            if block.strip():
                return False
    return True


def _jsonl_batches(path: Path, schema: pa.Schema) -> Iterator[pa.Table]:
    """A JSONL file as Arrow tables of `schema` (label columns still strings), a block at a time."""
    import pyarrow as pa
    import pyarrow.json as pj

    if _blank(path):
        return  # a file of blank lines holds zero records; Arrow refuses it
    parse = pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore")
    try:
        for batch in pj.open_json(path, pj.ReadOptions(block_size=_JSON_BLOCK_SIZE), parse):
            yield pa.Table.from_batches([batch], schema=schema)
    except pa.ArrowInvalid as exc:  # validation, checked first, explains the line
        raise ClaimsetError(f"{path.name}: not readable as JSONL records ({exc})") from None


def _encode(array: pa.Array, column: Column) -> pa.Array:
    """Fill model defaults into nulls and turn label strings into ClassLabel ids, recursively."""
    import pyarrow as pa
    import pyarrow.compute as pc

    # A list defaulting to [] needs no fill: it is rebuilt below from offsets that count a null
    # list as empty (fill_null copies an empty-list scalar per null, the export's slowest step
    # on a corpus written with defaults left out).
    empty_list = column.kind == "list" and column.default == []
    if column.default is not None and array.null_count and not empty_list:
        array = pc.fill_null(array, pa.scalar(column.default, type=array.type))
    if column.kind == "label":
        ids = pc.index_in(array, value_set=pa.array(column.labels, pa.string()))
        if ids.null_count != array.null_count:
            raise ClaimsetError(f"{column.name}: a value outside {list(column.labels)}")
        return ids.cast(pa.int64())
    mask = array.is_null() if array.null_count and not empty_list else None
    if column.kind == "struct":
        parts = zip(array.flatten(), column.fields, strict=True)
        children = [_encode(child, c) for child, c in parts]
        fields = [pa.field(c.name, a.type) for c, a in zip(column.fields, children, strict=True)]
        return pa.StructArray.from_arrays(children, fields=fields, mask=mask)
    if column.kind == "list":
        assert column.item is not None
        values = _encode(pc.list_flatten(array), column.item)
        return pa.ListArray.from_arrays(_offsets(array), values, mask=mask)
    return array


def _offsets(lists: Any) -> pa.Array:
    """Fresh int32 offsets for list values taken in order (null lists are empty)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy()
    offsets = np.zeros(len(lists) + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    return pa.array(offsets)


def typed_table(raw: pa.Table, config: str) -> pa.Table:
    """The table with the config's schema: defaults filled, ClassLabel ids, HF metadata."""
    import pyarrow as pa

    columns = config_columns(config)
    arrays = [_encode(raw[c.name].combine_chunks(), c) for c in columns]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(config))


def _member(array: Any, *path: str) -> Any:
    import pyarrow.compute as pc

    for name in path:
        array = pc.struct_field(array, name)
    return array


class SentenceStarts:
    """Where each sentence of one annotation file starts, by id, for evidence cited across blocks.

    Holds the sentences of the blocks read so far (a small per-record index, for this file
    only); a citation of a sentence further down the file reads the ids and starts of the whole
    file once (rare: evidence usually precedes its claim).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[str, int] = {}
        self.complete = False

    def add(self, sentences: pa.Table) -> None:
        if not self.complete:
            ids, starts = sentences["id"].to_pylist(), sentences["start"].to_pylist()
            self.known.update(zip(ids, starts, strict=True))

    def get(self, sentence: str) -> int | None:
        if sentence not in self.known and not self.complete:
            for block in _jsonl_batches(self.path, _id_start_schema()):
                self.known.update(
                    zip(block["id"].to_pylist(), block["start"].to_pylist(), strict=True)
                )
            self.complete = True
        return self.known.get(sentence)


@functools.cache
def _id_start_schema() -> pa.Schema:
    import pyarrow as pa

    schema = jsonl_schema("sentences")
    return pa.schema([schema.field("id"), schema.field("start")])


def _evidence_bases(
    sentences: pa.Table, cited: pa.Array, elsewhere: SentenceStarts | None
) -> pa.Array:
    """The `start` of each cited sentence: in this block, else from the file's index."""
    import pyarrow as pa
    import pyarrow.compute as pc

    where = pc.index_in(cited, value_set=sentences["id"].combine_chunks())
    bases = pc.take(sentences["start"].combine_chunks(), where)
    if elsewhere is None or bases.null_count == cited.null_count:
        return bases
    values = bases.to_pylist()
    for i, sentence in enumerate(cited.to_pylist()):
        if values[i] is None and sentence is not None:
            values[i] = elsewhere.get(sentence)
    return pa.array(values, type=bases.type)


def build_claims(
    sentences: pa.Table,
    statuses: Iterable[str],
    elsewhere: SentenceStarts | None = None,
) -> pa.Table:
    """The `claims` rows of typed sentences (a block of one document) with one of `statuses`.

    Span offsets stay relative to their sentence; evidence structs get the id of their sentence
    (the claim's own when unset) and document offsets through that sentence's `start`, found in
    `sentences` or else in `elsewhere`, the index of the file's other blocks.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    chosen = sentences.filter(pc.is_in(sentences["status"], value_set=pa.array(list(statuses))))
    claim_lists = chosen["claims"].combine_chunks()
    parent = pc.list_parent_indices(claim_lists)
    claims = pc.list_flatten(claim_lists)

    def of_sentence(name: str) -> Any:
        return pc.take(chosen[name], parent).combine_chunks()

    sentence_id = of_sentence("id")
    evidence_lists = _member(claims, "evidence")
    evidence = pc.list_flatten(evidence_lists)
    owner = pc.list_parent_indices(evidence_lists)
    evidence_sentence = pc.coalesce(_member(evidence, "sentence"), pc.take(sentence_id, owner))
    base = _evidence_bases(sentences, evidence_sentence, elsewhere)
    start, end = _member(evidence, "start"), _member(evidence, "end")
    evidence_values = {
        "quote": _member(evidence, "quote"),
        "sentence_id": evidence_sentence,
        "start": start,
        "end": end,
        "doc_start": pc.add(base, start),
        "doc_end": pc.add(base, end),
        "type": _member(evidence, "type"),
    }
    item = next(c for c in config_columns("claims") if c.name == "evidence").item
    assert item is not None
    evidence_struct = pa.StructArray.from_arrays(
        [evidence_values[c.name] for c in item.fields],
        fields=[pa.field(c.name, arrow_type(c)) for c in item.fields],
    )
    values: dict[str, Any] = {
        "id": pc.binary_join_element_wise(sentence_id, _member(claims, "id"), "/"),
        "doc": of_sentence("doc"),
        "sentence_id": sentence_id,
        "sentence": of_sentence("text"),
        "sentence_start": of_sentence("start"),
        "actor": _member(claims, "actor", "ref"),
        "actor_quote": _member(claims, "actor", "quote"),
        "actor_start": _member(claims, "actor", "start"),
        "actor_end": _member(claims, "actor", "end"),
        "expectation": _member(claims, "expectation", "quote"),
        "expectation_start": _member(claims, "expectation", "start"),
        "expectation_end": _member(claims, "expectation", "end"),
        "expectation_type": _member(claims, "expectation", "type"),
        "target": _member(claims, "expectation", "target"),
        "evidence": pa.ListArray.from_arrays(_offsets(evidence_lists), evidence_struct),
        "certainty": _member(claims, "hedge", "certainty"),
        "cues": _member(claims, "hedge", "cues"),
        "polarity": _member(claims, "polarity"),
        "origin": _member(claims, "origin"),
        "status": of_sentence("status"),
        "annotator": of_sentence("annotator"),
        "reviewer": of_sentence("reviewer"),
        "note": _member(claims, "note"),
    }
    schema = arrow_schema("claims")
    return pa.Table.from_arrays([values[name] for name in schema.names], schema=schema)


def _missing(sentences: pa.Table) -> dict[str, int]:
    """Spans without offsets and claims without id (validation warns; `fmt` fills them)."""
    import pyarrow.compute as pc

    claims = pc.list_flatten(sentences["claims"].combine_chunks())
    if not len(claims):
        return {}
    actor = _member(claims, "actor")
    evidence = pc.list_flatten(_member(claims, "evidence"))
    cues = pc.list_flatten(_member(claims, "hedge", "cues"))
    counts = {
        "claim ids": _member(claims, "id").null_count,
        "actor offsets": pc.struct_field(actor, "start")
        .filter(pc.is_valid(pc.struct_field(actor, "quote")))
        .null_count,
        "expectation offsets": _member(claims, "expectation", "start").null_count,
        "evidence offsets": _member(evidence, "start").null_count,
        "cue offsets": _member(cues, "start").null_count,
    }
    return {k: v for k, v in counts.items() if v}


@dataclass
class DocumentTables:
    """A block of one annotation file, typed: its sentences and its claims rows."""

    doc: str
    sentences: pa.Table
    claims: pa.Table


def _file_tables(
    project: Project, path: Path, statuses: tuple[str, ...]
) -> Iterator[DocumentTables]:
    """One annotation file's typed sentences and its claims rows of the given statuses, a block
    at a time."""
    elsewhere = SentenceStarts(path)
    for raw in _jsonl_batches(path, jsonl_schema("sentences")):
        sentences = typed_table(raw, "sentences")
        missing = _missing(sentences)
        if missing:
            what = ", ".join(f"{n} {name}" for name, n in missing.items())
            raise ClaimsetError(
                f"{project.relative(path)}: missing {what}: run `claimset fmt` (it fills offsets "
                "and claim ids), then export again"
            )
        yield DocumentTables(path.stem, sentences, build_claims(sentences, statuses, elsewhere))
        elsewhere.add(sentences)


#: Blocks built ahead of the writer: the bound on how many wait in memory.
_READ_AHEAD = 2


def document_tables(project: Project, statuses: tuple[str, ...]) -> Iterator[DocumentTables]:
    """Every annotation file's tables, in file order, a block at a time.

    A thread builds the next blocks while this one's rows are written (Arrow releases the GIL
    while it parses, computes and writes), at most _READ_AHEAD of them ahead.
    """

    def blocks() -> Iterator[DocumentTables]:
        for path in project.annotation_paths():
            yield from _file_tables(project, path, statuses)

    return _read_ahead(blocks(), _READ_AHEAD)


_DONE = object()


def _read_ahead(items: Iterator[Any], depth: int) -> Iterator[Any]:
    """The items, produced in a thread at most `depth` ahead; its exception is raised here."""
    ready: queue.Queue[tuple[Any, BaseException | None]] = queue.Queue(depth)
    stop = threading.Event()

    def put(entry: tuple[Any, BaseException | None]) -> bool:
        while not stop.is_set():
            try:
                ready.put(entry, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((item, None)):
                    return
            put((_DONE, None))
        except BaseException as exc:  # handed to the consumer, raised in its thread
            put((_DONE, exc))

    thread = threading.Thread(target=produce, name="claimset-export-read", daemon=True)
    thread.start()
    try:
        while True:
            item, exc = ready.get()
            if exc is not None:
                raise exc
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        thread.join()


def documents_and_actors(
    project: Project,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The documents (metadata, without their text) and the actors, in file order.

    Every document's seed must exist; its text is read later, a batch at a time
    (`document_batches`), so the seeds are never all in memory at once.
    """
    documents = []
    if project.documents_path.is_file():
        rel = project.relative(project.documents_path)
        for record in jsonio.read_jsonl(project.documents_path, rel):
            doc = Document.model_validate(record).model_dump(mode="json")
            seed = project.seed_path(doc["id"])
            if not seed.is_file():
                raise ClaimsetError(f"{rel}: document {doc['id']!r} has no seed {seed.name}")
            documents.append(doc)
    actors = []
    if project.actors_path.is_file():
        rel = project.relative(project.actors_path)
        actors = [
            Actor.model_validate(r).model_dump(mode="json")
            for r in jsonio.read_jsonl(project.actors_path, rel)
        ]
    return documents, actors


#: Characters of seed text the `documents` rows gather before they are handed on as a table.
DOCUMENT_BATCH_CHARS = 2 << 20


def document_batches(project: Project, documents: list[dict[str, Any]]) -> Iterator[pa.Table]:
    """The `documents` rows with their seed text, typed, in batches of whole documents.

    A batch holds at least one document and stops at about DOCUMENT_BATCH_CHARS of text (or
    ROW_GROUP_ROWS documents), so memory is bounded by the batch, not by the corpus.
    """
    import pyarrow as pa

    batch: list[dict[str, Any]] = []
    chars = 0
    for doc in documents:
        text = read_seed(project.seed_path(doc["id"]), doc["id"]).text
        batch.append({**doc, "text": text})
        chars += len(text)
        if chars >= DOCUMENT_BATCH_CHARS or len(batch) >= ROW_GROUP_ROWS:
            yield typed_table(
                pa.Table.from_pylist(batch, schema=jsonl_schema("documents")),
                "documents",
            )
            batch, chars = [], 0
    if batch:
        yield typed_table(
            pa.Table.from_pylist(batch, schema=jsonl_schema("documents")), "documents"
        )
