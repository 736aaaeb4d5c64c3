"""`claimset export`: the validated corpus as a Hugging Face dataset folder (Parquet + card).

The folder holds one Parquet file per config and split (`<config>/<split>-00000-of-00001.parquet`)
and a generated dataset card (README.md) whose YAML `configs:` block tells `datasets` and the Hub
which files make which config, so no loading script is needed. The ClassLabel names travel twice:
in the card's `dataset_info.features` and in each Parquet file's `huggingface` schema metadata.

The tables are built with pyarrow, column by column and one annotation file at a time: Arrow's
JSON reader parses a file, vectorized kernels fill defaults and turn nested label strings into
ClassLabel ids, the `claims` rows are cut out of the sentences' claim lists, and the result is
appended to the Parquet writer of the file's split. Nothing goes through Python row by row
(`datasets.Dataset.from_generator` is an order of magnitude slower), and memory holds a few
files' tables at a time, not the corpus.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import card, jsonio
from .card import CardData
from .errors import ClaimsetError, DataProtected, InvalidCorpus, UsageError
from .export_paths import EXPORT_MARKER, ROW_GROUP_ROWS, data_path
from .features import CONFIGS, Column, arrow_type, config_columns, features, read_schema
from .models import (
    CERTAINTIES,
    EXPECTATION_TYPES,
    HUMAN_STATUSES,
    ORIGINS,
    POLARITIES,
    SPLITS,
    STATUSES,
    Actor,
    Document,
)
from .project import Project, read_seed
from .words import plural

if TYPE_CHECKING:
    import pyarrow as pa

#: Sentence statuses whose claims the `claims` config holds, without and with --include-drafts.
CLAIM_STATUSES = HUMAN_STATUSES
DRAFT_STATUSES = ("draft",)

#: Validation warnings that make a corpus unfit for export: spans `fmt` has not anchored (no
#: offsets, or a quote that differs from the text in whitespace) and claims without id.
UNEXPORTABLE = frozenset({"unanchored", "missing-id"})

#: From this many bytes of annotation files on, validation runs alongside the table building
#: (on a small corpus, starting another process costs more than it saves).
CONCURRENT_VALIDATION_BYTES = 4 << 20

#: Arrow's JSON reader block size; a file with a longer line is read again in one block.
_JSON_BLOCK_SIZE = 1 << 20


class ExportRefused(DataProtected):
    "The output folder exists and is not a previous claimset export, so it was left alone."


@dataclass
class ExportResult:
    """What `export` wrote.

    Attributes:
        out_dir: The dataset folder.
        rows: Rows per config and split; a config or split without rows is not written.
        files: Every file written, relative to out_dir, sorted.
        include_drafts: Whether the claims config holds machine drafts too.
        stats: The corpus statistics the card gives (counts by status, origin, label...).
        timings: Seconds per step: `validate` (the validator's own time; on a large corpus it
            runs alongside `tables`, and `wait` is how long the export then waited for it),
            `tables` (building and writing the Parquet files), `card` (the card, the swap),
            `total`.
        report: The validator's report (valid, possibly with warnings).
    """

    out_dir: Path
    rows: dict[str, dict[str, int]]
    files: list[str]
    include_drafts: bool
    stats: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    report: Any = None  # the validation report the export checked

    def total(self, config: str) -> int:
        """Rows of a config over all splits."""
        return sum(self.rows.get(config, {}).values())


# -- from JSONL to typed Arrow ---------------------------------------------------------------------


@functools.cache
def _schema(config: str) -> pa.Schema:
    """The Arrow schema of a config as written: its Features, with the `huggingface` metadata."""
    return features(config).arrow_schema


@functools.cache
def _raw_schema(config: str) -> pa.Schema:
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

    if column.default is not None and array.null_count:
        array = pc.fill_null(array, pa.scalar(column.default, type=array.type))
    if column.kind == "label":
        ids = pc.index_in(array, value_set=pa.array(column.labels, pa.string()))
        if ids.null_count != array.null_count:
            raise ClaimsetError(f"{column.name}: a value outside {list(column.labels)}")
        return ids.cast(pa.int64())
    mask = array.is_null() if array.null_count else None
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


def _typed(raw: pa.Table, config: str) -> pa.Table:
    """The table with the config's schema: defaults filled, ClassLabel ids, HF metadata."""
    import pyarrow as pa

    columns = config_columns(config)
    arrays = [_encode(raw[c.name].combine_chunks(), c) for c in columns]
    return pa.Table.from_arrays(arrays, schema=_schema(config))


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
    }
    schema = _schema("claims")
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
class _Part:
    """One annotation file, typed: its sentences and its claims rows."""

    doc: str
    sentences: pa.Table
    claims: pa.Table


