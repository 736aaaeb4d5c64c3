"""Property tests: whatever a file holds, validate never raises and locates every problem."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from claimset import validate as validate_module
from claimset.validate import validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import FIXTURE, copy_fixture

BASE = (FIXTURE / "corpus" / "annotations" / "demo.jsonl").read_text().splitlines()
RECORDS = [json.loads(line) for line in BASE]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 300),
    st.floats(allow_nan=False, allow_infinity=False),  # JSON has neither (samples test them)
    st.text(max_size=8),
    st.sampled_from(
        ["russia", "china", "desire", "demo:0001", "demo:0009", "c1", "done", "Moscow", ""]
    ),
    st.just([]),
    st.just({}),
)


def paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path into a JSON value."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


@st.composite
def mutated_record(draw: st.DrawFn) -> str:
    """A record with one structural change: a key dropped, renamed, or a value replaced."""
    record = json.loads(json.dumps(draw(st.sampled_from(RECORDS))))
    path = draw(st.sampled_from(paths(record)[1:]))
    parent = record
    for part in path[:-1]:
        parent = parent[part]  # type: ignore[index]
    key = path[-1]
    action = draw(st.sampled_from(["drop", "rename", "replace"]))
    if action == "drop":
        del parent[key]  # type: ignore[arg-type]
    elif action == "rename" and isinstance(parent, dict):
        parent[key + draw(st.sampled_from(["x", "_", "s"]))] = parent.pop(key)  # type: ignore[operator]
    else:
        parent[key] = draw(VALUES)  # type: ignore[index]
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


@st.composite
def mutated_file(draw: st.DrawFn) -> bytes:
    lines = [line.encode() for line in BASE]
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["record", "truncate", "insert", "shuffle", "bytes", "dup"]))
        if kind == "record":
            lines[index] = draw(mutated_record()).encode()
        elif kind == "truncate":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[index])))
            junk = draw(st.binary(min_size=1, max_size=4))
            lines[index] = lines[index][:at] + junk + lines[index][at:]
        elif kind == "shuffle":
            random.Random(draw(st.integers(0, 100))).shuffle(lines)
        elif kind == "bytes":
            lines.insert(index, draw(st.binary(max_size=40)))
        else:
            lines.insert(index, lines[index])
    return b"\n".join(lines) + draw(st.sampled_from([b"\n", b"", b"\r\n"]))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=mutated_file())
def test_validate_never_raises_and_locates_every_problem(tmp_path: Path, data: bytes) -> None:
    project = copy_fixture(Path(tempfile.mkdtemp(dir=tmp_path)))
    project.annotation_path("demo").write_bytes(data)
    report = validate(project)
    for diag in report.diagnostics:
        assert diag.file in ("corpus/annotations/demo.jsonl", "corpus/documents.jsonl")
        assert diag.line >= 1 and diag.column >= 1
        assert diag.message and diag.code
    changed = data != "\n".join(BASE).encode() + b"\n"
    if not changed:
        assert report.valid


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=mutated_file())
def test_the_fast_path_reports_what_the_slow_path_reports(tmp_path: Path, data: bytes) -> None:
    project = copy_fixture(Path(tempfile.mkdtemp(dir=tmp_path)))
    project.annotation_path("demo").write_bytes(data)
    fast = [d.format() for d in validate(project).diagnostics]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validate_module._AnnotationCheck, "quick", lambda *args: False)
        assert [d.format() for d in validate(project).diagnostics] == fast
        patch.setattr(validate_module.fastcheck, "pattern", lambda model: None)
        assert [d.format() for d in validate(project).diagnostics] == fast
