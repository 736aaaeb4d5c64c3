"""The corpus counts the dataset card reports, gathered file by file as the tables are written."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import CERTAINTIES, EXPECTATION_TYPES, ORIGINS, POLARITIES, STATUSES
from .tables import CLAIM_STATUSES, DRAFT_STATUSES, DocumentTables

if TYPE_CHECKING:
    import pyarrow as pa


def value_counts(array: Any) -> Counter[str]:
    """How often each value occurs in an Arrow array, nulls left out."""
    import pyarrow.compute as pc

    counts = pc.value_counts(array)
    values, ns = counts.field("values").to_pylist(), counts.field("counts").to_pylist()
    return Counter({str(v): int(n) for v, n in zip(values, ns, strict=True) if v is not None})


@dataclass
class CorpusCounts:
    """The columns the card's counts come from, gathered file by file, counted once at the end.

    Only small columns are kept (statuses, label ids, actor ids), so memory stays small.
    """

    documents: int = 0
    sentence_status: list[Any] = field(default_factory=list)
    annotators: list[Any] = field(default_factory=list)
    claim_status: list[Any] = field(default_factory=list)
    claim_origin: list[Any] = field(default_factory=list)
    exported: list[pa.Table] = field(default_factory=list)
    evidence: int = 0
    cross_sentence_evidence: int = 0

    def add(self, part: DocumentTables) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        s, c = part.sentences, part.claims
        self.sentence_status += s["status"].chunks
        human = pc.is_in(s["status"], value_set=pa.array(list(CLAIM_STATUSES)))
        self.annotators += s["annotator"].filter(human).chunks
        lists = s["claims"].combine_chunks()
        self.claim_status += pc.take(s["status"], pc.list_parent_indices(lists)).chunks
        self.claim_origin.append(pc.struct_field(pc.list_flatten(lists), "origin"))
        self.exported.append(
            c.select(["expectation_type", "certainty", "polarity", "actor", "actor_quote"])
        )
        evidence_lists = c["evidence"].combine_chunks()
        evidence = pc.list_flatten(evidence_lists)
        self.evidence += len(evidence)
        if len(evidence):
            owner = pc.take(c["sentence_id"], pc.list_parent_indices(evidence_lists))
            other = pc.not_equal(pc.struct_field(evidence, "sentence_id"), owner)
            self.cross_sentence_evidence += int(pc.sum(other).as_py() or 0)

    def to_dict(self, include_drafts: bool) -> dict[str, Any]:
        import pyarrow as pa
        import pyarrow.compute as pc

        def chunked(arrays: list[Any]) -> Any:
            return pa.chunked_array(arrays, type=pa.string())

        status = value_counts(chunked(self.sentence_status))
        pairs = value_counts(
            pc.binary_join_element_wise(chunked(self.claim_status), chunked(self.claim_origin), "/")
        )
        claims = pa.concat_tables(self.exported) if self.exported else None

        def labels(column: str, names: tuple[str, ...]) -> dict[str, int]:
            counts = value_counts(claims[column]) if claims is not None else Counter()
            return {name: counts[str(i)] for i, name in enumerate(names)}

        actors = value_counts(claims["actor"]) if claims is not None else Counter()
        return {
            "documents": self.documents,
            "sentences": sum(status.values()),
            "sentences_by_status": {st: status[st] for st in STATUSES},
            "claims_by_status_origin": {
                st: {o: pairs[f"{st}/{o}"] for o in ORIGINS} for st in STATUSES
            },
            "claim_statuses": list(CLAIM_STATUSES + (DRAFT_STATUSES if include_drafts else ())),
            "exported_claims": 0 if claims is None else claims.num_rows,
            "expectation_types": labels("expectation_type", EXPECTATION_TYPES),
            "certainty": labels("certainty", CERTAINTIES),
            "polarity": labels("polarity", POLARITIES),
            "actors": dict(sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))),
            # The author usually goes unnamed by convention: only other unnamed holders count.
            "implicit_actors": 0
            if claims is None
            else int(
                pc.sum(
                    pc.and_(
                        pc.is_null(claims["actor_quote"]),
                        pc.not_equal(claims["actor"], "author"),
                    )
                ).as_py()
                or 0
            ),
            "evidence": self.evidence,
            "cross_sentence_evidence": self.cross_sentence_evidence,
            "annotators": dict(sorted(value_counts(chunked(self.annotators)).items())),
        }
