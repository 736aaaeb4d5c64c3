"""Orphans: claims `claimset split` could not place after a seed changed (corpus/orphans/)."""

from __future__ import annotations

from typing import Any

from ..problems import Problem, quote
from ..registry import check


@check("orphan", {"orphan": "warning"})
def orphan(record: dict[str, Any], annotations_rel: str) -> list[Problem]:
    """No claim waits in corpus/orphans/ to be put back (a warning; an error under --strict)."""
    claim = record.get("claim")
    claim_id = claim.get("id") if isinstance(claim, dict) else None
    sentence = record.get("sentence")
    which = f"claim {sentence}/{claim_id}" if claim_id else f"a claim of sentence {sentence}"
    text = record.get("text")
    was = f" ({quote(text)})" if isinstance(text, str) else ""
    reason = record.get("reason")
    why = f": {reason}" if isinstance(reason, str) and reason else ""
    message = (
        f"{which}{was} was not placed when the seed changed{why}; move it back into a "
        f"sentence of {annotations_rel} (fix its quotes, then `claimset fmt`), or delete this line"
    )
    return [Problem((), "orphan", message, "warning", at="line")]
