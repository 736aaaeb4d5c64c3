"""A claimset project on disk: where its files are, and reading seeds, actors and documents."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import (
    InvalidDocumentId,
    OutsideProject,
    ProjectNotFound,
    SeedDecodeError,
    UsageError,
)
from .paths import check_inside, check_project, is_inside
from .vocabulary import DOC_ID_PATTERN

_DOC_ID = re.compile(DOC_ID_PATTERN)

BOM = "\ufeff"

#: The files of corpus/ that hold no sentence records.
REGISTRY_FILES = frozenset({"actors.jsonl", "documents.jsonl", "annotators.jsonl"})


def check_doc_id(doc_id: str) -> str:
    """Return doc_id if it is a valid document id, else raise InvalidDocumentId."""
    if not _DOC_ID.fullmatch(doc_id):  # `$` alone accepts a final newline
        raise InvalidDocumentId(
            f"invalid document id {doc_id!r}: ids match {DOC_ID_PATTERN} "
            "(letters, digits, '.', '_', '-'; starting with a letter or digit); rename the file"
        )
    return doc_id


def _visible_files(paths: Iterable[Path], root: Path) -> list[Path]:
    """The regular files among `paths`, sorted, without hidden ones (names starting with `.`).

    Raises OutsideProject for a symbolic link that leads out of `root` (the path policy).
    A file that is not a link lies where its folder does: each folder is resolved once, not
    each file (resolving every path of a corpus of 2,000 documents cost 8,000 lookups).
    """
    folders: dict[Path, bool] = {}
    found = []
    for path in paths:
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.is_symlink():
            found.append(check_inside(root, path))
            continue
        inside = folders.get(path.parent)
        if inside is None:
            inside = folders[path.parent] = is_inside(root, path.parent)
        found.append(path if inside else check_inside(root, path))
    return sorted(found)


def _visible_in(folder: Path, suffix: str, root: Path) -> list[Path]:
    """`_visible_files` of the files of `folder` (not below it) named `*suffix`, sorted by name.

    One `scandir`: its entries know whether they are files or links without a lookup each
    (two per file with `glob`, `is_file` and `is_symlink`; a corpus may have thousands).
    """
    with os.scandir(folder) as entries:
        found = sorted(
            (entry.name, entry.is_symlink())
            for entry in entries
            if not entry.name.startswith(".") and entry.name.endswith(suffix) and entry.is_file()
        )
    inside = not found or is_inside(root, folder)
    return [
        check_inside(root, folder / name) if link or not inside else folder / name
        for name, link in found
    ]


@dataclass(frozen=True)
class Seed:
    """A seed essay as read: its text (BOM removed), whether it had a BOM, its sha256."""

    doc_id: str
    path: Path
    text: str
    sha256: str
    had_bom: bool


def read_seed(path: str | Path, doc_id: str | None = None) -> Seed:
    """Read a seed file as UTF-8; a leading BOM is removed and flagged, line ends are untouched.

    Raises SeedDecodeError (with the byte offset) on invalid UTF-8.
    """
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedDecodeError(
            f"{path}: invalid UTF-8 at byte {exc.start} ({exc.reason}); save the file as UTF-8"
        ) from exc
    nul = data.find(b"\0")
    if nul >= 0:  # a binary file, or a disk image: no essay holds a NUL character
        raise SeedDecodeError(
            f"{path}: a NUL byte at byte {nul}: not a text file; save the essay as UTF-8 text"
        )
    had_bom = text.startswith(BOM)
    if had_bom:
        text = text[1:]
    try:
        doc_id = doc_id or check_doc_id(path.stem)
    except InvalidDocumentId as exc:  # located: which file to rename
        shown = json.dumps(f"{path.parent.name}/{path.name}", ensure_ascii=False)[1:-1]
        raise InvalidDocumentId(f"{shown}: {exc}") from None
    return Seed(
        doc_id=doc_id,
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        had_bom=had_bom,
    )


@dataclass(frozen=True)
class Project:
    """The folder layout of a claimset project (see SPEC, "Layout")."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project at or above `start` (default: the working directory).

        A project is a folder holding `corpus/`; raises ProjectNotFound otherwise.
        """
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "corpus").is_dir():
                check_project(folder)
                return cls(folder)
        raise ProjectNotFound(
            f"no claimset project at or above {here} (no corpus/ folder); "
            "run `claimset init DIR` to create one, or cd into a project"
        )

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def corpus_dir(self) -> Path:
        return self.root / "corpus"

    @property
    def annotations_dir(self) -> Path:
        return self.corpus_dir / "annotations"

    @property
    def actors_path(self) -> Path:
        return self.corpus_dir / "actors.jsonl"

    @property
    def annotators_path(self) -> Path:
        return self.corpus_dir / "annotators.jsonl"

    @property
    def documents_path(self) -> Path:
        return self.corpus_dir / "documents.jsonl"

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @property
    def default_export_dir(self) -> Path:
        return self.root / "dist" / "claimset"

    def annotation_path(self, doc_id: str) -> Path:
        return self.annotations_dir / f"{check_doc_id(doc_id)}.jsonl"

    def seed_path(self, doc_id: str) -> Path:
        return self.seeds_dir / f"{check_doc_id(doc_id)}.txt"

    def seed_paths(self) -> list[Path]:
        """Every seed essay, sorted by name; hidden files (`.x.txt`, macOS `._x.txt`) are not."""
        if not self.seeds_dir.is_dir():
            return []
        return _visible_in(self.seeds_dir, ".txt", self.root)

    def annotation_paths(self) -> list[Path]:
        """Every annotation file, sorted by name; hidden files (editor temp files) are not."""
        if not self.annotations_dir.is_dir():
            return []
        return _visible_in(self.annotations_dir, ".jsonl", self.root)

    def resolve(self, path: str | Path) -> Path:
        """An absolute path for a user-given path, which must exist and lie inside the project.

        Raises OutsideProject (exit 2) for `../x` and friends, UsageError if it does not exist.
        """
        candidate = Path(path)
        if not candidate.is_absolute():
            candidate = Path.cwd() / candidate
        resolved = candidate.resolve()
        if resolved != self.root and self.root not in resolved.parents:
            raise OutsideProject(f"{path}: lies outside the project {self.root}")
        if not resolved.exists():
            raise UsageError(f"{path}: no such file or folder", file=str(path))
        return check_inside(self.root, resolved)

    def select(self, paths: list[Path], candidates: Iterable[Path], what: str) -> list[Path]:
        """The candidates that user-given paths name, sorted: a file must be one of them, a
        folder names those inside it. Raises UsageError naming `what` a file must be."""
        known = {p.resolve(): p for p in candidates}
        chosen: dict[Path, Path] = {}
        for path in paths:
            resolved = path.resolve()
            if resolved.is_dir():
                chosen.update((r, p) for r, p in known.items() if resolved in r.parents)
            elif resolved in known:
                chosen[resolved] = known[resolved]
            else:
                shown = self.relative(resolved)
                raise UsageError(f"{shown}: not {what}", file=shown)
        return sorted(chosen.values(), key=str)

    def annotation_files(self, paths: Iterable[Path] | None) -> list[Path]:
        """The annotation files user-given paths name (default: every annotation file).

        A folder names the `*.jsonl` files inside it (at any depth), except hidden files, the
        registry files and corpus/orphans/ (claims waiting to be placed, not sentences); a file
        must be a `*.jsonl` that is not actors.jsonl or documents.jsonl. Raises UsageError
        otherwise.
        """
        if paths is None:
            return self.annotation_paths()
        files: list[Path] = []
        orphans = (self.corpus_dir / "orphans").resolve()
        for path in paths:
            if path.is_dir():
                found = _visible_files(path.rglob("*.jsonl"), self.root)
                files.extend(
                    p
                    for p in found
                    if p.name not in REGISTRY_FILES and p.resolve().parent != orphans
                )
            elif path.suffix == ".jsonl" and path.name not in REGISTRY_FILES:
                files.append(path)
            else:
                raise UsageError(
                    f"{self.relative(path)}: not an annotation file (a *.jsonl file of sentence "
                    "records, such as corpus/annotations/<doc>.jsonl, or a folder of them)"
                )
        return files

    def relative(self, path: Path) -> str:
        """A path as shown in diagnostics: relative to the project root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
