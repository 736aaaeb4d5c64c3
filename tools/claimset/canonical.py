"""The canonical form of records, derived from the pydantic models.

Canonical means: every field of the model in schema (declaration) order with defaults written
out, unknown fields kept after the known ones, nested records likewise. `fmt` writes this form;
`fastcheck` accepts only it on its fast path; others may use `canonical()` to order their output.
"""

from __future__ import annotations

import copy
import functools
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import input_only, omitted_when_absent

#: The shape of a field's value, as far as the canonical form and the fast checks care.
Kind = Literal["str", "int", "bool", "literal", "model", "list"]


@dataclass(frozen=True)
class Shape:
    """What a field holds: its kind, whether null is allowed, its constraints."""

    kind: Kind | None  # None: not understood here (the fast path then always defers)
    nullable: bool = False
    choices: tuple[Any, ...] = ()  # literal values
    model: type[BaseModel] | None = None  # for kind "model"
    item: Shape | None = None  # for kind "list"
    pattern: str | None = None
    min_length: int | None = None
    ge: int | None = None


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model: its name, whether it is required, its default, its shape.

    An `input_only` field (`occurrence`) is kept where an annotator wrote it but never written
    out by default: canonical records do not have it.
    """

    name: str
    required: bool
    info: FieldInfo
    shape: Shape
    input_only: bool = False
    omitted: bool = False  # left out when absent or null (input-only fields, `note`, `reviewer`)

    def default(self) -> Any:
        """A fresh copy of the default, as JSON data."""
        value = _json_default(self.info)
        # Fresh containers: callers may fill them. (Asking pydantic each time costs a
        # signature inspection of the default factory per call: the hot path of `fmt`.)
        return (
            copy.deepcopy(value)
            if isinstance(value, (list, dict)) and value
            else (type(value)() if isinstance(value, (list, dict)) else value)
        )


_DEFAULTS: dict[int, Any] = {}


def _json_default(info: FieldInfo) -> Any:
    """The field's default as JSON data, computed once per field."""
    key = id(info)
    if key not in _DEFAULTS:
        value = info.get_default(call_default_factory=True)
        if isinstance(value, BaseModel):
            value = value.model_dump(mode="json")
        _DEFAULTS[key] = (info, value)  # the FieldInfo is kept alive: its id stays its own
    return _DEFAULTS[key][1]


def _constraints(info: FieldInfo) -> dict[str, Any] | None:
    found: dict[str, Any] = {}
    for meta in info.metadata:
        known = False
        for name in ("pattern", "min_length", "ge"):
            value = getattr(meta, name, None)
            if value is not None:
                found[name] = value
                known = True
        if not known:
            return None  # an unfamiliar constraint: the fast path must not guess
    return found


def shape_of(annotation: Any, info: FieldInfo | None = None) -> Shape:
    """The Shape of a type annotation (with the field's constraints, if given)."""
    constraints = _constraints(info) if info is not None else {}
    if constraints is None:
        return Shape(None)
    origin = get_origin(annotation)
    nullable = False
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return Shape(None)
        nullable = True
        annotation = args[0]
        origin = get_origin(annotation)
    if origin is Literal:
        return Shape("literal", nullable, choices=get_args(annotation))
    if origin is list:
        (item,) = get_args(annotation)
        return Shape("list", nullable, item=shape_of(item), **constraints)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", nullable, model=annotation)
    simple: dict[Any, Kind] = {str: "str", int: "int", bool: "bool"}
    if annotation in simple:
        return Shape(simple[annotation], nullable, **constraints)
    return Shape(None)


@functools.cache
def fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The fields of a model in schema order."""
    return tuple(
        FieldSpec(
            name,
            info.is_required(),
            info,
            shape_of(info.annotation, info),
            input_only(info),
            omitted_when_absent(info),
        )
        for name, info in model.model_fields.items()
    )


@functools.cache
def field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """The field names of a model in schema order: the canonical key order."""
    return tuple(f.name for f in fields(model))


#: A function turning a field's value into its canonical form (None: kept as it is).
Convert = Callable[[Any], Any] | None


def _converter(shape: Shape) -> Convert:
    """The canonical form of a value of this shape: nested records ordered, lists rebuilt."""
    if shape.kind == "model" and shape.model is not None:
        model = shape.model
        return lambda value: canonical(value, model) if isinstance(value, dict) else value
    if shape.kind == "list" and shape.item is not None:
        item = _converter(shape.item)
        if item is None:
            return lambda value: list(value) if isinstance(value, list) else value
        return lambda value: [item(x) for x in value] if isinstance(value, list) else value
    return None


@functools.cache
def _plan(
    model: type[BaseModel],
) -> tuple[tuple[str, bool, bool, Callable[[], Any], Convert], ...]:
    """Per field, what `canonical` needs, worked out once per model (its hot loop runs once
    per record of every file `fmt` reads): name, required, omitted, default, converter."""
    return tuple(
        (f.name, f.required, f.omitted, _factory(f), _converter(f.shape)) for f in fields(model)
    )


def _factory(spec: FieldSpec) -> Callable[[], Any]:
    """A function giving a fresh copy of the field's default (`FieldSpec.default`, faster)."""
    if spec.required:
        return spec.default  # never called
    value = _json_default(spec.info)
    if isinstance(value, (list, dict)):
        return (lambda: copy.deepcopy(value)) if value else type(value)
    return lambda: value


