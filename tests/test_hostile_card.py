"""The dataset card escapes every value it did not write itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from claimset.export import export
from claimset.export.card.markdown import bibtex, code, fenced, text
from claimset.project import Project
from test_export import make_export_project

TITLE = "<script>alert(1)</script> | broken | table\n# A heading"
SOURCE = "<img src=x onerror=alert(1)> [link](javascript:alert(1)) `code`"
LICENSE = "cc-by-4.0 \x00 \x1b[2J"


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    project = make_export_project(tmp_path / "proj")
    monkeypatch.chdir(project.root)
    records = [json.loads(line) for line in project.documents_path.read_text().splitlines()]
    records[0].update(title=TITLE, source=SOURCE, license=LICENSE)
    project.documents_path.write_text("".join(json.dumps(r) + "\n" for r in records))
    (project.root / "README.md").write_text("# Evil <b>corpus</b> {unbalanced ``` name\n")
    return project


def _cells(line: str) -> int:
    """The cells of a Markdown table row (escaped pipes do not separate cells)."""
    return len(re.split(r"(?<!\\)\|", line.strip())) - 2


def test_the_card_shows_hostile_values_as_text(hostile: Project) -> None:
    """Titles, sources and the project's name injected <script>, <img onerror>, table breaks,
    headings and a raw NUL byte into the card."""
    out = export(hostile).out_dir
    for name in ("README.md", "LICENSE.md"):
        card = (out / name).read_text(encoding="utf-8")
        if card.startswith("---\n"):  # YAML front matter: data, written by yaml.safe_dump
            card = card.split("\n---\n", 1)[1]
        # Code blocks show their content as is: HTML there is harmless, if the fence holds.
        prose = re.sub(r"^(`{3,})[^\n]*\n.*?\n\1$", "", card, flags=re.S | re.M)
        assert "```" not in prose, "a code fence was broken"
        assert "<script" not in prose and "<img" not in prose and "<b>" not in prose
        assert "\x00" not in card and "\x1b" not in card
        assert "\n# A heading" not in card
        lines = card.splitlines()
        for number, line in enumerate(lines):
            if (
                line.startswith("|")
                and number + 1 < len(lines)
                and lines[number + 1].startswith("|-")
            ):
                width = _cells(line)
                rows = lines[number + 2 :]
                for row in rows[
                    : next((k for k, r in enumerate(rows) if not r.startswith("|")), len(rows))
                ]:
                    assert _cells(row) == width, (name, row)
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in card  # shown, not dropped
    bib = card.split("```bibtex\n", 1)[1].split("\n```", 1)[0]
    assert bib.count("{") == bib.count("}")
    assert "\n```\n" not in bib


def test_the_escapers() -> None:
    assert text("<a> | *b* `c` # d") == "&lt;a&gt; \\| \\*b\\* \\`c\\` \\# d"
    assert code("a`b|c") == "``a`b\\|c``" and code("x", cell=False) == "`x`"
    assert fenced("```\nx", "json").startswith("````json\n")
    assert bibtex("{a} 50% \\ ~") == (
        "\\textbraceleft{}a\\textbraceright{} 50\\% \\textbackslash{} \\~{}"
    )
    assert text("\x00\u202e") == "\\\\x00\\\\u202e"
