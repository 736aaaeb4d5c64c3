"""From JSONL to typed Arrow tables: one annotation file at a time, column by column.

Arrow's JSON reader parses a file, vectorized kernels fill the models' defaults and turn nested
label strings into ClassLabel ids, and the `claims` rows are cut out of the sentences' claim
lists. Nothing goes through Python row by row.
"""

from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import jsonio
from ..errors import ClaimsetError
from ..features import Column, arrow_type, config_columns, features, read_schema
from ..models import HUMAN_STATUSES, Actor, Document
from ..project import Project, read_seed
from .paths import ROW_GROUP_ROWS

if TYPE_CHECKING:
    import pyarrow as pa


#: Sentence statuses whose claims the `claims` config holds, without and with --include-drafts.
CLAIM_STATUSES = HUMAN_STATUSES
DRAFT_STATUSES = ("draft",)


#: Arrow's JSON reader block size; a file with a longer line is read again in one block.
_JSON_BLOCK_SIZE = 1 << 20


@functools.cache
def arrow_schema(config: str) -> pa.Schema:
    """The Arrow schema of a config as written: its Features, with the `huggingface` metadata."""
    return features(config).arrow_schema


@functools.cache
def jsonl_schema(config: str) -> pa.Schema:
    """The Arrow schema to read a config's JSONL records with (label columns as strings)."""
    return read_schema(config_columns(config))


def _read_jsonl(path: Path, schema: pa.Schema) -> pa.Table:
    """A JSONL file as an Arrow table of `schema` (label columns still strings)."""
    import pyarrow as pa
    import pyarrow.json as pj

    size = path.stat().st_size
    if size < 4096 and not path.read_bytes().strip():
        return schema.empty_table()  # an empty file holds zero records; Arrow refuses it
    parse = pj.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore")
    try:
        return pj.read_json(path, pj.ReadOptions(block_size=_JSON_BLOCK_SIZE), parse)
    except pa.ArrowInvalid:
        # A line longer than a block (rare): read the file as a single block.
        return pj.read_json(path, pj.ReadOptions(block_size=size + 1), parse)


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


def build_claims(sentences: pa.Table, statuses: Iterable[str]) -> pa.Table:
    """The `claims` rows of one document's typed sentences with one of `statuses`.

    Span offsets stay relative to their sentence; evidence structs get the id of their sentence
    (the claim's own when unset) and document offsets through that sentence's `start`.
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
    where = pc.index_in(evidence_sentence, value_set=sentences["id"].combine_chunks())
    base = pc.take(sentences["start"].combine_chunks(), where)
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
    """One annotation file, typed: its sentences and its claims rows."""

    doc: str
    sentences: pa.Table
    claims: pa.Table


def _read_document(project: Project, path: Path, statuses: tuple[str, ...]) -> DocumentTables:
    """One annotation file's typed sentences and its claims rows of the given statuses."""
    raw = _read_jsonl(path, jsonl_schema("sentences"))
    sentences = typed_table(raw, "sentences")
    missing = _missing(sentences)
    if missing:
        what = ", ".join(f"{n} {name}" for name, n in missing.items())
        raise ClaimsetError(
            f"{project.relative(path)}: missing {what}: run `claimset fmt` (it fills offsets "
            "and claim ids), then export again"
        )
    return DocumentTables(path.stem, sentences, build_claims(sentences, statuses))


def document_tables(project: Project, statuses: tuple[str, ...]) -> Iterator[DocumentTables]:
    """Every annotation file's tables, in file order, a few files read ahead in threads.

    Arrow releases the GIL while it parses and computes, so two files build at once; the window
    bounds how many finished files wait in memory.
    """
    workers = min(4, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers) as pool:
        window: deque[Future[DocumentTables]] = deque()
        for path in project.annotation_paths():
            window.append(pool.submit(_read_document, project, path, statuses))
            if len(window) > workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def documents_and_actors(project: Project) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
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
DOCUMENT_BATCH_CHARS = 8 << 20


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
                pa.Table.from_pylist(batch, schema=jsonl_schema("documents")), "documents"
            )
            batch, chars = [], 0
    if batch:
        yield typed_table(
            pa.Table.from_pylist(batch, schema=jsonl_schema("documents")), "documents"
        )
