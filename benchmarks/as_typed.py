"""A corpus as scripts and annotators write it, for the benchmarks: valid, but not canonical.

Machine-made corpora (drafts written by another tool, an import from an annotation tool, a
corpus merged by a script) hold valid records in another key order, with defaults left out and
other spacing. `claimset fmt` turns them into the canonical form; `validate` and `export` must
be fast on them before that too. The rewrite is deterministic (one seed per file).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from claimset.canonical import without_defaults
from claimset.models import SentenceRecord
from pydantic import BaseModel

#: Separators seen in the wild: json.dumps' default, compact (orjson, JSON.stringify), spaced.
SEPARATORS = [(", ", ": "), (",", ":"), (" , ", " : ")]


def as_typed(value: Any, rng: random.Random, model: type[BaseModel] | None) -> Any:
    """`value` with its keys shuffled and its defaulted fields left out, recursively."""
    return without_defaults(value, model, rng.shuffle)


def typed_line(record: dict[str, Any], rng: random.Random) -> str:
    separators = rng.choice(SEPARATORS)
    return json.dumps(
        as_typed(record, rng, SentenceRecord), ensure_ascii=False, separators=separators
    )


def rewrite_as_typed(paths: list[Path]) -> None:
    """Rewrite annotation files (in canonical form) as typed, in place."""
    for number, path in enumerate(paths):
        rng = random.Random(number)
        lines = path.read_text(encoding="utf-8").splitlines()
        path.write_text(
            "".join(typed_line(json.loads(line), rng) + "\n" for line in lines), encoding="utf-8"
        )
