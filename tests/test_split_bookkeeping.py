"""`split`'s bookkeeping: what counts as unchanged, and documents.jsonl after a re-split."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from claimset import jsonio
from claimset.cli import cli
from claimset.errors import DataProtected
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


def test_a_same_offsets_seed_edit_under_a_done_sentence_is_seen_and_carried(
    seeded_project: Project,
) -> None:
    # The edit keeps every offset: only comparing the text shows the sentence changed.
    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    records = _records(path)
    records[0].update(status="done", annotator="ann1")
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    seed = _seed(seeded_project)
    edited = _same_length_edit(seed.read_text("utf-8"))
    seed.write_text(edited, "utf-8")
    outcome = CliRunner().invoke(cli, ["split"])
    assert outcome.exit_code == 0, outcome.output
    assert "45 unchanged, 1 edited" in outcome.output
    first = _records(path)[0]
    assert first["text"] == edited[first["start"] : first["end"]] != records[0]["text"]
    assert (first["status"], first["annotator"]) == ("done", "ann1")  # no span moved


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


def test_a_re_split_from_another_folder_reads_the_projects_documents(
    seeded_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    split(seeded_project)
    records = _records(seeded_project.documents_path)
    records[0]["title"] = "Edited by hand"
    seeded_project.documents_path.write_text(json.dumps(records[0]) + "\n", "utf-8")
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8") + "\nA final sentence.\n", "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the library called from a notebook's folder
    (outcome,) = split(seeded_project).outcomes
    assert outcome.action == "updated"
    (after,) = _records(seeded_project.documents_path)
    assert after["title"] == "Edited by hand"
    assert after["sentence_count"] == records[0]["sentence_count"] + 1
    assert list(elsewhere.iterdir()) == []


def test_unchanged_outcome_when_nothing_changed(seeded_project: Project) -> None:
    split(seeded_project)
    result = split(seeded_project)
    assert [(o.action, o.sentences) for o in result.outcomes] == [
        ("unchanged", _document(seeded_project)["sentence_count"])
    ]


def test_every_message_has_its_level_and_a_relative_path(new_project: Project) -> None:
    seeds = new_project.seeds_dir
    (seeds / "bad.txt").write_bytes(b"caf\xe9\n")
    (seeds / "bom.txt").write_bytes("\ufeffHello there. Bye.\n".encode())
    (seeds / "empty.txt").write_text("  \n", "utf-8")
    outcome = CliRunner().invoke(cli, ["split"])
    assert outcome.exit_code == 1
    assert outcome.stdout.splitlines() == [
        "seeds/bom.txt: 2 sentences (created)",
        "seeds/empty.txt: 0 sentences (created)",
    ]
    assert outcome.stderr.splitlines() == [
        "error: seeds/bad.txt: invalid UTF-8 at byte 3 (invalid continuation byte); save the "
        "file as UTF-8",
        "warning: seeds/bom.txt: byte order mark removed from the text (offsets ignore it)",
        "warning: seeds/empty.txt: empty or whitespace-only: zero sentences",
    ]
    result = split(new_project, [seeds / "bad.txt"])
    assert [(o.doc_id, o.action) for o in result.outcomes] == [("bad", "error")]


def test_refusals_and_discarded_drafts_are_explained(seeded_project: Project) -> None:
    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    records = _records(path)
    records[1]["status"] = "draft"
    records[1]["claims"] = [
        {
            "actor": {"ref": "author"},
            "expectation": {"quote": records[1]["text"], "type": "belief"},
            "hedge": {"certainty": "certain"},
            "origin": "auto",
        }
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8") + "\nOne more.\n", "utf-8")
    (outcome,) = split(seeded_project).outcomes
    assert outcome.action == "updated"
    assert outcome.messages == [
        (
            "info",
            f"corpus/annotations/{DOC}.jsonl: the seed changed; sentences: 46 unchanged, "
            "0 edited, 1 new (todo), 0 removed; claims: 1 before, 1 carried over, 0 orphaned",
        )
    ]
    assert _records(path)[1]["claims"][0]["origin"] == "auto"  # a draft is carried, not dropped
    records = _records(path)
    records[0]["status"] = "reviewed"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    seed.write_text(seed.read_text("utf-8") + "\nAnd more.\n", "utf-8")
    (outcome,) = split(seeded_project).outcomes
    # A reviewed sentence no longer blocks a seed edit: its annotations are carried over.
    assert outcome.action == "updated"
    assert _records(path)[0]["status"] == "reviewed"
    assert "1 new (todo)" in outcome.messages[0][1] and "0 orphaned" in outcome.messages[0][1]
    path.write_text("{oops\n", "utf-8")
    (outcome,) = split(seeded_project).outcomes
    assert (outcome.action, outcome.messages) == (
        "refused",
        [
            (
                "error",
                f"corpus/annotations/{DOC}.jsonl:1:2: Expecting property name enclosed in "
                "double quotes; fix the file (see `claimset validate`) before re-splitting",
            )
        ],
    )


def test_a_line_that_is_not_an_object_means_the_file_changed(seeded_project: Project) -> None:
    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(["[]\n", *lines[1:]]), "utf-8")
    before = path.read_bytes()
    (outcome,) = split(seeded_project).outcomes
    # A line that holds no sentence may be someone's work: refused, never overwritten.
    assert outcome.action == "refused"
    assert outcome.messages == [
        (
            "error",
            f"corpus/annotations/{DOC}.jsonl:1: not a sentence record with a text, so its "
            "annotations cannot be carried over; fix it (see `claimset validate`) before "
            "re-splitting",
        )
    ]
    assert path.read_bytes() == before


def test_an_unchanged_seed_still_gets_its_document_record(seeded_project: Project) -> None:
    split(seeded_project)
    expected = seeded_project.documents_path.read_bytes()
    seeded_project.documents_path.write_text("", "utf-8")
    assert [o.action for o in split(seeded_project).outcomes] == ["unchanged"]
    assert seeded_project.documents_path.read_bytes() == expected
    seeded_project.documents_path.unlink()
    assert [o.action for o in split(seeded_project).outcomes] == ["unchanged"]
    assert seeded_project.documents_path.read_bytes() == expected


def test_an_unparseable_documents_file_is_protected(seeded_project: Project) -> None:
    seeded_project.documents_path.write_text('{"x": oops\n', "utf-8")
    with pytest.raises(DataProtected) as caught:
        split(seeded_project)
    assert str(caught.value) == (
        "corpus/documents.jsonl:1:7: Expecting value; corpus/documents.jsonl cannot be parsed, "
        "so nothing was split"
    )
    assert seeded_project.documents_path.read_text("utf-8") == '{"x": oops\n'


def test_orphans_and_fuzzy_matches_are_each_reported(seeded_project: Project) -> None:
    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    records = _records(path)
    first, second = records[1], records[2]

    def claim(record: dict[str, Any], quote: str, claim_id: str | None) -> dict[str, Any]:
        start = record["text"].index(quote)
        found: dict[str, Any] = {
            "actor": {"ref": "author", "quote": None, "start": None, "end": None},
            "expectation": {
                "quote": quote,
                "start": start,
                "end": start + len(quote),
                "type": "belief",
                "target": None,
            },
            "evidence": [],
            "hedge": {"certainty": "certain", "cues": []},
            "polarity": "positive",
            "origin": "human",
        }
        return {"id": claim_id, **found} if claim_id else found

    words = first["text"].split()
    for record in (first, second):
        record["status"], record["annotator"] = "done", "ann1"
    first["claims"] = [claim(first, " ".join(words[:4]), "c7"), claim(first, words[-1], None)]
    second["claims"] = [claim(second, second["text"], "c1")]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    seed = _seed(seeded_project)
    text = seed.read_text("utf-8")
    # The first sentence gone, the second edited by one letter (a fuzzy match).
    edited = text.replace(first["text"], "").replace(
        second["text"], _same_length_edit(second["text"])
    )
    seed.write_text(edited, "utf-8")
    (outcome,) = split(seeded_project).outcomes
    assert (outcome.action, outcome.orphaned) == ("updated", 2)
    written = _records(seeded_project.corpus_dir / "orphans" / f"{DOC}.jsonl")
    assert [(o["doc"], o["sentence"]) for o in written] == [(DOC, f"{DOC}:0001")] * 2
    rel, orphans = f"corpus/annotations/{DOC}.jsonl", f"corpus/orphans/{DOC}.jsonl"
    assert outcome.messages == [
        (
            "info",
            f"{rel}: the seed changed; sentences: 44 unchanged, 1 edited, 0 new (todo), "
            "1 removed; claims: 3 before, 1 carried over, 2 orphaned",
        ),
        (
            "info",
            f"{rel}: {DOC}:0002: text edited, now 'Obviously, Koreo pursues its own interests "
            "engaging with Rus…'",  # cut at 60 characters, and the cut shown
        ),
        (
            "info",
            f"{rel}: {DOC}:0002/c1: fuzzy match 'Obviously, Koreo pursues its own interests "
            "engaging with Russia.' (1 edits), reported",
        ),
        (
            "info",
            f"{rel}: {DOC}:0002: status done -> draft ({DOC}:0002/c1: a span moved or changed)",
        ),
        (
            "warning",
            f"{orphans}: claim {DOC}:0001/c7 orphaned (expectation 'Progress in the relations' "
            "is not in the new text): move it back into a sentence, or delete it",
        ),
        (
            "warning",
            f"{orphans}: a claim of {DOC}:0001 orphaned (expectation 'partners.' is not in the "
            "new text): move it back into a sentence, or delete it",
        ),
    ]


def test_a_seed_that_cannot_be_read_is_an_error_named_once(new_project: Project) -> None:
    (new_project.seeds_dir / "bad.txt").write_bytes(b"Bad \xff byte.\n")
    (new_project.seeds_dir / "ta\tb.txt").write_text("A tab in the name.\n", "utf-8")
    result = split(new_project)
    assert not result.ok
    assert [(o.action, o.messages) for o in result.outcomes] == [
        (
            "error",
            [
                (
                    "error",
                    "seeds/bad.txt: invalid UTF-8 at byte 4 (invalid start byte); save the "
                    "file as UTF-8",
                )
            ],
        ),
        (
            "error",
            [
                (
                    "error",
                    "seeds/ta\\tb.txt: invalid document id 'ta\\tb': ids match "
                    "^[A-Za-z0-9][A-Za-z0-9._-]*$ (letters, digits, '.', '_', '-'; starting "
                    "with a letter or digit); rename the file",
                )
            ],
        ),
    ]
    assert not new_project.annotation_path("bad").exists()


def test_a_new_sentence_never_takes_the_id_an_orphan_names(seeded_project: Project) -> None:
    split(seeded_project)
    count = len(_records(seeded_project.annotation_path(DOC)))
    orphans = seeded_project.corpus_dir / "orphans" / f"{DOC}.jsonl"
    orphans.parent.mkdir()
    # The orphan of a sentence removed earlier (the last one), and an orphan of another
    # document: only this document's ordinals are retired.
    orphan = {
        "doc": DOC,
        "sentence": f"{DOC}:{count:04d}",
        "text": "Gone.",
        "status": "done",
        "annotator": "ann1",
        "reason": "its sentence was removed",
        "claim": {"id": "c1"},
    }
    other = {**orphan, "doc": "other", "sentence": f"other:{count + 1:04d}"}
    orphans.write_text(json.dumps(orphan) + "\n" + json.dumps(other) + "\n", "utf-8")
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8") + "\nA final sentence.\n", "utf-8")
    (outcome,) = split(seeded_project).outcomes
    assert outcome.action == "updated"
    ids = [r["id"] for r in _records(seeded_project.annotation_path(DOC))]
    assert ids[-1] == f"{DOC}:{count + 1:04d}" and f"{DOC}:{count:04d}" not in ids


def test_an_unreadable_orphans_file_refuses_the_seed_as_an_error(
    seeded_project: Project,
) -> None:
    split(seeded_project)
    orphans = seeded_project.corpus_dir / "orphans" / f"{DOC}.jsonl"
    orphans.parent.mkdir()
    orphans.write_text("[1,\n", "utf-8")
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8") + "\nA final sentence.\n", "utf-8")
    result = split(seeded_project)
    assert not result.ok
    ((action, ((level, message),)),) = [(o.action, o.messages) for o in result.outcomes]
    assert (action, level) == ("refused", "error")
    assert message.startswith(f"corpus/orphans/{DOC}.jsonl:1:")
    assert message.endswith("; fix the orphans file before re-splitting (nothing was changed)")


def test_a_sentence_over_the_line_limit_refuses_its_seed_and_all_or_nothing_writes_nothing(
    new_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The limit lowered for speed: a 1 MiB sentence behaves the same.
    monkeypatch.setattr(jsonio, "MAX_LINE_BYTES", 300)
    (new_project.seeds_dir / "long.txt").write_text("Word " * 80 + "end.\n", "utf-8")
    (new_project.seeds_dir / "short.txt").write_text("A short essay.\n", "utf-8")
    result = split(new_project, all_or_nothing=True)
    assert not result.ok
    long, short = result.outcomes
    assert (long.action, short.action) == ("refused", "not written")
    ((level, message),) = long.messages
    assert level == "error" and message.startswith("corpus/annotations/long.jsonl: record 1 ")
    assert message.endswith(
        "over the limit of 300 that every claimset command reads; nothing was written"
    )
    documents = new_project.documents_path.read_bytes()
    assert list(new_project.annotations_dir.glob("*.jsonl")) == []
    result = split(new_project)  # without all_or_nothing: the other seed is split
    assert [o.action for o in result.outcomes] == ["refused", "created"]
    assert [p.name for p in new_project.annotations_dir.glob("*.jsonl")] == ["short.jsonl"]
    assert [r["id"] for r in _records(new_project.documents_path)] == ["short"]
    # An update is held back too, while another seed is refused.
    short = new_project.annotation_path("short").read_bytes()
    documents = new_project.documents_path.read_bytes()
    (new_project.seeds_dir / "short.txt").write_text("A short essay. Now longer.\n", "utf-8")
    result = split(new_project, all_or_nothing=True)
    assert [o.action for o in result.outcomes] == ["refused", "not written"]
    assert new_project.annotation_path("short").read_bytes() == short
    assert new_project.documents_path.read_bytes() == documents


def test_an_orphaned_claim_that_is_not_an_object_is_reported(seeded_project: Project) -> None:
    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    records = _records(path)
    records[1]["claims"] = [42]  # carried as it is while its sentence lives; validate reports it
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8").replace(records[1]["text"], ""), "utf-8")
    (outcome,) = split(seeded_project).outcomes
    assert (outcome.action, outcome.orphaned) == ("updated", 1)
    assert outcome.messages[-1] == (
        "warning",
        f"corpus/orphans/{DOC}.jsonl: a claim of {DOC}:0001 orphaned (not a claim object): "
        "move it back into a sentence, or delete it",
    )
    (orphan,) = _records(seeded_project.corpus_dir / "orphans" / f"{DOC}.jsonl")
    assert (orphan["sentence"], orphan["claim"]) == (f"{DOC}:0001", 42)


def test_a_re_anchoring_that_would_lose_a_claim_refuses_the_seed(
    seeded_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard against a bug in `reanchor`: none is known, so one is planted here."""
    import claimset.split

    split(seeded_project)
    path = seeded_project.annotation_path(DOC)
    records = _records(path)
    records[1]["claims"] = [{"id": "c1"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    before = {p: p.read_bytes() for p in (path, seeded_project.documents_path)}
    real = claimset.split.reanchor

    def losing(*args: Any) -> Any:
        carried = real(*args)
        for record in carried.records:
            if record.get("claims"):
                record["claims"].pop()
                carried.claims_after -= 1
        return carried

    monkeypatch.setattr(claimset.split, "reanchor", losing)
    seed = _seed(seeded_project)
    seed.write_text(seed.read_text("utf-8") + "\nA final sentence.\n", "utf-8")
    result = split(seeded_project)
    assert not result.ok
    ((action, messages),) = [(o.action, o.messages) for o in result.outcomes]
    assert (action, messages) == (
        "refused",
        [("error", f"corpus/annotations/{DOC}.jsonl: claims would be lost; nothing changed")],
    )
    assert {p: p.read_bytes() for p in before} == before
    assert not (seeded_project.corpus_dir / "orphans").exists()