def _read_part(project: Project, path: Path, statuses: tuple[str, ...]) -> _Part:
    raw = _read_jsonl(path, _raw_schema("sentences"))
    sentences = _typed(raw, "sentences")
    missing = _missing(sentences)
    if missing:
        what = ", ".join(f"{n} {name}" for name, n in missing.items())
        raise ClaimsetError(
            f"{project.relative(path)}: missing {what}: run `claimset fmt` (it fills offsets "
            "and claim ids), then export again"
        )
    return _Part(path.stem, sentences, build_claims(sentences, statuses))


def _parts(project: Project, statuses: tuple[str, ...]) -> Iterator[_Part]:
    """Every annotation file as a `_Part`, in file order, a few files read ahead in threads.

    Arrow releases the GIL while it parses and computes, so two files build at once; the window
    bounds how many finished parts wait in memory.
    """
    workers = min(4, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers) as pool:
        window: deque[Future[_Part]] = deque()
        for path in project.annotation_paths():
            window.append(pool.submit(_read_part, project, path, statuses))
            if len(window) > workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


# -- statistics for the card -----------------------------------------------------------------------


def _counts(array: Any) -> Counter[str]:
    import pyarrow.compute as pc

    counts = pc.value_counts(array)
    values, ns = counts.field("values").to_pylist(), counts.field("counts").to_pylist()
    return Counter({str(v): int(n) for v, n in zip(values, ns, strict=True) if v is not None})


@dataclass
class _Stats:
    """The columns the card's counts come from, gathered file by file, counted once at the end.

    Only small columns are kept (statuses, label ids, actor ids), so memory stays small.
    """

    documents: int = 0
    sentence_status: list[Any] = field(default_factory=list)
    annotators: list[Any] = field(default_factory=list)
    claim_status: list[Any] = field(default_factory=list)
    claim_origin: list[Any] = field(default_factory=list)
    exported: list[pa.Table] = field(default_factory=list)
    evidence: int = 0
    cross_sentence_evidence: int = 0

    def add(self, part: _Part) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        s, c = part.sentences, part.claims
        self.sentence_status += s["status"].chunks
        human = pc.is_in(s["status"], value_set=pa.array(list(CLAIM_STATUSES)))
        self.annotators += s["annotator"].filter(human).chunks
        lists = s["claims"].combine_chunks()
        self.claim_status += pc.take(s["status"], pc.list_parent_indices(lists)).chunks
        self.claim_origin.append(pc.struct_field(pc.list_flatten(lists), "origin"))
        self.exported.append(
            c.select(["expectation_type", "certainty", "polarity", "actor", "actor_quote"])
        )
        evidence_lists = c["evidence"].combine_chunks()
        evidence = pc.list_flatten(evidence_lists)
        self.evidence += len(evidence)
        if len(evidence):
            owner = pc.take(c["sentence_id"], pc.list_parent_indices(evidence_lists))
            other = pc.not_equal(pc.struct_field(evidence, "sentence_id"), owner)
            self.cross_sentence_evidence += int(pc.sum(other).as_py() or 0)

    def to_dict(self, include_drafts: bool) -> dict[str, Any]:
        import pyarrow as pa
        import pyarrow.compute as pc

        def chunked(arrays: list[Any]) -> Any:
            return pa.chunked_array(arrays, type=pa.string())

        status = _counts(chunked(self.sentence_status))
        pairs = _counts(
            pc.binary_join_element_wise(chunked(self.claim_status), chunked(self.claim_origin), "/")
        )
        claims = pa.concat_tables(self.exported) if self.exported else None

        def labels(column: str, names: tuple[str, ...]) -> dict[str, int]:
            counts = _counts(claims[column]) if claims is not None else Counter()
            return {name: counts[str(i)] for i, name in enumerate(names)}

        actors = _counts(claims["actor"]) if claims is not None else Counter()
        return {
            "documents": self.documents,
            "sentences": sum(status.values()),
            "sentences_by_status": {st: status[st] for st in STATUSES},
            "claims_by_status_origin": {
                st: {o: pairs[f"{st}/{o}"] for o in ORIGINS} for st in STATUSES
            },
            "claim_statuses": list(CLAIM_STATUSES + (DRAFT_STATUSES if include_drafts else ())),
            "exported_claims": 0 if claims is None else claims.num_rows,
            "expectation_types": labels("expectation_type", EXPECTATION_TYPES),
            "certainty": labels("certainty", CERTAINTIES),
            "polarity": labels("polarity", POLARITIES),
            "actors": dict(sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))),
            # The author usually goes unnamed by convention: only other unnamed holders count.
            "implicit_actors": 0
            if claims is None
            else int(
                pc.sum(
                    pc.and_(
                        pc.is_null(claims["actor_quote"]),
                        pc.not_equal(claims["actor"], "author"),
                    )
                ).as_py()
                or 0
            ),
            "evidence": self.evidence,
            "cross_sentence_evidence": self.cross_sentence_evidence,
            "annotators": dict(sorted(_counts(chunked(self.annotators)).items())),
        }


