"""The export folder's bookkeeping, on folders built by hand: what an export owns, which folders
it refuses, how a killed run is tidied up, and the final swap (whole, or file by file beside
files it did not write). Fast: no dataset is built."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from claimset.errors import UsageError
from claimset.export.folder import (
    MANIFEST,
    ExportRefused,
    check_out_dir,
    clean_stale,
    foreign_entries,
    owned_files,
    swap_in,
    write_manifest,
)
from claimset.export.paths import EXPORT_MARKER
from claimset.project import Project


def make(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def manifest(folder: Path) -> list[str]:
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert data["generator"] == "claimset export"
    files: list[str] = data["files"]
    return files


CARD = f"{EXPORT_MARKER} 0.1 -->\n# a dataset\n"
PARQUET = "sentences/train-00000-of-00001.parquet"


# -- what a previous export owns -------------------------------------------------------------


def test_the_manifest_lists_what_the_export_owns(tmp_path: Path) -> None:
    folder = make(tmp_path / "out", {"README.md": CARD, "a/b.txt": "x", "notes.md": "mine"})
    (folder / MANIFEST).write_text(json.dumps({"files": ["a/b.txt", "gone.txt", 7, None]}))
    # Listed and present, plus the manifest itself; a listed file that is gone, a non-string
    # entry and a file it does not list are not the export's.
    assert owned_files(folder) == {"a/b.txt", MANIFEST}
    assert foreign_entries(folder) == ["README.md", "notes.md"]


@pytest.mark.parametrize(
    "text", ["{not json", '{"other": []}', '["a/b.txt"]', '{"files": 3}'], ids=str
)
def test_a_broken_manifest_falls_back_to_the_names_exports_write(tmp_path: Path, text: str) -> None:
    folder = make(tmp_path / "out", {"README.md": CARD, PARQUET: "p", "notes.md": "mine"})
    (folder / MANIFEST).write_text(text)
    assert owned_files(folder) == {"README.md", PARQUET, MANIFEST}
    assert foreign_entries(folder) == ["notes.md"]


def test_an_export_made_before_manifests_is_recognized_by_its_card(tmp_path: Path) -> None:
    names = [
        "README.md",
        "LICENSE.md",
        "guidelines.md",
        PARQUET,
        "claims/validation-00000-of-00001.parquet",
        "documents/test-00001-of-00002.parquet",
        "actors/train-00000-of-00001.parquet",
    ]
    others = ["claims/train-0-of-1.parquet", "extra/README.md", "README.md.bak"]
    folder = make(tmp_path / "old", {**{n: "x" for n in names}, **{n: "x" for n in others}})
    (folder / "README.md").write_text(CARD)
    assert owned_files(folder) == set(names)
    assert foreign_entries(folder) == ["README.md.bak", "claims", "extra"]


def test_a_card_without_the_marker_makes_no_export(tmp_path: Path) -> None:
    folder = make(tmp_path / "mine", {"README.md": "# my thesis\n", PARQUET: "p"})
    assert owned_files(folder) == set()
    assert foreign_entries(folder) == ["README.md", "sentences"]


def test_a_link_counts_as_a_file_and_a_folder_not_as_one(tmp_path: Path) -> None:
    folder = make(tmp_path / "out", {"README.md": CARD, "sub/deep/x.md": "x"})
    (folder / "empty").mkdir()
    (folder / "link").symlink_to(tmp_path)  # a link to a folder: an entry, not followed
    write_manifest(folder, ["README.md"])
    assert foreign_entries(folder) == ["link", "sub"]
    assert foreign_entries(tmp_path / "nothing-here") == []
    assert foreign_entries(folder / "README.md") == []


def test_the_manifest_lists_itself_once_sorted(tmp_path: Path) -> None:
    folder = make(tmp_path / "out", {})
    write_manifest(folder, ["b.md", "a/c.md", "b.md", MANIFEST])
    assert manifest(folder) == sorted(["a/c.md", "b.md", MANIFEST])
    # One file a line: a re-export in a Hub clone shows as a readable diff.
    assert (folder / MANIFEST).read_text("utf-8") == (
        '{\n "generator": "claimset export",\n "files": [\n  ".claimset-export.json",\n'
        '  "a/c.md",\n  "b.md"\n ]\n}\n'
    )


# -- the folders an export refuses -------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "proj"
    for name in ("corpus", "seeds", "schema"):
        (root / name).mkdir(parents=True)
    return Project(root.resolve())


@pytest.mark.parametrize(
    ("where", "said"),
    [
        (".", "cannot hold the project"),
        ("..", "cannot hold the project"),
        ("corpus", "inside corpus"),
        ("corpus/out", "inside corpus"),
        ("seeds/x/y", "inside seeds"),
        ("schema", "inside schema"),
    ],
)
def test_an_export_never_goes_over_the_project(project: Project, where: str, said: str) -> None:
    with pytest.raises(UsageError, match=said) as caught:
        check_out_dir(project, project.root / where, force=True)
    assert caught.value.exit_code == 2


def test_folders_beside_the_project_s_own_are_allowed(project: Project) -> None:
    for name in ("corpus-export", "seedsx", "dist/corpus", "dist/schema"):
        check_out_dir(project, project.root / name)


def test_a_file_in_the_way_is_refused_even_with_force(project: Project) -> None:
    path = project.root / "dist"
    path.write_text("a file")
    with pytest.raises(ExportRefused, match="is not a folder; nothing was changed"):
        check_out_dir(project, path, force=True)
    assert path.read_text() == "a file"


def test_a_folder_of_other_files_needs_force_and_is_named(project: Project) -> None:
    names = [f"n{i}.txt" for i in range(7)]
    out = make(project.root / "dist", {n: "x" for n in names})
    with pytest.raises(ExportRefused) as caught:
        check_out_dir(project, out)
    message = str(caught.value)
    assert message == (
        f"{out} is not empty and is not a claimset export (it holds n0.txt, n1.txt, n2.txt, "
        "n3.txt, n4.txt); choose another --out, or add --force to write the export there, "
        "replacing only files with the export's names and keeping everything else. Nothing "
        "was changed."
    )
    assert caught.value.exit_code == 1
    check_out_dir(project, out, force=True)


def test_a_card_that_is_not_utf8_is_read_not_crashed_on(project: Project) -> None:
    # A thesis folder whose README is in Latin-1: not an export, refused with its name.
    out = make(project.root / "thesis", {})
    (out / "README.md").write_bytes("# Thèse\n".encode("latin-1"))
    with pytest.raises(ExportRefused, match=r"it holds README\.md"):
        check_out_dir(project, out)
    assert foreign_entries(out) == ["README.md"]
    (out / "README.md").write_bytes(CARD.encode() + "é\n".encode("latin-1"))
    check_out_dir(project, out)  # an export's card with a stray byte is still the export's


def test_an_empty_folder_or_an_export_needs_no_force(project: Project) -> None:
    check_out_dir(project, make(project.root / "empty", {}))
    check_out_dir(project, make(project.root / "old", {"README.md": CARD, "notes": "x"}))
    check_out_dir(project, make(project.root / "new", {MANIFEST: "{}", "notes": "x"}))


# -- tidying up after a killed export ------------------------------------------------------------


def dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_a_killed_run_s_folders_are_removed_and_the_old_export_put_back(tmp_path: Path) -> None:
    dead, alive = dead_pid(), os.getpid()
    out = tmp_path / "ds"
    aside = make(tmp_path / f".claimset-tmp-old-ds-{dead}", {"README.md": CARD})
    half = make(tmp_path / f".claimset-tmp-ds-{dead}-k3x_9", {"README.md": "half"})
    running = make(tmp_path / f".claimset-tmp-ds-{alive}-abc", {"README.md": "running"})
    running_aside = make(tmp_path / f".claimset-tmp-old-ds-{alive}", {"README.md": "aside"})
    clean_stale(out)
    assert tree(out) == {"README.md": CARD}
    assert not aside.exists() and not half.exists()
    assert tree(running) == {"README.md": "running"}
    assert tree(running_aside) == {"README.md": "aside"}


def test_an_old_export_aside_is_dropped_when_a_new_one_is_in_place(tmp_path: Path) -> None:
    dead = dead_pid()
    out = make(tmp_path / "ds", {"README.md": "the new one"})
    aside = make(tmp_path / f".claimset-tmp-old-ds-{dead}", {"README.md": CARD})
    clean_stale(out)
    assert tree(out) == {"README.md": "the new one"} and not aside.exists()


def test_the_cleaner_leaves_other_names_and_files_alone(tmp_path: Path) -> None:
    dead = dead_pid()
    out = tmp_path / "ds"
    kept = [
        make(tmp_path / f".claimset-tmp-ds-{dead}", {"a": "no random part"}),
        make(tmp_path / f".claimset-tmp-dsx-{dead}-abc", {"a": "another export's"}),
        make(tmp_path / f"x.claimset-tmp-ds-{dead}-abc", {"a": "not the prefix"}),
        make(tmp_path / f".claimset-tmp-ds-{dead}-abc.bak", {"a": "a longer name"}),
        make(tmp_path / f".claimset-tmp-old-ds-{dead}-1", {"a": "a longer name"}),
        make(tmp_path / f".claimset-tmp-ds-{dead}-ABC", {"a": "upper case"}),
        make(tmp_path / ".claimset-tmp-ds-12345678901-abc", {"a": "11 digits"}),
    ]
    a_file = tmp_path / f".claimset-tmp-old-ds-{dead}"
    a_file.write_text("a file, not a folder")
    clean_stale(out)
    assert all(folder.is_dir() and tree(folder) for folder in kept)
    assert a_file.read_text() == "a file, not a folder" and not out.exists()
    clean_stale(tmp_path / "missing" / "ds")  # no parent folder: nothing to do, no error


def test_every_leftover_is_tidied_whatever_comes_before_it(tmp_path: Path) -> None:
    # Entries are looked at in name order: others' files, and running exports' folders, sort
    # first here, and the cleaner goes on past them.
    dead = dead_pid()
    notes = make(tmp_path / ".claimset-notes", {"a": "not an export's"})
    running = make(tmp_path / ".claimset-tmp-ds-1-abc", {"a": "pid 1's folder"})
    half = make(tmp_path / f".claimset-tmp-ds-{dead}-k3x", {"README.md": "half"})
    clean_stale(tmp_path / "ds")
    assert sorted(p.name for p in tmp_path.iterdir()) == [notes.name, running.name]
    assert not half.exists() and not (tmp_path / "ds").exists()


def test_a_leftover_that_cannot_be_removed_does_not_stop_the_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another export tidying the same folder at once, or a file the user may not delete: the
    # leftover stays for a later run, and this export goes on.
    dead = dead_pid()
    half = make(tmp_path / f".claimset-tmp-ds-{dead}-k3x", {"README.md": "half"})
    real = shutil.rmtree

    def rmtree(path: Path, ignore_errors: bool = False) -> None:
        if not ignore_errors:
            raise PermissionError(13, "Permission denied", str(path))
        real(path, ignore_errors=True)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    clean_stale(tmp_path / "ds")
    assert not half.exists() and list(tmp_path.iterdir()) == []


def test_a_process_id_we_may_not_signal_counts_as_alive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Process 1 belongs to another user, so the kernel answers EPERM: alive. Root may signal
    # it, so there the kernel's answer is played.
    if os.geteuid() == 0:
        real = os.kill

        def kill(pid: int, sig: int) -> None:
            if pid == 1:
                raise PermissionError(1, "Operation not permitted")
            real(pid, sig)

        monkeypatch.setattr(os, "kill", kill)
    out = tmp_path / "ds"
    other = make(tmp_path / ".claimset-tmp-ds-1-abc", {"a": "pid 1's folder"})
    clean_stale(out)
    assert tree(other) == {"a": "pid 1's folder"}


# -- the final swap ---------------------------------------------------------------------------


def test_a_first_export_is_renamed_into_place(tmp_path: Path) -> None:
    tmp = make(tmp_path / ".claimset-tmp-ds-1-a", {"README.md": CARD, MANIFEST: "{}"})
    swap_in(tmp, tmp_path / "ds")
    assert tree(tmp_path / "ds") == {"README.md": CARD, MANIFEST: "{}"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_a_previous_export_is_replaced_whole(tmp_path: Path) -> None:
    out = make(tmp_path / "ds", {"README.md": CARD, "old/x.parquet": "old"})
    write_manifest(out, ["README.md", "old/x.parquet"])
    # A folder left aside by an earlier run of this same process is cleared first.
    make(tmp_path / f".claimset-tmp-old-ds-{os.getpid()}", {"stale": "x"})
    tmp = make(tmp_path / ".claimset-tmp-ds-1-a", {"README.md": "new card"})
    swap_in(tmp, out)
    assert tree(out) == {"README.md": "new card"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def fail_renames_of(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Renaming `source` fails as on a full disk; every other rename works."""
    real = os.replace

    def replace(src: Path, dst: Path) -> None:
        if Path(src) == source:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def test_a_failed_rename_puts_the_previous_export_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = make(tmp_path / "ds", {"README.md": CARD})
    tmp = make(tmp_path / ".claimset-tmp-ds-1-a", {"README.md": "new card"})
    fail_renames_of(tmp, monkeypatch)
    with pytest.raises(OSError, match="No space"):
        swap_in(tmp, out)
    assert tree(out) == {"README.md": CARD}
    assert not (tmp_path / f".claimset-tmp-old-ds-{os.getpid()}").exists()


