"""`split`'s bookkeeping: what counts as unchanged, and documents.jsonl after a re-split."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from claimset.cli import cli
from claimset.project import Project
from claimset.split import split
from click.testing import CliRunner
from conftest import SEED_PATH

DOC = SEED_PATH.stem


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def _document(project: Project) -> dict[str, Any]:
    (record,) = [r for r in _records(project.documents_path) if r["id"] == DOC]
    return record


def _seed(project: Project) -> Path:
    return project.seeds_dir / SEED_PATH.name


def _same_length_edit(text: str) -> str:
    """The text with one letter of its first sentence changed: every offset stays the same."""
    at = text.index("a")
    return text[:at] + "o" + text[at + 1 :]


def test_a_seed_edit_that_keeps_every_offset_is_not_unchanged(seeded_project: Project) -> None:
    split(seeded_project)
    seed = _seed(seeded_project)
    new_text = _same_length_edit(seed.read_text("utf-8"))
    seed.write_text(new_text, "utf-8")
    result = split(seeded_project)
    assert [o.action for o in result.outcomes] == ["updated"]
    records = _records(seeded_project.annotation_path(DOC))
    assert all(new_text[r["start"] : r["end"]] == r["text"] for r in records)
    assert _document(seeded_project)["sha256"] == hashlib.sha256(new_text.encode()).hexdigest()


def test_a_same_offsets_seed_edit_under_done_sentences_is_refused(
    seeded_project: Project,
) -> None:
    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    records = _records(path)
    records[0]["status"] = "done"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    before = path.read_bytes()
    seed = _seed(seeded_project)
    seed.write_text(_same_length_edit(seed.read_text("utf-8")), "utf-8")
    runner = CliRunner()
    outcome = runner.invoke(cli, ["split"])
    assert outcome.exit_code == 1, outcome.output
    assert "changed under 1 sentence with human annotations" in outcome.output
    assert path.read_bytes() == before


def test_a_re_split_updates_sentence_count_and_sha256(seeded_project: Project) -> None:
    split(seeded_project)
    first = _document(seeded_project)
    assert first["sentence_count"] == len(_records(seeded_project.annotation_path(DOC)))
    seed = _seed(seeded_project)
    text = seed.read_text("utf-8").rstrip("\n") + "\n\nOne more sentence. And another one.\n"
    seed.write_text(text, "utf-8")
    result = split(seeded_project)
    assert [o.action for o in result.outcomes] == ["updated"]
    assert result.outcomes[0].sentences == first["sentence_count"] + 2
    document = _document(seeded_project)
    assert document["sentence_count"] == first["sentence_count"] + 2
    assert document["sentence_count"] == len(_records(seeded_project.annotation_path(DOC)))
    assert document["sha256"] == hashlib.sha256(text.encode()).hexdigest()


def test_a_re_split_keeps_hand_edited_document_fields_and_other_documents(
    seeded_project: Project,
) -> None:
    split(seeded_project)
    records = _records(seeded_project.documents_path)
    records[0]["title"] = "Edited by hand"
    records.append({**records[0], "id": "other", "title": "Another essay"})
    seeded_project.documents_path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8"
    )
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8") + "\nA final sentence.\n", "utf-8")
    split(seeded_project)
    after = {r["id"]: r for r in _records(seeded_project.documents_path)}
    assert after[DOC]["title"] == "Edited by hand"
    assert after["other"] == records[1]
    assert after[DOC]["sentence_count"] == records[0]["sentence_count"] + 1


def test_unchanged_outcome_when_nothing_changed(seeded_project: Project) -> None:
    split(seeded_project)
    result = split(seeded_project)
    assert [(o.action, o.sentences) for o in result.outcomes] == [
        ("unchanged", _document(seeded_project)["sentence_count"])
    ]
