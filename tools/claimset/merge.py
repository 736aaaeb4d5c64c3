"""Three-way merge of claimset JSONL files by record id: git's merge driver (`%O %A %B`).

Git merges text line by line, so two annotators who finish adjacent sentences conflict: each
sentence is one long line. This driver merges by sentence (or actor, or document) id and, inside a
sentence, by claim id and field. Changes to different records, claims or fields never conflict.
A true conflict (one field changed two ways) is written as valid JSON: the record keeps our value
and gains a `conflicts` list holding base, ours and theirs, which `claimset validate` reports as a
`conflict` error until a person keeps one version and deletes the entry.

Sentence records are derived from a seed, so two branches that both edit one seed need care. Each
branch's `split` gives a sentence it added the next free ordinal, so both may add *different*
sentences under the *same* id: the driver keeps both (theirs gets a fresh id) instead of fusing
them. Offsets (`start`/`end`) changed on both sides are not a person's conflict either: `split`
recomputes them from the merged seed. In both cases the merge stops and says to run `split`.

A file the driver cannot read as records (invalid JSON, a record without an id, an id twice) is
handed to `git merge-file`, so nothing is ever worse than git's own merge.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import atomic, jsonio
from .errors import ClaimsetError, UsageError
from .vocabulary import SENTENCE_ID_PATTERN

#: The key that carries unresolved conflicts inside a record.
CONFLICTS = "conflicts"
#: Lists whose items are dicts identified by this key are merged item by item.
ITEM_ID = "id"
#: Fields derived from the seed that `split` recomputes: a sentence's offsets, a document's
#: checksum and sentence count.
SENTENCE_DERIVED = ("start", "end")
DOCUMENT_DERIVED = ("sha256", "sentence_count")

_SENTENCE_ID = re.compile(SENTENCE_ID_PATTERN)


class Unmergeable(ValueError):
    "A file the record merge cannot read; the caller falls back to a line merge."


@dataclass(frozen=True)
class Conflict:
    """One field changed two ways: where, and the three versions (None = absent or deleted)."""

    record: str
    path: str
    base: Any
    ours: Any
    theirs: Any
    ours_by: str
    theirs_by: str

    def to_json(self) -> dict[str, Any]:
        """The form written into the record's `conflicts` list."""
        return {
            "path": self.path,
            "base": self.base,
            "ours": self.ours,
            "theirs": self.theirs,
            "ours_by": self.ours_by,
            "theirs_by": self.theirs_by,
        }


@dataclass(frozen=True)
class Renumbered:
    """Two different sentences added under one id: theirs now has `new_id`."""

    old_id: str
    new_id: str
    ours_text: str
    theirs_text: str


@dataclass
class MergeResult:
    """The merged records, every conflict left in them, and what `split` must redo."""

    records: list[dict[str, Any]]
    conflicts: list[Conflict] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)
    #: Records whose seed-derived fields both sides changed (both edited the seed): ours kept.
    offsets_diverged: list[str] = field(default_factory=list)

    @property
    def needs_split(self) -> bool:
        """Whether the merged records must be re-anchored to the merged seed by `split`."""
        return bool(self.renumbered or self.offsets_diverged)


_MISSING: Any = object()


def _same(a: Any, b: Any) -> bool:
    # Key order is presentation, not content: compare as canonical JSON.
    if a is _MISSING or b is _MISSING:
        return a is b
    return _key(a) == _key(b)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@dataclass
