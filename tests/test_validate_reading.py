"""The validator's reading of a file: raw lines, their columns, and the scanner of positions.

A diagnostic's columns count code points of the line as shown under it (`source`), so that
`source[column - 1 : end_column - 1]` is what it points at, whatever the line's bytes were
(a BOM, a CR, invalid UTF-8).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from claimset.cli import cli
from claimset.diagnostics import Diagnostic
from claimset.validate import fast_path, reader, validate
from claimset.validate.lines import Line
from claimset.validate.positions import Layout, Place, json_path, scan
from claimset.validate.positions import Path as JsonPath
from claimset.validate.problems import ActorIndex, Problem
from claimset.validate.reader import JsonlFile
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from samples import DATA, copy_fixture, sample_project

BOM = b"\xef\xbb\xbf"


def pointed_at(diagnostic: Diagnostic) -> str:
    """The text of the line a diagnostic's columns select."""
    assert diagnostic.source is not None and diagnostic.end_column is not None
    return diagnostic.source[diagnostic.column - 1 : diagnostic.end_column - 1]


def test_columns_select_the_value_in_the_line_shown_after_a_bom_and_a_cr(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_bytes().split(b"\n")
    wrong = (b'"status": "done"', b'"status": "dunno"')
    lines[0] = BOM + lines[0].replace(*wrong)  # the BOM is shown: columns count it
    lines[1] = lines[1].replace(*wrong) + b"\r"  # the CR is not shown
    lines[2] = BOM + lines[2]  # only the file's first line may start with one
    path.write_bytes(b"\n".join(lines))
    found = {(d.line, d.code): d for d in validate(project).diagnostics}
    first, second = found[1, "enum"], found[2, "enum"]
    assert first.source is not None and first.source.startswith("\ufeff{")
    assert pointed_at(first) == '"dunno"'
    assert first.column == first.source.index('"dunno"') + 1
    assert second.source is not None and second.source.endswith("]}")
    assert pointed_at(second) == '"dunno"'
    assert sorted(found) == [(1, "bom"), (1, "enum"), (2, "crlf"), (2, "enum"), (3, "json-syntax")]
    assert found[3, "json-syntax"].message == (
        "invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)"
    )
    assert found[1, "bom"].column == 1 and found[1, "bom"].end_column is None


def test_invalid_bytes_are_shown_replaced_and_pointed_at(tmp_path: Path) -> None:
    project = sample_project(tmp_path, DATA / "invalid" / "encoding.jsonl")
    [diagnostic] = validate(project).diagnostics
    assert diagnostic.code == "encoding"
    assert pointed_at(diagnostic) == "\ufffd"


def test_a_line_the_scanner_cannot_read_is_located_at_column_one(tmp_path: Path) -> None:
    # Only text json accepted reaches the scanner today; should a scanner bug let another line
    # through, its diagnostics lose their columns, never the run.
    line = Line(2, b'{"status": ')
    assert line.layout == Layout()
    checked = JsonlFile(tmp_path / "a.jsonl", "a.jsonl", ActorIndex())
    diagnostic = checked.locate(line, Problem(("status",), "enum", "not allowed"))
    assert (diagnostic.line, diagnostic.column, diagnostic.end_column) == (2, 1, None)
    assert (diagnostic.path, diagnostic.source) == ("status", '{"status": ')


def test_a_line_is_decoded_once_and_its_bom_removed_on_line_one_only() -> None:
    first, later = Line(1, BOM + b'{"a": 1}\r'), Line(2, BOM + b'{"a": 1}\r')
    assert (first.text, first.offset) == ('{"a": 1}', 1)
    assert (later.text, later.offset) == ('\ufeff{"a": 1}', 0)
    assert first.source == later.source == '\ufeff{"a": 1}'
    assert first.text is first.text and first.layout is first.layout
    assert first.layout.places[()].start == 0 and first.layout.places[("a",)].start == 6


# -- the scanner of positions ---------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
#: How a value may be written: compact, spaced, indented (newlines), padded around.
STYLES = st.sampled_from(
    [
        {"separators": (",", ":")},
        {"separators": (", ", ": ")},
        {"indent": 1, "ensure_ascii": False},
        {"separators": (" ,\t", " :\r")},
    ]
)


def members(value: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every value inside `value` (itself first), with its path."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from members(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from members(item, (*path, index))


@given(value=JSON, style=STYLES, pad=st.sampled_from(["", " ", "\t \n"]))
def test_the_scanner_places_every_value_and_key(
    value: Any, style: dict[str, Any], pad: str
) -> None:
    text = pad + json.dumps(value, **style) + pad
    layout = scan(text)
    expected = dict(members(value))
    assert set(layout.places) == set(expected)
    for path, item in expected.items():
        place = layout.places[path]
        assert json.loads(text[place.start : place.end]) == item, json_path(path)
        if path and isinstance(path[-1], str):
            assert place.key_start is not None and place.key_end is not None
            assert json.loads(text[place.key_start : place.key_end]) == path[-1]
        else:
            assert (place.key_start, place.key_end) == (None, None)
    assert layout.duplicates == [] and layout.constants == []


def test_the_scanner_lists_repeated_keys_and_keeps_the_last() -> None:
    text = '{"a": 1, "b": {"a": [2, 3, 4]}, "a": 5}'
    layout = scan(text)
    assert layout.places[("a",)] == Place(37, 38, 32, 35)
    assert layout.duplicates == [(("a",), Place(1, 4), Place(32, 35))]
    assert layout.places[("b", "a", 2)] == Place(27, 28)


def test_the_scanner_lists_the_constants_json_lets_through() -> None:
    text = '[NaN,{"x":Infinity},-Infinity]'
    found = [(path, text[p.start : p.end], name) for path, p, name in scan(text).constants]
    assert found == [
        ((0,), "NaN", "NaN"),
        ((1, "x"), "Infinity", "Infinity"),
        ((2,), "-Infinity", "-Infinity"),
    ]


def test_a_missing_path_is_placed_at_its_nearest_ancestor() -> None:
    layout = scan('{"a": {"b": [1]}}')
    assert layout.place(("a", "b", 0)) == Place(13, 14)
    assert layout.place(("a", "b", 5)) == layout.places[("a", "b")] == Place(12, 15, 7, 10)
    assert layout.place(("a", "b", 5, "c")) == Place(12, 15, 7, 10)
    assert layout.place(("a", "x", "y")) == layout.places[("a",)] == Place(6, 16, 1, 4)
    assert layout.place(("z",)) == layout.places[()] == Place(0, 17)
    assert Layout().place(("a", "b")) is None


# -- what the checks remember from line to line ---------------------------------------------------


def test_a_negative_start_is_out_of_order_only_after_a_sentence(tmp_path: Path) -> None:
    # The first line has no sentence before it: it was told "before the sentence on line 0".
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text("utf-8").splitlines()
    lines[0] = lines[0].replace('"start": 0, "end": 59', '"start": -1, "end": 59', 1)
    lines[2] = lines[2].replace('"start": 133, "end": 179', '"start": -3, "end": -2', 1)
    path.write_text("\n".join(lines) + "\n")
    found = [(d.line, d.code, d.message) for d in validate(project).diagnostics]
    assert [code for line, code, _ in found if line == 1] == ["value", "offset-mismatch"]
    [order] = [message for line, code, message in found if code == "order"]
    assert order.startswith("starts at -3, before the sentence on line 2 (60..132): "), order


def test_git_marker_lines_are_not_counted_as_records(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    assert validate(project).records == 10  # the fixture: 3 files, 10 records
    path = project.annotation_path("demo")
    first, second, third, fourth = path.read_text(encoding="utf-8").splitlines()
    # diff3 markers, each side one record of its own, a blank line in ours: 4 records.
    lines = [first, "<<<<<<< ours", second, "", "||||||| base", "=======", third, ">>>>>>> b"]
    path.write_text("".join(line + "\n" for line in [*lines, fourth]), encoding="utf-8")
    report = validate(project)
    assert [d.code for d in report.diagnostics] == ["merge-conflict"]
    assert report.records == 10
    # A stray marker is no marker: a line of invalid JSON, counted as the record it stands for.
    path.write_text("".join(line + "\n" for line in [first, "=======", fourth]), "utf-8")
    report = validate(project)
    assert (2, "json-syntax") in [(d.line, d.code) for d in report.diagnostics]
    assert report.records == 9


def test_records_checked_counts_every_line_that_holds_or_should_hold_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1000)
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    first, second, third, fourth = path.read_bytes().splitlines()
    lines = [
        first,  # the fast path
        b"",  # blank lines hold no record
        b" \t ",
        b"  " + second,  # the precise path (indented)
        b'{"id": "' + b"x" * 2000 + b'"}',  # too long to read: a record all the same
        b"[1, 2]",  # not an object
        b"{oops",  # not JSON
        third + b"\r",  # a CR
    ]
    path.write_bytes(b"\n".join(lines) + b"\n" + fourth)  # the last line without its newline
    report = validate(project)
    assert sorted({(d.line, d.code) for d in report.diagnostics}) == [
        (5, "limit"),
        (6, "type"),
        (7, "json-syntax"),
        (8, "crlf"),
    ]
    assert report.records == 6 + 7  # the registries' 6, and 7 lines of demo's 9
    assert (report.files, report.valid) == (3, False)


def test_a_line_too_long_after_lines_of_the_precise_path_adds_one_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1000)
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    first, *rest = path.read_bytes().splitlines()
    lines = [first, b"[1, 2]", b"{oops", b'{"id": "' + b"x" * 2000 + b'"}', *rest]
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = validate(project)
    assert sorted({(d.line, d.code) for d in report.diagnostics}) == [
        (2, "type"),
        (3, "json-syntax"),
        (4, "limit"),
    ]
    assert report.records == 6 + 7  # the registries' 6, and every line of demo's 7


def demo_lines(tmp_path: Path, name: str, *lines: str) -> list[tuple[int, str, str]]:
    """Validate the fixture with demo's lines replaced (`1`-`4` stand for its own lines)."""
    project = copy_fixture(tmp_path / name)
    path = project.annotation_path("demo")
    own = dict(zip("1234", path.read_text("utf-8").splitlines(), strict=True))
    path.write_text("".join(own.get(line, line) + "\n" for line in lines), "utf-8")
    return [(d.line, d.code, d.message) for d in validate(project).diagnostics]


def test_a_conflict_without_its_middle_marker_names_each_side_by_its_lines(
    tmp_path: Path,
) -> None:
    keep = (
        "keep the records you want, delete the other side and the marker lines (the lines in "
        "between are not checked until then)"
    )
    # Closed without `=======`: ours is line 3, not the closing marker's line.
    assert demo_lines(tmp_path, "closed", "1", "<<<<<<< mine", "2", ">>>>>>> b", "4") == [
        (
            2,
            "merge-conflict",
            f"unresolved merge conflict, lines 2-4: ours 'mine' (line 3) and theirs 'b' "
            f"(nothing); {keep}",
        )
    ]
    # Never closed: ours runs to the last line; the opening marker is shown.
    project = copy_fixture(tmp_path / "shown")
    path = project.annotation_path("demo")
    first, *rest = path.read_text("utf-8").splitlines()
    path.write_text("".join(f"{line}\n" for line in [first, "<<<<<<< mine", *rest]), "utf-8")
    assert [d.source for d in validate(project).diagnostics] == ["<<<<<<< mine"]
    assert demo_lines(tmp_path, "open", "1", "<<<<<<< mine", "2", "3", "4") == [
        (
            2,
            "merge-conflict",
            "unresolved merge conflict, starts on line 2 and never ends (no '>>>>>>>' line): "
            f"ours 'mine' (lines 3-5); {keep}",
        )
    ]
    # A line that only starts like a marker is the JSON error it is.
    assert demo_lines(tmp_path, "stray", "1", "<oops>", "2", "3", "4") == [
        (
            2,
            "json-syntax",
            "invalid JSON: Expecting value (a missing value, a trailing comma, or a truncated "
            "line?)",
        )
    ]


def test_a_long_line_is_shown_cut_at_ten_thousand_characters(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text("utf-8").splitlines()
    record = {**json.loads(lines[1]), "status": "dunno", "note": "x" * 20000}
    lines[1] = json.dumps(record)
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    [diagnostic] = validate(project).diagnostics
    assert (diagnostic.line, diagnostic.code) == (2, "enum")
    assert diagnostic.source == lines[1][:10000]


def test_a_line_too_long_and_a_line_not_json_both_hold_back_the_sentence_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 1000)
    long = '{"id": "' + "x" * 2000 + '"}'
    found = demo_lines(tmp_path, "two", "1", long, "{oops", "3", "4")
    # Either may hold the missing sentence: no sentence count, no seed coverage.
    assert [(line, code) for line, code, _ in found] == [
        (1, "unknown-sentence"),
        (2, "limit"),
        (3, "json-syntax"),
    ]


def test_a_line_blank_but_for_a_bom_or_a_no_break_space_holds_no_record(tmp_path: Path) -> None:
    # Not blank to bytes.isspace: read on the precise path, where only the BOM is reported.
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    first, *rest = path.read_text("utf-8").splitlines()
    path.write_text("".join(f"{line}\n" for line in ["\ufeff", first, "\u00a0", *rest]), "utf-8")
    report = validate(project)
    assert [(d.line, d.code) for d in report.diagnostics] == [(1, "bom")]
    assert report.records == 10


def test_a_file_that_cannot_be_opened_is_one_error_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    demo = project.annotation_path("demo")
    opened = Path.open

    def refused(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path == demo:  # what a file without read permission gives (tests may run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: corpus/annotations/demo.jsonl: cannot read: Permission denied\n"
    )


def test_a_formatted_corpus_never_needs_the_slower_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Canonical lines are matched by the pattern; only other spellings go to `valid_record`.
    project = copy_fixture(tmp_path)
    asked: list[bytes] = []
    valid_record = fast_path.valid_record

    def spied(model: Any, raw: bytes) -> Any:
        asked.append(raw)
        return valid_record(model, raw)

    monkeypatch.setattr(fast_path, "valid_record", spied)
    assert validate(project).valid
    assert asked == []
    path = project.annotation_path("demo")
    lines = path.read_bytes().splitlines()
    path.write_bytes(b"\n".join([b"  " + lines[0], *lines[1:]]) + b"\n")  # indented
    assert validate(project).valid
    assert asked == [b"  " + lines[0]]


def test_broken_lines_beside_a_spread_record_are_each_reported(tmp_path: Path) -> None:
    second = copy_fixture(tmp_path / "x").annotation_path("demo").read_text("utf-8")
    second = second.splitlines()[1]
    at, to = second.index(', "doc"'), second.index(', "status"')
    spread = [second[: at + 1], second[at + 2 : to + 1], second[to + 2 :]]
    found = demo_lines(tmp_path, "spread", "1", "{oops", *spread, "[1,", "3", "4")
    assert found == [
        (
            2,
            "json-syntax",
            "invalid JSON: Expecting property name enclosed in double quotes (a trailing comma, "
            "or a key in single quotes?)",
        ),
        (
            3,
            "json-syntax",
            "a record spread over lines 3-5 (pretty-printed by an editor?): each record goes on "
            "one line; `claimset fmt` rejoins it",
        ),
        (
            6,
            "json-syntax",
            "invalid JSON: Expecting value (a missing value, a trailing comma, or a truncated "
            "line?)",
        ),
    ]


def test_invalid_bytes_in_a_sentence_without_a_seed_leave_its_text_as_read(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    (project.root / "seeds" / "demo.txt").unlink()
    path = project.annotation_path("demo")
    wrong = b'"text": "Moscow did n\xffot side'
    path.write_bytes(path.read_bytes().replace(b'"text": "Moscow did not side', wrong, 1))
    # No seed to repair it from: the evidence quoting it is checked against "n\ufffdot".
    found = [(d.file, d.line, d.code) for d in validate(project).diagnostics]
    assert found == [
        ("corpus/annotations/demo.jsonl", 1, "missing-seed"),
        ("corpus/annotations/demo.jsonl", 1, "quote-not-found"),
        ("corpus/annotations/demo.jsonl", 2, "encoding"),
        ("corpus/documents.jsonl", 1, "missing-seed"),
    ]


def test_a_seed_holding_a_nul_byte_is_located_at_that_byte_and_named_no_text_file(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    seed = project.root / "seeds" / "demo.txt"
    data = seed.read_bytes()
    seed.write_bytes(data.replace(b"Russia should", b"Russia \0should", 1) + b"\0")
    at = data.index(b"Russia should") + len(b"Russia ")  # the first of the two, in line 2
    found = [(d.file, d.line, d.column, d.code, d.message) for d in validate(project).diagnostics]
    assert found[:1] == [
        (
            "corpus/annotations/demo.jsonl",
            1,
            1,
            "missing-seed",
            "seeds/demo.txt is not a text file (a NUL byte): sentence offsets are not checked",
        )
    ]
    assert (
        "seeds/demo.txt",
        2,
        8,
        "encoding",
        f"a NUL byte at byte {at}: not a text file; save the essay as UTF-8 text",
    ) in found


def test_a_seed_that_cannot_be_read_holds_back_the_offset_checks_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    seed = project.root / "seeds" / "demo.txt"
    read_bytes = Path.read_bytes

    def refused(path: Path) -> bytes:
        if path == seed:  # what a seed without read permission gives (tests may run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    found = [(d.file, d.line, d.code, d.message) for d in validate(project).diagnostics]
    assert found == [
        (
            "corpus/annotations/demo.jsonl",
            1,
            "missing-seed",
            "seeds/demo.txt cannot be read (Permission denied): sentence offsets are not checked",
        )
    ]


def test_documents_jsonl_named_alone_is_checked_against_the_seeds(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.root / "seeds" / "demo.txt").unlink()
    report = validate(project, [project.documents_path])
    assert [(d.file, d.line, d.code, d.message) for d in report.diagnostics] == [
        (
            "corpus/documents.jsonl",
            1,
            "missing-seed",
            "document 'demo' has no seed file seeds/demo.txt: restore it, or remove this record",
        )
    ]
    assert (report.files, report.records) == (1, 1)


def test_a_file_named_alone_reads_no_other_document(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.root / "seeds" / "another.txt").write_text("Not split yet.\n", encoding="utf-8")
    assert [d.code for d in validate(project).diagnostics] == ["not-split"]
    told: list[tuple[int, int]] = []
    report = validate(
        project,
        [project.annotation_path("demo")],
        on_progress=lambda done, total: told.append((done, total)),
    )
    assert (report.diagnostics, report.files) == ([], 1)
    assert told == [(0, 1)]  # one document to check: the seed of `another` is not even read


def test_a_sentence_with_neither_offsets_nor_text_is_reported_not_quoted_from(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text(encoding="utf-8").splitlines()
    cited = json.loads(lines[1])  # demo:0001, which line 1's evidence quotes
    cited.update(start="60", text=None)
    path.write_text("\n".join([lines[0], json.dumps(cited), *lines[2:]]) + "\n", encoding="utf-8")
    found = [(d.line, d.column, d.path, d.code) for d in validate(project).diagnostics]
    assert [f for f in found if f[0] == 2] == [(2, 45, "start", "type"), (2, 71, "text", "type")]


def test_a_seed_named_alone_whose_annotation_file_is_a_broken_link_is_split(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    path.unlink()
    path.symlink_to("../../moved/demo.jsonl")
    # As in a run over every file: no "not-split" warning, which would invite a split over it.
    assert [d.code for d in validate(project).diagnostics] == ["broken-link"]
    assert validate(project, [project.seeds_dir / "demo.txt"]).diagnostics == []


def test_an_orphans_file_is_counted_with_its_records(tmp_path: Path) -> None:
    project = sample_project(tmp_path, DATA / "invalid" / "orphans_invalid.jsonl")
    every = validate(project)
    assert (every.files, every.records) == (4, 12)  # 3 files of 10 records, and 2 orphans
    study = project.root / "agreement" / "ann9" / "demo.jsonl"
    study.parent.mkdir(parents=True)
    study.write_bytes(project.annotation_path("demo").read_bytes())
    alone = validate(project, [project.corpus_dir / "orphans" / "demo.jsonl"])
    assert (alone.files, alone.records) == (1, 2)
    other = validate(project, [project.annotation_path("demo")])
    assert (other.files, other.records, other.diagnostics) == (1, 4, [])
    assert [(d.line, d.code) for d in alone.diagnostics] == [
        (1, "orphan"),
        (1, "type"),
        (1, "type"),
        (2, "orphan"),
    ]


def test_blank_lines_and_extra_markers_inside_a_conflict_stay_in_its_sides(
    tmp_path: Path,
) -> None:
    lines = ["1", "<<<<<<< mine", "2", "", "=======", "3", "=======", "<<<<<<< again"]
    assert demo_lines(tmp_path, "extra", *lines, ">>>>>>> b", "4") == [
        (
            2,
            "merge-conflict",
            "unresolved merge conflict, lines 2-9: ours 'mine' (lines 3-4) and theirs 'b' "
            "(lines 6-8); keep the records you want, delete the other side and the marker lines "
            "(the lines in between are not checked until then)",
        )
    ]
