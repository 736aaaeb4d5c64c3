"""What `split` says it did: "the seed changed" only when the seed did; an exact copy of a line
is dropped and said so, never orphaned as a second copy of a claim still in the file."""

from __future__ import annotations

from pathlib import Path

from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def test_a_duplicated_line_is_dropped_not_orphaned(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    lines = (root / DEMO).read_text(encoding="utf-8").splitlines(keepends=True)
    (root / DEMO).write_text("".join([*lines[:2], lines[1], *lines[2:]]), encoding="utf-8")
    said = claimset("split", cwd=root).stderr
    assert "line 3 was an exact copy of line 2: dropped" in said
    assert "the seed is unchanged" in said and "the seed changed" not in said
    assert (root / DEMO).read_text(encoding="utf-8").splitlines(keepends=True) == lines
    assert not (root / "corpus" / "orphans" / "demo.jsonl").exists()


def test_an_emptied_file_is_not_a_seed_change(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    (root / DEMO).write_text("", encoding="utf-8")
    said = claimset("split", cwd=root).stderr
    assert "no longer matched the seed's sentences (the seed is unchanged)" in said
    assert "4 new (todo)" in said


def test_a_seed_edit_is_still_called_one(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    seed = root / "seeds" / "demo.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("DPRK.", "North Korea."), "utf-8")
    said = claimset("split", cwd=root).stderr
    assert f"{DEMO.as_posix()}: the seed changed; sentences: 3 unchanged, 1 edited" in said


def test_a_number_of_too_many_digits_is_explained_as_validate_does(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    lines = (root / DEMO).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace('"start": 60', '"start": ' + "1" * 5001, 1)
    (root / DEMO).write_text("".join(lines), encoding="utf-8")
    expected = "a number too long to be read (5001 digits): no offset or count comes near"
    for command in ("fmt", "split", "validate"):
        done = claimset(command, cwd=root, check=False)
        said = done.stdout + done.stderr
        assert done.returncode == 1 and expected in said, (command, said)
        assert "set_int_max_str_digits" not in said


def _type_evidence(root: Path, quote: str) -> None:
    """Sentence demo:0000's claim with one evidence item typed without `sentence`."""
    import json

    lines = (root / DEMO).read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record["claims"][0]["evidence"] = [{"quote": quote, "type": "event"}]
    lines[0] = json.dumps(record)
    (root / DEMO).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_evidence_typed_without_its_sentence_is_found_in_the_next_one(tmp_path: Path) -> None:
    import json

    root = copy_fixture(tmp_path).root
    _type_evidence(root, "did not side with Seoul")  # in demo:0001, not the claim's demo:0000
    # validate (CI, before any fmt) says where fmt will look.
    checked = claimset("validate", cwd=root, check=False)
    assert checked.returncode == 1
    assert (
        "not found in the sentence (an item without `sentence`: `claimset fmt` looks for the "
        "quote in the document's other sentences and names the one that holds it"
    ) in checked.stdout + checked.stderr
    done = claimset("fmt", cwd=root, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert (
        "'did not side with Seoul' is not in the claim's own sentence; found in demo:0001 "
        '(the next sentence): wrote "sentence": "demo:0001"'
    ) in said
    first = json.loads((root / DEMO).read_text(encoding="utf-8").splitlines()[0])
    item = first["claims"][0]["evidence"][0]
    assert (item["sentence"], item["start"], item["end"]) == ("demo:0001", 7, 30)
    assert claimset("validate", cwd=root, check=False).returncode == 0
