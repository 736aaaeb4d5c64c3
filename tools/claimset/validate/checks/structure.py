"""Structure: what the pydantic models (and schema/*.schema.json) say about a record's shape.

pydantic finds the problems; this turns each of its error types into claimset's words. The
error types are looked up in a table filled by `@_handles`, which refuses a type twice.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...diagnostics import Severity
from ...vocabulary import ACTOR_ID_PATTERN
from ..positions import Path as JsonPath
from ..problems import (
    FIELD_NAMES,
    PATTERN_NAMES,
    ActorIndex,
    Problem,
    did_you_mean,
    json_type,
    quote,
)
from ..registry import RegistryError, check

# pydantic (and the canonical shapes, built from it) are imported by the functions that use
# them: they run only for a record off the fast path, and a valid corpus never needs them.
if TYPE_CHECKING:
    from pydantic import BaseModel
    from pydantic_core import ErrorDetails

    from ...canonical import Shape


def describe(shape: Shape | None, owner: tuple[str, str] | None = None) -> str:
    """What a field holds, in words: `an integer ≥ 0 or null`.

    `owner`: the model's and the field's names, for an id whose pattern another kind shares.
    """
    if shape is None:
        return "a valid value"
    words = {
        "str": "a string",
        "int": "an integer",
        "bool": "true or false",
        "model": "an object",
        "list": "an array",
    }
    if shape.kind == "literal":
        text = "one of " + ", ".join(repr(c) for c in shape.choices)
    else:
        text = words.get(shape.kind or "", "a valid value")
    if shape.model is not None:
        text += f" ({shape.model.__name__})"
    if shape.item is not None and shape.item.kind == "model" and shape.item.model is not None:
        text += f" of {shape.item.model.__name__} objects"
    if shape.ge is not None:
        text += f" ≥ {shape.ge}"
    if shape.pattern is not None:
        named = FIELD_NAMES.get(owner) if owner is not None else None
        text = named or PATTERN_NAMES.get(shape.pattern, f"a string matching {shape.pattern}")
    return text + (" or null" if shape.nullable else "")


def shape_at(model: type[BaseModel], loc: JsonPath) -> Shape | None:
    """The Shape of the field at `loc` in `model`, following nested models and lists."""
    from ...canonical import Shape, fields

    shape = Shape("model", model=model)
    for part in loc:
        if shape.kind == "list" and isinstance(part, int) and shape.item is not None:
            shape = shape.item
        elif shape.kind == "model" and shape.model is not None and isinstance(part, str):
            found = [f.shape for f in fields(shape.model) if f.name == part]
            if not found:
                return None
            shape = found[0]
        else:
            return None
    return shape


def _field_description(model: type[BaseModel], loc: JsonPath) -> str:
    parent = shape_at(model, loc[:-1])
    if parent is None or parent.model is None:
        return ""
    info = parent.model.model_fields.get(str(loc[-1]))
    return info.description or "" if info else ""


def _get(obj: Any, loc: JsonPath) -> Any:
    for part in loc:
        try:
            obj = obj[part]
        except (KeyError, IndexError, TypeError):
            return None
    return obj


@dataclass(frozen=True)
class _Error:
    """One pydantic error, with what the handlers need to describe it."""

    model: type[BaseModel]
    loc: JsonPath
    value: Any
    shape: Shape | None
    details: ErrorDetails
    actors: ActorIndex

    def described(self) -> str:
        """What the field at `loc` holds, in words (see `describe`)."""
        parent = shape_at(self.model, self.loc[:-1]) if self.loc else None
        owner = None
        if parent is not None and parent.model is not None:
            owner = (parent.model.__name__, str(self.loc[-1]))
        return describe(self.shape, owner)


_Handler = Callable[[_Error], Problem]
_HANDLERS: dict[str, _Handler] = {}


def _handles(*kinds: str) -> Callable[[_Handler], _Handler]:
    """Register the decorated function for these pydantic error types."""

    def register(func: _Handler) -> _Handler:
        for kind in kinds:
            if kind in _HANDLERS:
                raise RegistryError(f"pydantic error type {kind!r} is handled twice")
            _HANDLERS[kind] = func
        return func

    return register


@_handles("missing")
def _missing(error: _Error) -> Problem:
    what = _field_description(error.model, error.loc)
    message = f"missing required field {error.loc[-1]!r}" + (f": {what}" if what else "")
    return Problem(error.loc, "missing-field", message, at="object")


@_handles("none_required", "*_type")
def _wrong_type(error: _Error) -> Problem:
    message = f"expected {error.described()}, got {json_type(error.value)}"
    return Problem(error.loc, "type", message)


@_handles("literal_error")
def _not_allowed(error: _Error) -> Problem:
    if not isinstance(error.value, str) or error.shape is None:
        return _wrong_type(error)
    choices = [str(c) for c in error.shape.choices]
    message = (
        f"{error.value!r} is not allowed{did_you_mean(error.value, choices)}; allowed: "
        + ", ".join(choices)
    )
    return Problem(error.loc, "enum", message)


@_handles("string_pattern_mismatch")
def _pattern(error: _Error) -> Problem:
    hint = ""
    shape, value = error.shape, error.value
    if shape is not None and shape.pattern == ACTOR_ID_PATTERN and isinstance(value, str):
        hint = error.actors.suggest(value)
    return Problem(error.loc, "value", f"{quote(str(value))} is not {error.described()}{hint}")


@_handles("string_too_short")
def _empty(error: _Error) -> Problem:
    return Problem(error.loc, "value", "must not be empty")


@_handles("greater_than_equal")
def _too_small(error: _Error) -> Problem:
    limit = (error.details.get("ctx") or {}).get("ge", 0)
    return Problem(error.loc, "value", f"must be ≥ {limit}, got {error.value!r}")


def _other(error: _Error) -> Problem:
    return Problem(error.loc, "value", error.details["msg"])


def _handler(kind: str) -> _Handler:
    found = _HANDLERS.get(kind)
    if found is None:
        found = _HANDLERS["*_type"] if kind.endswith("_type") else _other
    return found


def _unknown_fields(
    model: type[BaseModel], obj: dict[str, Any], errors: list[ErrorDetails]
) -> tuple[list[Problem], set[JsonPath]]:
    """unknown-field problems, and the missing fields they are misspellings of."""
    from ...canonical import field_names

    problems: list[Problem] = []
    suppressed: set[JsonPath] = set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        loc = tuple(error["loc"])
        parent_shape = shape_at(model, loc[:-1])
        known = list(field_names(parent_shape.model)) if parent_shape and parent_shape.model else []
        parent = _get(obj, loc[:-1])
        absent = [n for n in known if not isinstance(parent, dict) or n not in parent]
        name = str(loc[-1])
        guess = difflib.get_close_matches(name, absent, n=1, cutoff=0.6)
        if guess:
            suppressed.add((*loc[:-1], guess[0]))
            hint = f" (did you mean {guess[0]!r}?)"
        else:
            hint = did_you_mean(name, known)
        message = f"unknown field {name!r}{hint}"
        if known:  # else a mapping's value: no list of fields to give
            message += f"; allowed: {', '.join(known)}"
        problems.append(Problem(loc, "unknown-field", message, at="key"))
    return problems, suppressed


_STRUCTURE_CODES: dict[str, Severity] = {
    "unknown-field": "error",
    "missing-field": "error",
    "type": "error",
    "enum": "error",
    "value": "error",
}


@check("structure", _STRUCTURE_CODES)
def structure(
    model: type[BaseModel], obj: dict[str, Any], skip: set[JsonPath], actors: ActorIndex
) -> list[Problem]:
    """A record has the fields, types and values its model (and JSON Schema) requires.

    `skip`: paths already reported. A misspelt required field is one mistake, reported once,
    as the unknown field.
    """
    from pydantic import ValidationError

    try:
        model.model_validate(obj)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        return []
    problems, suppressed = _unknown_fields(model, obj, errors)
    for error in errors:
        kind, loc = error["type"], tuple(error["loc"])
        if kind == "extra_forbidden" or loc in skip or loc in suppressed:
            continue
        details = _Error(model, loc, error.get("input"), shape_at(model, loc), error, actors)
        problems.append(_handler(kind)(details))
    return problems
