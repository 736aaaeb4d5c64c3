"""The runner: which files to check, one document at a time (or in worker processes).

Memory grows with one document at a time (its seed, its sentence ids), not with the corpus.
No input makes this module raise anything but a ClaimsetError for a bad command line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..agreement_files import agreement_orphan_paths, agreement_paths, annotated_file_of
from ..diagnostics import Diagnostic, Report
from ..errors import SeedDecodeError
from ..jsonio import iter_jsonl_lenient
from ..orphans import orphan_paths
from ..project import Project, read_seed
from .checks import documents as checks
from .checks.structure import structure
from .files import (
    ActorFile,
    AnnotationFile,
    AnnotatorFile,
    DocRecord,
    DocumentFile,
    OrphanFile,
)
from .positions import json_path
from .problems import ActorIndex

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass
class _DocTask:
    """Everything one worker needs to check one document's annotation file."""

    doc_id: str
    annotation: Path | None
    annotation_rel: str
    seed: Path | None
    record: DocRecord | None
    documents_rel: str
    annotation_exists: bool  # even when out of scope: then the seed is not "not split"


@dataclass
class _DocResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    records: int = 0
    checked: bool = False


@dataclass
class _Seed:
    """What the checks learnt of a document's seed."""

    text: str | None = None
    sha256: str | None = None
    unreadable: str = ""  # why it cannot be read, if so


def _check_seed(task: _DocTask, seed_rel: str, out: list[Diagnostic]) -> _Seed:
    found = _Seed()
    if task.seed is None:
        return found
    try:
        seed = read_seed(task.seed, task.doc_id)
    except SeedDecodeError as exc:
        data, cause = task.seed.read_bytes(), exc.__cause__
        if isinstance(cause, UnicodeDecodeError):
            out.extend(checks.seed_encoding(seed_rel, data, cause.start))
            found.unreadable = f"{seed_rel} is not valid UTF-8"
        else:  # valid UTF-8 holding a NUL byte: a binary file, no essay
            out.extend(checks.seed_encoding(seed_rel, data, data.find(b"\0")))
            found.unreadable = f"{seed_rel} is not a text file (a NUL byte)"
    except OSError as exc:
        found.unreadable = f"{seed_rel} cannot be read ({exc.strerror})"
    else:
        found.text, found.sha256 = seed.text, seed.sha256
        if seed.had_bom:
            out.extend(checks.seed_bom(seed_rel))
    out.extend(checks.document_name(seed_rel, task.doc_id))
    if not task.annotation_exists:
        out.extend(checks.not_split(seed_rel))
    return found


def _check_document(task: _DocTask, actors: ActorIndex) -> _DocResult:
    """The checks of one document: its seed, its record, and its annotation file."""
    result = _DocResult()
    seed_rel = f"seeds/{task.doc_id}.txt"
    seed = _check_seed(task, seed_rel, result.diagnostics)
    record = task.record
    if record is not None and task.seed is None:
        result.diagnostics.extend(
            checks.record_without_seed(task.documents_rel, record.line, task.doc_id, seed_rel)
        )
    stale = (
        record is not None
        and seed.sha256 is not None
        and isinstance(record.sha256, str)
        and record.sha256 != seed.sha256
    )
    if task.annotation is None:
        if stale and record is not None:
            result.diagnostics.extend(
                checks.stale_record(task.documents_rel, record.line, seed_rel)
            )
        return result
    check = AnnotationFile(task.annotation, task.annotation_rel, actors, task.doc_id, seed.text)
    rel = task.annotation_rel
    if task.seed is None or seed.unreadable:
        check.diagnostics.extend(checks.annotation_without_seed(rel, seed_rel, seed.unreadable))
    check.diagnostics.extend(checks.document_name(rel, task.doc_id))
    if stale and record is not None and seed.sha256 is not None:
        check.diagnostics.extend(
            checks.stale_seed(
                rel, seed_rel, seed.sha256, task.documents_rel, record.line, record.sha256
            )
        )
    elif record is None and task.seed is not None:
        check.diagnostics.extend(checks.unknown_document(rel, task.doc_id, task.documents_rel))
    check.run()
    if (
        record is not None
        and not stale
        and not check.unparsed
        and isinstance(record.sentence_count, int)
    ):
        check.diagnostics.extend(
            checks.sentence_count(
                rel, check.state.sentences, task.documents_rel, record.line, record.sentence_count
            )
        )
    result.diagnostics.extend(check.diagnostics)
    result.records = check.records
    result.checked = True
    return result


