"""fmt's streaming path (`fmt_stream`): the files it formats line by line itself, with the
bytes, line ends and notes of the whole-file path; the ones it leaves to `format_text`.

`fmt` gives the same result either way for most files, so these tests also check which path
took a file: a file that streams is formatted in memory that does not grow with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from claimset import atomic, fmt_stream, jsonio
from claimset.canonical import without_defaults
from claimset.fmt import fmt, format_text
from claimset.fmt_record import record_line
from claimset.limits import MAX_LINE_BYTES, too_long
from claimset.models import SentenceRecord
from claimset.project import Project
from conftest import REPO, SEED_PATH

GOLD = REPO / "corpus" / "annotations" / f"{SEED_PATH.stem}.jsonl"
REL = "corpus/annotations/a.jsonl"


def _records(n: int) -> list[dict[str, Any]]:
    """The first `n` gold records, their evidence dropped (it cites sentences further on)."""
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()[:n]]
    for record in records:
        for claim in record["claims"]:
            claim["evidence"] = []
    return records


def _words(text: str, n: int) -> str:
    """The first `n` words of a text: a quote found once, as whole words."""
    return " ".join(text.split(" ")[:n])


def _lines(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _canonical(records: list[dict[str, Any]]) -> bytes:
    data, _, _ = format_text(_lines(records), SentenceRecord, REL)
    assert data is not None
    return data


def _stream(path: Path, write: bool = True) -> fmt_stream._Pass | None:
    """Stream one annotation file; with `write`, swap its new version in."""
    pending: list[atomic.Rewrite] | None = [] if write else None
    result = fmt_stream.stream(path, SentenceRecord, REL, record_line, pending)
    if pending:
        atomic.commit_all(pending)
    return result


def _file(project: Project, data: bytes) -> Path:
    path = project.annotations_dir / "a.jsonl"
    path.write_bytes(data)
    return path


def test_crlf_line_ends_without_a_blank_line_are_streamed_to_lf(new_project: Project) -> None:
    canonical = _canonical(_records(3))
    path = _file(new_project, canonical.replace(b"\n", b"\r\n"))
    result = _stream(path)
    assert result is not None, "a CRLF file is streamed"
    assert result.changed
    assert result.messages == [f"{REL}: converted CRLF line endings to LF"]
    assert path.read_bytes() == canonical


def test_a_last_line_without_its_newline_is_streamed_and_given_one(new_project: Project) -> None:
    canonical = _canonical(_records(3))
    path = _file(new_project, canonical[:-1])
    result = _stream(path)
    assert result is not None and result.changed and result.messages == []
    assert path.read_bytes() == canonical
    # A canonical file streams unchanged and is not rewritten.
    before = path.stat()
    again = _stream(path)
    assert again is not None and not again.changed
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_ino == before.st_ino


def test_streamed_notes_name_the_line_of_their_record(new_project: Project) -> None:
    records = _records(4)
    claim = records[2]["claims"][0]
    claim["expectation"]["start"] += 1  # stale offsets: moved back to the quote
    claim["expectation"]["end"] += 1
    data = "\ufeff".encode() + _lines(records)
    path = _file(new_project, data)
    _, expected, _ = format_text(data, SentenceRecord, REL)
    result = _stream(path)
    assert result is not None, "a file with a BOM and a stale offset is streamed"
    assert result.messages == expected
    assert result.messages[0] == f"{REL}: removed the byte order mark"
    assert result.messages[1].startswith(f"{REL}:3: claims[0].expectation: ")
    assert path.read_bytes() == _canonical(_records(4))


def test_unanchored_spans_are_counted_over_the_whole_file(new_project: Project) -> None:
    records = _records(3)  # the first holds no claim
    for record in records[1:]:
        expectation = record["claims"][0]["expectation"]
        expectation["quote"] = "words found in no sentence"
        expectation["start"] = expectation["end"] = None
    path = _file(new_project, _lines(records))
    result = fmt(new_project)
    (outcome,) = [f for f in result.files if f.path == REL]
    assert outcome.unanchored == result.unanchored == 2
    assert [m.split(": ", 1)[0] for m in outcome.messages] == [f"{REL}:2", f"{REL}:3"]
    assert all(m.endswith(": left unanchored") for m in outcome.messages), outcome.messages
    assert b"words found in no sentence" in path.read_bytes()


def test_evidence_citing_the_sentences_just_read_needs_no_second_reading(
    new_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # fmt keeps the texts of the last sentences it read; only citations beyond them are
    # fetched by reading the file again.
    records = _records(4)
    assert records[3]["claims"], "the fourth gold sentence has a claim"
    cited = records[1]
    quote = _words(cited["text"], 3)
    records[3]["claims"][0]["evidence"] = [
        {"quote": quote, "sentence": cited["id"], "type": "event"}
    ]
    path = _file(new_project, _lines(records))
    readings: list[Path] = []
    read = jsonio.iter_raw_lines

    def counted(file: Path) -> Iterator[bytes]:
        readings.append(file)
        return read(file)

    monkeypatch.setattr(jsonio, "iter_raw_lines", counted)
    result = _stream(path)
    assert result is not None and result.missing == set()
    assert readings == [path], "read once"
    evidence = json.loads(path.read_bytes().splitlines()[3])["claims"][0]["evidence"][0]
    assert (evidence["start"], evidence["end"]) == (0, len(quote))


def test_evidence_citing_the_first_line_far_back_after_a_bom_is_anchored(
    new_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fmt_stream, "WINDOW", 1)
    records = _records(4)
    first = records[0]
    quote = _words(first["text"], 3)
    records[3]["claims"][0]["evidence"] = [
        {"quote": quote, "sentence": first["id"], "type": "event"}
    ]
    path = _file(new_project, "\ufeff".encode() + _lines(records))
    result = _stream(path)
    assert result is not None and (result.messages, result.unanchored) == (
        [f"{REL}: removed the byte order mark"],
        0,
    )
    evidence = json.loads(path.read_bytes().splitlines()[3])["claims"][0]["evidence"][0]
    assert (evidence["start"], evidence["end"]) == (0, len(quote))


def test_a_sentence_whose_text_is_no_string_is_never_an_anchor(new_project: Project) -> None:
    # Invalid records (validate reports them) are formatted as they are; evidence citing a
    # sentence whose text is not a string, before or after it, is left as it is (no text to
    # anchor it in: validate reports it).
    records = _records(3)
    records[0]["text"] = 5
    records[2]["text"] = 7
    records[1]["claims"][0]["evidence"] = [
        {"quote": "5", "sentence": records[0]["id"], "type": "event"},
        {"quote": "7", "sentence": records[2]["id"], "type": "event"},
    ]
    path = _file(new_project, _lines(records))
    result = _stream(path)
    assert result is not None and result.missing == {records[0]["id"], records[2]["id"]}
    assert (result.messages, result.unanchored) == ([], 0)
    formatted = [json.loads(x) for x in path.read_bytes().splitlines()]
    assert [r["text"] for r in formatted[::2]] == [5, 7]
    evidence = formatted[1]["claims"][0]["evidence"]
    assert [(e["quote"], e["start"], e["end"]) for e in evidence] == [
        ("5", None, None),
        ("7", None, None),
    ]


def test_lines_that_are_no_objects_or_have_odd_offsets_are_streamed_in_place(
    new_project: Project,
) -> None:
    # A line holding no object and a sentence without integer offsets stop the order check
    # (validate reports them): the file streams, its lines in place.
    first, second, third = _records(3)
    later = {**third, "start": "s"}
    lines = [third, [1, 2], later, first, second]
    path = _file(new_project, b"".join(json.dumps(r).encode() + b"\n" for r in lines))
    result = _stream(path)
    assert result is not None, "streamed"
    formatted = [json.loads(x) for x in path.read_bytes().splitlines()]
    assert [r if isinstance(r, list) else r["start"] for r in formatted] == [
        third["start"],
        [1, 2],
        "s",
        first["start"],
        second["start"],
    ]
    # A sentence repeated (a merge that kept both sides) is in order: streamed, both kept.
    path.write_bytes(_lines([first, first, second]))
    result = _stream(path)
    assert result is not None, "streamed"
    assert path.read_bytes() == _canonical([first, first, second])


def test_a_lone_surrogate_is_refused_by_the_whole_file_path(new_project: Project) -> None:
    line = _canonical(_records(1)).rstrip(b"\n")
    data = line[:-1] + b', "note": "\\ud800"}\n'
    path = _file(new_project, data)
    assert _stream(path, write=False) is None
    (refused,) = fmt(new_project).refused
    assert refused.messages == [f"{REL}: a string holds a lone surrogate (\\ud800-\\udfff escape)"]
    assert path.read_bytes() == data


def test_a_line_over_the_limit_once_formatted_is_refused(new_project: Project) -> None:
    # Compact JSON grows when formatted (", " between items): under the limit as read, over it
    # once formatted.
    items = MAX_LINE_BYTES // 2 - 1000
    line = _canonical(_records(1)).rstrip(b"\n")
    data = line[:-1] + b', "x": [' + b",".join([b"0"] * items) + b"]}\n"
    assert len(data) < MAX_LINE_BYTES
    path = _file(new_project, data)
    assert _stream(path, write=False) is None
    (refused,) = fmt(new_project).refused
    assert refused.messages == [f"{REL}:1: formatted, {too_long()}; not formatted"]
    assert path.read_bytes() == data


def test_the_window_keeps_the_last_texts_read_and_records_what_it_misses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fmt_stream, "WINDOW", 2)
    texts = fmt_stream._Texts({"far": "F"})
    for rid in ("a", "b", "c"):
        texts.add(rid, rid.upper())
    assert (texts["b"], texts["c"], texts["far"]) == ("B", "C", "F")
    with pytest.raises(KeyError):
        texts["a"]
    texts.add("b", "B2")  # read again: the most recent now
    texts.add("d", "D")
    assert texts.get("c") is None and texts["b"] == "B2"
    assert texts.missing == {"a", "c"}
    assert sorted(texts) == ["b", "d", "far"] and len(texts) == 3


def test_a_line_of_exactly_the_limit_is_streamed(new_project: Project) -> None:
    record = {**_records(1)[0], "x": ""}
    content = _canonical([record]).rstrip(b"\n")
    record["x"] = "a" * (MAX_LINE_BYTES - 1 - len(content))
    data = _canonical([record])
    assert len(data) == MAX_LINE_BYTES  # its newline included: the longest line fmt writes
    path = _file(new_project, data)
    result = _stream(path)
    assert result is not None and not result.changed
    assert not fmt(new_project).refused
    assert path.read_bytes() == data


def test_check_streams_without_writing_anything_beside_the_file(new_project: Project) -> None:
    canonical = _canonical(_records(3))
    path = _file(new_project, canonical.replace(b"\n", b"\r\n"))
    result = _stream(path, write=False)
    assert result is not None and result.changed
    assert sorted(p.name for p in path.parent.iterdir()) == [".gitkeep", "a.jsonl"]
    assert path.read_bytes() == canonical.replace(b"\n", b"\r\n")


def test_an_interrupted_stream_leaves_the_file_and_nothing_beside_it(
    new_project: Project,
) -> None:
    # Ctrl-C at the third record, after the first changed line opened the new version. Each
    # record has a quote to anchor, so each takes the general path, which calls `interrupted`.
    records = _records(4)
    for record in records:
        record["claims"] = [
            {
                "id": "c1",
                "actor": {"ref": "author"},
                "hedge": {"certainty": "certain"},
                "expectation": {"quote": _words(record["text"], 2), "type": "belief"},
            }
        ]
    data = _lines(records).replace(b"\n", b"\r\n")
    path = _file(new_project, data)
    seen: list[object] = []

    def interrupted(record: Any, texts: Any, model: Any) -> Any:
        seen.append(record)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return record_line(record, texts, model)

    pending: list[atomic.Rewrite] = []
    with pytest.raises(KeyboardInterrupt):
        fmt_stream.stream(path, SentenceRecord, REL, interrupted, pending)
    assert pending == []
    assert sorted(p.name for p in path.parent.iterdir()) == [".gitkeep", "a.jsonl"]
    assert path.read_bytes() == data


def test_a_formatted_or_typed_corpus_file_streams_on_the_quick_path(new_project: Project) -> None:
    # Every gold line has its spans anchored: each takes the quick path (read by orjson,
    # written by the generated encoder), but for evidence citing a later sentence, whose text
    # the first reading has not seen yet; the second reading, with those texts, is all quick.
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()]
    forward = {
        r["id"]
        for r in records
        for c in r["claims"]
        for e in c["evidence"]
        if e["sentence"] > r["id"]
    }
    assert sum(bool(c["evidence"]) for r in records for c in r["claims"]) > len(forward) > 0
    typed = [without_defaults(r, SentenceRecord, list.reverse) for r in records]
    for data in (GOLD.read_bytes(), _lines(typed)):
        path = _file(new_project, data)
        called: list[str] = []

        def general(record: Any, texts: Any, model: Any, called: list[str] = called) -> Any:
            called.append(record["id"])
            return record_line(record, texts, model)

        pending: list[atomic.Rewrite] = []
        result = fmt_stream.stream(path, SentenceRecord, REL, general, pending)
        assert result is not None and result.messages == []
        assert sorted(called) == sorted(forward)  # once each, in the first reading
        atomic.commit_all(pending)
        assert path.read_bytes() == GOLD.read_bytes()
