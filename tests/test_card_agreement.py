"""The dataset card's parts read from project files: the agreement section (recorded figures in
Markdown or `claimset eval` JSON, second annotations under agreement/ scored at export), the
project's name and the Hub's size category."""

from __future__ import annotations

import json
from pathlib import Path

from claimset.export.card.agreement import agreement_section
from claimset.export.card.metadata import project_name, size_category
from samples import copy_fixture


def test_no_agreement_files_means_no_section(tmp_path: Path) -> None:
    assert agreement_section(copy_fixture(tmp_path)) is None


def test_recorded_markdown_is_included_with_its_headings_nested(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.corpus_dir / "agreement.md").write_text(
        "# Agreement\n\nKappa 0.7.\n\n## Round 2\n\n####### not a heading\n", "utf-8"
    )
    (project.root / "docs").mkdir()
    (project.root / "docs" / "agreement.md").write_text("#### Deep\ntext\n", "utf-8")
    assert agreement_section(project) == (
        "From `corpus/agreement.md`:\n\n#### Agreement\n\nKappa 0.7.\n\n##### Round 2\n\n"
        "####### not a heading\n\nFrom `docs/agreement.md`:\n\n###### Deep\ntext"
    )


def test_recorded_json_of_another_shape_is_shown_as_it_is(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    path = project.corpus_dir / "agreement.json"
    path.write_text(json.dumps({"kappa": 0.7, "scores": {}, "accuracy": []}), "utf-8")
    section = agreement_section(project)
    assert section is not None
    assert section.splitlines()[2:] == [
        "```json",
        "{",
        '  "accuracy": [],',
        '  "kappa": 0.7,',
        '  "scores": {}',
        "}",
        "```",
    ]
    path.write_text(json.dumps([1, 2]), "utf-8")
    assert agreement_section(project) == (
        "From `corpus/agreement.json` (`claimset eval` of one annotation against another):"
        "\n\n```json\n[\n  1,\n  2\n]\n```"
    )


def test_recorded_json_with_parts_missing_shows_what_is_there(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    data = {
        "claims": {"gold": 4},
        "scores": {"actors": {"precision": 0.5}, "odd": 3},
        "accuracy": {"certainty": {"accuracy": 1.0}, "odd": None},
    }
    (project.corpus_dir / "agreement.json").write_text(json.dumps(data), "utf-8")
    section = agreement_section(project)
    assert section is not None
    assert "Claims: 4 in the gold, ? in the other annotation, ? paired" in section
    assert "| actor refs | 0.500 | n/a | n/a |" in section
    assert "| certainty | 1.000 | ?/? |" in section
    assert "odd" not in section


def test_second_annotations_of_other_documents_or_unreadable_are_named(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    agreement = project.root / "agreement"
    (agreement / "elsewhere").mkdir(parents=True)
    (agreement / "elsewhere" / "other_doc.jsonl").write_text("{}\n", "utf-8")
    (agreement / "broken").mkdir()
    (agreement / "broken" / "demo.jsonl").write_text('{"id": "demo:0000", \n', "utf-8")
    assert agreement_section(project) == (
        "`agreement/broken/` could not be scored: run `claimset validate` on it"
    )


# -- the card's name and size category (metadata.py) ---------------------------------------------


def test_the_card_names_the_project_by_its_readme_heading_else_its_folder(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    readme = project.root / "README.md"
    assert project_name(project) == "proj"  # no README
    readme.write_text("intro\n#not a heading\n#  \n# Korea claims \n# second\n", "utf-8")
    assert project_name(project) == "Korea claims"
    readme.write_text("## only a subheading\n", "utf-8")
    assert project_name(project) == "proj"
    (project.root / "claimset.toml").write_text('[dataset]\nname = "From the settings"\n', "utf-8")
    assert project_name(project) == "From the settings"


def test_size_categories_follow_the_hub_s_boundaries() -> None:
    cases = {
        0: "n<1K",
        999: "n<1K",
        1_000: "1K<n<10K",
        99_999: "10K<n<100K",
        100_000: "100K<n<1M",
        9_999_999: "1M<n<10M",
        99_999_999: "10M<n<100M",
        100_000_000: "n>100M",
    }
    assert {n: size_category(n) for n in cases} == cases