def test_an_old_export_that_cannot_be_removed_does_not_fail_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The new export is in place: a leftover of the old one (removed by the next run's
    # cleaner) is no reason to report the export failed.
    out = make(tmp_path / "ds", {"README.md": CARD})
    tmp = make(tmp_path / ".claimset-tmp-ds-1-a", {"README.md": "new card"})
    real = shutil.rmtree

    def rmtree(path: Path, ignore_errors: bool = False) -> None:
        if Path(path).name.startswith(".claimset-tmp-old-"):
            if not ignore_errors:
                raise PermissionError(13, "Permission denied", str(path))
            return
        real(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    swap_in(tmp, out)
    assert tree(out) == {"README.md": "new card"}


def test_a_failed_first_export_reports_the_real_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tmp = make(tmp_path / ".claimset-tmp-ds-1-a", {"README.md": "new card"})
    fail_renames_of(tmp, monkeypatch)
    with pytest.raises(OSError, match="No space left on device"):
        swap_in(tmp, tmp_path / "ds")
    assert not (tmp_path / "ds").exists()


def test_beside_other_files_only_the_export_s_own_are_replaced(tmp_path: Path) -> None:
    out = make(
        tmp_path / "ds",
        {
            "README.md": CARD,
            "claims/a/old.parquet": "old",
            "claims/keep.txt": "mine",
            "gone/deep/x.parquet": "old",
            ".git/HEAD": "ref",
            "NOTES.md": "mine",
        },
    )
    write_manifest(out, ["README.md", "claims/a/old.parquet", "gone/deep/x.parquet"])
    tmp = make(
        tmp_path / ".claimset-tmp-ds-1-a",
        {
            "README.md": "new card",
            "claims/new.parquet": "new",
            "report/assets/app.js": "new",  # in folders the old export did not have
            MANIFEST: "{}",
        },
    )
    swap_in(tmp, out)
    assert tree(out) == {
        "README.md": "new card",
        "claims/new.parquet": "new",
        "report/assets/app.js": "new",
        "claims/keep.txt": "mine",
        ".git/HEAD": "ref",
        "NOTES.md": "mine",
        MANIFEST: tree(out)[MANIFEST],
    }
    # Emptied folders of the old export are removed, up to (not including) the export folder.
    assert not (out / "gone").exists() and not (out / "claims" / "a").exists()
    assert manifest(out) == sorted(
        ["README.md", "claims/new.parquet", "report/assets/app.js", MANIFEST]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_an_interrupted_file_by_file_swap_still_knows_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = make(tmp_path / "ds", {"README.md": CARD, "old.parquet": "old", "NOTES.md": "mine"})
    write_manifest(out, ["README.md", "old.parquet"])
    tmp = make(tmp_path / ".claimset-tmp-ds-1-a", {"README.md": "new", "new.parquet": "new"})
    real = os.replace

    def replace(src: Path, dst: Path) -> None:
        if Path(src).name == "new.parquet":
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        swap_in(tmp, out)
    # The manifest written first lists old and new files: the next export cleans up both.
    assert manifest(out) == sorted(["README.md", "new.parquet", "old.parquet", MANIFEST])
    assert (out / "NOTES.md").read_text() == "mine"
