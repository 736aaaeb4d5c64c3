"""`fmt.format_text`, the path that holds a file whole: what it repairs (a record an editor
spread over lines, sentence lines out of order) and what it refuses (a record whose formatted
line would be over the limit), checked in-process by the bytes it returns and its notes."""

from __future__ import annotations

import json
from typing import Any

from claimset.fmt import format_text
from claimset.limits import MAX_LINE_BYTES
from claimset.models import Actor, SentenceRecord

CHINA = {"id": "china", "name": "China", "aliases": [], "kind": "state"}
RUSSIA = {"id": "russia", "name": "Russia", "aliases": ["Moscow", "Russian"], "kind": "state"}


def _canonical(*records: Any) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def test_a_record_spread_over_lines_is_rejoined_even_with_a_line_that_parses_alone() -> None:
    # `"Russian"` on its own line is valid JSON (a string): it holds no record, so it is still
    # one of the lines a spread record is rejoined from.
    pretty = json.dumps(RUSSIA, indent=2)
    assert '    "Russian"' in pretty.splitlines()
    data = (json.dumps(CHINA, separators=(",", ":")) + "\n" + pretty + "\n").encode()
    new, messages, unanchored = format_text(data, Actor, "corpus/actors.jsonl")
    assert new == _canonical(CHINA, RUSSIA)
    last = 1 + len(pretty.splitlines())
    assert messages == [
        f"corpus/actors.jsonl:2: rejoined lines 2-{last} into one record (an editor had spread "
        "it over several lines)"
    ]
    assert unanchored == 0


def test_two_spread_records_are_each_rejoined_and_kept_in_their_place() -> None:
    china, russia = json.dumps(CHINA, indent=4), json.dumps(RUSSIA, indent=4)
    data = f"{china}\n{json.dumps(CHINA)}\n{russia}\n".encode()
    new, messages, _ = format_text(data, Actor, "a.jsonl")
    assert new == _canonical(CHINA, CHINA, RUSSIA)
    first_end = len(china.splitlines())
    second = first_end + 2
    assert messages == [
        f"a.jsonl:1: rejoined lines 1-{first_end} into one record (an editor had spread it "
        "over several lines)",
        f"a.jsonl:{second}: rejoined lines {second}-{second + len(russia.splitlines()) - 1} "
        "into one record (an editor had spread it over several lines)",
    ]


def test_a_line_holding_a_value_that_is_not_a_record_is_kept_for_validate() -> None:
    data = b'[1,2]\n{"id": "china", "name": "China", "kind": "state"}\n"text"\n'
    new, messages, _ = format_text(data, Actor, "a.jsonl")
    assert new == b"[1, 2]\n" + _canonical(CHINA) + b'"text"\n'
    assert messages == []


def test_lines_are_put_back_in_document_order_only_when_every_offset_is_a_number() -> None:
    def line(start: Any, text: str) -> str:
        record = {"id": f"d:{text}", "doc": "d", "start": start, "end": 9, "text": text}
        return json.dumps(record) + "\n"

    moved = (line(5, "b") + line(0, "a")).encode()
    new, messages, _ = format_text(moved, SentenceRecord, "a.jsonl")
    assert new is not None
    assert [json.loads(x)["text"] for x in new.decode().splitlines()] == ["a", "b"]
    assert messages == ["a.jsonl: put 2 lines back in document order (by their offsets)"]
    for start in ("5", None, 5.0):
        data = (line(start, "b") + line(0, "a")).encode()
        new, messages, _ = format_text(data, SentenceRecord, "a.jsonl")
        assert new is not None
        assert [json.loads(x)["text"] for x in new.decode().splitlines()] == ["b", "a"]
        assert messages == []


