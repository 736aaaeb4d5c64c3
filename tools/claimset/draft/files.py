"""Drafting annotation files of a project in place."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .. import jsonio
from ..canonical import canonical
from ..errors import ClaimsetError, InvalidLine
from ..fingerprint import machine_made, stamp
from ..models import Claim, SentenceRecord, first_error
from ..project import Project, read_seed
from .actors import ActorIndex, load_actors
from .document import draft_document

#: The validator of a sentence's claims.
_CLAIMS = TypeAdapter(list[Claim])


@dataclass
class DraftOutcome:
    """What happened to one annotation file."""

    path: str
    action: str  # updated | unchanged | error
    drafted: int = 0  # sentences drafted
    claims: int = 0  # claims suggested
    kept: int = 0  # sentences left alone (done, reviewed, or draft without --redo)
    message: str = ""
    protected: list[str] = field(default_factory=list)  # ids left alone: they hold human claims


@dataclass
class DraftResult:
    """The outcome of `draft` per file."""

    outcomes: list[DraftOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.action != "error" for o in self.outcomes)


def _paragraph_starts(project: Project, records: list[SentenceRecord]) -> list[bool] | None:
    """Where paragraphs begin, from the gaps between sentences in the seed (None if unknown)."""
    if not records:
        return []
    seed_path = project.seeds_dir / f"{records[0].doc}.txt"
    if not seed_path.is_file():
        return None
    try:
        text = read_seed(seed_path, records[0].doc).text
    except ClaimsetError:
        return None
    if any(text[r.start : r.end] != r.text for r in records):
        return None  # a stale seed: the gaps mean nothing
    return paragraph_starts(text, [(r.start, r.end) for r in records])


def paragraph_starts(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """Where paragraphs begin, from the gaps between the sentences' (start, end) in `text`.

    A blank line separates paragraphs; in a text without any, every line break does.
    """
    if not spans:
        return []
    blank = re.compile(r"\n[ \t\r\f\v]*\n")
    soft = blank.search(text) is not None
    starts = [True]
    for (_, prev_end), (cur_start, _) in itertools.pairwise(spans):
        gap = text[prev_end:cur_start]
        starts.append(bool(blank.search(gap)) if soft else "\n" in gap or "\r" in gap)
    return starts


def draft_file(project: Project, path: Path, actors: ActorIndex, *, redo: bool) -> DraftOutcome:
    """Draft one annotation file in place (atomic write; untouched when nothing is drafted)."""
    display = project.relative(path)
    numbered = jsonio.read_jsonl_numbered(path, display)
    raw = [item for _, item in numbered]
    records: list[SentenceRecord] = []
    for lineno, item in numbered:
        try:
            records.append(SentenceRecord.model_validate(item))
        except ValidationError as exc:
            raise InvalidLine(
                f"not a valid sentence record ({first_error(exc)}); fix it first "
                "(`claimset validate` lists every problem)",
                file=display,
                line=lineno,
            ) from exc
    todo = [r.status == "todo" or (redo and r.status == "draft") for r in records]
    # A person's claims are never replaced by machine suggestions, whatever the status says;
    # an edited suggestion is a person's claim too (see fingerprint.py).
    protected = [
        k
        for k, item in enumerate(raw)
        if todo[k] and not all(machine_made(c) for c in item.get("claims") or [])
    ]
    for k in protected:
        todo[k] = False
    outcome = DraftOutcome(display, "unchanged", kept=len(records) - sum(todo))
    outcome.protected = [records[k].id for k in protected]
    if not any(todo):
        return outcome
    # The claims of the sentences not drafted, with their defaults: for a valid record the
    # canonical form is the model's dump, built several times faster.
    fixed = {
        k: [canonical(c, Claim) for c in raw[k].get("claims") or []]
        for k in range(len(records))
        if not todo[k]
    }
    drafted = draft_document(
        [r.text for r in records],
        actors,
        paragraph_starts=_paragraph_starts(project, records),
        only=todo,
        fixed_claims=fixed,
        ids=[r.id for r in records],
    )
    out: list[Any] = []
    for k, record in enumerate(records):
        claims = drafted[k]
        if claims is None:
            out.append(raw[k])
            continue
        for claim in claims:
            for ev in claim["evidence"]:
                if ev["sentence"] is None:
                    ev["sentence"] = record.id
        # Validated by the model, so nothing invalid is ever written: the record's other fields
        # were validated when it was read, so only the new claims need it. For a valid record
        # without nulls the canonical form is the model's dump (same keys, order, defaults),
        # built several times faster; a null is a default or a field a dump leaves out.
        _CLAIMS.validate_python(claims)
        fields = {key: value for key, value in raw[k].items() if value is not None}
        fields.update(status="draft", claims=claims)
        written = canonical(fields, SentenceRecord)
        stamp(written["claims"])  # what was drafted, to tell an edit from it later
        out.append(written)
        outcome.drafted += 1
        outcome.claims += len(claims)
    if jsonio.write_jsonl(path, out):
        outcome.action = "updated"
    return outcome


def draft(
    project: Project,
    paths: Sequence[Path] | None = None,
    *,
    redo: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> DraftResult:
    """Fill `todo` sentences of the given annotation files (default: all) with suggested claims.

    Every processed sentence becomes `draft`, also when nothing was found. `done` and `reviewed`
    sentences are never touched; `draft` ones are re-drafted only with `redo`. Deterministic:
    the same input gives byte-identical output.
    """
    actors = load_actors(project)
    result = DraftResult()
    files = list(project.annotation_files(paths))
    for done, path in enumerate(files):
        if on_progress is not None:  # (done, total), before each file
            on_progress(done, len(files))
        try:
            result.outcomes.append(draft_file(project, path, actors, redo=redo))
        except ClaimsetError as exc:
            result.outcomes.append(DraftOutcome(project.relative(path), "error", message=str(exc)))
    return result
