"""`claimset draft-corpus`: sentences and drafted claims for many documents, at scale
(wraps `claimset.pipeline` and `claimset.spark`)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from rich.markup import escape

from ..errors import ClaimsetError
from ..words import plural
from ._shared import find_project, handle_errors, progress, stderr, stdout


def _actors(given: Path | None) -> Path | None:
    """The registry: the one given, else the project's (if run inside one), else none."""
    if given is not None:
        return given
    try:
        project = find_project()
    except ClaimsetError:
        return None
    return project.actors_path if project.actors_path.is_file() else None


@click.command("draft-corpus")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--engine",
    type=click.Choice(["local", "datasets", "spark"]),
    default="local",
    show_default=True,
    help="local: this process; datasets: Dataset.map in JOBS processes; spark: Apache Spark "
    "(the spark extra).",
)
@click.option(
    "--actors",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="The actor registry (actors.jsonl). Default: the project's, when run inside one; "
    "else the author only.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Processes (datasets) or Spark cores (spark, local master); 0: one per CPU.",
)
@click.option("--master", default=None, help="Spark master URL (default: local[JOBS]).")
@handle_errors
def draft_corpus_cli(
    source: Path, out: Path, engine: str, actors: Path | None, jobs: int, master: str | None
) -> None:
    """Split and draft many documents into Parquet rows of the export's sentences schema.

    SOURCE is a folder of <id>.txt files, a JSONL file of {"id", "text"} objects or a Parquet
    file with id and text columns; a speech may add "speaks_for", its party's actor id. OUT is a
    new folder; it receives Parquet files that
    `datasets.load_dataset("parquet", data_files="OUT/*.parquet")` reads. Each document is split
    and drafted exactly as `claimset split` and `claimset draft` would (status draft). Needs no
    project; see docs/scale.md.
    """
    import os

    from ..pipeline import Drafter, count_documents, output_folder, run_datasets, run_local

    registry = _actors(actors)
    drafter = Drafter.from_path(registry)
    output_folder(out)
    cpus = jobs or os.cpu_count() or 1
    started = time.perf_counter()
    documents = count_documents(source)
    if engine == "local":
        with progress() as bar:
            task = bar.add_task("drafting", total=documents)
            rows = run_local(source, out, drafter, lambda n: bar.advance(task, n))
    elif engine == "datasets":
        import datasets

        if not sys.stderr.isatty():
            datasets.disable_progress_bars()
        rows = run_datasets(source, out, drafter, cpus)
    else:
        try:
            from ..spark import run_spark
        except ImportError as exc:  # pragma: no cover - depends on the installed extras
            raise ClaimsetError(
                "the spark engine needs pyspark: pip install 'claimset[spark]'"
            ) from exc
        rows = run_spark(source, out, registry, master or f"local[{cpus}]")
    seconds = time.perf_counter() - started
    where = escape(str(registry)) if registry is not None else "the author only"
    stderr().print(f"actors: {where}; engine: {engine}")
    stdout().print(
        f"{plural(documents, 'document')} → {plural(rows, 'sentence row')} in "
        f"{escape(str(out))} ({seconds:.1f} s)"
    )
