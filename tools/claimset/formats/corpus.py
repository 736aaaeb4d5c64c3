"""A project's documents as the converters need them: text, sentence records, actors.

Reads only the stable parts of a project (seeds, annotation files, the actor registry) through
`claimset.project` and `claimset.jsonio`, and refuses a record the models reject with its
`file:line`, as `export` would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..canonical import canonical
from ..errors import ClaimsetError, DataProtected, InvalidLine
from ..jsonio import jsonl_bytes, read_jsonl_numbered, write_jsonl
from ..models import HUMAN_STATUSES, Actor, SentenceRecord, first_error
from ..project import Project, read_seed


@dataclass
class CorpusDocument:
    """One essay: its id, its full text, and its sentence records in order."""

    id: str
    text: str
    sentences: list[SentenceRecord] = field(default_factory=list)


def read_records(path: Path, display: str) -> list[SentenceRecord]:
    """The sentence records of one annotation file; InvalidLine on the first bad record."""
    found: list[SentenceRecord] = []
    for lineno, data in read_jsonl_numbered(path, display):
        try:
            found.append(SentenceRecord.model_validate(data))
        except ValidationError as exc:
            raise InvalidLine(first_error(exc), file=display, line=lineno) from exc
    return found


def load_documents(project: Project, doc_ids: Iterable[str] | None = None) -> list[CorpusDocument]:
    """Every seed of the project (or those named) with its annotation records, sorted by id.

    A seed not yet split has no sentences; an annotation file without a seed is an error.
    """
    wanted = set(doc_ids) if doc_ids is not None else None
    docs: list[CorpusDocument] = []
    seeds = {p.stem: p for p in project.seed_paths()}
    for path in project.annotation_paths():
        if path.stem not in seeds and (wanted is None or path.stem in wanted):
            raise ClaimsetError(f"{project.relative(path)}: no seed seeds/{path.stem}.txt")
    for doc_id, seed_path in sorted(seeds.items()):
        if wanted is not None and doc_id not in wanted:
            continue
        seed = read_seed(seed_path)
        ann = project.annotation_path(doc_id)
        sentences = read_records(ann, project.relative(ann)) if ann.exists() else []
        docs.append(CorpusDocument(doc_id, seed.text, sentences))
    if wanted is not None and (unknown := wanted - seeds.keys()):
        raise ClaimsetError(f"no such document: {', '.join(sorted(unknown))}")
    return docs


def load_actors(project: Project) -> list[Actor]:
    """The actor registry, in file order (an absent file: no actors)."""
    if not project.actors_path.exists():
        return []
    display = project.relative(project.actors_path)
    actors: list[Actor] = []
    for lineno, data in read_jsonl_numbered(project.actors_path, display):
        try:
            actors.append(Actor.model_validate(data))
        except ValidationError as exc:
            raise InvalidLine(first_error(exc), file=display, line=lineno) from exc
    return actors


def record_json(record: SentenceRecord) -> dict[str, Any]:
    """A record as canonical JSON data: what `fmt` writes (no input-only fields)."""
    data: dict[str, Any] = canonical(
        record.model_dump(mode="json", exclude_unset=True), SentenceRecord
    )
    return data


def _dump(records: list[SentenceRecord]) -> list[dict[str, Any]]:
    return [record_json(r) for r in records]


def write_documents(
    project: Project, docs: Iterable[CorpusDocument], *, force: bool = False
) -> list[str]:
    """Write imported documents into the project; return the annotation files changed.

    Checks everything before writing anything: a document whose seed differs from the imported
    text is refused, and so is one whose file holds human work (`done`/`reviewed` sentences)
    that the import would change, unless `force`. Each file is written atomically.
    """
    docs = list(docs)
    refusals: list[str] = []
    for doc in docs:
        seed_path = project.seed_path(doc.id)
        if seed_path.exists() and read_seed(seed_path).text != doc.text:
            refusals.append(f"seeds/{doc.id}.txt: differs from the imported text of {doc.id}")
        ann = project.annotation_path(doc.id)
        if force or not ann.exists():
            continue
        old = {r.id: r for r in read_records(ann, project.relative(ann))}
        new = {r.id: r for r in doc.sentences}
        changed = [
            sid
            for sid, r in old.items()
            if r.status in HUMAN_STATUSES and (sid not in new or new[sid] != r)
        ]
        if changed:
            shown = ", ".join(changed[:3]) + (", …" if len(changed) > 3 else "")
            refusals.append(
                f"{project.relative(ann)}: the import would change {len(changed)} done or "
                f"reviewed sentence(s) ({shown}); commit them first, then re-run with --force"
            )
    if refusals:
        raise DataProtected("; ".join(refusals))
    changed_files: list[str] = []
    for doc in docs:
        ann = project.annotation_path(doc.id)
        if write_jsonl(ann, _dump(doc.sentences)):
            changed_files.append(project.relative(ann))
    return changed_files


def records_bytes(records: list[SentenceRecord]) -> bytes:
    """The canonical JSONL bytes of sentence records (what `fmt` writes)."""
    return jsonl_bytes(_dump(records))
