"""The checks, one registered unit each (see `..registry`), grouped by what they look at.

Importing this package registers them all: syntax (reading a line), structure (the models),
ids and offsets (sentences), status, claims and spans (annotations), registries (actors.jsonl,
documents.jsonl) and documents (seeds and files together).
"""

from . import claims, documents, ids, offsets, registries, spans, status, structure, syntax

__all__ = [
    "claims",
    "documents",
    "ids",
    "offsets",
    "registries",
    "spans",
    "status",
    "structure",
    "syntax",
]
