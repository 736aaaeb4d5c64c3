"""`claimset split --check`: writes nothing, and exits 1 listing the files split would rewrite
(for CI: the committed files are what split makes of the seeds; QA found a repository whose
build rewrote four tracked agreement files)."""

from __future__ import annotations

from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset


def _snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_clean_project_passes(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    claimset("split", cwd=root)
    done = claimset("split", "--check", cwd=root, check=False)
    assert done.returncode == 0 and "0 files would be rewritten" in done.stdout


def test_a_seed_edited_without_split_is_listed_and_nothing_written(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    claimset("split", cwd=root)
    second = root / "agreement" / "bob" / "demo.jsonl"
    second.parent.mkdir(parents=True)
    second.write_bytes((root / "corpus" / "annotations" / "demo.jsonl").read_bytes())
    seed = root / "seeds" / "demo.txt"
    seed.write_text(seed.read_text("utf-8").replace("DPRK.", "North Korea."), "utf-8")
    before = _snapshot(root)
    done = claimset("split", "--check", cwd=root, check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    for rel in (
        "corpus/annotations/demo.jsonl",
        "agreement/bob/demo.jsonl",
        "corpus/documents.jsonl",
    ):
        assert f"would rewrite {rel}" in done.stdout, done.stdout
    assert "3 files would be rewritten" in done.stdout
    assert _snapshot(root) == before  # nothing written, no lock file either
    claimset("split", cwd=root)
    assert claimset("split", "--check", cwd=root, check=False).returncode == 0
