"""claimset: build, validate and export annotated corpora of claims from argumentative essays."""

from __future__ import annotations

from .segment import Segment, split_sentences

__version__ = "0.1.0"
__all__ = ["Segment", "__version__", "split_sentences"]
