"""The structural check's words: each pydantic error type turned into a located message.

Most messages are pinned by the golden samples (tests/data/invalid). These are the cases the
samples do not reach: a misspelt field written beside the real one, and the fallbacks for
error types and shapes that claimset's own models do not produce today (checked on small
models of the test's own, so that a new model or a new pydantic keeps getting words, never a
traceback).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimset.validate import validate
from claimset.validate.checks.structure import structure
from claimset.validate.problems import ActorIndex, Problem
from pydantic import BaseModel, ConfigDict, Field
from samples import copy_fixture


def _edited_fixture(tmp_path: Path, edit: Any) -> list[str]:
    """The fixture project's diagnostics after `edit(records)` of its annotation file."""
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    edit(records)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return [d.format() for d in validate(project).diagnostics]


def test_a_misspelt_field_beside_the_real_one_hides_no_error(tmp_path: Path) -> None:
    """`statu` is not a misspelling of a missing field when `status` is there: both are
    reported, and the real field's own error is not taken for the misspelling's."""

    def edit(records: list[dict[str, Any]]) -> None:
        records[0]["status"], records[0]["statu"] = "finished", "done"
        actor = records[0]["claims"][0]["actor"]
        actor["ref"], actor["reff"] = "Japan", "japan"

    assert _edited_fixture(tmp_path, edit) == [
        "corpus/annotations/demo.jsonl:1:140: status: 'finished' is not allowed; allowed: todo, "
        "draft, done, reviewed [enum]",
        "corpus/annotations/demo.jsonl:1:214: claims[0].actor.ref: 'Japan' is not an actor id "
        "(lowercase letters, digits and '_', starting with a letter), like 'south_korea' (did "
        "you mean 'japan'?) [value]",
        "corpus/annotations/demo.jsonl:1:263: claims[0].actor.reff: unknown field 'reff' (did "
        "you mean 'ref'?); allowed: ref, quote, start, end, occurrence [unknown-field]",
        "corpus/annotations/demo.jsonl:1:630: statu: unknown field 'statu' (did you mean "
        "'status'?); allowed: id, doc, start, end, text, status, annotator, claims, note, "
        "reviewer [unknown-field]",
    ]


def test_a_misspelt_missing_field_is_one_mistake(tmp_path: Path) -> None:
    """`stauts` for an absent `status` is reported once, as the unknown field."""

    def edit(records: list[dict[str, Any]]) -> None:
        records[1]["stauts"] = records[1].pop("status")

    assert _edited_fixture(tmp_path, edit) == [
        "corpus/annotations/demo.jsonl:2:180: stauts: unknown field 'stauts' (did you mean "
        "'status'?); allowed: id, doc, start, end, text, status, annotator, claims, note, "
        "reviewer [unknown-field]",
    ]


def test_the_errors_after_a_misspelling_are_still_reported(tmp_path: Path) -> None:
    """The missing field a misspelling stands for is passed over, not the errors after it:
    `annotator` and `claims` come after `status` in the record."""

    def edit(records: list[dict[str, Any]]) -> None:
        records[1]["stauts"] = records[1].pop("status")
        records[1]["annotator"] = 7
        records[1]["claims"] = {}

    assert _edited_fixture(tmp_path, edit) == [
        "corpus/annotations/demo.jsonl:2:158: annotator: expected an annotator id (letters, "
        "digits, '.', '_', '-'; starting with a letter or digit), like 'ann1' or null, got an "
        "integer (7) [type]",
        "corpus/annotations/demo.jsonl:2:171: claims: expected an array of Claim objects, got "
        "an object [type]",
        "corpus/annotations/demo.jsonl:2:175: stauts: unknown field 'stauts' (did you mean "
        "'status'?); allowed: id, doc, start, end, text, status, annotator, claims, note, "
        "reviewer [unknown-field]",
    ]


# -- shapes and error types claimset's models do not have (yet) --------------------------------


class _Inner(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    size: int = Field(ge=0)  # no description: a missing one is named alone


class _Other(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    flag: bool = False
    code: str = Field(default="", max_length=3)
    counts: dict[str, int] = Field(default_factory=dict)
    inner: dict[str, _Inner] = Field(default_factory=dict)
    one: _Inner | None = None
    tag: str = Field(default="x", pattern=r"^x+$")


def _problems(obj: dict[str, Any]) -> list[Problem]:
    return structure(_Other, obj, set(), ActorIndex())


def test_an_error_type_without_words_keeps_pydantic_message() -> None:
    assert _problems({"code": "abcd"}) == [
        Problem(("code",), "value", "String should have at most 3 characters")
    ]


def test_a_boolean_is_described() -> None:
    assert _problems({"flag": "yes"}) == [
        Problem(("flag",), "type", "expected true or false, got a string ('yes')")
    ]


def test_values_inside_a_mapping_are_described_without_a_shape() -> None:
    """A mapping's values have no Shape: described as "a valid value", never a crash."""
    assert _problems({"counts": {"a": "x"}}) == [
        Problem(("counts", "a"), "type", "expected a valid value, got a string ('x')")
    ]
    assert _problems({"inner": {"k": {"sizes": 1}}}) == [
        Problem(("inner", "k", "sizes"), "unknown-field", "unknown field 'sizes'", at="key"),
        Problem(
            ("inner", "k", "size"),
            "missing-field",
            "missing required field 'size'",
            "error",
            "object",
        ),
    ]


def test_a_pattern_without_a_name_is_shown() -> None:
    assert _problems({"tag": "y"}) == [
        Problem(("tag",), "value", "'y' is not a string matching ^x+$")
    ]


def test_a_missing_field_without_a_description_is_named_alone() -> None:
    assert _problems({"one": {}}) == [
        Problem(("one", "size"), "missing-field", "missing required field 'size'", at="object")
    ]
