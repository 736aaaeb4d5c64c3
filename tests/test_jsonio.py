"""jsonio: strict reading with located errors, the canonical serialization, lenient reading."""

from __future__ import annotations

import json
import math
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from claimset import atomic, jsonio
from claimset.errors import InvalidLine
from claimset.limits import MAX_LINE_BYTES


def _file(tmp_path: Path, data: bytes, name: str = "a.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error(path: Path, display: str | None = None) -> InvalidLine:
    with pytest.raises(InvalidLine) as caught:
        jsonio.read_jsonl(path, display)
    return caught.value


def _where(error: InvalidLine) -> tuple[str | None, int | None, int | None]:
    return error.file, error.line, error.column


def test_records_come_with_their_line_numbers_blank_lines_skipped(tmp_path: Path) -> None:
    path = _file(tmp_path, b'{"a": 1}\n\n  \n[2]\n"x"')
    assert jsonio.read_jsonl_numbered(path) == [(1, {"a": 1}), (4, [2]), (5, "x")]
    assert jsonio.read_jsonl(path) == [{"a": 1}, [2], "x"]
    assert jsonio.read_jsonl(_file(tmp_path, b"", "empty.jsonl")) == []


def test_invalid_utf8_is_located_by_line_and_column(tmp_path: Path) -> None:
    path = _file(tmp_path, b'{"a": 1}\n{"b": "\xc3\xa9\xff"}\n')
    error = _error(path, "corpus/x.jsonl")
    assert _where(error) == ("corpus/x.jsonl", 2, 9)
    assert error.reason == "invalid UTF-8 (byte 0xff)"
    assert _error(path).file == str(path)


def test_a_bom_is_refused_on_the_first_line_only(tmp_path: Path) -> None:
    error = _error(_file(tmp_path, '\ufeff{"a": 1}\n'.encode()), "x.jsonl")
    assert _where(error) == ("x.jsonl", 1, 1)
    assert error.reason == "byte order mark (BOM) at the start of the file"
    # Further down, U+FEFF is a character like any other (inside a string).
    path = _file(tmp_path, '{"a": 1}\n{"b": "\ufeff"}\n'.encode(), "b.jsonl")
    assert jsonio.read_jsonl(path) == [{"a": 1}, {"b": "\ufeff"}]


def test_crlf_is_located(tmp_path: Path) -> None:
    error = _error(_file(tmp_path, b'{"a": 1}\n{"bb": 2}\r\n'), "x.jsonl")
    assert _where(error) == ("x.jsonl", 2, 10)
    assert error.reason == "CRLF line ending (use LF)"


def test_invalid_json_is_located_by_the_parser(tmp_path: Path) -> None:
    error = _error(_file(tmp_path, b'{"a": 1}\n\n{"a": tru}\n'))
    assert _where(error)[1:] == (3, 7)
    assert error.reason == "Expecting value"
    assert isinstance(error.__cause__, json.JSONDecodeError)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"a": 1, "a": 2}', "duplicate key 'a': JSON parsers silently keep only the last one"),
        (b'{"a": {"b": 1, "b": 1}}', "duplicate key 'b'"),
        (b'{"a": NaN}', "NaN is not valid JSON"),
        (b"[Infinity]", "Infinity is not valid JSON"),
        (b"-Infinity", "-Infinity is not valid JSON"),
    ],
)
def test_duplicate_keys_and_non_numbers_are_refused(
    tmp_path: Path, line: bytes, message: str
) -> None:
    error = _error(_file(tmp_path, b"{}\n" + line + b"\n"), "x.jsonl")
    assert _where(error) == ("x.jsonl", 2, 1)
    assert error.reason.startswith(message)


