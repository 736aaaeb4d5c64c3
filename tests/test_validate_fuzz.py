"""Property tests: whatever a file holds, validate never raises and locates every problem."""

from __future__ import annotations

import json
import random
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from claimset.jsonio import loads_strict
from claimset.models import SentenceRecord
from claimset.validate import fast_path, validate
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from samples import FIXTURE, INVALID, VALID, copy_fixture

REPO = Path(__file__).resolve().parents[1]
BASE = (FIXTURE / "corpus" / "annotations" / "demo.jsonl").read_text().splitlines()
RECORDS = [json.loads(line) for line in BASE]
SEED = (FIXTURE / "seeds" / "demo.txt").read_text(encoding="utf-8")
ACTORS = {
    json.loads(line)["id"]
    for line in (FIXTURE / "corpus" / "actors.jsonl").read_text(encoding="utf-8").splitlines()
}
SCHEMA = Draft202012Validator(
    json.loads((REPO / "schema" / "sentence.schema.json").read_text(encoding="utf-8"))
)
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
    reason = next(problems(data), None)
    event("judged invalid" if reason is not None else "not judged invalid")
    if reason is not None:
        assert not report.valid, reason
        assert any(d.file == "corpus/annotations/demo.jsonl" for d in report.errors), reason


# -- an independent judge of invalidity -----------------------------------------------------------
#
# Written from the SPEC and docs/diagnostics.md, not from validate's code: the JSON Schema files
# and the pydantic models for structure, and the plainest reading of each rule across fields and
# records. It may miss problems (then the test above asks nothing), but every problem it names
# must be an error of `validate`.


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _structure(raw: bytes, lineno: int) -> str | dict[str, Any]:
    """What is wrong with the line as JSON or against the schema; else the record."""
    if raw.endswith(b"\r"):
        return "a CR line ending"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8"
    if lineno == 1 and text.startswith("\ufeff"):
        return "a byte order mark"
    try:
        record = loads_strict(text)
    except (ValueError, RecursionError) as exc:  # syntax, NaN, duplicate keys
        return f"not JSON: {exc}"
    if not isinstance(record, dict):
        return "not an object"
    for string in _strings(record):
        try:
            string.encode("utf-8")
        except UnicodeEncodeError:
            return "a lone surrogate"
    if not SCHEMA.is_valid(record):
        return "invalid by schema/sentence.schema.json"
    try:
        model = SentenceRecord.model_validate(record)
    except ValidationError:
        return "invalid by the pydantic model"
    return model.model_dump(mode="json")  # with the defaults of absent optional fields


def _holds(text: str, quote: str, start: int | None, end: int | None) -> str | None:
    """What is wrong with a span's quote and offsets in `text`, if surely an error."""
    if not quote.strip():
        return "a blank quote"
    # Any run of whitespace in the quote stands for any run of whitespace in the text.
    pattern = r"\s+".join(re.escape(part) for part in re.split(r"\s+", quote))
    ends = {match.end(1) for match in re.finditer(f"(?=({pattern}))", text)}
    if not ends:
        return f"quote {quote!r} not in {text!r}"
    if start is not None and end is not None and not re.fullmatch(pattern, text[start:end]):
        return f"offsets {start}..{end} do not hold {quote!r}"
    if start is None and end is None and len(ends) > 1:
        return f"quote {quote!r} occurs {len(ends)} times, no start says which"
    return None


def _claim_problems(
    claim: dict[str, Any], text: str, own: str, texts: dict[str, str]
) -> Iterator[str]:
    actor, expectation = claim["actor"], claim["expectation"]
    if actor["ref"] not in ACTORS:
        yield f"unknown actor {actor['ref']!r}"
    if expectation["target"] is not None and expectation["target"] not in ACTORS:
        yield f"unknown target {expectation['target']!r}"
    spans = [expectation, *claim["hedge"]["cues"]]
    if actor["quote"] is None:
        if actor["start"] is not None or actor["end"] is not None:
            yield "actor offsets without a quote"
    else:
        spans.append(actor)
    for span in spans:
        if problem := _holds(text, span["quote"], span["start"], span["end"]):
            yield problem
    for item in claim["evidence"]:
        cited = item["sentence"]
        if cited is None or cited == own:
            where: str | None = text
        else:
            where = texts.get(cited)
        if where is None:
            yield f"evidence from {cited!r}, not a sentence of this file"
        elif problem := _holds(where, item["quote"], item["start"], item["end"]):
            yield problem


