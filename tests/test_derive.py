"""The fast path's patterns for every shape `derive` knows, on small models of their own.

The project's models use only some of those shapes (no bool, no integer without a lower bound),
and `test_fastcheck.py` holds `patterns.py` to them. Here each shape `derive` can express gives
a pattern that matches the canonical line of a value pydantic accepts, and never one pydantic
refuses; each constraint it cannot express gives no pattern (the precise path then checks every
line).
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import pytest
from claimset.jsonio import dumps
from claimset.validate import derive
from pydantic import BaseModel, ConfigDict, Field, ValidationError

STRICT = ConfigDict(extra="forbid", strict=True)


class Numbers(BaseModel):
    model_config = STRICT
    any: int
    natural: int = Field(ge=0)


class Flags(BaseModel):
    model_config = STRICT
    flag: bool
    maybe: bool | None = None


class Texts(BaseModel):
    model_config = STRICT
    free: str
    some: str = Field(min_length=1)
    named: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    bare: str = Field(pattern=r"[A-Z]{2,3}")  # no anchors: a fullmatch all the same


class Choices(BaseModel):
    model_config = STRICT
    label: Literal["a.b", "c+d", 3]
    optional: Literal["x"] | None = None


class Item(BaseModel):
    model_config = STRICT
    name: str
    count: int = Field(ge=0)


class Nested(BaseModel):
    model_config = STRICT
    item: Item
    items: list[Item]
    words: list[str] | None = None
    other: Item | None = None


class Sparse(BaseModel):
    model_config = STRICT
    items: list[int | None]


def matches(model: type[BaseModel], value: dict[str, Any]) -> bool:
    """Whether the model's pattern matches the canonical line of `value`; a match must be a
    record pydantic accepts (the fast path never says "valid" when pydantic would not)."""
    pattern = derive.derived(model)
    assert pattern is not None, model
    line = dumps(value)
    matched = re.fullmatch(pattern, line.encode()) is not None
    if matched:
        try:
            model.model_validate(json.loads(line))
        except ValidationError as exc:  # pragma: no cover - the failure this test looks for
            pytest.fail(f"{model.__name__}: the pattern matches {line}, pydantic refuses: {exc}")
    return matched


CASES: list[tuple[type[BaseModel], dict[str, Any], bool]] = [
    # Integers: any sign without a bound, none below 0 with ge=0, at most 18 digits (orjson
    # reads longer ones as floats: those take the precise path).
    (Numbers, {"any": -3, "natural": 0}, True),
    (Numbers, {"any": 0, "natural": 12}, True),
    (Numbers, {"any": 10**17, "natural": 10**18 - 1}, True),
    (Numbers, {"any": -(10**18), "natural": 1}, False),
    (Numbers, {"any": 1, "natural": -1}, False),
    (Numbers, {"any": 1.5, "natural": 1}, False),
    (Numbers, {"any": "1", "natural": 1}, False),
    (Numbers, {"any": True, "natural": 1}, False),
    (Numbers, {"any": None, "natural": 1}, False),
    (Numbers, {"natural": 1, "any": 1}, False),  # keys out of order: not canonical
    (Numbers, {"any": 1}, False),
    (Numbers, {"any": 1, "natural": 1, "more": 1}, False),
    # Booleans, and null where the field allows it.
    (Flags, {"flag": True, "maybe": None}, True),
    (Flags, {"flag": False, "maybe": False}, True),
    (Flags, {"flag": None, "maybe": True}, False),
    (Flags, {"flag": 1, "maybe": None}, False),
    (Flags, {"flag": "true", "maybe": None}, False),
    # Strings: any, non-empty, or an id pattern (which needs no escapes inside JSON).
    (Texts, {"free": "", "some": "x", "named": "ab_1", "bare": "AB"}, True),
    (Texts, {"free": 'a"b\\c\n', "some": "é 漢", "named": "a", "bare": "ABC"}, True),
    (Texts, {"free": "x", "some": "", "named": "a", "bare": "AB"}, False),
    (Texts, {"free": None, "some": "x", "named": "a", "bare": "AB"}, False),
    (Texts, {"free": "x", "some": "x", "named": "Ab", "bare": "AB"}, False),
    (Texts, {"free": "x", "some": "x", "named": "1a", "bare": "AB"}, False),
    (Texts, {"free": "x", "some": "x", "named": "a", "bare": "A"}, False),
    (Texts, {"free": "x", "some": "x", "named": "a", "bare": "ABCD"}, False),
    # Literals: each choice as JSON spells it, the regex's own characters escaped.
    (Choices, {"label": "a.b", "optional": None}, True),
    (Choices, {"label": "c+d", "optional": "x"}, True),
    (Choices, {"label": 3, "optional": None}, True),
    (Choices, {"label": "axb", "optional": None}, False),
    (Choices, {"label": "cd", "optional": None}, False),
    (Choices, {"label": "ccd", "optional": None}, False),
    (Choices, {"label": "3", "optional": None}, False),
    (Choices, {"label": 3, "optional": "y"}, False),
    # Records and lists of them, in the canonical spelling (", " between items).
    (Nested, {"item": {"name": "a", "count": 1}, "items": [], "words": None, "other": None}, True),
    (
        Nested,
        {
            "item": {"name": "a", "count": 1},
            "items": [{"name": "b", "count": 0}, {"name": "", "count": 2}],
            "words": ["x", ""],
            "other": {"name": "c", "count": 3},
        },
        True,
    ),
    (Nested, {"item": {"name": "a", "count": 1}, "items": [], "words": [], "other": None}, True),
    (Nested, {"item": None, "items": [], "words": None, "other": None}, False),
    (
        Nested,
        {"item": {"name": "a", "count": 1}, "items": None, "words": None, "other": None},
        False,
    ),
    (
        Nested,
        {"item": {"name": "a", "count": -1}, "items": [], "words": None, "other": None},
        False,
    ),
    (
        Nested,
        {"item": {"name": "a", "count": 1}, "items": [{"name": "b"}], "words": None, "other": None},
        False,
    ),
    (Nested, {"item": {"count": 1, "name": "a"}, "items": [], "words": None, "other": None}, False),
    (Nested, {"item": {"name": "a", "count": 1}, "items": [], "words": [1], "other": None}, False),
    (Sparse, {"items": [None, -1, None]}, True),
    (Sparse, {"items": [None]}, True),
    (Sparse, {"items": None}, False),
    (Sparse, {"items": [None, "1"]}, False),
]


@pytest.mark.parametrize(("model", "value", "expected"), CASES)
def test_each_shape_matches_the_canonical_lines_pydantic_accepts(
    model: type[BaseModel], value: dict[str, Any], expected: bool
) -> None:
    assert matches(model, value) is expected


def test_a_line_spelled_otherwise_never_matches() -> None:
    # Only `fmt`'s spelling: other separators or escapes take the precise path.
    pattern = derive.derived(Nested)
    assert pattern is not None
    value = {"item": {"name": "a", "count": 1}, "items": [{"name": "b", "count": 0}] * 2}
    line = dumps({**value, "words": ["é"], "other": None})
    assert re.fullmatch(pattern, line.encode())
    for other in (
        line.replace(", ", ","),
        line.replace(": ", ":"),
        line.replace("}, {", "},{"),
        line.replace("é", "\\u00e9"),
        line + " ",
    ):
        assert not re.fullmatch(pattern, other.encode()), other


class LongInt(BaseModel):
    occurrence: int = Field(ge=1)


class Short(BaseModel):
    code: str = Field(min_length=2)


class Alternatives(BaseModel):
    code: str = Field(pattern=r"^(a|b)$")


class NonEmptyList(BaseModel):
    items: list[str] = Field(min_length=1)


class Decimal(BaseModel):
    value: float


class Mapping(BaseModel):
    value: dict[str, int]


class Deep(BaseModel):
    inner: Decimal


@pytest.mark.parametrize(
    "model",
    [LongInt, Short, Alternatives, NonEmptyList, Decimal, Mapping, Deep],
    ids=lambda m: m.__name__,
)
def test_a_constraint_derive_cannot_express_gives_no_pattern(model: type[BaseModel]) -> None:
    assert derive.derived(model) is None


@pytest.mark.parametrize(
    ("chunk", "spelled"),
    [
        (b'\\{"id": ', "b'\\\\{\"id\": '"),  # a double quote inside: single quotes
        (b"(?:[a-z]", 'b"(?:[a-z]"'),  # none: double quotes, as ruff writes them
        (b"it's", 'b"it\'s"'),  # a single quote: double quotes, no escape
        (b"\"'", "b'\"\\''"),  # both: Python's own spelling
    ],
)
def test_bytes_are_spelled_as_ruff_formats_them(chunk: bytes, spelled: str) -> None:
    assert derive._spelled(chunk) == spelled
    assert ast.literal_eval(spelled) == chunk


def test_the_generator_writes_patterns_py_and_checkers_py_beside_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What `python -m claimset.validate.derive` does, into a copy's folder.
    monkeypatch.setattr(derive, "__file__", str(tmp_path / "derive.py"))
    derive.main()
    assert (tmp_path / "checkers.py").read_text("utf-8") == derive.checkers_source()
    written = (tmp_path / "patterns.py").read_text("utf-8")
    assert written == derive.source()
    namespace: dict[str, Any] = {}
    exec(compile(written, "patterns.py", "exec"), namespace)
    expected = {m.__name__: derive.derived(m) for m in derive.READ}
    assert namespace["PATTERNS"] == {k: v for k, v in expected.items() if v is not None}
    assert set(namespace["PATTERNS"]) == {"SentenceRecord", "Document", "Actor", "Annotator"}


def test_a_model_without_a_pattern_or_checker_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its lines all take the precise path; the models after it keep theirs.
    monkeypatch.setattr(derive, "READ", (Numbers, Decimal, Flags, Mapping))
    namespace: dict[str, Any] = {}
    exec(compile(derive.source(), "patterns.py", "exec"), namespace)
    assert namespace["PATTERNS"] == {
        "Numbers": derive.derived(Numbers),
        "Flags": derive.derived(Flags),
    }
    assert set(generated_checkers(monkeypatch, Numbers, Decimal, Flags, Mapping)) == {
        "Numbers",
        "Flags",
    }


# -- the checkers: whether pydantic accepts a record as parsed, in any spelling ------------------


def generated_checkers(
    monkeypatch: pytest.MonkeyPatch, *models: type[BaseModel]
) -> dict[str, Callable[[Any], bool]]:
    """The checkers `checkers.py` would hold if the project's models were these."""
    monkeypatch.setattr(derive, "READ", models)
    namespace: dict[str, Any] = {}
    exec(compile(derive.checkers_source(), "checkers.py", "exec"), namespace)
    found: dict[str, Callable[[Any], bool]] = namespace["CHECKERS"]
    return found


