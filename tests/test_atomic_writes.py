"""Rewrites are atomic, keep permissions, and leave unchanged files alone: checked by effect.

Real `claimset fmt` and `claimset split` processes are killed with SIGKILL, once at each step
that touches the file system (just before it runs) and also at random moments, and every data
file must then be either exactly the old version or exactly the new one. The steps are found
with Python's audit hooks (PEP 578) in a small launcher: the code under test is not changed
and has no debug switch; the launcher only counts file-system events and kills its own
process at the one it was told.
"""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from claimset.scaffold import init
from conftest import REPO, SEED_PATH

#: Runs claimset's CLI (`python -m claimset ARGS`) and kills its own process with SIGKILL at
#: file-system step argv[1]: "3" just before the third step, "3+" just after it (before the next
#: statement runs), "0" never. Each step it reaches is logged to the file argv[2].
LAUNCHER = r"""
import os, runpy, signal, sys

when, log = sys.argv[1], os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_APPEND)
kill_at, after = int(when.rstrip("+")), when.endswith("+")
sys.argv = ["claimset", *sys.argv[3:]]
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
EVENTS = {"os.rename", "os.remove", "os.chmod", "os.truncate", "os.rmdir", "shutil.rmtree"}
steps = 0
armed = False
ROOT = os.getcwd() + os.sep

def hook(event, args):
    global steps, armed
    # Only the project's files: not a coverage data file, nor a bare file descriptor.
    if not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    if not os.path.abspath(os.fsdecode(args[0])).startswith(ROOT):
        return
    if event == "open":
        mode, flags = args[1], args[2] or 0
        if not ((isinstance(mode, str) and set(mode) & set("wax+")) or flags & WRITING):
            return
    elif event not in EVENTS:
        return
    steps += 1
    os.write(log, f"{steps} {event} {args[0]!s}\n".encode())
    if steps == kill_at:
        if not after:
            os.kill(os.getpid(), signal.SIGKILL)
        armed = True  # the audited call returns next

def profile(frame, event, arg):
    if armed and event == "c_return":
        os.kill(os.getpid(), signal.SIGKILL)

sys.addaudithook(hook)
if after:
    sys.setprofile(profile)
runpy.run_module("claimset", run_name="__main__", alter_sys=True)
"""


def _run(root: Path, args: list[str], kill_at: str = "0") -> tuple[int, list[str]]:
    """Run `claimset ARGS` in `root` through the launcher; (exit code, steps it reached)."""
    launcher = root.parent / "launcher.py"
    launcher.write_text(LAUNCHER, "utf-8")
    log = root.parent / "steps.log"
    log.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, str(launcher), kill_at, str(log), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    steps = log.read_text("utf-8").splitlines() if log.exists() else []
    return done.returncode, steps


def _moments(steps: list[str]) -> list[str]:
    """Just before and just after each step."""
    return [f"{n}{after}" for n in range(1, len(steps) + 1) for after in ("", "+")]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".claimset-tmp-" not in p.name
    }


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if ".claimset-tmp-" in p.name)