@pytest.mark.parametrize(
    "line",
    [
        b'{"a": 1, "b": [true, null, -0, 0.5, 1e-7, "x:y", "\\u00e9\\n"], "c": {}}',
        b'{"a": 1, "\\u0061": 2}',  # the same key, spelt two ways
        b'{"k\\u003a": 1, "k:": 2}',  # an escaped colon: the colon count cannot tell
        b'{"n": 18446744073709551616}',  # beyond 64 bits: orjson would read a float
        b'{"n": -9223372036854775809, "m": 12345678901234567890123}',
        b'{"x": 1e400}',
        b'{"x": "\\ud800"}',
        b"\xef\xbb\xbf{}",
        b'  {"a": 1}\t',
        b"null",
        b'"\xff"',
        b"[" * 2000 + b"]" * 2000,
    ],
)
def test_the_quick_reader_reads_what_the_strict_one_does_or_leaves_it(line: bytes) -> None:
    """`loads_quick` (orjson) gives loads_strict's value, or None and loads_strict decides."""
    try:
        strict: Any = jsonio.loads_strict(line.decode("utf-8"))
    except ValueError as exc:  # also json's and UTF-8's errors
        strict = exc
    quick = jsonio.loads_quick(line)
    if quick is not None:
        assert quick == strict and type(quick) is type(strict)
        assert json.dumps(quick) == json.dumps(strict)  # the same numbers, the same types
    if line.startswith(b'{"a": 1, "b"'):
        assert quick is not None  # the common case takes the quick path


def test_duplicate_key_error_names_the_key() -> None:
    with pytest.raises(jsonio.DuplicateKeyError) as caught:
        jsonio.loads_strict('{"x": 1, "y": 2, "x": 3}')
    assert caught.value.key == "x"
    assert isinstance(caught.value, ValueError)
    assert jsonio.loads_strict('{"x": {"x": 1}}') == {"x": {"x": 1}}


def test_the_canonical_serialization() -> None:
    assert jsonio.dumps({"b": 1, "a": [1, 2], "é": "𝔸\n"}) == '{"b": 1, "a": [1, 2], "é": "𝔸\\n"}'
    assert jsonio.jsonl_bytes([{"a": 1}, [None]]) == b'{"a": 1}\n[null]\n'
    assert jsonio.jsonl_bytes([]) == b""
    with pytest.raises(ValueError):
        jsonio.dumps({"a": math.nan})


@pytest.mark.parametrize(
    ("data", "index", "expected"),
    [
        (b"abc", 0, (1, 1)),
        (b"abc", 2, (1, 3)),
        (b"ab\ncd", 3, (2, 1)),
        (b"ab\ncd", 4, (2, 2)),
        ("a\né\n€x".encode(), 8, (3, 2)),  # columns count code points, not bytes
        (b"\n\n\n", 3, (4, 1)),
    ],
)
def test_byte_position(data: bytes, index: int, expected: tuple[int, int]) -> None:
    assert jsonio.byte_position(data, index) == expected


def test_iter_lines_streams_raw_lines(tmp_path: Path) -> None:
    path = _file(tmp_path, b"a\n\nb\r\ncX\nX")
    assert list(jsonio.iter_lines(path)) == [
        (1, b"a"),
        (2, b""),
        (3, b"b\r"),
        (4, b"cX"),
        (5, b"X"),
    ]


def test_lenient_reading_explains_and_goes_on(tmp_path: Path) -> None:
    path = _file(tmp_path, b'{"a": 1}\n\n{oops\n[1]\n  \n{"a": 1, "a": 2}\n"s"\n')
    assert list(jsonio.iter_jsonl_lenient(path)) == [
        (1, {"a": 1}, ""),
        (3, None, "not readable JSON"),
        (4, None, "not a JSON object"),
        (6, {"a": 2}, ""),
        (7, None, "not a JSON object"),
    ]
    bad_utf8 = _file(tmp_path, b'{"a": "\xff"}\n', "b.jsonl")
    assert list(jsonio.iter_jsonl_lenient(bad_utf8)) == [(1, None, "not readable JSON")]


def test_write_jsonl_reports_whether_it_wrote(tmp_path: Path) -> None:
    path = tmp_path / "new" / "a.jsonl"
    assert jsonio.write_jsonl(path, [{"a": 1}]) is True
    assert path.read_bytes() == b'{"a": 1}\n'
    assert jsonio.write_jsonl(path, [{"a": 1}]) is False
    assert jsonio.write_jsonl(path, [{"a": 2}]) is True
    assert path.read_bytes() == b'{"a": 2}\n'
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.jsonl"]


