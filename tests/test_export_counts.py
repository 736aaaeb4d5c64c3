"""The counts the dataset card reports, added up block by block as the export writes its tables.

Each figure of the fixture project of `test_export.py` is counted here by hand from the fixture
(what its docstring lists): 9 sentences in 3 documents, 4 human claims and 1 machine draft.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from claimset.export import export, tables
from claimset.export.counts import CorpusCounts
from claimset.project import Project
from test_export import make_export_project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_export_project(tmp_path / "proj")


def _counts(project: Project, include_drafts: bool) -> dict[str, Any]:
    statuses = tables.CLAIM_STATUSES + (tables.DRAFT_STATUSES if include_drafts else ())
    counts = CorpusCounts(documents=3)
    for part in tables.document_tables(project, statuses):
        counts.add(part)
    return counts.to_dict(include_drafts)


def _edit(project: Project, doc: str, line: int, change: Any) -> None:
    """Change record `line` of a document's annotation file on disk."""
    path = project.annotation_path(doc)
    records = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    change(records[line])
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")


#: The fixture by hand. Sentences: alpha 0 todo, 1-3 done by ann1, 4 a draft; beta 0 reviewed
#: by ann2, 1 todo; gamma's two todo. Claims: alpha 1 (south_korea, a desire citing sentence 2),
#: alpha 3 (the author unnamed, an obligation, probable, citing its own sentence), beta's two
#: (north_korea's negative prediction; the author's possible belief), the draft (japan's
#: underspecified prediction, machine-made).
HUMAN = {
    "documents": 3,
    "sentences": 9,
    "sentences_by_status": {"todo": 4, "draft": 1, "done": 3, "reviewed": 1},
    "claims_by_status_origin": {
        "todo": {"human": 0, "auto": 0},
        "draft": {"human": 0, "auto": 1},
        "done": {"human": 2, "auto": 0},
        "reviewed": {"human": 2, "auto": 0},
    },
    "claim_statuses": ["done", "reviewed"],
    "exported_claims": 4,
    "expectation_types": {
        "desire": 1,
        "intention": 0,
        "prediction": 1,
        "belief": 1,
        "demand": 0,
        "obligation": 1,
        "other": 0,
    },
    "certainty": {"certain": 2, "probable": 1, "possible": 1, "underspecified": 0},
    "polarity": {"positive": 3, "negative": 1},
    "actors": {"author": 2, "north_korea": 1, "south_korea": 1},
    "implicit_actors": 0,  # both claims without an actor quote are the author's
    "evidence": 2,
    "cross_sentence_evidence": 1,
    "annotators": {"ann1": 3, "ann2": 1},
}


def test_the_fixture_is_counted_as_by_hand(project: Project) -> None:
    assert _counts(project, include_drafts=False) == HUMAN
    with_drafts = _counts(project, include_drafts=True)
    assert with_drafts == {
        **HUMAN,
        "claim_statuses": ["done", "reviewed", "draft"],
        "exported_claims": 5,
        "expectation_types": {**HUMAN["expectation_types"], "prediction": 2},
        "certainty": {**HUMAN["certainty"], "underspecified": 1},
        "polarity": {"positive": 4, "negative": 1},
        "actors": {"author": 2, "japan": 1, "north_korea": 1, "south_korea": 1},
    }
    # Actors by count, then by name; annotators by name (the card lists them in this order).
    assert list(with_drafts["actors"]) == ["author", "japan", "north_korea", "south_korea"]
    assert list(with_drafts["annotators"]) == ["ann1", "ann2"]


def test_the_export_reports_the_counts(project: Project, tmp_path: Path) -> None:
    result = export(project, tmp_path / "out")
    assert result.stats == HUMAN


def test_unnamed_holders_other_than_the_author_and_annotators_of_drafts(project: Project) -> None:
    # beta's belief and alpha 3's obligation held by Russia, unnamed: one per file, added up.
    def unnamed_russia(record: dict[str, Any]) -> None:
        record["claims"][1]["actor"] = {"ref": "russia"}

    _edit(project, "beta", 0, unnamed_russia)
    _edit(project, "alpha", 3, lambda r: r["claims"][0].update(actor={"ref": "russia"}))
    # An annotator who only drafted is not among the annotators; one who annotated gets
    # counted once per sentence, whatever its number of claims.
    _edit(project, "alpha", 4, lambda r: r.update(annotator="ann3"))
    _edit(project, "gamma", 1, lambda r: r.update(status="done", annotator="ann2"))
    counts = _counts(project, include_drafts=True)
    assert counts["implicit_actors"] == 2
    assert list(counts["actors"].items()) == [
        ("russia", 2),
        ("japan", 1),
        ("north_korea", 1),
        ("south_korea", 1),
    ]
    assert list(counts["annotators"].items()) == [("ann1", 3), ("ann2", 2)]
    assert counts["sentences_by_status"] == {"todo": 3, "draft": 1, "done": 4, "reviewed": 1}


def test_evidence_in_its_own_sentence_by_default_is_not_cross_sentence(project: Project) -> None:
    def own_sentence_unnamed(record: dict[str, Any]) -> None:  # alpha 3 cites itself: no id
        del record["claims"][0]["evidence"][0]["sentence"]

    def cites_the_next_sentence(record: dict[str, Any]) -> None:  # beta's prediction
        quote = "Seoul wants"  # in beta:0001, "Nobody knows what Seoul wants."
        start = "Nobody knows what Seoul wants.".index(quote)
        evidence = {"quote": quote, "start": start, "end": start + len(quote)}
        record["claims"][0]["evidence"] = [{**evidence, "sentence": "beta:0001", "type": "event"}]

    def cites_its_own_sentence(record: dict[str, Any]) -> None:  # beta's prediction
        quote = "its weapons"
        start = record["text"].index(quote)
        evidence = {"quote": quote, "start": start, "end": start + len(quote), "type": "event"}
        record["claims"][0]["evidence"] = [evidence]

    _edit(project, "alpha", 3, own_sentence_unnamed)
    counts = _counts(project, include_drafts=False)
    assert (counts["evidence"], counts["cross_sentence_evidence"]) == (2, 1)
    _edit(project, "beta", 0, cites_its_own_sentence)  # a file with no evidence across
    counts = _counts(project, include_drafts=False)
    assert (counts["evidence"], counts["cross_sentence_evidence"]) == (3, 1)
    _edit(project, "beta", 0, cites_the_next_sentence)  # a second file citing across: added up
    counts = _counts(project, include_drafts=False)
    assert (counts["evidence"], counts["cross_sentence_evidence"]) == (3, 2)


def test_no_claims_at_all(project: Project) -> None:
    for doc, line in (("alpha", 1), ("alpha", 3), ("alpha", 4), ("beta", 0)):
        _edit(project, doc, line, lambda r: r.update(claims=[]))
    counts = _counts(project, include_drafts=True)
    assert counts["exported_claims"] == 0
    assert counts["implicit_actors"] == counts["evidence"] == 0
    assert counts["claims_by_status_origin"]["done"] == {"human": 0, "auto": 0}
    assert counts["actors"] == {} and sum(counts["certainty"].values()) == 0
    assert counts["annotators"] == {"ann1": 3, "ann2": 1}
