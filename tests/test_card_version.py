"""The card's corpus version (a sha256 of the data files) covers the agreement files: the card's
agreement figures come from them, so two cards with different figures never share a version."""

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
