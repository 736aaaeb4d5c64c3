"""The one path policy: claimset reads and writes only inside the project root.

A hostile pull request can commit a symbolic link (`corpus/annotations/env.jsonl` →
`/proc/self/environ`, `notes.jsonl` → `../../../../outside.jsonl`); following it would print CI
secrets into a public log or rewrite a file outside the project. So every project file a command
reads or writes (the files of DATA_FOLDERS, and PATH arguments naming them) must resolve inside
the root; paths a user names as a command's own input or output (`eval`, `agree`, `import`,
`draft-corpus`, `--out`) are not project files. A link is followed only when its target lies
inside too, otherwise the command stops with a located error (exit 2) and leaves the link
alone. Writes go through a link to its target (`atomic.atomic_write_bytes`), never replacing
the link with a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .errors import OutsideProject

#: The folders of a project whose files claimset reads or writes, relative to its root.
DATA_FOLDERS = (
    "seeds",
    "corpus",
    "corpus/annotations",
    "corpus/orphans",
    "schema",
    "docs",
    "agreement",
)

#: The prefix of every temporary file or folder claimset creates beside its target.
TEMP_PREFIX = ".claimset-tmp-"


def is_inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every symbolic link followed, lies inside `root` (or is it)."""
    resolved = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    return resolved == real_root or real_root in resolved.parents


def describe(root: Path, path: Path) -> str:
    """A path as shown in messages: relative to the root when possible, forward slashes."""
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()


def check_inside(root: Path, path: Path) -> Path:
    """Return `path` if it resolves inside `root`; else raise OutsideProject (exit 2).

    The message names the link and where it points, and says that nothing was followed.
    """
    if is_inside(root, path):
        return path
    target = os.path.realpath(path)
    shown = describe(root, path)
    raise OutsideProject(
        f"{shown}: a symbolic link to {target}, outside the project; claimset "
        "reads and writes only inside the project root, so it stopped here and left the link "
        "alone (remove the link, or copy the file into the project)",
        file=shown,
    )


def _entries(folder: Path) -> Iterator[Path]:
    """The entries of `folder` that are symbolic links (a folder that is missing has none)."""
    try:
        with os.scandir(folder) as scan:
            for entry in scan:
                if entry.is_symlink():
                    yield Path(entry.path)
    except (FileNotFoundError, NotADirectoryError):
        return


def check_project(root: Path) -> None:
    """Refuse a project whose data folders, or the files in them, resolve outside `root`.

    Run when a command opens the project, before it reads anything: the data folders
    themselves, then every symbolic link directly inside them (annotation files, seeds, the
    registry files, schema files). Raises OutsideProject (exit 2) for the first offender.
    """
    for name in DATA_FOLDERS:
        folder = root / name
        if folder.is_symlink() or folder.exists():
            check_inside(root, folder)
    for name in DATA_FOLDERS:
        for link in sorted(_entries(root / name)):
            check_inside(root, link)


def write_target(path: Path) -> Path:
    """Where writing `path` must go: the target of a symbolic link (so the link survives), or
    the path itself."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path