def _unformatted_project(root: Path) -> dict[str, bytes]:
    """A project whose two annotation files and documents.jsonl are not in canonical form
    (keys sorted, compact JSON); returns the files as written."""
    init(root)
    corpus = root / "corpus"
    lines = (REPO / "corpus" / "annotations" / f"{SEED_PATH.stem}.jsonl").read_text("utf-8")
    records = [json.loads(line) for line in lines.splitlines() if line.strip()]
    for number in range(2):
        name = f"essay{number}"
        moved = [{**r, "id": r["id"].replace(SEED_PATH.stem, name), "doc": name} for r in records]
        path = corpus / "annotations" / f"{name}.jsonl"
        path.write_text(
            "".join(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n" for r in moved),
            "utf-8",
        )
    documents = (REPO / "corpus" / "documents.jsonl").read_text("utf-8").splitlines()
    (corpus / "documents.jsonl").write_text(
        "".join(json.dumps(json.loads(d), sort_keys=True) + "\n" for d in documents), "utf-8"
    )
    (corpus / "annotations" / "essay0.jsonl").chmod(0o664)
    (corpus / "annotations" / "essay1.jsonl").chmod(0o600)
    return _snapshot(corpus)


def _restore(corpus: Path, files: dict[str, bytes], modes: dict[str, int]) -> None:
    for path in corpus.rglob("*"):
        if path.is_file() and (path.relative_to(corpus).as_posix() not in files):
            path.unlink()
    for rel, data in files.items():
        (corpus / rel).write_bytes(data)
        (corpus / rel).chmod(modes[rel])


def _modes(corpus: Path) -> dict[str, int]:
    return {
        p.relative_to(corpus).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in corpus.rglob("*")
        if p.is_file() and ".claimset-tmp-" not in p.name
    }


def _assert_each_file_old_or_new(
    corpus: Path, old: dict[str, bytes], new: dict[str, bytes], when: str
) -> None:
    now = _snapshot(corpus)
    assert set(now) <= set(old) | set(new), when
    for rel in set(old) | set(new):
        versions = [v for v in (old.get(rel), new.get(rel)) if v is not None]
        if rel not in now:
            assert rel not in old, f"{when}: {rel} disappeared"
            continue
        assert now[rel] in versions, f"{when}: {rel} is neither the old nor the new version"


def test_fmt_killed_at_each_step_leaves_every_file_whole(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    old = _unformatted_project(root)
    corpus = root / "corpus"
    modes = _modes(corpus)
    code, steps = _run(root, ["fmt"])
    assert code == 0
    new = _snapshot(corpus)
    changed = sorted(rel for rel in new if new[rel] != old[rel])
    assert changed == [
        "annotations/essay0.jsonl",
        "annotations/essay1.jsonl",
        "documents.jsonl",
    ]
    assert _modes(corpus) == modes, "fmt changed a file's permissions"
    assert _leftovers(corpus) == []
    # Every rewritten file was renamed into place, after writes to something else.
    renames = [s for s in steps if " os.rename " in s]
    assert len(renames) == len(changed), steps
    for kill_at in _moments(steps):
        _restore(corpus, old, modes)
        code, reached = _run(root, ["fmt"], kill_at)
        when = f"fmt killed at {kill_at} ({steps[int(kill_at.rstrip('+')) - 1]!r})"
        assert code == -signal.SIGKILL, when
        assert len(reached) == int(kill_at.rstrip("+")), when
        _assert_each_file_old_or_new(corpus, old, new, when)
        assert _modes(corpus) == modes, when
    # A run after the last kill finishes the job.
    code, _ = _run(root, ["fmt"])
    assert code == 0
    assert _snapshot(corpus) == new


def test_fmt_killed_at_random_moments_leaves_every_file_whole(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    old = _unformatted_project(root)
    corpus = root / "corpus"
    modes = _modes(corpus)
    started = time.perf_counter()
    assert _run(root, ["fmt"])[0] == 0
    duration = time.perf_counter() - started
    new = _snapshot(corpus)
    chance = random.Random(19)
    for attempt in range(8):
        _restore(corpus, old, modes)
        process = subprocess.Popen(
            [sys.executable, "-m", "claimset", "fmt"],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        delay = chance.uniform(0.3, 1.1) * duration
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        _assert_each_file_old_or_new(corpus, old, new, f"attempt {attempt}, killed at {delay:.3f}s")
        assert _modes(corpus) == modes


def _seeded(root: Path, seeds: int = 2) -> None:
    init(root)
    text = SEED_PATH.read_text("utf-8")
    for number in range(seeds):
        (root / "seeds" / f"essay{number}.txt").write_text(text, "utf-8")


def test_split_killed_at_each_step_leaves_every_file_whole(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    _seeded(root)
    corpus = root / "corpus"
    old = _snapshot(corpus)
    modes = _modes(corpus)
    code, steps = _run(root, ["split"])
    assert code == 0
    new = _snapshot(corpus)
    assert sorted(set(new) - set(old)) == [
        "annotations/essay0.jsonl",
        "annotations/essay1.jsonl",
    ]
    assert new["documents.jsonl"] != old["documents.jsonl"]
    for rel in new:
        assert stat.S_IMODE((corpus / rel).stat().st_mode) == modes.get(rel, 0o644), rel
    for kill_at in _moments(steps):
        _restore(corpus, old, modes)
        code, reached = _run(root, ["split"], kill_at)
        when = f"split killed at {kill_at} ({steps[int(kill_at.rstrip('+')) - 1]!r})"
        assert code == -signal.SIGKILL, when
        assert len(reached) == int(kill_at.rstrip("+")), when
        _assert_each_file_old_or_new(corpus, old, new, when)
    code, _ = _run(root, ["split"])
    assert code == 0
    assert _snapshot(corpus) == new


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_files_follow_the_umask_like_any_other_program(tmp_path: Path, umask: int) -> None:
    root = tmp_path / "proj"
    _seeded(root, seeds=1)
    documents = root / "corpus" / "documents.jsonl"
    documents.unlink()
    previous = os.umask(umask)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimset", "split"], cwd=root, capture_output=True
        )
    finally:
        os.umask(previous)
    assert done.returncode == 0, done.stderr
    for path in (root / "corpus" / "annotations" / "essay0.jsonl", documents):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path


def _identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    _seeded(root)
    corpus = root / "corpus"
    assert _run(root, ["split"])[0] == 0
    assert _run(root, ["fmt"])[0] == 0
    files = sorted(p for p in corpus.rglob("*.jsonl"))
    before = {p: _identity(p) for p in files}
    time.sleep(0.01)  # a rewrite would get a visibly later mtime
    for command in (["split"], ["fmt"], ["split", "seeds/essay1.txt"]):
        code, steps = _run(root, command)
        assert code == 0, command
        assert [s for s in steps if "corpus" in s] == [], (command, steps)
        assert {p: _identity(p) for p in files} == before, command
