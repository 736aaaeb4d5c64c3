"""The checks, one registered unit each (see `..registry`), grouped by what they look at.

Importing this package registers them all: syntax (reading a line), structure (the models),
ids and offsets (sentences), status, claims and spans (annotations), registries (actors.jsonl,
documents.jsonl), documents (seeds and files together) and conflicts (left by a merge).
"""

from . import (
    claims,
    conflicts,
    documents,
    ids,
    offsets,
    registries,
    spans,
    status,
    structure,
    syntax,
)

__all__ = [
    "claims",
    "conflicts",
    "documents",
    "ids",
    "offsets",
    "registries",
    "spans",
    "status",
    "structure",
    "syntax",
]
