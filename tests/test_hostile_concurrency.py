"""No lost update: concurrent commands, an editor saving during fmt, leftovers, full disks.

Real processes, a bounded number of iterations each (the machine running the suite is small).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from claimset import atomic, jsonio
from claimset.errors import ChangedOnDisk
from claimset.project import Project
from conftest import SEED_PATH

CLAIMSET = [sys.executable, "-m", "claimset"]


def claimset(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLAIMSET, *args],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err


def _claim(text: str) -> dict[str, object]:
    """A person's claim whose quote fmt has to anchor."""
    return {
        "actor": {"ref": "author", "quote": None},
        "expectation": {"quote": " ".join(text.split()[:3]), "type": "belief", "target": "author"},
        "hedge": {"certainty": "certain", "cues": []},
    }


@pytest.fixture
def annotated(seeded_project: Project) -> Path:
    """The seed split, with a person's unanchored claim on sentence 0 for fmt to anchor."""
    assert finish(claimset(seeded_project.root, "split"))[0] == 0
    path = seeded_project.annotations_dir / SEED_PATH.with_suffix(".jsonl").name
    records = [json.loads(line) for line in path.read_text().splitlines()]
    records[0].update(status="done", annotator="ann1", claims=[_claim(records[0]["text"])])
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.fixture
def large(annotated: Path) -> Path:
    """A large file (the essay's sentences 20 times), every sentence with a claim to anchor:
    fmt takes long enough between reading and renaming for saves to land meanwhile."""
    records = [json.loads(line) for line in annotated.read_text().splitlines()]
    out = [
        {
            **r,
            "id": f"{r['doc']}:{n:04d}",
            "status": "done",
            "annotator": "ann1",
            "claims": [_claim(r["text"])],
        }
        for n, r in enumerate(records * 20)
    ]
    annotated.write_text("".join(json.dumps(r) + "\n" for r in out))
    return annotated


def test_fmt_and_draft_at_once_lose_nothing(annotated: Path) -> None:
    """They lost one command's work in 34 of 50 runs before the project lock."""
    records = [json.loads(line) for line in annotated.read_text().splitlines()]
    many = records[:1] + [
        {**r, "id": f"{r['doc']}:{n:04d}"} for n, r in enumerate(records[1:] * 40, start=1)
    ]
    annotated.write_text("".join(json.dumps(r) + "\n" for r in many))  # draft takes a while
    original = annotated.read_bytes()
    root = annotated.parents[2]
    clock = time.monotonic()
    assert finish(claimset(root, "draft"))[0] == 0
    alone = time.monotonic() - clock
    for share in (0.2, 0.4, 0.55, 0.7, 0.85):  # fmt's write lands at points of draft's run
        delay = alone * share
        annotated.write_bytes(original)
        procs = [claimset(root, "draft")]
        time.sleep(delay)
        procs.append(claimset(root, "fmt"))
        for proc in procs:
            code, err = finish(proc)
            assert code == 0, err
        records = [json.loads(line) for line in annotated.read_text().splitlines()]
        assert records[0]["claims"][0]["expectation"].get("start") == 0, "fmt's work lost"
        assert all(r["status"] == "draft" for r in records[1:])  # draft's work


EDITOR = textwrap.dedent(
    """
    import json, os, sys, time
    path, log, until = sys.argv[1], sys.argv[2], float(sys.argv[3])
    lines = open(path).read().splitlines()
    n = 0
    while time.time() < until:
        n += 1
        record = json.loads(lines[-1])
        record["annotator"] = f"editor-{n}"
        record["status"] = "done"
        tmp = path + ".swp"
        with open(tmp, "w") as f:
            f.write("\\n".join(lines[:-1] + [json.dumps(record)]) + "\\n")
        os.replace(tmp, path)  # how editors save
        with open(log, "w") as f:
            f.write(f"editor-{n}")
        time.sleep(0.003 * (n % 7))
    """
)


