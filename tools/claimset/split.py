"""`claimset split`: segment seed essays into annotation files, never dropping human work."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import jsonio
from .errors import ClaimsetError, DataProtected, InvalidLine
from .models import HUMAN_STATUSES, Document, SentenceRecord
from .project import Project, Seed, read_seed
from .segment import split_sentences
from .words import plural


@dataclass
class SplitOutcome:
    """What happened to one seed."""

    doc_id: str
    path: str
    action: str  # created | updated | unchanged | refused | error
    sentences: int = 0
    messages: list[tuple[str, str]] = field(default_factory=list)  # (level, text)


@dataclass
class SplitResult:
    """The outcome of `split`, per seed."""

    outcomes: list[SplitOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.action not in ("refused", "error") for o in self.outcomes)


def sentence_records(seed: Seed) -> list[dict[str, Any]]:
    """The `todo` sentence records of a seed, in canonical form."""
    return [
        SentenceRecord(
            id=f"{seed.doc_id}:{ordinal:04d}",
            doc=seed.doc_id,
            start=seg.start,
            end=seg.end,
            text=seg.text,
            status="todo",
        ).model_dump(mode="json")
        for ordinal, seg in enumerate(split_sentences(seed.text))
    ]


def _same_boundaries(old: list[Any], new: list[dict[str, Any]]) -> bool:
    if len(old) != len(new):
        return False
    for a, b in zip(old, new, strict=True):
        if not isinstance(a, dict):
            return False
        if (a.get("id"), a.get("start"), a.get("end"), a.get("text")) != (
            b["id"],
            b["start"],
            b["end"],
            b["text"],
        ):
            return False
    return True


def split_seed(project: Project, seed_path: Path) -> tuple[SplitOutcome, Seed | None]:
    """Segment one seed into corpus/annotations/<doc>.jsonl (atomic; idempotent)."""
    rel = project.relative(seed_path)
    outcome = SplitOutcome(doc_id=seed_path.stem, path=rel, action="error")
    try:
        seed = read_seed(seed_path)
    except ClaimsetError as exc:
        outcome.messages.append(("error", str(exc).replace(str(seed_path), rel)))
        return outcome, None
    if seed.had_bom:
        outcome.messages.append(
            ("warning", f"{rel}: byte order mark removed from the text (offsets ignore it)")
        )
    new = sentence_records(seed)
    outcome.sentences = len(new)
    if not new:
        outcome.messages.append(("warning", f"{rel}: empty or whitespace-only: zero sentences"))
    target = project.annotation_path(seed.doc_id)
    target_rel = project.relative(target)
    if target.exists():
        try:
            old = jsonio.read_jsonl(target, display=target_rel)
        except InvalidLine as exc:
            outcome.action = "refused"
            outcome.messages.append(
                ("error", f"{exc}; fix the file (see `claimset validate`) before re-splitting")
            )
            return outcome, seed
        if _same_boundaries(old, new):
            outcome.action = "unchanged"
            return outcome, seed
        human = [r for r in old if isinstance(r, dict) and _human_work(r)]
        if human:
            outcome.action = "refused"
            outcome.messages.append(
                (
                    "error",
                    f"{target_rel}: the seed {rel} changed under {plural(len(human), 'sentence')} "
                    "with human annotations (done, reviewed, or holding claims whose origin is "
                    "not auto); nothing was changed. Restore the seed, or move the annotations "
                    "aside and re-split.",
                )
            )
            return outcome, seed
        drafts = sum(1 for r in old if isinstance(r, dict) and r.get("claims"))
        if drafts:
            outcome.messages.append(
                (
                    "warning",
                    f"{target_rel}: the seed changed; discarded machine drafts on "
                    f"{plural(drafts, 'sentence')} (run `claimset draft` again)",
                )
            )
        jsonio.write_jsonl(target, new)
        outcome.action = "updated"
    else:
        jsonio.write_jsonl(target, new)
        outcome.action = "created"
    return outcome, seed


def _human_work(record: dict[str, Any]) -> bool:
    """Whether re-splitting would lose a person's work: a done or reviewed sentence, or a
    claim that is not a machine suggestion (`origin` defaults to human)."""
    if record.get("status") in HUMAN_STATUSES:
        return True
    claims = record.get("claims")
    return isinstance(claims, list) and any(
        not (isinstance(c, dict) and c.get("origin") == "auto") for c in claims
    )


def update_documents(project: Project, seeds: list[tuple[Seed, int]]) -> bool:
    """Create or update corpus/documents.jsonl records for the seeds.

    A new document gets a full record (unknown fields null, language "en", split "train"); an
    existing one has only `sha256` and `sentence_count` updated, so hand-edited fields survive.
    Returns True if the file changed.
    """
    path = project.documents_path
    records: list[Any] = jsonio.read_jsonl(path, project.relative(path)) if path.exists() else []
    by_id = {r.get("id"): r for r in records if isinstance(r, dict)}
    for seed, count in seeds:
        existing = by_id.get(seed.doc_id)
        if existing is None:
            record = Document(id=seed.doc_id, sha256=seed.sha256, sentence_count=count)
            by_id[seed.doc_id] = record.model_dump(mode="json")
            records.append(by_id[seed.doc_id])
        else:
            existing["sha256"] = seed.sha256
            existing["sentence_count"] = count
    return jsonio.write_jsonl(path, records)


def _chosen_seeds(project: Project, paths: list[Path]) -> list[Path]:
    """The seeds that user-given paths name: seeds/*.txt files, or the seeds inside folders."""
    # Splitting anything else would overwrite an annotation file with nonsense.
    return project.select(paths, project.seed_paths(), "a seed (seeds/*.txt)")


def split(project: Project, seed_paths: list[Path] | None = None) -> SplitResult:
    """Segment the given seeds (default: all of seeds/*.txt) and update documents.jsonl.

    Raises UsageError for a path that is neither a seed nor a folder.
    """
    paths = project.seed_paths() if seed_paths is None else _chosen_seeds(project, seed_paths)
    result = SplitResult()
    good: list[tuple[Seed, int]] = []
    for path in paths:
        outcome, seed = split_seed(project, path)
        result.outcomes.append(outcome)
        if seed is not None and outcome.action in ("created", "updated", "unchanged"):
            good.append((seed, outcome.sentences))
    if good:
        try:
            update_documents(project, good)
        except InvalidLine as exc:
            raise DataProtected(
                f"{exc}; corpus/documents.jsonl cannot be parsed, so it was not updated"
            ) from exc
    return result
