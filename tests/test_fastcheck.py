"""The fast path may only say "valid" when pydantic does, and does for every canonical line;
on canonical lines it reports exactly what the precise path reports."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from claimset.canonical import canonical, fields
from claimset.jsonio import dumps, loads_strict
from claimset.models import MODELS, Actor, Annotator, Document, OrphanRecord, SentenceRecord
from claimset.project import Project
from claimset.validate import derive, fast_path, patterns, validate
from claimset.validate.state import AnnotationState
from hypothesis import given, settings
from hypothesis import strategies as st
from orjson import loads as orjson_loads
from pydantic import BaseModel, ValidationError
from samples import FIXTURE, INVALID, copy_fixture, sample_project, target
from test_validate_fuzz import ACTORS, RECORDS, SEED, mutated_record, paths


@pytest.fixture(autouse=True)
def fresh_patterns() -> None:
    """Compile the patterns anew for each test: a pattern cached by an earlier test (or by the
    process that started this one) would hide a fault in the code that builds it."""
    fast_path.pattern.cache_clear()


def pydantic_accepts(record: object, model: type[BaseModel] = SentenceRecord) -> bool:
    try:
        model.model_validate(record)
    except ValidationError:
        return False
    return True


def test_every_model_has_a_pattern() -> None:
    for model in MODELS.values():
        assert fast_path.pattern(model.__name__) is not None, model


def test_the_generated_patterns_are_the_models() -> None:
    # patterns.py is generated so that a valid corpus is checked without pydantic; it must be
    # what the models give now (else: `python -m claimset.validate.derive`).
    derived = {m.__name__: derive.derived(m) for m in derive.READ}
    assert {name: p for name, p in derived.items() if p is not None} == patterns.PATTERNS
    assert Path(patterns.__file__).read_text(encoding="utf-8") == derive.source()
    assert set(derived) == {m.__name__ for m in (*MODELS.values(), OrphanRecord)}


def pydantic_modules_of_validate(project: Project) -> list[str]:
    """The pydantic modules (and `claimset.models`, `claimset.canonical`) a fresh `claimset
    validate` of the project imports; it must pass."""
    code = (
        "import sys\n"
        "from claimset.cli import main\n"
        "sys.argv = ['claimset', 'validate']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'"
        " or m in ('claimset.models', 'claimset.canonical')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=project.root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found: list[str] = json.loads(done.stdout.splitlines()[-1].replace("'", '"'))
    return found


def test_a_valid_corpus_is_validated_without_pydantic(tmp_path: Path) -> None:
    # The point of the generated patterns: a fresh `claimset validate` of a valid canonical
    # corpus never imports pydantic (nor the canonical shapes built from it).
    assert pydantic_modules_of_validate(copy_fixture(tmp_path)) == []


def test_valid_canonical_lines_match() -> None:
    for record in RECORDS:
        assert fast_path.canonical_and_valid(SentenceRecord, dumps(record).encode())


@settings(max_examples=200, deadline=None)
@given(line=mutated_record())
def test_the_pattern_agrees_with_pydantic_on_canonical_lines(line: str) -> None:
    record = canonical(json.loads(line), SentenceRecord)
    matched = fast_path.canonical_and_valid(SentenceRecord, dumps(record).encode())
    assert matched == pydantic_accepts(record), record


@settings(max_examples=200, deadline=None)
@given(line=mutated_record())
def test_a_line_as_mutated_matches_only_if_valid(line: str) -> None:
    if fast_path.canonical_and_valid(SentenceRecord, line.encode()):
        assert pydantic_accepts(json.loads(line))


@st.composite
def respelled(draw: st.DrawFn) -> bytes:
    """A canonical line respelled: other whitespace, a duplicate key, other escapes."""
    record = draw(st.sampled_from(RECORDS))
    canonical_line = dumps(record)
    kind = draw(st.sampled_from(["compact", "spaces", "dup", "escape", "moved", "dupcompact"]))
    if kind == "compact":
        variant = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    elif kind == "spaces":
        variant = canonical_line.replace(", ", ",  ", 1)
    elif kind == "moved":
        variant = "{ " + canonical_line[1:].replace(": ", ":", 1)
    elif kind == "dup":
        variant = canonical_line[:-1] + ', "status": "todo"}'
    elif kind == "dupcompact":
        extra = ', "status": "done"'
        variant = canonical_line.replace(", ", ",", len(extra))[:-1] + extra + "}"
    else:
        variant = json.dumps(record, ensure_ascii=True, separators=(", ", ": "))
        if variant == canonical_line:
            variant = variant.replace('"demo', '"\\u0064emo', 1)
    return variant.encode()


@settings(max_examples=100, deadline=None)
@given(line=respelled())
def test_respelled_lines_take_the_slow_path(line: bytes) -> None:
    assert not fast_path.canonical_and_valid(SentenceRecord, line)


# -- any other spelling: `valid_record` ----------------------------------------------------------


def as_typed(value: Any, rng: random.Random, model: type[BaseModel] | None = None) -> Any:
    """A record as a script or an annotator writes it: keys shuffled, defaults left out."""
    if isinstance(value, dict):
        specs = {f.name: f for f in fields(model)} if model is not None else {}
        items = []
        for key, item in value.items():
            spec = specs.get(key)
            default = spec is not None and not spec.required and item == spec.default()
            if default and rng.random() < 0.8:
                continue
            inner = spec.shape if spec is not None else None
            if inner is not None and inner.kind == "list" and inner.item is not None:
                item = (
                    [as_typed(x, rng, inner.item.model) for x in item]
                    if isinstance(item, list)
                    else item
                )
            else:
                item = as_typed(item, rng, inner.model if inner is not None else None)
            items.append((key, item))
        rng.shuffle(items)
        return dict(items)
    return value


def typed_line(record: Any, rng: random.Random, model: type[BaseModel] = SentenceRecord) -> bytes:
    separators = rng.choice([(",", ":"), (", ", ": "), (" ,", " : ")])
    text = json.dumps(as_typed(record, rng, model), ensure_ascii=False, separators=separators)
    return text.encode()


def typed_file(data: bytes, model: type[BaseModel], seed: int = 0) -> bytes:
    """Every line that parses rewritten as typed; the others as they are."""
    rng = random.Random(seed)
    out = []
    for raw in data.split(b"\n"):
        try:
            obj = loads_strict(raw.decode("utf-8"))
            line = typed_line(obj, rng, model) if isinstance(obj, dict) else raw
            line.decode("utf-8")
        except (ValueError, RecursionError, UnicodeError):  # NaN, lone surrogates, bad bytes
            line = raw
        out.append(line)
    return b"\n".join(out)


def test_valid_records_in_any_spelling_take_the_fast_path() -> None:
    rng = random.Random(3)
    for record in RECORDS:
        for _ in range(5):
            line = typed_line(record, rng)
            assert fast_path.valid_record("SentenceRecord", line) == json.loads(line), line


@settings(max_examples=300, deadline=None)
@given(line=mutated_record(), seed=st.integers(0, 1000))
def test_valid_record_vouches_only_for_what_pydantic_accepts(line: str, seed: int) -> None:
    for raw in (line.encode(), typed_line(json.loads(line), random.Random(seed))):
        obj = fast_path.valid_record("SentenceRecord", raw)
        if obj is not None:
            assert obj == loads_strict(raw.decode()) and pydantic_accepts(obj), raw
        else:
            assert not pydantic_accepts(json.loads(raw)), raw


@settings(max_examples=100, deadline=None)
@given(line=respelled())
def test_a_repeated_key_never_takes_the_fast_path(line: bytes) -> None:
    try:
        loads_strict(line.decode())
    except ValueError:
        assert fast_path.valid_record("SentenceRecord", line) is None, line


def test_a_repeated_key_hidden_behind_escaped_colons_takes_the_precise_path(
    tmp_path: Path,
) -> None:
    # orjson keeps the last of two keys: dropping `"annotator": "a:b"` removes two colons, and
    # the two colons the kept annotator spells as escapes are literal in orjson's serialization,
    # so the counts agree and the record is otherwise valid: only the escape rule sends the line
    # to the precise path, which reports the repeated key.
    records = fixture_records()
    line = dumps(canonical(records[1], SentenceRecord))
    line = line.replace('"annotator": "', '"annotator": "a:b", "annotator": "\\u003a\\u003a', 1)
    assert line.count(":") == dumps(json.loads(line)).count(":")
    assert fast_path.valid_record("SentenceRecord", line.encode()) is None
    project = copy_fixture(tmp_path)
    lines = project.annotation_path("demo").read_text(encoding="utf-8").splitlines()
    lines[1] = line
    project.annotation_path("demo").write_text("\n".join(lines) + "\n", encoding="utf-8")
    fast, precise = both_paths(project)
    assert fast == precise
    # ... and then (a colon is no character of an annotator id) the kept value's grammar.
    assert [(d.line, d.path, d.code) for d in validate(project).diagnostics] == [
        (2, "annotator", "duplicate-key"),
        (2, "annotator", "value"),
    ]
    assert fast_path.valid_record("SentenceRecord", b'{"id": "x"}\r') is None


@pytest.mark.parametrize("sample", INVALID, ids=lambda p: p.name)
def test_samples_as_typed_report_the_same_problems_on_both_paths(
    tmp_path: Path, sample: Path
) -> None:
    project = copy_fixture(tmp_path)
    path = target(project, sample)
    path.parent.mkdir(parents=True, exist_ok=True)  # corpus/orphans/ for an orphans_ sample
    path.write_bytes(typed_file(sample.read_bytes(), model_of(sample)))
    fast, precise = both_paths(project)
    assert fast == precise


def test_each_bad_line_as_typed_reports_the_same_on_both_paths(tmp_path: Path) -> None:
    rng = random.Random(5)
    for number, (_, index, data) in enumerate(SINGLE_FAULTS):
        lines = data.split(b"\n")
        lines[index - 1] = typed_file(lines[index - 1], SentenceRecord, rng.randrange(100))
        project = copy_fixture(tmp_path / str(number))
        project.annotation_path("demo").write_bytes(b"\n".join(lines))
        fast, precise = both_paths(project)
        assert fast == precise


def test_an_occurrence_off_the_canonical_pattern_is_judged_alike_on_both_paths(
    tmp_path: Path,
) -> None:
    # `occurrence` is input-only (fmt resolves it), so only a line off the canonical pattern
    # holds one; a span of every kind with one is judged alike on both paths. Occurrence 1
    # agrees with the offsets (nothing to report); each quote occurs once, so occurrence 2
    # names no occurrence: an error the fast path must leave to the precise one.
    spans: list[tuple[int, tuple[Any, ...]]] = [
        (3, ("claims", 0, "actor")),
        (3, ("claims", 0, "expectation")),
        (2, ("claims", 0, "hedge", "cues", 0)),
        (0, ("claims", 0, "evidence", 0)),
        (2, ("claims", 0, "evidence", 0)),  # in an earlier sentence: the fast path reads it
    ]
    for index, path in spans:
        for occurrence in (1, 2):
            records = fixture_records()
            records[2]["claims"][0]["evidence"] = [
                {"quote": "Seoul", "sentence": "demo:0000", "start": 0, "end": 5, "type": "event"}
            ]
            span: Any = records[index]
            for part in path:
                span = span[part]
            span["occurrence"] = occurrence
            project = copy_fixture(tmp_path / f"{index}{path}{occurrence}")
            lines = [dumps(canonical(r, SentenceRecord)) for r in records]
            lines[index] = json.dumps(records[index], separators=(",", ":"))
            project.annotation_path("demo").write_text("\n".join(lines) + "\n")
            fast, precise = both_paths(project)
            assert fast == precise
            found = [(d.line, d.path, d.code) for d in validate(project).diagnostics]
            at = ".".join(str(p) if type(p) is str else f"[{p}]" for p in path)
            at = at.replace(".[", "[") + ".occurrence"
            expected = [] if occurrence == 1 else [(index + 1, at, "offset-mismatch")]
            assert found == expected, (path, occurrence)


def test_a_valid_file_as_typed_takes_only_the_fast_path(tmp_path: Path) -> None:
    # Every line reaches the record checks as the canonical one does (line 1 cites a later
    # sentence, which only the precise checks follow).
    canonical_calls = quick_calls(copy_fixture(tmp_path / "canonical"))
    project = copy_fixture(tmp_path / "typed")
    path = project.annotation_path("demo")
    path.write_bytes(typed_file(path.read_bytes(), SentenceRecord))
    assert not fast_path.canonical_and_valid(SentenceRecord, path.read_bytes().split(b"\n")[0])
    assert quick_calls(project) == canonical_calls == [(1, False), (2, True), (3, True), (4, True)]
    assert validate(project).valid


def test_a_pattern_the_fast_path_cannot_express_means_no_fast_path() -> None:
    from pydantic import Field

    class Odd(BaseModel):
        name: str = Field(pattern=r"^.+$")

    assert derive.derived(Odd) is None
    assert not fast_path.canonical_and_valid(Odd, b'{"name": "x"}')


def test_negative_offsets_never_match_the_pattern() -> None:
    # Offsets and counts are ≥ 0: a canonical line with a negative one is not valid.
    for key in ("start", "end"):
        record = json.loads(dumps(RECORDS[0]))
        record[key] = -1
        assert not pydantic_accepts(record)
        assert not fast_path.canonical_and_valid(SentenceRecord, dumps(record).encode())
    document = {"id": "demo", "sha256": "0" * 64, "sentence_count": -4}
    line = dumps(canonical(document, Document)).encode()
    assert not fast_path.canonical_and_valid(Document, line)
    assert fast_path.canonical_and_valid(Document, line.replace(b"-4", b"4"))


def test_integers_beyond_64_bits_take_the_slow_path() -> None:
    # orjson reads them as floats (or refuses them): the fast path must not vouch for them.
    record = json.loads(dumps(RECORDS[0]))
    record["start"] = 10**30
    assert not fast_path.canonical_and_valid(SentenceRecord, dumps(record).encode())
    record["start"] = 10**17
    assert fast_path.canonical_and_valid(SentenceRecord, dumps(record).encode()) == (
        pydantic_accepts(record)
    )


# -- the fast path against the precise path, on canonical lines ------------------------------------
#
# The golden samples in tests/data/invalid are written by hand, mostly not in canonical form, so
# on their own they would leave the fast path's rejecting branches unexercised. Below, each
# sample is rewritten as `claimset fmt` would write it, and each bad line is also put alone into
# the (canonical, valid) fixture file, so that the fast path sees it with everything before it
# valid. The fast path must then report exactly what the precise path reports.


def model_of(sample: Path) -> type[BaseModel]:
    if sample.name.startswith("actors_"):
        return Actor
    if sample.name.startswith("documents_"):
        return Document
    if sample.name.startswith("annotators_"):
        return Annotator
    if sample.name.startswith("orphans_"):
        return OrphanRecord
    return SentenceRecord


def canonical_line(raw: bytes, model: type[BaseModel]) -> bytes:
    """The line as `claimset fmt` writes it; unchanged if fmt could not read it either."""
    try:
        obj = loads_strict(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return raw
    if not isinstance(obj, dict):
        return raw
    try:
        return dumps(canonical(obj, model)).encode()
    except (ValueError, UnicodeEncodeError):  # NaN, or a lone surrogate
        return raw


def canonical_file(data: bytes, model: type[BaseModel]) -> bytes:
    return b"\n".join(canonical_line(raw, model) for raw in data.split(b"\n"))


#: Samples whose problem is the spelling itself, so it cannot survive the canonical form.
NOT_CANONICAL = {"crlf.jsonl": "fmt converts CRLF to LF"}
CANONICAL_SAMPLES = [s for s in INVALID if s.name not in NOT_CANONICAL]


def report_lines(project: Project) -> list[str]:
    return [d.format() for d in validate(project).diagnostics]


def both_paths(project: Project) -> tuple[list[str], list[str]]:
    """The diagnostics with the fast path, and with every line on the precise path."""
    fast = report_lines(project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fast_path, "pattern", lambda model: None)
        patch.setattr(fast_path, "valid_record", lambda model, raw: None)
        precise = report_lines(project)
    return fast, precise


def where(project: Project) -> list[tuple[str, int, str, str]]:
    return [(d.file, d.line, d.path, d.code) for d in validate(project).diagnostics]


@pytest.mark.parametrize("sample", CANONICAL_SAMPLES, ids=lambda p: p.name)
def test_canonical_samples_report_the_same_problems_on_both_paths(
    tmp_path: Path, sample: Path
) -> None:
    original = sample_project(tmp_path / "original", sample)
    project = copy_fixture(tmp_path / "canonical")
    path = target(project, sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(canonical_file(sample.read_bytes(), model_of(sample)))
    # The problem survives the canonical form: same places, same codes (columns move).
    assert where(project) == where(original)
    fast, precise = both_paths(project)
    assert fast == precise


def single_faults() -> list[tuple[str, int, bytes]]:
    """(sample, line index, file): one canonical line of a sample in the valid fixture file."""
    base = (FIXTURE / "corpus" / "annotations" / "demo.jsonl").read_bytes().split(b"\n")
    cases = []
    for sample in CANONICAL_SAMPLES:
        if model_of(sample) is not SentenceRecord:
            continue
        lines = canonical_file(sample.read_bytes(), SentenceRecord).split(b"\n")
        if len(lines) != len(base):
            continue  # lines added or removed: the whole-file case above covers it
        for index, line in enumerate(lines):
            if line != base[index]:
                data = b"\n".join([*base[:index], line, *base[index + 1 :]])
                cases.append((sample.name, index + 1, data))
    return cases


SINGLE_FAULTS = single_faults()


@pytest.mark.parametrize(
    ("sample", "lineno", "data"), SINGLE_FAULTS, ids=[f"{s}:{n}" for s, n, _ in SINGLE_FAULTS]
)
def test_each_bad_line_alone_reports_the_same_on_both_paths(
    tmp_path: Path, sample: str, lineno: int, data: bytes
) -> None:
    project = copy_fixture(tmp_path)
    project.annotation_path("demo").write_bytes(data)
    fast, precise = both_paths(project)
    assert fast == precise
    assert fast, "the sample's line differs from the valid fixture's, so something is wrong"


def quick_calls(project: Project) -> list[tuple[int, bool]]:
    """(line, accepted) for each line the fast path's record check saw."""
    calls: list[tuple[int, bool]] = []

    def spy(name: str) -> Any:
        original = getattr(fast_path, name)

        def spied(state: AnnotationState, obj: dict[str, Any], lineno: int) -> bool:
            accepted: bool = original(state, obj, lineno)
            calls.append((lineno, accepted))
            return accepted

        return spied

    with pytest.MonkeyPatch.context() as patch:
        # `accepts_canonical` for lines the pattern matched, `accepts` for the others.
        patch.setattr(fast_path, "accepts", spy("accepts"))
        patch.setattr(fast_path, "accepts_canonical", spy("accepts_canonical"))
        validate(project)
    return calls


