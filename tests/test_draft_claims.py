"""The drafter's claim assembly on sentences built to tell one rule apart (through `draft`).

Certainty comes from the weakest hedge, a booster such as "no doubt" is no negation, and a fact
supports a claim before it only within one paragraph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimset.draft import draft
from claimset.project import Project
from claimset.split import split

RUSSIA = {"id": "russia", "name": "Russia", "aliases": [], "kind": "state"}


def drafted(project: Project, text: str, doc: str = "d") -> list[dict[str, Any]]:
    """The sentence records `draft` writes for a seed holding `text`."""
    if '"russia"' not in project.actors_path.read_text("utf-8"):
        with project.actors_path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(RUSSIA) + "\n")
    (project.seeds_dir / f"{doc}.txt").write_text(text, "utf-8")
    assert split(project).ok
    assert draft(project).ok
    path: Path = project.annotation_path(doc)
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def only_claim(record: dict[str, Any]) -> dict[str, Any]:
    (claim,) = record["claims"]
    return dict(claim)


def test_certainty_is_the_weakest_hedge(new_project: Project) -> None:
    records = drafted(
        new_project,
        "Russia will probably win the war. Russia will probably perhaps win the war. "
        "Russia will perhaps probably win the war.",
    )
    certainty = [only_claim(r)["hedge"]["certainty"] for r in records]
    assert certainty == ["probable", "possible", "possible"]


def test_no_doubt_is_a_booster_not_a_negation(new_project: Project) -> None:
    (record,) = drafted(new_project, "Russia will no doubt win the war.")
    claim = only_claim(record)
    assert claim["polarity"] == "positive"
    assert claim["hedge"] == {
        "certainty": "certain",
        "cues": [{"quote": "no doubt", "start": 12, "end": 20, "kind": "booster"}],
    }
    assert claim["expectation"]["quote"] == "Russia will no doubt win the war"


def test_a_negated_expectation_is_negative(new_project: Project) -> None:
    (record,) = drafted(new_project, "Russia will not win the war.")
    assert only_claim(record)["polarity"] == "negative"


def test_facts_support_a_claim_within_its_paragraph_only(new_project: Project) -> None:
    same = drafted(new_project, "Russia will win the war. The army grew by 40% in 2020.\n", "d")
    assert only_claim(same[0])["evidence"] == [
        {
            "quote": "The army grew by 40% in 2020",
            "sentence": "d:0001",
            "start": 0,
            "end": 28,
            "type": "statistic",
        }
    ]
    apart = drafted(new_project, "Russia will win the war.\n\nThe army grew by 40% in 2020.\n", "e")
    assert only_claim(apart[0])["evidence"] == []


def test_a_negative_cue_makes_the_claim_negative(new_project: Project) -> None:
    # "is unlikely to" is negative in the lexicon: no "not" needed for a negative claim.
    (record,) = drafted(new_project, "Russia is unlikely to win the war.")
    assert only_claim(record)["polarity"] == "negative"
