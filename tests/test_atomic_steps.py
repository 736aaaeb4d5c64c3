"""`claimset.atomic`, step by step: where the temporary file goes, what reaches the disk before
each rename (fsync of the file, or one sync for many), the folder synced after it, the mode of
a new file, and the message of each failure. Durability after a power cut cannot be observed
by a test, so the file-system calls are recorded (the real ones still run)."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimset import atomic, jsonio
from claimset.paths import TEMP_PREFIX

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc/self/fd; sync(2) as on Linux"
)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The fsyncs (of a file by name, or of a folder), syncs and renames made, in order."""
    made: list[str] = []
    real_fsync, real_sync, real_replace = os.fsync, os.sync, os.replace

    def fsync(fd: int) -> None:
        name = Path(os.readlink(f"/proc/self/fd/{fd}"))
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        stem = name.name.removeprefix(TEMP_PREFIX).split(".")[0]
        made.append("fsync folder" if is_dir else f"fsync {stem}")
        real_fsync(fd)

    def sync() -> None:
        made.append("sync")
        real_sync()

    def replace(src: str, dst: str) -> None:
        made.append(f"rename to {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "sync", sync)
    monkeypatch.setattr(os, "replace", replace)
    yield made


def _rewrite(path: Path, new: bytes, close: bool = True) -> atomic.Rewrite:
    path.write_bytes(b"old\n")
    rewrite = atomic.Rewrite(path)
    rewrite.line(new, b"old\n")
    if close:
        rewrite.close()
    return rewrite


def test_the_temporary_file_is_beside_its_target_and_named_after_it(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "a.jsonl"  # folders made as needed
    writer = atomic.AtomicWriter(path)
    writer.write(b"one\n")
    (temporary,) = path.parent.iterdir()
    assert temporary.name.startswith(f"{TEMP_PREFIX}a.jsonl.")
    writer.commit()
    assert [p.name for p in path.parent.iterdir()] == ["a.jsonl"]
    assert path.read_bytes() == b"one\n"
    # A new file's mode comes from the umask, like any other program's.
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()


def test_what_a_writer_wrote_is_remembered_so_it_can_be_written_again(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    writer = atomic.AtomicWriter(path)
    writer.write(b"one\n")
    writer.commit()
    atomic.atomic_write_bytes(path, b"two\n")  # not a save by someone else: no ChangedOnDisk
    assert path.read_bytes() == b"two\n"


def test_a_file_is_on_disk_before_its_rename_and_the_folder_after(
    tmp_path: Path, calls: list[str]
) -> None:
    # An open writer, a closed one, a closed rewrite: each file synced, renamed, then the folder.
    writer = atomic.AtomicWriter(tmp_path / "a.jsonl")
    writer.write(b"a\n")
    writer.commit()
    writer = atomic.AtomicWriter(tmp_path / "b.jsonl")
    writer.write(b"b\n")
    writer.close()
    writer.commit()
    assert _rewrite(tmp_path / "c.jsonl", b"c\n").finish() is True
    assert calls == [
        *("fsync a", "rename to a.jsonl", "fsync folder"),
        *("fsync b", "rename to b.jsonl", "fsync folder"),
        *("fsync c", "rename to c.jsonl", "fsync folder"),
    ]
    assert [(tmp_path / n).read_bytes() for n in ("a.jsonl", "b.jsonl", "c.jsonl")] == [
        b"a\n",
        b"b\n",
        b"c\n",
    ]


def test_one_rewrite_is_synced_alone(tmp_path: Path, calls: list[str]) -> None:
    atomic.commit_all([_rewrite(tmp_path / "a.jsonl", b"new\n")])
    assert calls == ["fsync a", "rename to a.jsonl", "fsync folder"]
    assert (tmp_path / "a.jsonl").read_bytes() == b"new\n"


def test_many_rewrites_share_one_sync_and_each_folder_one_fsync(
    tmp_path: Path, calls: list[str]
) -> None:
    (tmp_path / "x").mkdir()
    paths = [tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "x" / "c.jsonl"]
    atomic.commit_all([_rewrite(path, f"{path.stem}\n".encode()) for path in paths])
    assert calls == [
        "sync",
        *("rename to a.jsonl", "rename to b.jsonl", "rename to c.jsonl"),
        *("fsync folder", "fsync folder"),
    ]
    assert [p.read_bytes() for p in paths] == [b"a\n", b"b\n", b"c\n"]


def test_rewrites_left_open_are_written_whole_by_commit_all(
    tmp_path: Path, calls: list[str]
) -> None:
    paths = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    atomic.commit_all([_rewrite(path, f"{path.stem}\n".encode(), close=False) for path in paths])
    assert [p.read_bytes() for p in paths] == [b"a\n", b"b\n"]
    assert calls[:3] == ["sync", "fsync a", "rename to a.jsonl"]


def test_each_failure_names_the_file_and_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    monkeypatch.chdir(tmp_path)
    errors = {
        "the disk is full": OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
        "the disk quota is exceeded": OSError(errno.EDQUOT, os.strerror(errno.EDQUOT)),
        "Read-only file system": OSError(errno.EROFS, os.strerror(errno.EROFS)),
        "no reason given": OSError("no reason given"),
    }
    for reason, error in errors.items():

        def fail(fd: int, error: OSError = error) -> None:
            raise error

        monkeypatch.setattr(os, "fsync", fail)
        with pytest.raises(atomic.WriteFailed) as caught:
            atomic.atomic_write_bytes(path, b"new\n")
        assert str(caught.value) == f"a.jsonl: could not be written ({reason}); it was not changed"
        assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]


def test_a_full_disk_when_a_writer_is_closed_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    writer = atomic.AtomicWriter(path)
    writer.write(b"x" * 10_000)  # held in the writer's buffer until it is closed
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, limits[1]))
    try:
        with pytest.raises(atomic.WriteFailed, match=r"a\.jsonl: could not be written \(File"):
            writer.close()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]
    jsonio.read_bytes(path)  # the file can still be read and rewritten
    atomic.atomic_write_bytes(path, b"new\n")
    assert path.read_bytes() == b"new\n"


def test_a_whole_file_is_written_beside_its_target_with_the_mode_it_should_have(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renamed: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        renamed.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    new, old = tmp_path / "new.jsonl", tmp_path / "old.jsonl"
    old.write_bytes(b"old\n")
    old.chmod(0o604)
    atomic.atomic_write_bytes(new, b"new\n")
    atomic.atomic_write_bytes(old, b"newer\n")
    assert [(src.parent, dst) for src, dst in renamed] == [(tmp_path, new), (tmp_path, old)]
    assert [src.name.startswith(f"{TEMP_PREFIX}{dst.name}.") for src, dst in renamed] == [
        True,
        True,
    ]
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~_umask()
    assert stat.S_IMODE(old.stat().st_mode) == 0o604
    assert (new.read_bytes(), old.read_bytes()) == (b"new\n", b"newer\n")


def test_a_full_disk_when_a_writer_is_committed_leaves_the_file_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    writer = atomic.AtomicWriter(path)
    writer.write(b"x" * 10_000)  # in the buffer: flushed by commit, which fails
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, limits[1]))
    try:
        with pytest.raises(atomic.WriteFailed, match=r"a\.jsonl: could not be written \(File"):
            writer.commit()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]
