"""`claimset split`: segment seed essays into annotation files, never dropping human work."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import atomic, jsonio
from .agreement_files import agreement_paths, orphans_of, plan_agreement
from .errors import ClaimsetError, DataProtected, InvalidLine
from .models import Document
from .orphans import orphan_bytes, orphans_path, read_orphans
from .project import Project, Seed, read_seed
from .reanchor import NewSentence, Reanchored, ordinal_of, reanchor
from .segment import split_sentences


@dataclass
class SplitOutcome:
    """What happened to one seed."""

    doc_id: str
    path: str
    action: str  # created | updated | unchanged | refused | error
    sentences: int = 0
    reanchored: Reanchored | None = None
    messages: list[tuple[str, str]] = field(default_factory=list)  # (level, text)
    #: Claims of agreement files (agreement/<annotator>/<doc>.jsonl) orphaned beside them.
    agreement_orphans: int = 0

    @property
    def orphaned(self) -> int:
        own = len(self.reanchored.orphans) if self.reanchored else 0
        return own + self.agreement_orphans


@dataclass
class SplitResult:
    """The outcome of `split`, per seed."""

    outcomes: list[SplitOutcome] = field(default_factory=list)
    #: With `check`: the files split would rewrite (nothing was written).
    would_write: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.action not in ("refused", "error") for o in self.outcomes)


def _same_boundaries(old: list[Any], new: list[NewSentence]) -> bool:
    return len(old) == len(new) and all(
        isinstance(a, dict)
        and (a.get("start"), a.get("end"), a.get("text")) == (b.start, b.end, b.text)
        for a, b in zip(old, new, strict=True)
    )


def _not_a_sentence(old: list[tuple[int, Any]]) -> int | None:
    """The line of the first record re-anchoring cannot read (no object, no text, or claims
    that are not a list)."""
    for lineno, record in old:
        if not (isinstance(record, dict) and isinstance(record.get("text"), str)):
            return lineno
        if not isinstance(record.get("claims", []), list):
            return lineno
    return None


@dataclass
class _Plan:
    """What splitting one seed would write: (path, bytes) in order, and the outcome."""

    outcome: SplitOutcome
    seed: Seed | None
    writes: list[tuple[Path, bytes]] = field(default_factory=list)


def _write(plan: _Plan) -> None:
    for path, data in plan.writes:
        _write_if_changed(path, data)


def _write_if_changed(path: Path, data: bytes) -> None:
    """Replace a file atomically, unless it already holds these bytes (then touch nothing)."""
    if _differs(path, data):
        atomic.atomic_write_bytes(path, data)


def _differs(path: Path, data: bytes) -> bool:
    """Whether writing `data` would change the file (or make it)."""
    return not (path.exists() and path.read_bytes() == data)


def _recorded_checksums(project: Project) -> dict[str, str]:
    """Each document's seed checksum as corpus/documents.jsonl recorded it at the last split
    (read leniently: a file that cannot be parsed is reported where it is written)."""
    path = project.documents_path
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    for _, record, _ in jsonio.iter_jsonl_lenient(path):
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            sha = record.get("sha256")
            if isinstance(sha, str):
                out[record["id"]] = sha
    return out


def _without_copies(old: list[tuple[int, Any]]) -> tuple[list[tuple[int, Any]], list[str]]:
    """The records without exact copies of an earlier line (a line duplicated by hand or by a
    merge: dropping it loses nothing), and a note for each copy dropped."""
    seen: dict[str, int] = {}
    kept: list[tuple[int, Any]] = []
    notes: list[str] = []
    for lineno, record in old:
        key = jsonio.dumps(record)
        if key in seen:
            notes.append(f"line {lineno} was an exact copy of line {seen[key]}: dropped")
            continue
        seen[key] = lineno
        kept.append((lineno, record))
    return kept, notes


@dataclass
class _Known:
    """What split reads once for all seeds: the checksums recorded at the last split, and
    each document's agreement files."""

    checksums: dict[str, str]
    agreements: dict[str, list[Path]]

    @classmethod
    def read(cls, project: Project) -> _Known:
        agreements: dict[str, list[Path]] = {}
        for path in agreement_paths(project):
            agreements.setdefault(path.stem, []).append(path)
        return cls(_recorded_checksums(project), agreements)


