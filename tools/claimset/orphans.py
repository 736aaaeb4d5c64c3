"""corpus/orphans/<doc>.jsonl: claims that `split` could not place after the seed changed.

One line per claim: `{"doc", "sentence", "text", "status", "annotator", "reason", "claim"}`:
the sentence id and text the claim was annotated on, the sentence's status and annotator then,
why it could not be placed, and the claim unchanged. A person resolves an orphan by moving the
claim back into a sentence record (fixing its quotes) or by deleting the line; `validate` warns
about each one until then (an error under --strict) and `export` leaves them out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import jsonio
from .project import Project

FOLDER = "orphans"

#: The fields of an orphan line, in the order written.
FIELDS = ("doc", "sentence", "text", "status", "annotator", "reason", "claim")


def orphans_dir(project: Project) -> Path:
    return project.corpus_dir / FOLDER


def orphans_path(project: Project, doc_id: str) -> Path:
    return orphans_dir(project) / f"{doc_id}.jsonl"


def orphan_paths(project: Project) -> list[Path]:
    """Every orphans file, sorted; hidden files are not."""
    folder = orphans_dir(project)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.jsonl") if p.is_file() and not p.name.startswith("."))


def is_orphans_file(project: Project, path: Path) -> bool:
    """Whether `path` lies in corpus/orphans/ (not an annotation file)."""
    return path.resolve().parent == orphans_dir(project).resolve()


def read_orphans(project: Project, doc_id: str) -> list[Any]:
    """The orphans of a document (strict: raises InvalidLine on a bad line)."""
    path = orphans_path(project, doc_id)
    if not path.exists():
        return []
    return jsonio.read_jsonl(path, display=project.relative(path))


def orphan_bytes(existing: list[Any], new: list[dict[str, Any]]) -> bytes:
    """The file with `new` orphans appended after `existing`; an orphan already there (an
    interrupted split re-run) is not written twice."""
    seen = {jsonio.dumps(o) for o in existing}
    records = list(existing)
    for orphan in new:
        key = jsonio.dumps(orphan)
        if key not in seen:
            seen.add(key)
            records.append(orphan)
    return jsonio.jsonl_bytes(records)


def count_orphans(project: Project) -> dict[str, int]:
    """Orphaned claims per document (non-blank lines of each orphans file)."""
    counts: dict[str, int] = {}
    for path in orphan_paths(project):
        n = sum(1 for _, raw in jsonio.iter_lines(path) if raw is None or raw.strip())
        if n:
            counts[path.stem] = n
    return counts
