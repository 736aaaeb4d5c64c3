"""Text from the data, made safe to print: control and format characters shown escaped.

Seed texts, annotator ids and file names come from whoever wrote the corpus. Printed raw, an
`ESC]0;…BEL` retitles the terminal, `ESC[2J` clears it, an OSC-8 sequence plants a hyperlink, a
right-to-left override (U+202E) reverses what a reviewer reads, and a lone surrogate cannot be
encoded at all (a traceback). Every human-readable output therefore shows these characters as
escapes (`\\x1b`, `\\u202e`, `\\ud800`): Unicode categories Cc (controls), Cf (format) and Cs
(surrogates), except tab and newline.
"""

from __future__ import annotations

import re
import unicodedata

#: Runs of characters that might need escaping (anything but printable ASCII, tab, newline);
#: each is then checked by category, so no table of the whole of Unicode is built at start-up.
_CANDIDATES = re.compile(r"[^\t\n\x20-\x7e]+")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def _escape_char(char: str) -> str:
    if unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """`text` with every control, format or surrogate character (but tab and newline) escaped."""
    return _CANDIDATES.sub(lambda m: "".join(_escape_char(c) for c in m.group()), text)


def has_controls(text: str) -> bool:
    """Whether `text` holds a character `escape_controls` would escape."""
    return any(
        unicodedata.category(c) in _UNSAFE_CATEGORIES
        for run in _CANDIDATES.findall(text)
        for c in run
    )


_JSON_CANDIDATES = re.compile(r"[^\x00-\x7e]+")


def _json_char(char: str) -> str:
    if unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # outside the BMP: JSON writes a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _json_escape(run: str) -> str:
    return "".join(_json_char(c) for c in run)


def safe_json(text: str) -> str:
    """JSON text (from json.dumps, ensure_ascii=False) with the characters json leaves raw that
    a terminal would act on (DEL, C1 controls, format characters, surrogates) as \\u escapes:
    they only occur inside strings, so the JSON means the same."""
    return _JSON_CANDIDATES.sub(lambda m: _json_escape(m.group()), text)