# -- writing ---------------------------------------------------------------------------------------


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


class _SplitWriter:
    """The Parquet file of one config and split, written in row groups as tables arrive.

    The file is created on the first row, so an empty split leaves no file (`datasets` cannot
    load a Parquet split without rows).
    """

    def __init__(self, folder: Path, config: str, split: str) -> None:
        self.rel = data_path(config, split)
        self.path = folder / self.rel
        self.schema = _schema(config)
        self.writer: Any = None
        self.pending: list[pa.Table] = []
        self.buffered = 0
        self.rows = 0
        self.nbytes = 0

    def add(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        self.pending.append(table)
        self.buffered += table.num_rows
        self.rows += table.num_rows
        self.nbytes += table.nbytes
        if self.buffered >= ROW_GROUP_ROWS:
            self._flush(final=False)

    def _flush(self, final: bool) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.buffered:
            return
        table = pa.concat_tables(self.pending)
        n = table.num_rows if final else table.num_rows - table.num_rows % ROW_GROUP_ROWS
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.path, self.schema, **_parquet_options())
        self.writer.write_table(table.slice(0, n), row_group_size=ROW_GROUP_ROWS)
        rest = table.slice(n)
        self.pending = [rest] if rest.num_rows else []
        self.buffered = rest.num_rows

    def close(self) -> None:
        self._flush(final=True)
        if self.writer is not None:
            self.writer.close()

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _records(project: Project) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The documents (with their seed text) and the actors, in file order."""
    documents = []
    if project.documents_path.is_file():
        rel = project.relative(project.documents_path)
        for record in jsonio.read_jsonl(project.documents_path, rel):
            doc = Document.model_validate(record).model_dump(mode="json")
            seed = project.seed_path(doc["id"])
            if not seed.is_file():
                raise ClaimsetError(f"{rel}: document {doc['id']!r} has no seed {seed.name}")
            documents.append({**doc, "text": read_seed(seed, doc["id"]).text})
    actors = []
    if project.actors_path.is_file():
        rel = project.relative(project.actors_path)
        actors = [
            Actor.model_validate(r).model_dump(mode="json")
            for r in jsonio.read_jsonl(project.actors_path, rel)
        ]
    return documents, actors


@dataclass
class _Written:
    """What `_write_tables` wrote, and what the card needs to know about it."""

    writers: dict[str, _SplitWriter]
    stats: _Stats
    documents: list[dict[str, Any]]  # metadata, without the text
    actors: list[dict[str, Any]]


def _write_tables(project: Project, folder: Path, include_drafts: bool) -> _Written:
    """Write every config's Parquet files into folder."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for config in CONFIGS:  # build the cached schemas here, not in the reader threads
        _schema(config)
        _raw_schema(config)
    statuses = CLAIM_STATUSES + (DRAFT_STATUSES if include_drafts else ())
    documents, actors = _records(project)
    split_of = {d["id"]: d["split"] for d in documents}
    writers: dict[str, _SplitWriter] = {}

    def writer(config: str, split: str) -> _SplitWriter:
        key = f"{config}/{split}"
        if key not in writers:
            writers[key] = _SplitWriter(folder, config, split)
        return writers[key]

    stats = _Stats(documents=len(documents))
    try:
        for part in _parts(project, statuses):
            split = split_of.get(part.doc, "train")
            writer("sentences", split).add(part.sentences)
            writer("claims", split).add(part.claims)
            stats.add(part)
        docs = _typed(pa.Table.from_pylist(documents, schema=_raw_schema("documents")), "documents")
        for split in SPLITS:
            writer("documents", split).add(docs.filter(pc.equal(docs["split"], split)))
        table = _typed(pa.Table.from_pylist(actors, schema=_raw_schema("actors")), "actors")
        writer("actors", "train").add(table)
        for w in writers.values():
            w.close()
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    meta = [{k: v for k, v in d.items() if k != "text"} for d in documents]
    return _Written(writers, stats, meta, actors)


