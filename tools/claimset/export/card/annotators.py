"""Who annotated: the annotator registry (corpus/annotators.jsonl) against the ids in the corpus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ... import jsonio
from ...models import Annotator
from ...project import Project
from .markdown import one_line, table

#: The Hub's `annotations_creators` value for each kind of annotator.
CREATORS = {
    "human": "expert-generated",
    "model": "machine-generated",
    "machine": "machine-generated",
}

#: How the card names each kind.
KIND_WORDS = {
    "human": "a person",
    "model": "a language-model annotator",
    "machine": "a program",
    None: "not in corpus/annotators.jsonl, so unknown",
}


@dataclass(frozen=True)
class Annotators:
    """The registry's entries by id, and the sentences each id finished in the corpus."""

    registry: dict[str, Annotator]
    finished: dict[str, int]

    def kind(self, annotator_id: str) -> str | None:
        entry = self.registry.get(annotator_id)
        return entry.kind if entry else None

    def creators(self, include_drafts: bool) -> list[str]:
        """`annotations_creators`: from the kinds of those who finished sentences."""
        found = {CREATORS.get(self.kind(i) or "", "other") for i in self.finished}
        if include_drafts:
            found.add("machine-generated")
        return sorted(found) or ["no-annotation"]

    def by_kind(self) -> str:
        """`12 by people, 34 by language-model annotators` for the card's first paragraph."""
        counts: dict[str | None, int] = {}
        for annotator_id, n in self.finished.items():
            kind = self.kind(annotator_id)
            counts[kind] = counts.get(kind, 0) + n
        words = {
            "human": "by people",
            "model": "by language-model annotators",
            "machine": "by programs",
            None: "by annotators not in the registry",
        }
        parts = [f"{n} {words[k]}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        return ", ".join(parts) if parts else "none yet"

    def section(self) -> str:
        """The "Who are the annotators?" section."""
        if not self.finished:
            return "No sentence has been annotated yet."
        rows = []
        for annotator_id, n in self.finished.items():
            entry = self.registry.get(annotator_id)
            description = one_line(entry.description) if entry and entry.description else ""
            rows.append([f"`{annotator_id}`", KIND_WORDS[self.kind(annotator_id)], description, n])
        return (
            "The annotator ids recorded in the corpus, described by `corpus/annotators.jsonl`, "
            "with the sentences each marked `done` or `reviewed`:\n\n"
            + table(["annotator", "kind", "description", "sentences"], rows)
        )


def read_annotators(project: Project, finished: dict[str, Any]) -> Annotators:
    """The registry (empty without the file) and the per-annotator counts of the export."""
    registry: dict[str, Annotator] = {}
    path = project.annotators_path
    if path.is_file():
        for record in jsonio.read_jsonl(path, project.relative(path)):
            entry = Annotator.model_validate(record)
            registry[entry.id] = entry
    return Annotators(registry, {str(k): int(v) for k, v in finished.items()})
