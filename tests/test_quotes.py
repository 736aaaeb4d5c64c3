"""Typing quotes by hand: whole words first, `occurrence`, and messages that lead to the fix.

Each case runs the real command line on a real project (init, a seed, split) and checks the
exact message an annotator reads.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from claimset.anchor import anchor, candidates, is_whole_word
from claimset.cli import cli
from claimset.fmt import format_record
from claimset.scaffold import init
from claimset.validate.checks.spans import span as span_check
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"

TEXT = (
    "Then the man said that he would go, and we all knew well that he meant it; "
    "Norway pays in EUR, not in the EU’s currency — the “Arctic” route is open."
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def essay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose one document `t` is the one-sentence TEXT, split; cwd inside it."""
    root = tmp_path / "proj"
    init(root)
    (root / "seeds" / "t.txt").write_text(TEXT + "\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert run("split")[0] == 0
    return root / "corpus" / "annotations" / "t.jsonl"


def reported(out: str, code: str) -> list[str]:
    """The messages of one code in a `validate --format json` report."""
    report = json.loads(out)
    return [d["message"] for d in report["errors"] + report["warnings"] if d["code"] == code]


def claim(expectation: dict[str, Any], actor: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "actor": actor or {"ref": "author", "quote": None},
        "expectation": {"type": "belief", **expectation},
        "hedge": {"certainty": "certain"},
    }


def annotate(path: Path, *claims: dict[str, Any]) -> None:
    record = json.loads(path.read_text(encoding="utf-8"))
    record.update(status="done", annotator="ann1", claims=list(claims))
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


def spans(path: Path) -> list[dict[str, Any]]:
    record = json.loads(path.read_text(encoding="utf-8"))
    return [c["expectation"] for c in record["claims"]]


# -- whole words first ------------------------------------------------------------------------


def test_he_is_the_whole_word_not_the_inside_of_the_or_then(essay: Path) -> None:
    annotate(essay, claim({"quote": "man"}), claim({"quote": "knew"}))
    assert run("fmt")[0] == 0
    annotate(essay, claim({"quote": "we"}), claim({"quote": "EU"}))
    code, out, _ = run("fmt")
    assert code == 0, out
    we, eu = spans(essay)
    assert (we["start"], eu["start"]) == (TEXT.index(" we ") + 1, TEXT.index("EU’s"))
    assert run("validate")[0] == 0


def test_a_match_inside_a_word_is_anchored_with_a_warning_naming_the_word(essay: Path) -> None:
    annotate(essay, claim({"quote": "orway"}))
    code, out, _ = run("fmt")
    assert code == 0
    assert (
        "corpus/annotations/t.jsonl:1: claims[0].expectation: warning: 'orway' occurs only "
        "inside the word 'Norway': anchored there; check that this is the span you mean"
    ) in " ".join(out.split())
    assert spans(essay)[0]["start"] == TEXT.index("Norway") + 1


def test_validate_names_the_word_before_fmt_anchors(essay: Path) -> None:
    annotate(essay, claim({"quote": "orway"}))
    out = run("validate", "--format", "json")[1]
    assert reported(out, "unanchored") == [
        "the quote has no offsets: run `claimset fmt` to fill start and end (it occurs only "
        "inside the word 'Norway': check it)"
    ]


def test_occurrence_picks_one_and_fmt_turns_it_into_offsets(essay: Path) -> None:
    annotate(essay, claim({"quote": "he", "occurrence": 2}))
    code, out, _ = run("fmt")
    assert code == 0
    assert "claims[0].expectation: occurrence 2 of 'he' anchored at 62..64" in out
    assert spans(essay)[0] == {
        "quote": "he",
        "start": 62,
        "end": 64,
        "type": "belief",
        "target": None,
    }
    assert TEXT[57:65] == "that he "  # the second whole-word "he", not "the" or "Then"
    assert run("validate")[0] == 0 and run("fmt", "--check")[0] == 0


def test_an_occurrence_that_does_not_exist(essay: Path) -> None:
    annotate(essay, claim({"quote": "he", "occurrence": 3}))
    code, out, _ = run("validate")
    assert code == 1
    assert (
        "corpus/annotations/t.jsonl:1:392: claims[0].expectation.occurrence: there is no "
        "occurrence 3: the quote occurs 2 times as a word in the sentence: "
        "1) '…the man said that [he] would go, and we…' (start 23), "
        "2) '…all knew well that [he] meant it; Norway pays…' (start 62) [offset-mismatch]"
    ) in out
    code, _, err = run("fmt")
    assert code == 1 and "1 span left unanchored" in err


# -- messages ---------------------------------------------------------------------------------


def test_ambiguous_shows_each_occurrence_in_context(essay: Path) -> None:
    annotate(essay, claim({"quote": "he"}))
    code, out, _ = run("validate")
    assert code == 1
    assert (
        "corpus/annotations/t.jsonl:1:372: claims[0].expectation.quote: the quote occurs 2 "
        "times as a word in the sentence: 1) '…the man said that [he] would go, and we…' "
        "(start 23), 2) '…all knew well that [he] meant it; Norway pays…' (start 62): add "
        '"occurrence": 1 or 2 (or "start"), or quote more words [quote-ambiguous]'
    ) in out


def test_fmt_exits_1_and_says_so_when_it_leaves_a_span_unanchored(essay: Path) -> None:
    annotate(essay, claim({"quote": "he"}), claim({"quote": "Sweden"}))
    before = essay.read_bytes()
    code, out, err = run("fmt")
    assert code == 1
    flat = " ".join(out.split())
    assert "claims[1].expectation: quote 'Sweden' not found in the sentence: left unanchored" in (
        flat
    )
    assert "'…all knew well that [he] meant it; Norway pays…' (start 62)" in flat
    assert err.splitlines()[-1] == (
        'error: 2 spans left unanchored (see above): fix the quotes, or add "occurrence", and '
        "run `claimset fmt` again"
    )
    assert essay.read_bytes() != before  # the rest of the file is still formatted


def test_not_found_names_curly_quotes_and_dashes(essay: Path) -> None:
    annotate(essay, claim({"quote": 'the EU\'s currency - the "Arctic" route'}))
    out = run("validate", "--format", "json")[1]
    at = TEXT.index("the EU’s")
    assert reported(out, "quote-not-found") == [
        "quote 'the EU\\'s currency - the \"Arctic\" route' not found in the sentence; the text "
        f"has 'the EU’s currency — the “Arctic” route' at {at}..{at + 38} (a curly quote ’ "
        "where the quote has a straight quote '; an em dash — where the quote has a hyphen -; "
        'a curly double quote “ where the quote has a straight double quote "; a curly double '
        'quote ” where the quote has a straight double quote "): copy it exactly'
    ]


def test_not_found_names_case(essay: Path) -> None:
    annotate(essay, claim({"quote": "NORWAY pays"}))
    _, out, _ = run("validate", "--format", "json")
    assert reported(out, "quote-not-found") == [
        "quote 'NORWAY pays' not found in the sentence; the text has 'Norway pays' at 75..86 "
        "(different case): copy it exactly"
    ]


def test_not_found_shows_the_closest_passage_whole_with_the_difference(essay: Path) -> None:
    annotate(essay, claim({"quote": "we all know well that he meant it"}))
    _, out, _ = run("validate", "--format", "json")
    assert reported(out, "quote-not-found") == [
        "quote 'we all know well that he meant it' not found in the sentence; closest passage "
        "at 40..73: 'we all knew well that he meant it' (the text has 'knew' where the quote "
        "has 'know')"
    ]


def test_a_long_closest_passage_is_cut_at_words_with_the_difference_marked() -> None:
    text = " ".join(f"word{i}" for i in range(60)) + "."
    quoted = text[:-1].replace("word30", "wrd30")
    from claimset.quotes import not_found_message

    message = not_found_message(text, quoted, "the sentence", "Q")
    assert message == (
        "quote Q not found in the sentence; closest passage at 0.."
        f"{len(text) - 1}: '… word26 word27 word28 word29 [word30] word31 word32 word33 "
        "word34 …' (the text has 'word30' where the quote has 'wrd30')"
    )


# -- existing corpora keep validating and stay byte-identical ---------------------------------


def _projects() -> list[Path]:
    return [REPO, DATA / "project", *sorted((DATA / "essays").iterdir())]


@pytest.mark.parametrize("root", _projects(), ids=lambda p: p.name)
def test_existing_corpora_still_validate_and_stay_canonical(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(root / "corpus", copy / "corpus")
    shutil.copytree(root / "seeds", copy / "seeds")
    (copy / "schema").mkdir()
    monkeypatch.chdir(copy)
    before = {p: p.read_bytes() for p in (copy / "corpus").rglob("*.jsonl")}
    code, out, err = run("fmt", "--check")
    assert code == 0, out + err
    assert run("fmt")[0] == 0
    assert {p: p.read_bytes() for p in before} == before
    code, out, _ = run("validate")
    assert code == 0, out


# -- the resolution itself --------------------------------------------------------------------


def test_resolution_prefers_whole_words() -> None:
    assert candidates("the he", "he") == (((4, 6),), True)
    assert candidates("the", "he") == (((1, 3),), False)
    assert anchor("the", "he").in_word == "the"
    assert anchor("Then he", "he").start == 5
    assert is_whole_word("naïve", 0, 5) and not is_whole_word("naïve", 0, 3)
    assert is_whole_word("(the)", 0, 4)  # a quote starting with punctuation
    assert anchor("he and he", "he", occurrence=2).start == 7
    assert anchor("he and he", "he", occurrence=3).status == "no-such-occurrence"


_WORDS = ["he", "the", "we", "well", "EU", "EUR", "Norway", "or", "way", "a", "an", "and"]


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=2, max_size=14),
    seps=st.lists(st.sampled_from([" ", ", ", "; ", " — ", "\n"]), min_size=14, max_size=14),
    pick=st.integers(0, 13),
    length=st.integers(1, 2),
)
def test_fmt_then_validate_never_asks_for_an_offset_when_the_word_is_unique(
    words: list[str], seps: list[str], pick: int, length: int
) -> None:
    """Short quotes of whole words: if they occur once as words, fmt anchors them."""
    text = "".join(w + s for w, s in zip(words, seps, strict=False)).strip() + "."
    pick %= len(words)
    chosen = words[pick : pick + length]
    quoted = " ".join(chosen)
    whole_word_hits = [o for o in candidates(text, quoted)[0] if is_whole_word(text, *o)]
    record = {
        "id": "t:0000",
        "doc": "t",
        "start": 0,
        "end": len(text),
        "text": text,
        "status": "done",
        "annotator": "ann1",
        "claims": [claim({"quote": quoted})],
    }
    out, _ = format_record(record)
    span = out["claims"][0]["expectation"]
    # The validator's own span check, as `claimset validate` runs it on this record.
    codes = [p.code for p in span_check(span, ("claims", 0, "expectation"), text, None)]
    if len(whole_word_hits) == 1:
        assert (span["start"], span["end"]) == whole_word_hits[0]
        assert text[span["start"] : span["end"]] == span["quote"]
        assert codes == []
    elif len(whole_word_hits) > 1:
        assert span["start"] is None and codes == ["quote-ambiguous"]


def test_a_non_breaking_space_matches_and_fmt_says_the_text_has_one() -> None:
    record = {
        "id": "t:0000",
        "doc": "t",
        "start": 0,
        "end": 20,
        "text": "It rose by 10\u00a0per cent.",
        "status": "done",
        "annotator": "a",
        "claims": [claim({"quote": "10 per cent"})],
    }
    out, notes = format_record(record)
    assert out["claims"][0]["expectation"]["quote"] == "10\u00a0per cent"
    assert notes[-1] == (
        "claims[0].expectation: quote rewritten to the exact text '10\\xa0per cent' (the text "
        "has a non-breaking space)"
    )
