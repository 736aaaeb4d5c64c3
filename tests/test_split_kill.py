"""`kill -9` during `claimset split` leaves every file old or new, and the next run finishes.

A real process is killed at several moments of a real re-split (seeds edited under annotated
documents, so that annotation files, orphans files and documents.jsonl are all rewritten).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOC = "000_a59439a6f7a726ad"
COPIES = 12


def make_project(root: Path) -> None:
    """COPIES annotated copies of the seed essay, each seed then edited: a typo fixed, a
    sentence inserted, a sentence holding claims deleted."""
    (root / "seeds").mkdir(parents=True)
    (root / "corpus" / "annotations").mkdir(parents=True)
    shutil.copy(REPO / "corpus" / "actors.jsonl", root / "corpus" / "actors.jsonl")
    seed = (REPO / "seeds" / f"{DOC}.txt").read_text(encoding="utf-8")
    annotations = (REPO / "corpus" / "annotations" / f"{DOC}.jsonl").read_text(encoding="utf-8")
    for k in range(COPIES):
        doc = f"essay{k:02d}"
        (root / "seeds" / f"{doc}.txt").write_text(seed, encoding="utf-8")
        (root / "corpus" / "annotations" / f"{doc}.jsonl").write_text(
            annotations.replace(DOC, doc), encoding="utf-8"
        )
    subprocess.run(
        [sys.executable, "-m", "claimset", "split"], cwd=root, check=True, capture_output=True
    )
    for k in range(COPIES):
        path = root / "seeds" / f"essay{k:02d}.txt"
        text = path.read_text(encoding="utf-8").replace("Russiashould", "Russia should")
        text = text.replace(" Obviously, Korea", " A new sentence. Obviously, Korea")
        text = text.replace(" Pushing Moscow to condemn Pyongyang, Seoul makes it clear", " X")
        path.write_text(text, encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every visible file of corpus/ (temp files of an interrupted write are hidden)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted((root / "corpus").rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


@pytest.mark.slow
def test_kill_during_split_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    base = tmp_path / "base"
    make_project(base)
    old = snapshot(base)
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    began = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "claimset", "split"], cwd=reference, check=True, capture_output=True
    )
    duration = time.monotonic() - began
    new = snapshot(reference)
    assert any(name.startswith("corpus/orphans/") for name in new)
    changed = [name for name in new if old.get(name) != new[name]]
    assert len(changed) >= 2 * COPIES + 1  # annotations, orphans and documents.jsonl

    mixed = 0
    # Killed after 1, 4, 9, ... files were replaced: the writes come last, after every seed was
    # planned, so the kill waits for them (polling the files) rather than for a time.
    for step, target in enumerate((1, 4, 9, 16, 23)):
        root = tmp_path / f"run{step}"
        shutil.copytree(base, root)
        watched = [root / name for name in changed]
        before = {p: _stamp(p) for p in watched}
        process = subprocess.Popen(
            [sys.executable, "-m", "claimset", "split"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20 * duration + 10
        while process.poll() is None and time.monotonic() < deadline:
            if sum(_stamp(p) != before[p] for p in watched) >= target:
                break
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        after = snapshot(root)
        for name, data in after.items():
            assert data in (old.get(name), new.get(name)), (target, name)
        if any(after[n] != old.get(n) for n in after) and after != new:
            mixed += 1
        # The next run finishes the job: the same result as an uninterrupted one.
        subprocess.run(
            [sys.executable, "-m", "claimset", "split"], cwd=root, check=True, capture_output=True
        )
        assert snapshot(root) == new, target
    assert mixed >= 2, "no kill landed while files were being written: the test proved nothing"
