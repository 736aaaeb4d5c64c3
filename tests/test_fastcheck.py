"""The fast path may only say "valid" when pydantic does, and does for every canonical line."""

from __future__ import annotations

import json

from claimset import fastcheck
from claimset.canonical import canonical
from claimset.jsonio import dumps
from claimset.models import MODELS, SentenceRecord
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from test_validate_fuzz import RECORDS, mutated_record


def pydantic_accepts(record: object, model: type[BaseModel] = SentenceRecord) -> bool:
    try:
        model.model_validate(record)
    except ValidationError:
        return False
    return True


def test_every_model_has_a_pattern() -> None:
    for model in MODELS.values():
        assert fastcheck.pattern(model) is not None, model


def test_valid_canonical_lines_match() -> None:
    for record in RECORDS:
        assert fastcheck.canonical_and_valid(SentenceRecord, dumps(record).encode())


@settings(max_examples=200, deadline=None)
@given(line=mutated_record())
def test_the_pattern_agrees_with_pydantic_on_canonical_lines(line: str) -> None:
    record = canonical(json.loads(line), SentenceRecord)
    matched = fastcheck.canonical_and_valid(SentenceRecord, dumps(record).encode())
    assert matched == pydantic_accepts(record), record


@settings(max_examples=200, deadline=None)
@given(line=mutated_record())
def test_a_line_as_mutated_matches_only_if_valid(line: str) -> None:
    if fastcheck.canonical_and_valid(SentenceRecord, line.encode()):
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
    assert not fastcheck.canonical_and_valid(SentenceRecord, line)


def test_a_pattern_the_fast_path_cannot_express_means_no_fast_path() -> None:
    from pydantic import Field

    class Odd(BaseModel):
        name: str = Field(pattern=r"^.+$")

    assert fastcheck.pattern(Odd) is None
    assert not fastcheck.canonical_and_valid(Odd, b'{"name": "x"}')


def test_integers_beyond_64_bits_take_the_slow_path() -> None:
    # orjson reads them as floats (or refuses them): the fast path must not vouch for them.
    record = json.loads(dumps(RECORDS[0]))
    record["start"] = 10**30
    assert not fastcheck.canonical_and_valid(SentenceRecord, dumps(record).encode())
    record["start"] = 10**17
    assert fastcheck.canonical_and_valid(SentenceRecord, dumps(record).encode()) == (
        pydantic_accepts(record)
    )
