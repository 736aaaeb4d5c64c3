"""The checkers generated from the models (`validate/checkers.py`) answer what pydantic answers
on records in any spelling: the validator's fast path for lines off the canonical pattern."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import orjson
import pytest
from claimset.canonical import without_defaults
from claimset.models import MODELS, OrphanRecord, SentenceRecord
from claimset.validate import checkers, derive
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from samples import FIXTURE, copy_fixture
from test_encode import ALL, sample_values
from test_fastcheck import pydantic_modules_of_validate, typed_file
from test_validate_fuzz import RECORDS, mutated_record, paths


def pydantic_accepts(value: Any, model: type[BaseModel]) -> bool:
    try:
        model.model_validate(value)
    except ValidationError:
        return False
    return True


def orjson_reads(value: Any) -> bool:
    """Whether orjson could have parsed this value: the checkers' input (orjson refuses lone
    surrogates, which pydantic refuses in strings and the checkers do not look for)."""
    try:
        return orjson.loads(orjson.dumps(value)) == value
    except (orjson.JSONEncodeError, orjson.JSONDecodeError):
        return False


def agree(value: Any, model: type[BaseModel]) -> None:
    if not orjson_reads(value):
        return
    check = getattr(checkers, f"check_{model.__name__}")  # nested models' checkers too
    assert check(value) == pydantic_accepts(value, model), (model.__name__, value)


def test_the_generated_checkers_are_the_models() -> None:
    # checkers.py is generated so that a corpus as typed is checked without pydantic; it must
    # be what the models give now (regenerate: `python -m claimset.validate.derive`).
    path = Path(checkers.__file__)
    assert path.read_text(encoding="utf-8") == derive.checkers_source()


def test_every_model_has_a_checker_but_the_orphans() -> None:
    assert set(checkers.CHECKERS) == {model.__name__ for model in MODELS.values()}
    with pytest.raises(derive.Unsupported):
        derive._Checker().function(OrphanRecord)  # `claim` is any mapping


def test_every_sample_value_is_judged_as_pydantic_judges_it() -> None:
    values = sample_values()
    assert len(values) > 300
    for value, _ in values:
        for model in ALL:
            if model is not OrphanRecord:
                agree(value, model)


#: Values of every JSON type, and the near misses a strict validator refuses.
ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=5),
    st.sampled_from(["", "c1", "russia", "done", "hedge", "prediction", "d:0001", "a" * 64]),
    st.lists(st.none(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.none(), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(line=mutated_record(), seed=st.integers(0, 99), data=st.data())
def test_mutated_records_in_any_spelling_are_judged_as_pydantic_judges_them(
    line: str, seed: int, data: st.DataObject
) -> None:
    (model,) = (m for m in MODELS.values() if m.__name__ == "SentenceRecord")
    record = json.loads(line)
    agree(record, model)
    typed = without_defaults(record, model, random.Random(seed).shuffle)
    agree(typed, model)
    # One more value replaced anywhere, by a value of any type.
    where = data.draw(st.sampled_from(paths(record)[1:]))
    parent: Any = record
    for part in where[:-1]:
        parent = parent[part]
    parent[where[-1]] = data.draw(ODD)
    agree(record, model)


@pytest.mark.parametrize("model", [m for m in MODELS.values() if m.__name__ != "SentenceRecord"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_registries_records_are_judged_as_pydantic_judges_them(
    model: type[BaseModel], data: st.DataObject
) -> None:
    names = [spec for spec in model.model_fields]
    record = {name: data.draw(ODD) for name in data.draw(st.lists(st.sampled_from(names)))}
    agree(record, model)


def test_each_constraint_is_checked() -> None:
    record = RECORDS[0]
    model = MODELS["sentence"]
    agree(record, model)
    assert checkers.CHECKERS["SentenceRecord"](record)
    for change in (
        {"id": "no colon"},  # the id pattern
        {"start": -1},  # ge=0
        {"start": True},  # a bool is no int, strictly
        {"status": "finished"},  # not in the literal
        {"annotator": ""},  # min_length=1
        {"claims": [{**record["claims"][0], "extra": 1}]},  # an unknown field, nested
        {"claims": ()},
        {"extra": None},
    ):
        value = {**record, **change}
        assert not checkers.CHECKERS["SentenceRecord"](value), change
        agree(value, model)


def test_a_valid_corpus_as_typed_is_validated_without_pydantic(tmp_path: Path) -> None:
    # The point of the generated checkers: keys in another order and defaults left out, in
    # every file, and still no pydantic (nor the models) in a fresh `claimset validate`.
    project = copy_fixture(tmp_path)
    for path in project.annotation_paths():
        path.write_bytes(typed_file(path.read_bytes(), SentenceRecord))
    assert pydantic_modules_of_validate(project) == []


def _instances() -> list[tuple[Any, type[BaseModel]]]:
    """Valid records of every model, nested ones included, from the fixture project."""
    from claimset.models import ActorSpan, Claim, Cue, Evidence, Expectation, Hedge

    found: list[tuple[Any, type[BaseModel]]] = []
    for kind, model in MODELS.items():
        name = "annotations/demo" if kind == "sentence" else f"{kind}s"
        path = FIXTURE / "corpus" / f"{name}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        if kind == "annotator":  # the fixture has no registry of annotators
            lines = ['{"id": "ann1", "kind": "human", "description": "An annotator."}']
        for line in lines:
            record = json.loads(line)
            found.append((record, model))
            for claim in record.get("claims", []) if kind == "sentence" else []:
                found += [(claim, Claim), (claim["actor"], ActorSpan)]
                found += [(claim["expectation"], Expectation), (claim["hedge"], Hedge)]
                found += [(cue, Cue) for cue in claim["hedge"].get("cues", [])]
                found += [(item, Evidence) for item in claim.get("evidence", [])]
    return found


#: A value of each wrong kind: a float, an empty string, a negative and a zero number, a list,
#: an object, null, true.
WRONG = (1.5, "", -1, 0, [], {}, None, True)


def test_each_field_of_each_model_refuses_what_pydantic_refuses() -> None:
    # Every field, optional ones included (a claim's `note`, a span's `occurrence`), set to
    # each wrong kind in an otherwise valid record: the checker agrees with pydantic.
    instances = _instances()
    assert {model.__name__ for _, model in instances} >= {"Cue", "Evidence", "Document"}
    for record, model in instances:
        agree(record, model)
        for name in model.model_fields:
            for wrong in WRONG:
                agree({**record, name: wrong}, model)
