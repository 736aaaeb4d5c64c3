"""agreement/<annotator>/<doc>.jsonl files are validated like annotations, and feed the card."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from claimset.cli import cli
from click.testing import CliRunner

ESSAY = Path(__file__).resolve().parent / "data" / "essays" / "eu_turkey"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "eu_turkey"
    shutil.copytree(ESSAY, root)
    monkeypatch.chdir(root)
    return root


def second_annotation(root: Path, name: str = "ann9") -> Path:
    folder = root / "agreement" / name
    folder.mkdir(parents=True)
    path = folder / "eu_turkey.jsonl"
    shutil.copy(root / "corpus" / "annotations" / "eu_turkey.jsonl", path)
    return path


def test_an_invalid_agreement_file_is_located_and_blocks_the_export(project: Path) -> None:
    path = second_annotation(project)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"status": "done"', '"status": 7')
    path.write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "agreement/ann9/eu_turkey.jsonl:2:" in result.output
    assert f"agreement/ann9/eu_turkey.jsonl:{len(lines) + 1}:2: invalid JSON" in result.output
    export = CliRunner().invoke(cli, ["export"])
    assert export.exit_code == 1 and "export refused" in export.output
    assert str(project) not in export.output


def test_unknown_actors_of_a_second_annotator_come_from_their_own_registry(project: Path) -> None:
    path = second_annotation(project)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    claimed = next(r for r in records if r["claims"])
    claimed["claims"][0]["actor"]["ref"] = "turkish_government"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "agreement"])
    assert result.exit_code == 1 and "unknown actor 'turkish_government'" in result.output
    (path.parent / "actors.jsonl").write_text(
        '{"id": "turkish_government", "name": "the Turkish government", "kind": "government"}\n'
    )
    assert CliRunner().invoke(cli, ["validate", "agreement"]).exit_code == 0


def test_studies_of_other_documents_are_kept_but_not_checked(project: Path) -> None:
    folder = project / "agreement" / "old"
    folder.mkdir(parents=True)
    (folder / "elsewhere.jsonl").write_text("{not even json\n")
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 0


def test_the_card_reports_kappa_and_alpha_with_n_a(project: Path) -> None:
    second_annotation(project)
    result = CliRunner().invoke(cli, ["export"])
    assert result.exit_code == 0, result.output
    card = (project / "dist" / "claimset" / "README.md").read_text(encoding="utf-8")
    assert "`agreement/ann9/` (`eu_turkey`) compared with the corpus annotations" in card
    assert "| claim-bearing sentence |" in card and "| kappa | alpha |" in card
    assert "0.000" not in card.split("#### Agreement")[1].split("####")[0]


def test_an_agreement_file_is_checked_against_its_seed_and_counted(project: Path) -> None:
    path = second_annotation(project)
    assert CliRunner().invoke(cli, ["validate"]).output == "valid (4 files, 62 records checked)\n"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] = "Fev" + first["text"][3:]
    path.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert (
        "agreement/ann9/eu_turkey.jsonl:1:78: text: the text differs from"
        " seeds/eu_turkey.txt[0:118] ('Few relationships in European… between Brussels and"
        " Ankara.')" in result.output
    )
    assert "[offset-mismatch]" in result.output


def test_a_seed_not_valid_utf8_is_reported_once_not_against_each_agreement_line(
    project: Path,
) -> None:
    second_annotation(project)
    seed = project / "seeds" / "eu_turkey.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Few", b"F\xffw", 1))
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "seeds/eu_turkey.txt:1:2: invalid UTF-8 at byte 1" in result.output
    assert "agreement/" not in result.output  # its sentences cannot be checked against it
    assert result.output.endswith("invalid: 2 errors, 0 warnings (4 files, 62 records checked)\n")


def test_a_study_of_a_seed_with_an_invalid_name_is_a_diagnostic_not_a_crash(
    project: Path,
) -> None:
    (project / "seeds" / "EU turkey.txt").write_text("One sentence.\n", encoding="utf-8")
    folder = project / "agreement" / "ann9"
    folder.mkdir(parents=True)
    (folder / "EU turkey.jsonl").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "seeds/EU turkey.txt:1:1: 'EU turkey' is not a document id" in result.output
    assert "Error" not in result.output and "error:" not in result.output
    assert result.output.endswith(" (4 files, 36 records checked)\n")


def test_hidden_files_and_folders_named_like_a_study_are_not_studies(project: Path) -> None:
    folder = project / "agreement" / "ann9"
    folder.mkdir(parents=True)
    hidden = folder / ".eu_turkey.jsonl"  # an editor's lock or backup file
    hidden.write_text("{not json\n", encoding="utf-8")
    (folder / "eu_turkey.jsonl").mkdir()
    result = CliRunner().invoke(cli, ["validate"])
    assert (result.exit_code, result.output) == (0, "valid (3 files, 36 records checked)\n")
    named = CliRunner().invoke(cli, ["validate", "agreement/ann9/.eu_turkey.jsonl"])
    assert named.exit_code == 2
    assert named.stderr == (
        "Error: agreement/ann9/.eu_turkey.jsonl: not a file claimset validates"
        " (corpus/annotations/*.jsonl, corpus/actors.jsonl, corpus/documents.jsonl,"
        " corpus/annotators.jsonl, corpus/orphans/*.jsonl, agreement/**/*.jsonl, seeds/*.txt)\n"
    )


def test_a_broken_line_of_a_second_annotators_registry_is_skipped(project: Path) -> None:
    path = second_annotation(project)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    claimed = next(r for r in records if r["claims"])
    claimed["claims"][0]["actor"]["ref"] = "turkish_government"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (path.parent / "actors.jsonl").write_text(
        '{"id": "half a line\n'
        '{"id": "turkish_government", "name": "the Turkish government", "kind": "government"}\n'
    )
    result = CliRunner().invoke(cli, ["validate"])
    assert (result.exit_code, result.output) == (0, "valid (4 files, 62 records checked)\n")


def test_two_annotators_files_of_one_name_keep_their_own_counts(project: Path) -> None:
    """The usual case: both files are named after the document. Each annotator is named by the
    folder that tells them apart, and each keeps its own claim count."""
    first = second_annotation(project, "ann8")
    second = second_annotation(project, "ann9")
    records = [json.loads(line) for line in second.read_text(encoding="utf-8").splitlines()]
    claimed = next(r for r in records if r["claims"])
    dropped = len(claimed["claims"])
    claimed["claims"] = []
    second.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    total = sum(
        len(json.loads(line)["claims"]) for line in first.read_text(encoding="utf-8").splitlines()
    )
    result = CliRunner().invoke(cli, ["agree", str(first), str(second), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["annotators"] == ["ann8/eu_turkey.jsonl", "ann9/eu_turkey.jsonl"]
    assert report["claims"] == {
        "ann8/eu_turkey.jsonl": total,
        "ann9/eu_turkey.jsonl": total - dropped,
    }


def test_one_name_for_two_annotators_is_a_usage_error(project: Path) -> None:
    first, second = second_annotation(project, "ann8"), second_annotation(project, "ann9")
    result = CliRunner().invoke(
        cli, ["agree", str(first), str(second), "--name", "a", "--name", "a"]
    )
    assert result.exit_code == 2 and "different --name" in result.output