def fixture_records() -> list[dict[str, Any]]:
    path = FIXTURE / "corpus" / "annotations" / "demo.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def with_records(tmp_path: Path, records: list[dict[str, Any]]) -> Project:
    project = copy_fixture(tmp_path)
    text = "".join(dumps(canonical(r, SentenceRecord)) + "\n" for r in records)
    project.annotation_path("demo").write_text(text, encoding="utf-8")
    return project


def rejected_by_the_fast_path(project: Project, lineno: int) -> list[tuple[str, str]]:
    """The (path, code) diagnostics of a line the fast path saw and refused, on both paths."""
    assert (lineno, False) in quick_calls(project), "the line did not reach the fast path"
    fast, precise = both_paths(project)
    assert fast == precise
    return [(d.path, d.code) for d in validate(project).diagnostics if d.line == lineno]


def test_the_fast_path_refuses_a_repeated_claim_id(tmp_path: Path) -> None:
    records = fixture_records()
    records[3]["claims"][1]["id"] = "c1"
    project = with_records(tmp_path, records)
    assert rejected_by_the_fast_path(project, 4) == [("claims[1].id", "duplicate-id")]


def test_the_fast_path_refuses_an_unknown_target(tmp_path: Path) -> None:
    records = fixture_records()
    records[2]["claims"][0]["expectation"]["target"] = "china"
    project = with_records(tmp_path, records)
    assert rejected_by_the_fast_path(project, 3) == [
        ("claims[0].expectation.target", "unknown-actor")
    ]


