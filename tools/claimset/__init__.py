"""claimset: build, validate and export annotated corpora of claims from argumentative essays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .segment import Segment, split_sentences

if TYPE_CHECKING:
    from .corpus import ClaimInSentence, Corpus, load_corpus

__version__ = "0.1.0"
__all__ = [
    "ClaimInSentence",
    "Corpus",
    "Segment",
    "__version__",
    "load_corpus",
    "split_sentences",
]


def __getattr__(name: str) -> Any:
    # The reading API imports pydantic; loaded on first use so `claimset --help` stays fast.
    if name in ("ClaimInSentence", "Corpus", "load_corpus"):
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'claimset' has no attribute {name!r}")
