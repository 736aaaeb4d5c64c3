"""`claimset render`: the static HTML report (wraps `claimset.render.render`)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from ._shared import find_project, handle_errors, stdout, writing


@click.command("render")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Report folder (default: dist/report under the project root).",
)
@handle_errors
def render_cli(out_dir: Path | None) -> None:
    """Write a static HTML report of the corpus: an index and one page per document.

    Sentences with their spans highlighted (one colour per claim), claim details on hover and
    click, filters by actor, type, certainty and status, progress per document and annotator,
    and charts of the distributions. Each page is one self-contained file (no server, no
    network); the text reads with JavaScript off. Replaces only a previous report.
    """
    from ..render import render
    from ._formats import print_problems

    project = find_project()
    with writing(project, "render"):
        result = render(project, out_dir)
    print_problems(result.problems, "warning")
    index = result.out / "index.html"
    stdout().print(f"Wrote {escape(str(index))} and {len(result.pages) - 1} document page(s)")
