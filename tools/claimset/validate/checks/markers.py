"""Git's conflict markers: `<<<<<<<`/`=======`/`>>>>>>>` lines left in a data file (from a
merge without claimset's driver; the conflicts the driver keeps inside a record are
`conflicts.py`'s)."""

from __future__ import annotations

from ...diagnostics import Diagnostic
from ..registry import check


def _side(name: str, label: str, lines: tuple[int, int]) -> str:
    first, last = lines
    held = (
        "nothing" if last < first else f"line {first}" if last == first else f"lines {first}-{last}"
    )
    return f"{name} {label!r} ({held})" if label else f"{name} ({held})"


@check("conflict-markers", {"merge-conflict": "error"})
def merge_conflict(
    rel: str,
    start: int,
    end: int | None,
    ours: tuple[str, tuple[int, int]],
    theirs: tuple[str, tuple[int, int]] | None,
    source: str,
) -> list[Diagnostic]:
    """A data file holds no unresolved git merge conflict (reported once, naming both sides)."""
    if end is None or theirs is None:
        where = f"starts on line {start} and never ends (no '>>>>>>>' line)"
        sides = _side("ours", *ours)
    else:
        where = f"lines {start}-{end}"
        sides = f"{_side('ours', *ours)} and {_side('theirs', *theirs)}"
    message = (
        f"unresolved merge conflict, {where}: {sides}; keep the records you want, delete the "
        "other side and the marker lines (the lines in between are not checked until then)"
    )
    return [Diagnostic(rel, start, 1, "", "merge-conflict", message, end_column=8, source=source)]
