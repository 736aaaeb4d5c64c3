"""`claimset validate`: every problem, located (wraps `claimset.validate.validate`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ._shared import (
    EXIT_INVALID,
    find_project,
    handle_errors,
    jobs_option,
    paths_argument,
    progress_bar,
    resolve_paths,
    stdout,
)

if TYPE_CHECKING:
    from ..diagnostics import Report
    from ..errors import ClaimsetError


class _ValidateCommand(click.Command):
    """`validate`, whose usage errors (a mistyped option in a CI workflow, say) also go to
    stdout in the `--format` asked for, as every other reason it cannot run does: a CI report
    is never empty."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # (click's parser consumes the list it is given)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            format_ = _format_asked(given)
            if format_ in ("json", "github"):
                from ..errors import UsageError

                render_stopped(UsageError(exc.format_message()), format_)
            raise


def _format_asked(args: list[str]) -> str | None:
    """The value of the last `--format` among raw arguments (`--format json`, `--format=json`)."""
    found = None
    for number, arg in enumerate(args):
        if arg == "--format" and number + 1 < len(args):
            found = args[number + 1]
        elif arg.startswith("--format="):
            found = arg.split("=", 1)[1]
    return found


@click.command("validate", cls=_ValidateCommand)
@paths_argument
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text: file:line:col diagnostics with the offending snippet; json: one report object; "
    "github: GitHub Actions annotations.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@jobs_option("Check annotation files")
@handle_errors
def validate_cli(paths: tuple[str, ...], format_: str, strict: bool, jobs: int) -> None:
    """Check the corpus and report every problem, never stopping at the first.

    With no PATHS, checks the whole project: annotation files, actors.jsonl, documents.jsonl
    and seeds. With PATHS (files or folders, as pre-commit passes them), reports on those only,
    still reading the registry, documents and seeds the checks need. Exit 0 valid, 1 invalid,
    2 usage error. The codes are explained in docs/diagnostics.md.
    """
    from ..errors import ClaimsetError
    from ..validate import validate

    try:
        project = find_project()
        with progress_bar("validate") as on_progress:
            report = validate(
                project,
                resolve_paths(project, paths),
                strict=strict,
                jobs=jobs,
                on_progress=on_progress,
            )
    except ClaimsetError as exc:
        if format_ != "text":  # CI reads stdout: the error goes there too, in its format
            render_stopped(exc, format_)
        raise
    render_validate(report, format_)
    if not report.valid:
        sys.exit(EXIT_INVALID)


def render_stopped(exc: ClaimsetError, format_: str) -> None:
    """Why validation could not run, on stdout in the `--format` asked for: a JSON report with
    `valid: false` and the `error`, or a GitHub `::error` annotation (on the file if known)."""
    from ..reporters import render_github_error, render_json_error
    from ..safetext import escape_controls, safe_json

    file = getattr(exc, "file", None)
    if format_ == "json":
        click.echo(safe_json(render_json_error(str(exc), exc.exit_code, file)))
    else:
        click.echo(escape_controls(render_github_error(str(exc), file)), nl=False)


def render_validate(report: Report, format_: str) -> None:
    """The report on stdout, by the reporter `--format` names."""
    from ..reporters import render_github, render_json, render_text
    from ..safetext import escape_controls, safe_json

    if format_ == "json":
        click.echo(safe_json(render_json(report)))
    elif format_ == "github":
        click.echo(escape_controls(render_github(report)), nl=False)
    else:
        render_text(report, stdout())
