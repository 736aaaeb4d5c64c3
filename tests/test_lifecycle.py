"""A corpus over time: seeds edited, lines moved or deleted, drafts corrected; nothing lost.

The scenarios of the issue "Annotations survive change", through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimset.cli import cli
from claimset.project import Project
from click.testing import CliRunner

DOC = "000_a59439a6f7a726ad"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write(path: Path, recs: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")


def claims(recs: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    """(sentence text, claim without offsets) for every claim: what an edit must not lose."""
    out = []
    for r in recs:
        for c in r["claims"]:
            bare = json.loads(json.dumps(c))
            for span in [bare["actor"], bare["expectation"], *bare["hedge"]["cues"]]:
                span.pop("start", None), span.pop("end", None)
            for item in bare["evidence"]:
                item.pop("start", None), item.pop("end", None), item.pop("sentence", None)
            out.append((r["text"], json.dumps(bare, sort_keys=True)))
    return sorted(out)


def drafted_and_corrected(project: Project) -> tuple[Path, dict[str, Any]]:
    """Split and draft the seed essay, then correct one drafted claim as the guidelines say
    (type changed; status stays draft and origin auto)."""
    assert run("split")[0] == 0
    code, _, err = run("draft")
    assert code == 0, err
    path = project.annotation_path(DOC)
    recs = records(path)
    target = next(r for r in recs if r["claims"] and r["claims"][0]["origin"] == "auto")
    claim = target["claims"][0]
    claim["expectation"]["type"] = (
        "belief" if claim["expectation"]["type"] != "belief" else "prediction"
    )
    write(path, recs)
    return path, target


def test_a_corrected_draft_survives_a_moved_line_and_build(seeded_project: Project) -> None:
    path, corrected = drafted_and_corrected(seeded_project)
    before = claims(records(path))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(0, lines.pop(10))  # an editor moved one line
    path.write_text("".join(lines), encoding="utf-8")
    code, _, err = run("build")
    assert code == 0, err
    after = records(path)
    assert claims(after) == before
    assert [r["start"] for r in after] == sorted(r["start"] for r in after)
    kept = next(r for r in after if r["id"] == corrected["id"])
    assert kept["claims"][0] == corrected["claims"][0]


def test_a_corrected_draft_survives_a_seed_edit_and_build(seeded_project: Project) -> None:
    path, corrected = drafted_and_corrected(seeded_project)
    before = claims(records(path))
    seed = seeded_project.seed_path(DOC)
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(". ", ".  ", 1), encoding="utf-8")  # one space added
    code, out, err = run("build")
    assert code == 0, err
    assert "1 seed re-split" in _flat(out) and "0 orphaned" in err
    after = records(path)
    assert claims(after) == before
    kept = next(r for r in after if r["id"] == corrected["id"])
    assert kept["claims"][0]["expectation"]["type"] == corrected["claims"][0]["expectation"]["type"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_typo_fixed_in_the_seed_of_done_sentences_leaves_a_valid_corpus(
    seeded_project: Project,
) -> None:
    # The real annotations: a typo fixed after them, then split, fmt and validate are clean.
    repo = Path(__file__).resolve().parents[1]
    path = seeded_project.annotation_path(DOC)
    path.write_bytes((repo / "corpus" / "annotations" / f"{DOC}.jsonl").read_bytes())
    seeded_project.actors_path.write_bytes((repo / "corpus" / "actors.jsonl").read_bytes())
    assert run("split")[0] == 0
    before = records(path)
    seed = seeded_project.seed_path(DOC)
    seed.write_text(seed.read_text("utf-8").replace("Russiashould", "Russia should"), "utf-8")
    code, _, err = run("split")
    assert code == 0, err
    assert "1 edited" in err and "fuzzy match" in err and "0 orphaned" in err
    after = records(path)
    assert len(after) == len(before) and sum(len(r["claims"]) for r in after) == sum(
        len(r["claims"]) for r in before
    )
    code, out, err = run("validate")
    assert code == 0, out + err


def test_build_refuses_where_split_would_and_changes_nothing(seeded_project: Project) -> None:
    (seeded_project.seeds_dir / "other.txt").write_text("One sentence. Two.", encoding="utf-8")
    assert run("split")[0] == 0
    broken = seeded_project.annotation_path("other")
    broken.write_text('{"id": "other:0000", broken\n', encoding="utf-8")
    (seeded_project.seeds_dir / "other.txt").write_text("One sentence. Three.", encoding="utf-8")
    seed = seeded_project.seed_path(DOC)
    seed.write_text("A new first sentence. " + seed.read_text("utf-8"), encoding="utf-8")
    snapshot = {p: p.read_bytes() for p in seeded_project.root.rglob("*") if p.is_file()}
    code, _, err = run("build")
    assert code == 1
    assert "other.jsonl:1:" in err and "nothing was written" in err
    after = {p: p.read_bytes() for p in seeded_project.root.rglob("*") if p.is_file()}
    assert after == snapshot


def test_build_shows_split_warnings_and_orphans(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    path = seeded_project.annotation_path(DOC)
    recs = records(path)
    recs[3].update(
        status="done",
        annotator="ann1",
        claims=[
            {
                "actor": {"ref": "author", "quote": None},
                "expectation": {"quote": "Moscow will help it", "type": "desire"},
                "hedge": {"certainty": "certain", "cues": []},
            }
        ],
    )
    write(path, recs)
    seed = seeded_project.seed_path(DOC)
    seed.write_text(seed.read_text("utf-8").replace(recs[3]["text"], ""), encoding="utf-8")
    code, out, err = run("build")
    assert "claim orphaned" in _flat(out)
    assert f"corpus/orphans/{DOC}.jsonl" in err and "orphaned" in err
    assert len(records(seeded_project.corpus_dir / "orphans" / f"{DOC}.jsonl")) == 1
    assert code == 0, err  # an orphan is a warning (an error under validate --strict)
    assert "[orphan]" in err
    # The export leaves the orphan out, and its card says so.
    card = (seeded_project.default_export_dir / "README.md").read_text(encoding="utf-8")
    assert "1 claim that `claimset split` could not place" in card
    assert (
        f"waits in `corpus/orphans/` for a person and is left out of this export: `{DOC}` (1)"
        in (" ".join(card.split()))
    )
    assert run("validate", "--strict")[0] == 1


def test_a_deleted_line_comes_back_as_todo(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    path = seeded_project.annotation_path(DOC)
    recs = records(path)
    gone = recs.pop(7)
    write(path, recs)
    code, _, err = run("split")
    assert code == 0, err
    back = records(path)[7]
    assert (back["id"], back["status"], back["text"]) == (gone["id"], "todo", gone["text"])


def test_fmt_restores_the_document_order_that_validate_asks_for(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    path = seeded_project.annotation_path(DOC)
    original = path.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    lines.insert(2, lines.pop(30))  # moved up by an editor
    lines.append(lines.pop(5))  # and another moved to the end
    path.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run("validate")
    assert code == 1 and "out of document order; `claimset fmt` puts them back in order" in out
    code, out, err = run("fmt")
    assert code == 0 and "lines back in document order" in out + err
    assert path.read_bytes() == original
    assert run("validate")[0] == 0


def test_a_deleted_line_is_located_and_split_restores_it(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    path = seeded_project.annotation_path(DOC)
    original = path.read_bytes()
    lines = original.decode("utf-8").splitlines(keepends=True)
    del lines[12]
    path.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run("validate")
    assert code == 1 and "[sentence-count]" in out
    assert "is in no sentence record" in out and "`claimset split` brings it back" in out
    assert run("split")[0] == 0
    assert path.read_bytes() == original  # the same id, todo, as before
    assert run("validate")[0] == 0


def test_inserted_sentences_keep_a_valid_corpus_on_both_paths(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    seed = seeded_project.seed_path(DOC)
    text = seed.read_text("utf-8")
    seed.write_text(text.replace(". ", ". A sentence was added here. ", 3), encoding="utf-8")
    assert run("split")[0] == 0
    ids = [r["id"] for r in records(seeded_project.annotation_path(DOC))]
    assert ids != sorted(ids)  # new ids where they were inserted: nothing renumbered
    code, out, err = run("validate")
    assert code == 0, out + err
    from claimset.validate import fast_path, validate

    original = fast_path.pattern
    try:
        fast_path.pattern = lambda model: None  # type: ignore[assignment]
        assert validate(seeded_project).valid
    finally:
        fast_path.pattern = original


def test_a_merge_conflict_is_named_by_validate_fmt_and_split(seeded_project: Project) -> None:
    assert run("split")[0] == 0
    path = seeded_project.annotation_path(DOC)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    ours = lines[3]
    theirs = ours.replace('"status": "todo"', '"status": "todo", "x": 1')
    lines[3:4] = ["<<<<<<< HEAD\n", ours, "=======\n", theirs, ">>>>>>> ann2\n"]
    path.write_text("".join(lines), encoding="utf-8")
    code, out, _ = run("validate")
    assert code == 1 and "[merge-conflict]" in out
    assert "ours 'HEAD' (line 5) and theirs 'ann2' (line 7)" in out
    assert "json-syntax" not in out
    code, out, err = run("fmt")
    assert code == 1 and "unresolved merge conflict ('<<<<<<< HEAD')" in out + err
    seed = seeded_project.seed_path(DOC)
    seed.write_text(seed.read_text("utf-8") + "\nOne more.", encoding="utf-8")
    code, _, err = run("split")
    assert code == 1 and "unresolved merge conflict" in err


def test_an_edited_suggestion_is_human_work_whatever_its_origin(seeded_project: Project) -> None:
    from claimset.fingerprint import machine_made

    path, corrected = drafted_and_corrected(seeded_project)
    recs = records(path)
    drafted = [c for r in recs for c in r["claims"]]
    edited = next(r for r in recs if r["id"] == corrected["id"])["claims"][0]
    assert edited["origin"] == "auto" and not machine_made(edited)
    assert sum(machine_made(c) for c in drafted) == len(drafted) - 1
    # Offsets moved by split or fmt are not an edit.
    moved = json.loads(json.dumps(drafted[1]))
    moved["expectation"]["start"] += 3
    assert machine_made(drafted[1]) and machine_made(moved)
    code, _, err = run("draft", "--redo")
    assert code == 0, err
    assert f"{corrected['id']} left alone: it holds human claims" in err
    after = next(r for r in records(path) if r["id"] == corrected["id"])
    assert after["claims"][0] == edited
