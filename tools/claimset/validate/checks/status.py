"""A sentence's status agrees with its content."""

from __future__ import annotations

from typing import Any

from ...vocabulary import HUMAN_STATUSES
from ..problems import Problem, Where
from ..registry import check


@check("status", {"status": "error"})
def status(obj: dict[str, Any], value: str, claims: Any) -> list[Problem]:
    """`done`/`reviewed` need an annotator; `todo` has no claims."""
    if value in HUMAN_STATUSES and obj.get("annotator") is None:
        message = (
            f'status {value!r} needs an annotator: add "annotator": "<your id>" '
            "(or set the status to 'draft')"
        )
        where: Where = "value" if "annotator" in obj else "object"
        return [Problem(("annotator",), "status", message, at=where)]
    if value == "todo" and type(claims) is list and claims:
        message = (
            f"status 'todo' but {len(claims)} claim(s): set it to 'draft' (machine "
            "suggestions) or 'done' (a person annotated the sentence)"
        )
        return [Problem(("status",), "status", message)]
    return []
