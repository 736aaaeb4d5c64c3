"""`claimset.atomic` on its own: the piecewise writer and the line-by-line rewrite, by their
effect on the files (what is on disk, its mode, what is left beside it) when a step fails."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from claimset import atomic, jsonio
from claimset.errors import ChangedOnDisk
from claimset.paths import TEMP_PREFIX


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def test_a_writer_committed_while_open_writes_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    path.chmod(0o640)
    writer = atomic.AtomicWriter(path)
    writer.write(b"new ")
    writer.write(b"data\n")
    writer.commit()  # not closed first: commit flushes and syncs it itself
    assert path.read_bytes() == b"new data\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_a_new_file_gets_its_mode_from_the_umask() -> None:
    # In a process of its own: the umask is read once, when claimset.atomic is imported.
    code = (
        "import os, sys, tempfile\n"
        "from pathlib import Path\n"
        "os.umask(0o027)\n"
        "from claimset import atomic\n"
        "folder = Path(tempfile.mkdtemp())\n"
        "w = atomic.AtomicWriter(folder / 'w.jsonl'); w.write(b'x'); w.commit()\n"
        "atomic.atomic_write_bytes(folder / 'b.jsonl', b'x')\n"
        "print(oct((folder / 'w.jsonl').stat().st_mode & 0o777),"
        " oct((folder / 'b.jsonl').stat().st_mode & 0o777))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0o640", "0o640"]


def test_a_writer_whose_folder_cannot_be_made_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file, not a folder")
    with pytest.raises(atomic.WriteFailed, match=r"plain/a\.jsonl: could not be written"):
        atomic.AtomicWriter(tmp_path / "plain" / "a.jsonl")


def test_a_failed_rename_leaves_the_target_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    writer = atomic.AtomicWriter(path)
    writer.write(b"data\n")
    path.mkdir()  # something else took the name: a file cannot replace a folder
    with pytest.raises(atomic.WriteFailed, match=r"a\.jsonl: could not be written"):
        writer.commit()
    assert path.is_dir()
    assert _leftovers(tmp_path) == []


def test_a_rewrite_whose_file_vanished_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"same\nold\n")
    rewrite = atomic.Rewrite(path)
    rewrite.line(b"same\n", b"same\n")
    path.unlink()  # deleted between the read and the first changed line
    with pytest.raises(atomic.WriteFailed, match=r"a\.jsonl: could not be written"):
        rewrite.line(b"new\n", b"old\n")
    assert not path.exists()
    assert _leftovers(tmp_path) == []


def test_an_unchanged_rewrite_closes_and_finishes_without_touching_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"one\n")
    before = path.stat()
    rewrite = atomic.Rewrite(path)
    rewrite.line(b"one\n", b"one\n")
    rewrite.close()
    assert rewrite.finish() is False
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert _leftovers(tmp_path) == []


def test_a_file_deleted_since_it_was_read_is_written_again(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    jsonio.read_bytes(path)  # remembered: a later write checks the file is still this
    path.unlink()
    atomic.atomic_write_bytes(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert _leftovers(tmp_path) == []


def test_a_file_saved_since_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    jsonio.read_bytes(path)
    path.write_bytes(b"saved\n")
    with pytest.raises(ChangedOnDisk, match=r"a\.jsonl: changed on disk since this command"):
        atomic.atomic_write_bytes(path, b"new\n")
    assert path.read_bytes() == b"saved\n"
    assert _leftovers(tmp_path) == []


def _later(path: Path) -> None:
    """Give the file another modification time, as a save (or a `touch`) does."""
    mtime = path.stat().st_mtime_ns + 5_000_000_000
    os.utime(path, ns=(mtime, mtime))


def test_a_save_of_the_same_size_is_not_overwritten_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    jsonio.read_bytes(path)
    path.write_bytes(b"OLD\n")
    _later(path)
    with pytest.raises(ChangedOnDisk) as caught:
        atomic.atomic_write_bytes(path, b"new\n")
    assert str(caught.value) == (
        "a.jsonl: changed on disk since this command read it (saved in an editor, or by "
        "another program); it was not overwritten, so the newer version is kept. Run the "
        "command again."
    )
    assert path.read_bytes() == b"OLD\n"


def test_a_file_touched_since_it_was_read_with_the_same_bytes_is_rewritten(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    jsonio.read_bytes(path)
    _later(path)  # nothing would be lost: the bytes are the ones read
    atomic.atomic_write_bytes(path, b"new\n")
    assert path.read_bytes() == b"new\n"


def test_a_write_whose_folder_cannot_be_made_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file, not a folder")
    with pytest.raises(atomic.WriteFailed, match=r"plain/a\.jsonl: could not be written"):
        atomic.atomic_write_bytes(tmp_path / "plain" / "a.jsonl", b"x\n")
    assert (tmp_path / "plain").read_text() == "a file, not a folder"


def test_a_full_disk_while_writing_piece_by_piece_leaves_the_file_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"old\n")
    writer = atomic.AtomicWriter(path)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, limits[1]))
    try:
        with pytest.raises(atomic.WriteFailed, match=r"a\.jsonl: could not be written \(File"):
            writer.write(b"x" * (3 << 20))  # more than the buffer: written through at once
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert path.read_bytes() == b"old\n"
    assert _leftovers(tmp_path) == []


def test_a_rewrite_of_a_file_cut_short_while_read_keeps_the_newer_version(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"same\nold\n")
    rewrite = atomic.Rewrite(path)
    lines = jsonio.iter_raw_lines(path)
    rewrite.line(b"same\n", next(lines))
    path.write_bytes(b"sa")  # saved meanwhile, shorter than the start already read
    rewrite.line(b"new\n", next(lines))
    assert list(lines) == []  # read to the end: remembered as it was read
    rewrite.close()
    with pytest.raises(ChangedOnDisk):
        rewrite.finish()
    assert path.read_bytes() == b"sa"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("finish", ["finish", "close"])
def test_a_rewrite_writes_the_same_start_then_every_new_line_in_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, finish: str
) -> None:
    # Blocks of 10 bytes, so that lines are written in several blocks and one is left over
    # at the end; the unchanged start (two lines) is copied from the file, 3 bytes at a time.
    monkeypatch.setattr(atomic.Rewrite, "BLOCK", 10)
    monkeypatch.setattr(atomic, "_COPY_CHUNK", 3)
    path = tmp_path / "a.jsonl"
    old = [b"same one\n", b"same two\n", b"old 3\n", b"old 4\n", b"old 5\n", b"old 6\n", b"7\n"]
    new = [b"same one\n", b"same two\n", b"new line\n", b"4\n", b"5555\n", b"6666\n", b"7\n"]
    path.write_bytes(b"".join(old))
    written: list[bytes] = []
    write = atomic.AtomicWriter.write

    def spied(writer: atomic.AtomicWriter, data: bytes) -> None:
        written.append(data)
        write(writer, data)

    monkeypatch.setattr(atomic.AtomicWriter, "write", spied)
    rewrite = atomic.Rewrite(path)
    for line, was in zip(new, old, strict=True):
        rewrite.line(line, was)
    # Memory stays bounded: a block is written once it holds BLOCK bytes.
    assert written[:6] == [b"sam", b"e o", b"ne\n", b"sam", b"e t", b"wo\n"]
    assert written[6:] == [b"new line\n4\n", b"5555\n6666\n"]  # 11 bytes, then 10
    if finish == "close":
        rewrite.close()
        atomic.commit_all([rewrite])
    else:
        assert rewrite.finish() is True
    assert path.read_bytes() == b"".join(new)
    assert written[8:] == [b"7\n"]  # the rest, at the end
    assert _leftovers(tmp_path) == []


def test_a_discarded_rewrite_starts_again_from_the_first_line(tmp_path: Path) -> None:
    # fmt reads a file twice when far citations need texts: the first version is discarded.
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"keep\nold\n")
    rewrite = atomic.Rewrite(path)
    rewrite.line(b"keep\n", b"keep\n")
    rewrite.line(b"first try\n", b"old\n")
    rewrite.discard()
    assert _leftovers(tmp_path) == []
    rewrite.line(b"keep\n", b"keep\n")
    rewrite.line(b"second\n", b"old\n")
    assert rewrite.finish() is True
    assert path.read_bytes() == b"keep\nsecond\n"
    assert _leftovers(tmp_path) == []


def test_a_file_is_written_into_folders_that_do_not_exist_yet(tmp_path: Path) -> None:
    # corpus/orphans/ and the like are made on the first write into them.
    path = tmp_path / "corpus" / "orphans" / "a.jsonl"
    atomic.atomic_write_bytes(path, b"data\n")
    assert path.read_bytes() == b"data\n"
    assert _leftovers(path.parent) == []