class _Merger:
    """Merges the values of one record, collecting conflicts with their JSON paths."""

    record: str
    ours_by: str
    theirs_by: str
    conflicts: list[Conflict] = field(default_factory=list)

    def conflict(self, path: str, base: Any, ours: Any, theirs: Any) -> Any:
        def shown(value: Any) -> Any:
            return None if value is _MISSING else value

        self.conflicts.append(
            Conflict(
                self.record,
                path,
                shown(base),
                shown(ours),
                shown(theirs),
                self.ours_by,
                self.theirs_by,
            )
        )
        # Our version stays in place, so the record keeps its shape while the conflict is open.
        return theirs if ours is _MISSING else ours

    def value(self, path: str, base: Any, ours: Any, theirs: Any) -> Any:
        """The merged value: one-sided changes win; a change made two ways is a conflict."""
        if _same(ours, theirs):
            return ours
        if _same(base, ours):
            return theirs
        if _same(base, theirs):
            return ours
        if isinstance(ours, dict) and isinstance(theirs, dict):
            return self.mapping(path, base if isinstance(base, dict) else {}, ours, theirs)
        if isinstance(ours, list) and isinstance(theirs, list):
            old = base if isinstance(base, list) else []
            if _identified(old) and _identified(ours) and _identified(theirs):
                return self.identified(path, old, ours, theirs)
            merged = _union(old, ours, theirs)
            if merged is not None:
                return merged
        return self.conflict(path, base, ours, theirs)

    def mapping(
        self, path: str, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
    ) -> dict[str, Any]:
        """Merge two objects key by key, in our key order, their new keys after."""
        merged: dict[str, Any] = {}
        for key in _ordered_keys(ours, theirs):
            if key == CONFLICTS:
                continue
            sub = f"{path}.{key}" if path else key
            value = self.value(
                sub, base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
            )
            if value is not _MISSING:
                merged[key] = value
        return merged

    def identified(
        self,
        path: str,
        base: list[dict[str, Any]],
        ours: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        """Merge lists of objects with ids (claims) item by item, like records in a file."""
        old = {item[ITEM_ID]: item for item in base}
        mine = {item[ITEM_ID]: item for item in ours}
        other = {item[ITEM_ID]: item for item in theirs}
        taken = set(mine) | set(other)
        merged: list[dict[str, Any]] = []
        added_by_them: list[dict[str, Any]] = []
        for item_id in _ordered_ids(ours, theirs):
            sub = f"{path}[{item_id}]"
            was = old.get(item_id, _MISSING)
            a, b = mine.get(item_id, _MISSING), other.get(item_id, _MISSING)
            if was is _MISSING and a is not _MISSING and b is not _MISSING and not _same(a, b):
                # Both sides added an item under the same new id (fmt numbers claims c1, c2, …
                # on each branch): two different claims, not one claim changed two ways.
                merged.append(a)
                added_by_them.append(b)
                continue
            value = self.value(sub, was, a, b)
            if value is not _MISSING:
                merged.append(value)
        for item in added_by_them:
            new_id = _free_id(str(item[ITEM_ID]), taken)
            taken.add(new_id)
            merged.append({**item, ITEM_ID: new_id})
        return merged


def _identified(items: list[Any]) -> bool:
    ids = [item.get(ITEM_ID) if isinstance(item, dict) else None for item in items]
    return all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)


def _union(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any] | None:
    """Merge plain lists as sets of items, or None when one item was edited two ways."""
    old = {_key(item) for item in base}
    mine = {_key(item) for item in ours}
    other = {_key(item) for item in theirs}
    removed_here, removed_there = old - mine, old - other
    added_here, added_there = mine - old, other - old
    # The same base item replaced differently on each side is an edit made two ways.
    if (removed_here & removed_there) and added_here and added_there:
        return None
    gone = removed_here | removed_there
    merged = [item for item in ours if _key(item) not in gone]
    seen = {_key(item) for item in merged}
    for item in theirs:
        if _key(item) not in gone and _key(item) not in seen:
            merged.append(item)
            seen.add(_key(item))
    return merged


def _ordered_keys(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    return list(ours) + [key for key in theirs if key not in ours]


_START: Any = object()


def _ordered_ids(ours: Sequence[dict[str, Any]], theirs: Sequence[dict[str, Any]]) -> list[Any]:
    """Our order, with each of their new ids placed after its predecessor in their list."""
    mine = [item[ITEM_ID] for item in ours]
    present = set(mine)
    after: dict[Any, list[Any]] = {}
    previous: Any = _START
    for item in theirs:
        item_id = item[ITEM_ID]
        if item_id not in present:
            after.setdefault(previous, []).append(item_id)
            present.add(item_id)
        previous = item_id
    order: list[Any] = []

    def place(anchor: Any) -> None:
        stack = list(reversed(after.get(anchor, [])))
        while stack:
            item_id = stack.pop()
            order.append(item_id)
            stack.extend(reversed(after.get(item_id, [])))

    place(_START)
    for item_id in mine:
        order.append(item_id)
        place(item_id)
    return order


def _free_id(item_id: str, taken: set[str]) -> str:
    """The next free `c<n>` (or `<id>-<n>`) id after `item_id`'s family."""
    stem = item_id.rstrip("0123456789") or "c"
    numbers = [
        int(i[len(stem) :]) for i in taken if i.startswith(stem) and i[len(stem) :].isdigit()
    ]
    return f"{stem}{max(numbers, default=0) + 1}"


def _author(record: Any, fallback: str) -> str:
    if isinstance(record, dict) and isinstance(record.get("annotator"), str):
        return str(record["annotator"])
    return fallback


def merge_records(
    base: Sequence[dict[str, Any]],
    ours: Sequence[dict[str, Any]],
    theirs: Sequence[dict[str, Any]],
    *,
    ours_label: str = "ours",
    theirs_label: str = "theirs",
) -> MergeResult:
    """Merge three versions of one JSONL file's records by their `id`.

    Raises Unmergeable when a record has no string id or an id occurs twice in one version.
    """
    for version in (base, ours, theirs):
        if not _identified(list(version)):
            raise Unmergeable("every record needs a unique string id")
    old = {r[ITEM_ID]: r for r in base}
    mine = {r[ITEM_ID]: r for r in ours}
    result = MergeResult(records=[])
    theirs = _renumber_new_sentences(base, ours, theirs, result)
    other = {r[ITEM_ID]: r for r in theirs}
    for record_id in _ordered_ids(ours, theirs):
        a, b = mine.get(record_id, _MISSING), other.get(record_id, _MISSING)
        b = _derived_from(a, b, old.get(record_id, _MISSING), result)
        merger = _Merger(record_id, _author(a, ours_label), _author(b, theirs_label))
        merged = merger.value("", old.get(record_id, _MISSING), a, b)
        if merged is _MISSING:
            continue
        if merger.conflicts:
            merged = {**merged, CONFLICTS: [c.to_json() for c in merger.conflicts]}
            result.conflicts.extend(merger.conflicts)
        result.records.append(merged)
    _keep_document_order(result.records)
    return result


def _is_sentence(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("text"), str)
        and bool(_SENTENCE_ID.fullmatch(str(record.get(ITEM_ID))))
    )


