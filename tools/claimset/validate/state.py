"""What the checks of one annotation file remember from line to line."""

from __future__ import annotations

from typing import Any

from .lines import Line
from .positions import Path as JsonPath


class AnnotationState:
    """The sentences seen so far in one document's annotation file, and its seed."""

    def __init__(
        self, doc_id: str, seed_text: str | None, actor_ids: set[str], partial: bool = False
    ) -> None:
        self.doc_id = doc_id
        self.seed_text = seed_text
        # An agreement file: a second annotation may hold some of the sentences only.
        self.partial = partial
        self.seed_rel = f"seeds/{doc_id}.txt"
        self.actor_ids = actor_ids
        self.ids: dict[str, int] = {}  # sentence id -> line
        # Where to find each sentence's text for evidence quotes: (start, end) into the seed
        # when the text matches it (no copy kept), else the text itself.
        self.texts: dict[str, tuple[int, int] | str] = {}
        # Evidence citing a sentence not read yet: checked when the file has been read.
        self.pending: list[tuple[Line, JsonPath, str, dict[str, Any]]] = []
        self.prev_start = 0
        self.prev_end = 0
        self.prev_end_line = 0
        # (start, end, line) of every sentence: the seed text none of them covers is missing.
        self.spans: list[tuple[int, int, int]] = []
        self.misplaced = 0  # sentences whose offsets are wrong: their text may be the "gap"
        # Lines without a usable sentence id (unparsable, not an object, a malformed id): the
        # sentences they hold are not "missing", and evidence may point at them.
        self.anonymous = 0
        # Sentence ids legible on lines that are not valid JSON: evidence citing them is not
        # reported twice (the line's syntax error says it all).
        self.unreadable_ids: set[str] = set()
        self.sentences = 0

    def unidentified(self) -> None:
        """Note a line whose sentence id cannot be known."""
        self.anonymous += 1

    def text_of(self, sentence: str) -> str:
        """The text of a sentence seen before."""
        stored = self.texts[sentence]
        if isinstance(stored, tuple):
            assert self.seed_text is not None
            return self.seed_text[stored[0] : stored[1]]
        return stored