def test_a_save_during_fmt_is_never_overwritten(large: Path, tmp_path: Path) -> None:
    """fmt lost an annotator's save in 7 of 20 tries: it renamed over a file saved meanwhile."""
    annotated = large
    root = annotated.parents[2]
    original = annotated.read_bytes()
    log = tmp_path / "saved"
    outcomes = []
    for _ in range(6):
        annotated.write_bytes(original)
        fmt = claimset(root, "fmt")
        editor = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(annotated), str(log), str(time.time() + 1.5)]
        )
        code, err = finish(fmt)
        editor.wait(timeout=60)
        assert code in (0, 1), err
        if code == 1:
            assert "changed on disk" in err and "not overwritten" in err, err
        outcomes.append(code)
        last = json.loads(annotated.read_text().splitlines()[-1])
        assert last["annotator"] == log.read_text(), "an editor's save was overwritten"


def test_a_write_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"a": 1}\n')
    jsonio.read_bytes(path)
    path.write_text('{"a": 2}\n')  # saved by someone else
    with pytest.raises(ChangedOnDisk, match="not overwritten"):
        atomic.atomic_write_bytes(path, b'{"a": 3}\n')
    assert path.read_text() == '{"a": 2}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]  # no temp file left
    jsonio.read_bytes(path)
    atomic.atomic_write_bytes(path, b'{"a": 3}\n')  # read again: fine
    assert path.read_text() == '{"a": 3}\n'


HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from claimset.locking import project_lock
    with project_lock(Path(sys.argv[1]), "draft"):
        print("locked", flush=True)
        time.sleep(30)
    """
)


def test_a_command_waits_for_the_lock_then_names_its_holder(annotated: Path) -> None:
    root = annotated.parents[2]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        before = annotated.read_bytes()
        code, err = finish(claimset(root, "fmt", env={"CLAIMSET_LOCK_TIMEOUT": "0.5"}))
        assert code == 1
        assert f"pid {holder.pid}: claimset draft" in err and "nothing was changed" in err
        assert annotated.read_bytes() == before
        # Reading commands take no lock.
        assert finish(claimset(root, "stats", env={"CLAIMSET_LOCK_TIMEOUT": "0.5"}))[0] == 0
    finally:
        holder.kill()
        holder.wait()
    assert finish(claimset(root, "fmt"))[0] == 0  # a killed holder leaves no stale lock


def test_leftover_temp_files_are_removed_and_ignored(annotated: Path) -> None:
    root = annotated.parents[2]
    leftover = annotated.parent / f".claimset-tmp-{annotated.name}.k1ll3d"
    leftover.write_text("half a file")
    assert finish(claimset(root, "fmt"))[0] == 0
    assert not leftover.exists()
    leftover.write_text("half a file")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    ignored = subprocess.run(
        ["git", "check-ignore", str(leftover.relative_to(root)), ".claimset.lock"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert len(ignored.stdout.splitlines()) == 2, ignored


# The disk is "full" for claimset only: the limit is lifted once it exits, so that what runs
# after it (coverage saving its data under `make coverage`) is not refused too.
FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(sys.argv[1])
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    from claimset.cli import main
    sys.argv = ["claimset", "fmt"]
    try:
        main()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    """
)


def test_a_full_disk_names_the_file_and_changes_nothing(annotated: Path) -> None:
    root = annotated.parents[2]
    before = annotated.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(len(before) // 2)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert annotated.name in proc.stderr and "was not changed" in proc.stderr
    assert annotated.read_bytes() == before
    assert not list(annotated.parent.glob(".claimset-tmp-*"))


INIT_ON_FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, hard))
    from claimset.cli import main
    sys.argv = ["claimset", "init", sys.argv[1]]
    try:
        main()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    """
)


def test_init_on_a_full_disk_leaves_no_half_project(tmp_path: Path) -> None:
    """`init` on a full disk left an empty folder."""
    target = tmp_path / "new"
    proc = subprocess.run(
        [sys.executable, "-c", INIT_ON_FULL_DISK, str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "nothing was left behind" in proc.stderr and "Traceback" not in proc.stderr
    assert not target.exists()
