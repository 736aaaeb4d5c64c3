"""The generated encoder writes exactly what `jsonio.dumps(canonical(...))` writes, and is used
for the common case (a record with its model's types, in any key order, defaults left out or
not); anything else falls back on `dumps(canonical(...))`."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any, Literal

import pytest
from claimset import canonical as canonical_module
from claimset import encode, models
from claimset.canonical import canonical, without_defaults
from claimset.jsonio import dumps, loads_lenient
from claimset.models import MODELS, OrphanRecord, SentenceRecord
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, Field, create_model
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


@pytest.fixture(autouse=True)
def fresh_encoders() -> None:
    """Generate the encoders anew for each test: one cached by an earlier test (or by the
    process that started this one) would hide a fault in the code that writes them, or in the
    model's fields they are written from."""
    encode.encoder.cache_clear()
    for cached in (canonical_module.fields, canonical_module._plan, canonical_module.compiled):
        cached.cache_clear()
    canonical_module._DEFAULTS.clear()


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

    encode.encoder(SentenceRecord)  # generated before the watch (it writes the defaults)
    monkeypatch.setattr(encode, "json_dumps", fallback)
    for record in RECORDS:
        for arrange in (None, list.reverse):
            typed = without_defaults(record, SentenceRecord, arrange)
            assert encode.canonical_line(typed, SentenceRecord) == dumps(record)
    assert fallen == []
    odd = {**RECORDS[0], "start": True}
    assert encode.canonical_line(odd, SentenceRecord) == dumps(odd)
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


# -- shapes the project's models do not use (yet), on small models of their own ------------------


class Flags(BaseModel):
    flag: bool
    maybe: bool | None = None
    count: int | None = None


class Item(BaseModel):
    name: str
    tags: list[str] = []


#: A key an f-string would read as its own field (no class statement can name it so).
KEY = "odd {key}"
Nested = create_model(
    "Nested", **{KEY: (str, ...)}, item=(Item | None, None), items=(list[Item], [])
)


class Boxed(BaseModel):
    # Defaults holding colons (an object, a string), and a record left out unless given (as
    # `note` is: never written as null).
    name: str
    item: Item = Item(name="a:b", tags=["c:d"])
    label: str = "x:y"
    detail: Item | None = Field(default=None, json_schema_extra=models._optional)


class WithOrphans(BaseModel):
    # A nested model without an encoder: each of its records makes the outer one fall back.
    orphans: list[OrphanRecord]


def written(value: Any, model: type[BaseModel]) -> str:
    """The line `fmt` writes of a record: its canonical form, dumped."""
    return dumps(canonical(value, model))


GENERATED: list[tuple[type[BaseModel], list[Any]]] = [
    (
        Flags,
        [
            {"flag": True, "maybe": None, "count": None},
            {"flag": False, "maybe": True, "count": -3},
            {"count": 0, "maybe": False, "flag": False},  # keys in another order
            {"flag": True},  # defaults left out
        ],
    ),
    (Item, [{"name": "", "tags": []}, {"name": "x\n", "tags": ["a", "é", '"']}, {"name": "y"}]),
    (
        Nested,
        [
            {KEY: "v", "item": None, "items": []},
            {KEY: "v"},
            {
                KEY: "{}",
                "item": {"name": "a", "tags": ["b"]},
                "items": [{"name": "c", "tags": []}, {"tags": ["e", "f"], "name": "d"}],
            },
        ],
    ),
    (
        Boxed,
        [
            {"name": "n"},
            {"label": "z", "name": "n", "detail": {"name": "d"}},
            {"name": "n", "item": {"name": "i", "tags": []}, "label": "x:y"},
        ],
    ),
    (WithOrphans, [{"orphans": []}]),
]


@pytest.mark.parametrize(("model", "values"), GENERATED, ids=lambda m: getattr(m, "__name__", ""))
def test_each_shape_is_written_by_its_generated_encoder(
    model: type[BaseModel], values: list[Any]
) -> None:
    # Booleans, nullable values, nested records, lists of records and of strings, a key with
    # braces, keys in any order, defaults left out: each has its generated encoder, which
    # writes the canonical line.
    generated = encode.encoder(model)
    assert generated is not encode._never
    for value in values:
        assert generated(value) == written(value, model), value
        assert encode.canonical_line(value, model) == written(value, model)


