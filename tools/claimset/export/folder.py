"""The output folder: what may be replaced, tidying up after a killed run, the final swap.

An export is built in a temporary sibling folder and swapped in at the end, so a failed or
interrupted export leaves the previous one intact.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..errors import DataProtected, UsageError
from ..project import Project
from .paths import EXPORT_MARKER


class ExportRefused(DataProtected):
    "The output folder exists and is not a previous claimset export, so it was left alone."


def check_out_dir(project: Project, out_dir: Path) -> None:
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


def clean_stale(out_dir: Path) -> None:
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


def swap_in(tmp: Path, out_dir: Path) -> None:
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
