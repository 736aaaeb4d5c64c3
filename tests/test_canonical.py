"""The generated `canonical` functions do what the field-by-field definition does, on every
sample record and on odd variants of them (keys shuffled, defaults dropped, wrong shapes)."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any, Literal

import pytest
from claimset import canonical as canonical_module
from claimset.canonical import (
    Shape,
    canonical,
    canonical_reference,
    compiled,
    fields,
    without_defaults,
)
from claimset.models import Actor, Annotator, Document, Expectation, SentenceRecord
from pydantic import BaseModel, Field

DATA = Path(__file__).resolve().parent / "data"
MODELS = [SentenceRecord, Actor, Document, Annotator]


@pytest.fixture(autouse=True)
def fresh_plans() -> None:
    """Work out each model's fields, plan and generated function anew for each test: one
    cached by an earlier test (or by the process that started this one) would hide a fault in
    the code that builds it."""
    for cached in ("fields", "field_names", "_plan", "compiled"):
        getattr(canonical_module, cached).cache_clear()
    canonical_module._DEFAULTS.clear()


def sample_records() -> list[Any]:
    """Every line of the valid and invalid samples that json reads (wrong shapes included)."""
    records = []
    for path in sorted([*(DATA / "valid").glob("*.jsonl"), *(DATA / "invalid").glob("*.jsonl")]):
        for line in path.read_bytes().splitlines():
            try:
                records.append(json.loads(line))
            except (ValueError, RecursionError):
                continue
    return records


def variants(value: Any, rng: random.Random) -> Any:
    """`value` with keys shuffled, some dropped, some nulled, some values of another shape."""
    if isinstance(value, list):
        return [variants(item, rng) for item in value] + (["odd"] if rng.random() < 0.1 else [])
    if not isinstance(value, dict):
        return value
    items = [(key, variants(item, rng)) for key, item in value.items()]
    rng.shuffle(items)
    out: dict[str, Any] = {}
    for key, item in items:
        roll = rng.random()
        if roll < 0.15:
            continue
        out[key] = None if roll < 0.25 else (7 if roll < 0.3 else item)
    if rng.random() < 0.2:
        out["unknown"] = {"kept": [1, 2]}
    return out


def same(a: Any, b: Any) -> bool:
    """Equal, with every object's keys in the same order."""
    return json.dumps(a) == json.dumps(b)


def shared(out: Any, record: Any) -> list[str]:
    """Where `out` holds a list or object of `record` itself (not a copy): callers change
    what canonical returns, so both versions must copy the same containers."""
    inside: set[int] = set()

    def collect(value: Any) -> None:
        if isinstance(value, (list, dict)):
            inside.add(id(value))
            for item in value.values() if isinstance(value, dict) else value:
                collect(item)

    collect(record)
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, (list, dict)):
            if id(value) in inside:
                found.append(path)
            pairs = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in pairs:
                walk(item, f"{path}/{key}")

    walk(out, "")
    return found


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_generated_canonical_matches_the_definition(model: Any) -> None:
    rng = random.Random(16)
    records = sample_records()
    assert len(records) > 100
    cases = [*records, *(variants(r, rng) for r in records for _ in range(5))]
    cases += [None, 3, "text", [], {}, {"claims": "not a list"}, {"claims": [None, 1, {}]}]
    for record in cases:
        before = copy.deepcopy(record)
        out, reference = canonical(record, model), canonical_reference(record, model)
        assert same(out, reference), record
        assert shared(out, record) == shared(reference, record), record
        assert same(record, before)  # the input is not changed


def test_defaults_are_fresh_copies() -> None:
    first = canonical({"id": "a:0001"}, SentenceRecord)
    first["claims"].append("x")
    assert canonical({"id": "a:0001"}, SentenceRecord)["claims"] == []


def test_the_generated_code_can_be_read() -> None:
    assert "if 'claims' in obj:" in (compiled(SentenceRecord).__doc__ or "")


@pytest.mark.parametrize("build", [canonical, canonical_reference], ids=["generated", "definition"])
def test_a_record_in_canonical_form_by_hand(build: Any) -> None:
    # Keys in the model's order, defaults filled, an input-only field in its place when given,
    # null and unknown keys last, as written.
    given = {"target": "russia", "extra": 1, "type": "belief", "occurrence": 2, "quote": "q"}
    expected = {
        "quote": "q",
        "start": None,
        "end": None,
        "occurrence": 2,
        "type": "belief",
        "target": "russia",
        "extra": 1,
    }
    assert json.dumps(build(given, Expectation)) == json.dumps(expected)
    given = {"occurrence": None, "quote": "q", "type": "belief", "extra": 1}
    expected = {
        "quote": "q",
        "start": None,
        "end": None,
        "type": "belief",
        "target": None,
        "occurrence": None,
        "extra": 1,
    }
    assert json.dumps(build(given, Expectation)) == json.dumps(expected)
    document = build({"sha256": "0" * 64, "id": "d", "sentence_count": 1}, Document)
    assert document == {
        "id": "d",
        "title": None,
        "source": None,
        "license": None,
        "language": "en",
        "sha256": "0" * 64,
        "sentence_count": 1,
        "split": "train",
    }
    assert list(document) == ["id", "title", "source", "license", "language", "sha256",
                              "sentence_count", "split"]  # fmt: skip


