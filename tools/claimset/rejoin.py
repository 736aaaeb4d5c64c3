"""Records that an editor spread over several lines (pretty-printed), found so that `validate`
reports one problem instead of one per line, and `fmt` can put each back on one line.

A spread record is a run of consecutive lines, none of which holds a record on its own, that
starts with `{` and, joined, parses as exactly one JSON object. Anything else is not guessed at:
`fmt` refuses the file untouched, as for any line it cannot parse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

#: The longest run of lines tried as one record (a pretty-printed record is ~30-200 lines).
MAX_LINES = 2000


@dataclass(frozen=True)
class Spread:
    """Lines `first`..`last` (1-based, inclusive) hold one record, `value`, between them."""

    first: int
    last: int
    value: dict[str, Any]


def find_spread(run: Sequence[tuple[int, str]], loads: Callable[[str], Any]) -> list[Spread]:
    """The spread records in a run of lines that hold no record alone: (line number, text).

    Only consecutive lines are joined. A candidate starts at a line beginning with `{` and ends
    at a line ending with `}`; the first end at which the joined lines parse (with `loads`) as
    an object wins. Lines of the run outside every spread record are left to the caller.
    """
    found: list[Spread] = []
    index = 0
    while index < len(run):
        first, text = run[index]
        spread = None
        if text.lstrip().startswith("{"):
            parts = [text]
            for end in range(index + 1, min(len(run), index + MAX_LINES)):
                lineno, part = run[end]
                if lineno != run[end - 1][0] + 1:
                    break  # another line lies between: not one record
                parts.append(part)
                if not part.rstrip().endswith("}"):
                    continue
                try:
                    value = loads("\n".join(parts))
                except (ValueError, RecursionError):
                    continue
                if isinstance(value, dict):
                    spread = Spread(first, lineno, value)
                break
        if spread is None:
            index += 1
            continue
        found.append(spread)
        index += spread.last - spread.first + 1
    return found
