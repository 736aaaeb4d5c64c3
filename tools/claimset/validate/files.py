"""The four kinds of JSONL file and the record checks each runs on every record."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import fast_path
from .checks import claims, ids, offsets, orphans, registries
from .checks import status as status_check
from .lines import Line
from .problems import SENTENCE_ID, ActorIndex, Problem
from .reader import JsonlFile
from .state import AnnotationState

#: A sentence id still legible on a line that is not valid JSON.
_LEGIBLE_ID = re.compile(r'"id"\s*:\s*"([^"\\]+)"')


class ActorFile(JsonlFile):
    """corpus/actors.jsonl: the registry. Builds the actor index while checking it."""

    model_name = "Actor"

    def __init__(self, path: Path, rel: str, actors: ActorIndex) -> None:
        super().__init__(path, rel, actors)
        self.ids: dict[str, int] = {}
        self.persons: list[tuple[Line, dict[str, Any]]] = []  # for `finish`
        self.kinds: dict[str, str] = {}
        self.serving: list[tuple[Line, str]] = []  # actors with a `state`, for `finish`

    def semantic(self, obj: dict[str, Any], line: Line) -> list[Problem]:
        self.actors.add(obj)
        actor_id = obj.get("id")
        if not isinstance(actor_id, str):
            return []
        if obj.get("kind") == "person":
            self.persons.append((line, obj))
        if isinstance(obj.get("kind"), str):
            self.kinds.setdefault(actor_id, obj["kind"])
        if isinstance(obj.get("state"), str):
            self.serving.append((line, obj["state"]))
        first = self.ids.setdefault(actor_id, line.lineno)
        return registries.repeated_actor(actor_id, first, line.lineno)

    def finish(self) -> None:
        super().finish()
        # A state named before or after the actor that serves it: checked once all are read.
        for line, state in self.serving:
            self.report(line, registries.actor_state(state, self.kinds))
        # Aliases a person shares with another person (`draft` decides by the context).
        for line, person in self.persons:
            for index, alias in enumerate(person.get("aliases") or []):
                others: dict[str, list[str]] = {}
                for _, other in self.persons:
                    for form in [other["name"], *(other.get("aliases") or [])]:
                        if other["id"] != person["id"] and registries.part_of(alias, form):
                            forms = others.setdefault(other["id"], [])
                            forms.extend([form] if form not in forms else [])
                self.report(line, registries.shared_alias(alias, index, others))


class AnnotatorFile(JsonlFile):
    """corpus/annotators.jsonl: who the annotator ids are (optional; read by the card)."""

    model_name = "Annotator"

    def __init__(self, path: Path, rel: str, actors: ActorIndex) -> None:
        super().__init__(path, rel, actors)
        self.ids: dict[str, int] = {}

    def semantic(self, obj: dict[str, Any], line: Line) -> list[Problem]:
        annotator_id = obj.get("id")
        if not isinstance(annotator_id, str):
            return []
        first = self.ids.setdefault(annotator_id, line.lineno)
        return registries.repeated_annotator(annotator_id, first, line.lineno)


class OrphanFile(JsonlFile):
    """corpus/orphans/<doc>.jsonl: claims split could not place; each one is reported."""

    model_name = "OrphanRecord"

    def __init__(self, path: Path, rel: str, actors: ActorIndex, annotations_rel: str) -> None:
        super().__init__(path, rel, actors)
        self.annotations_rel = annotations_rel

    def semantic(self, obj: dict[str, Any], line: Line) -> list[Problem]:
        return orphans.orphan(obj, self.annotations_rel)


@dataclass(frozen=True)
class DocRecord:
    """What the other checks need of a documents.jsonl record (values as read, maybe wrong)."""

    line: int
    sha256: Any
    sentence_count: Any


class DocumentFile(JsonlFile):
    """corpus/documents.jsonl: one record per document."""

    model_name = "Document"

    def __init__(self, path: Path, rel: str, actors: ActorIndex) -> None:
        super().__init__(path, rel, actors)
        self.documents: dict[str, DocRecord] = {}

    def semantic(self, obj: dict[str, Any], line: Line) -> list[Problem]:
        # A speech's party is an actor of the registry, like a claim's actor ref.
        out = claims.actor_ref(self.actors, obj.get("speaks_for"), ("speaks_for",))
        doc_id = obj.get("id")
        if not isinstance(doc_id, str):
            return out
        first = self.documents.get(doc_id)
        if first is not None:
            return out + registries.repeated_document(doc_id, first.line)
        self.documents[doc_id] = DocRecord(
            line.lineno, obj.get("sha256"), obj.get("sentence_count")
        )
        return out


class AnnotationFile(JsonlFile):
    """corpus/annotations/<doc>.jsonl: sentence records against their seed and the registry."""

    model_name = "SentenceRecord"

    def __init__(
        self,
        path: Path,
        rel: str,
        actors: ActorIndex,
        doc_id: str,
        seed_text: str | None,
        partial: bool = False,
    ) -> None:
        """`partial`: an agreement file, which may hold some of the document's sentences."""
        super().__init__(path, rel, actors)
        self.state = AnnotationState(doc_id, seed_text, actors.ids, partial)
        self.quick = functools.partial(fast_path.accepts, self.state)
        self.quick_canonical = functools.partial(fast_path.accepts_canonical, self.state)

    def unidentified(self) -> None:
        self.state.unidentified()

    def unreadable(self, line: Line) -> None:
        # Evidence citing the sentence this broken line holds is not reported as well: the
        # line's own syntax error is the cause (see `claims.evidence_exists`).
        found = _LEGIBLE_ID.search(line.text)
        if found and SENTENCE_ID.fullmatch(found.group(1)):
            self.state.unreadable_ids.add(found.group(1))

    def repaired(self, obj: dict[str, Any]) -> dict[str, Any]:
        # Evidence elsewhere may quote this sentence: check it against the seed's text, not
        # against the replacement characters.
        start, end, text = obj.get("start"), obj.get("end"), obj.get("text")
        seed = self.state.seed_text
        if (
            seed is not None
            and type(start) is int
            and type(end) is int
            and type(text) is str
            and "\ufffd" in text
        ):
            return {**obj, "text": seed[start:end]}
        return obj

    def semantic(self, obj: dict[str, Any], line: Line) -> list[Problem]:
        state = self.state
        state.sentences += 1
        out, rid = self._identify(obj.get("id"), line)
        doc = obj.get("doc")
        if type(doc) is str:
            out += ids.record_document(state, doc)
        text, start, end = obj.get("text"), obj.get("start"), obj.get("end")
        if type(start) is int and type(end) is int:
            out += offsets.sentence_offsets(state, start, end, line.lineno)
            if type(text) is str:
                out += offsets.sentence_text(state, rid, start, end, text)
        elif rid is not None and type(text) is str:
            state.texts[rid] = text
        if type(text) is not str:
            return out
        claim_list = obj.get("claims")
        status = obj.get("status")
        if type(status) is str:
            out += status_check.status(obj, status, claim_list)
        if type(claim_list) is list:
            seen: dict[str, int] = {}
            for index, claim in enumerate(claim_list):
                if type(claim) is dict:
                    out += claims.claim_problems(
                        state, self.actors, claim, index, rid, text, seen, line
                    )
        return out

    def _identify(self, rid: Any, line: Line) -> tuple[list[Problem], str | None]:
        """The id's problems, and the id if it names this sentence (not malformed, not reused)."""
        state = self.state
        if type(rid) is not str or not SENTENCE_ID.fullmatch(rid):
            state.unidentified()
            return [], None
        out = ids.id_document(state, rid)
        repeated = ids.repeated_sentence(state, rid)
        if repeated:
            state.unidentified()  # its text must not stand in for the first one's
            return out + repeated, None
        state.ids[rid] = line.lineno
        return out, rid

    def finish(self) -> None:
        for line, problems in claims.pending_evidence(self.state):
            self.report(line, problems)
        state = self.state
        # Only when every record was read with its offsets: a line that was not may hold the
        # sentence that looks missing.
        complete = not self.unparsed and not state.misplaced and len(state.spans) == state.sentences
        if state.seed_text is not None and complete:
            self.diagnostics.extend(offsets.seed_coverage(self.rel, state))
