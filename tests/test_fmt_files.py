"""`fmt` over many files: one it cannot parse is named and left alone, the others formatted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.cli import cli
from claimset.fmt import fmt
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
