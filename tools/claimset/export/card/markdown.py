"""Markdown pieces the card is made of: tables, and text fit for a table cell.

Every value the card did not write itself (a document's title, source or license, an annotator's
description, the project's name, claimset.toml's authors and URL, a data row) goes through
`text`, `code`, `fenced` or `bibtex` first: a title like `<img src=x onerror=...>`, `| x |`, a
`# heading`, three backticks or an unbalanced brace must show as written, not become markup.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ...safetext import escape_controls

#: Characters that start Markdown markup inline (and `|`, which ends a table cell).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def text(value: object) -> str:
    """A value from the data as inline Markdown text: one line, HTML and Markdown escaped,
    control characters shown as escapes."""
    flat = " ".join(escape_controls(str(value)).split())
    return _MARKDOWN.sub(r"\\\1", html.escape(flat, quote=False))


def code(value: object, cell: bool = True) -> str:
    """A value as an inline code span that nothing in it can close; `|` escaped in a table."""
    flat = " ".join(escape_controls(str(value)).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    span = f"{fence}{pad}{flat}{pad}{fence}"
    return span.replace("|", "\\|") if cell else span


def fenced(body: str, info: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run in `body`."""
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", body)), default=0) + 1)
    return f"{fence}{info}\n{escape_controls(body)}\n{fence}"


_BIBTEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
    "`": r"\textasciigrave{}",
}


def bibtex(value: object) -> str:
    """A value as the text of a BibTeX field: braces stay balanced, LaTeX specials escaped."""
    flat = " ".join(escape_controls(str(value)).split())
    return "".join(_BIBTEX.get(char, char) for char in flat)


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
    text = html.escape(escape_controls(text), quote=False)  # emphasis stays, HTML does not
    return " ".join(text.replace("|", "\\|").split())
