"""A fresh checkout of this repository is what `claimset split` makes of it: `claimset build`
(and so `make run`) re-anchors nothing and leaves the working tree clean, so the dataset card's
figures come from the committed files (QA: the agreement files of two re-split documents had
been left behind)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = ("seeds", "corpus", "agreement")


def test_split_changes_no_committed_file(tmp_path: Path) -> None:
    root = tmp_path / "checkout"
    root.mkdir()
    for name in DATA:
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "claimset.toml", root / "claimset.toml")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    done = subprocess.run(
        [sys.executable, "-m", "claimset", "split"], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    # (The lock file every writing command takes stays, empty: it is git-ignored.)
    after = {
        p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p.name != ".claimset.lock"
    }
    changed = sorted(str(p.relative_to(root)) for p in after if before.get(p) != after[p])
    assert changed == [], f"split rewrites {changed}: run it and commit them\n{done.stderr}"