class Labels(BaseModel):
    model_config = STRICT
    label: Literal["a = b", "c"]  # " = " inside: the checkers' constants are named by it
    optional: Literal["x"] | None = None


class Bounded(BaseModel):
    model_config = STRICT
    occurrence: int = Field(default=1, ge=1)
    code: str = Field(default="ab", min_length=2)
    words: list[str] = Field(default=["w"], min_length=1)


class Holes(BaseModel):
    model_config = STRICT
    items: list[Item | None]
    numbers: list[int | None] = []


CHECKED: list[tuple[type[BaseModel], dict[str, Any], bool]] = [
    (Numbers, {"natural": 0, "any": -3}, True),  # any key order
    (Numbers, {"any": 10**30, "natural": 1}, True),
    (Numbers, {"any": 1, "natural": -1}, False),
    (Numbers, {"any": True, "natural": 1}, False),
    (Numbers, {"any": 1.0, "natural": 1}, False),
    (Numbers, {"any": 1}, False),
    (Numbers, {"any": 1, "natural": 1, "more": 1}, False),
    (Flags, {"flag": True}, True),  # a default left out
    (Flags, {"maybe": None, "flag": False}, True),
    (Flags, {"flag": 1}, False),
    (Flags, {"flag": True, "maybe": "x"}, False),
    (Flags, {"maybe": True}, False),
    (Texts, {"some": "é", "free": "", "named": "a_1", "bare": "ABC"}, True),
    (Texts, {"free": "", "some": "", "named": "a", "bare": "AB"}, False),
    (Texts, {"free": "", "some": "x", "named": "A", "bare": "AB"}, False),
    (Texts, {"free": "", "some": "x", "named": "a", "bare": "A"}, False),
    (Labels, {"label": "a = b"}, True),
    (Labels, {"label": "c", "optional": "x"}, True),
    (Labels, {"label": "a"}, False),
    (Labels, {"label": "c", "optional": "y"}, False),
    (Nested, {"items": [], "item": {"count": 0, "name": ""}}, True),
    (Nested, {"item": {"name": "a", "count": 1}, "items": [{"name": "b", "count": 2}]}, True),
    (Nested, {"item": {"name": "a", "count": 1}, "items": [None]}, False),
    (Nested, {"item": {"name": "a", "count": -1}, "items": []}, False),
    (Nested, {"item": {"name": "a", "count": 1}, "items": [], "words": ["x", 1]}, False),
    (Nested, {"item": {"name": "a", "count": 1}, "items": (), "other": None}, False),
    (Bounded, {}, True),
    (Bounded, {"occurrence": 2, "code": "abc", "words": ["a", "b"]}, True),
    (Bounded, {"occurrence": 0}, False),
    (Bounded, {"code": "a"}, False),
    (Bounded, {"words": []}, False),
    (Bounded, {"words": [1]}, False),
    (Holes, {"items": [None, {"name": "a", "count": 1}], "numbers": [None, -1]}, True),
    (Holes, {"items": [None, {"name": "a"}]}, False),
    (Holes, {"items": [], "numbers": [None, "1"]}, False),
]


def test_each_shape_is_checked_as_pydantic_checks_it(monkeypatch: pytest.MonkeyPatch) -> None:
    models = (Numbers, Flags, Texts, Labels, Item, Nested, Bounded, Holes)
    found = generated_checkers(monkeypatch, *models)
    assert set(found) == {model.__name__ for model in models}
    for model, value, expected in CHECKED:
        try:
            model.model_validate(value)
        except ValidationError:
            accepted = False
        else:
            accepted = True
        assert accepted is expected, (model.__name__, value)  # what the case means
        assert found[model.__name__](value) is expected, (model.__name__, value)


def test_a_constraint_the_checkers_cannot_express_gives_no_checker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A pattern beyond the plain parts, a float, a mapping, a record nesting one of those:
    # pydantic checks every such record. Whichever of two such models is read first (a checker
    # once called, or `checkers.py` named, a checker of the nested model that was never written).
    assert generated_checkers(monkeypatch, Alternatives, Decimal, Mapping, Deep) == {}
    found = generated_checkers(monkeypatch, Deep, Decimal, Numbers)
    assert list(found) == ["Numbers"]
    assert found["Numbers"]({"any": -1, "natural": 1})
