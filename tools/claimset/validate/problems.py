"""Problems before they are located, and the words the checks use to describe values."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..diagnostics import Severity
from ..vocabulary import (
    ACTOR_ID_PATTERN,
    CLAIM_ID_PATTERN,
    DOC_ID_PATTERN,
    SENTENCE_ID_PATTERN,
    SHA256_PATTERN,
)
from .positions import Path as JsonPath

SENTENCE_ID = re.compile(SENTENCE_ID_PATTERN)
ACTOR_ID = re.compile(ACTOR_ID_PATTERN)
DOC_ID = re.compile(DOC_ID_PATTERN)

#: What each id pattern means, for messages.
PATTERN_NAMES = {
    SENTENCE_ID_PATTERN: "a sentence id '<doc>:<ordinal>' (4 to 9 digits), like 'essay:0003'",
    DOC_ID_PATTERN: "a document id (letters, digits, '.', '_', '-'; starting with a letter or "
    "digit)",
    CLAIM_ID_PATTERN: "a claim id (letters, digits, '_', '-'), like 'c1'",
    ACTOR_ID_PATTERN: "an actor id (lowercase letters, digits and '_', starting with a letter), "
    "like 'south_korea'",
    SHA256_PATTERN: "a sha256 digest (64 lowercase hex digits)",
}

#: Ids whose pattern is another kind's (an annotator id is spelt like a document id), named by
#: the model and field that hold them: looked up before `PATTERN_NAMES`.
ANNOTATOR_ID = (
    "an annotator id (letters, digits, '.', '_', '-'; starting with a letter or digit), like 'ann1'"
)
FIELD_NAMES = {
    ("Annotator", "id"): ANNOTATOR_ID,
    ("SentenceRecord", "annotator"): ANNOTATOR_ID,
    ("SentenceRecord", "reviewer"): ANNOTATOR_ID,
    ("OrphanRecord", "annotator"): ANNOTATOR_ID,
}

#: What a problem points at: the value at its path, the key, the enclosing object, the line.
Where = Literal["value", "key", "object", "line"]


@dataclass(frozen=True)
class Problem:
    """A diagnostic not yet located: a JSON path and what to point at there."""

    path: JsonPath
    code: str
    message: str
    severity: Severity = "error"
    at: Where = "value"


def quote(text: str, limit: int = 60) -> str:
    """repr() of a possibly long string, shortened in the middle."""
    if len(text) > limit:
        text = text[: limit // 2 - 1] + "…" + text[-(limit // 2 - 1) :]
    return repr(text)


def json_type(value: Any) -> str:
    """A JSON value's type in words, with a short rendering of the value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({quote(value, 30)})"
    if isinstance(value, list):
        return "an array"
    return "an object"


def did_you_mean(word: str, choices: list[str]) -> str:
    """` (did you mean 'x'?)` for the closest of `choices`, or ''."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class ActorIndex:
    """The actor ids, and names and aliases for "did you mean" suggestions."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.names: dict[str, str] = {}  # lowercased name or alias -> id

    def add(self, record: dict[str, Any]) -> None:
        actor_id = record.get("id")
        if not isinstance(actor_id, str):
            return
        self.ids.add(actor_id)
        names = [record.get("name")]
        aliases = record.get("aliases")
        if isinstance(aliases, list):
            names.extend(aliases)
        for name in names:
            if isinstance(name, str):
                self.names.setdefault(name.lower(), actor_id)

    def suggest(self, ref: str) -> str:
        """` (did you mean 'russia'?)`, by id spelling or by name/alias, or ''."""
        by_name = self.names.get(ref.lower()) or self.names.get(ref.lower().replace("_", " "))
        if by_name is not None:
            return f" (did you mean {by_name!r}?)"
        return did_you_mean(ref, sorted(self.ids))
