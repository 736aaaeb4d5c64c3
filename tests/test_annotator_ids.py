"""Annotator ids have one grammar everywhere (letters, digits, '.', '_', '-'; starting with a
letter or digit): in corpus/annotators.jsonl, in a sentence's `annotator` and `reviewer`, in an
orphan's `annotator`, and on the command line. An id holding terminal controls (ESC, BEL) or a
bidi override (U+202E) gets a located diagnostic, and no command prints it raw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"
HOSTILE = "\x1b]0;pwned\x07evil\u202e"
RAW = ("\x1b", "\x07", "\u202e")


def _set(root: Path, line: int, **fields: str) -> None:
    path = root / DEMO
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[line])
    record.update(fields)
    lines[line] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _said(done: object) -> str:
    return str(getattr(done, "stdout", "")) + str(getattr(done, "stderr", ""))


@pytest.mark.parametrize("field", ["annotator", "reviewer"])
def test_validate_locates_an_id_with_controls(tmp_path: Path, field: str) -> None:
    root = copy_fixture(tmp_path).root
    _set(root, 2, **{field: HOSTILE})  # demo:0002 is reviewed: it has both
    for fmt_ in ("text", "json", "github"):
        done = claimset("validate", "--format", fmt_, cwd=root, check=False)
        said = _said(done)
        assert done.returncode == 1, said
        assert "is not an annotator id (letters, digits, '.', '_', '-'" in said
        assert not any(c in said for c in RAW), said
    said = _said(claimset("validate", cwd=root, check=False))
    assert f"{DEMO.as_posix()}:3:" in said and f"{field}: '\\x1b]0;pwned\\x07evil\\u202e'" in said


def test_an_e_mail_or_a_space_is_no_annotator_id_either(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    _set(root, 0, annotator="ann1@example.org")
    _set(root, 1, annotator="ann 1")
    said = _said(done := claimset("validate", cwd=root, check=False))
    assert done.returncode == 1
    assert f"{DEMO.as_posix()}:1:" in said and f"{DEMO.as_posix()}:2:" in said


def test_an_orphans_annotator_has_the_same_grammar(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    orphans = root / "corpus" / "orphans" / "demo.jsonl"
    orphans.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "doc": "demo",
        "sentence": "demo:0007",
        "text": "A sentence that is gone.",
        "status": "done",
        "annotator": HOSTILE,
        "reason": "its sentence was deleted",
        "claim": {"id": "c1"},
    }
    orphans.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    said = _said(done := claimset("validate", cwd=root, check=False))
    assert done.returncode == 1
    assert "corpus/orphans/demo.jsonl:1:" in said and "is not an annotator id" in said
    assert not any(c in said for c in RAW), said


def test_printers_show_such_an_id_escaped(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    _set(root, 0, annotator=HOSTILE)
    for command in (["show"], ["stats"], ["stats", "--format", "json"], ["fmt"], ["split"]):
        said = _said(claimset(*command, cwd=root, check=False))
        assert not any(c in said for c in RAW), (command, said)
    assert "\\x1b]0;pwned\\x07evil\\u202e" in _said(claimset("stats", cwd=root, check=False))


def test_import_refuses_such_an_id_as_a_usage_error(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    (tmp_path / "export.json").write_text("[]", encoding="utf-8")
    done = claimset(
        "import", "label-studio", str(tmp_path / "export.json"), "--annotator", HOSTILE,
        cwd=root, check=False,
    )  # fmt: skip
    said = _said(done)
    assert done.returncode == 2, said
    assert "is not an annotator id" in said
    assert not any(c in said for c in RAW), said
