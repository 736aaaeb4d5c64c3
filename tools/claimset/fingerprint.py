"""Which claims are still exactly what the drafter made: a fingerprint in the claim id.

`claimset draft` gives each suggested claim the id `c<n>-<fingerprint>`, where the fingerprint
is the first 8 hex digits of the sha256 of the claim as drafted (its canonical JSON without the
id and without span offsets, which `split` and `fmt` may move). A claim is a machine draft only
while its content still hashes to the fingerprint in its id; any edit (a type, a target, a cue,
evidence added or removed) makes it human work, whatever its `origin` says, and no command
replaces it: `draft --redo` leaves its sentence alone. Claims without a fingerprint (written by
a person, or drafted before fingerprints existed) are human work too.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

import orjson

_STAMPED = re.compile(r"c([0-9]+)-([0-9a-f]{8})")
_OFFSETS = ("start", "end")


#: Values that hold nothing to leave out: JSON's scalars but floats (see `_Float`).
_SCALARS = frozenset({str, int, bool, type(None)})


class _Float(float):
    """A float of a claim. orjson refuses to write it, so a claim holding one is written by
    json: orjson spells some floats otherwise (1e-05 as 0.00001, NaN as null); json writes
    this subclass as the float itself."""


def _content(value: Any) -> Any:
    """The claim without its id and without offsets, at any depth."""
    # Scalars are answered inline (most values): a call for each would double the cost.
    # Plain dicts and lists first: `isinstance` against the Mapping ABC costs more than the
    # rest of the work on a small dict.
    kind = type(value)
    if kind is dict or (kind is not list and isinstance(value, Mapping)):
        return {
            k: v if type(v) in _SCALARS else _content(v)
            for k, v in value.items()
            if k not in _OFFSETS
        }
    if isinstance(value, list):
        return [v if type(v) in _SCALARS else _content(v) for v in value]
    if isinstance(value, float):
        return _Float(value)
    return value


#: The fingerprint's serialization: sorted keys, no spaces, UTF-8 as is.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint(claim: Mapping[str, Any]) -> str:
    """8 hex digits of the sha256 of the claim's content (id and offsets left out)."""
    content = {
        k: v if type(v) in _SCALARS else _content(v)
        for k, v in claim.items()
        if k != "id" and k not in _OFFSETS
    }
    try:
        # `draft` fingerprints every claim it reads and writes: orjson is several times faster
        # than json and writes strings, integers and sorted keys byte for byte as `_ENCODER`
        # does (tests/test_fingerprint.py); it refuses what it would write otherwise.
        data = orjson.dumps(content, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:  # a float, an integer beyond 64 bits, a lone surrogate
        data = _ENCODER.encode(content).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:8]


def stamp(claims: list[dict[str, Any]]) -> None:
    """Give drafted claims their ids, `c1-<fingerprint>`, `c2-…`, in order."""
    for number, claim in enumerate(claims, start=1):
        claim["id"] = f"c{number}-{fingerprint(claim)}"


def machine_made(claim: Any) -> bool:
    """True only for a claim the drafter made and nobody has changed since."""
    if not isinstance(claim, Mapping) or claim.get("origin") != "auto":
        return False
    claim_id = claim.get("id")
    match = _STAMPED.fullmatch(claim_id) if isinstance(claim_id, str) else None
    return match is not None and match.group(2) == fingerprint(claim)
