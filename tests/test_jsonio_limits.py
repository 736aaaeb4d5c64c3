"""jsonio at its edges: lines over the limit (read and written), values nested too deeply, a
merge conflict, a lone surrogate, and the serialization without the C encoder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset import jsonio
from claimset.errors import InvalidLine
from claimset.limits import MAX_LINE_BYTES, too_long

DEEP = "[" * 100_000 + "]" * 100_000


def _long_file(tmp_path: Path) -> Path:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"a": 1}\n' + b"x" * (MAX_LINE_BYTES + 5) + b'\n{"a": 3}\n')
    return path


def test_a_line_over_the_limit_is_named_by_every_reader(tmp_path: Path) -> None:
    path = _long_file(tmp_path)
    assert list(jsonio.iter_jsonl_lenient(path)) == [
        (1, {"a": 1}, ""),
        (2, None, too_long()),
        (3, {"a": 3}, ""),
    ]
    with pytest.raises(InvalidLine) as caught:
        jsonio.read_jsonl(path, "x.jsonl")
    assert (caught.value.file, caught.value.line, caught.value.reason) == ("x.jsonl", 2, too_long())


def test_a_value_nested_too_deeply_is_a_value_error_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^nested too deeply to be a record$"):
        jsonio.loads_lenient(DEEP)
    path = tmp_path / "a.jsonl"
    path.write_text(DEEP + '\n{"a": 2}\n', "utf-8")
    assert list(jsonio.iter_jsonl_lenient(path)) == [
        (1, None, "not readable JSON"),
        (2, {"a": 2}, ""),
    ]
    with pytest.raises(InvalidLine) as caught:
        jsonio.read_jsonl(path)
    assert (caught.value.line, caught.value.reason) == (1, "nested too deeply to be a record")


def test_a_merge_conflict_is_explained_where_it_starts(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"a": 1}\n<<<<<<< HEAD\n{"a": 2}\n=======\n{"a": 3}\n>>>>>>> b\n', "utf-8")
    with pytest.raises(InvalidLine) as caught:
        jsonio.read_jsonl(path, "x.jsonl")
    assert (caught.value.file, caught.value.line, caught.value.column) == ("x.jsonl", 2, 1)
    assert caught.value.reason.startswith("unresolved merge conflict ('<<<<<<< HEAD')")
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)


def test_a_lone_surrogate_is_written_as_an_escape() -> None:
    # It has no UTF-8 form: that record alone is written with ASCII escapes; the others not.
    data = jsonio.jsonl_bytes([{"a": "é"}, {"a": "é\ud800", "b": [1, 2]}])
    assert data == b'{"a": "\xc3\xa9"}\n{"a": "\\u00e9\\ud800", "b": [1, 2]}\n'
    assert json.loads(data.splitlines()[1]) == {"a": "é\ud800", "b": [1, 2]}


def test_no_record_is_written_as_a_line_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = {"a": "x" * (MAX_LINE_BYTES - 9)}  # {"a": "…"} and its newline: the limit plus one
    assert len(jsonio.jsonl_bytes([{"a": "x" * (MAX_LINE_BYTES - 10)}])) == MAX_LINE_BYTES
    message = (
        f"record 2 would be a line of {MAX_LINE_BYTES + 1} bytes, over the limit of "
        f"{MAX_LINE_BYTES} that every claimset command reads; nothing was written"
    )
    with pytest.raises(jsonio.LineTooLong) as caught:
        jsonio.jsonl_bytes([{"a": 1}, big])
    assert str(caught.value) == message
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "corpus" / "a.jsonl"
    path.parent.mkdir()
    path.write_bytes(b'{"a": 0}\n')
    with pytest.raises(jsonio.LineTooLong) as caught:
        jsonio.write_jsonl(path, [{"a": 1}, big])
    assert str(caught.value) == f"corpus/a.jsonl: {message}"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert path.read_bytes() == b'{"a": 0}\n'
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.jsonl"]


def test_the_serialization_is_the_same_without_the_c_encoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    values = [
        {"id": "d:0001", "text": 'Séoul « dit » \n\t"x"', "n": [1, -0.5, 1e-7, None, True]},
        {"nested": {"a": [], "b": {}}, "": ""},
        "plain",
        [1, [2, [3]]],
    ]
    fast = [jsonio.dumps(v) for v in values]
    assert fast[0] == (
        '{"id": "d:0001", "text": "Séoul « dit » \\n\\t\\"x\\"", "n": [1, -0.5, 1e-07, null, true]}'
    )
    monkeypatch.setattr(jsonio, "_C_ENCODER", None)
    assert [jsonio.dumps(v) for v in values] == fast
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        jsonio.dumps({"x": float("nan")})


def test_a_number_out_of_range_is_named_in_at_most_40_characters(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"x": 1e400}\n')
    with pytest.raises(InvalidLine) as caught:
        jsonio.read_jsonl(path)
    assert caught.value.reason == "the number 1e400 is out of range"
    with pytest.raises(ValueError) as too_big:
        jsonio.loads_strict('{"x": 1' + "0" * 50 + "e400}")
    assert str(too_big.value) == "the number 1" + "0" * 39 + " is out of range"


def test_a_repeated_key_balanced_by_an_escaped_colon_is_left_to_the_strict_reader(
    tmp_path: Path,
) -> None:
    # orjson keeps the last "a" and the line's colons still match its own output's (the
    # escaped one in "b:" stands in for the dropped pair's): only the escape gives it away.
    line = b'{"a": 1, "a": 2, "b\\u003a": 3}'
    assert jsonio.loads_quick(line) is None
    path = tmp_path / "a.jsonl"
    path.write_bytes(line + b"\n")
    with pytest.raises(InvalidLine, match="duplicate key 'a'"):
        jsonio.read_jsonl(path)
