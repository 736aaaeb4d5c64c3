"""Markdown pieces the card is made of: tables, and text fit for a table cell."""

from __future__ import annotations

import re
from typing import Any


def table(header: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table: the header row, the rule, one row per list of cells."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def one_line(text: str) -> str:
    """Inline Markdown as one line for a table cell: emphasis and links dropped, `|` escaped."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return " ".join(text.replace("|", "\\|").split())
