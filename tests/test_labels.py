"""Label definitions: one source (claimset.labels) for the guidelines' block and the card.

Refresh the guidelines' generated block with: `.venv/bin/python tests/test_labels.py`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from claimset.export.card.sections import label_tables
from claimset.features import CLASS_LABELS
from claimset.labels import DEFINITIONS, markdown

GUIDELINES = Path(__file__).resolve().parents[1] / "docs" / "guidelines.md"
BLOCK = re.compile(r"<!-- labels:start -->\n.*?\n<!-- labels:end -->", re.S)


def render(text: str) -> str:
    return BLOCK.sub(lambda _m: f"<!-- labels:start -->\n{markdown()}\n<!-- labels:end -->", text)


def test_every_label_of_every_set_is_defined() -> None:
    assert set(DEFINITIONS) == set(CLASS_LABELS)
    for name, labels in CLASS_LABELS.items():
        assert tuple(DEFINITIONS[name]) == labels
        assert all(len(text) > 20 for text in DEFINITIONS[name].values()), name
        # One definition per label, not one sentence for the whole set.
        assert len(set(DEFINITIONS[name].values())) == len(labels), name


def test_the_guidelines_show_the_same_definitions() -> None:
    text = GUIDELINES.read_text(encoding="utf-8")
    assert BLOCK.search(text), "docs/guidelines.md lacks the generated labels block"
    assert text == render(text), "stale labels block: run `.venv/bin/python tests/test_labels.py`"


def test_the_card_defines_every_label() -> None:
    card = label_tables()
    for labels in DEFINITIONS.values():
        for label, definition in labels.items():
            assert f"| `{label}` | {definition} |" in card


if __name__ == "__main__":
    GUIDELINES.write_text(render(GUIDELINES.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
