"""The validator's checks, each by what a user sees: the message, where it points, the exit code
(orphans, status, merge conflicts, git's markers, sentence offsets, a document's
whole-file problems)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.limits import MAX_LINE_BYTES
from claimset.project import Project
from claimset.validate import fast_path, validate
from claimset.validate.checks import syntax
from click.testing import CliRunner
from samples import copy_fixture
from test_validate import add_document

DEMO = "corpus/annotations/demo.jsonl"


def invoke(project: Project, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout


def shown(out: str, first: str) -> tuple[str, str]:
    """The snippet and caret lines printed under the diagnostic line starting with `first`."""
    lines = out.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith(first))
    return lines[at + 1], lines[at + 2]


def edit_demo(
    project: Project, lineno: int, edit: dict[str, object], drop: str = "", indent: str = ""
) -> str:
    """Change fields of the fixture's record on line `lineno`, drop one, indent the line."""
    path = project.annotation_path("demo")
    lines = path.read_text(encoding="utf-8").splitlines()
    record = {**json.loads(lines[lineno - 1]), **edit}
    record.pop(drop, None)
    lines[lineno - 1] = indent + json.dumps(record, ensure_ascii=False)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return lines[lineno - 1]


def located(project: Project) -> list[tuple[str, int, int, int | None]]:
    """Each diagnostic as (message, line, column, end column)."""
    return [(d.message, d.line, d.column, d.end_column) for d in validate(project).diagnostics]


