"""`claimset edit` with a real editor: EDITOR is a script that edits the YAML file it is given.

The script plays an annotator: each call applies the next step of a plan (a bad edit, then a
fix, or quitting without saving) and keeps a copy of every document it was shown.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from claimset.cli import cli
from click.testing import CliRunner
from samples import copy_fixture

EDITOR = r"""
import json, os, pathlib, sys
path = pathlib.Path(sys.argv[-1])
state = pathlib.Path(os.environ["EDIT_STATE"])
calls = sorted(state.glob("seen-*.yaml"))
step = len(calls)
text = path.read_text(encoding="utf-8")
(state / f"seen-{step}.yaml").write_text(text, encoding="utf-8")
plan = json.loads((state / "plan.json").read_text(encoding="utf-8"))
if step < len(plan) and plan[step] is not None:
    for old, new in plan[step]:
        assert old in text, (old, text)
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state folder for the editor script; EDITOR set to run it; cwd in a fixture project."""
    project = copy_fixture(tmp_path)
    monkeypatch.chdir(project.root)
    state = tmp_path / "editor"
    state.mkdir()
    script = state / "annotator.py"
    script.write_text(EDITOR, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDIT_STATE", str(state))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    return state


def plan(state: Path, *steps: list[tuple[str, str]] | None) -> None:
    (state / "plan.json").write_text(json.dumps(steps), encoding="utf-8")


def seen(state: Path, step: int) -> str:
    return (state / f"seen-{step}.yaml").read_text(encoding="utf-8")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


DEMO = Path("corpus/annotations/demo.jsonl")


def test_a_bad_edit_reopens_with_the_problem_then_the_fix_is_written(editor: Path) -> None:
    before = DEMO.read_text(encoding="utf-8").splitlines()
    plan(
        editor,
        [("quote: Tokyo", "quote: Tokio"), ("status: draft", "status: done")],
        [("quote: Tokio", "quote: Tokyo"), ("annotator: null", "annotator: ann9")],
    )
    code, _, err = run("edit", "demo:3")
    assert code == 0, err
    assert err == "saved corpus/annotations/demo.jsonl:4 (demo:0003)\n"
    first, second = seen(editor, 0), seen(editor, 1)
    assert first.splitlines()[:4] == [
        "# claimset edit demo:0003 (corpus/annotations/demo.jsonl, line 4)",
        "#",
        "# The sentence:",
        "#   Tokyo would welcome a stronger Russia in Asia, and Seoul would welcome it too.",
    ]
    assert "start:" not in first  # offsets that the quotes find again are left out
    assert "# NOT SAVED: fix these problems, then save and quit again:" in second
    assert (
        "#   claims[0].actor.quote: quote 'Tokio' not found in the sentence; closest passage at"
    ) in second
    assert "quote: Tokio" in second and "status: done" in second  # the annotator's own version
    after = DEMO.read_text(encoding="utf-8").splitlines()
    assert after[:3] == before[:3]
    record = json.loads(after[3])
    expected = json.loads(before[3])
    expected.update(status="done", annotator="ann9")
    assert record == expected
    assert list(record) == list(expected)  # canonical key order, one line
    assert run("validate")[0] == 0 and run("fmt", "--check")[0] == 0


def test_quitting_without_saving_after_an_error_writes_nothing(editor: Path) -> None:
    before = DEMO.read_bytes()
    plan(editor, [("type: desire", "type: wish")], None)
    code, _, err = run("edit", "demo:0003")
    assert code == 1
    assert "#   claims[0].expectation.type: 'wish' is not allowed; allowed: desire" in seen(
        editor, 1
    )
    assert err.startswith("not saved: corpus/annotations/demo.jsonl:4 is unchanged; your last ")
    kept = Path(" ".join(err.split()).rsplit("kept in ", 1)[1])
    assert "type: wish" in kept.read_text(encoding="utf-8")  # nothing typed is lost
    assert DEMO.read_bytes() == before


def test_a_yaml_mistake_is_located_and_occurrence_anchors(editor: Path) -> None:
    plan(
        editor,
        [("    cues: []\n  polarity: positive\n  origin: auto\n- id: c2", "    cues: [\n")],
        [
            ("    cues: [\n", "    cues: []\n  polarity: positive\n  origin: auto\n- id: c2"),
            (
                "    quote: would welcome it too",
                "    quote: welcome\n    occurrence: 2",
            ),
        ],
    )
    code, _, err = run("edit", "demo:3")
    assert code == 0, err
    assert "#   YAML: line " in seen(editor, 1)
    record = json.loads(DEMO.read_text(encoding="utf-8").splitlines()[3])
    expectation = record["claims"][1]["expectation"]
    assert (expectation["quote"], expectation["start"], expectation["end"]) == ("welcome", 63, 70)
    assert "occurrence" not in expectation


def test_no_change_and_bad_targets(editor: Path) -> None:
    before = DEMO.read_bytes()
    plan(editor, None)
    assert run("edit", "demo:0") == (0, "", "corpus/annotations/demo.jsonl:1: no change\n")
    assert DEMO.read_bytes() == before
    code, _, err = run("edit", "demo:9")
    assert code == 1 and "no sentence at position 9 in corpus/annotations/demo.jsonl" in err
    assert "it has 4 (positions 0 to 3)" in err
    code, _, err = run("edit", "demo:0009")
    assert code == 1 and "no sentence demo:0009 in corpus/annotations/demo.jsonl" in err
    code, _, err = run("edit", "nothing")
    assert code == 2 and "is not DOC:N" in err
    code, _, err = run("edit", "other:1")
    assert code == 2 and "no annotation file for document 'other'" in err


def test_a_position_and_an_id_name_different_sentences_after_a_seed_edit(editor: Path) -> None:
    # A sentence added to the seed takes a fresh id (demo:0004) at position 1: `demo:1` is the
    # sentence at position 1 (counting from 0), `demo:0001` the one whose id is demo:0001.
    seed = Path("seeds/demo.txt")
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("DPRK. ", "DPRK. A new sentence is here. "),
        encoding="utf-8",
    )
    assert run("split")[0] == 0
    plan(editor, None, None, None)
    run("edit", "demo:1")
    assert seen(editor, 0).startswith(
        "# claimset edit demo:0004 (corpus/annotations/demo.jsonl, line 2)"
    )
    run("edit", "demo:0001")
    assert seen(editor, 1).startswith(
        "# claimset edit demo:0001 (corpus/annotations/demo.jsonl, line 3)"
    )
    run("edit", "demo:4")
    assert seen(editor, 2).startswith(
        "# claimset edit demo:0003 (corpus/annotations/demo.jsonl, line 5)"
    )


RACE = r"""
import pathlib, sys
# Another writer changes this very line while the editor is open, then the user saves an edit.
demo = pathlib.Path("corpus/annotations/demo.jsonl")
lines = demo.read_text(encoding="utf-8").splitlines(keepends=True)
lines[3] = lines[3].replace('"claims"', '"note": "changed meanwhile", "claims"', 1)
demo.write_text("".join(lines), encoding="utf-8")
path = pathlib.Path(sys.argv[-1])
path.write_text(path.read_text(encoding="utf-8").replace("type: desire", "type: belief", 1))
"""


def test_a_save_refused_by_a_concurrent_change_keeps_and_names_the_yaml(
    editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = editor / "race.py"
    script.write_text(RACE, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    code, _, err = run("edit", "demo:3")
    assert code == 1 and "the record changed on disk" in err
    kept = Path(" ".join(err.split()).rsplit("kept in ", 1)[1])
    assert "type: belief" in kept.read_text(encoding="utf-8")  # the user's edit is not lost


@pytest.mark.parametrize("command", ["false", "/nonexistent/editor"])
def test_a_failing_editor_leaves_no_temporary_file(
    editor: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: str
) -> None:
    monkeypatch.setenv("EDITOR", command)
    before = DEMO.read_bytes()
    code, _, err = run("edit", "demo:3")
    assert code == 1 and "the editor failed" in err and "nothing was written" in err
    assert not list(tmp_path.glob("claimset-edit-*.yaml"))
    assert DEMO.read_bytes() == before