def plan_seed(project: Project, seed_path: Path, known: _Known | None = None) -> _Plan:
    """What splitting one seed would do, without writing anything.

    Each file is replaced atomically. Claims that cannot be placed in the new text go to
    corpus/orphans/<doc>.jsonl, written before the annotation file, so that a run killed in
    between loses nothing: the next run places the same claims again, and an orphan already
    recorded is not written twice.
    """
    known = known or _Known.read(project)
    rel = project.relative(seed_path)
    outcome = SplitOutcome(doc_id=seed_path.stem, path=rel, action="error")
    try:
        seed = read_seed(seed_path)
    except ClaimsetError as exc:
        # Every error read_seed raises names the file (a name json escapes, escaped).
        outcome.messages.append(("error", str(exc).replace(str(seed_path), rel)))
        return _Plan(outcome, None)
    if seed.had_bom:
        outcome.messages.append(
            ("warning", f"{rel}: byte order mark removed from the text (offsets ignore it)")
        )
    new = [NewSentence(s.start, s.end, s.text) for s in split_sentences(seed.text)]
    outcome.sentences = len(new)
    if not new:
        outcome.messages.append(("warning", f"{rel}: empty or whitespace-only: zero sentences"))
    target = project.annotation_path(seed.doc_id)
    target_rel = project.relative(target)
    read = _old_records(target, target_rel, new, outcome)
    if read is None:
        return _Plan(outcome, seed)
    old, copies = read
    if outcome.action == "unchanged":
        plan = _Plan(outcome, seed)
        _plan_agreements(project, plan, new, [r for _, r in old], known)
        return plan
    orphan_file = orphans_path(project, seed.doc_id)
    try:
        known_orphans = read_orphans(project, seed.doc_id)
    except InvalidLine as exc:
        outcome.action = "refused"
        outcome.messages.append(
            ("error", f"{exc}; fix the orphans file before re-splitting (nothing was changed)")
        )
        return _Plan(outcome, seed)
    retired = {
        ordinal
        for o in known_orphans
        if isinstance(o, dict)
        and (ordinal := ordinal_of(o.get("sentence"), seed.doc_id)) is not None
    }
    carried = reanchor(seed.doc_id, [r for _, r in old], new, retired)
    outcome.reanchored = carried
    if not carried.claims_kept:  # a bug, never a user's problem: refuse rather than lose a claim
        outcome.action = "refused"
        outcome.messages.append(("error", f"{target_rel}: claims would be lost; nothing changed"))
        return _Plan(outcome, seed)
    plan = _Plan(outcome, seed)
    try:
        if carried.orphans:
            records = [o.record(seed.doc_id) for o in carried.orphans]
            plan.writes.append((orphan_file, orphan_bytes(known_orphans, records)))
        plan.writes.append((target, jsonio.jsonl_bytes(carried.records)))
    except jsonio.LineTooLong as exc:
        outcome.action = "refused"
        outcome.messages.append(("error", f"{target_rel}: {exc}"))
        return _Plan(outcome, seed)
    if target.exists():
        why = (
            "the annotation file no longer matched the seed's sentences (the seed is unchanged)"
            if known.checksums.get(seed.doc_id) == seed.sha256
            else "the seed changed"
        )
        _report(outcome, carried, target_rel, project.relative(orphan_file), why)
        outcome.messages[1:1] = [("info", f"{target_rel}: {note}") for note in copies]
        outcome.action = "updated"
    else:
        outcome.action = "created"
    _plan_agreements(project, plan, new, carried.records, known)
    return plan


def _old_records(
    target: Path, target_rel: str, new: list[NewSentence], outcome: SplitOutcome
) -> tuple[list[tuple[int, Any]], list[str]] | None:
    """The numbered records of the annotation file a split replaces (none before the first
    split), without exact copies of a line, and a note for each copy dropped; None when the
    split of this seed is refused, with `outcome` saying why (the file cannot be read or carried
    over). When the file holds the new sentences already, `outcome.action` is "unchanged"."""
    if not target.exists():
        return [], []
    try:
        # A BOM or CRLF line ends (an editor's, or git's autocrlf) are what `fmt` fixes: read
        # through them, so that `build` gets to its fmt step.
        old = jsonio.read_jsonl_numbered(target, display=target_rel, any_line_ends=True)
    except InvalidLine as exc:
        outcome.action = "refused"
        outcome.messages.append(
            ("error", f"{exc}; fix the file (see `claimset validate`) before re-splitting")
        )
        return None
    old, copies = _without_copies(old)
    if _same_boundaries([r for _, r in old], new) and not copies:
        outcome.action = "unchanged"
        return old, copies
    bad = _not_a_sentence(old)
    if bad is not None:
        outcome.action = "refused"
        outcome.messages.append(
            (
                "error",
                f"{target_rel}:{bad}: not a sentence record with a text, so its annotations "
                "cannot be carried over; fix it (see `claimset validate`) before re-splitting",
            )
        )
        return None
    return old, copies