def test_a_human_status_without_an_annotator_points_at_the_value_or_the_object(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    # Indented lines (JSON allows it): the object starts at column 3, not at the line's start.
    edit_demo(project, 2, {}, drop="annotator", indent="  ")
    line = edit_demo(project, 3, {"annotator": None}, indent="  ")
    needs = (
        'status {!r} needs an annotator: add "annotator": "<your id>" (or set the status to '
        "'draft')"
    )
    null = line.index('"annotator": null') + len('"annotator": ') + 1
    assert located(project) == [
        (needs.format("done"), 2, 3, 4),  # no annotator key: the record's opening brace
        (needs.format("reviewed"), 3, null, null + 4),  # "annotator": null: the null
    ]


def test_an_orphan_is_a_warning_about_its_whole_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    orphans = project.corpus_dir / "orphans" / "demo.jsonl"
    orphans.parent.mkdir()
    record = (
        '{"doc": "demo", "sentence": "demo:0004", "text": "Moscow will help.", "status": null, '
        '"annotator": null, "reason": "", "claim": {"actor": {"ref": "russia"}}}'
    )
    orphans.write_text(record + "\n", encoding="utf-8")
    code, out = invoke(project, monkeypatch)
    assert code == 0
    snippet, caret = shown(out, "corpus/orphans/demo.jsonl:1:1: warning: a claim of sentence")
    # The line as a whole, not the record underlined: one caret at its first character.
    assert snippet == "    " + record[:100] + "…"
    assert caret == "    ^"
    assert invoke(project, monkeypatch, "--strict")[0] == 1


def test_merge_markers_name_each_side_by_its_label_and_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    first, second, third, fourth = path.read_text(encoding="utf-8").splitlines()
    # Markers typed by hand (theirs without a label), ours empty, theirs two records.
    lines = [first, "<<<<<<< mine", "=======", second, third, ">>>>>>>", fourth]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    code, out = invoke(project, monkeypatch)
    assert code == 1
    message = (
        "unresolved merge conflict, lines 2-6: ours 'mine' (nothing) and theirs (lines 4-5); "
        "keep the records you want, delete the other side and the marker lines (the lines in "
        "between are not checked until then)"
    )
    assert out.splitlines()[:3] == [
        f"{DEMO}:2:1: {message} [merge-conflict]",
        "    <<<<<<< mine",
        "    ^^^^^^^",  # the marker, not its label
    ]
    code, out = invoke(project, monkeypatch, "--format", "json")
    assert json.loads(out)["errors"] == [
        {
            "file": DEMO,
            "line": 2,
            "column": 1,
            "path": "",
            "code": "merge-conflict",
            "message": message,
        }
    ]


def test_a_recorded_conflict_shows_each_value_as_json_unescaped_and_cut_after_80(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    eighty, eighty_one = "x" * 78, "y" * 79  # 80 and 81 characters once in quotes
    conflicts = [
        {"path": "text", "base": None, "ours": "Séoul", "theirs": eighty, "ours_by": "ann1"},
        {"path": "", "base": [1], "ours": {"a": 1}, "theirs": eighty_one, "theirs_by": "ann2"},
    ]
    line = edit_demo(project, 2, {"conflicts": conflicts})
    first = line.index('{"path": "text"') + 1
    second = line.index('{"path": ""') + 1
    assert [(m, n, c) for m, n, c, _ in located(project)] == [
        (
            f'merge conflict at text: ann1 wrote "Séoul", theirs wrote "{eighty}" (before: '
            "null); the record holds the first; keep one version, then delete this entry",
            2,
            first,
        ),
        (
            f'merge conflict at the whole record: ours wrote {{"a": 1}}, ann2 wrote '
            f'"{eighty_one[:78]}… (before: [1]); the record holds the first; keep one version, '
            "then delete this entry",
            2,
            second,
        ),
    ]


def sentences(doc_id: str, seed: str, spans: list[tuple[int, int]]) -> list[str]:
    """Todo sentence records of `doc_id` for these spans of its seed."""
    return [
        json.dumps(
            {
                "id": f"{doc_id}:{k:04d}",
                "doc": doc_id,
                "start": start,
                "end": end,
                "text": seed[start:end],
                "status": "todo",
                "annotator": None,
                "claims": [],
            }
        )
        for k, (start, end) in enumerate(spans)
    ]


def test_seed_text_in_no_record_is_found_at_the_start_at_the_end_and_never_in_a_separator(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(True)[1:]))
    # "* * *" between two sentences is in no record, and is no sentence either.
    seed = "One fact. * * * Two facts."
    add_document(
        project, "separated", seed.encode(), sentences("separated", seed, [(0, 9), (16, 26)])
    )
    add_document(project, "unsplit", b"Words here.", [])  # an empty file (and a count of 0)
    missing = (
        "the seed text at {} is in no sentence record ({}): a line was deleted? `claimset "
        "split` brings it back as a todo sentence (or restore the line from git)"
    )
    report = validate(project)
    assert [
        (d["file"], d["line"], d["column"], d["path"], d["message"])
        for d in report.to_dict()["errors"]
        if d["code"] == "order"
    ] == [
        (
            DEMO,
            1,
            1,
            "",
            missing.format(
                "0..59 ('Seoul hopes that Moscow will help it to deal with the DPRK.')",
                "before this line's sentence",
            ),
        ),
        (
            "corpus/annotations/unsplit.jsonl",
            1,
            1,
            "",
            missing.format("0..11 ('Words here.')", "at the end"),
        ),
    ]
    assert [d.code for d in report.diagnostics] == ["order", "sentence-count", "order"]


def test_an_empty_sentence_is_not_end_before_start_and_wrong_offsets_wait_for_their_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path / "empty")
    edit_demo(project, 2, {"start": 60, "end": 60, "text": ""})
    found = [(1, "quote-not-found"), (3, "order")]  # the evidence quoting it; its text
    assert [(d.line, d.code) for d in validate(project).diagnostics] == found
    # The same on the precise path (the fast path takes the line without calling the checks).
    monkeypatch.setattr(fast_path, "pattern", lambda model: None)
    monkeypatch.setattr(fast_path, "valid_record", lambda model, raw: None)
    assert [(d.line, d.code) for d in validate(project).diagnostics] == found
    # An end before its start and a sentence at the wrong offsets: the seed text they should
    # hold is not reported missing as well (it comes back when the offsets are fixed).
    project = copy_fixture(tmp_path / "misplaced")
    edit_demo(project, 2, {"start": 132, "end": 60})
    edit_demo(project, 3, {"start": 134, "end": 180})
    assert [(d.line, d.message) for d in validate(project).diagnostics] == [
        (2, "end 60 is before start 132"),
        (
            3,
            "the text is at 133..179 of seeds/demo.txt, not at 134..180: the offsets are wrong "
            "(re-run `claimset split`)",
        ),
    ]


