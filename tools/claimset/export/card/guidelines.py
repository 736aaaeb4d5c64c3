"""Label definitions quoted from the project's annotation guidelines (docs/guidelines.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...features import CLASS_LABELS
from .markdown import one_line

#: Where the guidelines live in a project, and the name of their copy in the export.
GUIDELINES = Path("docs/guidelines.md")


#: Words that mark the guideline passages about each label set (in a heading above the passage,
#: or in the first cell of a table row: `| expectation.type | desire | ... |`).
_CONTEXT_WORDS = {
    "expectation type": ("expectation",),
    "evidence type": ("evidence",),
    "certainty": ("certainty",),
    "cue kind": ("cue", "hedges and boosters"),
    "polarity": ("polarity",),
}


_TOKEN = re.compile(r"`([^`]+)`|([A-Za-z][\w-]*)")


def _labels_in(cell: str) -> list[str]:
    """The labels a cell consists of (`desire`; `positive`, `negative`), or [] if it has prose."""
    rest = re.sub(r"[\s,/]+|\b(?:and|or)\b", " ", cell).strip()
    if not rest:
        return []
    tokens = [a or b for a, b in _TOKEN.findall(rest)]
    if " ".join(tokens) != " ".join(rest.replace("`", "").split()):
        return []
    known = {label for labels in CLASS_LABELS.values() for label in labels}
    return tokens if all(t in known for t in tokens) else []


@dataclass
class _Candidate:
    score: float
    position: int
    text: str


def label_definitions(guidelines: str) -> dict[str, dict[str, str]]:
    """For each ClassLabel set, the guidelines' definition of each label ('' when not found).

    Definitions are found in Markdown tables (a cell holding just the label, its definition in
    the next cell: `| | desire | the actor wants ... |`), under a heading that is the label
    (its `**Is**:` bullet, or first paragraph) and in list items (`- **desire**: ...`). A
    passage counts for a label set when a heading above it, or its table row's first cell,
    names the set (`## 13. Evidence`, `| expectation.type | ...`); the label `other`, in two
    sets, is only taken from such passages. Rows that define several labels at once
    (`| positive, negative | ... |`) are the last resort.
    """
    best: dict[tuple[str, str], _Candidate] = {}
    sets_of: dict[str, list[str]] = {}
    for set_name, names in CLASS_LABELS.items():
        for name in names:
            sets_of.setdefault(name, []).append(set_name)

    def offer(labels: list[str], context: str, text: str, score: float, position: int) -> None:
        text = one_line(text)
        if not text:
            return
        context = context.lower()
        for label in labels:
            for set_name in sets_of[label]:
                fits = any(w in context for w in _CONTEXT_WORDS[set_name])
                if not fits and len(sets_of[label]) > 1:
                    continue
                value = score + (2 if fits else 0) - (1 if len(labels) > 1 else 0)
                old = best.get((set_name, label))
                if old is None or value > old.score:
                    best[set_name, label] = _Candidate(value, position, text)

    lines = guidelines.splitlines()
    headings: list[tuple[int, str]] = []
    first_cell = ""
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        context = " ".join(h for _, h in headings)
        heading = re.match(r"(#{1,6})\s+(.*)", line)
        if heading:
            level, title = len(heading.group(1)), heading.group(2).strip()
            headings = [h for h in headings if h[0] < level] + [(level, title)]
            labels = _labels_in(title)
            if len(labels) == 1:
                offer(labels, context + " " + title, _heading_definition(lines, i + 1), 2, i)
            continue
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                continue
            if cells[0]:
                first_cell = cells[0]
            row_context = f"{context} {first_cell}"
            for j, cell in enumerate(cells):
                labels = _labels_in(cell)
                following = [c for c in cells[j + 1 :] if c and not _labels_in(c)]
                if labels and following:
                    offer(labels, row_context, following[0], 3, i)
                    break
            continue
        first_cell = ""
        item = re.match(r"\s*(?:[-*+]|\d+\.)\s+(\*\*[^*]+\*\*|`[^`]+`)\s*(?::|—|–)\s*(.+)", line)
        if item:
            labels = _labels_in(item.group(1).strip("*"))
            if labels:
                offer(labels, context, item.group(2), 1, i)
    return {
        set_name: {
            name: best[set_name, name].text if (set_name, name) in best else "" for name in names
        }
        for set_name, names in CLASS_LABELS.items()
    }


def _heading_definition(lines: list[str], start: int) -> str:
    """The text under a label heading: its `**Is**:` bullet, else its first paragraph."""
    body: list[str] = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        body.append(line)
    text = "\n".join(body)
    match = re.search(
        r"^\s*[-*]\s+\*\*Is\*\*:?\s*(.+?)(?=\n\s*[-*]\s|\n\s*\n|\Z)", text, re.M | re.S
    )
    if match:
        return match.group(1)
    paragraph = text.strip().split("\n\n")[0] if text.strip() else ""
    return paragraph