def canonical(obj: Any, model: type[BaseModel]) -> Any:
    """`obj` with keys in the model's order, defaults filled in, unknown keys last; recursive.

    Never changes meaning: a missing required field stays missing, and values of the wrong
    shape are kept as they are (validate reports both). Non-dict input is returned unchanged.
    Omitted-when-absent fields (`occurrence`, `note`, `reviewer`) are never filled in; when
    null they go with the unknown keys, at the end (validate reports them).

    Runs `compiled(model)`, straight-line code generated from the model that does what
    `canonical_reference` does (the tests check they agree).
    """
    return compiled(model)(obj)


def canonical_reference(obj: Any, model: type[BaseModel]) -> Any:
    """`canonical`, as a loop over the model's fields: the definition the generated code
    follows (about twice slower; `fmt` runs it for every record)."""
    if not isinstance(obj, dict):
        return obj
    out: dict[str, Any] = {}
    taken = 0  # keys of obj placed in out
    for name, required, omitted, default, convert in _plan(model):
        if name in obj:
            value = obj[name]
            if omitted and value is None:
                continue  # null: kept, at the end, as it was written
            out[name] = value if convert is None else convert(value)
            taken += 1
        elif not (required or omitted):
            out[name] = default()
    if taken < len(obj):
        for key, value in obj.items():
            if key not in out:
                out[key] = value
    return out


def without_defaults(
    value: Any,
    model: type[BaseModel] | None,
    arrange: Callable[[list[tuple[str, Any]]], None] | None = None,
) -> Any:
    """`value` with every field left out that holds its default, recursively: a valid record as
    a script or an annotation tool writes it (the opposite of `canonical`).

    `arrange`, when given, reorders each record's (key, value) pairs in place (`list.reverse`,
    a seeded `random.Random.shuffle`). Keys the model does not know are dropped.
    """
    if not isinstance(value, dict) or model is None:
        return value
    items = []
    for spec in fields(model):
        if spec.name not in value:
            continue
        item = value[spec.name]
        if not spec.required and item == spec.default():
            continue
        shape = spec.shape
        if shape.kind == "list" and shape.item is not None and isinstance(item, list):
            item = [without_defaults(x, shape.item.model, arrange) for x in item]
        else:
            item = without_defaults(item, shape.model, arrange)
        items.append((spec.name, item))
    if arrange is not None:
        arrange(items)
    return dict(items)


@functools.cache
def compiled(model: type[BaseModel]) -> Callable[[Any], Any]:
    """`canonical` for one model, generated as straight-line Python: one `if` per field, the
    nested models' functions called directly, constant defaults inlined. (The schema has no
    recursion, so each model's function is built from its nested models' functions.)"""
    env: dict[str, Any] = {}
    code = [
        "def canonical_of(obj):",
        "    if not isinstance(obj, dict):",
        "        return obj",
        "    out = {}",
        "    taken = 0",
    ]
    for number, spec in enumerate(fields(model)):
        key = repr(spec.name)
        value = _convert_expression(spec.shape, "value", env)
        code.append(f"    if {key} in obj:")
        code.append(f"        value = obj[{key}]")
        if spec.omitted:
            code.append("        if value is not None:")
            code.append(f"            out[{key}] = {value}")
            code.append("            taken += 1")
            continue
        code.append(f"        out[{key}] = {value}")
        code.append("        taken += 1")
        if spec.required:
            continue
        default = _json_default(spec.info)
        code.append("    else:")
        if isinstance(default, (list, dict)) and default:
            env[f"default{number}"] = _factory(spec)
            code.append(f"        out[{key}] = default{number}()")
        elif isinstance(default, (list, dict)):
            code.append(f"        out[{key}] = {'[]' if isinstance(default, list) else '{}'}")
        else:
            env[f"default{number}"] = default
            code.append(f"        out[{key}] = default{number}")
    code += [
        "    if taken < len(obj):",
        "        for key, value in obj.items():",
        "            if key not in out:",
        "                out[key] = value",
        "    return out",
    ]
    source = "\n".join(code) + "\n"
    # The source is made from the models above, never from input.
    exec(compile(source, f"<canonical {model.__name__}>", "exec"), env)
    function: Callable[[Any], Any] = env["canonical_of"]
    function.__doc__ = f"`canonical(obj, {model.__name__})`, generated:\n\n{source}"
    return function


def _convert_expression(shape: Shape, var: str, env: dict[str, Any], depth: int = 0) -> str:
    """A Python expression for the canonical form of `var`, a value of this shape (what
    `_converter` returns a function for)."""
    if shape.kind == "model" and shape.model is not None:
        name = f"canonical_{shape.model.__name__}"
        env[name] = compiled(shape.model)
        return f"{name}({var})"
    if shape.kind == "list" and shape.item is not None:
        item = f"item{depth}"
        inner = _convert_expression(shape.item, item, env, depth + 1)
        if inner == item:
            return f"(list({var}) if isinstance({var}, list) else {var})"
        return f"([{inner} for {item} in {var}] if isinstance({var}, list) else {var})"
    return var
