"""`fmt` over many files: one it cannot parse is named and left alone, the others formatted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.fmt import fmt
from claimset.limits import MAX_LINE_BYTES
from claimset.project import Project
from click.testing import CliRunner
from conftest import REPO, SEED_PATH

GOLD = REPO / "corpus" / "annotations" / f"{SEED_PATH.stem}.jsonl"


def _unformatted(n: int = 3) -> bytes:
    """The first `n` gold records with their keys sorted: valid, but not canonical."""
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()[:n]]
    return "".join(json.dumps(r, sort_keys=True) + "\n" for r in records).encode()


def _write(project: Project, files: dict[str, bytes]) -> dict[str, Path]:
    paths = {}
    for name, data in files.items():
        path = project.annotations_dir / f"{name}.jsonl"
        path.write_bytes(data)
        paths[name] = path
    return paths


BROKEN = {
    "json": b'{"id": "x:0001", "doc": oops}\n',
    "utf8": b'{"id": "x:0001", "text": "caf\xe9"}\n',
    "duplicate": b'{"id": "x:0001", "id": "x:0002"}\n',
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_files_after_an_unparseable_one_are_still_formatted(
    new_project: Project, kind: str
) -> None:
    good = _unformatted()
    bad = _unformatted(1) + BROKEN[kind]
    paths = _write(new_project, {"a": good, "b": bad, "c": good, "d": bad, "e": good})
    result = CliRunner().invoke(cli, ["fmt"])
    assert result.exit_code == 1, result.output
    assert paths["b"].read_bytes() == bad
    assert paths["d"].read_bytes() == bad
    formatted = {name: paths[name].read_bytes() for name in "ace"}
    assert len(set(formatted.values())) == 1
    assert formatted["a"] != good
    assert "reformatted corpus/annotations/a.jsonl" in result.output
    assert "reformatted corpus/annotations/e.jsonl" in result.output
    for name in "bd":
        assert f"corpus/annotations/{name}.jsonl:2:" in result.output, result.output
        if kind != "utf8":
            assert f"corpus/annotations/{name}.jsonl: not formatted" in result.output
    assert "3 files reformatted" in result.output
    assert "2 refused (cannot be parsed)" in result.output
    # Formatted files are now canonical: a second run only refuses the broken ones.
    again = fmt(new_project)
    assert [f.path for f in again.changed] == []
    assert sorted(f.path for f in again.refused) == [
        "corpus/annotations/b.jsonl",
        "corpus/annotations/d.jsonl",
    ]


def test_every_bad_line_of_a_file_is_reported(new_project: Project) -> None:
    data = BROKEN["json"] + _unformatted(1) + BROKEN["duplicate"]
    (path,) = _write(new_project, {"a": data}).values()
    result = fmt(new_project)
    assert not result.ok
    (refused,) = result.refused
    assert refused.messages == [
        "corpus/annotations/a.jsonl:1:25: invalid JSON: Expecting value",
        "corpus/annotations/a.jsonl:3: duplicate key 'id': JSON parsers silently keep only "
        "the last one",
        "corpus/annotations/a.jsonl: not formatted: fix the lines above (see `claimset validate`)",
    ]
    assert path.read_bytes() == data


def test_check_reports_every_file_and_writes_none(new_project: Project) -> None:
    good, bad = _unformatted(), _unformatted(1) + BROKEN["json"]
    paths = _write(new_project, {"a": bad, "b": good})
    result = CliRunner().invoke(cli, ["fmt", "--check"])
    assert result.exit_code == 1
    assert paths["a"].read_bytes() == bad
    assert paths["b"].read_bytes() == good
    assert "1 file would be reformatted" in result.output, result.output
    assert "1 refused" in result.output


def test_fmt_of_only_good_files_exits_0(new_project: Project) -> None:
    _write(new_project, {"a": _unformatted(), "b": _unformatted()})
    assert CliRunner().invoke(cli, ["fmt"]).exit_code == 0
    assert CliRunner().invoke(cli, ["fmt", "--check"]).exit_code == 0


NOT_FORMATTED = "not formatted: fix the lines above (see `claimset validate`)"


def test_a_merge_conflict_is_reported_once_at_its_start(new_project: Project) -> None:
    first, second = _unformatted(2).decode().splitlines(keepends=True)
    data = f"{first}<<<<<<< HEAD\n{second}=======\n{second}>>>>>>> other\n".encode()
    (path,) = _write(new_project, {"a": data}).values()
    (refused,) = fmt(new_project).refused
    assert refused.messages == [
        "corpus/annotations/a.jsonl:2: unresolved merge conflict ('<<<<<<< HEAD'): keep the "
        "lines you want, delete the other side and the marker lines; `claimset merge --setup` "
        "lets git merge these files by record",
        f"corpus/annotations/a.jsonl: {NOT_FORMATTED}",
    ]
    assert path.read_bytes() == data


def test_a_line_nested_too_deeply_is_refused(new_project: Project) -> None:
    data = _unformatted(1) + b"[" * 100_000 + b"]" * 100_000 + b"\n"
    (path,) = _write(new_project, {"a": data}).values()
    (refused,) = fmt(new_project).refused
    assert refused.messages == [
        "corpus/annotations/a.jsonl:2: nested too deeply to be a record",
        f"corpus/annotations/a.jsonl: {NOT_FORMATTED}",
    ]
    assert path.read_bytes() == data


def test_a_line_over_the_limit_is_refused_unread(new_project: Project) -> None:
    data = _unformatted(1) + b'{"x": "' + b"a" * (MAX_LINE_BYTES + 10) + b'"}\n'
    (path,) = _write(new_project, {"a": data}).values()
    (refused,) = fmt(new_project).refused
    assert refused.messages == [
        f"corpus/annotations/a.jsonl:2: line longer than {MAX_LINE_BYTES} bytes: not a record "
        "(a missing newline between records, or pasted data?); not formatted"
    ]
    assert path.read_bytes() == data


def test_lines_out_of_document_order_are_put_back(new_project: Project) -> None:
    first, second = _unformatted(2).decode().splitlines(keepends=True)
    (path,) = _write(new_project, {"a": (second + first).encode()}).values()
    result = fmt(new_project)
    (changed,) = result.changed
    assert changed.messages == [
        "corpus/annotations/a.jsonl: put 2 lines back in document order (by their offsets)"
    ]
    assert [json.loads(x)["start"] for x in path.read_text("utf-8").splitlines()] == sorted(
        json.loads(x)["start"] for x in (first, second)
    )
    # Offsets that are not integers leave the order alone (validate reports them).
    broken = {**json.loads(second), "start": "s"}
    path.write_text(json.dumps(broken) + "\n" + first, "utf-8")
    fmt(new_project)
    starts = [json.loads(x).get("start") for x in path.read_text("utf-8").splitlines()]
    assert starts[0] == "s" and isinstance(starts[1], int)


def test_evidence_citing_a_later_sentence_is_anchored_past_a_blank_line(
    new_project: Project,
) -> None:
    # fmt streams a file keeping the texts of the sentences read so far; evidence citing a
    # later one is anchored after a second reading of the file, which skips blank lines.
    records = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()[:4]]
    claim = records[2]["claims"][0]
    claim["evidence"] = claim["evidence"][:1]
    cited = claim["evidence"][0]
    assert cited["sentence"] == records[3]["id"]
    expected = (cited.pop("start"), cited.pop("end"))
    lines = [json.dumps(r) + "\n" for r in records]
    (path,) = _write(new_project, {"a": "".join([*lines[:3], "\n", lines[3]]).encode()}).values()
    result = fmt(new_project)
    (changed,) = result.changed
    assert result.ok and changed.path == "corpus/annotations/a.jsonl"
    assert changed.messages == []  # LF line ends, no BOM: nothing to say
    formatted = [json.loads(x) for x in path.read_text("utf-8").splitlines()]
    evidence = formatted[2]["claims"][0]["evidence"][0]
    assert (evidence["start"], evidence["end"]) == expected == (7, 65)
    assert records[3]["text"][7:65] == evidence["quote"]


def test_a_repeated_key_behind_an_escaped_colon_is_refused(new_project: Project) -> None:
    # The fast reader keeps the last of a repeated key, and counts colons to notice one; an
    # escaped colon in the kept value would make up for the dropped key: such lines go to the
    # strict reader.
    line = _unformatted(1).rstrip(b"\n")
    data = line[:-1] + b', "x": "b", "x": "a\\u003a"}\n'
    (path,) = _write(new_project, {"a": data}).values()
    (refused,) = fmt(new_project).refused
    assert refused.messages[0] == (
        "corpus/annotations/a.jsonl:1: duplicate key 'x': JSON parsers silently keep only "
        "the last one"
    )
    assert path.read_bytes() == data


def test_a_streamed_file_loses_its_bom_crlf_and_blank_lines(new_project: Project) -> None:
    canonical = _unformatted(3)
    (path,) = _write(new_project, {"a": canonical}).values()
    fmt(new_project)
    canonical = path.read_bytes()  # now in fmt's own form
    first, second, third = canonical.splitlines(keepends=True)
    crlf = [line.replace(b"\n", b"\r\n") for line in (first, second, third)]
    data = "\ufeff".encode() + crlf[0] + b"\r\n" + crlf[1] + b"  \n" + crlf[2]
    path.write_bytes(data)
    check = fmt(new_project, check=True)
    (would,) = check.changed
    assert path.read_bytes() == data  # --check writes nothing
    result = fmt(new_project)
    (changed,) = result.changed
    assert (
        changed.messages
        == would.messages
        == [
            "corpus/annotations/a.jsonl: removed the byte order mark",
            "corpus/annotations/a.jsonl: converted CRLF line endings to LF",
        ]
    )
    assert path.read_bytes() == canonical
    # A BOM after the first line is not one: the line is not JSON and fmt says where.
    path.write_bytes(first + "\ufeff".encode() + second)
    (refused,) = fmt(new_project).refused
    assert refused.messages[0].startswith("corpus/annotations/a.jsonl:2:1: invalid JSON")


def test_progress_is_told_before_each_file(new_project: Project) -> None:
    _write(new_project, {"a": _unformatted(), "b": _unformatted()})
    told: list[tuple[int, int]] = []
    result = fmt(new_project, on_progress=lambda done, total: told.append((done, total)))
    assert len(result.files) == 5  # the two annotation files and the three registries
    assert told == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5)]
