"""Adjudication in one step: another annotator's version of named sentences accepted into the
project's annotation files, marked reviewed by the reviewer (`claimset agree --accept`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import atomic, jsonio
from .errors import ClaimsetError
from .evaluate import read_records
from .models import HUMAN_STATUSES, SentenceRecord
from .project import Project


class Refused(ClaimsetError):
    """An adjudication that cannot be done as asked: nothing was written."""


@dataclass(frozen=True)
class Accepted:
    """One sentence whose gold version was replaced."""

    sentence: str
    file: str  # relative to the project root
    annotator: str
    was: str  # the gold version's status before


def accept(
    project: Project, gold: Path, other: Path, ids: Sequence[str], reviewer: str
) -> list[Accepted]:
    """Put `other`'s version of the sentences `ids` into the project's annotation files.

    All or nothing: every id is checked first (in both, same sentence text and offsets, the
    accepted version annotated by someone) and any failure refuses the whole request. Lines of
    other sentences are kept byte for byte. The caller holds the project lock.
    """
    annotations = project.annotations_dir.resolve()
    if not gold.resolve().is_relative_to(annotations):
        raise Refused(
            f"{gold}: the gold must be the project's annotation files "
            f"({project.relative(annotations)} or a file in it)"
        )
    theirs = read_records([other])
    ours = read_records([gold])
    chosen: dict[str, list[SentenceRecord]] = {}
    problems: list[str] = []
    for sid in dict.fromkeys(ids):  # in the order given, once each
        mine, their = ours.get(sid), theirs.get(sid)
        if mine is None or their is None:
            shown = ((project.relative(gold), mine), (str(other), their))
            where = " and ".join(path for path, rec in shown if rec is None)
            problems.append(f"{sid}: not in {where}")
        elif (mine.start, mine.end, mine.text) != (their.start, their.end, their.text):
            problems.append(f"{sid}: the two versions are not the same sentence (text or offsets)")
        elif their.status not in HUMAN_STATUSES or their.annotator is None:
            problems.append(f"{sid}: the version to accept is {their.status}, not annotated")
        else:
            reviewed = SentenceRecord.model_validate(
                {**their.model_dump(mode="json"), "status": "reviewed", "reviewer": reviewer}
            )
            chosen.setdefault(mine.doc, []).append(reviewed)
    if problems:
        raise Refused("nothing accepted: " + "; ".join(problems))
    # Every file's new bytes first, then the writes: a refusal never leaves half the files done.
    rewrites = [
        _replace_lines(project, project.annotation_path(doc), {r.id: r for r in records}, ours)
        for doc, records in chosen.items()
    ]
    for path, data, _ in rewrites:
        atomic.atomic_write_bytes(path, data)
    return [item for _, _, done in rewrites for item in done]


def _replace_lines(
    project: Project,
    path: Path,
    records: dict[str, SentenceRecord],
    before: dict[str, SentenceRecord],
) -> tuple[Path, bytes, list[Accepted]]:
    lines = jsonio.read_bytes(path).splitlines(keepends=True)
    done: list[Accepted] = []
    for index, line in enumerate(lines):
        try:
            obj = jsonio.loads_lenient(line) if line.strip() else None
        except ValueError:
            obj = None  # not a record: kept as it is (validate reports it)
        sid = obj.get("id") if isinstance(obj, dict) else None
        if isinstance(sid, str) and sid in records:
            new = records[sid]
            lines[index] = jsonio.jsonl_bytes([new.model_dump(mode="json")])
            assert new.annotator is not None  # checked by `accept`
            done.append(Accepted(sid, project.relative(path), new.annotator, before[sid].status))
    if {a.sentence for a in done} != set(records):
        missing = ", ".join(sorted(set(records) - {a.sentence for a in done}))
        raise Refused(f"{project.relative(path)}: no line for {missing}; nothing accepted")
    return path, b"".join(lines), done
