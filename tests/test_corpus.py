"""The public reading API: `claimset.load_corpus` on the repository's own corpus."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import claimset
import pytest
from claimset import jsonio
from claimset.errors import InvalidLine, ProjectNotFound
from claimset.models import Actor, Claim, Document, SentenceRecord

REPO = Path(__file__).resolve().parents[1]
ANNOTATION = "corpus/annotations/000_a59439a6f7a726ad.jsonl"


def test_load_corpus_reads_typed_records_from_a_str_path() -> None:
    corpus = claimset.load_corpus(str(REPO))
    assert corpus.root == REPO
    assert all(isinstance(d, Document) for d in corpus.documents.values())
    assert all(isinstance(a, Actor) for a in corpus.actors.values())
    assert all(isinstance(s, SentenceRecord) for s in corpus)
    lines = sum(1 for p in (REPO / "corpus" / "annotations").glob("*.jsonl") for _ in p.open("rb"))
    assert len(corpus) == lines
    pairs = corpus.claims
    assert pairs and all(isinstance(c.claim, Claim) for c in pairs)
    assert pairs[0].id == f"{pairs[0].sentence.id}/{pairs[0].claim.id}"
    for sentence, claim in pairs:
        span = claim.expectation
        assert sentence.text[span.start : span.end] == span.quote  # type: ignore[misc]


def test_iteration_helpers_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO / "corpus" / "annotations")  # any folder inside the project
    corpus = claimset.load_corpus()
    doc = "000_a59439a6f7a726ad"
    mine = list(corpus.iter_sentences(doc=doc))
    assert mine and {s.doc for s in mine} == {doc}
    done = list(corpus.iter_sentences(status="done"))
    assert {s.status for s in done} == {"done"}
    both = list(corpus.iter_sentences(status=["done", "reviewed"]))
    assert len(both) >= len(done)
    split = corpus.documents[doc].split
    assert all(corpus.documents[s.doc].split == split for s in corpus.iter_sentences(split=split))
    assert corpus.sentence(mine[3].id) is mine[3]
    with pytest.raises(KeyError):
        corpus.sentence("nope:0000")


def test_a_bad_record_is_located(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(REPO / "corpus", root / "corpus")
    path = root / ANNOTATION
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    record["status"] = "finished"
    lines[2] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InvalidLine) as info:
        claimset.load_corpus(root)
    assert str(info.value).startswith(f"{ANNOTATION}:3:1: status: Input should be 'todo'")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ProjectNotFound):
        claimset.load_corpus(tmp_path / "empty")


def test_the_readers_accept_str_paths() -> None:
    path = str(REPO / ANNOTATION)
    assert jsonio.read_jsonl(path)[0]["id"] == "000_a59439a6f7a726ad:0000"
    assert next(jsonio.iter_jsonl_lenient(path))[0] == 1
    assert next(jsonio.iter_lines(path))[0] == 1


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"<!-- api:start -->\n```python\n(.*?)```\n<!-- api:end -->", readme, re.S)
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert namespace["types"]
