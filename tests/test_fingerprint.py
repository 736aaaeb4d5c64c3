"""fingerprint: orjson writes the fingerprint's bytes, and they are json's, byte for byte.

The fingerprints in claim ids already in corpora were made with json (sorted keys, no spaces,
UTF-8 as is); a fingerprint that changed would turn every drafted claim into "human work".
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping
from typing import Any

import pytest
from claimset.fingerprint import fingerprint, machine_made, stamp


def _json_fingerprint(claim: Mapping[str, Any]) -> str:
    """The fingerprint as json writes it (the definition; what the first drafts were made with)."""

    def content(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {k: content(v) for k, v in value.items() if k not in ("start", "end")}
        if isinstance(value, list):
            return [content(v) for v in value]
        return value

    data = json.dumps(
        content({k: v for k, v in claim.items() if k != "id"}),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:8]


def _claim(text: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "c1",
        "actor": {"ref": "author", "quote": None, "start": None, "end": None},
        "expectation": {"quote": text, "start": 0, "end": len(text), "type": "belief"},
        "evidence": [],
        "hedge": {"certainty": "certain", "cues": []},
        "polarity": "positive",
        "origin": "auto",
        **extra,
    }


def test_every_character_is_written_as_json_writes_it() -> None:
    """Every code point (control characters, quotes, backslashes, U+2028, astral ones), in
    values and in keys."""
    step = 4096
    for first in range(0, sys.maxunicode + 1, step):
        chars = "".join(
            chr(c)
            for c in range(first, min(first + step, sys.maxunicode + 1))
            if not 0xD800 <= c < 0xE000
        )
        claim = _claim(chars, **{chars[:50]: chars[50:100]})
        assert fingerprint(claim) == _json_fingerprint(claim), hex(first)


def test_keys_are_sorted_by_code_point_at_any_depth() -> None:
    keys = ["b", "a", "B", "é", "Z", "ab", "", "😀", "\uffff", "a\u0000"]
    claim = _claim("x", note={k: {k2: k for k2 in reversed(keys)} for k in keys})
    assert fingerprint(claim) == _json_fingerprint(claim)


@pytest.mark.parametrize(
    "value",
    [
        0,
        -1,
        2**63 - 1,
        -(2**63),
        2**64 - 1,
        2**64,  # beyond orjson's integers: json writes it
        -(2**63) - 1,
        10**40,
        True,
        None,
        0.0,
        -0.0,
        1.5,
        1e-05,  # orjson would write 0.00001
        1e16,
        float("nan"),  # orjson would write null
        float("inf"),
        [1, [2.5, {"x": 1e-7}], "a"],
    ],
)
def test_numbers_and_nesting_are_written_as_json_writes_them(value: Any) -> None:
    claim = _claim("x", note=value, evidence=[{"type": value, "start": 1, "end": 2}])
    assert fingerprint(claim) == _json_fingerprint(claim)


def test_a_lone_surrogate_fails_as_before() -> None:
    """json cannot encode a lone surrogate in UTF-8 either: the same error as ever."""
    with pytest.raises(UnicodeEncodeError):
        fingerprint(_claim("\ud800"))


def test_offsets_and_id_are_left_out_and_a_stamp_is_machine_made() -> None:
    claim = _claim("The deal will hold.")
    moved = {**claim, "id": "c9", "expectation": {**claim["expectation"], "start": 5, "end": 9}}
    assert fingerprint(claim) == fingerprint(moved)
    stamp([claim])
    assert claim["id"] == f"c1-{_json_fingerprint(claim)}"
    assert machine_made(claim)
    edited = {**claim, "polarity": "negative"}
    assert not machine_made(edited)
