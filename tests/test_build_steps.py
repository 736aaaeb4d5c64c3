"""`build` runs split → fmt → validate → export and stops at the first step that fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.build import STEPS, build
from claimset.cli import cli
from claimset.project import Project
from click.testing import CliRunner
from conftest import SEED_PATH

DOC = SEED_PATH.stem


def _break_split(project: Project) -> None:
    (project.seeds_dir / "broken.txt").write_bytes(b"Not UTF-8: caf\xe9.\n")


def _break_fmt(project: Project) -> None:
    (project.annotations_dir / "orphan.jsonl").write_text('{"id": oops}\n', "utf-8")


def _break_validate(project: Project) -> None:
    # Parseable and formattable, but a claim names an actor the registry does not have.
    path = project.annotations_dir / "orphan.jsonl"
    record = {
        "id": "orphan:0000",
        "doc": "orphan",
        "start": 0,
        "end": 9,
        "text": "It rains.",
        "status": "done",
        "claims": [{"actor": {"ref": "nobody"}, "expectation": {"quote": "It rains."}}],
    }
    path.write_text(json.dumps(record) + "\n", "utf-8")


BREAKS = {"split": _break_split, "fmt": _break_fmt, "validate": _break_validate}


def _unformatted_document(project: Project) -> bytes:
    """Make documents.jsonl non-canonical (keys sorted); return its bytes."""
    path = project.documents_path
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    data = "".join(json.dumps(r, sort_keys=True) + "\n" for r in records).encode()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("step", sorted(BREAKS))
def test_a_failing_step_stops_the_later_ones(seeded_project: Project, step: str) -> None:
    assert build(seeded_project).ok  # a first, good build: split, documents, dist/
    export_dir = seeded_project.default_export_dir
    exported = {p: p.read_bytes() for p in export_dir.rglob("*") if p.is_file()}
    documents = _unformatted_document(seeded_project)
    BREAKS[step](seeded_project)
    result = build(seeded_project)
    assert not result.ok
    assert result.stopped_at == step
    ran = list(STEPS[: STEPS.index(step) + 1])
    assert [name for name in STEPS if name in result.results] == ran
    if step == "split":
        # fmt did not run: documents.jsonl keeps its unformatted bytes.
        assert seeded_project.documents_path.read_bytes() == documents
    else:
        assert seeded_project.documents_path.read_bytes() != documents
    # export did not run: the previous dataset is untouched.
    assert {p: p.read_bytes() for p in export_dir.rglob("*") if p.is_file()} == exported


@pytest.mark.parametrize("step", sorted(BREAKS))
def test_the_cli_exits_1_and_names_the_step(seeded_project: Project, step: str) -> None:
    BREAKS[step](seeded_project)
    outcome = CliRunner().invoke(cli, ["build"])
    assert outcome.exit_code == 1, outcome.output
    assert f"build stopped at {step}" in outcome.output
    assert "Traceback" not in outcome.output
    not_run = STEPS[STEPS.index(step) + 1 :]
    lines = outcome.output.splitlines()
    for name in not_run:
        rows = [line for line in lines if line.split()[:1] == [name]]
        assert len(rows) == 1 and rows[0].rstrip().endswith("not run"), (name, outcome.output)
    assert not seeded_project.default_export_dir.exists()


def test_a_good_project_builds_every_step_and_exits_0(seeded_project: Project) -> None:
    outcome = CliRunner().invoke(cli, ["build"])
    assert outcome.exit_code == 0, outcome.output
    assert "not run" not in outcome.output
    assert (seeded_project.default_export_dir / "README.md").is_file()
    result = build(seeded_project)
    assert result.ok and result.stopped_at is None
    assert list(result.results) == list(STEPS)


def test_an_export_folder_that_is_not_an_export_is_refused_untouched(
    seeded_project: Project,
) -> None:
    foreign = seeded_project.default_export_dir
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("mine\n", "utf-8")
    outcome = CliRunner().invoke(cli, ["build"])
    assert outcome.exit_code == 1, outcome.output
    assert "not a claimset export" in outcome.output
    assert "Traceback" not in outcome.output
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    assert not any(".claimset-tmp-" in p.name for p in foreign.parent.iterdir())


def test_build_writes_into_out(seeded_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    outcome = CliRunner().invoke(cli, ["build", "--out", str(out)])
    assert outcome.exit_code == 0, outcome.output
    assert (out / "README.md").is_file()
    assert not seeded_project.default_export_dir.exists()
