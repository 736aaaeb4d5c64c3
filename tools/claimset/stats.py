"""`claimset stats`: annotation progress and what the corpus holds, as numbers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .jsonio import iter_jsonl_lenient, object_or_empty
from .models import HUMAN_STATUSES, STATUSES
from .project import Project


@dataclass
class Stats:
    """Counts over a set of annotation files. Lines that do not parse are counted, not used."""

    files: int = 0
    sentences: int = 0
    skipped_lines: int = 0
    status: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    claim_sentences: int = 0
    actors: Counter[str] = field(default_factory=Counter)
    targets: Counter[str] = field(default_factory=Counter)
    expectation_types: Counter[str] = field(default_factory=Counter)
    certainty: Counter[str] = field(default_factory=Counter)
    polarity: Counter[str] = field(default_factory=Counter)
    origin: Counter[str] = field(default_factory=Counter)
    cues: dict[str, Counter[str]] = field(
        default_factory=lambda: {"hedge": Counter(), "booster": Counter()}
    )
    evidence_types: Counter[str] = field(default_factory=Counter)
    evidence: int = 0
    cross_sentence_evidence: int = 0
    implicit_actors: int = 0
    #: Per document: sentences by status, and claims.
    documents: dict[str, Counter[str]] = field(default_factory=dict)
    #: Per annotator id (of done and reviewed sentences): sentences, and claims in them.
    annotators: dict[str, Counter[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The numbers as plain JSON data (what `--format json` prints)."""

        def ordered(counter: Counter[str]) -> dict[str, int]:
            return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

        done = self.status["done"] + self.status["reviewed"]
        return {
            "files": self.files,
            "sentences": self.sentences,
            "skipped_lines": self.skipped_lines,
            "status": {s: self.status[s] for s in STATUSES},
            "progress": round(done / self.sentences, 4) if self.sentences else 0.0,
            "claims": self.claims,
            "claim_sentences": self.claim_sentences,
            "actors": ordered(self.actors),
            "implicit_actors": self.implicit_actors,
            "targets": ordered(self.targets),
            "expectation_types": ordered(self.expectation_types),
            "certainty": ordered(self.certainty),
            "polarity": ordered(self.polarity),
            "origin": ordered(self.origin),
            "cues": {kind: ordered(c) for kind, c in self.cues.items()},
            "evidence": self.evidence,
            "evidence_types": ordered(self.evidence_types),
            "cross_sentence_evidence": self.cross_sentence_evidence,
            "documents": {
                doc: {
                    "sentences": sum(c[s] for s in STATUSES),
                    **{s: c[s] for s in STATUSES},
                    "progress": _progress(c),
                    "claims": c["claims"],
                }
                for doc, c in sorted(self.documents.items())
            },
            "annotators": {
                who: {"sentences": c["sentences"], "claims": c["claims"]}
                for who, c in sorted(self.annotators.items())
            },
        }


def _progress(counts: Counter[str]) -> float:
    total = sum(counts[s] for s in STATUSES)
    return round((counts["done"] + counts["reviewed"]) / total, 4) if total else 0.0


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _add_record(stats: Stats, record: dict[str, Any]) -> None:
    stats.sentences += 1
    stats.status[str(record.get("status"))] += 1
    claims = _dicts(record.get("claims"))
    document = stats.documents.setdefault(str(record.get("doc")), Counter())
    document[str(record.get("status"))] += 1
    document["claims"] += len(claims)
    if record.get("status") in HUMAN_STATUSES:
        who = stats.annotators.setdefault(str(record.get("annotator")), Counter())
        who["sentences"] += 1
        who["claims"] += len(claims)
    stats.claims += len(claims)
    stats.claim_sentences += bool(claims)
    for claim in claims:
        actor = object_or_empty(claim.get("actor"))
        stats.actors[str(actor.get("ref"))] += 1
        # The author usually goes unnamed by convention: only other unnamed holders are implicit.
        stats.implicit_actors += actor.get("quote") is None and actor.get("ref") != "author"
        expectation = claim.get("expectation")
        if isinstance(expectation, dict):
            stats.expectation_types[str(expectation.get("type"))] += 1
            stats.targets[str(expectation.get("target") or "(none)")] += 1
        hedge = object_or_empty(claim.get("hedge"))
        stats.certainty[str(hedge.get("certainty"))] += 1
        for cue in _dicts(hedge.get("cues")):
            kind = str(cue.get("kind"))
            stats.cues.setdefault(kind, Counter())[
                " ".join(str(cue.get("quote")).split()).lower()
            ] += 1
        stats.polarity[str(claim.get("polarity", "positive"))] += 1
        stats.origin[str(claim.get("origin", "human"))] += 1
        for evidence in _dicts(claim.get("evidence")):
            stats.evidence += 1
            stats.evidence_types[str(evidence.get("type"))] += 1
            other = evidence.get("sentence")
            if other is not None and other != record.get("id"):
                stats.cross_sentence_evidence += 1


def compute_stats(project: Project, paths: list[Path] | None = None) -> Stats:
    """Count over the given annotation files or folders (default: every annotation file)."""
    files = project.annotation_files(paths)
    stats = Stats(files=len(files))
    for file in files:
        for _, record, _problem in iter_jsonl_lenient(file):
            if record is None:
                stats.skipped_lines += 1
            else:
                _add_record(stats, record)
    return stats
