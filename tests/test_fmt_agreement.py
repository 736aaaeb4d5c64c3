"""`claimset fmt` formats an annotator's agreement file (agreement/<annotator>/<doc>.jsonl) as it
does an annotation file: it is hand-edited JSONL too. Its orphans and a registry kept beside it
are not formatted (validate does not check the registry as a file either)."""

from __future__ import annotations

import json
from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def _second_annotation(root: Path) -> Path:
    """agreement/bob/demo.jsonl: the corpus's records, bob's claim on demo:0001 typed without
    offsets."""
    records = [json.loads(line) for line in (root / DEMO).read_text("utf-8").splitlines()]
    records[1].update(
        annotator="bob",
        claims=[
            {
                "actor": {"ref": "russia", "quote": "Moscow"},
                "expectation": {"quote": "did not side with Seoul", "type": "belief"},
                "hedge": {"certainty": "certain"},
            }
        ],
    )
    path = root / "agreement" / "bob" / "demo.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_fmt_anchors_an_agreement_file(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    path = _second_annotation(root)
    registry = path.parent / "actors.jsonl"
    registry.write_text('{"name": "Korea", "id": "korea"}\n', encoding="utf-8")
    kept = registry.read_bytes()
    assert claimset("fmt", "--check", cwd=root, check=False).returncode == 1
    done = claimset("fmt", cwd=root, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    claim = json.loads(path.read_text("utf-8").splitlines()[1])["claims"][0]
    assert (claim["id"], claim["actor"]["start"], claim["expectation"]["start"]) == ("c1", 0, 7)
    assert registry.read_bytes() == kept  # not a file fmt formats
    assert claimset("validate", cwd=root, check=False).returncode == 0


def test_fmt_takes_an_agreement_file_by_name(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    path = _second_annotation(root)
    done = claimset("fmt", "agreement/bob/demo.jsonl", cwd=root, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert '"start": 7, "end": 30' in path.read_text("utf-8")
    (path.parent / "actors.jsonl").write_text('{"id": "korea", "name": "Korea"}\n', "utf-8")
    done = claimset("fmt", "agreement/bob/actors.jsonl", cwd=root, check=False)
    assert done.returncode == 2  # named, but not a file fmt formats: a usage error
    assert "not a file claimset formats" in done.stdout + done.stderr