def test_atomic_write_keeps_the_mode_and_cleans_up_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    atomic.atomic_write_bytes(path, b"new\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == b"new\n"

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(atomic.WriteFailed, match=r"the disk is full\); it was not changed"):
        atomic.atomic_write_bytes(path, b"newer\n")
    assert path.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl"]


def test_reading_the_umask_leaves_it_as_it_was(tmp_path: Path) -> None:
    # jsonio reads the umask once, at import, by setting it; it must put it back.
    probe = "import os; os.umask(0o077); import claimset.jsonio; print(oct(os.umask(0)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "0o77"


def test_syncing_the_folder_is_best_effort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some file systems cannot open or fsync a folder: the write still succeeds."""
    real_open, real_fsync = os.open, os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic.atomic_write_bytes(tmp_path / "a.jsonl", b"one\n")

    def no_folders(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if Path(path) == tmp_path:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_folders)
    atomic.atomic_write_bytes(tmp_path / "a.jsonl", b"two\n")
    assert (tmp_path / "a.jsonl").read_bytes() == b"two\n"


def _rewritten(path: Path, new: bytes) -> atomic.Rewrite:
    """A closed rewrite of `path` (read line by line) to `new`, as `fmt` leaves it pending."""
    rewrite = atomic.Rewrite(path)
    for old in jsonio.iter_raw_lines(path):
        rewrite.line(new, old)
        new = b""
    rewrite.close()
    return rewrite


def test_commit_all_swaps_in_each_file_and_keeps_a_newer_save(tmp_path: Path) -> None:
    from claimset.errors import ChangedOnDisk

    paths = [tmp_path / f"f{n}.jsonl" for n in range(3)]
    for path in paths:
        path.write_bytes(b'{"a": 1}\n')
    pending = [_rewritten(path, f'{{"b": {n}}}\n'.encode()) for n, path in enumerate(paths)]
    paths[1].write_bytes(b'{"saved": true}\n')  # an editor saves f1 meanwhile
    with pytest.raises(ChangedOnDisk, match=r"f1\.jsonl"):
        atomic.commit_all(pending)
    # f0 was replaced; f1 keeps the newer save; f2, after the failure, is left as it was.
    assert [p.read_bytes() for p in paths] == [b'{"b": 0}\n', b'{"saved": true}\n', b'{"a": 1}\n']
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f0.jsonl", "f1.jsonl", "f2.jsonl"]
    pending = [_rewritten(paths[2], b'{"b": 2}\n')]
    atomic.commit_all(pending)
    assert paths[2].read_bytes() == b'{"b": 2}\n'


def test_a_rewrite_that_repeats_the_file_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "same.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": 2}\n')
    before = os.stat(path)
    rewrite = atomic.Rewrite(path)
    for old in jsonio.iter_raw_lines(path):
        rewrite.line(old, old)
    assert rewrite.finish() is False
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    ("lengths", "final_newline"),
    [
        ([10, 20], True),  # a small file: not read
        ([MAX_LINE_BYTES - 1, 5], True),  # the longest line read
        ([MAX_LINE_BYTES - 1], False),
        ([MAX_LINE_BYTES], False),  # one line of the limit, no newline: skipped
        ([3, MAX_LINE_BYTES, 4], True),
        ([700_000, 700_000, MAX_LINE_BYTES + 9, 2], True),  # across the 1 MiB blocks
        ([1, MAX_LINE_BYTES - 1, MAX_LINE_BYTES - 1, 2 * MAX_LINE_BYTES], False),
        ([1, 1, MAX_LINE_BYTES], True),  # several lines ended in one block
        ([0, MAX_LINE_BYTES], True),  # a block that starts with a newline
        ([400_000, 400_000, 300_000], True),  # the second line measured from its start
        ([10, MAX_LINE_BYTES], False),  # carried over into a last block with no newline
    ],
)
def test_first_long_line_is_the_first_line_iter_lines_skips(
    tmp_path: Path, lengths: list[int], final_newline: bool
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\n".join(b"x" * n for n in lengths) + (b"\n" if final_newline else b""))
    skipped = [lineno for lineno, raw in jsonio.iter_lines(path) if raw is None]
    assert jsonio.first_long_line(path) == (skipped[0] if skipped else None)
