"""`claimset show`: sentences with their annotations highlighted, for annotators and reviewers.

The library side turns records into `Highlight`s (what to colour where, and a one-line summary of
each claim); the CLI renders them with rich. Records are read leniently: a line that does not
parse is reported and skipped, and a span without valid offsets is located from its quote, so a
half-finished annotation can be looked at before `fmt` and `validate` have passed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .anchor import anchor
from .jsonio import iter_jsonl_lenient, object_or_empty
from .project import Project

#: What each kind of span is, in the order they are painted (later ones on top).
SPAN_KINDS = ("evidence", "expectation", "actor", "hedge", "booster")

#: The letter that marks each kind of span in plain text: `[A Seoul]`.
LETTERS = {"actor": "A", "expectation": "E", "hedge": "H", "booster": "B", "evidence": "V"}

#: The legend printed on top of plain-text output.
LEGEND = (
    "[A actor] [E expectation] [H hedge cue] [B booster cue] [V evidence]; in a sentence with "
    "several claims the claim id follows the letter: [E:c2 …]"
)


@dataclass(frozen=True)
class Mark:
    """A span of the sentence text to highlight."""

    start: int
    end: int
    kind: str  # one of SPAN_KINDS
    claim: str  # the claim id it belongs to


@dataclass
class Highlight:
    """One sentence ready to render."""

    file: str
    line: int
    id: str
    status: str
    annotator: str | None
    text: str
    marks: list[Mark] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)  # one per claim, in order
    claims: list[str] = field(default_factory=list)  # one summary line per claim
    quotes: list[str] = field(default_factory=list)  # each claim's quotes, one line per claim
    problems: list[str] = field(default_factory=list)  # spans that could not be located


def _locate(text: str, span: dict[str, Any]) -> tuple[int, int] | None:
    """The span's offsets if they match its quote, else where its quote occurs (nearest)."""
    quote, start, end = span.get("quote"), span.get("start"), span.get("end")
    if not isinstance(quote, str) or not quote:
        return None
    if isinstance(start, int) and isinstance(end, int) and text[start:end] == quote:
        return start, end
    found = anchor(text, quote, start if isinstance(start, int) else None)
    if found.start is None or found.end is None:
        if found.occurrences:  # ambiguous: show the first, the validator explains the rest
            return found.occurrences[0]
        return None
    return found.start, found.end


def highlight(record: dict[str, Any], texts: dict[str, str], file: str, line: int) -> Highlight:
    """The marks and claim summaries of one sentence record.

    `texts` maps sentence ids to texts, for evidence quoted from other sentences.
    """
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    out = Highlight(
        file=file,
        line=line,
        id=str(record.get("id")),
        status=str(record.get("status")),
        annotator=record.get("annotator") if isinstance(record.get("annotator"), str) else None,
        text=str(text),
    )
    claims = record.get("claims")
    for index, raw in enumerate(claims if isinstance(claims, list) else []):
        claim = object_or_empty(raw)
        cid = str(claim.get("id") or f"#{index}")
        actor, expectation, hedge = (
            object_or_empty(claim.get("actor")),
            object_or_empty(claim.get("expectation")),
            object_or_empty(claim.get("hedge")),
        )
        spans: list[tuple[str, dict[str, Any]]] = [("actor", actor), ("expectation", expectation)]
        spans += [
            (str(object_or_empty(c).get("kind")), object_or_empty(c))
            for c in hedge.get("cues") or []
        ]
        quoted = [f"{kind} {_quoted(span)}" for kind, span in spans if span.get("quote")]
        links = []
        for ev in claim.get("evidence") or []:
            ev = object_or_empty(ev)
            where = ev.get("sentence") or out.id
            if where == out.id:
                spans.append(("evidence", ev))
                links.append(f"{ev.get('type')}")
                quoted.append(f"evidence {_quoted(ev)}")
            else:
                quoted.append(f"evidence ({str(where).rsplit(':', 1)[-1]}) {_quoted(ev)}")
                other = texts.get(str(where), "")
                ok = _locate(other, ev) is not None
                links.append(f"{ev.get('type')} in {str(where).rsplit(':', 1)[-1]}")
                if not ok:
                    out.problems.append(f"{cid}: evidence quote not found in {where}")
        for kind, span in spans:
            if kind == "actor" and span.get("quote") is None:
                continue  # an implicit actor has nothing to mark
            where_ = _locate(out.text, span)
            if where_ is None:
                out.problems.append(f"{cid}: {kind} quote {span.get('quote')!r} not found")
            elif kind in SPAN_KINDS:
                out.marks.append(Mark(where_[0], where_[1], kind, cid))
        target = expectation.get("target")
        negated = " not" if claim.get("polarity") == "negative" else ""
        summary = (
            f"{cid}: {actor.get('ref')}{negated} {expectation.get('type')}"
            f"{f' → {target}' if target else ''} · {hedge.get('certainty')}"
        )
        if links:
            summary += " · evidence: " + ", ".join(links)
        if claim.get("origin") == "auto":
            summary += " · auto"
        out.claim_ids.append(cid)
        out.claims.append(summary)
        out.quotes.append(" · ".join(quoted))
    return out


