"""A byte order mark or CRLF line ends in an annotation file (an editor's, or git's autocrlf):
`build` reaches its fmt step and fixes them instead of stopping at split, and the
.gitattributes that `init` writes keeps LF in a clone with core.autocrlf=true."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_merge_git import claimset, git
from test_split_agreement import DOC, ESSAY

ANNOTATIONS = Path("corpus") / "annotations" / f"{DOC}.jsonl"


def split_project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    claimset("init", str(root), cwd=tmp_path)
    (root / "seeds" / f"{DOC}.txt").write_text(ESSAY, encoding="utf-8")
    claimset("split", cwd=root)
    return root


@pytest.mark.parametrize("damage", ["bom", "crlf", "both"])
def test_build_fixes_what_fmt_fixes(tmp_path: Path, damage: str) -> None:
    root = split_project(tmp_path)
    good = (root / ANNOTATIONS).read_bytes()
    bad = good.replace(b"\n", b"\r\n") if damage != "bom" else good
    bad = b"\xef\xbb\xbf" + bad if damage != "crlf" else bad
    (root / ANNOTATIONS).write_bytes(bad)
    built = claimset("build", cwd=root, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (root / ANNOTATIONS).read_bytes() == good


def test_a_seed_edit_is_split_through_crlf_line_ends(tmp_path: Path) -> None:
    root = split_project(tmp_path)
    text = (root / ANNOTATIONS).read_bytes()
    (root / ANNOTATIONS).write_bytes(text.replace(b"\n", b"\r\n"))
    seed = root / "seeds" / f"{DOC}.txt"
    seed.write_text(ESSAY.replace("Tokyo fears", "Tokyo dreads"), encoding="utf-8")
    assert claimset("build", cwd=root, check=False).returncode == 0
    assert b"\r" not in (root / ANNOTATIONS).read_bytes()
    assert b"Tokyo dreads" in (root / ANNOTATIONS).read_bytes()


def test_a_clone_with_autocrlf_checks_out_lf(tmp_path: Path) -> None:
    root = split_project(tmp_path)
    assert "eol=lf" in (root / ".gitattributes").read_text(encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-qm", "split", cwd=root)
    git("clone", "-q", "-c", "core.autocrlf=true", str(root), "clone", cwd=tmp_path)
    clone = tmp_path / "clone"
    assert b"\r" not in (clone / ANNOTATIONS).read_bytes()
    assert b"\r" not in (clone / "seeds" / f"{DOC}.txt").read_bytes()
    assert claimset("validate", cwd=clone, check=False).returncode == 0


def test_a_refused_seed_is_named_as_refused_in_the_build_summary(tmp_path: Path) -> None:
    root = split_project(tmp_path)
    with (root / ANNOTATIONS).open("a", encoding="utf-8") as handle:
        handle.write('{"id": broken\n')
    built = claimset("build", cwd=root, check=False)
    assert built.returncode == 1
    assert "1 of 1 seed refused (see below)" in built.stdout
