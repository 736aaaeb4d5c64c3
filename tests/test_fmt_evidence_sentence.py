"""`claimset fmt` on evidence typed without `sentence` (guidelines §15): looked for in the claim's
own sentence, then in the document's others; written when one holds it, listed nearest first
and left for the person when several do, left without `sentence` when none does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimset.fmt import format_record
from samples import copy_fixture
from test_merge_git import claimset

DEMO = Path("corpus") / "annotations" / "demo.jsonl"


def _type_evidence(root: Path, line: int, quote: str) -> bytes:
    """The first claim of the sentence on `line` (from 0) cites `quote`, typed without
    `sentence`; the file's bytes after the edit."""
    path = root / DEMO
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[line])
    record["claims"][0]["evidence"] = [{"quote": quote, "type": "event"}]
    lines[line] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.read_bytes()


def _evidence(root: Path, line: int) -> dict[str, Any]:
    record = json.loads((root / DEMO).read_text(encoding="utf-8").splitlines()[line])
    item: dict[str, Any] = record["claims"][0]["evidence"][0]
    return item


def test_a_quote_in_a_later_sentence_is_found_there(tmp_path: Path) -> None:
    # demo:0002 comes after demo:0000: the line-by-line path has not read it yet.
    root = copy_fixture(tmp_path).root
    _type_evidence(root, 0, "should probably invest")
    done = claimset("fmt", cwd=root, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "found in demo:0002 (2 sentences after)" in said
    item = _evidence(root, 0)
    assert (item["sentence"], item["start"], item["end"]) == ("demo:0002", 7, 29)
    assert claimset("fmt", "--check", cwd=root, check=False).returncode == 0


def test_a_quote_in_several_other_sentences_is_listed_not_guessed(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    _type_evidence(root, 3, "Moscow")  # in demo:0000 and demo:0001, not in demo:0003
    done = claimset("fmt", cwd=root, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert (
        "'Moscow' is not in the claim's own sentence and occurs in 2 other sentences of the "
        "document, nearest first: demo:0001 (2 sentences before), demo:0000 (3 sentences "
        'before); add `"sentence": "<its id>"` for the one you mean (guidelines §15): '
        "left unanchored"
    ) in said
    item = _evidence(root, 3)
    assert (item["sentence"], item["start"], item["end"]) == (None, None, None)
    assert item["quote"] == "Moscow"  # the person's quote is kept as typed
    # Formatting again says the same (nothing was written that hides the choice) ...
    assert "occurs in 2 other sentences" in claimset("fmt", cwd=root, check=False).stdout
    # ... until the person names the sentence.
    lines = (root / DEMO).read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[3])
    record["claims"][0]["evidence"][0]["sentence"] = "demo:0000"
    lines[3] = json.dumps(record)
    (root / DEMO).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert claimset("fmt", cwd=root, check=False).returncode == 0
    assert (_evidence(root, 3)["start"], _evidence(root, 3)["end"]) == (17, 23)


def test_a_quote_found_nowhere_is_left_for_the_person(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path).root
    _type_evidence(root, 0, "did not side with Tokyo")
    done = claimset("fmt", cwd=root, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert "quote 'did not side with Tokyo' not found in the claim's own sentence" in said
    assert "then in the document's other sentences: it is in none of them" in said
    assert _evidence(root, 0)["sentence"] is None
    # Once the quote is corrected, fmt looks again everywhere and finds it.
    _type_evidence(root, 0, "did not side with Seoul")
    assert claimset("fmt", cwd=root, check=False).returncode == 0
    assert _evidence(root, 0)["sentence"] == "demo:0001"


def test_the_own_sentence_comes_first_and_whole_words_first() -> None:
    texts = {
        "d:0000": "The EU agreed on sanctions.",
        "d:0001": "The EUR fell, and Moscow said so.",
        "d:0002": "Moscow said it would wait.",
    }

    def cite(quote: str) -> tuple[dict[str, Any], list[str]]:
        record = {
            "id": "d:0001",
            "doc": "d",
            "start": 28,
            "end": 61,
            "text": texts["d:0001"],
            "status": "done",
            "annotator": "ann",
            "claims": [
                {
                    "id": "c1",
                    "actor": {"ref": "russia"},
                    "expectation": {"quote": "fell", "type": "belief"},
                    "hedge": {"certainty": "certain"},
                    "evidence": [{"quote": quote, "type": "event"}],
                }
            ],
        }
        out, messages = format_record(record, texts)
        return out["claims"][0]["evidence"][0], messages

    # In the claim's own sentence (and in another): its own, nothing said.
    item, messages = cite("Moscow said")
    assert (item["sentence"], item["start"], messages) == ("d:0001", 18, [])
    # "EU" is inside "EUR" here and a word in the sentence before: the word wins.
    item, messages = cite("EU")
    assert (item["sentence"], item["start"]) == ("d:0000", 4)
    assert "found in d:0000 (the sentence before)" in messages[0]