def _plan_agreements(
    project: Project, plan: _Plan, new: list[NewSentence], gold: list[Any], known: _Known
) -> None:
    """Add the re-anchoring of the seed's agreement files to the plan (written after the
    annotation file). One that cannot be read is left as it is, with a warning: `validate`
    reports it, and the next `split` re-anchors it once it is fixed."""
    assert plan.seed is not None
    doc_id = plan.seed.doc_id
    for path in known.agreements.get(doc_id, []):
        done = plan_agreement(project, path, doc_id, new, gold)
        rel = project.relative(path)
        if done.problem is not None:
            plan.outcome.messages.append(
                (
                    "warning",
                    f"{done.problem}; {rel} was not re-anchored to the seed: fix it (see "
                    "`claimset validate`), then run `claimset split` again",
                )
            )
            continue
        if done.reanchored is None:
            continue
        plan.writes.extend(done.writes)
        plan.outcome.agreement_orphans += len(done.reanchored.orphans)
        _report(
            plan.outcome,
            done.reanchored,
            rel,
            project.relative(orphans_of(path)),
            "re-anchored to the seed's sentences",
        )


def _report(
    outcome: SplitOutcome,
    carried: Reanchored,
    target_rel: str,
    orphans_rel: str,
    why: str = "the seed changed",
) -> None:
    """What re-anchoring did, as messages: a summary, then each fuzzy match, move and orphan."""
    parts = [
        f"{carried.unchanged} unchanged",
        f"{carried.changed} edited",
        f"{carried.added} new (todo)",
        f"{carried.removed} removed",
    ]
    orphaned = len(carried.orphans)
    outcome.messages.append(
        (
            "info",
            f"{target_rel}: {why}; sentences: {', '.join(parts)}; claims: "
            f"{carried.claims_before} before, {carried.claims_after} carried over, "
            f"{orphaned} orphaned",
        )
    )
    for note in carried.notes:
        outcome.messages.append(("info", f"{target_rel}: {note}"))
    for orphan in carried.orphans:
        claim_id = orphan.claim.get("id") if isinstance(orphan.claim, dict) else None
        which = (
            f"claim {orphan.sentence}/{claim_id}" if claim_id else f"a claim of {orphan.sentence}"
        )
        outcome.messages.append(
            (
                "warning",
                f"{orphans_rel}: {which} orphaned ({orphan.reason}): "
                "move it back into a sentence, or delete it",
            )
        )


def documents_bytes(project: Project, seeds: list[tuple[Seed, int]]) -> bytes:
    """Create or update corpus/documents.jsonl records for the seeds.

    A new document gets a full record (unknown fields null, language "en", split "train"); an
    existing one has only `sha256` and `sentence_count` updated, so hand-edited fields survive.
    Raises InvalidLine when the file cannot be parsed.
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
    return jsonio.jsonl_bytes(records)


def _chosen_seeds(project: Project, paths: list[Path]) -> list[Path]:
    """The seeds that user-given paths name: seeds/*.txt files, the seeds inside folders, and
    the seed of a document whose agreement file is named (splitting it is what re-anchors that
    file; an annotation file named instead of a seed stays an error)."""
    seeds = {p.stem: p for p in project.seed_paths()}
    files = {p.resolve(): p.stem for p in agreement_paths(project)}
    named = [seeds.get(files.get(path.resolve(), ""), path) for path in paths]
    # Splitting anything else would overwrite an annotation file with nonsense.
    return project.select(named, project.seed_paths(), "a seed (seeds/*.txt)")


def split(
    project: Project,
    seed_paths: list[Path] | None = None,
    *,
    all_or_nothing: bool = False,
    check: bool = False,
) -> SplitResult:
    """Segment the given seeds (default: all of seeds/*.txt) and update documents.jsonl.

    Every seed is planned before anything is written. A seed that is refused (or cannot be
    read) is left alone and the others are split; with `all_or_nothing` (as `build` runs it)
    nothing at all is written then. documents.jsonl is written last. Raises UsageError for a
    path that is neither a seed nor a folder, DataProtected (nothing written) when
    documents.jsonl cannot be parsed. With `check`, nothing is written: `would_write` lists
    the files split would change.
    """
    paths = project.seed_paths() if seed_paths is None else _chosen_seeds(project, seed_paths)
    result = SplitResult()
    known = _Known.read(project)
    plans = [plan_seed(project, path, known) for path in paths]
    result.outcomes = [plan.outcome for plan in plans]
    good = [
        (plan.seed, plan.outcome.sentences)
        for plan in plans
        if plan.seed is not None and plan.outcome.action in ("created", "updated", "unchanged")
    ]
    documents = None
    if good:
        try:
            documents = documents_bytes(project, good)
        except InvalidLine as exc:
            raise DataProtected(
                f"{exc}; corpus/documents.jsonl cannot be parsed, so nothing was split"
            ) from exc
    if check:
        writes = [w for plan in plans for w in plan.writes]
        if documents is not None:
            writes.append((project.documents_path, documents))
        result.would_write = [path for path, data in writes if _differs(path, data)]
        return result
    if all_or_nothing and not result.ok:
        for outcome in result.outcomes:
            if outcome.action in ("created", "updated"):
                outcome.action = "not written"
        return result
    for plan in plans:
        _write(plan)
    if documents is not None:
        _write_if_changed(project.documents_path, documents)
    return result
