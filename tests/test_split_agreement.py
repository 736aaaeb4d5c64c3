"""`split` re-anchors agreement/<annotator>/<doc>.jsonl over a seed edit, as it does the corpus
annotations: claims carried over, the ones that fit nowhere kept as orphans beside the file, ids
the same as the corpus's, so that `build` and `agree` keep working."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from test_merge_git import claimset

ESSAY = (
    "Seoul hopes that Moscow will help. Tokyo fears that the deal will collapse.\n"
    "\n"
    "Washington expects Seoul to pay more. Beijing says nothing.\n"
)
DOC = "essay"


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def claim(quote: str, kind: str) -> dict[str, Any]:
    return {
        "actor": {"ref": "author", "quote": None},
        "expectation": {"quote": quote, "type": kind},
        "hedge": {"certainty": "certain", "cues": []},
    }


def project(tmp_path: Path) -> Path:
    """A project whose corpus (alice) and second annotator (bob) both annotated the essay."""
    root = tmp_path / "proj"
    claimset("init", str(root), cwd=tmp_path)
    (root / "seeds" / f"{DOC}.txt").write_text(ESSAY, encoding="utf-8")
    claimset("split", cwd=root)
    gold_path = root / "corpus" / "annotations" / f"{DOC}.jsonl"
    gold = read(gold_path)
    claims = [
        ("Moscow will help", "desire"),
        ("the deal will collapse", "prediction"),
        ("Seoul to pay more", "demand"),
        ("says nothing", "belief"),
    ]
    for record, (quote, kind) in zip(gold, claims, strict=True):
        record.update(status="done", annotator="alice", claims=[claim(quote, kind)])
    write(gold_path, gold)
    claimset("fmt", cwd=root)
    bob = [dict(r, annotator="bob") for r in read(gold_path)]
    bob[1]["claims"][0]["expectation"]["type"] = "belief"
    write(root / "agreement" / "bob" / f"{DOC}.jsonl", bob)
    assert claimset("validate", "--strict", cwd=root, check=False).returncode == 0
    return root


def test_a_sentence_inserted_before_carries_the_agreement_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    seed = root / "seeds" / f"{DOC}.txt"
    seed.write_text(ESSAY.replace("help. ", "help. A new sentence comes first. "), "utf-8")
    done = claimset("split", cwd=root)
    said = done.stdout + done.stderr
    assert "agreement/bob/essay.jsonl" in said
    bob = read(root / "agreement" / "bob" / f"{DOC}.jsonl")
    gold = {r["text"]: r["id"] for r in read(root / "corpus" / "annotations" / f"{DOC}.jsonl")}
    assert [r["text"] for r in bob] == list(gold)
    assert all(r["id"] == gold[r["text"]] for r in bob)
    assert [(r["status"], r["annotator"]) for r in bob] == [
        ("done", "bob"),
        ("todo", None),  # the new sentence: bob has not seen it
        ("done", "bob"),
        ("done", "bob"),
        ("done", "bob"),
    ]
    assert bob[2]["claims"][0]["expectation"]["type"] == "belief"
    assert claimset("validate", "--strict", cwd=root, check=False).returncode == 0
    assert claimset("build", cwd=root, check=False).returncode == 0
    agreed = claimset("agree", "corpus/annotations", "agreement/bob", cwd=root).stdout
    assert "4 sentences compared" in agreed


def test_a_deleted_sentence_orphans_the_agreement_claim_beside_the_file(tmp_path: Path) -> None:
    root = project(tmp_path)
    seed = root / "seeds" / f"{DOC}.txt"
    seed.write_text(ESSAY.replace(" Beijing says nothing.", ""), "utf-8")
    claimset("split", cwd=root)
    orphans = root / "agreement" / "bob" / "orphans" / f"{DOC}.jsonl"
    (orphan,) = read(orphans)
    assert (orphan["sentence"], orphan["annotator"]) == (f"{DOC}:0003", "bob")
    assert orphan["claim"]["expectation"]["quote"] == "says nothing"
    checked = claimset("validate", cwd=root, check=False)
    assert checked.returncode == 0
    assert "agreement/bob/orphans/essay.jsonl" in checked.stdout
    assert "agreement/bob/essay.jsonl" in checked.stdout  # where to put it back
    assert claimset("validate", "--strict", cwd=root, check=False).returncode == 1
    assert claimset("build", cwd=root, check=False).returncode == 0
    card = (root / "dist" / "claimset" / "README.md").read_text(encoding="utf-8")
    assert "agreement/bob/" in card and "agreement/bob/orphans" not in card


def test_a_stale_agreement_file_is_repaired_by_split_after_the_corpus(tmp_path: Path) -> None:
    # The QA case: `build` re-split the corpus, then stopped at the agreement file; the advice
    # "re-run `claimset split`" must repair it.
    root = project(tmp_path)
    stale = (root / "agreement" / "bob" / f"{DOC}.jsonl").read_bytes()
    seed = root / "seeds" / f"{DOC}.txt"
    seed.write_text(ESSAY.replace("Tokyo fears", "Tokyo dreads"), "utf-8")
    claimset("split", cwd=root)
    (root / "agreement" / "bob" / f"{DOC}.jsonl").write_bytes(stale)
    assert claimset("validate", cwd=root, check=False).returncode == 1
    claimset("split", cwd=root)
    bob = read(root / "agreement" / "bob" / f"{DOC}.jsonl")
    assert bob[1]["text"] == "Tokyo dreads that the deal will collapse."
    assert bob[1]["claims"][0]["expectation"]["quote"] == "the deal will collapse"
    assert claimset("validate", "--strict", cwd=root, check=False).returncode == 0


def test_naming_an_agreement_file_splits_its_seed(tmp_path: Path) -> None:
    root = project(tmp_path)
    seed = root / "seeds" / f"{DOC}.txt"
    seed.write_text(ESSAY.replace("Tokyo fears", "Tokyo dreads"), "utf-8")
    done = claimset("split", f"agreement/bob/{DOC}.jsonl", cwd=root, check=False)
    assert done.returncode == 0, done.stderr
    bob = read(root / "agreement" / "bob" / f"{DOC}.jsonl")
    assert bob[1]["text"] == "Tokyo dreads that the deal will collapse."
    assert claimset("validate", "--strict", cwd=root, check=False).returncode == 0
