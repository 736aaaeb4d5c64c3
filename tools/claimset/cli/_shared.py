"""What every command shares: exit codes, consoles, the error handler, project lookup, options.

Library exceptions become `Error: ...` lines with the exit code they carry (1 data, 2 usage).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click
from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook
from rich.markup import escape
from rich.segment import Segment

from ..errors import ClaimsetError

if TYPE_CHECKING:
    from ..project import Project

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes, in one place (SPEC, "Exit codes").
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _EscapeControls(RenderHook):
    """Shows control and format characters of whatever is printed as escapes (`\\x1b`): text
    from the data (seeds, annotator ids, file names) never acts on the terminal."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Escaped(r) for r in renderables]


class _Escaped:
    """A renderable whose text segments are escaped (style and control segments kept)."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from ..safetext import escape_controls

        for segment in console.render(self.inner, options):
            if segment.control or (segment.text.isascii() and segment.text.isprintable()):
                yield segment
            else:
                yield Segment(escape_controls(segment.text), segment.style)


#: The controls rich deletes from any text it is given (BEL, BS, VT, FF), before the render hook
#: could show them: escaped first, so that none disappears silently.
_DELETED_BY_RICH = str.maketrans({c: f"\\x{ord(c):02x}" for c in "\x07\x08\x0b\x0c"})


def keep_controls(text: str) -> str:
    """`text` with the controls rich would delete escaped: for `Text(...)` built by hand."""
    return text.translate(_DELETED_BY_RICH)


class _Console(Console):
    """A rich console whose text keeps every control character, shown escaped."""

    def render_str(self, text: str, **kwargs: Any) -> Any:
        return super().render_str(text.translate(_DELETED_BY_RICH), **kwargs)


def _console(stderr: bool) -> Console:
    console = _Console(stderr=stderr, soft_wrap=True, highlight=False)
    console.push_render_hook(_EscapeControls())
    return console


def stdout() -> Console:
    """A console for results (control characters shown escaped)."""
    return _console(stderr=False)


def stderr() -> Console:
    """A console for warnings, errors and progress (control characters shown escaped)."""
    return _console(stderr=True)


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


#: `[PATHS]...` of the commands that take some of the project's data files (fmt, validate,
#: show, stats); none given means all of them: see `resolve_paths`.
paths_argument = click.argument("paths", nargs=-1, type=click.Path())


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
        from ..safetext import safe_json

        click.echo(safe_json(json.dumps(result.to_dict(), indent=2, ensure_ascii=False)))
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


def progress(transient: bool = True) -> Any:
    """A rich progress display on stderr, shown only when stderr is a terminal.

    In CI logs, pipes and tests it draws nothing (so it never mixes with the output).
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=stderr(),
        transient=transient,
        disable=not sys.stderr.isatty(),
    )


def _no_progress(done: int, total: int) -> None:
    """The progress callback off a terminal."""


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A progress display for one step; yields the `on_progress(done, total)` callback that the
    step's function takes (fmt, validate and draft all report the same way).

    Off a terminal there is nothing to draw: the callback does nothing, and rich's progress
    module is not even imported."""
    if not sys.stderr.isatty():
        yield _no_progress
        return
    with progress() as bar:
        task = bar.add_task(description, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def jobs_option(what: str, default: int = 1, zero: str = "one per CPU") -> Callable[[F], F]:
    """The `-j / --jobs N` option of a command whose files can be worked on side by side."""
    option: Callable[[F], F] = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=default,
        show_default=True,
        help=f"{what} in this many processes (0: {zero}).",
    )
    return option
