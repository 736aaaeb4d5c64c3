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


@click.command("validate")
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
    from ..validate import validate

    project = find_project()
    with progress_bar("validate") as on_progress:
        report = validate(
            project,
            resolve_paths(project, paths),
            strict=strict,
            jobs=jobs,
            on_progress=on_progress,
        )
    render_validate(report, format_)
    if not report.valid:
        sys.exit(EXIT_INVALID)


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