def test_touching_sentences_out_of_order_are_out_of_order_not_overlapping(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    text = "Seoul hopes that Moscow will help it to deal with the DPRK. "  # 0..60, touching 60..
    edit_demo(project, 1, {"end": 60, "text": text})
    path = project.annotation_path("demo")
    first, second, *rest = path.read_text(encoding="utf-8").splitlines(True)
    path.write_text("".join([second, first, *rest]), encoding="utf-8")
    assert [(d.line, d.message) for d in validate(project).diagnostics] == [
        (
            2,
            "starts at 0, before the sentence on line 1 (60..132): the lines are out of document "
            "order; `claimset fmt` puts them back in order",
        )
    ]


def test_a_sentence_out_of_order_names_the_last_read_of_those_ending_furthest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    seed = (project.seeds_dir / "demo.txt").read_text(encoding="utf-8")
    path = project.annotation_path("demo")
    rest = path.read_text(encoding="utf-8").splitlines(True)[1:]
    # 1..59, then an empty sentence at 59 (ending as far), then 0..1: before both.
    records = sentences("demo", seed, [(1, 59), (59, 59), (0, 1)])
    records = [r.replace('"demo:000', '"demo:010') for r in records]
    path.write_text("".join(r + "\n" for r in records) + "".join(rest), encoding="utf-8")
    expected = (
        "starts at 0, before the sentence on line 2 (59..59): the lines are out of document "
        "order; `claimset fmt` puts them back in order"
    )
    assert [d.message for d in validate(project).diagnostics if d.code == "order"] == [expected]
    # The same on the precise path alone (the fast path takes lines 1 and 2 above).
    monkeypatch.setattr(fast_path, "pattern", lambda model: None)
    monkeypatch.setattr(fast_path, "valid_record", lambda model, raw: None)
    assert [d.message for d in validate(project).diagnostics if d.code == "order"] == [expected]


def test_an_empty_span_holding_a_text_is_misplaced(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    edit_demo(project, 2, {"end": 60})
    assert [(d.line, d.message) for d in validate(project).diagnostics] == [
        (
            2,
            "the text is at 60..132 of seeds/demo.txt, not at 60..60: the offsets are wrong "
            "(re-run `claimset split`)",
        )
    ]


def test_limits_point_at_the_line_start_not_at_the_record(tmp_path: Path) -> None:
    # Indented lines: the record's brace is at column 3, the line starts at column 1.
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    original = path.read_text(encoding="utf-8").splitlines()
    lines = list(original)
    lines[1] = "  " + lines[1].replace('"start": 60', '"start": 6' + "0" * 5000)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    long = (
        "a number too long to be read (5001 digits): no offset or count comes near; fix the value"
    )
    assert located(project) == [(long, 2, 1, None)]
    lines[1] = "  " + original[1].replace("[]", "[" * 1500 + "]" * 1500)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    assert located(project) == [("nested too deeply to be a record", 2, 1, None)]


def test_a_number_error_without_a_digit_count_names_no_count() -> None:
    # Python's message has held "value has N digits" since the limit came (3.11); if it
    # changes, the message is kept without a count rather than a wrong one.
    (problem,) = syntax.number_too_long("Exceeds the limit (4300 digits) for integer string")
    assert problem.message == (
        "a number too long to be read: no offset or count comes near; fix the value"
    )
    (problem,) = syntax.number_too_long("value has 12 digits; use sys.set_int_max_str_digits()")
    assert problem.message.startswith("a number too long to be read (12 digits): ")


def test_a_line_over_the_limit_is_one_error_at_its_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text(encoding="utf-8").splitlines()
    pasted = '"claims": [], "reason": "' + "x" * MAX_LINE_BYTES + '"'
    lines[1] = lines[1].replace('"claims": []', pasted)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    message = (
        f"line longer than {MAX_LINE_BYTES} bytes: not a record (a missing newline between "
        "records, or pasted data?)"
    )
    code, out = invoke(project, monkeypatch)
    assert code == 1
    assert out.splitlines()[3] == f"{DEMO}:2:1: {message} [limit]"
    code, out = invoke(project, monkeypatch, "--format", "json")
    assert code == 1
    assert json.loads(out)["errors"][1] == {
        "file": DEMO,
        "line": 2,
        "column": 1,
        "path": "",
        "code": "limit",
        "message": message,
    }


def write_demo(project: Project, lines: list[str], bom: bool = False) -> None:
    text = "".join(line + "\n" for line in lines)
    project.annotation_path("demo").write_text(("\ufeff" if bom else "") + text, "utf-8")


def diagnosed(project: Project) -> list[tuple[int, int, int | None, str, str]]:
    """Each diagnostic as (line, column, end column, path, message)."""
    report = validate(project).diagnostics
    return [(d.line, d.column, d.end_column, d.path, d.message) for d in report]


BOM_FIRST = (
    "byte order mark at the start of the file: save it as UTF-8 without BOM "
    "(`claimset fmt` removes it)"
)


def test_columns_after_a_byte_order_mark_count_it(tmp_path: Path) -> None:
    # The BOM is the line's first column: what an editor showing it, and `fmt`, count.
    project = copy_fixture(tmp_path)
    lines = project.annotation_path("demo").read_text(encoding="utf-8").splitlines()
    broken = lines[0].replace('"status": "done", ', '"status": "done" ')
    write_demo(project, [broken, *lines[1:]], bom=True)
    comma = broken.index('"annotator"') + 2  # the BOM, then 1-based
    missing = "invalid JSON: Expecting ',' delimiter (a missing comma, or a truncated line?)"
    assert diagnosed(project)[:2] == [
        (1, 1, None, "", BOM_FIRST),
        (1, comma, comma + 1, "", missing),
    ]
    quoted = lines[0].replace("deal with the", 'deal "with" the')
    write_demo(project, [quoted, *lines[1:]], bom=True)
    quote = quoted.index('"with"') + 2
    unescaped = (
        "invalid JSON: Expecting ',' delimiter (an unescaped quote? this \" ends the string "
        'early: inside a string, write it as \\")'
    )
    assert diagnosed(project)[:2] == [
        (1, 1, None, "", BOM_FIRST),
        (1, quote, quote + 1, "", unescaped),
    ]
    twice = lines[0].replace('"status": "done"', '"status": "todo", "status": "done"')
    write_demo(project, [twice, *lines[1:]], bom=True)
    first = twice.index('"status"') + 2
    second = twice.index('"status"', first) + 2
    duplicate = (
        f"duplicate key 'status' (also at column {first}): JSON parsers silently keep only "
        "the last value; remove one"
    )
    assert diagnosed(project) == [
        (1, 1, None, "", BOM_FIRST),
        (1, second, second + 8, "status", duplicate),
    ]


def test_a_json_error_shows_its_line_and_a_caret_at_the_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    lines = project.annotation_path("demo").read_text(encoding="utf-8").splitlines()
    truncated = lines[1][: lines[1].index(",")]  # '{"id": "demo:0001"': cut after a string
    write_demo(project, [lines[0], truncated, *lines[2:]])
    code, out = invoke(project, monkeypatch)
    assert code == 1
    missing = "invalid JSON: Expecting ',' delimiter (a missing comma, or a truncated line?)"
    assert out.splitlines()[:3] == [
        f"{DEMO}:2:19: {missing} [json-syntax]",
        "    " + truncated,
        "    " + " " * 18 + "^",
    ]
    code, out = invoke(project, monkeypatch, "--format", "json")
    assert json.loads(out)["errors"][0]["path"] == ""
    # A string that ends, then a word after a space: the quote before the space is named.
    spaced = lines[1].replace('"Moscow did not', '"Moscow" did not')
    write_demo(project, [lines[0], spaced, *lines[2:]])
    quote = spaced.index('" did not') + 1
    assert diagnosed(project)[0][:3] == (2, quote, quote + 1)
    # Another error after a string is not an unescaped quote: "Extra data", words after it.
    write_demo(project, [lines[0], '"a string" and words', *lines[2:]])
    extra = "invalid JSON: Extra data (two records on one line? each record goes on its own line)"
    assert diagnosed(project)[1] == (2, 12, 13, "", extra)


def test_a_long_broken_line_keeps_its_first_10000_characters_to_show(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    lines = project.annotation_path("demo").read_text(encoding="utf-8").splitlines()
    long = lines[1].replace('"claims": []', '"reason": "' + "x" * 20000 + '" "claims": []')
    write_demo(project, [lines[0], long, *lines[2:]])
    (diagnostic, *_) = validate(project).diagnostics
    assert diagnostic.column == long.index('"claims"') + 1
    assert diagnostic.source == long[:10000]


def test_a_lone_surrogate_in_a_list_is_named_by_its_index(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    lines = project.annotation_path("demo").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["claims"][0]["evidence"][0]["quote"] = "\ud800"
    line = json.dumps(record)  # ensure_ascii: the surrogate written as \ud800
    write_demo(project, [line, *lines[1:]])
    at = line.index('"\\ud800"') + 1
    assert diagnosed(project) == [
        (
            1,
            at,
            at + 8,
            "claims[0].evidence[0].quote",
            "lone surrogate \\ud800 in a string: not a Unicode character; fix the \\u escape",
        ),
        (
            1,
            at,
            at + 8,
            "claims[0].evidence[0].quote",
            "quote '\\ud800' not found in sentence demo:0001",
        ),
    ]


def test_invalid_utf8_is_about_the_whole_line_in_the_json_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_bytes().splitlines()
    lines[1] = lines[1].replace(b"Seoul over", b"S\xe9oul over")  # Latin-1, not UTF-8
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    code, out = invoke(project, monkeypatch, "--format", "json")
    assert code == 1
    column = lines[1].index(b"\xe9") + 1
    assert json.loads(out)["errors"][-1] == {
        "file": DEMO,
        "line": 2,
        "column": column,
        "path": "",
        "code": "encoding",
        "message": "invalid UTF-8 (byte 0xe9): save the file as UTF-8",
    }


def test_a_line_that_is_no_object_and_crlf_endings_are_about_whole_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = '  ["demo:0003"]'  # indented: the value starts at column 3, the line at 1
    path.write_bytes("".join(line + "\r\n" for line in lines).encode())
    code, out = invoke(project, monkeypatch, "--format", "json")
    assert code == 1
    errors = json.loads(out)["errors"]
    assert [(e["line"], e["column"], e["path"], e["message"]) for e in errors[-2:]] == [
        (
            1,
            1,
            "",
            "CRLF line endings on 4 line(s), first here: use LF (`claimset fmt` converts "
            "them; set your editor or git's core.autocrlf)",
        ),
        (4, 1, "", "a record must be a JSON object {...}, not an array"),
    ]


def reported(project: Project, code: str = "") -> list[dict[str, object]]:
    """Each diagnostic (of `code`, if given) as the JSON report shows it, with its severity."""
    return [
        {**d.to_dict(), "severity": d.severity}
        for d in validate(project).diagnostics
        if code in ("", d.code)
    ]


def whole_file(file: str, code: str, message: str, severity: str = "error") -> dict[str, object]:
    """A problem of a whole file: at its line 1, column 1, with no JSON path."""
    where = {"file": file, "line": 1, "column": 1, "path": ""}
    return {**where, "code": code, "message": message, "severity": severity}


def test_a_seed_not_utf8_and_with_a_bom_each_in_the_json_report(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "utf8")
    seed = project.seeds_dir / "demo.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Tokyo", b"T\xf6kyo"))
    assert reported(project) == [
        whole_file(
            DEMO,
            "missing-seed",
            "seeds/demo.txt is not valid UTF-8: sentence offsets are not checked",
        ),
        {
            "file": "seeds/demo.txt",
            "line": 2,
            "column": 49,  # the byte after the T, counted in characters of its line
            "path": "",
            "code": "encoding",
            "message": "invalid UTF-8 at byte 181: save the seed as UTF-8",
            "severity": "error",
        },
    ]
    project = copy_fixture(tmp_path / "bom")
    add_document(project, "marked", b"\xef\xbb\xbfA sentence.", [])
    assert reported(project, "bom") == [
        whole_file(
            "seeds/marked.txt",
            "bom",
            "byte order mark at the start of the seed: it is not part of the text (offsets "
            "ignore it); save the seed without BOM",
            "warning",
        )
    ]


def test_a_file_named_by_no_document_id_is_told_to_be_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    (project.seeds_dir / "Bad Name.txt").write_text("A sentence.\n")
    project.annotation_path("demo").rename(project.annotations_dir / "demo 2.jsonl")
    rule = "a document id (letters, digits, '.', '_', '-'; starting with a letter or digit)"
    assert reported(project, "value") == [
        whole_file(
            "corpus/annotations/demo 2.jsonl", "value", f"'demo 2' is not {rule}: rename the file"
        ),
        whole_file("seeds/Bad Name.txt", "value", f"'Bad Name' is not {rule}: rename the file"),
    ]
    assert invoke(project, monkeypatch)[0] == 1


def test_each_whole_file_problem_of_a_document_has_no_json_path(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "link")
    path = project.annotation_path("demo")
    path.unlink()
    path.symlink_to("../../moved/demo.jsonl")
    assert reported(project) == [
        whole_file(
            DEMO,
            "broken-link",
            "a symbolic link to ../../moved/demo.jsonl, which does not exist: its sentences "
            "are not checked; restore the file it points to, or replace the link with the file",
        )
    ]
    project = copy_fixture(tmp_path / "unknown")
    (project.seeds_dir / "new.txt").write_text("A new essay.\n")
    project.documents_path.write_text("")
    assert reported(project) == [
        whole_file(
            DEMO,
            "unknown-document",
            "no record for 'demo' in corpus/documents.jsonl: run `claimset split` to add it",
        ),
        whole_file(
            "seeds/new.txt",
            "not-split",
            "this seed has no annotation file yet: run `claimset split`",
            "warning",
        ),
    ]
    project = copy_fixture(tmp_path / "stale")
    seed = project.seeds_dir / "demo.txt"
    seed.write_text(seed.read_text("utf-8") + "More.\n", "utf-8")
    assert reported(project, "stale-seed") == [
        whole_file(
            DEMO,
            "stale-seed",
            "seeds/demo.txt changed since it was split (its sha256 is 210a68dccd77…, "
            "corpus/documents.jsonl line 1 has 9bfb3b07ca6e…): run `claimset split`; offsets "
            "below may point at the old text",
        )
    ]
    project.annotation_path("demo").unlink()
    assert reported(project, "stale-seed") == [
        {
            "file": "corpus/documents.jsonl",
            "line": 1,
            "column": 1,
            "path": "sha256",
            "code": "stale-seed",
            "message": "seeds/demo.txt changed since it was split: run `claimset split`",
            "severity": "error",
        }
    ]
    project = copy_fixture(tmp_path / "count")
    path = project.annotation_path("demo")
    path.write_text("".join(path.read_text("utf-8").splitlines(True)[:-1]), "utf-8")
    assert reported(project, "sentence-count") == [
        whole_file(
            DEMO,
            "sentence-count",
            "3 sentence records, but corpus/documents.jsonl line 1 counts 4: lines were "
            "deleted or added by hand; `claimset split` brings deleted sentences back as todo "
            "and sets the count (or restore the file from git)",
        )
    ]
