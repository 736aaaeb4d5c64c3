"""The card's agreement figures say what they measure: an annotator against an adjudicated gold
that holds their own accepted versions is not agreement between annotators; two annotators'
own files compared with each other are."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_merge_git import claimset
from test_split_agreement import DOC, project


def agreement_part(root: Path) -> str:
    assert claimset("build", cwd=root, check=False).returncode == 0
    card = (root / "dist" / "claimset" / "README.md").read_text(encoding="utf-8")
    return card.split("#### Agreement")[1].split("####")[0]


def test_after_adjudication_the_card_says_the_figure_is_not_inter_annotator(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    before = agreement_part(root)
    assert "`agreement/bob/` (`essay`) compared with the corpus annotations" in before
    assert "were made independently" in before
    assert "Not agreement between annotators" not in before
    accepted = claimset(
        "agree",
        "corpus/annotations",
        "agreement/bob",
        "--accept",
        f"{DOC}:0001",
        "--reviewer",
        "carol",
        cwd=root,
    )
    assert "now bob's version" in accepted.stdout + accepted.stderr
    after = agreement_part(root)
    assert "**Not agreement between annotators**" in after
    assert "(1 of the 4 sentences compared are `reviewed`)" in after
    assert "in 1 of them the gold holds `bob`'s own version" in after


def test_two_annotators_own_files_are_compared_with_each_other(tmp_path: Path) -> None:
    root = project(tmp_path)
    shutil.copytree(root / "agreement" / "bob", root / "agreement" / "dan")
    part = agreement_part(root)
    assert "`agreement/bob/` and `agreement/dan/` (`essay`) compared with each other" in part
    assert "Agreement between annotators: two independent annotations" in part
