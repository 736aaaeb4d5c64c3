"""`claimset edit`: one sentence record as readable YAML, checked on save, written back as one line.

A record line is 500-1,500 characters of JSON; editing a claim inside it in a plain editor is
slow. `EditSession` turns the record into a short YAML document (the sentence text as a comment
on top, the editable fields below, offsets left out where `fmt` finds them again), and turns the
edited YAML back into the record: quotes anchored as `fmt` does, then every check `validate`
runs on that line. Only a valid record is written, by replacing its one line atomically; nothing
else in the file changes. The CLI (`cli/edit.py`) runs the editor loop.
"""

from __future__ import annotations

import json
import re
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import atomic, jsonio
from .anchor import anchor
from .errors import ChangedOnDisk, ClaimsetError, UsageError
from .fmt import format_record
from .models import SentenceRecord
from .project import Project, read_seed

#: The fields an annotator edits; the others (id, doc, offsets, text) belong to `split`.
EDITABLE = ("status", "annotator", "claims")

_TARGET = re.compile(r"(?P<doc>[A-Za-z0-9][A-Za-z0-9._-]*):(?P<n>[0-9]+)")
_WIDTH = 96


class EditError(ClaimsetError):
    "The record to edit cannot be found or read."


def _wrap(text: str, prefix: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, _WIDTH - len(prefix)) or [""]
    return [f"{prefix}{line}".rstrip() for line in lines]


@dataclass
class EditSession:
    """One sentence record being edited: where it is, what it was, what it becomes."""

    project: Project
    path: Path
    rel: str
    lineno: int
    original: str  # the record's line as read, without its newline
    record: dict[str, Any]
    texts: dict[str, str] = field(default_factory=dict)  # sentence id -> text, for evidence

    # -- to YAML

    def document(self, problems: list[str] | None = None, edited: str | None = None) -> str:
        """The YAML the annotator edits: a header of comments, then the editable fields.

        With `problems`, the header lists them (what to fix) above `edited`, the annotator's
        own last version, so that nothing they typed is lost.
        """
        head = [
            f"# claimset edit {self.record.get('id')} ({self.rel}, line {self.lineno})",
            "#",
            "# The sentence:",
            *_wrap(str(self.record.get("text")), "#   "),
            "#",
            "# Edit status, annotator and claims, then save and quit: quotes are anchored and",
            "# the record checked. Type quotes; `occurrence: 2` picks the second occurrence.",
            "# Offsets left out are found again from the quotes. Quit without saving to cancel.",
        ]
        if problems:
            head += ["#", "# NOT SAVED: fix these problems, then save and quit again:"]
            for problem in problems:
                head += _wrap(problem, "#   ")
            body = _strip_header(edited or "")
        else:
            body = yaml.safe_dump(
                self._editable(),
                sort_keys=False,
                allow_unicode=True,
                width=_WIDTH,
                default_flow_style=False,
            )
        return "\n".join(head) + "\n" + body

    def _editable(self) -> dict[str, Any]:
        out = {key: json.loads(json.dumps(self.record.get(key))) for key in EDITABLE}
        text = str(self.record.get("text"))
        own = self.record.get("id")
        for claim in out["claims"] if isinstance(out["claims"], list) else []:
            if not isinstance(claim, dict):
                continue
            spans = [claim.get("actor"), claim.get("expectation")]
            hedge = claim.get("hedge")
            spans += hedge.get("cues") or [] if isinstance(hedge, dict) else []
            for span in spans:
                _leave_out_offsets(span, text)
            for item in claim.get("evidence") or []:
                if isinstance(item, dict):
                    where = item.get("sentence")
                    _leave_out_offsets(item, self.texts.get(str(where), ""))
                    if where == own:
                        del item["sentence"]  # the claim's own sentence: fmt writes it back
        return out

    # -- back from YAML

    def apply(self, edited: str) -> tuple[dict[str, Any] | None, list[str]]:
        """The new record from the edited YAML, or None and the problems that stop it."""
        try:
            data = yaml.safe_load(edited)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            return None, [f"YAML: {where}{problem}"]
        if not isinstance(data, dict):
            return None, ["the document must be a mapping: status, annotator and claims"]
        record = {k: v for k, v in self.record.items() if k not in EDITABLE}
        record.update(data)
        try:
            json.dumps(record, allow_nan=False)
        except (TypeError, ValueError) as exc:  # a YAML date or .nan, say
            return None, [f"not a JSON value: {exc}"]
        formatted, notes = format_record(record, self.texts, SentenceRecord)
        problems = [note for note in notes if note.endswith("left unanchored")]
        problems += self._check(formatted)
        return (None, problems) if problems else (formatted, [])

    def _check(self, record: dict[str, Any]) -> list[str]:
        """Every problem `validate` finds on the record's line, with the new record in place."""
        from .validate.files import ActorFile, AnnotationFile
        from .validate.problems import ActorIndex

        project, doc = self.project, str(self.record.get("doc"))
        actors = ActorIndex()
        if project.actors_path.is_file():
            ActorFile(project.actors_path, project.relative(project.actors_path), actors).run()
        seed_path = project.seed_path(doc)
        seed = read_seed(seed_path).text if seed_path.is_file() else None
        lines = jsonio.read_bytes(self.path).decode("utf-8").split("\n")
        lines[self.lineno - 1] = jsonio.dumps(record)
        with tempfile.TemporaryDirectory(prefix="claimset-edit-") as tmp:
            candidate = Path(tmp) / self.path.name
            candidate.write_text("\n".join(lines), encoding="utf-8")
            check = AnnotationFile(candidate, self.rel, actors, doc, seed)
            check.run()
        return [
            f"{d.path + ': ' if d.path else ''}{d.message} [{d.code}]"
            for d in check.diagnostics
            if d.line == self.lineno and d.severity == "error"
        ]

    def save(self, record: dict[str, Any]) -> bool:
        """Write `record` in place of its line, atomically; False if nothing changed.

        Refuses (ChangedOnDisk) if the line was changed on disk since it was read; the other
        lines may have changed meanwhile (they are kept as they are now).
        """
        new = jsonio.dumps(record)
        if new == self.original:
            return False
        data = jsonio.read_bytes(self.path)
        lines = data.decode("utf-8").split("\n")
        if len(lines) < self.lineno or lines[self.lineno - 1] != self.original:
            raise ChangedOnDisk(
                f"{self.rel}:{self.lineno}: the record changed on disk while it was being "
                "edited; it was not overwritten. Run `claimset edit` again."
            )
        lines[self.lineno - 1] = new
        atomic.atomic_write_bytes(self.path, "\n".join(lines).encode("utf-8"))
        return True


