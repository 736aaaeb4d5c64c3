"""Size limits, the same for every command: what validate rejects, no command reads or writes.

A hostile or broken file (a 200 MB line, a pasted data dump) must cost bounded time and memory,
and `build` must never write what its own `validate` refuses. So every JSONL reader stops at a
line longer than MAX_LINE_BYTES (reported as `limit`, like validate does), and every writer
refuses to write one.
"""

from __future__ import annotations

#: Longer lines are not parsed (no sentence record comes near: the longest sentence of a real
#: essay with dozens of claims is a few tens of KiB).
MAX_LINE_BYTES = 1 << 20


def too_long(limit: int = MAX_LINE_BYTES) -> str:
    """The reason given for a line over the limit."""
    return (
        f"line longer than {limit} bytes: not a record (a missing newline between records, "
        "or pasted data?)"
    )
