"""`draft --redo`: a sentence drafted again to the claims it holds keeps its line and its ids,
each claim hashed once (to see it is still machine-made), never a second time to stamp it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from claimset import fingerprint as fingerprint_module
from claimset import jsonio
from claimset.draft import draft
from claimset.draft.afresh import todo_copy
from claimset.draft.files import CANONICAL, written_as_read
from claimset.fingerprint import fingerprint
from claimset.project import Project

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_a59439a6f7a726ad"


def seed_project(dest: Path) -> Path:
    """A project holding the seed essay with every sentence `todo`; its annotation file."""
    return todo_copy(ROOT, dest, [SEED]).annotation_path(SEED)


def counting_fingerprints(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the claims hashed (`stamp` and `machine_made` both call `fingerprint`)."""
    count = [0]
    real = fingerprint_module.fingerprint

    def counted(claim: dict[str, object]) -> str:
        count[0] += 1
        return real(claim)

    monkeypatch.setattr(fingerprint_module, "fingerprint", counted)
    return count


def test_redo_that_finds_the_same_claims_hashes_each_claim_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = seed_project(tmp_path / "p")
    project = Project(tmp_path / "p")
    draft(project)
    first = path.read_bytes()
    claims = sum(len(r["claims"]) for r in jsonio.read_jsonl(path))
    assert claims > 20
    mtime = path.stat().st_mtime_ns
    count = counting_fingerprints(monkeypatch)
    result = draft(project, redo=True)
    assert result.outcomes[0].drafted == len(jsonio.read_jsonl(path))
    assert count[0] == claims  # each once, to know it is still machine-made
    assert path.read_bytes() == first and path.stat().st_mtime_ns == mtime  # not rewritten


def test_redo_stamps_claims_that_changed_place_or_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = seed_project(tmp_path / "p")
    project = Project(tmp_path / "p")
    draft(project)
    first = path.read_bytes()
    records = jsonio.read_jsonl(path)
    two = next(k for k, r in enumerate(records) if len(r["claims"]) >= 2)
    records[two]["claims"].reverse()  # still machine-made each, but at the other's place
    one = next(k for k, r in enumerate(records) if len(r["claims"]) == 1)
    records[one]["claims"] = []  # a draft someone emptied: it is drafted again
    jsonio.write_jsonl(path, records)
    count = counting_fingerprints(monkeypatch)
    draft(project, redo=True)
    assert path.read_bytes() == first  # the ids of the first draft, as they belong
    assert count[0] > sum(len(r["claims"]) for r in records)  # the moved ones stamped again
    for record in jsonio.read_jsonl(path):
        for n, claim in enumerate(record["claims"], start=1):
            assert claim["id"] == f"c{n}-{fingerprint(claim)}"


def canonical_lines() -> list[bytes]:
    """Every canonical line of the project's annotation files and of its test data."""
    paths = sorted(ROOT.glob("corpus/annotations/*.jsonl"))
    paths += sorted((ROOT / "tests" / "data").glob("**/corpus/annotations/*.jsonl"))
    assert CANONICAL is not None
    return [
        raw
        for path in paths
        for raw in path.read_bytes().splitlines()
        if CANONICAL.fullmatch(raw) is not None
    ]


def test_a_line_kept_as_read_is_what_the_writer_writes() -> None:
    lines = canonical_lines()
    assert len(lines) > 500
    for raw in lines:
        if written_as_read(raw):
            assert jsonio.line_bytes(orjson.loads(raw)) == raw + b"\n"


def test_a_line_with_a_long_escape_is_written_again() -> None:
    # The pattern admits `\u000a` for a line break, the writer spells it `\n`: such a line
    # is not kept as read, or `draft` would write other bytes than before.
    raw = next(line for line in canonical_lines() if b'"text": "' in line)
    text = orjson.loads(raw)["text"]
    long = raw.replace(orjson.dumps(text), orjson.dumps(text)[:-1] + b'\\u000a"', 1)
    assert CANONICAL is not None and CANONICAL.fullmatch(long) is not None
    assert not written_as_read(long)
    assert jsonio.line_bytes(orjson.loads(long)) != long + b"\n"
