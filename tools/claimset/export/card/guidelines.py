"""The project's annotation guidelines (docs/guidelines.md): where they are, and their version."""

from __future__ import annotations

import re
from pathlib import Path

#: Where the guidelines live in a project, and the name of their copy in the export.
GUIDELINES = Path("docs/guidelines.md")

_VERSION = re.compile(r"^\*?\s*Version\s+(\d+(?:\.\d+)*)", re.M | re.I)


def guidelines_version(text: str) -> str | None:
    """The version the guidelines state on a line of their own (`*Version 1.3. …`), if any."""
    found = _VERSION.search(text)
    return found.group(1) if found else None