def test_the_fast_path_refuses_an_unknown_actor(tmp_path: Path) -> None:
    records = fixture_records()
    records[3]["claims"][1]["actor"]["ref"] = "china"
    project = with_records(tmp_path, records)
    assert rejected_by_the_fast_path(project, 4) == [("claims[1].actor.ref", "unknown-actor")]


def test_end_before_start_is_reported(tmp_path: Path) -> None:
    # With an empty text, seed[132:60] == text: only the order of the offsets is wrong.
    for text in ("Moscow did not side with Seoul over the sinking of the Cheonan corvette.", ""):
        records = fixture_records()
        records[1].update(start=132, end=60, text=text)
        project = with_records(tmp_path / str(len(text)), records)
        assert rejected_by_the_fast_path(project, 2) == [("end", "offset-mismatch")]
        messages = [d.message for d in validate(project).diagnostics if d.line == 2]
        assert messages == ["end 60 is before start 132"]


def test_actor_offsets_without_a_quote_are_reported(tmp_path: Path) -> None:
    for offsets in ((0, 6), (0, None), (None, 6)):
        records = fixture_records()
        actor = records[2]["claims"][0]["actor"]
        actor["start"], actor["end"] = offsets
        project = with_records(tmp_path / str(offsets), records)
        assert rejected_by_the_fast_path(project, 3) == [
            ("claims[0].actor.start", "offset-mismatch")
        ]


