"""What the card says of the data as a whole: its corpus version (a sha256 of the data files)
covers the agreement files, whose figures the card shows, so two cards with different figures
never share a version; its actor table adds up to every claim."""

from __future__ import annotations

from pathlib import Path

from claimset.export.card.sections import corpus_hash
from samples import copy_fixture

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def test_the_version_covers_the_agreement_files(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    without = corpus_hash(project)
    second = project.root / "agreement" / "bob" / "demo.jsonl"
    second.parent.mkdir(parents=True)
    text = (project.root / DEMO).read_text(encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    first = corpus_hash(project)
    assert first != without
    second.write_text(text.replace('"desire"', '"demand"', 1), encoding="utf-8")  # one label
    assert '"demand"' in second.read_text(encoding="utf-8")
    assert corpus_hash(project) not in (without, first)
    # An interrupted write's hidden temporary file is no data.
    changed = corpus_hash(project)
    (second.parent / ".claimset-tmp-x.jsonl").write_text("{}\n", encoding="utf-8")
    assert corpus_hash(project) == changed


def test_the_actor_table_adds_up_to_every_claim() -> None:
    from claimset.export.card.sections import ACTORS_SHOWN, actors_table

    counts = {f"actor{i:02d}": 30 - i for i in range(ACTORS_SHOWN)}  # 30 down to 11
    counts.update({f"rare{i}": 1 for i in range(16)})
    shown = actors_table({"actors": counts})
    assert "| 16 other actors, 1 claim each | 16 |" in shown
    assert sum(int(line.rsplit("|", 2)[1]) for line in shown.splitlines()[2:]) == sum(
        counts.values()
    )
    counts["rare0"] = 2
    assert "| 16 other actors | 17 |" in actors_table({"actors": counts})
    few = actors_table({"actors": {"author": 3, "russia": 1}})
    assert "other" not in few


def test_a_team_as_author_stays_one_bibtex_name() -> None:
    # BibTeX reads "The claimset developers" as a person ("developers, T. c."): written in
    # braces in claimset.toml, as BibTeX writes a corporate author, it stays whole.
    from claimset.about import About
    from claimset.export.card.sections import bibtex

    about = About("Claims", ["{The claimset developers}", "Ada Lovelace", "{50% & co}"], 2026, None)
    entry = bibtex("Claims", about, "0.1", "0" * 64)
    assert (
        "author       = {{The claimset developers} and Ada Lovelace and {50\\% \\& co}}" in entry
    ), entry
