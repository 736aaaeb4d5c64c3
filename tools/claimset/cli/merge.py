"""`claimset merge`: git's merge driver for claimset JSONL files (wraps `claimset.merge`)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from ._shared import EXIT_INVALID, EXIT_USAGE, handle_errors, stderr, stdout


@click.command("merge")
@click.argument("base", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--path", "name", default=None, help="The file's path in the repository (git's %P).")
@click.option(
    "--setup",
    is_flag=True,
    help="Register this driver in the current git repository's config and write .gitattributes.",
)
@handle_errors
def merge_cli(
    base: Path | None, ours: Path | None, theirs: Path | None, name: str | None, setup: bool
) -> None:
    """Three-way merge of a JSONL file by record id, claim id and field (git's %O %A %B).

    Git calls it with BASE OURS THEIRS and expects the result in OURS. Changes to different
    sentences, claims or fields merge cleanly; a field changed two ways stays valid JSON, with a
    `conflicts` list that `claimset validate` reports until a person resolves it (exit 1). When
    both sides edited the seed (two new sentences under one id, or offsets moved two ways), both
    versions are kept and the merge stops (exit 1) until `claimset split` re-anchors them. Run
    `claimset merge --setup` once in each clone to register the driver.
    """
    if setup:
        if base or ours or theirs:
            raise click.UsageError("--setup takes no files")
        from ..merge import setup_repository

        for line in setup_repository(Path.cwd()):
            stdout().print(escape(line))
        return
    if not (base and ours and theirs):
        stderr().print("[bold red]Error:[/] give BASE OURS THEIRS, or --setup")
        raise SystemExit(EXIT_USAGE)
    from ..merge import describe, describe_split, merge_files

    outcome = merge_files(base, ours, theirs, name=name)
    err = stderr()
    if outcome.fallback:
        err.print(f"{escape(outcome.path)}: {escape(outcome.fallback)}; resolve the markers")
        raise SystemExit(EXIT_INVALID)
    for line in describe(outcome.conflicts):
        err.print(f"{escape(outcome.path)}: conflict: {escape(line)}")
    if outcome.conflicts:
        err.print(
            f"{escape(outcome.path)}: {len(outcome.conflicts)} conflict(s) kept as valid JSON in "
            "each record's `conflicts` list; keep one version, delete the entry, then `git add`"
        )
    for line in describe_split(outcome):
        err.print(f"{escape(outcome.path)}: {escape(line)}")
    if not outcome.clean:
        raise SystemExit(EXIT_INVALID)
