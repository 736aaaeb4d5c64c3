"""The output folder: what may be replaced, tidying up after a killed run, the final swap.

An export is built in a temporary sibling folder and swapped in at the end, so a failed or
interrupted export leaves the previous one intact. An export owns only what it made: the files
it wrote are listed in its manifest (`.claimset-export.json`), and a re-export replaces those
and nothing else, so a folder that is also a Hub clone keeps its `.git`, `.gitattributes` and
notes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from ..errors import DataProtected, UsageError
from ..project import Project
from .paths import EXPORT_MARKER


class ExportRefused(DataProtected):
    "The output folder exists and is not a previous claimset export, so it was left alone."


#: The manifest of an export: the files it wrote, relative to its folder, one JSON list.
MANIFEST = ".claimset-export.json"

#: What exports made before the manifest wrote (so such an export is still recognized).
_EXPORT_NAME = re.compile(
    r"README\.md|LICENSE\.md|guidelines\.md|"
    r"(?:sentences|claims|documents|actors)/(?:train|validation|test)-\d{5}-of-\d{5}\.parquet"
)


def _files(folder: Path) -> set[str]:
    """Every file (or link) under `folder`, relative, with forward slashes."""
    found = set()
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_dir():
            found.add(path.relative_to(folder).as_posix())
    return found


def _is_export(folder: Path) -> bool:
    card = folder / "README.md"
    if (folder / MANIFEST).is_file():
        return True
    return card.is_file() and EXPORT_MARKER in card.read_text(encoding="utf-8", errors="replace")


def owned_files(folder: Path) -> set[str]:
    """The files of `folder` that a previous export wrote: those its manifest lists (and that
    are there), or for an export made before manifests, the names exports write."""
    present = _files(folder)
    try:
        listed = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
        owned = {f for f in listed if isinstance(f, str)}
    except (OSError, ValueError, KeyError, TypeError):
        owned = {f for f in present if _EXPORT_NAME.fullmatch(f)} if _is_export(folder) else set()
    return (owned | {MANIFEST}) & present


def foreign_entries(folder: Path) -> list[str]:
    """The top-level entries of `folder` holding anything a previous export did not write."""
    if not folder.is_dir():
        return []
    others = _files(folder) - owned_files(folder)
    return sorted({f.split("/", 1)[0] for f in others})


def write_manifest(folder: Path, files: Iterable[str]) -> None:
    """Record the files an export wrote into `folder` (the manifest lists itself too)."""
    listed = sorted({*files, MANIFEST})
    text = json.dumps({"generator": "claimset export", "files": listed}, indent=1)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def check_out_dir(project: Project, out_dir: Path, force: bool = False) -> None:
    """Refuse an output folder that holds something that is not a previous export, unless
    `force`: the export then adds its files there and leaves everything else alone."""
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
    if target.is_dir() and any(target.iterdir()) and not _is_export(target) and not force:
        found = ", ".join(foreign_entries(target)[:5])
        raise ExportRefused(
            f"{out_dir} is not empty and is not a claimset export (it holds {found}); choose "
            "another --out, or add --force to write the export there, replacing only files "
            "with the export's names and keeping everything else. Nothing was changed."
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


def clean_stale(out_dir: Path) -> None:
    """Tidy up after an export that was killed: remove its half-built folder, and put back a
    previous export it had renamed aside if nothing replaced it. Folders of running exports
    (their process id is in the name) are left alone."""
    if not out_dir.parent.is_dir():
        return
    name = re.escape(out_dir.name)
    # Whole names only: `.claimset-tmp-claimset-2024-<pid>-<random>` is the folder of an export
    # to `claimset-2024`, not of one to `claimset` run by process 2024 (the process id and the
    # random part never hold a hyphen, so another folder's name never fits).
    building = re.compile(rf"\.claimset-tmp-{name}-(\d{{1,10}})-[a-z0-9_]+")
    aside = re.compile(rf"\.claimset-tmp-old-{name}-(\d{{1,10}})")
    for path in sorted(out_dir.parent.iterdir()):
        match = building.fullmatch(path.name) or aside.fullmatch(path.name)
        if match is None or not path.is_dir() or _alive(int(match.group(1))):
            continue
        if match.re is aside and not out_dir.exists():
            os.replace(path, out_dir)  # the killed run had moved the old export aside
        else:
            shutil.rmtree(path, ignore_errors=True)


def swap_in(tmp: Path, out_dir: Path) -> None:
    """Put the finished folder in place.

    When the folder holds only a previous export's files, it is swapped whole: the old export
    is renamed aside, then removed. When it also holds files the export did not write (a
    `.git`, notes), only the export's own files are replaced, one atomic rename each, and the
    rest is left untouched.
    """
    if foreign_entries(out_dir):
        _replace_owned(tmp, out_dir)
        return
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


def _replace_owned(tmp: Path, out_dir: Path) -> None:
    """Move the new export's files into `out_dir` and remove the old export's files that the
    new one does not have; nothing else in `out_dir` is touched."""
    old = owned_files(out_dir)
    new = _files(tmp) - {MANIFEST}
    # First the union: if this is interrupted, the next export still knows all of its files.
    write_manifest(out_dir, old | new)
    for rel in sorted(new):
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp / rel, target)
    for rel in sorted(old - new - {MANIFEST}):
        (out_dir / rel).unlink(missing_ok=True)
        parent = (out_dir / rel).parent
        while parent != out_dir and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    write_manifest(out_dir, new)
    shutil.rmtree(tmp, ignore_errors=True)