def test_a_record_whose_formatted_line_would_be_over_the_limit_is_refused() -> None:
    # Written compactly the line is under the limit; the canonical separators (", ") add a
    # byte per alias and take it over: fmt must not write a line no command reads back.
    aliases = ["a"] * (MAX_LINE_BYTES // 5 + 100)
    record = {"id": "big", "name": "Big", "kind": "state", "aliases": aliases}
    compact = json.dumps(record, separators=(",", ":")).encode() + b"\n"
    assert len(compact) <= MAX_LINE_BYTES
    data = _canonical(CHINA) + compact
    new, messages, unanchored = format_text(data, Actor, "corpus/actors.jsonl")
    assert new is None
    assert messages == [
        f"corpus/actors.jsonl:2: formatted, line longer than {MAX_LINE_BYTES} bytes: not a "
        "record (a missing newline between records, or pasted data?); not formatted"
    ]
    assert unanchored == 0


NOT_FORMATTED = "a.jsonl: not formatted: fix the lines above (see `claimset validate`)"


def test_a_refused_file_counts_no_span_unanchored() -> None:
    unanchored = json.dumps(_sentence(0, "Russia"))  # ambiguous: left unanchored if formatted
    cases = {
        b"\xff\n": ["a.jsonl:1:1: invalid UTF-8 (byte 0xff): fix the file first"],
        f"{unanchored}\n{{oops\n".encode(): [
            "a.jsonl:2:2: invalid JSON: Expecting property name enclosed in double quotes",
            NOT_FORMATTED,
        ],
        f'{unanchored}\n{{"x": "\\ud800"}}\n'.encode(): [
            *[f"a.jsonl:1: {note}" for note in _AMBIGUOUS],
            "a.jsonl: a string holds a lone surrogate (\\ud800-\\udfff escape)",
        ],
    }
    for data, messages in cases.items():
        assert format_text(data, SentenceRecord, "a.jsonl") == (None, messages, 0)


def test_every_bad_line_is_reported_around_a_merge_conflict() -> None:
    data = b'{"id": "x"}\n<<<<<<< HEAD\n{"id": "y"}\n=======\n{oops\n>>>>>>> b\n{oops\n'
    new, messages, _ = format_text(data, Actor, "a.jsonl")
    assert new is None
    assert messages == [
        "a.jsonl:2: unresolved merge conflict ('<<<<<<< HEAD'): keep the lines you want, delete "
        "the other side and the marker lines; `claimset merge --setup` lets git merge these "
        "files by record",
        "a.jsonl:5:2: invalid JSON: Expecting property name enclosed in double quotes",
        "a.jsonl:7:2: invalid JSON: Expecting property name enclosed in double quotes",
        NOT_FORMATTED,
    ]


def test_an_unescaped_quote_is_suggested() -> None:
    data = b'{"id": "x", "name": "he said "no" today", "kind": "state"}\n'
    assert format_text(data, Actor, "a.jsonl") == (
        None,
        [
            "a.jsonl:1:31: invalid JSON: Expecting ',' delimiter (an unescaped quote?)",
            NOT_FORMATTED,
        ],
        0,
    )


def test_a_bom_and_a_spread_record_are_both_repaired_and_said() -> None:
    pretty = json.dumps(RUSSIA, indent=2)
    data = ("\ufeff" + json.dumps(CHINA) + "\n" + pretty + "\n").encode()
    new, messages, _ = format_text(data, Actor, "a.jsonl")
    assert new == _canonical(CHINA, RUSSIA)
    assert messages == [
        "a.jsonl: removed the byte order mark",
        f"a.jsonl:2: rejoined lines 2-{1 + len(pretty.splitlines())} into one record (an "
        "editor had spread it over several lines)",
    ]


_AMBIGUOUS = [
    "claims[0].expectation: the quote occurs 2 times as a word in the sentence: 1) '[Russia] "
    "will win the war,…' (start 0), 2) '…win the war, says [Russia].' (start 30): add "
    '"occurrence": 1 or 2 (or "start"), or quote more words: left unanchored'
]


def _sentence(number: int, quote: str) -> dict[str, Any]:
    text = "Russia will win the war, says Russia."
    claim = {
        "id": "c1",
        "actor": {"ref": "russia"},
        "expectation": {"quote": quote, "type": "prediction"},
        "hedge": {"certainty": "certain"},
    }
    start = 40 * number
    return {"id": f"d:{number:04d}", "doc": "d", "start": start, "end": start + len(text),
            "text": text, "status": "done", "annotator": "ann", "claims": [claim]}  # fmt: skip


def test_spans_left_unanchored_are_counted_over_every_record() -> None:
    # A value that is not a record, among sentence records: kept in its place, not sorted.
    records = [_sentence(0, "Russia"), _sentence(1, "will win"), _sentence(2, "Russia")]
    data = "".join(json.dumps(r) + "\n" for r in [*records[:2], [1], records[2]]).encode()
    new, messages, unanchored = format_text(data, SentenceRecord, "a.jsonl")
    assert new is not None
    assert [json.loads(line) for line in new.decode().splitlines()][2] == [1]
    assert messages == [*(f"a.jsonl:{n}: {note}" for n in (1, 4) for note in _AMBIGUOUS)]
    assert unanchored == 2


def test_a_formatted_line_of_exactly_the_limit_is_written() -> None:
    # The limit counts the newline, as every reader does (`jsonio.jsonl_bytes` too).
    record = dict(RUSSIA)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    record["name"] = "R" * (MAX_LINE_BYTES - len(line.encode()) + len("Russia"))
    data = _canonical(record)
    assert len(data) == MAX_LINE_BYTES
    assert format_text(data, Actor, "a.jsonl") == (data, [], 0)
    record["name"] += "é"
    new, messages, _ = format_text(_canonical(record), Actor, "a.jsonl")
    assert new is None
    assert messages[0].startswith("a.jsonl:1: formatted, line longer than")
