"""`claimset build` says why it stopped at validate: the export's refusal (errors, or the
warnings that stop an export: spans without offsets, claims without id), not only "failed …
0 errors"."""

from __future__ import annotations

import json
from pathlib import Path

from claimset.cli.build import describe_step
from claimset.validate import validate
from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def _edit(root: Path, line: int, **fields: object) -> None:
    path = root / DEMO
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[line])
    record.update(fields)
    lines[line] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_build_names_the_refusal(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    claims = json.loads(project.annotation_path("demo").read_text("utf-8").splitlines()[3])[
        "claims"
    ]
    claims[0]["expectation"] = {"quote": "would welcome", "type": "desire"}  # twice: ambiguous
    _edit(project.root, 3, status="done", annotator="ann1", claims=claims)
    done = claimset("build", cwd=project.root, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 1
    assert "build stopped at validate: the corpus has 1 validation error: export refused" in said, (
        said
    )


def test_the_summary_counts_the_warnings_that_stop_the_export(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    claims = [
        {
            "id": "c1",
            "actor": {"ref": "russia", "quote": "Moscow"},  # typed, fmt not run yet
            "expectation": {"quote": "did not side with Seoul", "type": "belief"},
            "hedge": {"certainty": "certain"},
        }
    ]
    _edit(project.root, 1, claims=claims)
    report = validate(project)
    assert report.valid and report.warnings
    line = describe_step("validate", report)
    assert line.endswith(", 0 errors, 2 warnings that stop the export (run claimset fmt)"), line