@pytest.mark.parametrize(
    ("model", "value"),
    [
        (Flags, {"flag": 1, "maybe": None, "count": None}),  # an int where a bool belongs
        (Flags, {"flag": True, "maybe": "yes", "count": None}),
        (Flags, {"flag": True, "maybe": None, "count": False}),  # a bool where an int belongs
        (Flags, {"maybe": None, "count": None}),  # a required key missing
        (Flags, {"flag": True, "other": None}),  # a key the model does not have
        (Item, {"name": "x", "tags": ["a", 1]}),  # a list item of another type
        (Item, {"name": "x", "tags": ("a",)}),  # a tuple: a list in JSON, not for the encoder
        (Item, {"name": "x", "tags": None}),
        (Nested, {KEY: "v", "item": {"name": 1, "tags": []}, "items": []}),
        (Nested, {KEY: "v", "item": None, "items": [{"tags": []}]}),
        (Nested, {KEY: "v", "item": None, "items": [None]}),
        (WithOrphans, {"orphans": [{"claim": {}}]}),
        (Boxed, {"name": "n", "detail": {"name": 1}}),
        (Boxed, {"name": "n", "detail": None}),  # null: canonical keeps it last, as written
        (Boxed, {"name": "n", "detail": "d"}),
        (Flags, []),
    ],
)
def test_a_value_the_generated_encoder_refuses_is_written_by_dumps(
    model: type[BaseModel], value: Any
) -> None:
    with pytest.raises((encode.NotCanonical, TypeError)):
        encode.encoder(model)(value)
    expected = written(value, model) if isinstance(value, dict) else dumps(value)
    assert encode.canonical_line(value, model) == expected


class Numbered(BaseModel):
    choice: Literal["a", 1]


class NullableItems(BaseModel):
    items: list[str | None]


class Numbers(BaseModel):
    items: list[int]


class Decimal(BaseModel):
    value: float


class Empty(BaseModel):
    pass


@pytest.mark.parametrize(
    ("model", "value"),
    [
        (Numbered, {"choice": 1}),
        (NullableItems, {"items": ["a", None]}),
        (Numbers, {"items": [1, 2]}),
        (Decimal, {"value": 1.5}),
        (Empty, {}),
        (create_model("Quoted", **{"it's": (str, ...)}), {"it's": "x"}),
        (create_model("Escaped", **{"a\\b": (str, ...)}), {"a\\b": "x"}),
        (create_model("Accented", **{"é": (str, ...)}), {"é": "x"}),
    ],
    ids=lambda m: getattr(m, "__name__", ""),
)
def test_a_shape_without_an_encoder_is_always_written_by_dumps(
    model: type[BaseModel], value: Any
) -> None:
    # A literal that is not all strings, a list of nullable items or of numbers, a float, a
    # model without fields, a key the f-string cannot hold as it is: no generated code,
    # `jsonio.dumps` writes every record.
    assert encode.encoder(model) is encode._never
    with pytest.raises(encode.NotCanonical):
        encode.encoder(model)(value)
    assert encode.canonical_line(value, model) == written(value, model)


def test_the_generated_code_is_in_the_encoders_docstring() -> None:
    # What a maintainer reads (`help(encode.encoder(Document))`) is the code that runs.
    generated = encode.encoder(Flags)
    assert generated.__doc__ is not None
    header, source = generated.__doc__.split("\n\n", 1)
    assert header == "The canonical line of a Flags, generated:"
    namespace = dict(generated.__globals__)
    exec(source, namespace)
    for value in ({"flag": True, "maybe": None, "count": 7}, {"flag": False}):
        assert namespace["encode"](value) == generated(value) == written(value, Flags)


@pytest.mark.parametrize(("model", "values"), GENERATED, ids=lambda m: getattr(m, "__name__", ""))
def test_the_colons_of_the_defaults_written_are_counted(
    model: type[BaseModel], values: list[Any]
) -> None:
    # `fmt` tells a line with a repeated key (whose pair orjson drops) by its colons: the
    # canonical line's, less those of the defaults the encoder wrote for fields left out, are
    # those of the record as read.
    for value in values:
        line, added = encode.line_and_added(value, model)
        assert line == written(value, model)
        assert line.count(":") - added == dumps(value).count(":"), value
    for number, record in enumerate(RECORDS):
        for arrange in (None, list.reverse, random.Random(number).shuffle):
            typed = without_defaults(record, SentenceRecord, arrange)
            line, added = encode.line_and_added(typed, SentenceRecord)
            assert line == dumps(record)
            assert line.count(":") - added == dumps(typed).count(":")
