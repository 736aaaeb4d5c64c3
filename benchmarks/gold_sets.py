"""The annotated sets the experiments read, by name, and their documents.

dev and test are the project's own documents (corpus/, by their split in documents.jsonl, the
seed essay left out); every other name is a folder of projects under tests/data.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: The sets whose errors may be read.
READABLE = (
    "dev",
    "test",
    "blind",
    "blind2",
    "blind4",
    "blind5",
    "blind6",
    "blind7",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
)
#: Validation: pooled figures only, never read.
VALIDATION = ("blind3",)


def documents(name: str) -> list[tuple[str, Path]]:
    """(document id, project root) of every annotated document of a set."""
    if name in ("dev", "test"):
        want = {"dev": ("train", "validation"), "test": ("test",)}[name]
        out = []
        for line in (REPO / "corpus/documents.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d["split"] in want and not d["id"].startswith("000_"):
                out.append((d["id"], REPO))
        return out
    folder = REPO / "tests/data" / name
    return [(p.name, p) for p in sorted(folder.iterdir()) if (p / "seeds").is_dir()]
