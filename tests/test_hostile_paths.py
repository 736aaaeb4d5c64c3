"""The path policy: nothing outside the project is read or written, symlinks or not."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.project import Project
from click.testing import CliRunner
from conftest import SEED_PATH

OUTSIDE = '{"user": "alice", "token": "x"}\n'


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def split_project(seeded_project: Project) -> Project:
    assert run("split")[0] == 0
    return seeded_project


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    path = tmp_path / "outside.jsonl"
    path.write_text(OUTSIDE)
    return path


@pytest.mark.parametrize("command", [["fmt"], ["build"], ["draft"], ["validate"], ["stats"]])
def test_an_annotation_link_out_of_the_project_is_refused(
    split_project: Project, outside: Path, command: list[str]
) -> None:
    link = split_project.annotations_dir / "notes.jsonl"
    link.symlink_to(os.path.relpath(outside, link.parent))
    code, out, err = run(*command)
    assert code == 2, (out, err)
    assert "corpus/annotations/notes.jsonl" in err and "outside the project" in err
    assert outside.read_text() == OUTSIDE  # not reformatted
    assert link.is_symlink()  # the link is left alone
    assert "alice" not in out + err


def test_validate_never_prints_a_file_outside_the_project(split_project: Project) -> None:
    link = split_project.annotations_dir / "env.jsonl"
    link.symlink_to("/proc/self/environ")
    code, out, err = run("validate")
    assert code == 2 and "env.jsonl" in err
    assert "PATH=" not in out + err


def test_a_seed_linked_out_of_the_project_is_not_split(
    new_project: Project, tmp_path: Path
) -> None:
    secret = tmp_path / "hostname"
    secret.write_text("the host name is secret.\n")
    (new_project.seeds_dir / "host.txt").symlink_to(secret)
    code, _, err = run("split")
    assert code == 2 and "seeds/host.txt" in err
    assert not (new_project.annotations_dir / "host.jsonl").exists()


def test_a_data_folder_linked_out_of_the_project_is_refused(
    new_project: Project, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("An essay.\n")
    for child in new_project.seeds_dir.iterdir():
        child.unlink()
    new_project.seeds_dir.rmdir()
    new_project.seeds_dir.symlink_to(elsewhere)
    code, _, err = run("split")
    assert code == 2 and "seeds" in err and "outside the project" in err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["x.txt"]


def test_a_link_inside_the_project_is_written_through_not_replaced(
    split_project: Project,
) -> None:
    """draft and split used to replace such a link with a regular file."""
    real = split_project.annotations_dir / SEED_PATH.with_suffix(".jsonl").name
    shared = split_project.root / "shared.jsonl"
    real.rename(shared)
    real.symlink_to(os.path.relpath(shared, real.parent))
    code, out, err = run("draft")
    assert code == 0, (out, err)
    assert real.is_symlink()
    assert any(json.loads(line)["status"] == "draft" for line in shared.read_text().splitlines())
    code, out, err = run("fmt")
    assert code == 0, (out, err)
    assert real.is_symlink()


def test_an_explicit_path_through_a_link_out_of_the_project_is_refused(
    split_project: Project, outside: Path
) -> None:
    link = split_project.annotations_dir / "notes.jsonl"
    link.symlink_to(outside)
    code, _, err = run("show", "corpus/annotations/notes.jsonl")
    assert code == 2 and "outside the project" in err
    assert "alice" not in err


def test_seed_and_document_ids_match_whole_names(new_project: Project) -> None:
    """`re.match` with `$` accepted "evil\\n" as a document id."""
    (new_project.seeds_dir / "evil\n.txt").write_text("An essay. It has two sentences.\n")
    code, out, err = run("split")
    assert code == 1, (out, err)
    assert "invalid document id" in err and "Traceback" not in err
    assert list(new_project.annotations_dir.glob("*.jsonl")) == []
    code, out, err = run("build")
    assert code == 1 and "invalid document id" in err, (out, err)


def test_validate_reports_a_seed_id_with_a_final_newline(new_project: Project) -> None:
    (new_project.seeds_dir / "evil\n.txt").write_text("An essay. It has two sentences.\n")
    code, out, _ = run("validate")
    assert code == 1 and "is not a document id" in out


@pytest.mark.parametrize("folder", ["corpus/orphans", "docs", "agreement"])
def test_links_out_of_other_read_folders_are_refused(
    split_project: Project, outside: Path, folder: str
) -> None:
    where = split_project.root / folder
    where.mkdir(parents=True, exist_ok=True)
    (where / "x.jsonl").symlink_to(outside)
    code, _, err = run("validate")
    assert code == 2 and f"{folder}/x.jsonl" in err
