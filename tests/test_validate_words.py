"""The words the validator's messages use for values: quoting, JSON types, "did you mean",
where a sentence's misplaced text is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from claimset.validate import fast_path, validate
from claimset.validate.problems import ActorIndex, did_you_mean, json_type, quote
from samples import FIXTURE, copy_fixture
from test_validate_checks import edit_demo


def fixture_actors() -> ActorIndex:
    index = ActorIndex()
    for line in (FIXTURE / "corpus" / "actors.jsonl").read_text("utf-8").splitlines():
        index.add(json.loads(line))
    return index


def test_a_long_string_is_quoted_shortened_in_the_middle() -> None:
    assert quote("x" * 60) == repr("x" * 60)
    assert quote("a" * 30 + "b" * 31) == repr("a" * 29 + "…" + "b" * 29)
    assert quote("abcdefghij", 8) == repr("abc…hij")
    assert quote("abcdefgh", 8) == repr("abcdefgh")


def test_json_types_in_words() -> None:
    assert [json_type(v) for v in (None, True, False, 0, 2.5, [], {})] == [
        "null",
        "true",
        "false",
        "an integer (0)",
        "a number (2.5)",
        "an array",
        "an object",
    ]
    assert json_type("x" * 30) == f"a string ({'x' * 30!r})"
    assert json_type("x" * 31) == f"a string ({'x' * 14 + '…' + 'x' * 14!r})"


def test_the_records_messages_name_booleans_and_shorten_strings(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text("utf-8").splitlines()
    record = json.loads(lines[1])
    record["start"] = "y" * 40
    lines[1] = json.dumps(record)
    path.write_text("\n".join([lines[0], lines[1], "true", "false", *lines[2:]]) + "\n")
    messages = [(d.line, d.path, d.message) for d in validate(project).errors]
    assert (3, "", "a record must be a JSON object {...}, not true") in messages
    assert (4, "", "a record must be a JSON object {...}, not false") in messages
    [start] = [m for line, p, m in messages if p == "start"]
    assert start.endswith(f"got a string ({'y' * 14 + '…' + 'y' * 14!r})"), start


def test_did_you_mean_names_the_single_closest_choice() -> None:
    assert did_you_mean("desir", ["belief", "desire", "desires"]) == " (did you mean 'desire'?)"
    assert did_you_mean("xyz", ["desire"]) == ""


def test_an_actor_is_suggested_by_name_or_alias_written_as_an_id() -> None:
    actors = fixture_actors()
    # By name or alias, whatever the case, with '_' for the spaces of an id.
    assert actors.suggest("The essay's author") == " (did you mean 'author'?)"
    assert actors.suggest("MOSCOW") == " (did you mean 'russia'?)"
    assert actors.suggest("the_DPRK") == " (did you mean 'north_korea'?)"
    # By the spelling of an id, when no name matches.
    assert actors.suggest("rusia") == " (did you mean 'russia'?)"
    assert actors.suggest("zzz") == ""
    # An alias that holds a '_' itself is found as written.
    actors.add({"id": "kremlin", "name": None, "aliases": ["Kremlin_RU"]})
    assert actors.suggest("KREMLIN_ru") == " (did you mean 'kremlin'?)"


def test_an_actor_index_keeps_the_first_owner_of_a_name_and_skips_what_is_not_text() -> None:
    actors = ActorIndex()
    actors.add({"id": "russia", "name": "Russia", "aliases": ["Moscow", 3, None]})
    actors.add({"id": "moscow_city", "name": "Moscow", "aliases": "not a list"})
    actors.add({"id": 7, "name": "Seven"})
    assert actors.ids == {"russia", "moscow_city"}
    assert actors.names == {"russia": "russia", "moscow": "russia"}


def test_a_ref_written_as_a_name_is_told_its_actor_id(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    text = path.read_text("utf-8")
    path.write_text(text.replace('"ref": "south_korea"', '"ref": "The essay\'s author"', 1))
    [diagnostic] = validate(project).errors
    assert diagnostic.path == "claims[0].actor.ref"
    assert diagnostic.message.endswith("(did you mean 'author'?)"), diagnostic.message


def test_an_id_of_another_kind_written_as_an_actors_name_gets_no_actor_suggested(
    tmp_path: Path,
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    text = path.read_text("utf-8")
    path.write_text(text.replace('"id": "c1"', '"id": "South Korea"', 1), "utf-8")
    [diagnostic] = validate(project).errors
    assert (diagnostic.line, diagnostic.column, diagnostic.path, diagnostic.code) == (
        1,
        187,
        "claims[0].id",
        "value",
    )
    assert diagnostic.message == (
        "'South Korea' is not a claim id (letters, digits, '_', '-'), like 'c1' or null"
    )


def test_a_misplaced_text_is_named_where_it_first_is_and_an_empty_one_differs(
    tmp_path: Path,
) -> None:
    def found(name: str, lineno: int, edit: dict[str, object]) -> list[tuple[int, str, str]]:
        project = copy_fixture(tmp_path / name)
        edit_demo(project, lineno, edit)
        return [(d.line, d.code, d.message) for d in validate(project).diagnostics]

    wrong = "the offsets are wrong (re-run `claimset split`)"
    # The first sentence's text, found at the seed's very start.
    assert found("first", 1, {"start": 1, "end": 60}) == [
        (1, "offset-mismatch", f"the text is at 0..59 of seeds/demo.txt, not at 1..60: {wrong}")
    ]
    # "Russia" is twice in the seed: the first is named.
    assert found("twice", 3, {"start": 134, "end": 140, "text": "Russia", "claims": []}) == [
        (
            3,
            "offset-mismatch",
            f"the text is at 133..139 of seeds/demo.txt, not at 134..140: {wrong}",
        )
    ]
    # An empty text is "in" the seed anywhere: it differs from what its offsets select.
    assert found("empty", 2, {"text": ""})[1:] == [
        (
            2,
            "offset-mismatch",
            "the text differs from seeds/demo.txt[60:132] ('Moscow did not side with Seou…king "
            "of the Cheonan corvette.'): sentence text is never edited by hand; restore it from "
            "the seed, or re-run `claimset split` if the seed changed",
        )
    ]


def test_a_sentence_starting_where_an_empty_one_is_is_in_document_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_fixture(tmp_path)
    path = project.annotation_path("demo")
    lines = path.read_text("utf-8").splitlines()
    empty = {"id": "demo:0004", "doc": "demo", "start": 60, "end": 60, "text": ""}
    lines.insert(1, json.dumps({**empty, "status": "todo", "claims": []}))
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    # 60..60, then 60..132: no order problem; only the count of records changed.
    assert [(d.line, d.code) for d in validate(project).diagnostics] == [(1, "sentence-count")]
    # The same on the precise path (the fast path takes 60..132 without calling the checks).
    monkeypatch.setattr(fast_path, "pattern", lambda model: None)
    monkeypatch.setattr(fast_path, "valid_record", lambda model, raw: None)
    assert [(d.line, d.code) for d in validate(project).diagnostics] == [(1, "sentence-count")]


def test_a_form_another_person_repeats_is_named_once(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path)
    people = [
        {"id": "park", "name": "Park Geun-hye", "aliases": ["Park Geun-hye"], "kind": "person"},
        {"id": "kim", "name": "Kim Park", "aliases": ["Park"], "kind": "person"},
    ]
    with project.actors_path.open("a", encoding="utf-8") as handle:
        handle.writelines(json.dumps(person) + "\n" for person in people)
    shared = [d for d in validate(project).diagnostics if d.code == "shared-alias"]
    assert [(d.path, d.severity, d.message.split(":")[0]) for d in shared] == [
        ("aliases[0]", "warning", "'Park' is also a part of a name of 'park' ('Park Geun-hye')")
    ]
