"""`claimset export --format`, `claimset import` and `claimset render` through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from claimset.cli import cli
from click.testing import CliRunner, Result
from formats_samples import DATA


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(DATA / "blind" / "egypt_ethiopia", root)
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="claimset")


def annotations(root: Path) -> bytes:
    return (root / "corpus" / "annotations" / "egypt_ethiopia.jsonl").read_bytes()


def test_brat_export_then_import_changes_nothing(project: Path) -> None:
    before = annotations(project)
    result = run("export", "--format", "brat")
    assert result.exit_code == 0, result.output
    assert "dist/brat" in result.output and "(brat: 1 document(s), 4 file(s))" in result.output
    folder = project / "dist" / "brat"
    assert (folder / "egypt_ethiopia.ann").is_file() and (folder / "annotation.conf").is_file()
    result = run("import", "brat", str(folder))
    assert result.exit_code == 0, result.output
    assert "Imported 1 document(s)" in result.output and "no file changed" in result.output
    assert annotations(project) == before
    assert run("export", "--format", "brat").exit_code == 0  # a previous export is replaced


def test_label_studio_export_then_import_changes_nothing(project: Path) -> None:
    before = annotations(project)
    result = run("export", "--format", "label-studio")
    assert result.exit_code == 0, result.output
    tasks = project / "dist" / "label-studio" / "tasks.json"
    assert (project / "dist" / "label-studio" / "config.xml").read_text().startswith("<View>")
    result = run("import", "label-studio", str(tasks))
    assert result.exit_code == 0, result.output
    assert annotations(project) == before


def test_an_import_that_loses_something_writes_nothing_unless_asked(project: Path) -> None:
    before = annotations(project)
    assert run("export", "--format", "label-studio").exit_code == 0
    path = project / "dist" / "label-studio" / "tasks.json"
    tasks = json.loads(path.read_text(encoding="utf-8"))
    result_items = tasks[0]["annotations"][0]["result"]
    # Drop the type of the first claim: it can no longer be placed.
    first = next(i for i in result_items if i.get("from_name") == "expectation_type")
    result_items.remove(first)
    path.write_text(json.dumps(tasks), encoding="utf-8")

    refused = run("import", "label-studio", str(path))
    assert refused.exit_code == 1
    assert f"error: task 0 (egypt_ethiopia) region {first['id']}: expectation has no type" in (
        refused.output
    )
    assert "nothing imported" in refused.output
    assert annotations(project) == before

    protected = run("import", "label-studio", str(path), "--allow-loss")
    assert protected.exit_code == 1 and "would change 1 done or reviewed" in protected.output
    assert annotations(project) == before

    forced = run("import", "label-studio", str(path), "--allow-loss", "--force")
    assert forced.exit_code == 0, forced.output
    assert "warning: task 0" in forced.output
    assert annotations(project) != before


def test_a_brat_text_that_differs_from_the_seed_is_refused(project: Path) -> None:
    assert run("export", "--format", "brat").exit_code == 0
    txt = project / "dist" / "brat" / "egypt_ethiopia.txt"
    txt.write_text(txt.read_text(encoding="utf-8").replace("Nile", "Nil"), encoding="utf-8")
    result = run("import", "brat", str(project / "dist" / "brat"), "--allow-loss")
    assert result.exit_code == 1
    assert "seeds/egypt_ethiopia.txt: differs from the imported text" in result.output


def test_spacy_export_writes_one_file(project: Path) -> None:
    pytest.importorskip("spacy", reason="spaCy is not installed: pip install 'claimset[spacy]'")
    result = run("export", "--format", "spacy", "--out", "out/corpus.spacy")
    assert result.exit_code == 0, result.output
    assert (project / "out" / "corpus.spacy").stat().st_size > 1000


def test_render_writes_the_report_and_refuses_a_foreign_folder(project: Path) -> None:
    result = run("render")
    assert result.exit_code == 0, result.output
    assert "index.html and 1 document page(s)" in result.output
    assert "The Nile after the dam" in (project / "dist" / "report" / "index.html").read_text()
    (project / "notes").mkdir()
    (project / "notes" / "x.txt").write_text("mine", encoding="utf-8")
    refused = run("render", "--out", "notes")
    assert refused.exit_code == 2 and "not a claimset report" in refused.output


def test_usage_errors_exit_2(project: Path) -> None:
    assert run("import", "label-studio", "missing.json").exit_code == 2
    assert run("export", "--format", "doccano").exit_code == 2
    (project / "bad.json").write_text("{", encoding="utf-8")
    bad = run("import", "label-studio", "bad.json")
    assert bad.exit_code == 1 and "not a JSON export" in bad.output


def test_a_foreign_out_folder_is_refused_unless_forced(project: Path) -> None:
    (project / "mine").mkdir()
    (project / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    refused = run("export", "--format", "brat", "--out", "mine")
    assert refused.exit_code == 2 and "not a claimset export" in refused.output
    assert sorted(p.name for p in (project / "mine").iterdir()) == ["notes.txt"]
    forced = run("export", "--format", "brat", "--out", "mine", "--force")
    assert forced.exit_code == 0, forced.output
    assert (project / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep"
    assert (project / "mine" / "egypt_ethiopia.ann").is_file()


def test_the_spacy_export_without_spacy_says_which_extra(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "spacy", None)  # what `import spacy` does when absent
    result = run("export", "--format", "spacy")
    assert result.exit_code == 1
    assert "pip install 'claimset[spacy]'" in result.output
    assert not (project / "dist" / "claimset.spacy").exists()
