"""Conflicts that `claimset merge` kept inside a record, waiting for a person to resolve them."""

from __future__ import annotations

import json
from typing import Any

from ..problems import Problem, json_type
from ..registry import check

#: The key the merge driver writes (`claimset.merge.CONFLICTS`; not imported: the merge module
#: is a command's, the validator must not load it).
CONFLICTS = "conflicts"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


@check("merge-conflicts", {"conflict": "error"})
def recorded_conflicts(obj: dict[str, Any]) -> list[Problem]:
    """A record holds no unresolved `conflicts` list from a merge of two branches."""
    entries = obj.get(CONFLICTS)
    if CONFLICTS not in obj:
        return []
    if type(entries) is not list or not entries:
        message = (
            "a `conflicts` entry that is not a non-empty list: delete it once the record is "
            "resolved"
        )
        return [Problem((CONFLICTS,), "conflict", message, at="key")]
    problems: list[Problem] = []
    for index, entry in enumerate(entries):
        if type(entry) is not dict:
            # Not something the merge driver writes: say what is there, not "ours wrote null".
            message = (
                f"a `conflicts` entry that is not an object (got {json_type(entry)}): keep the "
                "version of the record you want, then delete this entry"
            )
            problems.append(Problem((CONFLICTS, index), "conflict", message, at="value"))
            continue
        where = entry.get("path") or "the whole record"
        message = (
            f"merge conflict at {where}: {entry.get('ours_by', 'ours')} wrote "
            f"{_shown(entry.get('ours'))}, {entry.get('theirs_by', 'theirs')} wrote "
            f"{_shown(entry.get('theirs'))} (before: {_shown(entry.get('base'))}); the record "
            "holds the first; keep one version, then delete this entry"
        )
        problems.append(Problem((CONFLICTS, index), "conflict", message, at="value"))
    return problems


def without_conflicts(obj: dict[str, Any]) -> dict[str, Any]:
    """The record as the other checks see it: the conflicts list is reported on its own."""
    if CONFLICTS not in obj:
        return obj
    return {key: value for key, value in obj.items() if key != CONFLICTS}