# -- the output folder -----------------------------------------------------------------------------


def _check_out_dir(project: Project, out_dir: Path) -> None:
    """Refuse to replace anything that is not a previous export (or an empty folder)."""
    root = project.root.resolve()
    target = out_dir.resolve()
    if target == root or target in root.parents:
        raise UsageError(f"{out_dir}: the export folder cannot hold the project itself")
    for protected in (project.corpus_dir, project.seeds_dir, project.schema_dir):
        p = protected.resolve()
        if target == p or p in target.parents:
            raise UsageError(
                f"{out_dir}: the export folder cannot lie inside {project.relative(p)}"
            )
    if target.exists() and not target.is_dir():
        raise ExportRefused(f"{out_dir} exists and is not a folder; nothing was changed")
    if target.is_dir() and any(target.iterdir()):
        card = target / "README.md"
        ours = card.is_file() and EXPORT_MARKER in card.read_text(
            encoding="utf-8", errors="replace"
        )
        if not ours:
            raise ExportRefused(
                f"{out_dir} is not empty and is not a claimset export (its README.md lacks the "
                "export marker); choose another --out or remove it. Nothing was changed."
            )


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (a reused id counts as alive: nothing is lost)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _clean_stale(out_dir: Path) -> None:
    """Tidy up after an export that was killed: remove its half-built folder, and put back a
    previous export it had renamed aside if nothing replaced it. Folders of running exports
    (their process id is in the name) are left alone."""
    if not out_dir.parent.is_dir():
        return
    name = re.escape(out_dir.name)
    building = re.compile(rf"\.claimset-tmp-{name}-(\d{{1,10}})-")
    aside = re.compile(rf"\.claimset-tmp-old-{name}-(\d{{1,10}})$")
    for path in sorted(out_dir.parent.iterdir()):
        match = building.match(path.name) or aside.fullmatch(path.name)
        if match is None or not path.is_dir() or _alive(int(match.group(1))):
            continue
        if match.re is aside and not out_dir.exists():
            os.replace(path, out_dir)  # the killed run had moved the old export aside
        else:
            shutil.rmtree(path, ignore_errors=True)


