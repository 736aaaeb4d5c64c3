"""The CLI surface: help, version, usage errors, init, schema and stats."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from claimset import __version__
from claimset.cli import cli
from claimset.project import Project
from claimset.stats import compute_stats
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SPEC_COMMANDS = ["init", "split", "fmt", "validate", "stats", "schema", "export", "build"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"claimset, version {__version__}\n", "")


@pytest.mark.parametrize(
    "args", [["bogus"], ["split", "--no-such-flag"], ["stats", "--format", "xml"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, err = run(*args)
    assert code == 2 and "Usage:" in err


def test_every_spec_command_is_registered() -> None:
    assert set(SPEC_COMMANDS) <= set(cli.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(cli.commands))  # type: ignore[attr-defined]
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    command: click.Command = cli.commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help) > 40, f"{name} lacks help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} lacks help"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"claimset {name}" in readme, f"README does not document `claimset {name}`"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in readme for opt in param.opts), f"README lacks {name} {param.opts}"


def test_outside_a_project_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("split")
    assert code == 2 and "no claimset project" in err


def test_init_creates_a_working_project(tmp_path: Path) -> None:
    target = tmp_path / "corpus-x"
    code, out, _ = run("init", str(target))
    assert code == 0 and "Created a claimset project" in out
    for rel in [
        "seeds/README.md",
        "corpus/actors.jsonl",
        "corpus/documents.jsonl",
        "schema/sentence.schema.json",
        ".pre-commit-config.yaml",
        ".github/workflows/corpus.yml",
        "README.md",
    ]:
        assert (target / rel).is_file(), rel
    assert (target / "corpus" / "annotations").is_dir()
    actors = [json.loads(x) for x in (target / "corpus/actors.jsonl").read_text().splitlines()]
    assert actors == [
        {"id": "author", "name": "The essay's author", "aliases": [], "kind": "author"}
    ]


def test_init_refuses_a_non_empty_folder_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "full"
    target.mkdir()
    (target / "README.md").write_text("mine\n")
    code, _, err = run("init", str(target))
    assert code == 1 and "not empty" in err
    code, _, _ = run("init", "--force", str(target))
    assert code == 0
    assert (target / "README.md").read_text() == "mine\n"  # never overwritten
    assert (target / "corpus/actors.jsonl").is_file()


def test_schema_check_detects_drift(new_project: Project) -> None:
    assert run("schema", "--check") == (0, "schema/: 4 files up to date\n", "")
    path = new_project.schema_dir / "sentence.schema.json"
    path.write_text(path.read_text().replace("Document id", "Doc id"))
    code, out, err = run("schema", "--check")
    assert code == 1 and out == "schema/sentence.schema.json: out of date\n" and "drift" not in out
    assert "differs from the models" in err
    assert run("schema")[0] == 0
    assert run("schema", "--check")[0] == 0


def test_repository_schema_files_are_current() -> None:
    from claimset.schema import write_schemas

    assert write_schemas(REPO / "schema", check=True).changed == []


def test_schemas_are_draft_2020_12_and_valid() -> None:
    from jsonschema import Draft202012Validator

    for path in sorted((REPO / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text())
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)


def test_stats_json_equals_library(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    code, out, _ = run("stats", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data == compute_stats(seeded_project).to_dict()
    assert data["status"]["todo"] == data["sentences"] > 0
    code, out, _ = run("stats")
    assert code == 0 and "Sentences by status" in out


def test_stats_counts_claims(new_project: Project) -> None:
    claim = {
        "id": "c1",
        "actor": {"ref": "author", "quote": None},
        "expectation": {"quote": "go", "type": "obligation", "target": "x"},
        "evidence": [{"quote": "It", "sentence": "d:0001", "type": "event"}],
        "hedge": {"certainty": "probable", "cues": [{"quote": "Perhaps", "kind": "hedge"}]},
        "polarity": "negative",
        "origin": "auto",
    }
    rec = {"id": "d:0000", "status": "draft", "claims": [claim]}
    (new_project.annotations_dir / "d.jsonl").write_text(
        json.dumps(rec) + "\nnot json\n" + json.dumps({"id": "d:0001", "status": "done"}) + "\n"
    )
    data = compute_stats(new_project).to_dict()
    assert data["sentences"] == 2 and data["skipped_lines"] == 1
    assert data["status"] == {"todo": 0, "draft": 1, "done": 1, "reviewed": 0}
    assert data["actors"] == {"author": 1} and data["implicit_actors"] == 0
    assert data["targets"] == {"x": 1}
    assert data["cues"] == {"hedge": {"perhaps": 1}, "booster": {}}
    assert data["cross_sentence_evidence"] == 1 and data["polarity"] == {"negative": 1}


def test_init_reports_what_it_cannot_write_and_a_complete_project(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x\n")
    code, _, err = run("init", str(tmp_path / "afile" / "x"))
    assert code == 1 and "Not a directory" in err and "Traceback" not in err
    target = tmp_path / "nested" / "deeper" / "proj"
    assert run("init", str(target))[0] == 0 and (target / "corpus/actors.jsonl").is_file()
    code, out, _ = run("init", "--force", str(target))
    assert code == 0 and out.startswith(f"{target} already holds every project file")


def test_stats_prints_user_text_literally_and_in_the_singular(new_project: Project) -> None:
    claim = {
        "actor": {"ref": "[bold]x[/]", "quote": None},
        "expectation": {"quote": "go", "type": "obligation", "target": "[/]"},
        "hedge": {"certainty": "certain", "cues": []},
    }
    rec = {"id": "d:0000", "status": "done", "claims": [claim]}
    (new_project.annotations_dir / "d.jsonl").write_text(json.dumps(rec) + "\n")
    code, out, err = run("stats")
    assert code == 0, err
    assert out.startswith("1 file, 1 sentence, 1 claim in 1 sentence; 100% done or reviewed\n")
    assert "[bold]x[/]" in out and " [/] " in out


@pytest.mark.parametrize("command", ["stats", "show", "draft"])
def test_registry_files_and_other_files_are_not_annotation_files(
    new_project: Project, command: str
) -> None:
    for path in ("corpus/actors.jsonl", "corpus/documents.jsonl", "seeds/README.md"):
        code, _, err = run(command, path)
        assert code == 2 and f"{path}: not an annotation file" in err, (path, err)
    code, _, err = run(command, "seeds")  # a folder without annotation files: nothing to do
    assert code == 0 and "Traceback" not in err
