"""Placeholder until the real segmenter lands (being written)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Segment]:
    out = []
    for m in re.finditer(r"\S(?:.*?(?:[.!?](?=\s|$)|$))", text, re.M):
        out.append(Segment(m.start(), m.end(), m.group()))
    return out