def _renumber_new_sentences(
    base: Sequence[dict[str, Any]],
    ours: Sequence[dict[str, Any]],
    theirs: Sequence[dict[str, Any]],
    result: MergeResult,
) -> list[dict[str, Any]]:
    """Their records, where a sentence both sides added under one id with different texts
    (two sentences, not one edited two ways) gets the next free ordinal of its document, and
    their evidence naming it follows."""
    old = {r[ITEM_ID] for r in base}
    mine = {r[ITEM_ID]: r for r in ours}
    taken = {str(r[ITEM_ID]) for version in (base, ours, theirs) for r in version}
    renamed: dict[str, str] = {}
    for record in theirs:
        rid = record[ITEM_ID]
        ours_record = mine.get(rid)
        if rid in old or not (_is_sentence(record) and _is_sentence(ours_record)):
            continue
        assert ours_record is not None
        if ours_record["text"] == record["text"]:
            continue
        doc, _, digits = str(rid).rpartition(":")
        used = [
            int(number)
            for prefix, _, number in (i.rpartition(":") for i in taken if _SENTENCE_ID.fullmatch(i))
            if prefix == doc
        ]
        new_id = f"{doc}:{max(used, default=-1) + 1:0{len(digits)}d}"
        taken.add(new_id)
        renamed[rid] = new_id
        result.renumbered.append(Renumbered(rid, new_id, ours_record["text"], record["text"]))
    if not renamed:
        return list(theirs)
    out = []
    for record in theirs:
        record = json.loads(json.dumps(record))  # a copy: the caller's records stay as given
        if record[ITEM_ID] in renamed:
            record[ITEM_ID] = renamed[record[ITEM_ID]]
        for claim in record.get("claims") or []:
            for item in (claim.get("evidence") or []) if isinstance(claim, dict) else []:
                if isinstance(item, dict) and item.get("sentence") in renamed:
                    item["sentence"] = renamed[item["sentence"]]
        out.append(record)
    return out


def _derived_from(ours: Any, theirs: Any, base: Any, result: MergeResult) -> Any:
    """Their record with our offsets (or document checksum and count) where both sides changed
    them differently (both edited the seed): data `split` recomputes, not a person's conflict."""
    if _is_sentence(ours) and _is_sentence(theirs):
        derived = SENTENCE_DERIVED
    elif isinstance(ours, dict) and isinstance(theirs, dict) and "sha256" in ours:
        derived = DOCUMENT_DERIVED
    else:
        return theirs
    was = base if isinstance(base, dict) else {}
    moved = [
        key
        for key in derived
        if not _same(ours.get(key), theirs.get(key))
        and not _same(was.get(key, _MISSING), ours.get(key, _MISSING))
        and not _same(was.get(key, _MISSING), theirs.get(key, _MISSING))
    ]
    if not moved:
        return theirs
    result.offsets_diverged.append(str(ours[ITEM_ID]))
    return {**theirs, **{key: ours[key] for key in moved if key in ours}}


def _keep_document_order(records: list[dict[str, Any]]) -> None:
    # Sentence records of one document are kept in text order; others keep the merged order.
    starts = [r.get("start") for r in records]
    if (
        records
        and all(type(s) is int for s in starts)
        and len({r.get("doc") for r in records}) == 1
    ):
        records.sort(key=lambda r: r["start"])


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists() or path.stat().st_size == 0:
        return []
    records: list[dict[str, Any]] = []
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unmergeable(f"{path.name}: not UTF-8") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = jsonio.loads_strict(line)
        except ValueError as exc:
            raise Unmergeable(f"{path.name}:{number}: {exc}") from exc
        if not isinstance(record, dict):
            raise Unmergeable(f"{path.name}:{number}: not a JSON object")
        records.append(record)
    return records


