"""Exporting a project to a format's files, and importing a tool's files into a project.

`export_format` writes a folder (brat, Label Studio) or a file (spaCy) and refuses, writing
nothing, when a span cannot be placed (an unformatted corpus: run `claimset fmt`). The importers
read a tool's files, rebuild the sentence records, and write them only when nothing is lost
(or with `allow_loss`) and no human work would be overwritten (or with `force`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..atomic import atomic_write_bytes
from ..errors import ClaimsetError, DataProtected, UsageError
from ..models import HUMAN_STATUSES
from ..project import Project, read_seed
from .corpus import CorpusDocument, load_actors, load_documents, read_records, write_documents
from .graph import Problem, SentenceMeta, sentence_meta

Format = Literal["label-studio", "brat", "spacy"]
FORMATS: tuple[Format, ...] = ("label-studio", "brat", "spacy")
#: Where each format goes, under the project root, without --out.
DEFAULT_OUT: dict[Format, str] = {
    "label-studio": "dist/label-studio",
    "brat": "dist/brat",
    "spacy": "dist/claimset.spacy",
}
#: The file that marks a folder as one claimset wrote, so a later export may overwrite it.
MARKER = ".claimset-export"


class LossRefused(ClaimsetError):
    "Something could not be converted; nothing was written."

    def __init__(self, message: str, problems: Sequence[Problem]) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class FormatResult:
    """What an export or import wrote, and what it reported."""

    out: Path
    files: list[str] = field(default_factory=list)
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)


def _refuse_loss(problems: list[Problem], what: str, hint: str) -> None:
    if problems:
        raise LossRefused(f"{len(problems)} problem(s): {what}; {hint}", problems)


def _folder(out: Path, force: bool) -> None:
    """Make `out` ready for our files; refuse a folder of other files unless `force` (files with
    our names are then replaced, the others kept)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: a file, not a folder; choose another --out")
    if not force and out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UsageError(
            f"{out}: not empty and not a claimset export; choose another --out, or --force"
        )
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by claimset export\n", encoding="utf-8")


def _write(out: Path, name: str, data: str | bytes) -> str:
    atomic_write_bytes(out / name, data.encode("utf-8") if isinstance(data, str) else data)
    return name


def _human_only(docs: list[CorpusDocument]) -> list[CorpusDocument]:
    return [
        CorpusDocument(
            d.id,
            d.text,
            [
                s if s.status in HUMAN_STATUSES else s.model_copy(update={"claims": []})
                for s in d.sentences
            ],
        )
        for d in docs
    ]


def export_format(
    project: Project,
    fmt: Format,
    out: Path | None = None,
    *,
    include_drafts: bool = False,
    force: bool = False,
) -> FormatResult:
    """Write the corpus in `fmt`: every claim for brat and Label Studio (each keeps its origin,
    and drafts are what Label Studio shows as predictions); for spaCy, the claims of `done` and
    `reviewed` sentences, and with `include_drafts` the machine drafts too."""
    target = out or project.root / DEFAULT_OUT[fmt]
    docs = load_documents(project)
    result = FormatResult(target, documents=len(docs))
    hint = "run `claimset fmt` (it anchors quotes) or `claimset validate` to see why"
    if fmt == "brat":
        from .brat import annotation_conf, to_brat, visual_conf

        anns = {}
        for doc in docs:
            anns[doc.id], lost = to_brat(doc)
            result.problems.extend(lost)
        _refuse_loss(result.problems, "spans could not be placed", hint)
        _folder(target, force)
        for doc in docs:
            result.files.append(_write(target, f"{doc.id}.txt", doc.text))
            result.files.append(_write(target, f"{doc.id}.ann", anns[doc.id]))
        result.files.append(_write(target, "annotation.conf", annotation_conf()))
        result.files.append(_write(target, "visual.conf", visual_conf()))
    elif fmt == "label-studio":
        from .label_studio import label_config, to_tasks

        tasks, result.problems = to_tasks(docs)
        _refuse_loss(result.problems, "spans could not be placed", hint)
        _folder(target, force)
        text = json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
        result.files.append(_write(target, "tasks.json", text))
        result.files.append(_write(target, "config.xml", label_config(load_actors(project))))
    else:
        from .spacy_docbin import to_docbin

        docbin, result.problems = to_docbin(docs if include_drafts else _human_only(docs))
        _refuse_loss(result.problems, "spans could not be placed on tokens", hint)
        if target.is_dir():
            raise UsageError(f"{target}: a folder; the spaCy export is one file (--out x.spacy)")
        atomic_write_bytes(target, docbin.to_bytes())
        result.files.append(target.name)
    return result


