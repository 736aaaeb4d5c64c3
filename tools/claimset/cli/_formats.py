"""What `export --format`, `import` and `render` share: showing a conversion's result."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from ._shared import stderr, stdout

if TYPE_CHECKING:
    from ..formats.files import FormatResult
    from ..formats.graph import Problem
    from ..project import Project


def print_problems(problems: list[Problem], level: str) -> None:
    """One line per problem, `where: message`, on stderr."""
    err = stderr()
    colour = "red" if level == "error" else "yellow"
    for problem in problems:
        err.print(f"[{colour}]{level}:[/] {escape(str(problem))}")


def run_conversion(action: object) -> FormatResult:
    """Call a conversion; on a refusal, list its problems before the `Error:` line."""
    from ..formats.files import LossRefused

    try:
        return action()  # type: ignore[operator, no-any-return]
    except LossRefused as exc:
        print_problems(exc.problems, "error")
        raise


def export_other(
    project: Project, fmt: str, out: Path | None, include_drafts: bool, force: bool = False
) -> None:
    """`claimset export --format label-studio|brat|spacy`."""
    from ..formats.files import export_format

    result = run_conversion(
        lambda: export_format(project, fmt, out, include_drafts=include_drafts, force=force)  # type: ignore[arg-type]
    )
    stdout().print(
        f"Wrote {escape(str(result.out))} ({fmt}: {result.documents} document(s), "
        f"{len(result.files)} file(s))"
    )