def test_the_fast_path_refuses_each_span_that_does_not_hold_its_quote(tmp_path: Path) -> None:
    # Lines 3 and 4: everything else on them passes (line 1 cites a later sentence).
    spans = [
        (3, ("claims", 0, "actor")),
        (3, ("claims", 1, "actor")),
        (3, ("claims", 0, "expectation")),
        (2, ("claims", 0, "expectation")),
        (2, ("claims", 0, "hedge", "cues", 0)),
        (0, ("claims", 0, "evidence", 0)),  # in a later sentence: checked at the end
    ]
    for index, path in spans:
        records = fixture_records()
        span: Any = records[index]
        for part in path:
            span = span[part]
        span["start"] += 1
        span["end"] += 1
        project = with_records(tmp_path / f"{index}{path}", records)
        found = rejected_by_the_fast_path(project, index + 1)
        assert [code for _, code in found] == ["offset-mismatch"], (path, found)


def test_the_fast_path_refuses_a_span_without_offsets(tmp_path: Path) -> None:
    spans = [
        (3, ("claims", 0, "actor")),
        (3, ("claims", 0, "expectation")),
        (2, ("claims", 0, "expectation")),
        (2, ("claims", 0, "hedge", "cues", 0)),
        (0, ("claims", 0, "evidence", 0)),
    ]
    for index, path in spans:
        records = fixture_records()
        span: Any = records[index]
        for part in path:
            span = span[part]
        span["end"] = None
        project = with_records(tmp_path / f"{index}{path}", records)
        found = rejected_by_the_fast_path(project, index + 1)
        assert [code for _, code in found] == ["unanchored"], (path, found)


