"""The card says what the data says: licences from the documents, metadata from claimset.toml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from claimset.about import InvalidAbout, read_about
from claimset.cli import cli
from claimset.export.card.licensing import licensing
from claimset.project import Project
from click.testing import CliRunner


def test_one_hub_licence_is_the_license() -> None:
    rights = licensing([{"license": "cc-by-4.0"}, {"license": "cc-by-4.0"}])
    assert (rights.license, rights.license_name) == ("cc-by-4.0", None)


def test_one_other_licence_is_named() -> None:
    rights = licensing([{"license": "public-domain"}] * 3)
    assert (rights.license, rights.license_name, rights.license_link) == (
        "other",
        "public-domain",
        "LICENSE.md",
    )
    assert "unknown" not in rights.intro


def test_mixed_licences_are_counted_and_unknown_rights_warned_of() -> None:
    rights = licensing([{"license": "public-domain"}, {"license": None}, {"license": "mit"}])
    assert (rights.license, rights.license_name) == ("other", "mixed")
    assert "1 document `mit`" in rights.summary and "1 document `unknown`" in rights.summary
    assert "do not redistribute" in rights.intro


def test_claimset_toml_is_read_and_checked(tmp_path: Path) -> None:
    assert read_about(tmp_path).authors == []
    (tmp_path / "claimset.toml").write_text('[dataset]\nyear = "2026"\n', encoding="utf-8")
    with pytest.raises(InvalidAbout, match="year must be a int"):
        read_about(tmp_path)
    (tmp_path / "claimset.toml").write_text("[dataset]\nauthor = ['x']\n", encoding="utf-8")
    with pytest.raises(InvalidAbout, match="unknown key"):
        read_about(tmp_path)
    (tmp_path / "claimset.toml").write_text("[dataset\n", encoding="utf-8")
    with pytest.raises(InvalidAbout, match=r"claimset\.toml"):
        read_about(tmp_path)


def _export(project: Project) -> tuple[dict[str, object], str]:
    result = CliRunner().invoke(cli, ["export"])
    assert result.exit_code == 0, result.output
    card = (project.root / "dist" / "claimset" / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(card.split("---")[1])
    return front, card


def _set_licence(project: Project, licence: str | None) -> None:
    records = [json.loads(line) for line in project.documents_path.read_text().splitlines()]
    for record in records:
        record["license"] = licence
    project.documents_path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    assert CliRunner().invoke(cli, ["fmt"]).exit_code == 0


def test_the_card_follows_the_data(seeded_project: Project) -> None:
    assert CliRunner().invoke(cli, ["split"]).exit_code == 0
    front, card = _export(seeded_project)
    # One document, with no licence: nothing differs, the licence is unknown (QA F14).
    assert front["license"] == "other" and front["license_name"] == "unknown"
    assert "no document states its licence (1 document `unknown`)" in card
    assert "licences differ" not in card
    assert "written for publication" not in card  # nothing in the data says so
    assert "authors, year, url: not recorded" in card
    assert "No claim yet, so no example row." in card
    assert "pypi.org" not in card and str(seeded_project.root) not in card

    _set_licence(seeded_project, "cc-by-4.0")
    (seeded_project.root / "claimset.toml").write_text(
        '[dataset]\nname = "Essays"\nauthors = ["A. Author", "B. Author"]\nyear = 2025\n'
        'url = "https://example.org/essays"\n',
        encoding="utf-8",
    )
    front, card = _export(seeded_project)
    assert front["license"] == "cc-by-4.0" and "license_name" not in front
    assert front["pretty_name"] == "Essays"
    assert "author       = {A. Author and B. Author}" in card
    assert "year         = {2025}" in card and "\\url{https://example.org/essays}" in card
    assert "**Repository:** <https://example.org/essays>" in card


def test_the_card_shows_an_example_claim_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "eu_turkey"  # a copy: the export takes the project's lock file
    shutil.copytree(Path(__file__).resolve().parent / "data" / "essays" / "eu_turkey", project)
    monkeypatch.chdir(project)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "An example row of the `claims` config:" in card
    assert '"expectation":' in card and '"sentence_id": "eu_turkey:' in card


def test_annotators_come_from_the_registry(seeded_project: Project) -> None:
    assert CliRunner().invoke(cli, ["split"]).exit_code == 0
    path = seeded_project.annotation_path(seeded_project.seed_paths()[0].stem)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[0].update(status="done", annotator="kim")
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    front, card = _export(seeded_project)
    assert front["annotations_creators"] == ["other"]
    assert "not in corpus/annotators.jsonl, so unknown" in card
    registry = seeded_project.root / "corpus" / "annotators.jsonl"
    registry.write_text('{"id": "kim", "kind": "human", "description": "A linguist."}\n')
    front, card = _export(seeded_project)
    assert front["annotations_creators"] == ["expert-generated"]
    assert "1 annotated: 1 by people" in card and "A linguist." in card
    registry.write_text('{"id": "kim", "kind": "model"}\n')
    front, card = _export(seeded_project)
    assert front["annotations_creators"] == ["machine-generated"]
    assert "by language-model annotators" in card and "annotated by a person" not in card
    registry.write_text('{"id": "kim", "kind": "robot"}\n')
    result = CliRunner().invoke(cli, ["export"])
    assert result.exit_code == 1 and "corpus/annotators.jsonl:1" in result.output


def test_the_readme_s_pandas_recipe_keeps_integer_offsets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pandas as pd

    project = tmp_path / "eu_turkey"  # a copy: the export takes the project's lock file
    shutil.copytree(Path(__file__).resolve().parent / "data" / "essays" / "eu_turkey", project)
    monkeypatch.chdir(project)
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["export", "--out", str(out)]).exit_code == 0
    path = next((out / "claims").glob("train-*.parquet"))
    claims = pd.read_parquet(path, dtype_backend="pyarrow")
    assert str(claims["actor_start"].dtype) == "int32[pyarrow]"
    assert claims["actor_start"].isna().any()  # implicit actors stay null, not NaN floats


def test_init_writes_starter_guidelines_with_the_label_definitions(tmp_path: Path) -> None:
    from claimset.labels import markdown

    assert CliRunner().invoke(cli, ["init", str(tmp_path / "p")]).exit_code == 0
    text = (tmp_path / "p" / "docs" / "guidelines.md").read_text(encoding="utf-8")
    assert text.startswith("# p: annotation guidelines") and markdown() in text
