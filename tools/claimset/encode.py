"""Canonical lines written by code generated from the models: `jsonio.dumps(canonical(obj))`,
faster.

`fmt` writes every record it reads in canonical form. For a record whose values have the types
its model gives (the common case, whatever its key order or the defaults it leaves out),
`encoder(model)` writes the canonical line straight from the record, with one f-string per
model: keys are constants in the model's order, a default left out is its constant line,
strings go through the json module's own escaping function, integers and booleans are spelled
as json spells them. Anything else (a key the model does not have, a null `note`, a value of
another type) makes the encoder raise `NotCanonical` and `canonical_line` falls back on
`jsonio.dumps(canonical(obj))`; a model this module cannot express always does. The tests hold
the two to the same text.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .canonical import Shape, canonical, fields
from .jsonio import SEPARATORS
from .jsonio import dumps as json_dumps


class NotCanonical(Exception):
    "A value the generated encoder does not write (`jsonio.dumps(canonical(obj))` does)."


class Unsupported(Exception):
    "A shape this module does not write (its records always take `jsonio.dumps`)."


#: What `dict.get` gives for a key the record does not have (no JSON value is this object).
_ABSENT = object()


def canonical_line(obj: Any, model: type[BaseModel]) -> str:
    """`jsonio.dumps(canonical(obj, model))`, by the model's generated encoder when it can."""
    try:
        return encoder(model)(obj)
    except (NotCanonical, TypeError):  # TypeError: a list item of another type, for `join`
        return json_dumps(canonical(obj, model))


#: Colons the generated encoders wrote for defaults since `line_and_added` reset it.
_ADDED = [0]


def line_and_added(obj: Any, model: type[BaseModel]) -> tuple[str, int]:
    """The generated encoder's line (it raises NotCanonical or TypeError where it has none), and
    how many colons the defaults it wrote for fields left out hold, keys included: the line's
    colons less these are those of `obj` written out (`fmt`'s test for a repeated key)."""
    _ADDED[0] = 0
    line = encoder(model)(obj)
    return line, _ADDED[0]


def _never(obj: Any) -> str:
    raise NotCanonical


@functools.cache
def encoder(model: type[BaseModel]) -> Callable[[Any], str]:
    """The generated encoder of a model (one that always raises if it has none)."""
    try:
        return _generated(model)
    except Unsupported:
        return _never


def _generated(model: type[BaseModel]) -> Callable[[Any], str]:
    env: dict[str, Any] = {"E": json.encoder.encode_basestring, "NotCanonical": NotCanonical}
    env["A"], env["ADDED"] = _ABSENT, _ADDED
    specs = fields(model)
    if not specs or specs[0].omitted:
        raise Unsupported(model.__name__)  # the first key is written without a separator
    code = ["def encode(obj):", "    if type(obj) is not dict:", "        raise NotCanonical"]
    checks: list[str] = []
    parts: list[str] = []
    present: list[str] = []  # a test per optional field: is it in obj?
    added: list[str] = []  # per default: the colons it adds when written for a field left out
    required = 0
    for number, spec in enumerate(specs):
        var = f"v{number}"
        code.append(f"    {var} = obj.get({spec.name!r}, A)")
        # An omitted field is written only when given and not null (null goes with the
        # unknown keys, as in `canonical`): its value is never null here.
        shape = dataclasses.replace(spec.shape, nullable=False) if spec.omitted else spec.shape
        check, value = _value(shape, var, env)
        key = json.dumps(spec.name) + SEPARATORS[1]
        if spec.required:
            required += 1
            checks.append(check or f"{var} is not A")  # A is of no type a check accepts
            parts.append(_literal(key) + "{" + value + "}")
            continue
        present.append(f"({var} is not A)")
        if spec.omitted:
            checks.append(f"({var} is A or {check or 'True'})")
            env[f"K{number}"] = SEPARATORS[0] + key
            parts[-1] += "{" + f'"" if {var} is A else K{number} + ({value})' + "}"
            continue
        checks.extend([f"({var} is A or {check})"] if check else [])
        env[f"D{number}"] = default = json_dumps(spec.default())
        added.append(f"({var} is A) * {1 + default.count(':')}")  # its key's and its own
        parts.append(_literal(key) + "{" + f"D{number} if {var} is A else {value}" + "}")
    if added:
        code.append(f"    ADDED[0] += {' + '.join(added)}")
    known = " + ".join([str(required), *present])
    checks.append(f"len(obj) == {known}")  # no key the model does not have
    code += [f"    if not ({' and '.join(checks)}):", "        raise NotCanonical"]
    body = SEPARATORS[0].join(parts)
    code.append(f"    return f'{{{{{body}}}}}'")
    source = "\n".join(code) + "\n"
    # The source is made from the models above, never from input.
    exec(compile(source, f"<encode {model.__name__}>", "exec"), env)
    function: Callable[[Any], str] = env["encode"]
    function.__doc__ = f"The canonical line of a {model.__name__}, generated:\n\n{source}"
    return function


def _literal(text: str) -> str:
    """Text inside the generated f-string (single-quoted): braces doubled."""
    if "'" in text or "\\" in text:
        raise Unsupported(text)
    return text.replace("{", "{{").replace("}", "}}")


def _value(shape: Shape, var: str, env: dict[str, Any]) -> tuple[str, str]:
    """(the type test, or "" for none; the f-string expression) of a value of this shape."""
    kind = shape.kind
    if kind == "str" or (kind == "literal" and all(type(c) is str for c in shape.choices)):
        check, value = f"type({var}) is str", f"E({var})"
    elif kind == "int":
        check, value = f"type({var}) is int", var
    elif kind == "bool":
        check, value = f"type({var}) is bool", f'"true" if {var} else "false"'
    elif kind == "model" and shape.model is not None:
        # The nested encoder tests its own value.
        check, value = "", f"{_nested(shape.model, env)}({var})"
    elif kind == "list" and shape.item is not None:
        item = shape.item
        if item.nullable:
            raise Unsupported(repr(shape))
        if item.kind == "model" and item.model is not None:
            each = _nested(item.model, env)
        elif item.kind == "str":
            each = "E"  # refuses what is not a string (TypeError)
        else:
            raise Unsupported(repr(shape))
        separator = SEPARATORS[0]
        check, value = f"type({var}) is list", f'"[" + "{separator}".join(map({each}, {var})) + "]"'
    else:
        raise Unsupported(repr(shape))
    if shape.nullable:
        if check:
            check = f"({var} is None or {check})"
        return check, f'"null" if {var} is None else {value}'
    return check, value


def _nested(model: type[BaseModel], env: dict[str, Any]) -> str:
    name = f"encode_{model.__name__}"
    env[name] = encoder(model)
    return name
