"""The corpus counts the dataset card reports, gathered file by file as the tables are written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..models import CERTAINTIES, EXPECTATION_TYPES, ORIGINS, POLARITIES, STATUSES
from .tables import CLAIM_STATUSES, DRAFT_STATUSES, DocumentTables


def value_counts(array: Any) -> Counter[str]:
    """How often each value occurs in an Arrow array, nulls left out."""
    import pyarrow.compute as pc

    counts = pc.value_counts(array)
    values, ns = counts.field("values").to_pylist(), counts.field("counts").to_pylist()
    return Counter({str(v): int(n) for v, n in zip(values, ns, strict=True) if v is not None})


@dataclass
class CorpusCounts:
    """The card's counts, added up file by file as the tables are written.

    Only counters are kept (of statuses, labels, actor ids, annotators: a handful of keys each),
    so memory does not grow with the corpus.
    """

    documents: int = 0
    sentence_status: Counter[str] = field(default_factory=Counter)
    annotators: Counter[str] = field(default_factory=Counter)
    status_origin: Counter[str] = field(default_factory=Counter)
    expectation_types: Counter[str] = field(default_factory=Counter)
    certainty: Counter[str] = field(default_factory=Counter)
    polarity: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    exported: int = 0
    implicit_actors: int = 0
    evidence: int = 0
    cross_sentence_evidence: int = 0

    def add(self, part: DocumentTables) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        s, c = part.sentences, part.claims
        self.sentence_status += value_counts(s["status"])
        human = pc.is_in(s["status"], value_set=pa.array(list(CLAIM_STATUSES)))
        self.annotators += value_counts(s["annotator"].filter(human))
        lists = s["claims"].combine_chunks()
        if len(pc.list_flatten(lists)):
            status = pc.take(s["status"], pc.list_parent_indices(lists))
            origin = pc.struct_field(pc.list_flatten(lists), "origin")
            self.status_origin += value_counts(pc.binary_join_element_wise(status, origin, "/"))
        self.exported += c.num_rows
        if not c.num_rows:
            return
        self.expectation_types += value_counts(c["expectation_type"])
        self.certainty += value_counts(c["certainty"])
        self.polarity += value_counts(c["polarity"])
        self.actors += value_counts(c["actor"])
        # The author usually goes unnamed by convention: only other unnamed holders count.
        implicit = pc.and_(pc.is_null(c["actor_quote"]), pc.not_equal(c["actor"], "author"))
        self.implicit_actors += int(pc.sum(implicit).as_py() or 0)
        evidence_lists = c["evidence"].combine_chunks()
        evidence = pc.list_flatten(evidence_lists)
        self.evidence += len(evidence)
        if len(evidence):
            owner = pc.take(c["sentence_id"], pc.list_parent_indices(evidence_lists))
            other = pc.not_equal(pc.struct_field(evidence, "sentence_id"), owner)
            self.cross_sentence_evidence += int(pc.sum(other).as_py() or 0)

    def to_dict(self, include_drafts: bool) -> dict[str, Any]:
        def labels(counts: Counter[str], names: tuple[str, ...]) -> dict[str, int]:
            return {name: counts[str(i)] for i, name in enumerate(names)}

        return {
            "documents": self.documents,
            "sentences": sum(self.sentence_status.values()),
            "sentences_by_status": {st: self.sentence_status[st] for st in STATUSES},
            "claims_by_status_origin": {
                st: {o: self.status_origin[f"{st}/{o}"] for o in ORIGINS} for st in STATUSES
            },
            "claim_statuses": list(CLAIM_STATUSES + (DRAFT_STATUSES if include_drafts else ())),
            "exported_claims": self.exported,
            "expectation_types": labels(self.expectation_types, EXPECTATION_TYPES),
            "certainty": labels(self.certainty, CERTAINTIES),
            "polarity": labels(self.polarity, POLARITIES),
            "actors": dict(sorted(self.actors.items(), key=lambda kv: (-kv[1], kv[0]))),
            "implicit_actors": self.implicit_actors,
            "evidence": self.evidence,
            "cross_sentence_evidence": self.cross_sentence_evidence,
            "annotators": dict(sorted(self.annotators.items())),
        }