def test_the_fast_path_checks_evidence_in_an_earlier_sentence(tmp_path: Path) -> None:
    # Sentence 2 cites sentence 0 (whose text is stored as seed offsets, not copied).
    records = fixture_records()
    evidence = {"quote": "Seoul", "sentence": "demo:0000", "start": 0, "end": 5, "type": "event"}
    records[2]["claims"][0]["evidence"] = [evidence]
    project = with_records(tmp_path / "valid", records)
    assert (3, True) in quick_calls(project) and validate(project).valid
    for start, end, code in ((1, 6, "offset-mismatch"), (0, 600, "offset-mismatch")):
        evidence.update(start=start, end=end)
        project = with_records(tmp_path / f"{start}-{end}", records)
        assert [c for _, c in rejected_by_the_fast_path(project, 3)] == [code]
    # The whole of the cited sentence, up to its last character: still on the fast path.
    evidence.update(quote=records[0]["text"], start=0, end=len(records[0]["text"]))
    project = with_records(tmp_path / "whole", records)
    assert (3, True) in quick_calls(project) and validate(project).valid
    evidence.update(quote=records[0]["text"], start=0, end=None)
    project = with_records(tmp_path / "open", records)
    assert [c for _, c in rejected_by_the_fast_path(project, 3)] == ["unanchored"]
    evidence.update(quote="Seoul")
    # A cited sentence whose text is not the seed's: compared with the text it holds.
    records[0]["text"] = "Seoul hopes that Moscow will help it to deal with North Korea."
    evidence.update(start=0, end=5)
    project = with_records(tmp_path / "edited", records)
    assert (3, True) in quick_calls(project)
    evidence.update(start=1, end=6)
    project = with_records(tmp_path / "edited-wrong", records)
    assert ("claims[0].evidence[0].start", "offset-mismatch") in rejected_by_the_fast_path(
        project, 3
    )


