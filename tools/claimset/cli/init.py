"""`claimset init`: scaffold a new project (wraps `claimset.scaffold.init`)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from ..words import plural
from ._shared import handle_errors, stdout


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Add missing project files to a non-empty folder.")
@click.option(
    "--claimset-source",
    metavar="REQUIREMENT",
    help="Where the pre-commit hooks and the CI workflow install claimset from, as pip takes "
    "it (a git URL, a folder, claimset==VERSION). Default: where this claimset came from.",
)
@handle_errors
def init_cli(directory: Path, force: bool, claimset_source: str | None) -> None:
    """Scaffold a new claimset project in DIRECTORY.

    Creates seeds/, corpus/ (actors.jsonl with `author`, documents.jsonl, annotations/),
    schema/, a pre-commit config (fmt, then validate; the whole project when seeds, actors or
    documents change), a GitHub Actions workflow, .gitattributes (the corpus merge driver;
    register it with `claimset merge --setup`) and a README. Refuses a non-empty folder unless
    --force; existing files are never overwritten.
    """
    from ..scaffold import init

    render_init(directory, init(directory, force=force, source=claimset_source))


def render_init(directory: Path, written: list[Path]) -> None:
    """How many files were created, and what to do next."""
    out = stdout()
    if written:
        files = plural(len(written), "file")
        out.print(f"Created a claimset project in {escape(str(directory))} ({files}).")
    else:
        out.print(f"{escape(str(directory))} already holds every project file; nothing added.")
    out.print("Next: put essays in seeds/*.txt, then run `claimset build` inside the project.")