#: A canonical record, and what a script that leaves out every default writes of it.
FULL = {
    "id": "d:0001",
    "doc": "d",
    "start": 0,
    "end": 13,
    "text": "It will rain.",
    "status": "done",
    "annotator": "ann1",
    "claims": [
        {
            "id": "c1",
            "actor": {"ref": "author", "quote": None, "start": None, "end": None},
            "expectation": {
                "quote": "will rain",
                "start": 3,
                "end": 12,
                "type": "prediction",
                "target": None,
            },
            "evidence": [],
            "hedge": {"certainty": "certain", "cues": []},
            "polarity": "positive",
            "origin": "auto",
        }
    ],
}
SHORT = {
    "id": "d:0001",
    "doc": "d",
    "start": 0,
    "end": 13,
    "text": "It will rain.",
    "status": "done",
    "annotator": "ann1",
    "claims": [
        {
            "id": "c1",
            "actor": {"ref": "author"},
            "expectation": {"quote": "will rain", "start": 3, "end": 12, "type": "prediction"},
            "hedge": {"certainty": "certain"},
            "origin": "auto",
        }
    ],
}


def reversed_keys(value: Any) -> Any:
    if isinstance(value, list):
        return [reversed_keys(item) for item in value]
    if isinstance(value, dict):
        return {key: reversed_keys(value[key]) for key in reversed(list(value))}
    return value


def test_without_defaults_leaves_out_exactly_the_defaults_by_hand() -> None:
    assert canonical(SHORT, SentenceRecord) == FULL
    assert json.dumps(without_defaults(FULL, SentenceRecord)) == json.dumps(SHORT)
    assert json.dumps(without_defaults({**FULL, "unknown": 1}, SentenceRecord)) == json.dumps(SHORT)
    # `arrange` reorders every record, nested ones too.
    reordered = without_defaults(FULL, SentenceRecord, list.reverse)
    assert json.dumps(reordered) == json.dumps(reversed_keys(SHORT))
    # Values of another shape, and what is no record, are kept as they are.
    odd = {**FULL, "claims": "not a list", "text": ["a"], "annotator": None}
    assert without_defaults(odd, SentenceRecord) == {
        **{k: v for k, v in SHORT.items() if k != "annotator"},
        "claims": "not a list",
        "text": ["a"],
    }
    for value in (None, "x", 3, [FULL], []):
        assert without_defaults(value, SentenceRecord) == value
    assert without_defaults(FULL, None) == FULL


class Item(BaseModel):
    name: str
    tags: list[str] = []


class Shaped(BaseModel):
    code: str = Field(pattern=r"^[a-z]+$", min_length=1)
    count: int | None = Field(default=None, ge=0)
    label: Literal["a", "b"] | None = None
    words: list[str] | None = Field(default=None, min_length=1)
    short: str = Field(default="x", max_length=3)  # a constraint the fast path does not know
    maybe: Item | None = None
    pair: int | str = 0  # two types: not understood


def test_the_shape_of_each_field_with_its_constraints() -> None:
    # What the encoder and the fast path's patterns and checkers are written from.
    assert {spec.name: spec.shape for spec in fields(Shaped)} == {
        "code": Shape("str", pattern=r"^[a-z]+$", min_length=1),
        "count": Shape("int", nullable=True, ge=0),
        "label": Shape("literal", nullable=True, choices=("a", "b")),
        "words": Shape("list", nullable=True, item=Shape("str"), min_length=1),
        "short": Shape(None),
        "maybe": Shape("model", nullable=True, model=Item),
        "pair": Shape(None),
    }


class Pair(BaseModel):
    ends: tuple[int, int] = (0, 1)


class Boxed(BaseModel):
    item: Item = Item(name="a", tags=["b"])  # a record as the default: written as JSON data
    pair: Pair = Pair()  # its tuple a JSON list
    grid: list[list[Item]] = []
    cube: list[list[list[Item]]] = []


@pytest.mark.parametrize("build", [canonical, canonical_reference], ids=["generated", "definition"])
def test_nested_lists_and_a_record_as_default(build: Any) -> None:
    assert build({}, Boxed) == {
        "item": {"name": "a", "tags": ["b"]},
        "pair": {"ends": [0, 1]},
        "grid": [],
        "cube": [],
    }
    given = {
        "cube": [[[{"tags": [], "name": "c"}], []]],
        "grid": [[{"name": "g"}], [], "odd"],
    }
    out = build(given, Boxed)
    assert json.dumps(out) == json.dumps(
        {
            "item": {"name": "a", "tags": ["b"]},
            "pair": {"ends": [0, 1]},
            "grid": [[{"name": "g", "tags": []}], [], "odd"],
            "cube": [[[{"name": "c", "tags": []}], []]],
        }
    )
    # Each default a fresh copy, down to its nested lists: a caller may change it.
    out["item"]["tags"].append("changed")
    assert build({}, Boxed)["item"] == {"name": "a", "tags": ["b"]}
    (spec,) = (f for f in fields(Boxed) if f.name == "item")
    first = spec.default()
    first["tags"].append("changed")
    assert spec.default() == {"name": "a", "tags": ["b"]}
    for spec in fields(Boxed)[2:]:
        spec.default().append("changed")
        assert spec.default() == []
