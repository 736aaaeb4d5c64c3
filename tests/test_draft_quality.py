"""The drafter meets the issue's targets on the blind essays (tests/data/blind/), and holds its
figures on the corpus's real development documents.

The blind essays were written and annotated by another annotator after the drafting rules were
final, and were not looked at while developing them: a regression guard on unseen text, not a
tuning set. Targets (F1): hedge cues >= 0.75, claim-bearing sentences >= 0.70, actor refs >= 0.60.

The real development documents (the train and validation splits of corpus/documents.jsonl, the
seed aside) were read while writing the rules: their floors sit just below the figures measured
when the rules were last changed, so that a change that loses ground on real text fails here.
The test-split documents are never drafted by the test suite.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from claimset.draft import draft
from claimset.draft.afresh import todo_copy
from claimset.evaluate import evaluate
from claimset.project import Project
from claimset.split import split

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from gold_sets import development_documents  # the dev set: one definition, in benchmarks/

DATA = Path(__file__).resolve().parent / "data"
# blind/: measured once, then its annotator's summary of error categories reached the rules'
# developer; blind2/: written after the rules were final and never described to anyone;
# blind3/: two opinion essays written and annotated in session 7 by annotators who never saw a
# draft, measured once with the code of that session's start and end.
ESSAYS = sorted(
    p.relative_to(DATA).as_posix()
    for folder in ("blind", "blind2", "blind3")
    if (DATA / folder).is_dir()
    for p in (DATA / folder).iterdir()
    if p.is_dir()
)
TARGETS = {"cues": 0.75, "claim_sentences": 0.70, "actors": 0.60}
ROOT = DATA.parent.parent
#: Pooled F1 floors on the real development documents, about 0.02 below the figures measured
#: (docs/drafting.md, "Measured on real documents").
DEVELOPMENT_FLOORS = {
    "claim_sentences": 0.87,
    "actors": 0.81,
    "cues": 0.96,
    "expectation_type": 0.81,
    "expectation_exact": 0.74,
    "expectation_overlap": 0.83,
    "target": 0.69,
    "evidence": 0.57,
}


@pytest.mark.parametrize("name", ESSAYS)
def test_drafts_meet_the_targets_on_blind_essays(name: str, tmp_path: Path) -> None:
    source = DATA / name
    name = source.name
    root = tmp_path / name
    shutil.copytree(source, root)
    gold = source / "corpus" / "annotations" / f"{name}.jsonl"
    (root / "corpus" / "annotations" / f"{name}.jsonl").unlink()
    project = Project(root)
    assert split(project).ok
    assert draft(project).ok
    report = evaluate([gold], [project.annotation_path(name)])
    scores = {key: report.scores[key].f1 for key in TARGETS}
    assert all(scores[key] >= floor for key, floor in TARGETS.items()), scores


def test_there_are_blind_essays() -> None:
    assert len(ESSAYS) >= 2


def test_drafts_hold_their_figures_on_the_real_development_documents(tmp_path: Path) -> None:
    docs = development_documents()
    assert len(docs) >= 5
    gold = [ROOT / "corpus" / "annotations" / f"{doc}.jsonl" for doc in docs]
    assert draft(todo_copy(ROOT, tmp_path, docs)).ok
    report = evaluate(gold, [tmp_path / "corpus" / "annotations"], baseline=True)
    scores = {key: round(report.scores[key].f1, 3) for key in DEVELOPMENT_FLOORS}
    below = {k: (v, DEVELOPMENT_FLOORS[k]) for k, v in scores.items() if v < DEVELOPMENT_FLOORS[k]}
    assert not below, f"F1 below its floor (measured, floor): {below}"
    # Every field the drafter fills beats the trivial baseline (one author belief per sentence).
    assert report.baseline is not None
    for key in ("claim_sentences", "actors", "cues", "expectation_type", "target", "evidence"):
        assert report.scores[key].f1 > report.baseline.scores[key].f1, key
