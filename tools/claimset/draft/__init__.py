"""`claimset draft`: suggest claims for `todo` sentences with transparent rules and lexicons.

See docs/drafting.md for the rules and the layout of this package.
"""

from __future__ import annotations

from . import lexicons as _lexicons
from . import rules as _rules  # noqa: F401  (importing the rules registers them)
from .actor_index import ActorIndex, load_actors
from .document import draft_document
from .files import DraftOutcome, DraftResult, draft, draft_file
from .pipeline import draft_sentence

# Resolve every rule name the lexicons use now: a misspelt or unregistered name fails at import.
_lexicons.lexicons()

__all__ = [
    "ActorIndex",
    "DraftOutcome",
    "DraftResult",
    "draft",
    "draft_document",
    "draft_file",
    "draft_sentence",
    "load_actors",
]
