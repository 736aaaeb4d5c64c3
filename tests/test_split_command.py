"""`claimset split`: files written, idempotence, refusing to drop human work, bad seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.project import Project
from click.testing import CliRunner

DOC = "000_a59439a6f7a726ad"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_split_writes_todo_records_with_exact_offsets(seeded_project: Project) -> None:
    code, out, _ = run("split")
    assert code == 0
    path = seeded_project.annotation_path(DOC)
    recs = records(path)
    assert out == f"seeds/{DOC}.txt: {len(recs)} sentences (created)\n"
    text = seeded_project.seed_path(DOC).read_text(encoding="utf-8")
    for ordinal, rec in enumerate(recs):
        assert rec["id"] == f"{DOC}:{ordinal:04d}"
        assert rec["status"] == "todo" and rec["claims"] == [] and rec["annotator"] is None
        assert text[rec["start"] : rec["end"]] == rec["text"]  # type: ignore[misc]
    docs = records(seeded_project.documents_path)
    assert docs[0]["id"] == DOC and docs[0]["sentence_count"] == len(recs)
    assert docs[0]["language"] == "en" and docs[0]["split"] == "train"


def test_split_is_idempotent_byte_for_byte(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    before = seeded_project.annotation_path(DOC).read_bytes()
    docs_before = seeded_project.documents_path.read_bytes()
    code, out, _ = run("split")
    assert code == 0 and "(unchanged)" in out
    assert seeded_project.annotation_path(DOC).read_bytes() == before
    assert seeded_project.documents_path.read_bytes() == docs_before


def test_hand_edited_document_fields_survive(seeded_project: Project) -> None:
    run("split")
    doc = records(seeded_project.documents_path)[0]
    doc.update(title="My title", split="test", license="CC-BY-4.0")
    seeded_project.documents_path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    seed = seeded_project.seed_path(DOC)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nOne more sentence.", encoding="utf-8")
    assert run("split")[0] == 0
    after = records(seeded_project.documents_path)[0]
    assert (after["title"], after["split"], after["license"]) == ("My title", "test", "CC-BY-4.0")
    assert after["sha256"] != doc["sha256"]


def test_split_carries_done_sentences_over_a_changed_seed(seeded_project: Project) -> None:
    run("split")
    path = seeded_project.annotation_path(DOC)
    recs = records(path)
    recs[0].update(status="done", annotator="ann1")
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    seed = seeded_project.seed_path(DOC)
    seed.write_text("A new first sentence. " + seed.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("split")
    assert code == 0, err
    assert "(updated)" in out
    assert f"{len(recs)} unchanged, 0 edited, 1 new (todo), 0 removed" in err
    after = records(path)
    assert after[0]["text"] == "A new first sentence." and after[0]["status"] == "todo"
    assert after[0]["id"] == f"{DOC}:{len(recs):04d}"  # a new id: nothing else renumbered
    assert [r["id"] for r in after[1:]] == [r["id"] for r in recs]
    assert (after[1]["status"], after[1]["annotator"]) == ("done", "ann1")
    assert after[1]["start"] == recs[0]["start"] + len("A new first sentence. ")
    assert records(seeded_project.documents_path)[0]["sentence_count"] == len(after)


@pytest.mark.parametrize("origin", ["auto", "human"])
def test_split_carries_claims_over_a_changed_seed(seeded_project: Project, origin: str) -> None:
    # Machine drafts and a person's claims alike: re-splitting discards nothing.
    run("split")
    path = seeded_project.annotation_path(DOC)
    recs = records(path)
    claim = {"actor": {"ref": "author"}, "origin": origin}
    recs[1].update(status="draft", claims=[claim])
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    seed = seeded_project.seed_path(DOC)
    seed.write_text("A new first sentence. " + seed.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("split")
    assert code == 0, err
    after = {r["id"]: r for r in records(path)}
    assert after[recs[1]["id"]]["claims"] == [claim]
    assert after[recs[1]["id"]]["status"] == "draft"
    assert "claims: 1 before, 1 carried over, 0 orphaned" in err


def test_invalid_utf8_seed_is_an_error_with_byte_offset(new_project: Project) -> None:
    (new_project.seeds_dir / "bad.txt").write_bytes(b"Fine text. \xff broken.")
    (new_project.seeds_dir / "good.txt").write_text("One. Two.", encoding="utf-8")
    code, out, err = run("split")
    assert code == 1
    assert "invalid UTF-8 at byte 11" in err and "seeds/bad.txt" in err
    assert "seeds/good.txt: 2 sentences (created)" in out
    assert not new_project.annotation_path("bad").exists()


def test_bom_is_removed_and_reported(new_project: Project) -> None:
    (new_project.seeds_dir / "bom.txt").write_bytes("\ufeffHello there. Bye.".encode())
    code, _, err = run("split")
    assert code == 0 and "byte order mark removed" in err
    first = records(new_project.annotation_path("bom"))[0]
    assert (first["start"], first["text"]) == (0, "Hello there.")


def test_empty_seed_gives_zero_sentences_and_a_warning(new_project: Project) -> None:
    (new_project.seeds_dir / "empty.txt").write_text("  \n\n ", encoding="utf-8")
    code, out, err = run("split")
    assert code == 0 and "zero sentences" in err
    assert new_project.annotation_path("empty").read_bytes() == b""
    assert "0 sentences (created)" in out


def test_bad_document_id_is_refused(new_project: Project) -> None:
    (new_project.seeds_dir / "-bad name.txt").write_text("Text.", encoding="utf-8")
    code, _, err = run("split")
    assert code == 1 and "invalid document id '-bad name'" in err


def test_split_of_a_path_outside_the_project_is_a_usage_error(
    seeded_project: Project, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Hi.", encoding="utf-8")
    code, _, err = run("split", str(outside))
    assert code == 2 and "outside the project" in err
    code, _, err = run("split", "seeds/missing.txt")
    assert code == 2 and "no such file" in err


def test_split_refuses_an_unparseable_annotation_file(seeded_project: Project) -> None:
    run("split")
    path = seeded_project.annotation_path(DOC)
    path.write_text('{"id": broken\n', encoding="utf-8")
    seed = seeded_project.seed_path(DOC)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMore.", encoding="utf-8")
    code, _, err = run("split")
    assert code == 1 and f"corpus/annotations/{DOC}.jsonl:1:" in err
    assert path.read_text(encoding="utf-8") == '{"id": broken\n'


def test_split_of_a_file_that_is_not_a_seed_is_a_usage_error(seeded_project: Project) -> None:
    run("split")
    path = seeded_project.annotation_path(DOC)
    recs = records(path)
    recs[1].update(status="draft", claims=[{"actor": {"ref": "author"}}])
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    before = sorted((p.name, p.read_bytes()) for p in seeded_project.corpus_dir.rglob("*.jsonl"))
    (seeded_project.root / "notes.txt").write_text("Not an essay.", encoding="utf-8")
    for wrong in (f"corpus/annotations/{DOC}.jsonl", "README.md", "seeds/README.md", "notes.txt"):
        code, out, err = run("split", wrong)
        assert code == 2 and "not a seed" in err, (wrong, out, err)
    after = sorted((p.name, p.read_bytes()) for p in seeded_project.corpus_dir.rglob("*.jsonl"))
    assert after == before


def test_split_of_a_folder_splits_the_seeds_in_it(seeded_project: Project) -> None:
    code, out, err = run("split", "seeds")
    assert code == 0, err
    count = len(records(seeded_project.annotation_path(DOC)))
    assert out == f"seeds/{DOC}.txt: {count} sentences (created)\n"
    code, out, _ = run("split", ".")
    assert code == 0 and "(unchanged)" in out


def test_hidden_files_in_seeds_are_not_seeds(new_project: Project) -> None:
    # Editors and macOS leave `.x.txt` / `._x.txt` files behind; they are not documents.
    (new_project.seeds_dir / "._essay.txt").write_bytes(b"\x00\x05junk")
    (new_project.seeds_dir / "essay.txt").write_text("One. Two.", encoding="utf-8")
    code, out, err = run("split")
    assert code == 0, err
    assert out == "seeds/essay.txt: 2 sentences (created)\n"
    assert [p.name for p in new_project.annotation_paths()] == ["essay.jsonl"]


@pytest.mark.parametrize(
    ("line", "change"),
    [(1, {"claims": {"c1": "not a list"}}), (2, {"text": None}), (3, "not an object")],
    ids=["claims-not-a-list", "no-text", "not-an-object"],
)
def test_split_refuses_a_record_it_cannot_carry_over(
    seeded_project: Project, line: int, change: object
) -> None:
    run("split")
    path = seeded_project.annotation_path(DOC)
    recs: list[object] = list(records(path))
    before = recs[line - 1]
    recs[line - 1] = (
        {**before, **change} if isinstance(change, dict) and isinstance(before, dict) else change
    )
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    data = path.read_bytes()
    seed = seeded_project.seed_path(DOC)
    seed.write_text("A new first sentence. " + seed.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("split")
    assert code == 1
    assert (
        f"corpus/annotations/{DOC}.jsonl:{line}: not a sentence record with a text, so its "
        "annotations cannot be carried over; fix it (see `claimset validate`) before re-splitting"
    ) in err
    assert path.read_bytes() == data


def test_split_refuses_when_the_orphans_file_cannot_be_read(seeded_project: Project) -> None:
    run("split")
    path = seeded_project.annotation_path(DOC)
    data = path.read_bytes()
    orphans = seeded_project.corpus_dir / "orphans" / f"{DOC}.jsonl"
    orphans.parent.mkdir()
    orphans.write_text('{"sentence": \n', encoding="utf-8")
    seed = seeded_project.seed_path(DOC)
    seed.write_text("A new first sentence. " + seed.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run("split")
    assert code == 1
    assert f"corpus/orphans/{DOC}.jsonl:1:" in err
    assert "fix the orphans file before re-splitting (nothing was changed)" in err
    assert path.read_bytes() == data
    assert orphans.read_text(encoding="utf-8") == '{"sentence": \n'
