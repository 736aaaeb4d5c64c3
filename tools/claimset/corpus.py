"""The public reading API: a project's corpus as typed records, for notebooks and scripts.

    import claimset
    corpus = claimset.load_corpus("path/to/project")
    for sentence, claim in corpus.iter_claims(status="done"):
        print(sentence.id, claim.actor.ref, claim.expectation.type, claim.expectation.quote)

Records are the pydantic models of `claimset.models` (`SentenceRecord`, `Claim`, `Document`,
`Actor`). Reading is strict about each record's structure (a line that does not parse or fit the
model raises `InvalidLine` with its file and line); the checks across records and files are
`claimset validate`'s job, so validate a corpus before relying on its offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from .errors import InvalidLine
from .jsonio import read_jsonl_numbered
from .models import Actor, Claim, Document, Record, SentenceRecord, first_error
from .project import Project


class ClaimInSentence(NamedTuple):
    """A claim with the sentence it is in (its spans' offsets index `sentence.text`)."""

    sentence: SentenceRecord
    claim: Claim

    @property
    def id(self) -> str:
        """The global claim id, as in the export: `<sentence id>/<claim id>`."""
        return f"{self.sentence.id}/{self.claim.id}"


@dataclass
class Corpus:
    """A claimset project's documents, actors and sentence records, read and typed.

    `documents` and `actors` map ids to records (file order); `sentences` holds every sentence
    record, document by document (documents in id order) and in document order within each.
    """

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    sentences: list[SentenceRecord] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.sentences)

    def __iter__(self) -> Iterator[SentenceRecord]:
        return iter(self.sentences)

    def sentence(self, sentence_id: str) -> SentenceRecord:
        """The sentence with this id (KeyError if there is none)."""
        for record in self.sentences:
            if record.id == sentence_id:
                return record
        raise KeyError(sentence_id)

    def iter_sentences(
        self,
        *,
        doc: str | None = None,
        status: str | Iterable[str] | None = None,
        split: str | None = None,
    ) -> Iterator[SentenceRecord]:
        """The sentences, optionally of one document, with a status (or one of several), or in
        one dataset split (train, validation, test: the document's `split`)."""
        statuses = {status} if isinstance(status, str) else set(status or ())
        for record in self.sentences:
            if doc is not None and record.doc != doc:
                continue
            if statuses and record.status not in statuses:
                continue
            if split is not None:
                document = self.documents.get(record.doc)
                if document is None or document.split != split:
                    continue
            yield record

    def iter_claims(
        self,
        *,
        doc: str | None = None,
        status: str | Iterable[str] | None = None,
        split: str | None = None,
    ) -> Iterator[ClaimInSentence]:
        """Every claim with its sentence, filtered as `iter_sentences` filters sentences."""
        for record in self.iter_sentences(doc=doc, status=status, split=split):
            for claim in record.claims:
                yield ClaimInSentence(record, claim)

    @property
    def claims(self) -> list[ClaimInSentence]:
        """Every claim with its sentence, in corpus order."""
        return list(self.iter_claims())

    def text_of(self, sentence_id: str | None, default: SentenceRecord) -> str:
        """The text an evidence span's offsets index: its `sentence`, else `default`'s."""
        return default.text if sentence_id is None else self.sentence(sentence_id).text


def _read(path: Path, model: type[Record], project: Project) -> list[Record]:
    if not path.is_file():
        return []
    shown = project.relative(path)
    records: list[Record] = []
    for lineno, value in read_jsonl_numbered(path, shown):
        try:
            records.append(model.model_validate(value))
        except ValidationError as exc:
            message = f"{first_error(exc)} (run `claimset validate` for every problem)"
            raise InvalidLine(message, file=shown, line=lineno) from exc
    return records


def load_corpus(path: str | Path = ".") -> Corpus:
    """Read the claimset project at or above `path` (a `str` or a `Path`) as typed records.

    Raises ProjectNotFound when there is no project there, and InvalidLine (file:line: what)
    for the first line that does not parse or does not fit its model.
    """
    project = Project.find(Path(path))
    corpus = Corpus(project.root)
    for document in _read(project.documents_path, Document, project):
        assert isinstance(document, Document)
        corpus.documents[document.id] = document
    for actor in _read(project.actors_path, Actor, project):
        assert isinstance(actor, Actor)
        corpus.actors[actor.id] = actor
    for annotation in sorted(project.annotation_paths()):
        for record in _read(annotation, SentenceRecord, project):
            assert isinstance(record, SentenceRecord)
            corpus.sentences.append(record)
    return corpus