@dataclass(frozen=True)
class MergeOutcome:
    """What the driver did to the file: merged by record, or handed to git's line merge."""

    path: str
    conflicts: list[Conflict]
    fallback: str | None = None
    renumbered: list[Renumbered] = field(default_factory=list)
    offsets_diverged: list[str] = field(default_factory=list)

    @property
    def needs_split(self) -> bool:
        return bool(self.renumbered or self.offsets_diverged)

    @property
    def clean(self) -> bool:
        return not self.conflicts and self.fallback is None and not self.needs_split


def merge_files(
    base: Path,
    ours: Path,
    theirs: Path,
    *,
    name: str | None = None,
    line_merge: Callable[[Path, Path, Path], bool] | None = None,
) -> MergeOutcome:
    """Merge `theirs` into `ours` (written in place, atomically), as git's driver contract wants.

    `name` is the file's path in the repository (git's `%P`), for messages. When the records
    cannot be read, `line_merge` (default: `git merge-file`) merges the text instead.
    """
    shown = name or str(ours)
    try:
        result = merge_records(_read(base), _read(ours), _read(theirs))
    except Unmergeable as exc:
        merged_cleanly = (line_merge or _git_merge_file)(base, ours, theirs)
        reason = f"merged line by line ({exc})"
        return MergeOutcome(shown, [], None if merged_cleanly else reason)
    jsonio.write_jsonl(ours, result.records)
    return MergeOutcome(shown, result.conflicts, None, result.renumbered, result.offsets_diverged)


def _git_merge_file(base: Path, ours: Path, theirs: Path) -> bool:
    try:
        done = subprocess.run(
            [
                "git",
                "merge-file",
                "-L",
                "ours",
                "-L",
                "base",
                "-L",
                "theirs",
                str(ours),
                str(base),
                str(theirs),
            ],
            check=False,
            capture_output=True,
        )
    except OSError as exc:
        raise ClaimsetError(f"cannot run git merge-file: {exc}") from exc
    return done.returncode == 0


def describe_split(outcome: MergeOutcome) -> list[str]:
    """What the merge left for `split` to redo, one line each, then what to run."""
    lines = [
        f"two different sentences were added under the id {r.old_id}: ours "
        f"{_key(r.ours_text)} keeps it, theirs {_key(r.theirs_text)} is now {r.new_id}"
        for r in outcome.renumbered
    ]
    if outcome.offsets_diverged:
        lines.append(
            "the seed was edited on both sides: the offsets (or checksum) of "
            f"{len(outcome.offsets_diverged)} record(s) are ours for now"
        )
    if lines:
        lines.append(
            "run `claimset split` to re-anchor every sentence to the merged seed (statuses, "
            "annotators and claims are kept), check with `claimset validate`, then `git add`"
        )
    return lines


def describe(conflicts: Iterable[Conflict]) -> list[str]:
    """One line per conflict, for the terminal."""
    return [
        f"{c.record}: {c.path or '(whole record)'} changed two ways: "
        f"{c.ours_by} {_key(c.ours)} vs {c.theirs_by} {_key(c.theirs)} (base {_key(c.base)})"
        for c in conflicts
    ]


#: What `init` writes and `merge --setup` adds: every JSONL file of the corpus uses the driver,
#: and data files keep LF line ends in every checkout (`core.autocrlf=true` would otherwise turn
#: every line of every file into a CRLF error, and shift a seed's offsets).
GITATTRIBUTES = (
    "corpus/**/*.jsonl merge=claimset eol=lf\n"
    "agreement/**/*.jsonl merge=claimset eol=lf\n"
    "seeds/*.txt eol=lf\n"
)


def driver_command() -> str:
    """The driver line for git's config: this interpreter, so no activated venv is needed."""
    return f"{shlex.quote(sys.executable)} -m claimset merge %O %A %B --path %P"


def setup_repository(folder: Path) -> list[str]:
    """Register the driver in the git repository at `folder`; write .gitattributes if missing."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as exc:
        raise UsageError(f"{folder}: not inside a git repository") from exc
    settings = {
        "merge.claimset.name": "claimset: merge JSONL records by id, claim and field",
        "merge.claimset.driver": driver_command(),
    }
    for key, value in settings.items():
        subprocess.run(["git", "config", key, value], cwd=top, check=True)
    done = [f"git config {key} {value!r}" for key, value in settings.items()]
    attributes = Path(top) / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    missing = [line for line in GITATTRIBUTES.splitlines() if line not in existing.splitlines()]
    if missing:
        text = existing + ("" if not existing or existing.endswith("\n") else "\n")
        atomic.atomic_write_bytes(attributes, (text + "\n".join(missing) + "\n").encode())
        done.append(f"{attributes.name}: added {len(missing)} line(s)")
    return done
