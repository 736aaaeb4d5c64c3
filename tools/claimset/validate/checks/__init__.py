"""The checks, one registered unit each (see `..registry`), grouped by what they look at.

Importing this package registers them all: syntax (reading a line), markers (git's conflict
markers), structure (the models), ids and offsets (sentences), status, claims and spans
(annotations), registries (actors.jsonl, documents.jsonl), documents (seeds and files together),
conflicts (left by a merge) and orphans (claims split could not place).
"""

from . import (
    claims,
    conflicts,
    documents,
    ids,
    markers,
    offsets,
    orphans,
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
    "markers",
    "offsets",
    "orphans",
    "registries",
    "spans",
    "status",
    "structure",
    "syntax",
]