def _check_agreement(
    project: Project, path: Path, seeds: dict[str, Path], actors: ActorIndex
) -> _DocResult:
    """An agreement file is checked like an annotation file of the document it is named after
    (against that seed), except the sentence count: a second annotation may cover part of it.

    Its actor ids are those of the corpus registry plus, when the folder has one, the
    annotator's own `actors.jsonl` (second annotators often kept their own registry). A file of
    a document the project does not have is a study kept for reference: not checked.
    """
    result = _DocResult()
    seed_path = seeds.get(path.stem)
    if seed_path is None:
        return result
    result.checked = True
    own = path.parent / "actors.jsonl"
    if own.is_file():
        merged = ActorIndex()
        merged.ids, merged.names = set(actors.ids), dict(actors.names)
        for _, record, _ in iter_jsonl_lenient(own):
            if record is not None:
                merged.add(record)
        actors = merged
    text = None
    if seed_path is not None:
        try:
            text = read_seed(seed_path, path.stem).text
        except (SeedDecodeError, OSError):
            text = None  # the seed's own check reports it
    check = AnnotationFile(path, project.relative(path), actors, path.stem, text, partial=True)
    check.run()
    result.diagnostics = check.diagnostics
    result.records = check.records
    return result


_worker_actors: ActorIndex | None = None


def _init_worker(actors: ActorIndex) -> None:
    global _worker_actors
    from ..lifeline import die_with_parent

    die_with_parent()  # a killed `claimset validate -j N` leaves no worker behind
    _worker_actors = actors


def _run_task(task: _DocTask) -> _DocResult:
    assert _worker_actors is not None
    return _check_document(task, _worker_actors)


class _Scope:
    """The files reported on: every data file, or those that PATHs name."""

    def __init__(self, project: Project, paths: list[Path] | None) -> None:
        self.paths: set[Path] | None = None
        self.rel: set[str] | None = None
        if paths is not None:
            known = {
                *project.annotation_paths(),
                *project.seed_paths(),
                *(
                    p
                    for p in (project.actors_path, project.documents_path, project.annotators_path)
                    if p.is_file()
                ),
                *agreement_paths(project),
                *orphan_paths(project),
                *agreement_orphan_paths(project),
            }
            what = (
                "a file claimset validates (corpus/annotations/*.jsonl, corpus/actors.jsonl, "
                "corpus/documents.jsonl, corpus/annotators.jsonl, corpus/orphans/*.jsonl, "
                "agreement/**/*.jsonl, seeds/*.txt)"
            )
            self.paths = set(project.select(paths, {p.resolve() for p in known}, what))
            self.rel = {project.relative(p) for p in self.paths}

    def __contains__(self, path: Path) -> bool:
        return self.paths is None or path.resolve() in self.paths


def broken_links(project: Project) -> list[Path]:
    """Annotation files that are symbolic links to nothing (`annotation_paths` lists files)."""
    folder = project.annotations_dir
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:  # no lookup for each file that is not a link
        return sorted(
            folder / entry.name
            for entry in entries
            if entry.is_symlink()
            and entry.name.endswith(".jsonl")
            and not entry.name.startswith(".")
            and not os.path.exists(entry.path)
        )


def _tasks(
    project: Project,
    scope: _Scope,
    documents: dict[str, DocRecord],
    seeds: dict[str, Path],
    linked: set[str],
) -> Iterator[_DocTask]:
    """One task per document in scope: with a seed, an annotation file or a record.

    `linked`: documents whose annotation file is a broken link (reported on its own; their
    seed is split, not "not split")."""
    annotations = {p.stem: p for p in project.annotation_paths()}
    # Computed once: resolving paths per document would cost more than checking small files.
    documents_path = project.documents_path
    documents_rel = project.relative(documents_path)
    annotations_rel = project.relative(project.annotations_dir)
    for doc_id in sorted(set(seeds) | set(annotations) | set(documents)):
        annotation = annotations.get(doc_id)
        seed = seeds.get(doc_id)
        record = documents.get(doc_id)
        wanted = [p for p in (annotation, seed) if p is not None]
        if record is not None:
            wanted.append(documents_path)
        if scope.paths is not None and not any(p in scope for p in wanted):
            continue
        yield _DocTask(
            doc_id,
            annotation if annotation is not None and annotation in scope else None,
            f"{annotations_rel}/{annotation.name}" if annotation else "",
            seed,
            record,
            documents_rel,
            annotation is not None or doc_id in linked,
        )


