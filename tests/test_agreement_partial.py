"""An agreement file may cover part of a document (README, "Second annotations"): validate does
not ask for the sentences it leaves out, as it does for a line deleted from an annotation file
(which `split` brings back: it does not fill in an agreement file)."""

from __future__ import annotations

from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def test_an_agreement_file_may_hold_some_sentences(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    lines = (root / DEMO).read_text(encoding="utf-8").splitlines(keepends=True)
    second = root / "agreement" / "bob" / "demo.jsonl"
    second.parent.mkdir(parents=True)
    second.write_text("".join(lines[1:3]), encoding="utf-8")  # the middle two of four
    done = claimset("validate", cwd=root, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert claimset("split", cwd=root, check=False).returncode == 0
    assert second.read_text(encoding="utf-8") == "".join(lines[1:3])  # left as it was
    assert claimset("validate", "agreement/bob/demo.jsonl", cwd=root, check=False).returncode == 0
    # The same lines as the corpus's annotation file: two sentences missing, each reported.
    (root / DEMO).write_text("".join(lines[1:3]), encoding="utf-8")
    done = claimset("validate", cwd=root, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and said.count("is in no sentence record") == 2, said