def test_the_fast_path_checks_evidence_in_its_own_sentence(tmp_path: Path) -> None:
    records = fixture_records()
    evidence = {"quote": "Tokyo", "sentence": None, "start": 0, "end": 5, "type": "event"}
    records[3]["claims"][0]["evidence"] = [evidence]
    project = with_records(tmp_path / "valid", records)
    assert (4, True) in quick_calls(project) and validate(project).valid
    evidence["sentence"] = "demo:0003"  # named by its id: still the claim's own sentence
    project = with_records(tmp_path / "valid-named", records)
    assert (4, True) in quick_calls(project) and validate(project).valid
    cases: list[tuple[str, int | None, int | None, str]] = [
        ("Tokyo", 1, 6, "offset-mismatch"),
        ("Tokyo", 0, None, "unanchored"),
        ("Tokyo", None, None, "unanchored"),
        (records[3]["text"], 0, None, "unanchored"),  # text[0:None] is the quote
    ]
    for number, (quote, start, end, code) in enumerate(cases):
        evidence.update(quote=quote, start=start, end=end)
        for sentence in (None, "demo:0003"):
            evidence["sentence"] = sentence
            project = with_records(tmp_path / f"{number}{sentence}", records)
            assert [c for _, c in rejected_by_the_fast_path(project, 4)] == [code]


def test_the_fast_path_refuses_evidence_beyond_the_cited_sentence(tmp_path: Path) -> None:
    # seed[50:65] runs past the end of sentence 0 (0..59) into sentence 1.
    records = fixture_records()
    seed = (FIXTURE / "seeds" / "demo.txt").read_text(encoding="utf-8")
    evidence = {"quote": seed[50:65], "sentence": "demo:0000", "start": 50, "end": 65}
    records[2]["claims"][0]["evidence"] = [{**evidence, "type": "event"}]
    project = with_records(tmp_path, records)
    assert rejected_by_the_fast_path(project, 3) == [
        ("claims[0].evidence[0].quote", "quote-not-found")
    ]


def test_the_fast_path_refuses_evidence_from_an_unknown_sentence(tmp_path: Path) -> None:
    records = fixture_records()
    records[2]["claims"][0]["evidence"] = [
        {"quote": "Seoul", "sentence": "demo:0009", "start": 0, "end": 5, "type": "event"}
    ]
    project = with_records(tmp_path, records)
    assert rejected_by_the_fast_path(project, 3) == [
        ("claims[0].evidence[0].sentence", "unknown-sentence")
    ]


def test_the_fast_path_refuses_evidence_from_another_document(tmp_path: Path) -> None:
    records = fixture_records()
    records[2]["claims"][0]["evidence"] = [
        {"quote": "Moscow", "sentence": "other:0001", "start": 0, "end": 6, "type": "event"}
    ]
    project = with_records(tmp_path / "absent", records)
    assert rejected_by_the_fast_path(project, 3) == [
        ("claims[0].evidence[0].sentence", "unknown-sentence")
    ]
    # Even when a (misplaced) sentence of this file has that id.
    records[1]["id"] = "other:0001"
    project = with_records(tmp_path / "misplaced", records)
    assert rejected_by_the_fast_path(project, 3) == [
        ("claims[0].evidence[0].sentence", "unknown-sentence")
    ]


def test_the_fast_path_refuses_what_the_sentence_checks_find(tmp_path: Path) -> None:
    cases: list[tuple[int, dict[str, Any], list[tuple[str, str]]]] = [
        (2, {"id": "demo:0001"}, [("id", "duplicate-id")]),
        (1, {"id": "other:0001"}, [("id", "doc-mismatch")]),
        (
            1,
            {"id": "other:0001", "doc": "other"},
            [("id", "doc-mismatch"), ("doc", "doc-mismatch")],
        ),
        (1, {"doc": "other"}, [("doc", "doc-mismatch")]),
        (1, {"text": "Moscow did side with Seoul."}, [("text", "offset-mismatch")]),
        (1, {"annotator": None}, [("annotator", "status")]),
        (1, {"status": "reviewed", "annotator": None}, [("annotator", "status")]),
        (3, {"status": "todo"}, [("status", "status")]),
        (2, {"start": 100}, [("start", "order"), ("text", "offset-mismatch")]),
    ]
    for number, (index, change, expected) in enumerate(cases):
        records = fixture_records()
        records[index].update(change)
        project = with_records(tmp_path / str(number), records)
        assert rejected_by_the_fast_path(project, index + 1) == expected, change


def test_the_fast_path_refuses_a_claim_without_an_id(tmp_path: Path) -> None:
    records = fixture_records()
    records[3]["claims"][0]["id"] = None
    project = with_records(tmp_path, records)
    assert rejected_by_the_fast_path(project, 4) == [("claims[0].id", "missing-id")]


def test_the_fast_path_refuses_a_repeated_sentence(tmp_path: Path) -> None:
    records = fixture_records()
    records.insert(2, records[1])
    project = with_records(tmp_path / "twice", records)
    assert rejected_by_the_fast_path(project, 3) == [("id", "duplicate-id"), ("start", "order")]
    # The same text under the next id: it overlaps the sentence before.
    records[2] = {**records[1], "id": "demo:0002"}
    for number, record in enumerate(records[3:], 3):
        record["id"] = f"demo:{number:04d}"
    project = with_records(tmp_path / "renumbered", records)
    assert rejected_by_the_fast_path(project, 3) == [("start", "order")]
    # Ids 0, 2, 1, then 2 again, in order after the 1: only the id says it is a repeat.
    records = fixture_records()
    records[1], records[2] = records[2], records[1]
    records[1]["id"], records[2]["id"] = "demo:0002", "demo:0001"
    records[3]["id"] = "demo:0002"
    project = with_records(tmp_path / "repeat", records)
    assert rejected_by_the_fast_path(project, 4) == [("id", "duplicate-id")]


