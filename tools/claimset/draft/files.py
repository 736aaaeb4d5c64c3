"""Drafting annotation files of a project in place."""

from __future__ import annotations

import contextlib
import gc
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import TypeAdapter, ValidationError

from .. import atomic, jsonio
from ..canonical import canonical
from ..errors import ClaimsetError, InvalidLine
from ..fingerprint import machine_made, stamp
from ..models import Claim, SentenceRecord, first_error
from ..project import Project, read_seed
from ..validate import fast_path
from .actor_index import ActorIndex, load_actors
from .document import draft_document

#: The validator of a sentence's claims.
_CLAIMS = TypeAdapter(list[Claim])


@dataclass
class DraftOutcome:
    """What happened to one annotation file."""

    path: str
    action: str  # updated | unchanged | error
    drafted: int = 0  # sentences drafted
    claims: int = 0  # claims suggested
    kept: int = 0  # sentences left alone (done, reviewed, or draft without --redo)
    message: str = ""
    protected: list[str] = field(default_factory=list)  # ids left alone: they hold human claims


@dataclass
class DraftResult:
    """The outcome of `draft` per file."""

    outcomes: list[DraftOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(o.action != "error" for o in self.outcomes)


def seed_paragraph_starts(project: Project, records: list[dict[str, Any]]) -> list[bool] | None:
    """Where paragraphs begin, from the gaps between sentences in the seed (None if unknown)."""
    if not records:
        return []
    doc = records[0]["doc"]
    seed_path = project.seeds_dir / f"{doc}.txt"
    if not seed_path.is_file():
        return None
    try:
        text = read_seed(seed_path, doc).text
    except ClaimsetError:
        return None
    if any(text[r["start"] : r["end"]] != r["text"] for r in records):
        return None  # a stale seed: the gaps mean nothing
    return paragraph_starts(text, [(r["start"], r["end"]) for r in records])


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_starts(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """Where paragraphs begin, from the gaps between the sentences' (start, end) in `text`.

    A blank line separates paragraphs; in a text without any, every line break does.
    """
    if not spans:
        return []
    blank = _BLANK_LINE
    soft = blank.search(text) is not None
    starts = [True]
    for (_, prev_end), (cur_start, _) in itertools.pairwise(spans):
        gap = text[prev_end:cur_start]
        starts.append(bool(blank.search(gap)) if soft else "\n" in gap or "\r" in gap)
    return starts


#: The canonical lines of structurally valid sentence records (what `draft` and `fmt` write),
#: as the validator's fast path recognizes them: for such a line the pattern stands in for
#: pydantic (it accepts only what pydantic accepts), and its record needs no `canonical()`.
CANONICAL = fast_path.pattern("SentenceRecord")


def _read(path: Path, display: str) -> list[tuple[dict[str, Any], bytes | None]]:
    """The file's records, each with its line when the line was canonical (else None);
    InvalidLine for a line that is not a valid sentence record."""
    fullmatch = CANONICAL.fullmatch if CANONICAL is not None else None
    records: list[tuple[dict[str, Any], bytes | None]] = []
    for lineno, raw in jsonio.iter_lines(path):
        if fullmatch is not None and raw is not None and fullmatch(raw) is not None:
            try:
                records.append((orjson.loads(raw), raw))
                continue
            except orjson.JSONDecodeError:
                pass  # invalid UTF-8 inside a string: `parse_line` says where
        elif raw is not None and (item := fast_path.valid_record("SentenceRecord", raw)):
            # Valid in another spelling (an optional field such as `reviewer` present, which
            # the pattern leaves to the precise path): the generated checker stands in for
            # pydantic, as in `claimset validate`.
            records.append((item, None))
            continue
        item = jsonio.parse_line(raw, lineno, display)
        if item is jsonio.BLANK:
            continue
        try:
            SentenceRecord.model_validate(item)
        except ValidationError as exc:
            raise InvalidLine(
                f"not a valid sentence record ({first_error(exc)}); fix it first "
                "(`claimset validate` lists every problem)",
                file=display,
                line=lineno,
            ) from exc
        records.append((item, None))
    return records


def written_as_read(line: bytes) -> bool:
    """Whether `jsonio.line_bytes` writes the record of a canonical line (`CANONICAL`) back as
    that very line, so the line can be kept instead of encoded again.

    The canonical form has one spelling (keys in schema order, `", "` and `": "`, raw UTF-8,
    integers without sign or leading zero) but for the escape of a control character, which
    the pattern admits long (`\\u000a`) where the writer spells it short (`\\n`): a line holding
    a `\\u00` escape is encoded again (tests/test_draft_redo.py checks this on every corpus).
    """
    return b"\\u00" not in line


def speakers(project: Project, actors: ActorIndex) -> dict[str, str]:
    """The `speaks_for` of each document of corpus/documents.jsonl that has one (a speech:
    the party its speaker speaks for). InvalidLine for a line that is not JSON, or a
    `speaks_for` that is no actor of the registry (drafts would name an unknown actor)."""
    path = project.documents_path
    if not path.is_file():
        return {}
    display = project.relative(path)
    found: dict[str, str] = {}
    for lineno, record in jsonio.read_jsonl_numbered(path, display):
        party = record.get("speaks_for") if isinstance(record, dict) else None
        if party is None:
            continue
        if not isinstance(party, str) or party not in actors.kinds:
            raise InvalidLine(
                f"speaks_for {party!r} is not an actor id of corpus/actors.jsonl; fix it "
                "(`claimset validate` lists every problem)",
                file=display,
                line=lineno,
            )
        if isinstance(record.get("id"), str):
            found[record["id"]] = party
    return found


def draft_file(
    project: Project,
    path: Path,
    actors: ActorIndex,
    *,
    redo: bool,
    speaks_for: str | None = None,
    sync_folder: bool = True,
) -> DraftOutcome:
    """Draft one annotation file in place (atomic write; untouched when nothing is drafted).
    `speaks_for`: the party the document's speaker speaks for, in a speech; `sync_folder`:
    see `atomic.atomic_write_bytes`."""
    display = project.relative(path)
    read = _read(path, display)
    raw = [item for item, _ in read]
    todo = [r["status"] == "todo" or (redo and r["status"] == "draft") for r in raw]
    # A person's claims are never replaced by machine suggestions, whatever the status says;
    # an edited suggestion is a person's claim too (see fingerprint.py).
    protected = [
        k
        for k, item in enumerate(raw)
        if todo[k] and not all(machine_made(c) for c in item.get("claims") or [])
    ]
    for k in protected:
        todo[k] = False
    outcome = DraftOutcome(display, "unchanged", kept=len(raw) - sum(todo))
    outcome.protected = [raw[k]["id"] for k in protected]
    if not any(todo):
        return outcome
    # The claims of the sentences not drafted, with their defaults (a canonical line has them).
    fixed = {
        k: raw[k].get("claims") or []
        if read[k][1] is not None
        else [canonical(c, Claim) for c in raw[k].get("claims") or []]
        for k in range(len(raw))
        if not todo[k]
    }
    drafted = draft_document(
        [r["text"] for r in raw],
        actors,
        paragraph_starts=seed_paragraph_starts(project, raw),
        only=todo,
        fixed_claims=fixed,
        ids=[r["id"] for r in raw],
        speaks_for=speaks_for,
    )
    lines = _new_lines(read, drafted, outcome)
    # A sentence that was not a draft is one now: its record changed, so the file did.
    changed = any(todo[k] and raw[k]["status"] != "draft" for k in range(len(raw)))
    if jsonio.write_lines(path, lines, sync_folder=sync_folder, changed=changed):
        outcome.action = "updated"
    return outcome


def _new_lines(
    read: list[tuple[dict[str, Any], bytes | None]],
    drafted: list[list[dict[str, Any]] | None],
    outcome: DraftOutcome,
) -> list[bytes]:
    """The file's lines after drafting (`drafted`: the claims of each sentence drafted, None for
    one left alone), counted into `outcome`."""
    lines: list[bytes] = []
    for (record, line), claims in zip(read, drafted, strict=True):
        if claims is None:
            if line is not None and written_as_read(line):
                lines.append(line + b"\n")
            else:
                lines.append(jsonio.line_bytes(record))
            continue
        rid = record["id"]
        for claim in claims:
            for ev in claim["evidence"]:
                if ev["sentence"] is None:
                    ev["sentence"] = rid
        if line is not None and written_as_read(line) and _drafted_again(record, claims):
            lines.append(line + b"\n")  # `draft --redo` found what the sentence holds
        else:
            lines.append(drafted_line(record, line is not None, claims))
        outcome.drafted += 1
        outcome.claims += len(claims)
    return lines


def _drafted_again(record: dict[str, Any], claims: list[dict[str, Any]]) -> bool:
    """Whether a sentence drafted again (`draft --redo`) got the very claims it holds as a
    draft: then each new claim takes the id of the one it equals, and the record is unchanged.

    The claims held are all machine-made (`draft_file` checked their fingerprints before
    drafting the sentence, or it would have left it alone), so equal content has the
    fingerprint of the id held: no claim is hashed a second time.
    """
    held = record.get("claims") or []
    if record.get("status") != "draft" or len(held) != len(claims):
        return False
    for number, (claim, old) in enumerate(zip(claims, held, strict=True), start=1):
        old_id = old.get("id")
        if not (isinstance(old_id, str) and old_id.startswith(f"c{number}-")):
            return False
        claim["id"] = old_id
        if claim != old:
            return False  # (`stamp` gives every claim its id again)
    return True


def drafted_line(record: dict[str, Any], was_canonical: bool, claims: list[Any]) -> bytes:
    """The line of a drafted record: its fields, status `draft`, the claims stamped.

    Nothing invalid is ever written. The drafter builds its claims in canonical form, so a
    record read from a canonical line is written as it is, and its line checked against the
    pattern of canonical valid lines (which accepts only what the model accepts). Any other
    record is validated by the model and put in canonical form (a null is a default or a field
    a dump leaves out).
    """
    if was_canonical and CANONICAL is not None:
        written = dict(record, status="draft", claims=claims)
        stamp(claims)  # what was drafted, to tell an edit from it later
        line = jsonio.line_bytes(written)
        if CANONICAL.fullmatch(line, 0, len(line) - 1) is not None:
            return line
    if not all(fast_path.structurally_valid("Claim", claim) for claim in claims):
        _CLAIMS.validate_python(claims)  # (the generated checker first: pydantic explains)
    fields = {key: value for key, value in record.items() if value is not None}
    fields.update(status="draft", claims=claims)
    written = canonical(fields, SentenceRecord)
    stamp(written["claims"])
    return jsonio.line_bytes(written)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while a file is drafted: drafting makes hundreds of
    thousands of short-lived objects and no reference cycle (tests/test_draft_files.py checks
    it), so reference counting frees everything and the collector's passes over the young
    objects are wasted work (4% of the time of `draft`)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def draft(
    project: Project,
    paths: Sequence[Path] | None = None,
    *,
    redo: bool = False,
    jobs: int = 0,
    on_progress: Callable[[int, int], None] | None = None,
) -> DraftResult:
    """Fill `todo` sentences of the given annotation files (default: all) with suggested claims.

    Every processed sentence becomes `draft`, also when nothing was found. `done` and `reviewed`
    sentences are never touched; `draft` ones are re-drafted only with `redo`. Deterministic:
    the same input gives byte-identical output, also when `jobs` > 1 drafts the files in that
    many processes (0, the default: one per CPU when the files are large enough to repay it).
    """
    actors = load_actors(project)
    speaking = speakers(project, actors)
    tasks = [(path, speaking.get(path.stem)) for path in project.annotation_files(paths)]
    result = DraftResult()
    try:
        _draft_tasks(project, tasks, actors, redo, jobs, on_progress, result)
    finally:
        # Each file was renamed into place without an fsync of its folder: one per folder now,
        # for all of them (an fsync per file cost a third of the time of writing it).
        updated = zip(tasks, result.outcomes, strict=False)
        atomic.sync_folders(path for (path, _), o in updated if o.action == "updated")
    return result


def _draft_tasks(
    project: Project,
    tasks: list[tuple[Path, str | None]],
    actors: ActorIndex,
    redo: bool,
    jobs: int,
    on_progress: Callable[[int, int], None] | None,
    result: DraftResult,
) -> None:
    """Draft each (file, speaker's party) in order, in `jobs` processes, into `result`."""
    jobs = processes_for(jobs, [path for path, _ in tasks])
    if jobs <= 1:
        for done, (path, party) in enumerate(tasks):
            if on_progress is not None:  # (done, total), before each file
                on_progress(done, len(tasks))
            result.outcomes.append(_draft_one(project, path, actors, redo, party))
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        jobs, initializer=_init_worker, initargs=(project, actors, redo)
    ) as pool:
        # Files are independent (each is read, drafted and written atomically on its own);
        # `map` gives the outcomes in the files' order.
        for done, outcome in enumerate(pool.map(_run_task, tasks)):
            if on_progress is not None:
                on_progress(done, len(tasks))
            result.outcomes.append(outcome)


#: Below this much annotation text (about 900 todo sentences), `jobs` 0 drafts in one process:
#: starting the workers (a fork and the registry sent to each) costs more than they save.
AUTO_JOBS_BYTES = 256 * 1024


def processes_for(jobs: int, paths: Sequence[Path]) -> int:
    """How many processes draft these files for `--jobs`: N as asked (never more than CPUs or
    files); for 0, one per CPU when the files pass `AUTO_JOBS_BYTES` in all, else one."""
    if jobs == 0 and sum(_size(path) for path in paths) < AUTO_JOBS_BYTES:
        return 1
    if jobs == 1:
        return 1
    # Imported here: the worker count and the pool are for more than one process only.
    from ..lifeline import processes

    return processes(jobs, len(paths))


def _size(path: Path) -> int:
    """The file's size in bytes; 0 if it cannot be read (its error is reported when drafted)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _draft_one(
    project: Project, path: Path, actors: ActorIndex, redo: bool, party: str | None
) -> DraftOutcome:
    """One file's outcome; a file that cannot be drafted is an error outcome, not a crash."""
    try:
        with _without_cycle_collection():
            # The folder is synced once for every file by `draft`.
            return draft_file(project, path, actors, redo=redo, speaks_for=party, sync_folder=False)
    except ClaimsetError as exc:
        return DraftOutcome(project.relative(path), "error", message=str(exc))


#: A worker process's project, registry and --redo, set once by `_init_worker`.
_worker: tuple[Project, ActorIndex, bool] | None = None


def _init_worker(project: Project, actors: ActorIndex, redo: bool) -> None:
    global _worker
    from ..lifeline import die_with_parent

    die_with_parent()  # a killed `claimset draft -j N` leaves no worker behind
    _worker = (project, actors, redo)


def _run_task(task: tuple[Path, str | None]) -> DraftOutcome:
    assert _worker is not None
    project, actors, redo = _worker
    return _draft_one(project, task[0], actors, redo, task[1])
