"""`export`: validate, write the tables into a temporary folder, add the card, swap it in."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..features import CONFIGS
from ..models import SPLITS
from ..project import Project
from . import card
from .card import CardData
from .folder import check_out_dir, clean_stale, swap_in, write_manifest
from .validation import Validation, concurrent_validation
from .writer import Written, write_tables


@dataclass
class ExportResult:
    """What `export` wrote.

    Attributes:
        out_dir: The dataset folder.
        rows: Rows per config and split; a config or split without rows is not written.
        files: Every file written, relative to out_dir, sorted.
        include_drafts: Whether the claims config holds machine drafts too.
        stats: The corpus statistics the card gives (counts by status, origin, label...).
        timings: Seconds per step: `validate` (the validator's own time; on a large corpus it
            runs alongside `tables`, and `wait` is how long the export then waited for it),
            `tables` (building and writing the Parquet files), `card` (the card, the swap),
            `total`.
        report: The validator's report (valid, possibly with warnings).
    """

    out_dir: Path
    rows: dict[str, dict[str, int]]
    files: list[str]
    include_drafts: bool
    stats: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    report: Any = None  # the validation report the export checked

    def total(self, config: str) -> int:
        """Rows of a config over all splits."""
        return sum(self.rows.get(config, {}).values())


def _card_data(written: Written, include_drafts: bool) -> CardData:
    """The card's inputs: rows, bytes and file sizes per config and split, and the counts."""
    rows: dict[str, dict[str, int]] = {c: {} for c in CONFIGS}
    num_bytes: dict[str, dict[str, int]] = {c: {} for c in CONFIGS}
    sizes: dict[str, int] = {}
    for config in CONFIGS:
        for split in SPLITS:
            w = written.writers.get(f"{config}/{split}")
            if w is not None and w.rows:
                rows[config][split] = w.rows
                num_bytes[config][split] = w.nbytes
                sizes[w.rel] = w.path.stat().st_size
    example = None
    claims = next(
        (w for k, w in written.writers.items() if k.startswith("claims/") and w.rows), None
    )
    if claims is not None:
        import pyarrow.parquet as pq

        with pq.ParquetFile(claims.path) as parquet:  # the first row group, not the file
            example = parquet.read_row_group(0).slice(0, 1).to_pylist()[0]
    return CardData(
        example=example,
        rows=rows,
        num_bytes=num_bytes,
        file_sizes=sizes,
        documents=written.documents,
        actors=written.actors,
        stats=written.stats.to_dict(include_drafts),
        include_drafts=include_drafts,
    )


def export(
    project: Project,
    out_dir: Path | None = None,
    *,
    include_drafts: bool = False,
    on_step: Callable[[str], None] | None = None,
    force: bool = False,
) -> ExportResult:
    """Validate the corpus and write it as a Hugging Face dataset folder.

    Args:
        project: The claimset project.
        out_dir: The dataset folder (default `dist/claimset` under the project root). It is
            built in a temporary sibling folder and swapped in at the end; an existing folder is
            only replaced if it is empty or a previous export.
        include_drafts: Also put the claims of `draft` sentences (machine suggestions) in the
            `claims` config.
        on_step: Called with the name of each step (validate, tables, card), for progress.
        force: Write into an out_dir that is not a previous export, replacing only files with
            the export's names (everything else in it is kept, as in any re-export).

    Raises:
        InvalidCorpus: The corpus has validation errors, or spans `fmt` has not anchored (the
            report is attached). Nothing is written then.
        ExportRefused: out_dir exists and is not a previous export.
        UsageError: out_dir would hold the project or lie inside its data folders.
    """
    out_dir = Path(os.path.abspath(out_dir if out_dir is not None else project.default_export_dir))
    check_out_dir(project, out_dir, force)
    clean_stale(out_dir)
    timings: dict[str, float] = {}
    if on_step is not None:
        on_step("validate")
    started = time.perf_counter()
    validation = Validation(project, concurrent_validation(project))
    if not validation.concurrent:
        timings["validate"] = validation.check()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(
        tempfile.mkdtemp(prefix=f".claimset-tmp-{out_dir.name}-{os.getpid()}-", dir=out_dir.parent)
    )
    try:
        if on_step is not None:
            on_step("tables")
        clock = time.perf_counter()
        failure: Exception | None = None
        try:
            written = write_tables(project, tmp, include_drafts)
        except Exception as exc:  # an invalid corpus explains it better: check that first
            failure = exc
        timings["tables"] = time.perf_counter() - clock
        if "validate" not in timings:
            clock = time.perf_counter()
            timings["validate"] = validation.check()
            timings["wait"] = time.perf_counter() - clock
        if failure is not None:
            raise failure
        if on_step is not None:
            on_step("card")
        clock = time.perf_counter()
        data = _card_data(written, include_drafts)
        extra = card.card_files(project, data)
        for rel, content in extra.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)  # report/ pages
            (tmp / rel).write_bytes(content)
        write_manifest(tmp, [*data.file_sizes, *extra])
        os.chmod(tmp, 0o755)
        swap_in(tmp, out_dir)
        timings["card"] = time.perf_counter() - clock
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        validation.close()
        raise
    timings["total"] = time.perf_counter() - started
    return ExportResult(
        out_dir=out_dir,
        rows=data.rows,
        files=sorted([*data.file_sizes, *extra]),
        include_drafts=include_drafts,
        stats=data.stats,
        timings=timings,
        report=validation.result()[0],
    )
