"""What `export` returns and what its card says of the files it wrote, checked in-process.

`test_export.py` loads the dataset in a fresh process with `datasets`; here the export's own
bookkeeping is held to the files on disk: rows, file list, sizes, the card's `dataset_info`, the
folder's mode, the steps reported, and a table step that fails.
"""

from __future__ import annotations

import json
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import yaml
from claimset.export import export, run, tables
from claimset.export.folder import MANIFEST
from claimset.project import Project
from claimset.render import render
from test_export import make_export_project

ROWS = {
    "sentences": {"train": 5, "validation": 2, "test": 2},
    "claims": {"train": 2, "test": 2},
    "documents": {"train": 1, "validation": 1, "test": 1},
    "actors": {"train": 5},
}
SPLIT = {"alpha": "train", "beta": "test", "gamma": "validation"}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_export_project(tmp_path / "proj")


def _card_meta(out: Path) -> dict[str, Any]:
    meta: dict[str, Any] = yaml.safe_load((out / "README.md").read_text("utf-8").split("---\n")[1])
    return meta


def _arrow_bytes(project: Project, config: str, statuses: tuple[str, ...]) -> dict[str, int]:
    """The in-memory bytes of a config's typed tables per split, as the export builds them."""
    sizes: dict[str, int] = {}
    for part in tables.document_tables(project, statuses):
        table = part.sentences if config == "sentences" else part.claims
        if table.num_rows:
            split = SPLIT[part.doc]
            sizes[split] = sizes.get(split, 0) + table.nbytes
    return sizes


def test_the_result_and_the_card_describe_the_files_written(
    project: Project, tmp_path: Path
) -> None:
    steps: list[str] = []
    started = time.perf_counter()
    result = export(project, tmp_path / "out", on_step=steps.append)
    elapsed = time.perf_counter() - started
    out = tmp_path / "out"
    assert steps == ["validate", "tables", "card"]
    assert result.out_dir == out and result.include_drafts is False
    # Each step's seconds are its own, and the total is within the call's own time.
    assert 0 <= result.timings["total"] <= elapsed
    assert 0 <= result.timings["tables"] <= result.timings["total"]
    assert result.rows == ROWS
    assert (result.stats["documents"], result.stats["sentences"]) == (3, 9)
    assert (result.total("claims"), result.total("sentences"), result.total("other")) == (4, 9, 0)
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert result.files == [f for f in on_disk if f != MANIFEST]
    assert result.files[:2] == ["LICENSE.md", "README.md"]
    # The folder is built in a private temporary folder (mode 0700), then opened to readers.
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    infos = {i["config_name"]: i for i in _card_meta(out)["dataset_info"]}
    assert set(infos) == set(ROWS)
    for config, splits in ROWS.items():
        info = infos[config]
        assert {s["name"]: s["num_examples"] for s in info["splits"]} == splits, config
        files = [out / config / f"{s}-00000-of-00001.parquet" for s in splits]
        assert info["download_size"] == sum(f.stat().st_size for f in files), config
        assert info["dataset_size"] == sum(s["num_bytes"] for s in info["splits"]), config
    for config in ("sentences", "claims"):
        num_bytes = {s["name"]: s["num_bytes"] for s in infos[config]["splits"]}
        assert num_bytes == _arrow_bytes(project, config, tables.CLAIM_STATUSES), config


def test_the_card_s_example_is_the_first_claim(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    card_files = run.card.card_files

    def spy(project: Project, data: Any) -> dict[str, bytes]:
        seen.append(data.example)
        return card_files(project, data)

    monkeypatch.setattr(run.card, "card_files", spy)
    result = export(project, tmp_path / "out")
    first = pq.read_table(result.out_dir / "claims/train-00000-of-00001.parquet").to_pylist()[0]
    assert seen == [first]
    assert first["id"] == "alpha:0001/c1" and first["actor"] == "south_korea"


def test_drafts_included_are_counted_in_the_result(project: Project, tmp_path: Path) -> None:
    result = export(project, tmp_path / "out", include_drafts=True)
    assert result.include_drafts and result.rows["claims"] == {"train": 3, "test": 2}
    assert result.stats["exported_claims"] == 5
    assert result.stats["claim_statuses"] == ["done", "reviewed", "draft"]


def test_a_relative_out_dir_is_made_absolute(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = export(project, Path("rel") / "deeper" / "out")  # its parents made too
    assert result.out_dir == tmp_path / "rel" / "deeper" / "out" and result.out_dir.is_absolute()
    assert (tmp_path / "rel" / "deeper" / "out" / "README.md").is_file()
    assert export(project).out_dir == project.default_export_dir


def test_a_failing_table_step_leaves_nothing_and_raises_its_error(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(run, "write_tables", full_disk)
    with pytest.raises(OSError, match="No space left on device"):
        export(project, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proj"]


def test_without_claims_the_card_shows_no_example(project: Project, tmp_path: Path) -> None:
    for doc in ("alpha", "beta"):
        path = project.annotation_path(doc)
        records = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
        for r in records:
            r.update(status="todo", annotator=None, claims=[])
        path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = export(project, tmp_path / "out")
    assert result.rows["claims"] == {} and result.total("claims") == 0
    card = (result.out_dir / "README.md").read_text("utf-8")
    assert "No claim yet, so no example row." in card
    assert "An example row of the `claims` config" not in card


def test_the_export_is_built_beside_its_folder_in_a_private_one(
    project: Project, tmp_path: Path
) -> None:
    # Beside it (the final rename stays on one file system), named for the folder and this
    # process (so that the next export can tell a killed run's leftovers), mode 0700.
    out = tmp_path / "out"
    seen: dict[str, list[tuple[str, int]]] = {}

    def look(step: str) -> None:
        seen[step] = [
            (p.name, stat.S_IMODE(p.stat().st_mode)) for p in tmp_path.iterdir() if p != out
        ]

    export(project, out, on_step=look)
    proj = (project.root.name, stat.S_IMODE(project.root.stat().st_mode))
    assert seen["validate"] == [proj]  # nothing made before validation
    building = [entry for entry in seen["tables"] if entry != proj]
    assert len(building) == 1 and seen["card"] == seen["tables"]
    name, mode = building[0]
    assert re.fullmatch(rf"\.claimset-tmp-out-{os.getpid()}-[a-z0-9_]+", name), name
    assert mode == 0o700
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "proj"]


def test_the_report_goes_into_the_export(project: Project, tmp_path: Path) -> None:
    built = render(project).out
    pages = sorted(p.name for p in built.iterdir() if p.suffix == ".html")
    assert len(pages) > 1
    result = export(project, tmp_path / "out")
    assert [f for f in result.files if f.startswith("report/")] == [f"report/{p}" for p in pages]
    for page in pages:
        assert (result.out_dir / "report" / page).read_bytes() == (built / page).read_bytes()
