"""The generated encoder writes exactly what `jsonio.dumps(canonical(...))` writes, and is used
for the common case (a record with its model's types, in any key order, defaults left out or
not); anything else falls back on `dumps(canonical(...))`."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from claimset import encode
from claimset.canonical import canonical, without_defaults
from claimset.jsonio import dumps, loads_lenient
from claimset.models import MODELS, OrphanRecord, SentenceRecord
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from samples import DATA, FIXTURE
from test_validate_fuzz import RECORDS, mutated_record

#: Every model a file of the project holds.
ALL = (*MODELS.values(), OrphanRecord)


def model_of(path: Path) -> type[BaseModel]:
    for kind, model in MODELS.items():
        if path.name.startswith(f"{kind}s") or path.name.startswith(kind):
            return model
    return OrphanRecord if path.name.startswith("orphans") else SentenceRecord


def sample_values() -> list[tuple[Any, type[BaseModel]]]:
    """Every JSON value of every line of the test data, with the model of its file."""
    found = []
    for path in sorted(DATA.rglob("*.jsonl")):
        for line in path.read_text("utf-8", errors="replace").splitlines():
            try:
                value = loads_lenient(line)
            except ValueError:
                continue
            found.append((value, model_of(path)))
    return found


def same(value: Any, model: type[BaseModel]) -> bool:
    """Whether `encode.canonical_line` writes what `jsonio.dumps` writes of the canonical form
    (or refuses it alike: NaN)."""
    try:
        expected: object = dumps(canonical(value, model))
    except ValueError as exc:
        expected = type(exc)
    try:
        found: object = encode.canonical_line(value, model)
    except ValueError as exc:
        found = type(exc)
    return found == expected


def test_every_model_has_an_encoder_but_the_orphans() -> None:
    for model in MODELS.values():
        assert encode.encoder(model) is not encode._never, model
    assert encode.encoder(OrphanRecord) is encode._never  # `claim` is any mapping


def test_the_fixture_records_take_the_generated_encoder() -> None:
    # The point of it: a canonical record of the right types never falls back.
    for record in RECORDS:
        assert encode.encoder(SentenceRecord)(record) == dumps(record)
    for path in (FIXTURE / "corpus").glob("*.jsonl"):
        model = model_of(path)
        for line in path.read_text("utf-8").splitlines():
            value = canonical(json.loads(line), model)
            assert encode.encoder(model)(value) == dumps(value), (path.name, line)


def test_a_canonical_record_is_written_without_falling_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The point of the module: `fmt`'s common case never reaches `jsonio.dumps`; an odd value
    # does, once.
    fallen: list[Any] = []

    def fallback(obj: Any) -> str:
        fallen.append(obj)
        return dumps(obj)

    monkeypatch.setattr(encode, "json_dumps", fallback)
    for record in RECORDS:
        assert encode.dumps(record, SentenceRecord) == dumps(record)
    assert fallen == []
    odd = {**RECORDS[0], "start": True}
    assert encode.dumps(odd, SentenceRecord) == dumps(odd)
    assert fallen == [odd]


def test_every_sample_line_is_written_as_dumps_writes_it() -> None:
    values = sample_values()
    assert len(values) > 300
    for value, model in values:
        for model_tried in ALL:
            assert same(value, model_tried), (value, model_tried)
            assert same(canonical(value, model), model_tried), (value, model_tried)


@pytest.mark.parametrize(
    "change",
    [
        {"start": True},  # a bool where an int belongs
        {"start": 1.0},  # a float
        {"start": 10**30},  # beyond 64 bits
        {"text": None},  # null where a string belongs
        {"claims": {}},  # an object where a list belongs
        {"claims": [None]},  # a list item of another type
        {"claims": [[]]},
        {"status": 3},
        {"annotator": ["ann1"]},
        {"extra": 1},  # a key the model does not have
        {"text": 'quotes " and \\ and \n\t\r\b\f \x00\x1f \x7f \u2028 é 漢 😀'},
        {"text": "\ud800"},  # a lone surrogate: both write it (fmt refuses it when encoding)
    ],
)
def test_odd_values_are_written_as_dumps_writes_them(change: dict[str, Any]) -> None:
    for record in RECORDS:
        value = {**record, **change}
        assert encode.canonical_line(value, SentenceRecord) == dumps(
            canonical(value, SentenceRecord)
        )


def test_records_as_typed_take_the_generated_encoder() -> None:
    # The point of it: keys in any order, defaults left out, a note written: no fallback.
    for number, record in enumerate(RECORDS):
        for arrange in (None, list.reverse, random.Random(number).shuffle):
            typed = without_defaults(record, SentenceRecord, arrange)
            assert encode.encoder(SentenceRecord)(typed) == dumps(record)
        noted = {"note": "desire or belief?", **record}
        assert encode.encoder(SentenceRecord)(noted) == dumps(canonical(noted, SentenceRecord))


@pytest.mark.parametrize(
    "change",
    [
        {"note": None},  # null: canonical keeps it last, with the unknown keys
        {"extra": 1},
        {"doc": None},
    ],
)
def test_what_canonical_keeps_as_written_falls_back(change: dict[str, Any]) -> None:
    for record in RECORDS:
        value = {**record, **change}
        with pytest.raises(encode.NotCanonical):
            encode.encoder(SentenceRecord)(value)
        assert encode.canonical_line(value, SentenceRecord) == dumps(
            canonical(value, SentenceRecord)
        )
    missing = {k: v for k, v in RECORDS[0].items() if k != "doc"}  # a required field left out
    with pytest.raises(encode.NotCanonical):
        encode.encoder(SentenceRecord)(missing)
    assert encode.canonical_line(missing, SentenceRecord) == dumps(missing)
    for value in ([], "text", 3, None, [RECORDS[0]]):
        assert encode.canonical_line(value, SentenceRecord) == dumps(value)


@settings(max_examples=300, deadline=None)
@given(line=mutated_record())
def test_mutated_records_are_written_as_dumps_writes_them(line: str) -> None:
    value = json.loads(line)
    assert encode.canonical_line(value, SentenceRecord) == dumps(canonical(value, SentenceRecord))
    ordered = canonical(value, SentenceRecord)
    assert encode.canonical_line(ordered, SentenceRecord) == dumps(ordered)


@settings(max_examples=200, deadline=None)
@given(text=st.text(), number=st.integers(min_value=-(2**70), max_value=2**70))
def test_any_text_and_number_are_written_as_dumps_writes_them(text: str, number: int) -> None:
    record = {**RECORDS[0], "text": text, "start": number, "annotator": text}
    claims = [{**claim, "id": text} for claim in RECORDS[0]["claims"]]
    for value in (record, {**record, "claims": claims}):
        assert encode.canonical_line(value, SentenceRecord) == dumps(
            canonical(value, SentenceRecord)
        )
