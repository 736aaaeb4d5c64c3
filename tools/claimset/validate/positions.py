"""Where each key and value of a JSON line sits, for diagnostics that point at columns.

Python's json module parses without positions and silently keeps the last of two equal keys,
so the validator's precise path re-reads a line that json accepted with this small scanner. It
is iterative (no recursion limit to hit) and only ever sees text that already parsed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
# The unrolled form stays linear on long strings.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_CONSTANTS = ("true", "false", "null", "NaN", "Infinity", "-Infinity")


@dataclass(frozen=True)
class Place:
    """Offsets (0-based code points) of one value, and of its key if it has one."""

    start: int
    end: int
    key_start: int | None = None
    key_end: int | None = None


@dataclass
class Layout:
    """The places of every value of a line, by JSON path, and what json let through."""

    places: dict[Path, Place] = field(default_factory=dict)
    duplicates: list[tuple[Path, Place, Place]] = field(default_factory=list)  # (path, 1st, 2nd)
    constants: list[tuple[Path, Place, str]] = field(default_factory=list)  # NaN, Infinity

    def place(self, path: Path) -> Place | None:
        """The place of `path`, or of its nearest ancestor that exists."""
        while True:
            found = self.places.get(path)
            if found is not None or not path:
                return found
            path = path[:-1]


@dataclass
class _Frame:
    is_object: bool
    path: Path
    start: int
    key_start: int | None
    key_end: int | None
    index: int = 0
    keys: dict[str, Place] = field(default_factory=dict)


def scan(text: str) -> Layout:
    """The layout of `text`, which must be one JSON value that `json.loads` accepts.

    Duplicate keys map to their last occurrence (the one a parser keeps) and are listed.
    """
    layout = Layout()
    stack: list[_Frame] = []
    path: Path = ()
    key: tuple[int, int] | None = None
    i = _WS.match(text, 0).end()  # type: ignore[union-attr]
    while True:
        char = text[i]
        if char in "{[":
            frame = _Frame(char == "{", path, i, *(key or (None, None)))
            stack.append(frame)
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            if text[i] not in "}]":
                path, key, i = _member(text, i, frame, layout)
                continue
        else:
            end = _scalar_end(text, i)
            place = Place(i, end, *(key or (None, None)))
            layout.places[path] = place
            if text[i:end] in ("NaN", "Infinity", "-Infinity"):
                layout.constants.append((path, place, text[i:end]))
            i = _WS.match(text, end).end()  # type: ignore[union-attr]
        # After a value: close finished containers, or move to the next member.
        while stack:
            frame = stack[-1]
            if text[i] == ",":
                frame.index += 1
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
                path, key, i = _member(text, i, frame, layout)
                break
            stack.pop()
            layout.places[frame.path] = Place(frame.start, i + 1, frame.key_start, frame.key_end)
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        else:
            return layout


def _member(text: str, i: int, frame: _Frame, layout: Layout) -> tuple[Path, Any, int]:
    """Start the next member of `frame` at `i`: its path, key offsets, and value offset."""
    if not frame.is_object:
        return (*frame.path, frame.index), None, i
    match = _STRING.match(text, i)
    assert match is not None  # the text parsed, so a key is here
    name: str = json.loads(match.group())
    path: Path = (*frame.path, name)
    key_place = Place(i, match.end())
    if name in frame.keys:
        layout.duplicates.append((path, frame.keys[name], key_place))
    frame.keys[name] = key_place
    i = _WS.match(text, match.end()).end()  # type: ignore[union-attr]
    i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]  # past the colon
    return path, (key_place.start, key_place.end), i


def _scalar_end(text: str, i: int) -> int:
    if text[i] == '"':
        match = _STRING.match(text, i)
        return match.end() if match else len(text)
    for constant in _CONSTANTS:
        if text.startswith(constant, i):
            return i + len(constant)
    match = _NUMBER.match(text, i)
    return match.end() if match else i + 1


def json_path(path: Path) -> str:
    """`claims[0].actor.ref` for ('claims', 0, 'actor', 'ref')."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
