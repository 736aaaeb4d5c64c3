"""Export owns only what it made; its stale-folder cleaner and its workers touch nothing else."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.export import ExportRefused, export
from claimset.export.folder import MANIFEST, clean_stale
from claimset.project import Project
from click.testing import CliRunner
from test_export import make_export_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    project = make_export_project(tmp_path / "proj")
    monkeypatch.chdir(project.root)
    return project


def test_a_re_export_keeps_a_hub_clone_s_own_files(project: Project) -> None:
    """`.git/`, `.gitattributes` and `NOTES.md` beside a previous export were all deleted."""
    out = export(project).out_dir
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (out / ".gitattributes").write_text("*.parquet filter=lfs\n")
    (out / "NOTES.md").write_text("my notes\n")
    manifest = json.loads((out / MANIFEST).read_text())["files"]
    assert "README.md" in manifest and ".git/HEAD" not in manifest
    result = CliRunner().invoke(cli, ["export"])
    assert result.exit_code == 0, result.output
    assert (out / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert (out / ".gitattributes").read_text() == "*.parquet filter=lfs\n"
    assert (out / "NOTES.md").read_text() == "my notes\n"
    assert (out / "sentences").is_dir() and (out / "README.md").is_file()


def test_a_re_export_removes_only_its_own_stale_files(project: Project) -> None:
    out = export(project, include_drafts=True).out_dir
    (out / "NOTES.md").write_text("my notes\n")
    stale = out / "claims" / "old-00000-of-00001.parquet"  # a file the export did not write
    stale.write_bytes(b"not ours")
    listed = json.loads((out / MANIFEST).read_text())["files"]
    first = {f for f in listed if f.startswith("claims/")}
    (out / MANIFEST).write_text(json.dumps({"files": [*listed, "gone.md"]}))
    (out / "gone.md").write_text("an export's file that the next one does not write")
    export(project, include_drafts=True)
    assert not (out / "gone.md").exists()
    assert stale.read_bytes() == b"not ours" and (out / "NOTES.md").exists()
    assert all((out / f).is_file() for f in first)


def test_a_copied_card_does_not_make_a_thesis_an_export(project: Project, tmp_path: Path) -> None:
    """A folder with a copied card and a thesis.tex lost the .tex."""
    card = (export(project).out_dir / "README.md").read_bytes()
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "README.md").write_bytes(card)
    (folder / "thesis.tex").write_text("\\documentclass{article}\n")
    export(project, folder)
    assert (folder / "thesis.tex").read_text() == "\\documentclass{article}\n"


def test_a_folder_that_is_not_an_export_needs_force(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(ExportRefused, match="--force"):
        export(project, folder)
    result = CliRunner().invoke(cli, ["export", "--out", str(folder), "--force"])
    assert result.exit_code == 0, result.output
    assert (folder / "notes.txt").read_text() == "keep me"
    assert (folder / "README.md").is_file() and (folder / MANIFEST).is_file()


def test_the_stale_cleaner_matches_only_its_own_names(project: Project) -> None:
    """Exports to dist/claimset and dist/claimset-2024 at once: the cleaner of the first read
    `2024` as a dead process id and deleted the second run's folder."""
    dist = project.root / "dist"
    dist.mkdir()
    other_run = dist / f".claimset-tmp-claimset-2024-{os.getpid()}-k3x9_a2b"
    other_run.mkdir()
    (other_run / "README.md").write_text("the other run's card")
    other_aside = dist / f".claimset-tmp-old-claimset-2024-{os.getpid()}"
    other_aside.mkdir()
    clean_stale(dist / "claimset")
    assert other_run.is_dir() and other_aside.is_dir()


PARENT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from claimset.project import Project
    from claimset.export.validation import Validation
    from concurrent.futures import wait
    validation = Validation(Project(Path(sys.argv[1])), concurrent=True)
    wait([validation._future])  # the worker has run: it now waits on its pipe for more work
    me = os.getpid()
    children = []
    for task in os.listdir(f"/proc/{me}/task"):
        with open(f"/proc/{me}/task/{task}/children") as f:
            children += f.read().split()
    print(" ".join(children), flush=True)
    time.sleep(60)
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux: fork and /proc")
def test_a_validation_worker_dies_with_its_parent(project: Project) -> None:
    """Killing only export's main process left its forked validator blocked forever."""
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(project.root)], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 1, workers  # one validating process, however many CPUs
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "a worker outlived its parent"


SPY = textwrap.dedent(
    """
    import atexit, sys
    import concurrent.futures.process as process
    sizes = []
    original = process.ProcessPoolExecutor.__init__
    def init(self, max_workers=None, *args, **kwargs):
        sizes.append(max_workers)
        original(self, max_workers, *args, **kwargs)
    process.ProcessPoolExecutor.__init__ = init
    atexit.register(lambda: print("pools", sizes, file=sys.stderr))
    from claimset.cli import main
    sys.argv = ["claimset", "validate", "-j", "200"]
    main()
    """
)


def test_jobs_are_capped_at_files_and_cpus(project: Project) -> None:
    """`validate -j 200` forked 200 processes for 3 files."""
    proc = subprocess.run(
        [sys.executable, "-c", SPY], cwd=project.root, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    sizes = eval(proc.stderr.strip().split("pools ")[-1])  # a list of ints, printed above
    documents = len(project.annotation_paths())
    assert all(size <= min(documents, os.cpu_count() or 1) for size in sizes), sizes
