"""What every command shares: exit codes, consoles, the error handler, project lookup, options.

Library exceptions become `Error: ...` lines with the exit code they carry (1 data, 2 usage).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click
from rich.console import Console
from rich.markup import escape

from ..errors import ClaimsetError

if TYPE_CHECKING:
    from ..project import Project

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes, in one place (SPEC, "Exit codes").
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def stdout() -> Console:
    """A console for results."""
    return Console(soft_wrap=True, highlight=False)


def stderr() -> Console:
    """A console for warnings, errors and progress."""
    return Console(stderr=True, soft_wrap=True, highlight=False)


def handle_errors(func: F) -> F:
    """Turn library exceptions into a one-line `Error: ...` and the exception's exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimsetError as exc:
            stderr().print(f"[bold red]Error:[/] {escape(str(exc))}", markup=True, highlight=False)
            sys.exit(exc.exit_code)
        except OSError as exc:  # a folder where a file should be, a permission, a full disk
            where = f": {exc.filename}" if exc.filename else ""
            message = f"{exc.strerror or exc}{where}"
            stderr().print(f"[bold red]Error:[/] {escape(message)}", markup=True, highlight=False)
            sys.exit(EXIT_INVALID)

    return wrapper  # type: ignore[return-value]


def find_project() -> Project:
    """The project at or above the working directory."""
    # Imported here: the models behind it load pydantic, which `claimset --help` does not need.
    from ..project import Project

    return Project.find()


def writing(project: Project, command: str) -> AbstractContextManager[None]:
    """The project's write lock (see locking.py), held by every command that writes."""
    from ..locking import project_lock

    return project_lock(project.root, command)


def resolve_paths(project: Project, paths: tuple[str, ...]) -> list[Path] | None:
    """User-given paths resolved inside the project; None when no path was given."""
    if not paths:
        return None
    return [project.resolve(p) for p in paths]


#: `--format text|json` of the commands that report numbers.
text_or_json = click.option(
    "--format",
    "fmt_",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Rich tables, or one JSON object with the same numbers.",
)


class Numbers(Protocol):
    """A result that `--format json` prints as its `to_dict()`."""

    def to_dict(self) -> dict[str, Any]: ...


N = TypeVar("N", bound=Numbers)


def print_numbers(result: N, fmt_: str, render: Callable[[N], None]) -> None:
    """Print `result` as one JSON object (`--format json`), or as `render` draws it."""
    if fmt_ == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        render(result)


#: The export options, shared by `export` and `build`.
out_option = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Dataset folder (default: dist/claimset under the project root).",
)
force_option = click.option(
    "--force",
    is_flag=True,
    help="Write into a --out folder that is not a previous export; files with the export's "
    "names are replaced, everything else is kept.",
)
include_drafts_option = click.option(
    "--include-drafts",
    is_flag=True,
    help="Also put the machine-drafted claims of draft sentences in the claims config.",
)
