"""`fmt`: canonical form, anchoring, ids, idempotence, refusal, atomic writes, the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from claimset import jsonio
from claimset.cli import cli
from claimset.fmt import fmt, format_record
from claimset.models import Actor
from claimset.validate import validate
from click.testing import CliRunner
from samples import FIXTURE, INVALID, VALID, copy_fixture, sample_project

UNFORMATTED = next(p for p in VALID if p.name == "unformatted.jsonl")
SENTENCE = "Tokyo would welcome a stronger Russia in Asia, and Seoul would welcome it too."


def record(**claim: object) -> dict[str, object]:
    return {
        "claims": [claim],
        "status": "done",
        "id": "demo:0003",
        "text": SENTENCE,
        "annotator": "ann1",
        "doc": "demo",
        "start": 180,
        "end": 258,
    }


def test_format_record_orders_keys_fills_defaults_and_anchors() -> None:
    raw = record(
        hedge={"cues": [], "certainty": "certain"},
        expectation={"type": "desire", "quote": "welcome  a\nstronger Russia"},
        actor={"quote": "Tokyo", "ref": "japan"},
    )
    out, notes = format_record(raw)
    assert list(out) == ["id", "doc", "start", "end", "text", "status", "annotator", "claims"]
    assert out["claims"][0] == {
        "id": "c1",
        "actor": {"ref": "japan", "quote": "Tokyo", "start": 0, "end": 5},
        "expectation": {
            "quote": "welcome a stronger Russia",
            "start": 12,
            "end": 37,
            "type": "desire",
            "target": None,
        },
        "evidence": [],
        "hedge": {"certainty": "certain", "cues": []},
        "polarity": "positive",
        "origin": "human",
    }
    assert notes == [
        "claims[0]: assigned id c1",
        "claims[0].expectation: quote rewritten to the exact text 'welcome a stronger Russia'",
    ]
    assert raw["claims"][0]["expectation"]["quote"] == "welcome  a\nstronger Russia"  # type: ignore[index]


def test_stale_offsets_move_to_the_nearest_occurrence_and_say_so() -> None:
    raw = record(
        id="c4",
        actor={"ref": "south_korea", "quote": None},
        expectation={"quote": "welcome", "start": 60, "end": 67, "type": "desire"},
        hedge={"certainty": "certain"},
    )
    out, notes = format_record(raw)
    assert out["claims"][0]["expectation"]["start"] == 63
    assert notes == [
        "claims[0].expectation: re-anchored 'welcome' from 60..67 to 63..70 (the occurrence "
        "nearest the old start)"
    ]


def test_ambiguous_and_missing_quotes_are_left_alone() -> None:
    raw = record(
        actor={"ref": "japan", "quote": "Beijing"},
        expectation={"quote": "welcome", "type": "desire"},
        hedge={"certainty": "certain"},
    )
    out, notes = format_record(raw)
    assert out["claims"][0]["expectation"]["start"] is None
    assert out["claims"][0]["actor"]["start"] is None
    assert notes[1:] == [
        "claims[0].actor: quote 'Beijing' not found in the sentence: left unanchored",
        "claims[0].expectation: the quote occurs 2 times as a word in the sentence: "
        "1) 'Tokyo would [welcome] a stronger Russia in…' (start 12), "
        "2) '…Asia, and Seoul would [welcome] it too.' (start 63): "
        'add "occurrence": 1 or 2 (or "start"), or quote more words: left unanchored',
    ]


def test_claim_ids_continue_after_the_highest_and_never_renumber() -> None:
    claim = {"actor": {"ref": "japan"}, "expectation": {"quote": "x", "type": "other"}}
    raw = record(**claim)
    raw["claims"] = [dict(claim), {**claim, "id": "c7"}, dict(claim), {**claim, "id": "x"}]
    out, _ = format_record(raw)
    assert [c["id"] for c in out["claims"]] == ["c8", "c7", "c9", "x"]


def test_unknown_and_wrong_fields_are_kept() -> None:
    raw = {"zzz": 1, "name": "X", "id": "x", "kind": 5}
    out, _ = format_record(raw, model=Actor)
    assert list(out.items()) == [
        ("id", "x"),
        ("name", "X"),
        ("aliases", []),
        ("kind", 5),
        ("zzz", 1),
    ]


def test_fmt_makes_the_unformatted_sample_canonical_and_is_idempotent(tmp_path: Path) -> None:
    project = sample_project(tmp_path, UNFORMATTED)
    path = project.annotation_path("demo")
    result = fmt(project)
    assert [f.path for f in result.changed] == ["corpus/annotations/demo.jsonl"]
    canonical = (FIXTURE / "corpus" / "annotations" / "demo.jsonl").read_text()
    # The sample quotes less evidence than the fixture; otherwise they are the same records.
    canonical = canonical.replace(
        '"Moscow did not side with Seoul", "sentence": "demo:0001", "start": 0, "end": 30',
        '"Moscow did not side", "sentence": "demo:0001", "start": 0, "end": 19',
    )
    assert path.read_text() == canonical
    assert validate(project).diagnostics == []
    again = fmt(project)
    assert again.changed == [] and again.ok


def test_check_and_diff_touch_nothing(tmp_path: Path) -> None:
    project = sample_project(tmp_path, UNFORMATTED)
    path = project.annotation_path("demo")
    before = path.read_bytes()
    result = fmt(project, check=True)
    assert result.changed and path.read_bytes() == before
    result = fmt(project, diff=True)
    diff = result.changed[0].diff
    assert diff.startswith(
        "--- a/corpus/annotations/demo.jsonl\n+++ b/corpus/annotations/demo.jsonl\n"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "name", ["json_syntax.jsonl", "duplicate_key.jsonl", "encoding.jsonl", "nan.jsonl"]
)
def test_a_file_that_cannot_be_parsed_is_refused_and_untouched(tmp_path: Path, name: str) -> None:
    sample = next(p for p in INVALID if p.name == name)
    project = sample_project(tmp_path, sample)
    result = fmt(project)
    assert not result.ok and [f.path for f in result.refused] == ["corpus/annotations/demo.jsonl"]
    assert project.annotation_path("demo").read_bytes() == sample.read_bytes()


def test_invalid_utf8_is_located_as_validate_locates_it(tmp_path: Path) -> None:
    sample = next(p for p in INVALID if p.name == "encoding.jsonl")
    project = sample_project(tmp_path, sample)
    (refused,) = fmt(project).refused
    where = [d.format() for d in validate(project).diagnostics if d.code == "encoding"]
    assert where == [
        "corpus/annotations/demo.jsonl:2:127: invalid UTF-8 (byte 0xe9): save the file as UTF-8 "
        "[encoding]"
    ]
    assert refused.messages == [
        "corpus/annotations/demo.jsonl:2:127: invalid UTF-8 (byte 0xe9): fix the file first"
    ]


def test_bom_and_crlf_are_normalized(tmp_path: Path) -> None:
    for name in ("bom.jsonl", "crlf.jsonl"):
        project = sample_project(tmp_path / name, next(p for p in INVALID if p.name == name))
        assert fmt(project).ok
        assert validate(project).diagnostics == []


def test_actors_and_documents_are_formatted(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    project.actors_path.write_text('{"kind": "author", "id": "author", "name": "A"}\n')
    line = json.loads(project.documents_path.read_text())
    project.documents_path.write_text(json.dumps(dict(reversed(line.items()))) + "\n\n")
    result = fmt(project)
    assert sorted(f.path for f in result.changed) == [
        "corpus/actors.jsonl",
        "corpus/documents.jsonl",
    ]
    assert project.actors_path.read_text() == (
        '{"id": "author", "name": "A", "aliases": [], "kind": "author"}\n'
    )
    assert list(json.loads(project.documents_path.read_text())) == list(line)


def test_a_run_killed_halfway_leaves_each_file_old_or_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = sample_project(tmp_path, UNFORMATTED)
    project.actors_path.write_text('{"kind": "author", "id": "author", "name": "A"}\n')
    old = {p: p.read_bytes() for p in (project.actors_path, project.annotation_path("demo"))}
    calls = 0
    real_replace = os.replace

    def dying_replace(source: str, target: str) -> None:
        nonlocal calls
        calls += 1
        # The second file's rename, after the first file was replaced (fmt syncs the disk
        # once, then checks and renames each file in turn, then fsyncs the folders).
        if calls == 2:
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(jsonio.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        fmt(project)
    monkeypatch.undo()
    states = [path.read_bytes() == data for path, data in old.items()]
    assert states == [False, True]  # actors.jsonl new (and complete), demo.jsonl old
    assert json.loads(project.actors_path.read_text())["aliases"] == []
    assert not list(project.corpus_dir.rglob(".claimset-tmp-*"))


def test_cli_fmt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = sample_project(tmp_path, UNFORMATTED)
    monkeypatch.chdir(project.root)
    runner = CliRunner()
    result = runner.invoke(cli, ["fmt", "--check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "would reformat corpus/annotations/demo.jsonl"
    assert result.stderr.splitlines()[-1] == "1 file would be reformatted, 2 unchanged"
    result = runner.invoke(cli, ["fmt", "--diff", "corpus/annotations/demo.jsonl"])
    assert result.exit_code == 0 and "+++ b/corpus/annotations/demo.jsonl" in result.stdout
    result = runner.invoke(cli, ["fmt", "corpus"])
    assert result.exit_code == 0 and result.stdout.startswith("reformatted ")
    assert runner.invoke(cli, ["fmt", "--check"]).exit_code == 0
    assert runner.invoke(cli, ["fmt", "seeds/demo.txt"]).exit_code == 2
    project.annotation_path("demo").write_text("{oops\n")
    result = runner.invoke(cli, ["fmt"])
    assert result.exit_code == 1 and "not formatted" in result.stderr


@pytest.mark.parametrize("window", [1, 2, 4096])
def test_streaming_anchors_evidence_in_any_sentence_of_the_file(
    tmp_path: Path, window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fmt keeps only the last `WINDOW` sentences' texts; evidence citing a later sentence or
    # one further back is anchored after a second reading, exactly as with the whole file.
    import claimset.fmt
    import claimset.fmt_stream

    monkeypatch.setattr(claimset.fmt_stream, "WINDOW", window)
    streamed: list[bool] = []
    original = claimset.fmt_stream.stream

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        streamed.append(result is not None)
        return result

    monkeypatch.setattr(claimset.fmt, "stream", spy)
    project = sample_project(tmp_path, UNFORMATTED)
    path = project.annotation_path("demo")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    later, earlier = records[3]["text"].split()[0], records[0]["text"].split()[0]
    # Sentence 0 cites sentence 3 (later); sentence 3 cites sentence 0 (3 back).
    records[0]["claims"][0]["evidence"] = [
        {"quote": later, "sentence": records[3]["id"], "type": "event"}
    ]
    records[3]["claims"][0]["evidence"] = [
        {"quote": earlier, "sentence": records[0]["id"], "type": "event"}
    ]
    data = "".join(json.dumps(r) + "\n" for r in records)
    path.write_text(data)
    assert fmt(project).ok
    assert streamed[0], "the annotation file was formatted line by line"
    formatted = [json.loads(line) for line in path.read_text().splitlines()]
    cites = [e for r in formatted for c in r["claims"] for e in c["evidence"]]
    assert {e["sentence"] for e in cites} == {"demo:0000", "demo:0003"}
    assert all(e["start"] == 0 and e["end"] == len(e["quote"]) for e in cites), cites
    whole, _, _ = claimset.fmt.format_text(data.encode(), claimset.fmt.SentenceRecord, "x")
    assert jsonio.read_bytes(path) == whole


def test_lines_out_of_order_are_put_back_by_the_whole_file_path(tmp_path: Path) -> None:
    project = sample_project(tmp_path, UNFORMATTED)
    path = project.annotation_path("demo")
    assert fmt(project).ok
    canonical = path.read_text()
    path.write_text("".join(reversed(canonical.splitlines(keepends=True))))
    result = fmt(project)
    assert path.read_text() == canonical
    assert any("document order" in m for f in result.files for m in f.messages)


def test_numbers_and_repeated_keys_are_read_as_the_strict_reader_reads_them(
    tmp_path: Path,
) -> None:
    # fmt reads with orjson where it gives the same value: an integer beyond 64 bits (orjson
    # makes it a float) and a repeated key (orjson keeps the last) go to the strict reader.
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text().splitlines()
    lines[0] = lines[0][:-1] + ', "zz": 123456789012345678901234567890}'
    path.write_text("\n".join(lines) + "\n")
    assert fmt(project).ok
    assert path.read_text().splitlines()[0].endswith(', "zz": 123456789012345678901234567890}')
    lines[1] = lines[1][:-1] + ', "status": "todo:"}'
    path.write_text("\n".join(lines) + "\n")
    result = fmt(project)
    assert result.refused and "duplicate key 'status'" in " ".join(result.refused[0].messages)


def test_a_change_deep_in_a_file_keeps_the_lines_before_it(tmp_path: Path) -> None:
    # The streamed rewrite starts at the first changed line and copies the lines before it
    # from the file: the result is the whole-file result, and a formatted file stays put.
    import claimset.fmt

    project = sample_project(tmp_path, UNFORMATTED)
    path = project.annotation_path("demo")
    assert fmt(project).ok
    lines = path.read_text().splitlines(keepends=True)
    before = os.stat(path)
    assert not fmt(project).changed
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    for at in (1, len(lines) - 1):
        edited = [*lines]
        edited[at] = json.dumps(json.loads(edited[at]), indent=1).replace("\n", "") + "\n"
        data = "".join(edited) + "\n\n"
        path.write_text(data)
        assert fmt(project).changed
        whole, _, _ = claimset.fmt.format_text(data.encode(), claimset.fmt.SentenceRecord, "x")
        assert path.read_bytes() == whole == "".join(lines).encode()