def _quoted(span: dict[str, Any]) -> str:
    return f'"{" ".join(str(span.get("quote")).split())}"'


def marked_text(item: Highlight) -> str:
    """The sentence with its spans marked in plain text: `[A Seoul] hopes that [E Moscow …]`.

    Marks nest; when two spans cross, the inner one is closed and reopened so brackets always
    pair up. With several claims in the sentence, each mark carries its claim id (`[E:c2 …]`).
    """
    several = len({mark.claim for mark in item.marks}) > 1 or len(item.claims) > 1
    marks = [m for m in item.marks if m.start < m.end]

    def opening(mark: Mark) -> str:
        return f"[{LETTERS[mark.kind]}{f':{mark.claim}' if several else ''} "

    order = {kind: index for index, kind in enumerate(SPAN_KINDS)}
    marks.sort(key=lambda m: (m.start, -m.end, order[m.kind]))
    text, pos = item.text, 0
    out: list[str] = []
    stack: list[Mark] = []
    # Linear in the marks (thousands of claims in one sentence must not take minutes): the
    # marks starting at each boundary, and how many open marks end at each.
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    open_ends: Counter[int] = Counter()
    for boundary in sorted({m.start for m in marks} | {m.end for m in marks}):
        out.append(text[pos:boundary])
        pos = boundary
        reopen: list[Mark] = []
        while open_ends[boundary]:
            top = stack.pop()
            out.append("]")
            open_ends[top.end] -= 1
            if top.end != boundary:
                reopen.append(top)
        for mark in [*reversed(reopen), *starting.get(boundary, ())]:
            out.append(opening(mark))
            stack.append(mark)
            open_ends[mark.end] += 1
    out.append(text[pos:])
    return "".join(out)


def iter_highlights(
    project: Project,
    paths: list[Path] | None = None,
    *,
    statuses: frozenset[str] | None = None,
    ids: frozenset[str] | None = None,
) -> Iterator[Highlight | str]:
    """Highlights of the records in the given files (default: every annotation file).

    Yields a message string for each line that cannot be read; filters by status and by
    sentence id (or id prefix such as a document id) when given.
    """
    for path in project.annotation_files(paths):
        rel = project.relative(path)
        records: list[tuple[int, dict[str, Any]]] = []
        for lineno, record, problem in iter_jsonl_lenient(path):
            if record is None:
                yield f"{rel}:{lineno}: {problem} (see `claimset validate`)"
            else:
                records.append((lineno, record))
        texts = {str(r.get("id")): str(r.get("text")) for _, r in records}
        for lineno, record in records:
            if statuses is not None and record.get("status") not in statuses:
                continue
            rid = str(record.get("id"))
            if ids is not None and not any(rid == i or rid.startswith(f"{i}:") for i in ids):
                continue
            yield highlight(record, texts, rel, lineno)
