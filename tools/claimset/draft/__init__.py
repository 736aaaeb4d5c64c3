"""`claimset draft`: suggest claims for `todo` sentences with transparent rules and lexicons.

See docs/drafting.md for the rules and the layout of this package.
"""

from __future__ import annotations

from .actors import ActorIndex, load_actors
from .pipeline import (
    EVIDENCE_WINDOW,
    DraftOutcome,
    DraftResult,
    draft,
    draft_document,
    draft_file,
    draft_sentence,
)

__all__ = [
    "EVIDENCE_WINDOW",
    "ActorIndex",
    "DraftOutcome",
    "DraftResult",
    "draft",
    "draft_document",
    "draft_file",
    "draft_sentence",
    "load_actors",
]
