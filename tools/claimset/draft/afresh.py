"""Copies of annotated documents for the machine alone to draft: what the drafter's figures are
measured on (the floors test, the benchmarks, a measuring script over a gold project).

`draft_afresh` starts from the seed, as a user's new project does: split anew, then drafted.
`todo_copy` keeps the gold's sentences and only empties them (every sentence `todo`).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from .. import jsonio
from ..errors import ClaimsetError
from ..project import Project
from ..split import split
from .files import draft

#: The registries a fresh copy takes from its source: the parties and the documents' records
#: (a document's `speaks_for` changes its drafts).
REGISTRIES = ("actors.jsonl", "documents.jsonl")


def draft_afresh(source: Path, doc: str, dest: Path) -> Project:
    """A new project at `dest` holding document `doc` of the project at `source`: its seed and
    the source's registries, split and drafted. `dest` must not exist yet."""
    (dest / "seeds").mkdir(parents=True)
    shutil.copy(source / "seeds" / f"{doc}.txt", dest / "seeds")
    (dest / "corpus").mkdir()
    for registry in REGISTRIES:
        shutil.copy(source / "corpus" / registry, dest / "corpus")
    project = Project(dest)
    if not split(project).ok or not draft(project).ok:
        raise ClaimsetError(f"{doc}: its fresh copy in {dest} could not be split and drafted")
    return project


def todo_copy(source: Path, dest: Path, docs: Iterable[str] | None = None) -> Project:
    """A new project at `dest` holding the annotation files of the project at `source` (only
    those of `docs`, when given), their seeds and the source's actors registry, with every
    sentence back to `todo`: the gold's sentences, nothing annotated."""
    (dest / "seeds").mkdir(parents=True)
    (dest / "corpus" / "annotations").mkdir(parents=True)
    if (source / "corpus" / "actors.jsonl").exists():
        shutil.copy(source / "corpus" / "actors.jsonl", dest / "corpus" / "actors.jsonl")
    wanted = None if docs is None else set(docs)
    for path in sorted((source / "corpus" / "annotations").glob("*.jsonl")):
        if wanted is not None and path.stem not in wanted:
            continue
        shutil.copy(source / "seeds" / f"{path.stem}.txt", dest / "seeds" / f"{path.stem}.txt")
        records = jsonio.read_jsonl(path)
        for r in records:
            r.update(status="todo", annotator=None, claims=[])
        jsonio.write_jsonl(dest / "corpus" / "annotations" / path.name, records)
    return Project(dest)