def _swap_in(tmp: Path, out_dir: Path) -> None:
    """Put the finished folder in place: the old export is renamed aside, then removed."""
    old: Path | None = None
    if out_dir.exists():
        old = out_dir.with_name(f".claimset-tmp-old-{out_dir.name}-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(out_dir, old)
    try:
        os.replace(tmp, out_dir)
    except BaseException:
        if old is not None:
            os.replace(old, out_dir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _validation_report(project: Project, jobs: int) -> tuple[Any, float]:
    """Run the validator; return its report and the seconds it took."""
    from .validate import validate

    started = time.perf_counter()
    report = validate(project, jobs=jobs)
    return report, time.perf_counter() - started


class _Validation:
    """The validator's run: beforehand, or alongside the table building for large corpora.

    On a large corpus validation costs about as much as building the tables, so it runs in a
    forked process (which checks the files with the validator's own worker processes) while
    this process builds the tables into the temporary folder; nothing is swapped in unless the
    report is clean. The fork happens before this export starts any thread of its own. On a
    small corpus, or where fork is not the safe default (anything but Linux), it runs first.
    """

    def __init__(self, project: Project, concurrent: bool) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[tuple[Any, float]] | None = None
        self._result: tuple[Any, float] | None = None
        if concurrent:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self._future = self._pool.submit(_validation_report, project, 0)
        else:
            self._result = _validation_report(project, 1)

    @property
    def concurrent(self) -> bool:
        return self._future is not None

    def close(self) -> None:
        """Stop waiting: cancel the run if it has not started, reap the process."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def result(self) -> tuple[Any, float]:
        """The report and the validator's seconds (waits for the process if needed)."""
        if self._result is None:
            assert self._future is not None and self._pool is not None
            try:
                self._result = self._future.result()
            finally:
                self._pool.shutdown()
        return self._result

    def check(self) -> float:
        """Raise InvalidCorpus unless the corpus is valid and anchored; return the seconds."""
        report, seconds = self.result()
        if not report.valid:
            raise InvalidCorpus(
                f"the corpus has {plural(len(report.errors), 'validation error')}: export refused "
                "(fix them; `claimset validate` lists them)",
                report,
            )
        unfit = [d for d in report.warnings if d.code in UNEXPORTABLE]
        if unfit:
            raise InvalidCorpus(
                f"{len(unfit)} span(s) without exact offsets or claim(s) without id: export "
                "refused (run `claimset fmt`, which fills them, then export again)",
                report,
            )
        return float(seconds)


def _concurrent(project: Project) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    size = sum(p.stat().st_size for p in project.annotation_paths())
    return size >= CONCURRENT_VALIDATION_BYTES


def _card_data(written: _Written, include_drafts: bool) -> CardData:
    """The card's inputs: rows, bytes and file sizes per config and split, and the counts."""
    rows: dict[str, dict[str, int]] = {c: {} for c in CONFIGS}
    num_bytes: dict[str, dict[str, int]] = {c: {} for c in CONFIGS}
    sizes: dict[str, int] = {}
    for config in CONFIGS:
        for split in SPLITS:
            w = written.writers.get(f"{config}/{split}")
            if w is not None and w.rows:
                rows[config][split] = w.rows
                num_bytes[config][split] = w.nbytes
                sizes[w.rel] = w.path.stat().st_size
    return CardData(
        rows=rows,
        num_bytes=num_bytes,
        file_sizes=sizes,
        documents=written.documents,
        actors=written.actors,
        stats=written.stats.to_dict(include_drafts),
        include_drafts=include_drafts,
    )


def export(
    project: Project,
    out_dir: Path | None = None,
    *,
    include_drafts: bool = False,
    on_step: Callable[[str], None] | None = None,
) -> ExportResult:
    """Validate the corpus and write it as a Hugging Face dataset folder.

    Args:
        project: The claimset project.
        out_dir: The dataset folder (default `dist/claimset` under the project root). It is
            built in a temporary sibling folder and swapped in at the end; an existing folder is
            only replaced if it is empty or a previous export.
        include_drafts: Also put the claims of `draft` sentences (machine suggestions) in the
            `claims` config.
        on_step: Called with the name of each step (validate, tables, card), for progress.

    Raises:
        InvalidCorpus: The corpus has validation errors, or spans `fmt` has not anchored (the
            report is attached). Nothing is written then.
        ExportRefused: out_dir exists and is not a previous export.
        UsageError: out_dir would hold the project or lie inside its data folders.
    """
    out_dir = Path(os.path.abspath(out_dir if out_dir is not None else project.default_export_dir))
    _check_out_dir(project, out_dir)
    _clean_stale(out_dir)
    timings: dict[str, float] = {}
    if on_step is not None:
        on_step("validate")
    started = time.perf_counter()
    validation = _Validation(project, _concurrent(project))
    if not validation.concurrent:
        timings["validate"] = validation.check()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(
        tempfile.mkdtemp(prefix=f".claimset-tmp-{out_dir.name}-{os.getpid()}-", dir=out_dir.parent)
    )
    try:
        if on_step is not None:
            on_step("tables")
        clock = time.perf_counter()
        failure: Exception | None = None
        try:
            written = _write_tables(project, tmp, include_drafts)
        except Exception as exc:  # an invalid corpus explains it better: check that first
            failure = exc
        timings["tables"] = time.perf_counter() - clock
        if "validate" not in timings:
            clock = time.perf_counter()
            timings["validate"] = validation.check()
            timings["wait"] = time.perf_counter() - clock
        if failure is not None:
            raise failure
        if on_step is not None:
            on_step("card")
        clock = time.perf_counter()
        data = _card_data(written, include_drafts)
        extra = card.card_files(project, data)
        for rel, content in extra.items():
            (tmp / rel).write_bytes(content)
        os.chmod(tmp, 0o755)
        _swap_in(tmp, out_dir)
        timings["card"] = time.perf_counter() - clock
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        validation.close()
        raise
    timings["total"] = time.perf_counter() - started
    return ExportResult(
        out_dir=out_dir,
        rows=data.rows,
        files=sorted([*data.file_sizes, *extra]),
        include_drafts=include_drafts,
        stats=data.stats,
        timings=timings,
        report=validation.result()[0],
    )
