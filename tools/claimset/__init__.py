"""claimset: build, validate and export annotated corpora of claims from argumentative essays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import ClaimInSentence, Corpus, load_corpus
    from .segment import Segment, split_sentences

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
    # The splitter too: `claimset validate` and `fmt` never split (its rules take a tenth of
    # their start-up).
    if name in ("Segment", "split_sentences"):
        from . import segment

        return getattr(segment, name)
    raise AttributeError(f"module 'claimset' has no attribute {name!r}")