def test_the_fast_path_needs_the_seed(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    (project.seeds_dir / "demo.txt").unlink()
    assert [accepted for _, accepted in quick_calls(project)] == [False] * 4
    fast, precise = both_paths(project)
    assert fast == precise


def add_document(project: Project, doc_id: str, seed: str, spans: list[tuple[int, int]]) -> None:
    """A document with one sentence record per (start, end) span of `seed`."""
    data = seed.encode("utf-8")
    (project.seeds_dir / f"{doc_id}.txt").write_bytes(data)
    records = [
        SentenceRecord(
            id=f"{doc_id}:{n:04d}", doc=doc_id, start=a, end=b, text=seed[a:b], status="todo"
        ).model_dump(mode="json")
        for n, (a, b) in enumerate(spans)
    ]
    text = "".join(dumps(canonical(r, SentenceRecord)) + "\n" for r in records)
    project.annotation_path(doc_id).write_text(text, encoding="utf-8")
    document = Document(
        id=doc_id, sha256=hashlib.sha256(data).hexdigest(), sentence_count=len(spans)
    )
    with project.documents_path.open("a", encoding="utf-8") as handle:
        handle.write(dumps(canonical(document.model_dump(mode="json"), Document)) + "\n")


def test_touching_sentences_do_not_overlap(tmp_path: Path) -> None:
    # Chinese and Japanese put no space after "。": a sentence starts where the last one ends.
    project = copy_fixture(tmp_path)
    add_document(project, "zh", "今日は晴れ。明日は雨。", [(0, 6), (6, 11)])
    assert quick_calls(project)[-2:] == [(1, True), (2, True)]
    fast, precise = both_paths(project)
    assert fast == precise == []


@pytest.mark.parametrize("counted", [3, 5])
def test_the_sentence_count_is_checked_in_both_directions(tmp_path: Path, counted: int) -> None:
    project = copy_fixture(tmp_path)
    documents = project.documents_path.read_text(encoding="utf-8")
    project.documents_path.write_text(
        documents.replace('"sentence_count": 4', f'"sentence_count": {counted}'), encoding="utf-8"
    )
    fast, precise = both_paths(project)
    assert (
        fast
        == precise
        == [
            f"corpus/annotations/demo.jsonl:1:1: 4 sentence records, but corpus/documents.jsonl "
            f"line 1 counts {counted}: lines were deleted or added by hand; `claimset split` "
            "brings deleted sentences back as todo and sets the count (or restore the file "
            "from git) [sentence-count]"
        ]
    )


def test_a_quote_with_leading_whitespace_is_not_ambiguous(tmp_path: Path) -> None:
    # Its leading whitespace matches at each position of a run of spaces: one occurrence still.
    project = copy_fixture(tmp_path)
    add_document(project, "spaced", "Seoul said  that Moscow will help.", [(0, 34)])
    path = project.annotation_path("spaced")
    record = json.loads(path.read_text(encoding="utf-8"))
    cue = {"quote": "  that Moscow", "start": None, "end": None, "kind": "hedge"}
    record.update(
        status="draft",
        claims=[
            {
                "id": "c1",
                "actor": {"ref": "south_korea", "quote": "Seoul", "start": 0, "end": 5},
                "expectation": {
                    "quote": "Moscow will help",
                    "start": 17,
                    "end": 33,
                    "type": "prediction",
                    "target": "russia",
                },
                "evidence": [],
                "hedge": {"certainty": "certain", "cues": [cue]},
                "polarity": "positive",
                "origin": "auto",
            }
        ],
    )
    path.write_text(dumps(canonical(record, SentenceRecord)) + "\n", encoding="utf-8")
    fast, precise = both_paths(project)
    assert (
        fast
        == precise
        == [
            "corpus/annotations/spaced.jsonl:1:425: claims[0].hedge.cues[0].quote: warning: the "
            "quote has no offsets: run `claimset fmt` to fill start and end [unanchored]"
        ]
    )


def test_the_fast_path_refuses_an_open_span_whose_quote_runs_to_the_end(tmp_path: Path) -> None:
    # text[start:None] is the quote: only the missing end is wrong.
    spans = [
        (3, ("claims", 0, "actor")),
        (3, ("claims", 0, "expectation")),
        (2, ("claims", 0, "hedge", "cues", 0)),
    ]
    for index, path in spans:
        records = fixture_records()
        span: Any = records[index]
        for part in path:
            span = span[part]
        span.update(quote=records[index]["text"][span["start"] :], end=None)
        project = with_records(tmp_path / f"{index}{path}", records)
        found = rejected_by_the_fast_path(project, index + 1)
        assert [code for _, code in found] == ["unanchored"], (path, found)


def test_the_fast_path_checks_every_evidence_span(tmp_path: Path) -> None:
    # A good span in the claim's own sentence first, then a wrong one.
    records = fixture_records()
    good = {"quote": "Tokyo", "sentence": None, "start": 0, "end": 5, "type": "event"}
    records[3]["claims"][0]["evidence"] = [good, {**good, "start": 1, "end": 6}]
    project = with_records(tmp_path, records)
    assert [c for _, c in rejected_by_the_fast_path(project, 4)] == ["offset-mismatch"]


def test_the_fast_path_checks_evidence_inside_a_later_sentence(tmp_path: Path) -> None:
    # Sentence 2 cites sentence 1, which does not start at 0 in the seed.
    records = fixture_records()
    cited = records[1]["text"]
    assert records[1]["start"] > 0
    evidence = {"quote": cited[1:6], "sentence": "demo:0001", "start": 1, "end": 6}
    records[2]["claims"][0]["evidence"] = [{**evidence, "type": "event"}]
    project = with_records(tmp_path / "inside", records)
    assert (3, True) in quick_calls(project) and validate(project).valid
    seed = (FIXTURE / "seeds" / "demo.txt").read_text(encoding="utf-8")
    at, n = records[1]["start"], len(cited)
    past = {"quote": seed[at + n - 5 : at + n + 5], "start": n - 5, "end": n + 5}
    records[2]["claims"][0]["evidence"] = [{**evidence, **past, "type": "event"}]
    project = with_records(tmp_path / "past", records)
    assert rejected_by_the_fast_path(project, 3) == [
        ("claims[0].evidence[0].quote", "quote-not-found")
    ]


# -- accepts_canonical: `accepts` for the lines the pattern matched -----------------------------


def record_state() -> AnnotationState:
    """The state of the fixture's annotation file before its first record."""
    return AnnotationState("demo", SEED, set(ACTORS))


def answers(check: Any, records: list[dict[str, Any]]) -> list[tuple[bool, Any]]:
    """What a record check answers for each record in turn, and the state it leaves."""
    state, out = record_state(), []
    for lineno, record in enumerate(records, start=1):
        accepted = check(state, record, lineno)
        left = (state.sentences, dict(state.ids), dict(state.texts), state.prev_end)
        out.append((accepted, left))
    return out


def test_accepts_canonical_answers_as_accepts_on_the_valid_fixture() -> None:
    found = answers(fast_path.accepts_canonical, [*RECORDS])
    assert found == answers(fast_path.accepts, [*RECORDS])
    # The first sentence cites the second as evidence: the checks see it once the file is read.
    assert [accepted for accepted, _ in found] == [False, True, True, True]


def semantic_changes(value: object) -> list[object]:
    """Values of the same type that keep a line on the pattern but may break a record check:
    offsets moved, other (known, unknown, foreign) ids, other quotes, null."""
    if type(value) is int:
        return [value + 1, max(value - 1, 0), 0, 10**6]
    if isinstance(value, str):
        ids = ["china", "russia", "author", "demo:0000", "demo:0001", "demo:0003", "other:0001"]
        return [*ids, "c1", "c2", "done", "todo", value + "x", value[1:], None]
    return [None] if value is not None else []


def changed_records() -> list[tuple[int, dict[str, Any]]]:
    """(index, record) for every value of the fixture's records changed as above, and each
    claim copied: the canonical lines of the pattern only."""
    found = []
    for index, record in enumerate(RECORDS):
        for path in paths(record)[1:]:
            parent: Any = copy.deepcopy(record)
            changed = parent
            for part in path[:-1]:
                parent = parent[part]
            for value in semantic_changes(parent[path[-1]]):
                parent[path[-1]] = value
                line = dumps(canonical(changed, SentenceRecord)).encode()
                if fast_path.canonical_and_valid(SentenceRecord, line):
                    found.append((index, orjson_loads(line)))
        if record["claims"]:
            doubled = copy.deepcopy(record)
            doubled["claims"].append(copy.deepcopy(record["claims"][0]))
            found.append((index, doubled))
    return found


CHANGED = changed_records()


def test_accepts_canonical_answers_as_accepts_on_every_changed_record() -> None:
    refused = 0
    for index, record in CHANGED:
        records = [*RECORDS]
        records[index] = record
        found = answers(fast_path.accepts_canonical, records)
        assert found == answers(fast_path.accepts, records), (index, record)
        refused += not found[index][0]
    assert len(CHANGED) > 300 and refused > len(CHANGED) // 2  # the changes reach the checks


@settings(max_examples=300, deadline=None)
@given(line=mutated_record(), index=st.integers(0, len(RECORDS) - 1))
def test_accepts_canonical_answers_as_accepts_on_canonical_lines(line: str, index: int) -> None:
    # The fixture's records with one of them mutated; each line in canonical form, and only
    # the lines the pattern matches (the others never reach `accepts_canonical`).
    records = [*RECORDS]
    records[index] = json.loads(line)
    lines = [dumps(canonical(record, SentenceRecord)).encode() for record in records]
    matched = [
        orjson_loads(raw) for raw in lines if fast_path.canonical_and_valid(SentenceRecord, raw)
    ]
    assert answers(fast_path.accepts_canonical, matched) == answers(fast_path.accepts, matched)
