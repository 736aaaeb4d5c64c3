"""Git's conflict markers in a JSONL file: `<<<<<<< ours`, `|||||||` (diff3), `=======`,
`>>>>>>> theirs`. Such a file is not JSON; every command that reads one names the conflict
instead of reporting a JSON syntax error.

(`claimset merge` never writes them: a field changed two ways becomes a `conflicts` list inside
the record. They come from a plain `git merge` without the driver, or from `git merge-file`.)
"""

from __future__ import annotations

import re

_MARKER = re.compile(r"(<{7}|\|{7}|={7}|>{7})(?: (.*))?\r?")

#: What each marker starts, by its first character.
KINDS = {"<": "ours", "|": "base", "=": "theirs", ">": "end"}


def marker(line: str) -> tuple[str, str] | None:
    """(kind, label) if the line is a conflict marker, else None. Kinds: ours (`<<<<<<<`),
    base (`|||||||`), theirs (`=======`), end (`>>>>>>>`); the label is what follows."""
    match = _MARKER.fullmatch(line)
    if match is None:
        return None
    return KINDS[match.group(1)[0]], (match.group(2) or "").strip()


def explain(line: str) -> str:
    """What a `<<<<<<<` line means and how to fix it, for messages."""
    return (
        f"unresolved merge conflict ({line.strip()!r}): keep the lines you want, delete the "
        "other side and the marker lines; `claimset merge --setup` lets git merge these files "
        "by record"
    )
