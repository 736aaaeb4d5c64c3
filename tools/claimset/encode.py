"""Canonical lines written by code generated from the models: what `jsonio.dumps` writes, faster.

`fmt` encodes every record it reads. For a record in canonical form whose values have the
types its model gives (the common case), `encoder(model)` writes the line with one f-string per
model: keys are constants, strings go through the json module's own escaping function,
integers and booleans are spelled as json spells them. Anything else (a key out of place, a
value of another type) makes the encoder raise `NotCanonical` and `dumps` falls back on
`jsonio.dumps`; a model this module cannot express always does. The tests hold the two to the
same text.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .canonical import Shape, fields
from .jsonio import SEPARATORS
from .jsonio import dumps as json_dumps


class NotCanonical(Exception):
    "A value the generated encoder does not write (`jsonio.dumps` does)."


class Unsupported(Exception):
    "A shape this module does not write (its records always take `jsonio.dumps`)."


def dumps(obj: Any, model: type[BaseModel]) -> str:
    """`jsonio.dumps(obj)`, by the model's generated encoder when it can."""
    try:
        return encoder(model)(obj)
    except (NotCanonical, TypeError):  # TypeError: a list item of another type, for `join`
        return json_dumps(obj)


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
    specs = [spec for spec in fields(model) if not spec.omitted]
    names = [f"v{number}" for number in range(len(specs))]
    env["KEYS"] = tuple(spec.name for spec in specs)
    checks: list[str] = []
    parts: list[str] = []
    for name, spec in zip(names, specs, strict=True):
        check, value = _value(spec.shape, name, env)
        if check:
            checks.append(check)
        key = json.dumps(spec.name) + SEPARATORS[1]
        parts.append(key.replace("{", "{{").replace("}", "}}") + "{" + value + "}")
    body = SEPARATORS[0].join(parts)
    code = [
        "def encode(obj):",
        "    if type(obj) is not dict or tuple(obj) != KEYS:",
        "        raise NotCanonical",
        f"    {', '.join(names)}, = obj.values()" if names else "    pass",
    ]
    if checks:
        code += [f"    if not ({' and '.join(checks)}):", "        raise NotCanonical"]
    code.append(f"    return f'{{{{{body}}}}}'")
    source = "\n".join(code) + "\n"
    # The source is made from the models above, never from input.
    exec(compile(source, f"<encode {model.__name__}>", "exec"), env)
    function: Callable[[Any], str] = env["encode"]
    function.__doc__ = f"The canonical line of a {model.__name__}, generated:\n\n{source}"
    return function


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
