"""export's failure paths: a failed or interrupted swap puts the previous dataset back, whole.

The export is built in a temporary sibling folder, the previous one is renamed aside, the new
one renamed into place, and the old one removed. Here the renames fail (os.replace is made to
raise at one chosen call) and the folder must be exactly what it was, with nothing left beside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from claimset.build import build
from claimset.cli import cli
from claimset.export import export
from claimset.project import Project
from claimset.split import split
from click.testing import CliRunner
from conftest import SEED_PATH
from samples import copy_fixture


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".claimset-tmp-"))


@pytest.fixture
def exported(seeded_project: Project) -> tuple[Project, dict[str, bytes]]:
    """A project with a first export in dist/claimset, and a second seed split since (so the
    next export differs)."""
    assert build(seeded_project).ok
    before = _tree(seeded_project.default_export_dir)
    text = SEED_PATH.read_text("utf-8")
    (seeded_project.seeds_dir / "second.txt").write_text(text[: len(text) // 2], "utf-8")
    assert split(seeded_project).ok
    return seeded_project, before


def _failing_replace(
    monkeypatch: pytest.MonkeyPatch, fails: Callable[[Path, Path], bool], error: BaseException
) -> list[tuple[str, str]]:
    """Make os.replace raise `error` on the calls `fails` picks; return the calls seen."""
    real = os.replace
    calls: list[tuple[str, str]] = []

    def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        calls.append((Path(src).name, Path(dst).name))
        if fails(Path(src), Path(dst)):
            raise error
        real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def _into_place(src: Path, dst: Path) -> bool:
    return src.name.startswith(".claimset-tmp-claimset-") and dst.name == "claimset"


def _aside(src: Path, dst: Path) -> bool:
    return src.name == "claimset" and dst.name.startswith(".claimset-tmp-old-")


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
@pytest.mark.parametrize("fails", [_into_place, _aside], ids=["into-place", "aside"])
def test_a_failed_swap_keeps_the_previous_export_whole(
    exported: tuple[Project, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    fails: Callable[[Path, Path], bool],
    error: BaseException,
) -> None:
    project, before = exported
    out = project.default_export_dir
    calls = _failing_replace(monkeypatch, fails, error)
    with pytest.raises(type(error)):
        export(project)
    assert any(fails(Path(a), Path(b)) for a, b in calls), calls
    assert _tree(out) == before
    assert _temporaries(out.parent) == []


def test_a_failed_first_export_leaves_nothing(
    seeded_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert split(seeded_project).ok
    out = seeded_project.default_export_dir
    _failing_replace(monkeypatch, _into_place, OSError(13, "Permission denied"))
    with pytest.raises(OSError):
        export(seeded_project)
    assert not out.exists()
    assert _temporaries(out.parent) == []


def test_the_cli_reports_a_failed_swap_without_a_traceback(
    exported: tuple[Project, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, before = exported
    _failing_replace(monkeypatch, _into_place, OSError(28, "No space left on device"))
    outcome = CliRunner().invoke(cli, ["export"])
    assert outcome.exit_code == 1, outcome.output
    assert "Error: No space left on device" in outcome.output
    assert "Traceback" not in outcome.output
    assert _tree(project.default_export_dir) == before


def test_a_successful_re_export_replaces_the_folder_and_leaves_nothing_beside_it(
    exported: tuple[Project, dict[str, bytes]],
) -> None:
    project, before = exported
    out = project.default_export_dir
    result = export(project)
    assert result.out_dir == out
    after = _tree(out)
    assert after != before
    assert "README.md" in after
    assert _temporaries(out.parent) == []


# The disk fills up while the Parquet files are written (a real limit on file size, in a real
# `claimset export` process); the limit is lifted once claimset exits, so that coverage, when
# measuring, can still save its data.
FULL_DISK_EXPORT = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    from claimset.cli import main
    sys.argv = ["claimset", "export"]
    try:
        main()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    """
)


def test_a_disk_full_while_writing_parquet_keeps_the_previous_export(
    exported: tuple[Project, dict[str, bytes]],
) -> None:
    project, before = exported
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK_EXPORT],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "File too large" in proc.stderr, proc.stderr
    assert _tree(project.default_export_dir) == before
    assert _temporaries(project.default_export_dir.parent) == []


def test_quotes_without_offsets_are_refused_until_fmt_fills_them(tmp_path: Path) -> None:
    # Validation only warns (fmt can fix it), but a dataset needs every offset and claim id:
    # the export lists where they are missing, keeps the previous export, and runs once
    # `claimset fmt` has filled them.
    project = copy_fixture(tmp_path)
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project.root)
        assert runner.invoke(cli, ["export"]).exit_code == 0
        before = _tree(project.default_export_dir)
        path = project.annotation_path("demo")
        records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        records[3]["claims"][0]["expectation"].update(start=None, end=None)
        records[3]["claims"][1]["id"] = None
        path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        refused = runner.invoke(cli, ["export"])
        assert refused.exit_code == 1, refused.output
        lines = refused.output.splitlines()
        assert [line for line in lines if line.startswith("corpus/")] == [
            "corpus/annotations/demo.jsonl:4:306: claims[0].expectation.quote: warning: the quote "
            "has no offsets: run `claimset fmt` to fill start and end [unanchored]",
            "corpus/annotations/demo.jsonl:4:523: claims[1].id: warning: claim without an id: "
            "`claimset fmt` assigns the next free c<n> [missing-id]",
        ]
        assert lines[-1] == (
            "Error: 2 span(s) without exact offsets or claim(s) without id: export refused "
            "(run `claimset fmt`, which fills them, then export again)"
        )
        assert _tree(project.default_export_dir) == before
        assert _temporaries(project.default_export_dir.parent) == []
        assert runner.invoke(cli, ["fmt"]).exit_code == 0
        done = runner.invoke(cli, ["export"])
        assert done.exit_code == 0, done.output