def problems(data: bytes) -> Iterator[str]:
    """Problems of an annotation file of the fixture's document that are surely errors."""
    lines = data.split(b"\n")
    numbered = [(n, raw) for n, raw in enumerate(lines, 1) if raw.strip()]
    if len(numbered) != 4:
        yield f"{len(numbered)} sentences, documents.jsonl counts 4"
    records = []
    for lineno, raw in numbered:
        found = _structure(raw, lineno)
        if isinstance(found, str):
            yield f"line {lineno}: {found}"
        else:
            records.append(found)
    if len(records) < len(numbered):
        return  # the rules across records assume every record is known
    texts = {r["id"]: r["text"] for r in records}
    previous_end = 0
    for ordinal, record in enumerate(records):
        rid, start, end, text = record["id"], record["start"], record["end"], record["text"]
        prefix, _, digits = rid.rpartition(":")
        if prefix != "demo" or int(digits) != ordinal:
            yield f"sentence {ordinal} has id {rid!r}"
        if record["doc"] != "demo":
            yield f"{rid}: doc {record['doc']!r}"
        if end < start or start < previous_end:
            yield f"{rid}: offsets {start}..{end} out of order"
        previous_end = end
        if SEED[start:end] != text:
            yield f"{rid}: text is not seed[{start}:{end}]"
        status, claims = record["status"], record["claims"]
        if status in ("done", "reviewed") and record["annotator"] is None:
            yield f"{rid}: status {status!r} without an annotator"
        if status == "todo" and claims:
            yield f"{rid}: status 'todo' with claims"
        ids = [c["id"] for c in claims if c["id"] is not None]
        if len(set(ids)) < len(ids):
            yield f"{rid}: a claim id used twice"
        for claim in claims:
            yield from (f"{rid}: {p}" for p in _claim_problems(claim, text, rid, texts))


def test_the_judge_of_invalidity_agrees_with_the_samples() -> None:
    assert list(problems("\n".join(BASE).encode() + b"\n")) == []
    valid = [s for s in VALID if s.name == "formatted.jsonl"]
    assert valid and all(list(problems(s.read_bytes())) == [] for s in valid)
    for sample in INVALID:
        if not sample.name.startswith(("actors_", "documents_")):
            assert next(problems(sample.read_bytes()), None), sample.name


@st.composite
def one_change(draw: st.DrawFn) -> bytes:
    """The fixture's file with one value of one record changed, dropped or renamed."""
    lines = list(BASE)
    index = draw(st.integers(0, len(lines) - 1))
    lines[index] = draw(mutated_record())
    return "\n".join(lines).encode() + b"\n"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=one_change())
def test_one_change_that_breaks_a_rule_is_reported(tmp_path: Path, data: bytes) -> None:
    # Each problem alone, without others to hide a check that misses it.
    project = copy_fixture(Path(tempfile.mkdtemp(dir=tmp_path)))
    project.annotation_path("demo").write_bytes(data)
    report = validate(project)
    reason = next(problems(data), None)
    event("judged invalid" if reason is not None else "not judged invalid")
    if reason is not None:
        assert [d for d in report.errors if d.file == "corpus/annotations/demo.jsonl"], reason


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=mutated_file())
def test_the_fast_path_reports_what_the_slow_path_reports(tmp_path: Path, data: bytes) -> None:
    project = copy_fixture(Path(tempfile.mkdtemp(dir=tmp_path)))
    project.annotation_path("demo").write_bytes(data)
    fast = [d.format() for d in validate(project).diagnostics]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_path, "accepts", lambda *args: False)
        patch.setattr(fast_path, "accepts_canonical", lambda *args: False)
        assert [d.format() for d in validate(project).diagnostics] == fast
        patch.setattr(fast_path, "pattern", lambda model: None)
        assert [d.format() for d in validate(project).diagnostics] == fast
        patch.setattr(fast_path, "valid_record", lambda model, raw: None)
        assert [d.format() for d in validate(project).diagnostics] == fast
