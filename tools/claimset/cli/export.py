"""`claimset export`: the Hugging Face dataset folder (wraps `claimset.export.export`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from ._shared import (
    find_project,
    force_option,
    handle_errors,
    include_drafts_option,
    out_option,
    stderr,
    stdout,
    writing,
)

if TYPE_CHECKING:
    from ..export import ExportResult


@click.command("export")
@click.option(
    "--format",
    "fmt_",
    type=click.Choice(["hf", "label-studio", "brat", "spacy"]),
    default="hf",
    show_default=True,
    help="hf: the Hugging Face dataset folder; label-studio: tasks.json + config.xml; brat: "
    ".txt/.ann files + annotation.conf; spacy: a DocBin file (needs claimset[spacy]). "
    "See docs/formats.md.",
)
@out_option
@include_drafts_option
@force_option
@handle_errors
def export_cli(out_dir: Path | None, include_drafts: bool, force: bool, fmt_: str) -> None:
    """Export the corpus as a Hugging Face dataset, or for Label Studio, brat or spaCy.

    Writes Parquet files for the configs sentences (default), claims, documents and actors,
    split by document, and a dataset card (README.md) that `datasets.load_dataset(DIR, CONFIG)`
    and the Hub read directly. Validates first and refuses (exit 1, with the diagnostics) an
    invalid corpus. The folder is built aside and swapped in at the end. A re-export replaces
    only the files the previous one wrote (listed in its .claimset-export.json) and keeps
    anything else there (a .git, notes); a folder that is not an export is refused unless
    --force. With --format label-studio, brat or spacy, writes dist/label-studio, dist/brat or
    dist/claimset.spacy instead (or --out).
    """
    from ..errors import InvalidCorpus
    from ..export import export

    project = find_project()
    if fmt_ != "hf":
        from ._formats import export_other

        with writing(project, "export"):
            export_other(project, fmt_, out_dir, include_drafts, force)
        return
    err = stderr()
    try:
        with writing(project, "export"), err.status("exporting…") as status:
            result = export(
                project,
                out_dir,
                include_drafts=include_drafts,
                force=force,
                on_step=lambda name: status.update(f"{name}…"),
            )
    except InvalidCorpus as exc:
        from ..reporters import render_text

        if exc.report is not None:
            render_text(exc.report, err)  # type: ignore[arg-type]
        raise
    render_export(result)


def render_export(result: ExportResult) -> None:
    """Rows per config and split, then where the folder is."""
    from rich.table import Table

    from ..models import SPLITS

    table = Table(title="claimset export", title_justify="left", show_edge=False)
    table.add_column("config")
    for split in SPLITS:
        table.add_column(split, justify="right")
    table.add_column("total", justify="right")
    for config, splits in result.rows.items():
        cells = [str(splits[s]) if s in splits else "-" for s in SPLITS]
        table.add_row(config, *cells, str(sum(splits.values())))
    out = stdout()
    out.print(table)
    drafts = " (machine drafts included)" if result.include_drafts else ""
    out.print(f"Wrote {escape(str(result.out_dir))}{drafts}")
    if not result.rows.get("claims"):
        stderr().print(
            "[yellow]warning:[/] no claims to export (no `done` or `reviewed` sentence has one"
            f"{'' if result.include_drafts else '; --include-drafts adds machine drafts'}): "
            'the `claims` config is not written, so `load_dataset(DIR, "claims")` fails '
            "until there are some"
        )
