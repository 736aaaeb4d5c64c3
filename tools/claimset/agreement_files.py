"""agreement/<annotator>/<doc>.jsonl: second annotations kept for agreement studies.

An agreement file holds sentence records of one document (all or some of them), checked against
that document's seed like an annotation file. When the seed changes, `split` re-anchors it the way
it re-anchors `corpus/annotations` (see `split_agreement`): claims that fit nowhere go to
`orphans/<doc>.jsonl` in the same folder, next to the file they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import jsonio
from .errors import InvalidLine
from .orphans import orphan_bytes
from .project import REGISTRY_FILES, Project

if TYPE_CHECKING:
    from .reanchor import NewSentence, Reanchored

FOLDER = "agreement"
#: The folder, inside an annotator's agreement folder, that holds its orphans.
ORPHANS = "orphans"


def agreement_paths(project: Project) -> list[Path]:
    """Every agreement file: agreement/**/<doc>.jsonl, without registries, hidden files and
    orphans."""
    root = project.root / FOLDER
    if not root.is_dir():
        return []
    return sorted(
        p
        for p in root.rglob("*.jsonl")
        if p.is_file()
        and not p.name.startswith(".")
        and p.name not in REGISTRY_FILES
        and p.parent.name != ORPHANS
    )


def agreement_orphan_paths(project: Project) -> list[Path]:
    """Every agreement orphans file: agreement/**/orphans/<doc>.jsonl."""
    root = project.root / FOLDER
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob(f"{ORPHANS}/*.jsonl") if p.is_file() and not p.name.startswith(".")
    )


def orphans_of(agreement_file: Path) -> Path:
    """Where the orphans of an agreement file go: orphans/<doc>.jsonl beside it."""
    return agreement_file.parent / ORPHANS / agreement_file.name


def annotated_file_of(orphans_file: Path) -> Path:
    """The agreement file an agreement orphans file belongs to."""
    return orphans_file.parent.parent / orphans_file.name


@dataclass
class AgreementPlan:
    """What re-anchoring one agreement file would write, and what to say about it."""

    path: Path
    writes: list[tuple[Path, bytes]] = field(default_factory=list)
    reanchored: Reanchored | None = None
    problem: str | None = None  # why it was left as it is


def _matches(records: Sequence[Any], new: Sequence[NewSentence]) -> bool:
    """Whether every record already sits on a sentence of the new segmentation."""
    sentences = {(s.start, s.end, s.text) for s in new}
    return all(
        isinstance(r, dict) and (r.get("start"), r.get("end"), r.get("text")) in sentences
        for r in records
    )


def plan_agreement(
    project: Project,
    path: Path,
    doc_id: str,
    new: list[NewSentence],
    gold: Sequence[dict[str, Any]],
) -> AgreementPlan:
    """Re-anchor one agreement file of `doc_id` to the new sentences.

    As for annotation files: unchanged sentences keep their record, edited ones keep their claims
    where the quotes are found, a new sentence is `todo` (which `agree` leaves out), and a claim
    that fits nowhere becomes an orphan. Each sentence takes the id the corpus annotations
    (`gold`, already re-anchored) give it, so that `agree` compares the same sentences.
    """
    # Imported here: `validate` finds agreement files without loading the models (pydantic).
    from .reanchor import ordinal_of, reanchor

    plan = AgreementPlan(path)
    display = project.relative(path)
    try:
        numbered = jsonio.read_jsonl_numbered(path, display=display, any_line_ends=True)
    except InvalidLine as exc:
        plan.problem = str(exc)
        return plan
    old = [record for _, record in numbered]
    if _matches(old, new):
        return plan
    for lineno, record in numbered:
        if not (isinstance(record, dict) and isinstance(record.get("text"), str)) or not (
            isinstance(record.get("claims", []), list)
        ):
            plan.problem = f"{display}:{lineno}: not a sentence record with a text"
            return plan
    orphan_file = orphans_of(path)
    try:
        known = (
            jsonio.read_jsonl(orphan_file, display=project.relative(orphan_file))
            if orphan_file.exists()
            else []
        )
    except InvalidLine as exc:
        plan.problem = str(exc)
        return plan
    retired = {
        ordinal
        for o in known
        if isinstance(o, dict) and (ordinal := ordinal_of(o.get("sentence"), doc_id)) is not None
    }
    carried = reanchor(doc_id, old, new, retired)
    if not carried.claims_kept:  # a bug, never a user's problem: refuse rather than lose a claim
        plan.problem = f"{display}: claims would be lost"
        return plan
    _take_gold_ids(carried.records, gold)
    if carried.orphans:
        records = [o.record(doc_id) for o in carried.orphans]
        plan.writes.append((orphan_file, orphan_bytes(known, records)))
    plan.writes.append((path, jsonio.jsonl_bytes(carried.records)))
    plan.reanchored = carried
    return plan


def _take_gold_ids(records: list[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> None:
    """Give each record the id of the corpus record at the same offsets (in place), and make
    evidence that named the old id name the new one."""
    by_offsets = {(g.get("start"), g.get("end")): g.get("id") for g in gold if isinstance(g, dict)}
    renamed: dict[Any, Any] = {}
    for record in records:
        gold_id = by_offsets.get((record.get("start"), record.get("end")))
        if isinstance(gold_id, str) and gold_id != record.get("id"):
            renamed[record.get("id")] = gold_id
    if not renamed:
        return
    for record in records:
        record["id"] = renamed.get(record.get("id"), record.get("id"))
        for claim in record.get("claims") or []:
            evidence = claim.get("evidence") if isinstance(claim, dict) else None
            for item in evidence if isinstance(evidence, list) else []:
                if isinstance(item, dict) and item.get("sentence") in renamed:
                    item["sentence"] = renamed[item["sentence"]]