def _leave_out_offsets(span: Any, text: str) -> None:
    """Drop a span's offsets when its quote alone finds them again (less to read)."""
    if not isinstance(span, dict):
        return
    quote = span.get("quote")
    if quote is None:
        implicit = span.get("start") is None and span.get("end") is None
    else:
        found = anchor(text, quote) if isinstance(quote, str) else None
        implicit = found is not None and (found.status, found.start, found.end) == (
            "found",
            span.get("start"),
            span.get("end"),
        )
    if implicit:
        span.pop("start", None)
        span.pop("end", None)


def _strip_header(document: str) -> str:
    """The document without the leading comment lines this module wrote."""
    lines = document.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


#: A sentence id's ordinal has at least this many digits (zero-padded): `essay:0003` is an id,
#: `essay:3` a position.
ID_DIGITS = 4


def open_session(project: Project, target: str) -> EditSession:
    """The session for `DOC:N` (the sentence at position N in the document, from 0; N of one
    to three digits) or a sentence id (`doc:0003`: four digits or more, zero-padded)."""
    match = _TARGET.fullmatch(target)
    if match is None:
        raise UsageError(
            f"{target!r} is not DOC:N (a document id and a position counting from 0, like "
            "essay:3) or a sentence id (four digits or more, like essay:0003)"
        )
    doc, digits = match["doc"], match["n"]
    by_id = len(digits) >= ID_DIGITS
    number = int(digits)
    path = project.annotation_path(doc)
    if not path.is_file():
        raise UsageError(f"no annotation file for document {doc!r} ({project.relative(path)})")
    rel = project.relative(path)
    records = []
    found = None
    position = -1
    for lineno, raw in jsonio.iter_lines(path):
        if raw is not None and not raw.strip():
            continue  # a blank line is no sentence
        position += 1
        if raw is None:
            record = None  # longer than any record: validate reports it
        else:
            text = raw.decode("utf-8", "replace")
            try:
                record = jsonio.loads_lenient(text)
            except ValueError:  # not JSON, too deep, or a number of too many digits
                record = None
        if not by_id and position == number and not isinstance(record, dict):
            raise EditError(
                f"{rel}:{lineno}: the sentence at position {number} cannot be read (see "
                "`claimset validate`)"
            )
        if not isinstance(record, dict):
            continue
        records.append(record)
        if found is not None:
            continue
        if not by_id:
            if position == number:
                found = (lineno, text, record)
            continue
        rid = record.get("id")
        if isinstance(rid, str) and rid.rpartition(":")[0] == doc:
            ordinal = rid.rpartition(":")[2]
            if ordinal.isdigit() and int(ordinal) == number:
                found = (lineno, text, record)
    if found is None and by_id:
        raise EditError(
            f"no sentence {doc}:{digits} in {rel} (or its line cannot be read: see "
            "`claimset validate`)"
        )
    if found is None:
        raise EditError(
            f"no sentence at position {number} in {rel}: it has {position + 1} (positions "
            f"0 to {position}); a sentence id has four digits or more ({doc}:{number:04d})"
        )
    lineno, text, record = found
    texts = {
        r["id"]: r["text"]
        for r in records
        if isinstance(r.get("id"), str) and isinstance(r.get("text"), str)
    }
    return EditSession(project, path, rel, lineno, text, record, texts)
