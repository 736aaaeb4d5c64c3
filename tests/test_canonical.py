"""The generated `canonical` functions do what the field-by-field definition does, on every
sample record and on odd variants of them (keys shuffled, defaults dropped, wrong shapes)."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from claimset.canonical import canonical, canonical_reference, compiled
from claimset.models import Actor, Annotator, Document, SentenceRecord

DATA = Path(__file__).resolve().parent / "data"
MODELS = [SentenceRecord, Actor, Document, Annotator]


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
