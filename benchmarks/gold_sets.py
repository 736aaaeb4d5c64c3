"""The annotated sets the experiments read, by name, and their documents.

dev and test are the project's own documents (corpus/, by their split in documents.jsonl, the
seed essay left out); every other name is a folder of projects under tests/data.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: The seed essay: the project's worked example (corpus/), in no set.
SEED = "000_a59439a6f7a726ad"

#: Every annotated set, in order: dev and test (the project's own documents), then the folders of
#: projects under tests/data. The one list: adding a set is adding its name here (and to
#: VALIDATION when its errors must not be read); the experiments, the floors of every document
#: (tests/test_draft_floors.py) and the format tests (tests/formats_samples.py) take it from here.
SETS = (
    "dev",
    "test",
    "blind",
    "blind2",
    "blind3",
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
#: The sets whose errors may be read.
READABLE = tuple(name for name in SETS if name not in VALIDATION)
#: The folders under tests/data that hold annotated essay projects, one project per document:
#: the early test essays (tests/data/essays, measured by the tests only), then every set above
#: but dev and test.
DATA_FOLDERS = ("essays", *(name for name in SETS if name not in ("dev", "test")))


def development_documents() -> list[str]:
    """The project's real documents of the train and validation splits (corpus/documents.jsonl),
    the seed essay left out: the `dev` set. Test-split documents are the `test` set."""
    return _split_documents(("train", "validation"))


def _split_documents(splits: tuple[str, ...]) -> list[str]:
    """The ids of the project's documents in the given splits (a document without one is
    train), the seed essay left out."""
    out = []
    for line in (REPO / "corpus/documents.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("split", "train") in splits and record["id"] != SEED:
            out.append(str(record["id"]))
    return out


def documents(name: str) -> list[tuple[str, Path]]:
    """(document id, project root) of every annotated document of a set."""
    if name == "dev":
        return [(doc, REPO) for doc in development_documents()]
    if name == "test":
        return [(doc, REPO) for doc in _split_documents(("test",))]
    folder = REPO / "tests/data" / name
    return [(p.name, p) for p in sorted(folder.iterdir()) if (p / "seeds").is_dir()]