def _results(tasks: Iterator[_DocTask], actors: ActorIndex, jobs: int) -> Iterator[_DocResult]:
    """The tasks' results, in their order: here, or in `jobs` processes (0: one per CPU)."""
    todo: list[_DocTask] = []
    if jobs != 1:
        # Imported here, as multiprocessing below: nothing of it on the one-process path.
        from ..lifeline import processes

        todo = list(tasks)
        jobs = processes(jobs, len(todo))
        tasks = iter(todo)
    if jobs <= 1:
        # One document at a time: memory does not grow with the corpus.
        return (_check_document(task, actors) for task in tasks)
    # Imported here: multiprocessing is a tenth of `validate`'s start-up, for --jobs only.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(actors,))
    with pool:
        chunk = max(1, len(todo) // (jobs * 8))
        return iter(list(pool.map(_run_task, todo, chunksize=chunk)))


def validate(
    project: Project,
    paths: list[Path] | None = None,
    *,
    strict: bool = False,
    jobs: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check the project's data files and report every problem.

    With `paths` (files or folders inside the project), only those files are reported on, but
    the actor registry, documents.jsonl and the seeds are still read, since the checks need
    them. `strict` turns warnings into errors. `jobs` > 1 checks annotation files in that many
    processes (0: one per CPU). Raises UsageError for a path that is not a data file.
    `on_progress(done, total)` is called as the documents are checked.
    """
    scope = _Scope(project, paths)
    report = Report()
    actors = ActorIndex()
    diagnostics: list[Diagnostic] = []
    actor_file = ActorFile(project.actors_path, project.relative(project.actors_path), actors)
    documents = DocumentFile(
        project.documents_path, project.relative(project.documents_path), actors
    )
    annotators = AnnotatorFile(
        project.annotators_path, project.relative(project.annotators_path), actors
    )
    # Actors first: the index the others need.
    for registry_file in (actor_file, documents, annotators):
        if registry_file.path.is_file():
            registry_file.run()
            if registry_file.path in scope:
                report.files += 1
                report.records += registry_file.records
                diagnostics.extend(registry_file.diagnostics)
    seeds = {p.stem: p for p in project.seed_paths()}
    # Listed even when PATHs name other files: a seed whose annotation file is a broken link
    # is split, not "not split" (the link itself is reported by a run over every file).
    broken = broken_links(project)
    annotations_rel = project.relative(project.annotations_dir)
    for link in broken:
        rel = f"{annotations_rel}/{link.name}"
        diagnostics.extend(checks.broken_link(rel, os.readlink(link)))
    linked = {p.stem for p in broken}
    tasks = list(_tasks(project, scope, documents.documents, seeds, linked))
    for done, result in enumerate(_results(iter(tasks), actors, jobs)):
        if on_progress is not None:
            on_progress(done, len(tasks))
        diagnostics.extend(result.diagnostics)
        if result.checked:
            report.files += 1
            report.records += result.records
    for path in agreement_paths(project):
        if path in scope:
            found = _check_agreement(project, path, seeds, actors)
            diagnostics.extend(found.diagnostics)
            if found.checked:
                report.files += 1
                report.records += found.records
    for path in orphan_paths(project):
        if path in scope:
            annotations_rel = project.relative(project.annotations_dir / path.name)
            orphan_file = OrphanFile(path, project.relative(path), actors, annotations_rel)
            orphan_file.run()
            report.files += 1
            report.records += orphan_file.records
            diagnostics.extend(orphan_file.diagnostics)
    for path in agreement_orphan_paths(project):
        if path in scope:
            annotated_rel = project.relative(annotated_file_of(path))
            orphan_file = OrphanFile(path, project.relative(path), actors, annotated_rel)
            orphan_file.run()
            report.files += 1
            report.records += orphan_file.records
            diagnostics.extend(orphan_file.diagnostics)
    if scope.paths is not None:  # a seed named on the command line is a file checked too
        report.files += sum(1 for p in seeds.values() if p.resolve() in scope.paths)
    if scope.rel is not None:
        diagnostics = [d for d in diagnostics if d.file in scope.rel]
    report.diagnostics = sorted(diagnostics, key=lambda d: (d.file, d.line, d.column))
    if strict:
        report.promote_warnings()
    return report


def schema_errors(obj: Any, model: type[BaseModel] | None = None) -> list[tuple[str, str]]:
    """The structural problems of one parsed record as (path, code): what JSON Schema checks.

    For comparing claimset with other validators; `validate` gives the full diagnostics.
    `model`: SentenceRecord by default.
    """
    if model is None:
        from ..models import SentenceRecord

        model = SentenceRecord
    if not isinstance(obj, dict):
        return [("", "type")]
    problems = structure(model, obj, set(), ActorIndex())
    return [(json_path(p.path), p.code) for p in problems]