def _fallbacks(project: Project, doc_ids: Sequence[str]) -> dict[str, list[SentenceMeta]]:
    """Each document's current sentences (from its annotation file), else the segmenter's."""
    from .. import split_sentences

    found: dict[str, list[SentenceMeta]] = {}
    for doc_id in doc_ids:
        ann = project.annotation_path(doc_id)
        if ann.exists():
            found[doc_id] = [sentence_meta(r) for r in read_records(ann, project.relative(ann))]
        elif project.seed_path(doc_id).exists():
            text = read_seed(project.seed_path(doc_id)).text
            found[doc_id] = [
                SentenceMeta(f"{doc_id}:{i:04d}", s.start, s.end, "todo", None)
                for i, s in enumerate(split_sentences(text))
            ]
    return found


def _finish(
    project: Project,
    docs: list[CorpusDocument],
    problems: list[Problem],
    source: Path,
    *,
    force: bool,
    allow_loss: bool,
) -> FormatResult:
    missing = [d.id for d in docs if not project.seed_path(d.id).exists()]
    if missing:
        raise UsageError(
            f"no seed for {', '.join(missing)}: add seeds/<doc>.txt and run `claimset split` "
            "before importing annotations for it"
        )
    if not allow_loss:
        _refuse_loss(problems, "nothing imported", "fix them in the tool, or pass --allow-loss")
    result = FormatResult(source, documents=len(docs), problems=problems)
    result.files = write_documents(project, docs, force=force)
    return result


def import_label_studio(
    project: Project,
    path: Path,
    *,
    annotator: str | None = None,
    force: bool = False,
    allow_loss: bool = False,
) -> FormatResult:
    """Import a Label Studio JSON export (or tasks claimset wrote) into the project."""
    from .label_studio import from_tasks

    try:
        tasks = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataProtected(f"{path}: not a JSON export ({exc})") from exc
    ids = [
        str((t.get("data") or {}).get("doc") or "")
        for t in (tasks if isinstance(tasks, list) else [])
        if isinstance(t, dict)
    ]
    docs, problems = from_tasks(tasks, fallbacks=_fallbacks(project, ids), annotator=annotator)
    return _finish(project, docs, problems, path, force=force, allow_loss=allow_loss)


def import_brat(
    project: Project,
    folder: Path,
    *,
    annotator: str | None = None,
    force: bool = False,
    allow_loss: bool = False,
) -> FormatResult:
    """Import a folder of brat `<doc>.txt` + `<doc>.ann` files into the project."""
    from .brat import from_brat, read_brat_dir

    found = read_brat_dir(folder)
    if not found:
        raise UsageError(f"{folder}: no <doc>.txt with a <doc>.ann beside it")
    fallbacks = _fallbacks(project, [doc_id for doc_id, _, _ in found])
    docs: list[CorpusDocument] = []
    problems: list[Problem] = []
    for doc_id, text, ann in found:
        doc, lost = from_brat(
            doc_id,
            text,
            ann,
            fallbacks.get(doc_id, ()),
            ann_name=f"{doc_id}.ann",
            annotator=annotator,
        )
        docs.append(doc)
        problems.extend(lost)
    return _finish(project, docs, problems, folder, force=force, allow_loss=allow_loss)
